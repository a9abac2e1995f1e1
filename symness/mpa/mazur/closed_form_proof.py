"""Proof, for every m, of ``D_Z(cos(pi ell/m)) = m sin^2(pi ell/m) / (2 (m-1))``, Prosen (2011).

Every step is a symbolic identity checked by sympy in a *general* index (``m``,
``ell``, ``r = 2k - 1`` or ``2k``, ``n``), using the same entry formulas as the
builders of T (:func:`symness.mpa.transfer.matrices.inner_entries`) and the same
closed form as the numerics (:func:`symness.mpa.mazur.bound.dz_formula`).
``lam = pi ell/m``, ``0 < ell < m``, ``gcd(ell, m) = 1``, ``c = 1``.

1. ``pair_products`` -- for both parities of r, ``T_{r,r} = 1 - sin^2(r lam)``
   and ``p_r := T_{r,r+1} T_{r+1,r} = sin^2(r lam) sin^2((r+1) lam) / 4``.
2. ``cut`` -- at ``r = m - 1`` one of ``T_{r,r+1}`` (m even) or ``T_{r+1,r}``
   (m odd) vanishes, so ``<L|T^n`` (m even) or ``T^n|R>`` (m odd) stays in
   ``H_{m+1}`` and ``<L|T^n|R> = <L|T'^n|R>`` for every n (eq. (15) ff.).
3. ``boundary`` -- in the basis ``L, (1..m-1), R``, ``T' = [[1, u, 0], [0, B, v],
   [0, 0, 1]]`` with ``u = v = e_1/2`` (the builder's boundary entries; the inner
   entries are tridiagonal by construction of the builder).
4. ``block_powers`` -- induction on n with noncommuting blocks u, B, v:
   ``T'^n = [[1, u S_n(B), u W_n(B) v], [0, B^n, S_n(B) v], [0, 0, 1]]``
   (:func:`symness.mpa.mazur.closed_form_analysis.block_powers`).
   ``power_sum`` -- the same induction on the coefficients:
   ``s_n = <L|T'^n|R> = sum_{b=0}^{n-2} (n - 1 - b) c_b`` with
   ``c_b = u B^b v``; so ``s_n = sum_{j=0}^{n-2} P_j`` (``P_j`` the partial
   sums of ``c_b``, a Cesaro form).
   ``cesaro_limit`` -- ``s_n / n -> a = u (1 - B)^{-1} v`` once the spectrum of
   B lies in (-1, 1) (step 8), and ``D_Z = (1/4) lim n / s_n = 1/(4a)`` (19),
   by ``sympy.limit`` per eigenvalue of the symmetrised B
   (:func:`symness.mpa.mazur.closed_form_analysis.cesaro_limit`).
5. ``schur_lemma`` -- for a tridiagonal ``M`` the element ``[M^{-1}]_{11}`` is
   ``1/(M_11 - M_12 M_21 [M'^{-1}]_{11})`` (``M'`` without its first row and
   column), hence ``[(1 - B)^{-1}]_{11} = 1/x_1`` with the pivots
   ``x_{m-1} = 1 - T_{m-1,m-1}``, ``x_r = 1 - T_{r,r} - p_r / x_{r+1}``.
6. ``recurrence`` -- ``y_j = (j+1)/(2j)`` solves ``y_1 = 1``,
   ``y_j = 1 - 1/(4 y_{j-1})``.
7. ``pivots`` -- end condition ``x_{m-1} = sin^2((m-1) lam) y_1`` and the step
   ``x_{r+1} = sin^2((r+1) lam) y_{m-r-1}  =>  x_r = sin^2(r lam) y_{m-r}``
   (both parities of r; the division needs ``sin((r+1) lam) != 0``, step 8).
8. ``bezout`` -- ``a ell + b m = 1`` constructed by extended Euclid (invariant
   checked symbolically, run for every coprime ell < m <= 300,
   :func:`symness.mpa.mazur.closed_form_analysis.bezout`).
   ``nonvanishing`` -- Euclid's lemma from these coefficients (``m | j ell``
   gives ``m | j``), so ``sin(j lam) != 0`` for ``0 < j < m``;
   ``y_j > 0``; hence all pivots ``x_r > 0`` and ``1 - B`` (similar to a
   symmetric matrix, since ``p_r > 0`` for ``r < m - 1``) is positive definite:
   spectrum < 1.  Gershgorin on the symmetrised B: every eigenvalue is
   ``>= 1 - s^2 - s t`` with ``s = |sin(r lam)|``, ``t <= 1`` the mean of the
   neighbours' ``|sin|``; ``2 - s^2 - s t >= 0`` with equality only at
   ``s = t = 1``, impossible since ``s = 1`` forces the neighbour's
   ``sin^2 = cos^2(lam) < 1``: spectrum > -1.
9. ``identification`` -- ``a = (1/2)(1/2)/x_1``, ``D_Z = 1/(4a) = x_1 =
   sin^2(lam) y_{m-1}``, which equals ``dz_formula(m, sin^2(lam))``.

Each step takes its ingredients as keyword arguments (defaults: the package's
own formulas), so a test can substitute an altered ingredient and see the step
fail (mutation test).  What is still argued by hand (textbook facts, listed in
:mod:`symness.mpa.mazur.closed_form_analysis`): the spectral theorem for the
symmetrised B, linearity of limits over its finitely many eigenvalues,
continuity of ``1/y`` at ``y = a > 0``, termination of Euclid's algorithm, the
recursive use of the Schur lemma (step 5) over the trailing blocks, and
Gershgorin's theorem (step 8).
"""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from symness.mpa.mazur.bound import dz_formula
from symness.mpa.mazur.closed_form_analysis import bezout, block_powers, cesaro_limit
from symness.mpa.transfer.matrices import L, R, inner, inner_entries, reduced_transfer_matrices

__all__ = ["y_closed", "prove_closed_form", "STEPS"]

_K = sp.Symbol("k", integer=True, positive=True)
_M = sp.Symbol("m", integer=True, positive=True)
_ELL = sp.Symbol("ell", integer=True, positive=True)
_LAM = sp.Symbol("lambda", real=True)
_HALF = sp.Rational(1, 2)


def y_closed(j):
    """``y_j = (j + 1) / (2 j)``, the solution of the recurrence of step 6."""
    return (j + 1) / (2 * j)


def _sin2(lam):
    return lambda x: sp.sin(x * lam) ** 2


def _cos2(lam):
    return lambda x: sp.cos(x * lam) ** 2


def _entries(r, lam=_LAM, entries: Callable = inner_entries):
    return entries(r, _cos2(lam), _sin2(lam), sp.Integer(1), _HALF)


def _zero(expr) -> bool:
    return sp.simplify(sp.expand_trig(expr)) == 0


def _parities():
    """Inner indices ``r = 2k - 1`` (odd) and ``r = 2k`` (even), k >= 1 symbolic."""
    return (2 * _K - 1, 2 * _K)


def pair_products(entries: Callable = inner_entries) -> bool:
    """Step 1: ``T_rr = 1 - sin^2(r lam)`` and ``p_r = sin^2(r lam) sin^2((r+1) lam)/4``."""
    s2 = _sin2(_LAM)
    ok = True
    for r in _parities():
        diag, up, down = _entries(r, entries=entries)
        ok &= _zero(diag - (1 - s2(r))) and _zero(up * down - s2(r) * s2(r + 1) / 4)
    return bool(ok)


def cut(entries: Callable = inner_entries) -> bool:
    """Step 2: at ``r = m - 1`` the up (m = 2k) or down (m = 2k + 1) entry vanishes."""
    even_up = _entries(2 * _K - 1, sp.pi * _ELL / (2 * _K), entries)[1]
    odd_down = _entries(2 * _K, sp.pi * _ELL / (2 * _K + 1), entries)[2]
    return bool(sp.simplify(even_up) == 0 and sp.simplify(odd_down) == 0)


def boundary(size: int = 5) -> bool:
    """Step 3: ``T_LL = T_RR = 1``, ``T_{L,1} = T_{1,R} = 1/2``, no other L/R entries."""
    t, _ = reduced_transfer_matrices(size, _cos2(_LAM), _sin2(_LAM), sp.Integer(1),
                                     one=sp.Integer(1), zero=sp.Integer(0))
    expected_row_l = {L: 1, inner(1): _HALF}
    expected_col_r = {R: 1, inner(1): _HALF}
    row_l = {j: t[L][j] for j in range(size) if t[L][j] != 0}
    col_r = {i: t[i][R] for i in range(size) if t[i][R] != 0}
    row_r = {j: t[R][j] for j in range(size) if t[R][j] != 0}
    col_l = {i: t[i][L] for i in range(size) if t[i][L] != 0}
    return row_l == expected_row_l and col_r == expected_col_r and row_r == {R: 1} \
        and col_l == {L: 1}


def power_sum(coefficient: Callable = lambda n, b: n - 1 - b) -> bool:
    """Step 4: induction for ``s_n = sum_{b=0}^{n-2} w(n, b) c_b`` with ``w = n - 1 - b``.

    Base ``s_1 = T'_{LR} = 0`` (empty sum), ``s_2 = u v = c_0``; step (``T'^{n+1} = T'^n T'``,
    ``T'_{RR} = 1``, ``(T'^n)_{L,inner} v = sum_{b<n} c_b``):
    ``s_{n+1} = s_n + sum_{b=0}^{n-1} c_b``.  The last term of ``s_{n+1}`` is
    peeled off so that both sums run over ``0 <= b <= n - 2``.  Also checks
    ``s_n = sum_{j=0}^{n-2} P_j`` (the Cesaro form) by exchanging the sums.
    """
    n = sp.Symbol("n", integer=True, positive=True)
    b = sp.Symbol("b", integer=True, nonnegative=True)
    c = sp.IndexedBase("c")
    base = sp.simplify(sp.Sum(coefficient(2, b) * c[b], (b, 0, 0)).doit() - c[0]) == 0
    # s_{n+1} - s_n - sum_{b<=n-1} c_b, with the b = n-1 terms written out
    body = (coefficient(n + 1, b) - coefficient(n, b) - 1) * c[b]
    peeled = coefficient(n + 1, n - 1) * c[n - 1] - c[n - 1]
    step = sp.simplify(body) == 0 and sp.simplify(peeled) == 0
    # sum_{j=0}^{n-2} P_j = sum_b c_b #{j : b <= j <= n-2} = sum_b (n - 1 - b) c_b
    count = sp.Sum(1, (sp.Symbol("j", integer=True), b, n - 2)).doit()
    cesaro = sp.simplify(count - coefficient(n, b)) == 0
    return bool(base and step and cesaro)


def _pivot_step(a, p, x_next):
    """``x_r = a_r - p_r / x_{r+1}`` (step 5)."""
    return a - p / x_next


def schur_lemma(pivot_step: Callable = _pivot_step) -> bool:
    """Step 5: first pivot of a tridiagonal inverse (Schur complement), and its induction.

    ``z = M^{-1} e_1`` of ``M = [[a, beta e^T], [gamma e, M']]`` has ``z_1 =
    1/(a - beta gamma g)``, ``g = [M'^{-1}]_{11}``, for any invertible M'
    (``a = 1 - T_rr``, ``beta gamma = p_r``).  The equations are ``a z_1 +
    beta z'_1 = 1`` and ``gamma z_1 e_1 + M' z' = 0``, so ``z' = -gamma z_1
    M'^{-1} e_1`` and ``z'_1 = -gamma z_1 g``.

    Induction over the trailing blocks ``M_r`` (rows r..m-1 of ``1 - B``):
    base ``M_{m-1} = [a_{m-1}]``, ``g_{m-1} = 1/x_{m-1}``; step: if
    ``g_{r+1} = 1/x_{r+1}`` then the lemma gives ``g_r = 1/pivot_step(a_r, p_r,
    x_{r+1})``; and ``det M_r = a_r det M_{r+1} - p_r det M_{r+2}`` (expansion
    along the first row) equals ``x_r det M_{r+1}`` under the same hypothesis,
    so positive pivots (step 8) make every ``M_r`` invertible.  A generic
    symbolic 4x4 tridiagonal matrix is checked against the recursion as well.
    """
    a, beta, gamma, g, z1 = sp.symbols("a beta gamma g z1")
    solution = sp.solve(a * z1 + beta * (-gamma * z1 * g) - 1, z1)
    lemma = len(solution) == 1 and sp.simplify(solution[0] - 1 / (a - beta * gamma * g)) == 0
    p, x_next, d_next = sp.symbols("p x_next d_next", nonzero=True)
    step = sp.simplify(1 / (a - p * (1 / x_next)) - 1 / pivot_step(a, p, x_next)) == 0
    # det M_{r+1} = x_{r+1} det M_{r+2}, i.e. det M_{r+2} = d_next / x_next
    det_step = sp.simplify(a * d_next - p * d_next / x_next
                           - pivot_step(a, p, x_next) * d_next) == 0
    size = 4
    diag, off_up, off_down = (sp.symbols(f"{c}0:{size}") for c in "adc")
    mat = sp.zeros(size, size)
    for i in range(size):
        mat[i, i] = diag[i]
        if i + 1 < size:
            mat[i, i + 1], mat[i + 1, i] = off_up[i], off_down[i]
    xs = _pivots(diag, off_up, off_down, pivot_step)
    small = (sp.simplify(mat.inv()[0, 0] - 1 / xs[-1]) == 0
             and sp.simplify(mat.det() - sp.Mul(*xs)) == 0)
    return bool(lemma and step and det_step and small)


def _pivots(diag, up, down, pivot_step: Callable) -> list:
    """Pivots ``x_{m-1}, ..., x_1`` of a tridiagonal matrix, from the last row up."""
    xs = [diag[-1]]
    for i in range(len(diag) - 2, -1, -1):
        xs.append(pivot_step(diag[i], up[i] * down[i], xs[-1]))
    return xs


def recurrence(y: Callable = y_closed) -> bool:
    """Step 6: ``y_1 = 1`` and ``y_j = 1 - 1/(4 y_{j-1})`` for symbolic ``j >= 2``."""
    j = sp.Symbol("j", integer=True, positive=True)
    return bool(sp.simplify(y(sp.Integer(1)) - 1) == 0
                and sp.simplify(y(j + 1) - (1 - 1 / (4 * y(j)))) == 0)


def pivots(entries: Callable = inner_entries, y: Callable = y_closed) -> bool:
    """Step 7: the pivots ``x_r = sin^2(r lam) y_{m-r}`` (end condition and general step)."""
    s2 = _sin2(_LAM)
    end = _zero(1 - _entries(_M - 1, entries=entries)[0] - s2(_M - 1) * y(sp.Integer(1)))
    ok = bool(end)
    for r in _parities():
        diag, up, down = _entries(r, entries=entries)
        x_next = s2(r + 1) * y(_M - r - 1)
        ok &= _zero(1 - diag - up * down / x_next - s2(r) * y(_M - r))
    return bool(ok)


def nonvanishing(y: Callable = y_closed) -> bool:
    """Step 8: ``sin(j pi ell/m) != 0`` for ``0 < j < m``, ``y_j > 0``, spectrum of B in (-1, 1)."""
    j, a, b = sp.symbols("j a b", integer=True)
    # Euclid via Bezout: j = a (j ell) + (j b) m when a ell + b m = 1, so m | j ell => m | j
    euclid = sp.expand(j - (a * (j * _ELL) + j * b * _M)).subs(a * _ELL, 1 - b * _M)
    euclid_ok = sp.expand(euclid) == 0
    jp = sp.Symbol("j", integer=True, positive=True)
    positive_y = bool(sp.simplify(y(jp)).is_positive)
    # Gershgorin: 2 - s^2 - s t = (1 - s^2) + (1 - s t), each >= 0 on [0, 1]^2, zero iff s=t=1
    s, t = sp.symbols("s t", nonnegative=True)
    gersh_ok = sp.expand(2 - s**2 - s * t - ((1 - s**2) + (1 - s * t))) == 0
    # s = |sin(r lam)| = 1 forces the neighbour's sin^2((r +- 1) lam) = cos^2(lam)
    x = sp.Symbol("x", real=True)
    neighbours = [sp.expand_trig(sp.sin(x + d * _LAM) ** 2).subs({sp.cos(x): 0, sp.sin(x): 1})
                  for d in (1, -1)]
    neighbour_ok = all(sp.simplify(v - sp.cos(_LAM) ** 2) == 0 for v in neighbours)
    return bool(euclid_ok and positive_y and gersh_ok and neighbour_ok)


def identification(y: Callable = y_closed, formula: Callable = dz_formula,
                   slope_to_dz: Callable = lambda a: 1 / (4 * a)) -> bool:
    """Step 9: ``D_Z = 1/(4 a)`` with ``a = u (1-B)^{-1} v = (1/4)/x_1`` equals the closed form."""
    x1 = _sin2(_LAM)(1) * y(_M - 1)
    a = _HALF * _HALF / x1
    return bool(sp.simplify(slope_to_dz(a) - formula(_M, sp.sin(_LAM) ** 2)) == 0)


#: The steps in order, each a callable returning True when its identity holds.
STEPS: dict[str, Callable[..., bool]] = {
    "pair_products": pair_products, "cut": cut, "boundary": boundary,
    "block_powers": block_powers, "power_sum": power_sum, "cesaro_limit": cesaro_limit,
    "schur_lemma": schur_lemma, "recurrence": recurrence, "pivots": pivots, "bezout": bezout,
    "nonvanishing": nonvanishing, "identification": identification,
}


def prove_closed_form() -> dict[str, bool]:
    """Run every step of the proof; the closed form holds for every m iff all are True."""
    return {name: step() for name, step in STEPS.items()}
