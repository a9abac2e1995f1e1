"""Magnetisation profiles and spin-spin correlations, Prosen (2011) eq. (17).

    M_j     = <sz_j>/eps^2      = mu   <L| T^(j-1) V T^(n-j) |R>                      (17)
    C_{j,k} = <sz_j sz_k>/eps^2 = mu^2 <L| T^(j-1) V T^(k-j-1) V T^(n-k) |R>,  j < k

Sites are 1-based as in the paper (``j = 1..n``); returned arrays are indexed
``j - 1``.  T, V are the reduced transfer matrices (15)-(16), truncated to
``d = 2 + floor(n/2)`` (exact for every Delta) or, at ``Delta = cos(pi ell/m)``,
to the invariant ``H_{m+1}`` (exact for every n).

Numerics: ``<L|T^k`` and ``T^k|R>`` are built for all ``k < n`` in O(n d)
operations each, so a whole profile costs O(n^2) (as the paper states).  For
``|Delta| > 1`` (``c = i``) all entries of T are positive but grow like
``cosh^2(r eta)``; V mixes signs, so M_j is a difference of huge numbers and
is computed in mpmath at a working precision that is raised until two
successive precisions agree to the requested digits
(:func:`magnetization_profile_adaptive`).
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath
import numpy as np
import sympy as sp
from sympy.polys.matrices import DomainMatrix

from symness.mpa.transfer.matrices import L, R, transfer_matrices_exact, transfer_matrices_mp
from symness.resources import BASE_BYTES, Cost, announce, require_fits
from symness.validation import require_int, require_real

__all__ = ["ProfileParams", "magnetization_profile", "magnetization_profile_adaptive",
           "correlation_matrix", "magnetization_profile_exact", "correlations_exact",
           "isotropic_closed_form", "delta_half_closed_form", "profile_closed_form",
           "profile_cost"]


@dataclass(frozen=True)
class ProfileParams:
    """Validated parameters of a profile: ``n >= 2`` sites, anisotropy ``delta``, bias ``mu``."""

    n: int
    delta: object
    mu: object = 1

    def __post_init__(self) -> None:
        require_int(self.n, "n", minimum=2)
        require_real(self.delta, "delta")
        require_real(self.mu, "mu", minimum=-1, maximum=1)


def _mpf(x) -> mpmath.mpf:
    """Exact-to-working-precision conversion of int, Fraction, sympy Rational or float."""
    if isinstance(x, float):
        return mpmath.mpf(x)
    q = sp.Rational(x)
    return mpmath.mpf(int(q.p)) / int(q.q)


def _nonzeros(matrix) -> list[tuple[int, int, object]]:
    return [(i, j, matrix[i, j]) for i in range(matrix.rows) for j in range(matrix.cols)
            if matrix[i, j] != 0]


def _apply(nonzeros, vec: list, side: str) -> list:
    """Sparse ``vec @ M`` (side 'left') or ``M @ vec`` (side 'right') on plain lists."""
    out = [mpmath.mpf(0)] * len(vec)
    if side == "left":
        for i, j, x in nonzeros:
            out[j] += vec[i] * x
    else:
        for i, j, x in nonzeros:
            out[i] += x * vec[j]
    return out


def _powers(t, n: int, side: str) -> list[list]:
    """``[<L|T^k]`` (side 'left') or ``[T^k|R>]`` (side 'right') for ``k = 0..n-1``."""
    vec = [mpmath.mpf(0)] * t.rows
    vec[L if side == "left" else R] = mpmath.mpf(1)
    nonzeros = _nonzeros(t)
    out = [vec]
    for _ in range(n - 1):
        vec = _apply(nonzeros, vec, side)
        out.append(vec)
    return out


def magnetization_profile(params: ProfileParams, *, dps: int = 30) -> list:
    """M_j, ``j = 1..n``, of (17) in mpmath at ``dps`` digits (list of mpf)."""
    n, mu = params.n, params.mu
    with mpmath.workdps(require_int(dps, "dps", minimum=15)):
        size = 2 + n // 2 + 1
        t, v = transfer_matrices_mp(_mpf(params.delta), size)
        left, right = _powers(t, n, "left"), _powers(t, n, "right")
        mu = _mpf(mu)
        v_nonzeros = _nonzeros(v)
        return [+(mu * mpmath.fdot(left[j - 1], _apply(v_nonzeros, right[n - j], "right")))
                for j in range(1, n + 1)]


def profile_cost(n: int) -> Cost:
    """Memory and CPU time of :func:`magnetization_profile_adaptive` (15 digits) on ``n`` sites.

    Measured (one core, final dps 120 at Delta = 1/2, 60 at Delta = 11/10): n = 250, 500,
    1000 took 1.8, 7.4, 31.5 s of CPU and 16, 62, 246 MB above the interpreter: the
    ``n`` power vectors of ``n/2 + 3`` mpf each, ``O(n^2)`` as the paper states.  A
    larger final precision (``|Delta| > 1``, large ``n``) costs proportionally more.
    """
    scale = (n / 1000) ** 2
    return Cost(BASE_BYTES + 0.25e9 * scale, 32.0 * scale)


def magnetization_profile_adaptive(params: ProfileParams, *, digits: int = 15,
                                   start_dps: int = 30, max_dps: int = 4000):
    """M_j with a working precision raised until the leading ``digits`` digits are stable.

    Doubles the mpmath precision until two successive profiles agree to
    relative ``10^-(digits + 2)`` at every site whose value exceeds
    ``10^-(dps/4)`` times the profile's scale; values below that floor are
    round-off around an exact zero and are returned as 0.

    Returns
    -------
    (list of mpf, int, float)
        The profile at the final precision, that precision (dps), and the
        largest relative change between the last two precisions.

    Raises
    ------
    RuntimeError
        If ``max_dps`` is reached without agreement.
    """
    digits = require_int(digits, "digits", minimum=1, maximum=100)
    dps = require_int(start_dps, "start_dps", minimum=15)
    announce(require_fits(profile_cost, "n", params.n, what="MPA profile (17), mpmath",
                          minimum=2), f"mpa profile n={params.n}")
    previous = magnetization_profile(params, dps=dps)
    while dps < max_dps:
        dps *= 2
        current = magnetization_profile(params, dps=dps)
        with mpmath.workdps(dps):
            # sites where both values are below 10^-(dps/4) of the profile's scale (e.g. the
            # exact zero at the centre of an antisymmetric profile) count as agreeing
            floor = max(abs(b) for b in current) * mpmath.mpf(10) ** -(dps // 4)
            change = max((abs(a - b) / abs(b) if abs(b) > floor else mpmath.mpf(0))
                         for a, b in zip(previous, current))
        if change < mpmath.mpf(10) ** -(digits + 2):
            # values below the floor are round-off around an exact zero (the antisymmetric
            # centre M_{(n+1)/2} = 0): report them as 0
            return [b if abs(b) > floor else mpmath.mpf(0) for b in current], dps, float(change)
        previous = current
    raise RuntimeError(f"M_j not stable to {digits} digits up to dps={max_dps}")


def correlation_matrix(params: ProfileParams, *, dps: int = 30) -> np.ndarray:
    """C_{j,k} of (17) for all ``j != k`` (symmetric, float64 array; diagonal set to nan)."""
    n, mu = params.n, float(params.mu)
    with mpmath.workdps(dps):
        t, v = transfer_matrices_mp(_mpf(params.delta), 2 + n // 2 + 1)
        left, right = _powers(t, n, "left"), _powers(t, n, "right")
        t_nonzeros, v_nonzeros = _nonzeros(t), _nonzeros(v)
        out = np.full((n, n), np.nan)
        for j in range(1, n + 1):
            vec = _apply(v_nonzeros, left[j - 1], "left")
            for k in range(j + 1, n + 1):
                value = mu**2 * mpmath.fdot(vec, _apply(v_nonzeros, right[n - k], "right"))
                out[j - 1, k - 1] = out[k - 1, j - 1] = float(value)
                vec = _apply(t_nonzeros, vec, "left")
    return out


def _exact_power_rows(t: DomainMatrix, n: int):
    size = t.shape[0]
    left = DomainMatrix([[t.domain.one if i == L else t.domain.zero for i in range(size)]],
                        (1, size), t.domain)
    right = DomainMatrix([[t.domain.one if i == R else t.domain.zero] for i in range(size)],
                         (size, 1), t.domain)
    lefts, rights = [left], [right]
    for _ in range(n - 1):
        lefts.append(lefts[-1] * t)
        rights.append(t * rights[-1])
    return lefts, rights


def magnetization_profile_exact(n: int, ell: int, m: int, mu=1) -> list[sp.Expr]:
    """Exact M_j at ``Delta = cos(pi ell/m)`` from T', V' over ``Q(2cos(2 pi/m))`` (sympy list)."""
    n = require_int(n, "n", minimum=2)
    t, v = transfer_matrices_exact(ell, m)
    lefts, rights = _exact_power_rows(t, n)
    mu = sp.nsimplify(mu)
    from symness.exact.cos_field import to_sympy

    return [sp.expand(mu * to_sympy((lefts[j - 1] * v * rights[n - j]).to_list()[0][0], m))
            for j in range(1, n + 1)]


def correlations_exact(n: int, ell: int, m: int, mu=1) -> sp.Matrix:
    """Exact C_{j,k} (17) at ``Delta = cos(pi ell/m)``, ``j < k`` (upper triangle; rest zero)."""
    from symness.exact.cos_field import to_sympy

    t, v = transfer_matrices_exact(ell, m)
    lefts, rights = _exact_power_rows(t, n)
    out = sp.zeros(n, n)
    for j in range(1, n + 1):
        vec = lefts[j - 1] * v
        for k in range(j + 1, n + 1):
            out[j - 1, k - 1] = sp.nsimplify(mu) ** 2 * to_sympy(
                (vec * v * rights[n - k]).to_list()[0][0], m)
            vec = vec * t
    return out


def isotropic_closed_form(j, n, mu):
    """Paper's Delta = 1 closed form ``M_j = mu (n + 1 - 2j)/4`` (text after (17))."""
    return sp.sympify(mu) * (n + 1 - 2 * j) / 4


def delta_half_closed_form(j, n, mu):
    """Paper's Delta = 1/2 closed form (text after (17)).

    ``M_j = mu/9 (4 (5/8)^(j-1) - 4 (5/8)^(n-j) - (-8)^(1-n) ((-5)^(j-1) - (-5)^(n-j)))``.
    """
    r, mu = sp.Rational, sp.sympify(mu)
    return mu / 9 * (4 * r(5, 8) ** (j - 1) - 4 * r(5, 8) ** (n - j)
                     - sp.Integer(-8) ** (1 - n) * (sp.Integer(-5) ** (j - 1)
                                                    - sp.Integer(-5) ** (n - j)))


def profile_closed_form(ell: int, m: int):
    """Closed form of M_j at ``Delta = cos(pi ell/m)`` for symbolic ``j, n`` (sympy).

    From the Jordan decomposition ``T' = P J P^-1`` (sympy, exact radicals):
    ``M_j = mu <L| P J^(j-1) P^-1 V' P J^(n-j) P^-1 |R>`` with ``J^k`` written for
    symbolic ``k``.  Eigenvalue-0 blocks contribute only at ``k = 0``, so when
    T' has eigenvalue 0 the returned expression is valid for ``2 <= j <= n-1``.

    Returns
    -------
    (sympy.Expr, bool)
        The expression in ``j, n, mu`` and whether it is valid for every ``j``.
    """
    t, v = (x.to_Matrix().applyfunc(sp.radsimp) for x in transfer_matrices_exact(ell, m))
    p, jordan = t.jordan_form()
    p_inv = p.inv()
    a, b = sp.Symbol("a", integer=True, positive=True), sp.Symbol("b", integer=True,
                                                                  positive=True)
    j, n, mu = sp.symbols("j n", integer=True, positive=True) + (sp.Symbol("mu"),)

    def power(k):
        out = sp.zeros(*jordan.shape)
        for i in range(jordan.rows):
            for col in range(i, jordan.cols):
                z, offset = jordan[i, i], col - i
                if any(jordan[r, r + 1] == 0 for r in range(i, col)):
                    continue  # (i, col) not in one Jordan block
                out[i, col] = 0 if z == 0 else sp.binomial(k, offset) * z ** (k - offset)
        return out

    expr = mu * (p * power(a) * p_inv * v * p * power(b) * p_inv)[L, R]
    expr = sp.simplify(expr.subs({a: j - 1, b: n - j}))
    return expr, all(jordan[i, i] != 0 for i in range(jordan.rows))
