"""Example 1 in real time: the purification TEBD junction against the LQSS (q1 and j1).

Runs (``ghd.realtime_thermal``, Delta = 1/2, beta_L = 1, beta_R = 2, L = 48, cached in
``tables/bertini2016_realtime_ex1_*.json``): chi = 128 and 64 (truncation), dt = 0.1 and
0.05 at chi = 64 to t = 4 (Trotter, order 4), imaginary-time step dtau = 0.005 (order 2).
The GHD front moves at max |v| = 1.19 (``bertini2016.ghd.light-cone``), so at t = 8 the
disturbance reaches |x| = 9.5 < L/2 = 24; the open ends, being in their own halves' thermal
states, do not move.

Error model and criterion (written before the L = 48 runs; at that point only the L = 8
check against dense evolution had been run):

* Rays zeta_i = -0.8, -0.7, ..., 0.8 (17 rays, inside the front 1.19 by >= 0.39 t, i.e.
  >= 1.5 sites at t = 4).  The TEBD profile at ray zeta and time t is the linear
  interpolation in x of the lattice values (q1 on bonds, j1 on sites) at x = zeta t.
* Finite-t correction c(zeta)/t: where the Euler-scale profile is smooth, the O(1) offset of
  the lattice junction and the diffusive (Navier-Stokes) terms both correct f(zeta) by O(1/t)
  at fixed zeta.  For each observable and ray, f(t) = f_oo + c/t is fitted by least squares
  over the recorded times t = 4, 5, 6, 7, 8 (chi = 128).
* Error budget of f_oo: E = 2 sigma_fit + sum_t |w_t| (e_chi(t) + e_dt(t) + e_tau) + e_GHD,
  sigma_fit the standard error of the intercept from the fit residuals (3 degrees of
  freedom), w_t the least-squares weights of the intercept, e_chi(t) = |f(chi = 128) -
  f(chi = 64)| at that ray and time, e_dt(t) the largest |f(dt) - f(dt/2)| over the profile
  at t = 4 grown linearly in t, e_tau = 2 x the imaginary-time Trotter error measured at
  L = 8 against the dense state at the same dtau, e_GHD the ``converged_profile`` estimate.
* PASS if |f_oo - f_GHD| <= E on every ray for both q1 and j1, and E <= 5 % of the range
  of the GHD profile of that observable (an error bar that large would pass anything).

Also reported, not part of the criterion: D(t) = max over the rays of |f(t) - f_GHD| and its
fitted decay exponent, and max |<s^z>| (zero by symmetry).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from symness.ghd.realtime_thermal import ThermalJunctionRun, load_or_run

__all__ = ["EX1", "EX1_RUNS", "Ex1Run", "ex1_runs"]


@dataclass(frozen=True)
class Ex1Run:
    """One cached run of Example 1: its name suffix, bond dimension, steps and times."""

    name: str
    chi: int
    dt: float
    times: tuple[float, ...]


#: Delta, (beta_L, beta_R), L and dtau of every run.
EX1 = {"delta": 0.5, "betas": (1.0, 2.0), "length": 48, "dtau": 0.005}
#: The runs (name suffixes of the cache files): best; truncation reference, whose t = 4 is
#: also the coarse half of the Trotter pair; the Trotter pair's fine half.
EX1_RUNS = (Ex1Run("chi128", 128, 0.1, (2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0)),
            Ex1Run("chi64", 64, 0.1, (2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0)),
            Ex1Run("chi64_t4_half_dt", 64, 0.05, (2.0, 4.0)))


def ex1_runs(tables: Path = Path("tables"), checkpoints: Path | None = None,
             names: tuple[str, ...] | None = None) -> dict[str, ThermalJunctionRun]:
    """The runs of :data:`EX1_RUNS` (all, or ``names``), from the cache or computed."""
    out = {}
    for run in EX1_RUNS:
        if names is None or run.name in names:
            out[run.name] = load_or_run(
                Path(tables) / f"bertini2016_realtime_ex1_{run.name}.json", EX1["length"],
                EX1["delta"], EX1["betas"], run.times, chi=run.chi, dt=run.dt,
                dtau=EX1["dtau"], checkpoint_dir=checkpoints)
    return out
