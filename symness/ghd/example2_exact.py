"""Example 2 (Neel | Bell pairs, Delta = 1/2) with the exact steady states of both halves.

The boundary states of the LQSS (paper eq. (16)) are the exact GGEs of the Neel and the
Bell-pair quenches (``tba.string_charge``: all local and quasi-local charges, checked
against the exact initial values of q_1 .. q_11), instead of the truncated GGEs of
``tba.truncated_gge``.  The rapidity-grid error of every profile value is the change from
step h to h/2 (the LQSS step quadrature converges at order ~5, so this over-estimates the
error of the finer value).

The truncated-GGE sequence K = 1, 2, .. is compared with two states
(:func:`truncation_sequence`): the exact steady state and the K -> oo limit that the local
charges can reach, the local-charge GGE with the exact 1-string hole density
(``tba.local_limit``: the local charges fix rho_1^h only).

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
from symness.tba.dressing import Dressing
from symness.tba.local_limit import local_limit_state
from symness.tba.quadrature import RapidityGrid
from symness.tba.strings import string_content
from symness.tba.thermal import Macrostate

__all__ = ["CUTOFF", "STEPS", "exact_quench_states", "ExactProfile", "exact_profile",
           "tebd_junction", "local_limit_states", "SequenceRow", "truncation_sequence"]

#: Rapidity cutoff of the exact states (densities ~ e^{-2|lambda|}: 4e-11 at 12).
CUTOFF = 12.0
#: Rapidity steps h, h/2 of the error estimate.
STEPS = (0.05, 0.025)


def _exact_states(grid: RapidityGrid) -> tuple[sc.ExactState, sc.ExactState]:
    content = string_content(Fraction(1, 3))
    return (sc.exact_state(content, sc.NEEL_PAIR, grid=grid),
            sc.exact_state(content, sc.BELL_PAIR, grid=grid))


def exact_quench_states(grid: RapidityGrid) -> tuple[Macrostate, Macrostate]:
    """Exact GGEs of the Neel (left) and Bell-pair (right) quenches at Delta = 1/2."""
    return tuple(e.state for e in _exact_states(grid))


def local_limit_states(grid: RapidityGrid) -> tuple[Macrostate, Macrostate]:
    """K -> oo limits of the truncated GGEs of the Neel and Bell-pair quenches.

    The local-charge GGEs with the exact rho_1^h (``tba.local_limit``), started from
    theta_1 = 1/2 (the exact states' fillings are not used as the start: in the far tails,
    ratios of densities ~1e-11, they carry rounding noise that can leave (0, 1]).
    """
    return tuple(local_limit_state(e.state.content, e.hole_density[0], grid).state
                 for e in _exact_states(grid))


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


@dataclass(frozen=True)
class SequenceRow:
    """One state pair of the truncated-GGE sequence (:func:`truncation_sequence`).

    Attributes
    ----------
    label : str
        "K = k", "K = oo (local limit)" or "exact".
    junction : dict
        {"j1", "q1"}: the LQSS energy current and density at zeta = 0 (eqs. (14)-(16)).
    distances : dict
        {(state, kind): sup over lambda}, state "neel" or "bell", kind "holes"
        (|rho_1^h - D_1|, D_1 the exact hole density), "exact" (|rho_1 - rho_1^exact|) or
        "limit" (|rho_1 - rho_1^limit|).
    """

    label: str
    junction: dict
    distances: dict


def _densities(state: Macrostate) -> tuple[np.ndarray, np.ndarray]:
    total = Dressing(state).total_density[0]
    return state.filling[0] * total, (1 - state.filling[0]) * total


def truncation_sequence(grid: RapidityGrid, order: int = 6) -> list[SequenceRow]:
    """Truncated GGEs K = 1 .. ``order``, their K -> oo local limit and the exact states."""
    from symness.tba.lattice_charges import BELL, NEEL
    from symness.tba.truncated_gge import quench_gge_sequence

    exact = _exact_states(grid)
    limit = local_limit_states(grid)
    limit_roots = [_densities(st)[0] for st in limit]
    chains = [quench_gge_sequence(exact[0].state.content, st, order, grid=grid)
              for st in (NEEL, BELL)]
    pairs = [(f"K = {k + 1}", (neel.state, bell.state))
             for k, (neel, bell) in enumerate(zip(*chains))]
    pairs += [("K = oo (local limit)", limit), ("exact", tuple(e.state for e in exact))]
    rows = []
    for label, states in pairs:
        centre = profile(*states, np.array([0.0])).values
        dist = {}
        for name, st, ex, lim in zip(("neel", "bell"), states, exact, limit_roots):
            roots, holes = _densities(st)
            dist |= {(name, "holes"): float(np.max(np.abs(holes - ex.hole_density[0]))),
                     (name, "exact"): float(np.max(np.abs(roots - ex.root_density[0]))),
                     (name, "limit"): float(np.max(np.abs(roots - lim)))}
        rows.append(SequenceRow(label, {k: float(centre[k][0]) for k in ("j1", "q1")}, dist))
    return rows
