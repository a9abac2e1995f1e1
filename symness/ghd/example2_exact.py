"""Example 2 (Neel | Bell pairs, Delta = 1/2) with the exact steady states of both halves.

The boundary states of the LQSS (paper eq. (16)) are the exact GGEs of the Neel and the
Bell-pair quenches (``tba.string_charge``: all local and quasi-local charges, checked
against the exact initial values of q_1 .. q_11), instead of the truncated GGEs of
``tba.truncated_gge``.  The rapidity-grid error of every profile value is the change from
step h to h/2 (the LQSS step quadrature converges at order ~5, so this over-estimates the
error of the finer value).

The real-time reference is the pure-state TEBD of ``ghd.realtime_quench`` (L = 48,
chi = 128 and 64, t <= 8, cached in ``tables/``): its junction energy current
<(j_b + j_{b+1})/2>, b = L/2 - 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from symness.ghd.profiles import profile
from symness.tba import string_charge as sc
from symness.tba.quadrature import RapidityGrid
from symness.tba.strings import string_content
from symness.tba.thermal import Macrostate

__all__ = ["CUTOFF", "STEPS", "exact_quench_states", "ExactProfile", "exact_profile",
           "tebd_junction"]

#: Rapidity cutoff of the exact states (densities ~ e^{-2|lambda|}: 4e-11 at 12).
CUTOFF = 12.0
#: Rapidity steps h, h/2 of the error estimate.
STEPS = (0.05, 0.025)


def exact_quench_states(grid: RapidityGrid) -> tuple[Macrostate, Macrostate]:
    """Exact GGEs of the Neel (left) and Bell-pair (right) quenches at Delta = 1/2."""
    content = string_content(Fraction(1, 3))
    return (sc.exact_state(content, sc.NEEL_PAIR, grid=grid).state,
            sc.exact_state(content, sc.BELL_PAIR, grid=grid).state)


@dataclass(frozen=True)
class ExactProfile:
    """Profiles at the finest step and their estimated errors (sup over rays per key)."""

    zeta: np.ndarray
    values: dict
    errors: dict
    steps: tuple


def exact_profile(zetas, steps: tuple[float, ...] = STEPS) -> ExactProfile:
    """LQSS profiles of Example 2 with the exact boundary GGEs, at each step of ``steps``."""
    zetas = np.asarray(zetas, dtype=float)
    runs = [profile(*exact_quench_states(RapidityGrid(step=h, cutoff=CUTOFF)), zetas).values
            for h in steps]
    fine, coarse = runs[-1], runs[-2]
    errors = {k: float(np.max(np.abs(fine[k] - coarse[k]))) for k in fine}
    return ExactProfile(zetas, fine, errors, tuple(steps))


def tebd_junction() -> dict[int, list[float]]:
    """{chi: junction energy current at t = 1 .. 8} of the cached Example 2 TEBD runs."""
    from symness.ghd.realtime_quench import ex2_runs

    out = {}
    for chi, run in ex2_runs().items():
        b = run.length // 2 - 1
        out[chi] = [0.5 * float(run.j1[k, b - 1] + run.j1[k, b]) for k in range(len(run.times))]
    return out
