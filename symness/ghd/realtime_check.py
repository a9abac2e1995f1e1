"""Comparison of the TEBD domain wall (``ghd.realtime``) with the GHD profiles.

GHD is the t -> oo limit at fixed zeta = x/t.  The deviation at time t is

    D(t) = max over the bulk points |x| <= X(t) of |TEBD - GHD|

for s^z (sites) and j^z (bonds).  TEBD's own errors: truncation, |f(chi) - f(chi_small)|
over the same points; Trotter (order 4, dt = 0.1), |f(dt) - f(dt/2)| at t = 4 on the
first set, grown linearly in t.

Error model 1 (fixed before any run; first set, L = 48, t = 4, 8, 12, 16): X(t) = 0.75 t
(the light cone is at sin(pi/3) t = 0.866 t); finite-t corrections ~ 1/t or t^{-1/2}.
Pass: D decreasing, fitted exponent p >= 1/2, TEBD errors <= D/3.  Outcome: FAILED,
D = 0.070, 0.067, 0.052, 0.052, p = 0.2 (table ``bertini2016_realtime_dw`` and README):
the largest deviations (0.05-0.08) sit at 0.6 <= |zeta| <= 0.95, in the front.

Error model 2 (fixed after seeing the first set, before the second set was run; second
set, L = 64, t = 12, 18, 24): the front of the domain wall is a boundary layer of width
~ t^{1/3} sites around x = sin(gamma) t (the t^{1/3} edge scaling of domain-wall fronts,
e.g. the Airy edge at Delta = 0), where the Euler-scale GHD does not apply.  Bulk:
X(t) = sin(gamma) t - 3 t^{1/3}.  Pass: D decreasing, fitted p >= 1/2, TEBD errors
<= D/3 at every time.  Outcome: FAILED, D = 0.015, 0.014, 0.016 at t = 12, 18, 24.

Error model 3, the integrated (weak) comparison that passes on a new L = 80 run, is
``ghd.realtime_integrated`` (claim ``bertini2016.realtime.dw-integrated``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import partial
from pathlib import Path

import numpy as np

from symness.ghd.converged import converged_profile
from symness.ghd.profiles import domain_wall_states
from symness.ghd.realtime import (
    DW_DELTA,
    DW_DT,
    DW_FIRST,
    DW_SECOND,
    DomainWallSet,
    bond_positions,
    domain_wall_runs,
    load_or_run,
    site_positions,
)
from symness.tba.strings import string_content

__all__ = ["DomainWallComparison", "bulk_model1", "bulk_model2", "compare_domain_wall",
           "passes", "trotter_error"]

#: Light cone of the domain wall at Delta = 1/2: sin(pi/3).
_EDGE = math.sin(math.pi / 3)


def bulk_model1(t: float) -> float:
    """X(t) of error model 1: 0.75 t."""
    return 0.75 * t


def bulk_model2(t: float) -> float:
    """X(t) of error model 2: the light cone minus a front layer of 3 t^{1/3} sites."""
    return _EDGE * t - 3 * t ** (1 / 3)


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
    """|f(dt) - f(dt/2)| (s^z and j^z, all sites) at t = 4 on the first set, largest chi."""
    chi, t0, length = max(DW_FIRST.chis), DW_FIRST.times[0], DW_FIRST.length
    coarse = load_or_run(Path(tables) / f"bertini2016_realtime_dw_chi{chi}_t{t0:g}.json",
                         length, DW_DELTA, (t0,), chi=chi, dt=DW_DT)
    fine = load_or_run(Path(tables) / f"bertini2016_realtime_dw_chi{chi}_t{t0:g}_half_dt.json",
                       length, DW_DELTA, (t0,), chi=chi, dt=DW_DT / 2)
    return max(float(np.max(np.abs(coarse.sz - fine.sz))),
               float(np.max(np.abs(coarse.jz - fine.jz))))


def compare_domain_wall(dataset: DomainWallSet = DW_SECOND,
                        bulk: Callable[[float], float] = bulk_model2,
                        tables: Path = Path("tables")) -> DomainWallComparison:
    """D(t) and the TEBD error budget of ``dataset`` on the bulk |x| <= bulk(t)."""
    runs = domain_wall_runs(tables, dataset)
    best, rough = runs[max(dataset.chis)], runs[min(dataset.chis)]
    trot0 = trotter_error(tables)
    xs, xb = site_positions(dataset.length), bond_positions(dataset.length)
    dev, chi_err, trot, ghd_err = [], [], [], 0.0
    for k, t in enumerate(dataset.times):
        ms, mb = np.abs(xs) <= bulk(t), np.abs(xb) <= bulk(t)
        ghd_s, es = _ghd_on(xs[ms] / t)
        ghd_b, eb = _ghd_on(xb[mb] / t)
        ghd_err = max(ghd_err, es, eb)
        dev.append(max(float(np.max(np.abs(best.sz[k][ms] - ghd_s["sz"]))),
                       float(np.max(np.abs(best.jz[k][mb] - ghd_b["jz"])))))
        chi_err.append(max(float(np.max(np.abs(best.sz[k][ms] - rough.sz[k][ms]))),
                           float(np.max(np.abs(best.jz[k][mb] - rough.jz[k][mb])))))
        trot.append(trot0 * t / DW_FIRST.times[0])
    slope, intercept = np.polyfit(np.log(dataset.times), np.log(dev), 1)
    return DomainWallComparison(tuple(dataset.times), tuple(dev), tuple(chi_err), tuple(trot),
                                float(-slope), float(math.exp(intercept)), ghd_err)


def passes(cmp: DomainWallComparison) -> bool:
    """The criterion of both error models: D decreasing, p >= 1/2, TEBD errors <= D/3."""
    dev = cmp.deviation
    monotone = all(b < a for a, b in zip(dev, dev[1:]))
    numerics = all(c + r <= d / 3 for c, r, d in zip(cmp.chi_error, cmp.trotter_error, dev))
    return monotone and numerics and cmp.exponent >= 0.5
