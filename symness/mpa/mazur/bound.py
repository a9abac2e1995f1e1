"""Mazur bound D_Z on the spin Drude weight, Prosen (2011), eqs. (19)-(20).

    D_Z = (1/4) lim_{n -> oo} n / <L|T^n|R>                                  (19)

with T the reduced transfer matrix (15) (``c = 1``).  At ``Delta = cos(pi ell/m)``
(``gcd(ell, m) = 1``) T can be replaced by ``T' = T|H_{m+1}``.  Three methods:

* :func:`dz_jordan` -- the paper's: the eigenvalue 1 of ``T'`` carries a 2x2
  Jordan block (from ``|L>``, ``|R>``), so ``<L|T'^n|R> = a n + O(1)`` with
  ``a = <L|N P|R>`` (``P`` the exact spectral projector, ``N = (T' - 1) P``),
  and ``D_Z = 1 / (4 a)``.  Exact over ``Q(2 cos(2 pi/m))``.
* :func:`dz_resolvent` -- independent: in the basis ``L, (1..m-1), R`` T' is
  block upper triangular, ``T' = [[1, u, 0], [0, B, v], [0, 0, 1]]`` with
  ``u = v = e_1/2``, so ``<L|T'^n|R> = sum_k (n-1-k) u B^k v`` and
  ``a = u (1 - B)^{-1} v = [(1-B)^{-1}]_{11} / 4``.  B is tridiagonal, so the
  resolvent element is a finite continued fraction, evaluated exactly.
* :func:`dz_closed_form` -- the continued fraction solved in closed form.
  Since ``B_{r,r+1} B_{r+1,r} = sin^2(r lam) sin^2((r+1) lam) / 4`` for both
  parities of r, the Schur complements ``x_r = sin^2(r lam) y_{m-r}`` obey
  ``y_j = 1 - 1/(4 y_{j-1})``, ``y_1 = 1``, i.e. ``y_j = (j+1)/(2j)``
  (independent of lam), hence

      D_Z(cos(pi ell/m)) = x_1 = m sin^2(pi ell/m) / (2 (m - 1)).

  This costs O(1) per point (proved for all m in ``prosen2011.mazur.closed_form``).

:func:`dz_by_iteration` is the paper's numerical method (iterate T' until the
growth rate of ``<L|T'^n|R>`` converges), used as a reference and a baseline.
"""

from __future__ import annotations

import mpmath
import numpy as np
import sympy as sp
from sympy.polys.matrices import DomainMatrix

from symness.exact.cos_field import cos_field, sign, sin_squared
from symness.exact.spectral import spectral_part
from symness.mpa.transfer.matrices import (
    L,
    R,
    check_rational_lambda,
    inner,
    inner_entries,
    transfer_matrices_exact,
)
from symness.validation import require_int, require_real

__all__ = ["dz_jordan", "dz_resolvent", "dz_formula", "dz_closed_form", "dz_closed_form_exact",
           "dz_by_iteration", "inner_block", "dz_by_squaring", "coprime_pairs", "dz_fractal",
           "inner_spectrum_inside_unit_interval",
           "bethe_ansatz_drude"]


def dz_jordan(ell: int, m: int):
    """D_Z at ``lam = pi ell/m`` by the exact Jordan decomposition of T' (the paper's method).

    Returns
    -------
    element of ``cos_field(m)``
        Exact D_Z.

    Raises
    ------
    ArithmeticError
        If the eigenvalue 1 of T' does not form a single 2x2 Jordan block
        (then ``<L|T'^n|R>`` is not asymptotically linear in n).
    """
    t, _ = transfer_matrices_exact(ell, m)
    part = spectral_part(t, t.domain.one)
    if part.block_sizes != (2,):
        raise ArithmeticError(f"eigenvalue 1 of T' at ell/m={ell}/{m} has Jordan blocks "
                              f"{part.block_sizes}, expected (2,)")
    slope = part.nilpotent.to_list()[L][R]
    return t.domain.one / (slope * t.domain.convert(4))


def _inner_block(t: DomainMatrix) -> list[list]:
    rows = t.to_list()
    size = t.shape[0]
    return [[rows[inner(r)][inner(s)] for s in range(1, size - 1)] for r in range(1, size - 1)]


def _schur_complements(block: list[list], shift) -> list:
    """Pivots ``x_r`` of ``shift - B`` eliminated from the bottom (tridiagonal B), top first."""
    size = len(block)
    pivots = [shift - block[-1][-1]]
    for r in range(size - 2, -1, -1):
        pivots.append(shift - block[r][r] - block[r][r + 1] * block[r + 1][r] / pivots[-1])
    return pivots[::-1]


def dz_resolvent(ell: int, m: int):
    """D_Z at ``lam = pi ell/m`` from the resolvent ``[(1 - B)^{-1}]_{11}`` of the inner block.

    Independent of :func:`dz_jordan`: uses only the block-triangular structure of
    T' and the exact continued fraction of a tridiagonal resolvent element.
    """
    t, _ = transfer_matrices_exact(ell, m)
    rows = t.to_list()
    half = t.domain.one / t.domain.convert(2)
    if rows[L][inner(1)] != half or rows[inner(1)][R] != half or any(
            rows[L][inner(r)] or rows[inner(r)][R] for r in range(2, m)):
        raise ArithmeticError("T' is not of the form [[1, e1/2, 0], [0, B, e1/2], [0, 0, 1]]")
    pivots = _schur_complements(_inner_block(t), t.domain.one)
    slope = half * half / pivots[0]  # u (1-B)^{-1} v = [(1-B)^{-1}]_11 / 4 = 1 / (4 x_1)
    return t.domain.one / (slope * t.domain.convert(4))


def inner_spectrum_inside_unit_interval(ell: int, m: int) -> bool:
    """Exactly decide that the inner block B of T' has its spectrum in (-1, 1).

    B is tridiagonal with positive products ``B_{r,r+1} B_{r+1,r}``, hence
    similar to a real symmetric matrix; its eigenvalues lie in (-1, 1) iff
    ``1 - B`` and ``1 + B`` are positive definite, i.e. iff all their pivots
    (Schur complements) are positive.  Signs are decided exactly
    (:func:`symness.exact.cos_field.sign`).  Then ``<L|T'^n|R> - a n`` is
    bounded and the limit (19) exists.
    """
    t, _ = transfer_matrices_exact(ell, m)
    block = _inner_block(t)
    one = t.domain.one
    products = [block[r][r + 1] * block[r + 1][r] for r in range(len(block) - 1)]
    if any(sign(p, m) <= 0 for p in products):
        return False
    minus = [[-x for x in row] for row in block]
    pivots = _schur_complements(block, one) + _schur_complements(minus, one)
    return all(sign(x, m) > 0 for x in pivots)


def dz_formula(m, sin2_lam):
    """``m sin^2(lam) / (2 (m - 1))``: the closed form of D_Z, eq. (20) extended to every m.

    Proved for every m in :mod:`symness.mpa.mazur.closed_form_proof`.  ``m`` is an int
    (exact sympy result), a sympy symbol, or a numpy array (with ``sin2_lam`` a
    float array, as in :func:`dz_fractal`).
    """
    if isinstance(m, int):
        m = sp.Integer(m)
    return m * sin2_lam / (2 * (m - 1))


def dz_closed_form(ell: int, m: int) -> sp.Expr:
    """``D_Z(cos(pi ell/m)) = m sin^2(pi ell/m) / (2 (m-1))`` as a sympy expression."""
    ell, m = check_rational_lambda(ell, m)
    return dz_formula(m, sp.sin(sp.pi * sp.Rational(ell, m)) ** 2)


def dz_closed_form_exact(ell: int, m: int):
    """Return the closed form as an exact element of ``Q(2 cos(2 pi/m))``."""
    ell, m = check_rational_lambda(ell, m)
    field = cos_field(m)
    return field.convert(dz_formula(m, sp.Integer(1))) * sin_squared(ell, m)


def dz_by_iteration(ell: int, m: int, *, dps: int | None = None, rtol: float = 1e-13,
                    max_iter: int = 10**8):
    """D_Z by iterating T' (the paper's numerical method).

    ``w_n = T'^n |R>`` is iterated; the increment ``<L|T'^{n+1}|R> - <L|T'^n|R>
    = <L|T'|inner>.w_n`` converges geometrically to the growth rate ``a``, and
    ``D_Z = 1/(4a)`` (the same limit as ``n / (4 <L|T'^n|R>)``, whose own
    convergence is only O(1/n)).  Stops when the geometric tail estimate
    ``|d_n| rho / (1 - rho)`` (``d_n`` the last change, ``rho`` the observed
    contraction) is below ``rtol * a``.

    Parameters
    ----------
    ell, m : int
        ``lam = pi ell/m``.
    dps : int, optional
        mpmath working precision in decimal digits; float64 if omitted.
    rtol : float
        Relative tolerance of the stopping rule.
    max_iter : int
        Raise ``RuntimeError`` if not converged after this many steps.
    """
    ell, m = check_rational_lambda(ell, m)
    rtol = float(require_real(rtol, "rtol", minimum=0, open_minimum=True))
    if dps is None:
        return _iterate(ell, m, lambda k: np.cos(np.pi * k / m), np.float64, rtol, max_iter)
    with mpmath.workdps(require_int(dps, "dps", minimum=15)):
        value = _iterate(ell, m, lambda k: mpmath.cospi(mpmath.mpf(k) / m), object, rtol,
                         max_iter)
        return +value


def inner_block(ell: int, m: int, cos_pi_over_m=None, dtype=np.float64):
    """Tridiagonal inner block B of T' (basis ``|1>..|m-1>``): ``(diag, up, down, 1/2)``.

    ``T' = [[1, u, 0], [0, B, v], [0, 0, 1]]`` in the basis ``L, (1..m-1), R``
    with ``u = v = e_1/2``; entries from ``cos_pi_over_m(k) = cos(pi k/m)``
    (float64 ``np.cos`` by default), ``lam = pi ell/m``.
    """
    if cos_pi_over_m is None:
        def cos_pi_over_m(k):
            return np.cos(np.pi * k / m)

    def sin2(k):  # sin^2(k lam) = (1 - cos(2 pi k ell / m)) / 2, angle reduced mod 2 pi
        return (1 - cos_pi_over_m(2 * ((k * ell) % m))) / 2

    one = cos_pi_over_m(0)
    half = one / 2
    entries = [inner_entries(r, lambda k: 1 - sin2(k), sin2, one, half) for r in range(1, m)]
    diag = np.array([e[0] for e in entries], dtype=dtype)
    up = np.array([e[1] for e in entries[:-1]], dtype=dtype)
    down = np.array([e[2] for e in entries[:-1]], dtype=dtype)
    return diag, up, down, half


def _iterate(ell, m, cos_pi_over_m, dtype, rtol, max_iter):
    """Iterate the inner block of T' (entries from ``cos_pi_over_m(k) = cos(pi k/m)``)."""
    diag, up, down, half = inner_block(ell, m, cos_pi_over_m, dtype)
    w = np.zeros(m - 1, dtype=dtype) * half
    w[0] = half  # T'|R> restricted to the inner block: e_1 / 2
    rate, change, previous_change = half * w[0], None, None
    for _ in range(max_iter):
        new = diag * w
        new[:-1] += up * w[1:]
        new[1:] += down * w[:-1]
        new[0] += half
        w = new
        new_rate = half * w[0]
        previous_change, change, rate = change, new_rate - rate, new_rate
        if change == 0:  # stationary (e.g. m = 2, where B = 0)
            return 1 / (4 * rate)
        if previous_change:
            rho = abs(change / previous_change)
            if rho < 1 and abs(change) * rho / (1 - rho) <= rtol * abs(rate):
                return 1 / (4 * rate)
    raise RuntimeError(f"T' iteration at ell/m={ell}/{m} did not converge to rtol={rtol} "
                       f"after {max_iter} steps")


def dz_by_squaring(ell: int, m: int, *, digits: int = 40, max_doublings: int = 400):
    """D_Z from ``T'^n`` at ``n = 2^k`` by repeated squaring in ball arithmetic (python-flint).

    The growth rate is ``<L|T'^{n+1}|R> - <L|T'^n|R> = <L|T'^n|1> / 2`` (since
    ``(T' - 1)|R> = |1>/2``), so ``D_n = 1 / (2 <L|T'^n|1>)``, which converges to
    D_Z geometrically in n.  Each ``T'^n`` is an ``arb`` enclosure (working
    precision ``4 digits`` decimal digits); doubling stops when two successive
    values differ by less than ``10^-(digits + 5)``.

    Returns
    -------
    (flint.arb, int)
        Enclosure of ``D_n`` and the ``n`` reached.  The truncation ``D_n - D_Z``
        is not part of the ball; compare with an exact value to measure it.
    """
    import flint

    from symness.exact.cos_field import enclosure

    ell, m = check_rational_lambda(ell, m)
    t, _ = transfer_matrices_exact(ell, m)
    prec = int(4 * digits * 3.33) + 64
    saved = flint.ctx.prec
    flint.ctx.prec = prec
    try:
        power = flint.arb_mat([[enclosure(x, m, prec) for x in row] for row in t.to_list()])
        previous, n = None, 1
        for _ in range(max_doublings):
            power, n = power * power, 2 * n
            value = 1 / (2 * power[L, inner(1)])
            if previous is not None and abs(value - previous).upper() < flint.arb(10) ** -(
                    digits + 5):
                return value, n
            previous = value
    finally:
        flint.ctx.prec = saved
    raise RuntimeError(f"T'^n at ell/m={ell}/{m} did not converge after n=2^{max_doublings}")


def coprime_pairs(max_m: int) -> tuple[np.ndarray, np.ndarray]:
    """All ``(ell, m)``, ``2 <= m <= max_m``, ``0 < ell < m``, ``gcd(ell, m) = 1``, sorted."""
    max_m = require_int(max_m, "max_m", minimum=2)
    ls, ms = [], []
    for m in range(2, max_m + 1):
        ell = np.arange(1, m, dtype=np.int64)
        ell = ell[np.gcd(ell, m) == 1]
        ls.append(ell)
        ms.append(np.full(ell.size, m, dtype=np.int64))
    return np.concatenate(ls), np.concatenate(ms)


def dz_fractal(max_m: int) -> dict[str, np.ndarray]:
    """D_Z at every ``Delta = cos(pi ell/m)``, ``m <= max_m`` (float64, closed form).

    ``sin(pi ell/m)`` is evaluated at ``min(ell, m - ell)`` so the argument is at most
    ``pi/2`` and the relative error stays at a few ulp.

    Returns
    -------
    dict with arrays ``ell``, ``m``, ``delta``, ``dz``.
    """
    ls, ms = coprime_pairs(max_m)
    folded = np.minimum(ls, ms - ls)
    s = np.sin(np.pi * folded / ms)
    return {"ell": ls, "m": ms, "delta": np.cos(np.pi * ls / ms),
            "dz": dz_formula(ms, s * s)}


def bethe_ansatz_drude(lam: sp.Expr) -> sp.Expr:
    """``D_BA = 1 - sin(2 lam) / (2 lam)``, the Bethe-ansatz value quoted after (20)."""
    return 1 - sp.sin(2 * lam) / (2 * lam)
