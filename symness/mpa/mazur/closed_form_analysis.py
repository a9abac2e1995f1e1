"""The analysis steps of the closed-form proof of D_Z, machine-checked, Prosen (2011) eq. (19).

Three steps of :mod:`symness.mpa.mazur.closed_form_proof` were argued in prose; here
each is a sympy (or exact integer) check in general symbols that fails when an
ingredient is altered (mutation tests in tests/mpa/test_closed_form_proof.py).

``block_powers`` -- the induction on n behind ``s_n = <L|T'^n|R>``.  With
    ``T' = [[1, u, 0], [0, B, v], [0, 0, 1]]`` (step ``boundary``) the claim is
    ``T'^n = [[1, u S_n(B), u W_n(B) v], [0, B^n, S_n(B) v], [0, 0, 1]]`` with
    ``S_n(x) = (x^n - 1)/(x - 1)`` and ``W_n(x) = (x^n - n x + n - 1)/(x - 1)^2``.
    Base case n = 1 and the step ``T'^n T'`` are multiplied out with
    *noncommutative* symbols u, B, v, S, P, W; the remaining block identities
    (``S_{n+1} = 1 + S_n x = x^n + S_n``, ``W_{n+1} = W_n + S_n``,
    ``P_{n+1} = P_n x``) are polynomial identities in one commuting x with
    symbolic n (S_n, W_n are polynomials, and ``p -> p(B)`` is a ring
    homomorphism, so they hold for the matrix B).  Finally ``W_n(x) =
    sum_{b=0}^{n-2} (n - 1 - b) x^b`` (sympy ``Sum``), i.e. ``s_n = sum_b
    (n - 1 - b) u B^b v`` as used by ``power_sum``.
``cesaro_limit`` -- ``s_n / n -> a = u (1 - B)^{-1} v`` and ``D_Z = 1/(4a)``.
    B is similar to a real symmetric matrix (``T_{r,r+1} T_{r+1,r} = p_r > 0``,
    steps ``pair_products`` and ``nonvanishing``; checked here: both entries are
    >= 0 for general r, and ``d_{r+1}^2 / d_r^2 = T_{r+1,r} / T_{r,r+1}``
    symmetrises), so ``s_n = sum_i w_i W_n(mu_i)`` over its eigenvalues
    ``mu_i in (-1, 1)``.  Checked by ``sympy.limit`` under stated assumptions:
    ``W_n(mu)/n -> 1/(1 - mu)`` for ``mu = e^{-t}``, ``mu = -e^{-t}``
    (n even and n odd separately, ``t > 0``) and ``mu = 0``; so ``s_n/n ->
    sum_i w_i/(1 - mu_i) = a``, and ``n/s_n -> 1/a`` since ``a = 1/(4 x_1) > 0``.
``bezout`` -- the Bezout coefficients used for Euclid's lemma are constructed
    by the extended Euclidean algorithm (:func:`bezout_coefficients`).  Its
    invariant ``r_i = a_i ell + b_i m`` is preserved by one division step
    (symbolic identity in general q), the common divisors of consecutive
    remainders are preserved (``r_{i+1} = r_{i-1} - q r_i`` and
    ``r_{i-1} = q r_i + r_{i+1}``), so the last nonzero remainder is
    ``gcd(ell, m) = 1 = a ell + b m``.  The construction is run for every
    coprime ell < m <= ``BEZOUT_MAX_M`` and ``a ell + b m = 1`` checked exactly.

Still by hand (stated, textbook): the spectral theorem for the symmetrised B
(so ``u B^b v = sum_i w_i mu_i^b``), linearity of limits over its finitely many
eigenvalues, continuity of ``1/y`` at ``y = a != 0``, and termination of
Euclid's algorithm (division with remainder gives ``0 <= r_{i+1} < r_i``).
"""

from __future__ import annotations

from collections.abc import Callable
from math import gcd

import sympy as sp

from symness.mpa.transfer.matrices import inner_entries
from symness.validation import require_int

__all__ = ["BEZOUT_MAX_M", "bezout_coefficients", "block_powers", "cesaro_limit", "bezout",
           "s_closed", "w_closed"]

#: Largest m for which the extended-Euclid construction is run on every coprime ell.
BEZOUT_MAX_M = 300

_N = sp.Symbol("n", integer=True, positive=True)
_X = sp.Symbol("x")
_T = sp.Symbol("t", positive=True)
_K = sp.Symbol("k", integer=True, positive=True)
_U, _B, _V, _S, _P, _W = sp.symbols("u B v S P W", commutative=False)


def s_closed(x, n):
    """``S_n(x) = sum_{b<n} x^b = (x^n - 1)/(x - 1)``, the L-row of ``T'^n``."""
    return (x**n - 1) / (x - 1)


def w_closed(x, n):
    """``W_n(x) = sum_{b=0}^{n-2} (n-1-b) x^b = (x^n - n x + n - 1)/(x - 1)^2``."""
    return (x**n - n * x + n - 1) / (x - 1) ** 2


def _t_prime():
    """``T'`` in the basis ``L, (1..m-1), R`` with blocks u, B, v (step ``boundary``)."""
    return sp.Matrix([[1, _U, 0], [0, _B, _V], [0, 0, 1]])


def _hypothesis(s, p, w):
    return sp.Matrix([[1, _U * s, _U * w * _V], [0, p, s * _V], [0, 0, 1]])


def _same(a: sp.Matrix, b: sp.Matrix) -> bool:
    return (a - b).applyfunc(sp.expand) == sp.zeros(*a.shape)


def _poly_zero(expr) -> bool:
    """Rational-function identity in x (powers ``x^(n+j)`` combined first)."""
    return sp.cancel(sp.powsimp(sp.expand(sp.together(expr)), force=True)) == 0


def block_powers(transfer: Callable[[], sp.Matrix] = _t_prime, s: Callable = s_closed,
                 w: Callable = w_closed) -> bool:
    """Induction on n: ``T'^n = [[1, u S_n, u W_n v], [0, B^n, S_n v], [0, 0, 1]]``."""
    t = transfer()
    base = (_same(t, _hypothesis(1, _B, 0)) and _poly_zero(s(_X, 1) - 1)
            and _poly_zero(w(_X, 1)))
    # inductive step with S = S_n(B), P = B^n, W = W_n(B) as noncommuting symbols
    step_blocks = _same(_hypothesis(_S, _P, _W) * t,
                        sp.Matrix([[1, _U * (1 + _S * _B), _U * (_W + _S) * _V],
                                   [0, _P * _B, (_P + _S) * _V], [0, 0, 1]]))
    polys = (_poly_zero(s(_X, _N + 1) - (1 + s(_X, _N) * _X))
             and _poly_zero(s(_X, _N + 1) - (_X**_N + s(_X, _N)))
             and _poly_zero(w(_X, _N + 1) - (w(_X, _N) + s(_X, _N))))
    b = sp.Symbol("b", integer=True, nonnegative=True)
    series = sp.Sum((_N - 1 - b) * _X**b, (b, 0, _N - 2)).doit()
    generic = series.replace(lambda e: isinstance(e, sp.Piecewise), lambda e: e.args[-1][0])
    coefficients = _poly_zero(generic - w(_X, _N))
    return bool(base and step_blocks and polys and coefficients)


def _eigenvalue_cases():
    """``(mu, [(limit variable, n, mu^n), ...])`` covering ``-1 < mu < 1`` (``t > 0``).

    For ``mu = -e^{-t}`` the even and odd subsequences ``n = 2k``, ``2k + 1`` are
    taken separately (sympy cannot take the limit of ``(-1)^n``).
    """
    return [(sp.exp(-_T), [(_N, _N, sp.exp(-_N * _T))]),
            (-sp.exp(-_T), [(_K, 2 * _K, sp.exp(-2 * _K * _T)),
                            (_K, 2 * _K + 1, -sp.exp(-(2 * _K + 1) * _T))]),
            (sp.Integer(0), [(_N, _N, sp.Integer(0))])]


def _symmetrisable(entries: Callable = inner_entries) -> bool:
    """``T_{r,r+1}, T_{r+1,r} >= 0`` (general r, c = 1) and ``D^{-1} B D`` symmetric."""
    lam = sp.Symbol("lambda", real=True)
    k = sp.Symbol("k", integer=True, positive=True)
    ok = True
    for r in (2 * k - 1, 2 * k):
        _, up, down = entries(r, lambda x: sp.cos(x * lam) ** 2, lambda x: sp.sin(x * lam) ** 2,
                              sp.Integer(1), sp.Rational(1, 2))
        # (D^{-1} B D)_{r,r+1} = up rho, (D^{-1} B D)_{r+1,r} = down/rho, rho = d_{r+1}/d_r > 0;
        # both >= 0, so they are equal iff their squares are: rho^2 = down/up
        rho2 = sp.Symbol("rho2", positive=True)
        sym = sp.simplify((up**2 * rho2 - down**2 / rho2).subs(rho2, down / up))
        ok &= bool(up.is_nonnegative and down.is_nonnegative and sym == 0)
    return bool(ok)


def cesaro_limit(w: Callable = w_closed, cases: Callable = _eigenvalue_cases,
                 slope_to_dz: Callable = lambda a: 1 / (4 * a),
                 entries: Callable = inner_entries) -> bool:
    """``W_n(mu)/n -> 1/(1 - mu)`` for ``|mu| < 1`` and ``D_Z = lim n/(4 s_n) = 1/(4a)``."""
    ok = _symmetrisable(entries)
    xn = sp.Symbol("xn")  # stands for mu^n until n and mu are substituted
    for mu, branches in cases():
        for var, n_of_var, power in branches:
            expr = (w(_X, _N) / _N).subs(_X**_N, xn).subs(_N, n_of_var)
            expr = expr.subs(xn, power).subs(_X, mu)
            ok &= _poly_zero(sp.simplify(sp.limit(expr, var, sp.oo) - 1 / (1 - mu)))
    # one eigenvalue with weight w: s_n ~ n w/(1 - mu), so (1/4) n/s_n -> (1 - mu)/(4 w)
    a, weight = sp.symbols("a weight", positive=True)
    mu = sp.Symbol("mu", real=True)
    single = sp.limit(_N / (4 * weight * _N / (1 - mu)), _N, sp.oo)
    ok &= _poly_zero(single - slope_to_dz(weight / (1 - mu)))
    ok &= _poly_zero(sp.limit(_N / (4 * a * _N), _N, sp.oo) - slope_to_dz(a))
    return bool(ok)


def bezout_coefficients(ell: int, m: int,
                        update: Callable[[int, int, int], int] = lambda q, x0, x1: x0 - q * x1
                        ) -> tuple[int, int, int]:
    """Extended Euclid: ``(g, a, b)`` with ``a ell + b m = g = gcd(ell, m)``.

    Raises
    ------
    ParameterError
        if ``ell`` or ``m`` is not a positive integer.
    """
    r0, r1 = require_int(ell, "ell", minimum=1), require_int(m, "m", minimum=1)
    a0, a1, b0, b1 = 1, 0, 0, 1
    while r1:
        q = r0 // r1
        r0, r1 = r1, r0 - q * r1
        a0, a1 = a1, update(q, a0, a1)
        b0, b1 = b1, update(q, b0, b1)
    return r0, a0, b0


def bezout(update: Callable = lambda q, x0, x1: x0 - q * x1, max_m: int = BEZOUT_MAX_M) -> bool:
    """Invariant and gcd preservation of extended Euclid (symbolic), run for ell < m <= max_m."""
    q, ell, m, a0, a1, b0, b1, d = sp.symbols("q ell m a0 a1 b0 b1 d", integer=True)
    r0, r1 = a0 * ell + b0 * m, a1 * ell + b1 * m
    invariant = sp.expand(update(q, r0, r1) - (update(q, a0, a1) * ell + update(q, b0, b1) * m))
    # common divisors: r_{i+1} = r_{i-1} - q r_i and r_{i-1} = q r_i + r_{i+1} (integer q)
    x, y = sp.symbols("x y", integer=True)
    forward = sp.expand(update(q, d * x, d * y) - d * (x - q * y))
    backward = sp.expand(d * x - (q * d * y + update(q, d * x, d * y)))
    symbolic = invariant == 0 and forward == 0 and backward == 0
    found = all(_bezout_holds(e, mm, update)
                for mm in range(2, max_m + 1) for e in range(1, mm) if gcd(e, mm) == 1)
    return bool(symbolic and found)


def _bezout_holds(ell: int, m: int, update: Callable) -> bool:
    g, a, b = bezout_coefficients(ell, m, update)
    return g == 1 and a * ell + b * m == 1
