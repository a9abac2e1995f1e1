"""Cross-check of (17) against the exact Lindblad steady state of (1)-(3).

Order in eps: with ``rho = sum_p (i eps)^p rho(p)`` (6), ``rho(1)`` has no
``sz`` component (Z contains no ``sz_j``), so ``<sz_j> = -eps^2 tr(sz_j
rho(2)) / 2^n + O(eps^3)`` and ``M_j = lim <sz_j>/eps^2`` (likewise ``C_{j,k}``).

Evenness: H and the jump operators are real, so complex conjugation maps the
steady state at ``eps`` to the steady state of ``+i ad_H + eps D``, i.e. of
``-i ad_H - eps D``: ``conj(rho(eps)) = rho(-eps)``.  For real observables
(``sz_j``, ``sz_j sz_k``) this gives ``f(-eps) = f(eps)``: ``f(eps) =
<sz_j>/eps^2`` is even, ``f = M_j + a eps^2 + b eps^4 + ...``.  Richardson
extrapolation in ``eps^2`` from ``eps, eps/2``: ``(4 f(eps/2) - f(eps))/3``
(error O(eps^4)); the measured convergence order
``log2 |f(eps) - f(eps/2)| / |f(eps/2) - f(eps/4)|`` is reported (2 for an
even expansion, 1 if an ``eps^1`` term were present).

The perturbative radius is limited by the profile's size and by the smallest
level spacing ``g`` of H inside a magnetisation sector wherever D couples the
nearly degenerate levels (the NESS lives in the charge-0 block; ``1/(E_a -
E_b)`` enters (7)).  The largest eps used is ``eps0/sqrt(S)``, ``S = max(1,
max_j |M_j(mu = 1)|)``; eps is then halved ``levels - 1`` times and, of the
successive Richardson values, the pair that agrees best (in M and C) is kept
(its difference is the internal error estimate, computed without (17)).

Precision: at ``Delta = 2`` S reaches 5e19 and g 2e-11 at n = 10, so eps goes
down to 1e-14; a float64 solve cannot resolve the ``eps^2`` part there (its
error ``~ cond(L) u`` exceeds it).  Every state is therefore computed by
:func:`symness.lindblad.refinement.refined_steady_state`: float64 sector solves
refined against a double-double residual until the relative correction is
below 1e-20; the worst contraction factor per step, the number of steps and
the final double-double residual are reported.  The model parameters are the
float64 numbers passed (``eps`` exact binary by construction, ``mu = 0.3`` and
the jump amplitudes ``sqrt((1 +- mu) eps/2)`` rounded once; relative changes
of ~1e-16 in the rates move M_j by ~1e-16 relative).
:mod:`symness.mpa.exact_ness.eps_expansion` gives the eps -> 0 limit independently.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from symness.lindblad.refinement import refined_steady_state
from symness.models.xxz_boundary_driven import (
    XXZDrive,
    hamiltonian,
    jump_operators,
    magnetization_operators,
)
from symness.mpa.transfer.profiles import ProfileParams, correlation_matrix, magnetization_profile
from symness.operators.sparse import number_of_up_spins
from symness.validation import require_int

__all__ = ["CrossCheck", "cross_check", "profile_scale", "sector_level_gap"]


@dataclass(frozen=True)
class CrossCheck:
    """Extrapolated Lindblad values against (17).

    ``error_m``/``error_c`` are max absolute errors of the Richardson value
    divided by ``max_j |M_j|`` and ``max_{j<k} |C_{j,k}|``; ``raw_error_m`` is
    the same for the unextrapolated value; ``estimate`` the internal error
    estimate (nan with two eps values); ``order`` the measured convergence order
    in eps at the three largest eps (None with two eps values, or where the
    differences vanish in float64); ``eps`` the larger eps
    of the kept pair.  Refinement (worst over the solves): ``contraction`` the
    largest ratio of successive corrections, ``residual`` the largest final
    ``||L(rho)||_F / ||rho||_F`` in double-double, ``steps`` the most steps.
    ``magnetization``, ``correlation``: the kept Richardson values of M_j and
    C_{j,k} (diagonal of ``correlation``: nan).
    """

    n: int
    delta: Fraction
    mu: Fraction
    eps: float
    error_m: float
    error_c: float
    raw_error_m: float
    estimate: float
    order: float | None
    contraction: float
    residual: float
    steps: int
    seconds: float
    magnetization: np.ndarray
    correlation: np.ndarray


def profile_scale(n: int, delta) -> float:
    """``max(1, max_j |M_j|)`` at ``mu = 1`` from (17)."""
    return max(1.0, max(abs(float(x)) for x in magnetization_profile(ProfileParams(n, delta, 1))))


def sector_level_gap(n: int, delta) -> float:
    """Smallest spacing of distinct eigenvalues of H inside one magnetisation sector.

    Spacings below ``1e3 u max|E|`` (float64 round-off of exact degeneracies)
    count as zero.
    """
    h = hamiltonian(n, delta).toarray().real
    ups, gap = number_of_up_spins(n), math.inf
    for m in range(n + 1):
        idx = np.nonzero(ups == m)[0]
        energies = np.linalg.eigvalsh(h[np.ix_(idx, idx)])
        steps = np.diff(energies)
        steps = steps[steps > 1e3 * np.finfo(float).eps * max(1.0, np.abs(energies).max())]
        gap = min([gap, *steps.tolist()])
    return gap


def _scaled(n, delta, mu, eps):
    h, jumps = hamiltonian(n, delta), jump_operators(XXZDrive(n, delta, mu, eps))
    ss = refined_steady_state(h, jumps, dissipator="prosen")
    sz = [o.diagonal().real for o in magnetization_operators(n)]
    m = np.array([ss.expect_diagonal(o) for o in sz]) / eps**2
    c = np.full((n, n), np.nan)
    for j in range(n):
        for k in range(j + 1, n):
            c[j, k] = c[k, j] = ss.expect_diagonal(sz[j] * sz[k]) / eps**2
    return m, c, ss


def cross_check(n: int, delta, mu, *, eps0: float = 0.01, levels: int = 3) -> CrossCheck:
    """Compare M_j, C_{j,k} of (17) with Richardson-extrapolated ``<sz>/eps^2`` of the NESS.

    Solves at ``eps_i = eps0 2^-i / sqrt(S)``, ``i < levels``; keeps the
    Richardson value ``(4 f(eps_{i+1}) - f(eps_i))/3`` closest to the next one
    (the last one when ``levels = 2``).  Raises
    :class:`~symness.lindblad.steady_state.SteadyStateError` if a refinement
    stops contracting.
    """
    levels = require_int(levels, "levels", minimum=2, maximum=8)
    params = ProfileParams(n, delta, mu)
    m_tm = np.array([float(x) for x in magnetization_profile(params)])
    c_tm = correlation_matrix(params)
    off = ~np.eye(n, dtype=bool)
    m_scale, c_scale = float(np.max(np.abs(m_tm))), float(np.max(np.abs(c_tm[off])))
    eps = eps0 / math.sqrt(profile_scale(n, delta))
    runs = [_scaled(n, delta, mu, eps / 2**i) for i in range(levels)]
    rich = [((4 * b[0] - a[0]) / 3, (4 * b[1] - a[1]) / 3) for a, b in zip(runs, runs[1:])]
    best, estimate = len(rich) - 1, math.nan
    if len(rich) > 1:
        spreads = [max(float(np.max(np.abs(x[0] - y[0]))) / m_scale,
                       float(np.max(np.abs(x[1][off] - y[1][off]))) / c_scale)
                   for x, y in zip(rich, rich[1:])]
        best = int(np.argmin(spreads))
        estimate = spreads[best]
    order = None
    if levels >= 3:  # at the three largest eps, where truncation (not round-off) dominates
        j, (fa, fb, fc) = int(np.argmax(np.abs(m_tm))), (r[0] for r in runs[:3])
        da, db = float(abs(fa[j] - fb[j])), float(abs(fb[j] - fc[j]))
        order = math.log2(da / db) if da > 0 and db > 0 else None  # None: below round-off
    m_ex, c_ex = rich[best]
    return CrossCheck(n=n, delta=Fraction(delta), mu=Fraction(mu), eps=float(eps / 2**best),
                      error_m=float(np.max(np.abs(m_ex - m_tm))) / m_scale,
                      error_c=float(np.max(np.abs(c_ex[off] - c_tm[off]))) / c_scale,
                      raw_error_m=float(np.max(np.abs(runs[best + 1][0] - m_tm))) / m_scale,
                      estimate=estimate, order=order,
                      contraction=max((x for r in runs for x in r[2].contraction),
                                      default=math.nan),
                      residual=max(r[2].residuals[-1] for r in runs),
                      steps=max(len(r[2].corrections) for r in runs),
                      seconds=sum(r[2].seconds for r in runs), magnetization=m_ex,
                      correlation=c_ex)
