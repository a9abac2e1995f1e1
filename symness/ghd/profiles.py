"""Profiles of charge densities and currents in the partitioning protocol.

For each ray zeta = x/t the LQSS (``lqss.solve_ray``) gives the state, and the profiles
are its expectation values (paper eqs. (3) and (14), ``tba.charges``): the energy density
<q_1> (Q_1 = H - Delta L/4), <q_2> (Q_2 = -J_E, see ``tba.exact_diag``), <s^z>, and the
currents <j_1>, <j_2>, <j^z> of eq. (14) (without the state-independent constant: (14)
vanishes in the all-up reference state).

Boundary states:

* two temperatures (Example 1): thermal states at beta_L, beta_R, h = 0;
* domain wall (Example 3): left all up = empty (theta = 0); right all down, the limit
  mu -> -oo of exp(mu S^z): theta = 1 for the last two species, 0 otherwise (checked as
  the limit of the Yang-Yang solution and by <s^z> = -1/2 in ``tests/ghd``);
* global quench (Example 2): left the Neel state, right the Bell pairs
  (|up up> - |down down>)/sqrt 2, each replaced by its *truncated* GGE with the charges
  Q_1, Q_3, .., Q_{2K-1} (``tba.truncated_gge``; the exact quench-action steady states are
  not implemented).

Extra charges: ``profile(..., extra=(3,))`` also evaluates <q_3> and <j_3>.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from symness.ghd.lqss import STENCIL_HALF_WIDTH, solve_ray
from symness.resources import BASE_BYTES, Cost, require_fits
from symness.tba.charges import OBSERVABLES, observables
from symness.tba.quadrature import Convolution, RapidityGrid
from symness.tba.strings import StringContent
from symness.tba.thermal import Macrostate, thermal_state

__all__ = ["OBSERVABLES", "Profile", "two_temperature_states", "domain_wall_states",
           "quench_states", "observables", "profile", "profile_cost", "require_memory_fits"]

@dataclass(frozen=True, eq=False)
class Profile:
    """Profiles on a ray grid, with the iteration count and residual of every ray."""

    zeta: np.ndarray
    values: dict[str, np.ndarray]
    iterations: np.ndarray
    residuals: np.ndarray
    left: dict[str, float] = field(default_factory=dict)
    right: dict[str, float] = field(default_factory=dict)


def profile_cost(species: int, step: float, rays: int) -> Cost:
    """Memory and time of a whole :func:`.converged.converged_profile` (order of magnitude).

    Measured with ``symness ghd profile --gamma 1/nu --rays 51`` at the other defaults
    (two temperatures, tol 1e-8, first step 1/20) for nu = 3, 6, 12 (as many species):
    16, 81, 478 s wall (a loaded 2-core machine) and 36, 140, 520 MB above the
    interpreter, i.e. ``0.52 GB (s/12)^2`` and ``478 s (s/12)^2.4``.  Domain-wall profiles
    at first steps 0.05, 0.025, 0.0125 took 8, 15, 27 MB (memory ~ 1/step) and 51 -> 201
    rays 0.85 -> 2.56 s (time ~ rays).
    """
    scale = species / 12
    return Cost(BASE_BYTES + 0.52e9 * scale**2 * (0.05 / step), 478.0 * scale**2.4 * rays / 51)



def require_memory_fits(content: StringContent, grid: RapidityGrid) -> None:
    """Refuse, before any TBA solve, a string content whose profile would not fit in memory."""
    require_fits(lambda s: profile_cost(s, grid.step, 1), "species", content.species,
                 what=f"LQSS profile, gamma/pi = {content.gamma_over_pi}, step {grid.step:g}",
                 minimum=1)


def two_temperature_states(content: StringContent, beta_left: float, beta_right: float,
                           grid: RapidityGrid) -> tuple[Macrostate, Macrostate]:
    """Thermal boundary states at h = 0 (Example 1)."""
    require_memory_fits(content, grid)
    return (thermal_state(content, beta_left, grid=grid),
            thermal_state(content, beta_right, grid=grid))


def domain_wall_states(content: StringContent, grid: RapidityGrid) -> tuple[Macrostate,
                                                                            Macrostate]:
    """All up on the left, all down on the right (Example 3)."""
    require_memory_fits(content, grid)
    s, n = content.species, grid.size
    empty = Macrostate(content, grid, np.zeros((s, n)), np.zeros(s))
    full_inf = np.zeros(s)
    full_inf[-2:] = 1.0
    full = Macrostate(content, grid, np.repeat(full_inf[:, None], n, axis=1), full_inf)
    return empty, full


def quench_states(content: StringContent, grid: RapidityGrid,
                  order: int) -> tuple[Macrostate, Macrostate]:
    """Truncated GGEs (K = ``order``) of the Neel (left) and Bell-pair (right) quenches."""
    from symness.tba.lattice_charges import BELL, NEEL
    from symness.tba.truncated_gge import quench_gge

    require_memory_fits(content, grid)
    return (quench_gge(content, NEEL, order, grid=grid).state,
            quench_gge(content, BELL, order, grid=grid).state)


def profile(left: Macrostate, right: Macrostate, zetas: np.ndarray, *,
            tol: float = 1e-10, extra: tuple[int, ...] = (),
            half_width: int = STENCIL_HALF_WIDTH) -> Profile:
    """Solve the LQSS on every ray of ``zetas`` (sweeping left to right) and evaluate.

    Parameters
    ----------
    left, right : Macrostate
        Boundary states on the same grid.
    zetas : array
        Rays x/t (sorted ascending).
    tol : float
        Tolerance of the LQSS iteration on each ray.
    extra : tuple of int
        Further charges n whose q_n, j_n are evaluated (keys "q<n>", "j<n>").
    half_width : int
        Stencil half-width of the step quadrature (``lqss.cell_fraction_positive``).
    """
    zetas = np.asarray(zetas, dtype=float)
    kernel = Convolution(left.content, left.grid)
    keys = OBSERVABLES + tuple(f"{c}{n}" for n in extra for c in "qj")
    values = {k: np.empty(zetas.size) for k in keys}
    its, res = np.empty(zetas.size, dtype=int), np.empty(zetas.size)
    initial, guess = None, None
    for i, z in enumerate(zetas):
        sol = solve_ray(z, left, right, kernel=kernel, initial=initial, guess=guess, tol=tol,
                        half_width=half_width)
        initial, guess = sol.state.filling, sol.dressing.dressed_derivatives
        for key, val in observables(sol.dressing, extra).items():
            values[key][i] = val
        its[i], res[i] = sol.iterations, sol.residual
    from symness.tba.dressing import Dressing

    return Profile(zetas, values, its, res, observables(Dressing(left, kernel), extra),
                   observables(Dressing(right, kernel), extra))
