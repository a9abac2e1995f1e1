"""Comparison of the TEBD domain wall (``ghd.realtime``) with the GHD profiles.

Error model, fixed before the comparison was run:

* GHD is the t -> oo limit at fixed zeta = x/t; at finite t the lattice data deviate by
  finite-time corrections (gradient corrections ~ 1/t, oscillations ~ t^{-1/2} or faster).
  The deviation D(t) = max over the bulk rays |zeta| <= ZETA_BULK (away from the light cone
  sin(gamma), where the front has its own slower t^{-1/3} scaling) of |TEBD - GHD| for s^z
  (sites) and j^z (bonds) is fitted to A t^{-p}.
* Numerical errors of TEBD: truncation, |f(chi) - f(chi/2)| (max over the same rays);
  Trotter (order 4, dt = 0.1), |f(dt) - f(dt/2)| at the first time, grown linearly in t.
* Pass: D(t) decreases monotonically over the recorded times, the fitted p >= 1/2, and the
  TEBD errors are at most D(t)/3 at every time (so that D measures the physics, not the
  numerics).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import partial
from pathlib import Path

import numpy as np

from symness.ghd.converged import converged_profile
from symness.ghd.profiles import domain_wall_states
from symness.ghd.realtime import (
    DW_CHIS,
    DW_DELTA,
    DW_DT,
    DW_LENGTH,
    DW_TIMES,
    bond_positions,
    domain_wall_runs,
    load_or_run,
    site_positions,
)
from symness.tba.strings import string_content

__all__ = ["ZETA_BULK", "DomainWallComparison", "compare_domain_wall", "trotter_error"]

#: Bulk rays of the comparison (the light cone is at sin(pi/3) = 0.866).
ZETA_BULK = 0.75


@dataclass(frozen=True)
class DomainWallComparison:
    """Deviations D(t), the fit A t^-p, and the TEBD error budget at every time."""

    times: tuple[float, ...]
    deviation: tuple[float, ...]
    chi_error: tuple[float, ...]
    trotter_error: tuple[float, ...]
    exponent: float
    amplitude: float
    ghd_error: float


def _ghd_on(zetas: np.ndarray, rtol: float = 1e-8):
    content = string_content(Fraction(1, 3))
    order = np.argsort(zetas)
    conv = converged_profile(partial(domain_wall_states, content), zetas[order], rtol=rtol)
    out = {k: np.empty_like(zetas) for k in ("sz", "jz")}
    for k in out:
        out[k][order] = conv.profile.values[k]
    return out, max(conv.errors["sz"], conv.errors["jz"])


def trotter_error(tables: Path) -> float:
    """|f(dt) - f(dt/2)| (s^z and j^z, all sites) at t = DW_TIMES[0], chi = max(DW_CHIS)."""
    chi, t0 = max(DW_CHIS), DW_TIMES[0]
    coarse = load_or_run(Path(tables) / f"bertini2016_realtime_dw_chi{chi}_t{t0:g}.json",
                         DW_LENGTH, DW_DELTA, (t0,), chi=chi, dt=DW_DT)
    fine = load_or_run(Path(tables) / f"bertini2016_realtime_dw_chi{chi}_t{t0:g}_half_dt.json",
                       DW_LENGTH, DW_DELTA, (t0,), chi=chi, dt=DW_DT / 2)
    return max(float(np.max(np.abs(coarse.sz - fine.sz))),
               float(np.max(np.abs(coarse.jz - fine.jz))))


def compare_domain_wall(tables: Path = Path("tables")) -> DomainWallComparison:
    """Compare the cached TEBD runs with GHD (module docstring: error model and criterion)."""
    runs = domain_wall_runs(tables)
    best, rough = runs[max(DW_CHIS)], runs[min(DW_CHIS)]
    trot0 = trotter_error(tables)
    xs, xb = site_positions(DW_LENGTH), bond_positions(DW_LENGTH)
    dev, chi_err, trot, ghd_err = [], [], [], 0.0
    for k, t in enumerate(DW_TIMES):
        ms, mb = np.abs(xs / t) <= ZETA_BULK, np.abs(xb / t) <= ZETA_BULK
        ghd_s, es = _ghd_on(xs[ms] / t)
        ghd_b, eb = _ghd_on(xb[mb] / t)
        ghd_err = max(ghd_err, es, eb)
        dev.append(max(float(np.max(np.abs(best.sz[k][ms] - ghd_s["sz"]))),
                       float(np.max(np.abs(best.jz[k][mb] - ghd_b["jz"])))))
        chi_err.append(max(float(np.max(np.abs(best.sz[k][ms] - rough.sz[k][ms]))),
                           float(np.max(np.abs(best.jz[k][mb] - rough.jz[k][mb])))))
        trot.append(trot0 * t / DW_TIMES[0])
    slope, intercept = np.polyfit(np.log(DW_TIMES), np.log(dev), 1)
    return DomainWallComparison(tuple(DW_TIMES), tuple(dev), tuple(chi_err), tuple(trot),
                                float(-slope), float(math.exp(intercept)), ghd_err)
