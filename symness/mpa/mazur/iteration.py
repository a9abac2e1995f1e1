"""The paper's estimate of (19): ``n / (4 <L|T'^n|R>)`` for growing n, and its error law.

With ``T' = [[1, u, 0], [0, B, v], [0, 0, 1]]`` (basis ``L, (1..m-1), R``,
``u = v = e_1/2``, :func:`symness.mpa.mazur.bound.inner_block`), the inner part
of ``T'^k |R>`` is ``w_k = (1 - B)^{-1} (1 - B^k) v`` and

    s_n = <L|T'^n|R> = sum_{k<n} u w_k = a n - g + u (1 - B)^{-2} B^n v,

``a = u (1 - B)^{-1} v = 1/(4 D_Z)``, ``g = u (1 - B)^{-2} v``.  Hence the
estimate ``f_n = n / (4 s_n)`` has relative error

    f_n / D_Z - 1 = C / (n - C) + O(rho^n),   C = g / a,

a 1/n law plus an oscillating, geometrically decaying part (B has negative
eigenvalues; rho its spectral radius).  C is computed here from two banded
solves; reaching a relative error ``tol`` takes ``n ~ C (1 + 1/tol)`` steps.
The growth-rate variant (increments ``s_{n+1} - s_n = u w_n``) converges
like ``rho^n`` instead.
"""

from __future__ import annotations

import numpy as np
from scipy.linalg import eigvalsh_tridiagonal, solve_banded

from symness.mpa.mazur.bound import inner_block
from symness.mpa.transfer.matrices import check_rational_lambda
from symness.validation import ParameterError, require_int

__all__ = ["literal_trajectory", "literal_error_coefficient", "inner_spectral_radius",
           "dz_by_float_squaring", "squaring_error_model", "stratified_sample"]


def literal_trajectory(ell: int, m: int, checkpoints) -> np.ndarray:
    """``f_n = n / (4 <L|T'^n|R>)`` (float64) at the sorted step counts ``checkpoints``."""
    ell, m = check_rational_lambda(ell, m)
    points = [require_int(n, "checkpoint", minimum=1) for n in checkpoints]
    if points != sorted(points):
        raise ParameterError("'checkpoints' must be sorted ascending")
    diag, up, down, half = inner_block(ell, m)
    w = np.zeros(m - 1)  # inner part of T'^k |R>, k = 0
    total, out, k = 0.0, [], 0
    for target in points:
        while k < target:  # s_{k+1} = s_k + u.w_k, w_{k+1} = B w_k + v
            total += half * w[0]
            new = diag * w
            new[:-1] += up * w[1:]
            new[1:] += down * w[:-1]
            new[0] += half
            w, k = new, k + 1
        out.append(target / (4 * total) if total else np.inf)
    return np.array(out)


def literal_error_coefficient(ell: int, m: int) -> float:
    """``C = g / a`` of the 1/n law (module docstring), float64 banded solves."""
    ell, m = check_rational_lambda(ell, m)
    diag, up, down, half = inner_block(ell, m)
    size = m - 1
    right = np.zeros((3, size))  # 1 - B in banded storage
    right[0, 1:], right[1], right[2, :-1] = -up, 1 - diag, -down
    left = np.zeros((3, size))  # (1 - B)^T
    left[0, 1:], left[1], left[2, :-1] = -down, 1 - diag, -up
    e1 = np.zeros(size)
    e1[0] = half
    y = solve_banded((1, 1), right, e1)  # (1 - B)^{-1} v
    z = solve_banded((1, 1), left, e1)  # (1 - B)^{-T} u
    return float(z @ y / y[0] * 2)  # g / a = (z.y) / (u.y), u.y = y[0] / 2


def inner_spectral_radius(ell: int, m: int) -> float:
    """Spectral radius rho of B (float64 symmetric tridiagonal eigenvalues).

    B is similar to the symmetric tridiagonal matrix with off-diagonal
    ``sqrt(B_{r,r+1} B_{r+1,r})`` (all these products are positive).
    """
    ell, m = check_rational_lambda(ell, m)
    diag, up, down, _ = inner_block(ell, m)
    return float(np.max(np.abs(eigvalsh_tridiagonal(diag, np.sqrt(up * down)))))


def _float_t_prime(ell: int, m: int) -> np.ndarray:
    """T' in float64 from :func:`inner_block`, basis ``L, 1..m-1, R`` (indices 0..m)."""
    diag, up, down, half = inner_block(ell, m)
    t = np.zeros((m + 1, m + 1))
    t[0, 0] = t[m, m] = 1.0
    t[0, 1] = t[1, m] = half  # u = v = e_1 / 2
    idx = np.arange(1, m)
    t[idx, idx] = diag
    t[idx[:-1], idx[1:]] = up
    t[idx[1:], idx[:-1]] = down
    return t


def dz_by_float_squaring(ell: int, m: int, *, max_doublings: int = 80) -> tuple[float, int]:
    """The paper's estimate of (19) by iterating T' to ``n = 2^k`` (repeated squaring, float64).

    ``D_n = 1 / (2 <L|T'^n|1>)`` is the inverse growth rate ``<L|T'^{n+1}|R> -
    <L|T'^n|R> = <L|T'^n|1>/2``; it converges like ``rho^n`` (``rho`` the spectral
    radius of B).  Doubling stops when two successive values agree to 4 ulp.

    Returns
    -------
    (float, int)
        ``D_n`` and the number k of squarings.
    """
    ell, m = check_rational_lambda(ell, m)
    power = _float_t_prime(ell, m)
    previous = None
    for k in range(1, require_int(max_doublings, "max_doublings", minimum=1) + 1):
        power = power @ power
        value = 1.0 / (2.0 * power[0, 1])
        if previous is not None and abs(value - previous) <= 4 * np.finfo(float).eps * value:
            return float(value), k
        previous = value
    raise RuntimeError(f"T'^(2^k) at ell/m={ell}/{m} not converged after k={max_doublings}")


def squaring_error_model(m: int, doublings: int) -> float:
    """A-priori bound on the relative round-off of :func:`dz_by_float_squaring`.

    T' is entrywise nonnegative, so each product of nonnegative matrices has
    componentwise relative error ``<= gamma_{m+1} ~ (m + 1) eps``; the row
    ``<L|T'^n`` entering ``D_n`` receives one such error per squaring (errors in
    ``B^n`` decay under further squaring), plus ``4 eps`` from the stopping rule
    and ``~ m eps`` from the entries (float cosines).  Bound:
    ``(2 k + 1) (m + 1) eps + 4 eps`` for k squarings.
    """
    eps = float(np.finfo(float).eps)
    return (2 * doublings + 1) * (m + 1) * eps + 4 * eps


def stratified_sample(max_m: int, strata: int, per_stratum: int, seed: int = 2011):
    """Stratified sample of coprime ``(ell, m)``, ``2 <= m <= max_m``, for Fig. 2.

    ``per_stratum`` points drawn without replacement from each of ``strata``
    equal-width bins of ``m`` (numpy ``default_rng(seed)``, deterministic).

    Returns
    -------
    list of (int, int)
        Sorted by m, then ell.
    """
    from symness.mpa.mazur.bound import coprime_pairs

    ls, ms = coprime_pairs(require_int(max_m, "max_m", minimum=3))
    edges = np.linspace(2, max_m + 1, require_int(strata, "strata", minimum=1) + 1)
    rng = np.random.default_rng(seed)
    chosen = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        idx = np.flatnonzero((ms >= lo) & (ms < hi))
        take = min(require_int(per_stratum, "per_stratum", minimum=1), idx.size)
        chosen.extend(rng.choice(idx, size=take, replace=False).tolist())
    return sorted((int(ls[i]), int(ms[i])) for i in chosen)
