"""Benchmark ``mps``: TEBD NESS cost against L and chi, and time-to-accuracy against exact LU.

Side by side at the largest exactly solvable size: the exact sparse-LU NESS
(:mod:`symness.mps.exact_reference`) and TEBD run until its currents agree with the exact
ones to 1e-3 relative.  Then the TEBD cost for growing L (fixed chi) and chi (fixed L) of
one disordered realisation.  Ratios are the result; absolute seconds are context only.
"""

from __future__ import annotations

import time

import numpy as np

from symness.benchmarks import benchmark
from symness.models.thermal_reservoirs import Reservoir
from symness.models.xxz_disordered import DisorderedXXZ
from symness.mps.convergence import Criterion
from symness.mps.exact_reference import exact_ness
from symness.mps.lindblad_tebd import BoundaryDrivenChain
from symness.mps.transport import NessSettings, solve_ness
from symness.outputs import Table


def _chain(L: int) -> BoundaryDrivenChain:
    return BoundaryDrivenChain(DisorderedXXZ(L, 1, h=0.6, seed=0),
                               Reservoir("linear", beta=0.1), Reservoir("linear", beta=-0.1))


def _settings(chi: int) -> NessSettings:
    return NessSettings(chi=chi, dt=0.1, order=2, warmup_dt=0.25,
                        criterion=Criterion(stationary_tol=1e-4, uniform_tol=1e-2))


@benchmark("mps", description="TEBD NESS: cost vs L and chi; time-to-accuracy vs exact LU")
def run(*, quick: bool) -> Table:
    """Measure the rows of the module docstring (``quick``: small L and chi only)."""
    rows = []
    chain = _chain(6)
    t0 = time.perf_counter()
    ref = exact_ness(chain)
    t_exact = time.perf_counter() - t0
    res = solve_ness(chain, _settings(64))
    j_ref = float(np.mean(ref.values["energy_current"][1:-1]))
    err = abs(res.j_energy - j_ref) / abs(j_ref)
    rows.append(["L=6 exact LU vs TEBD chi=64", 6, 64, round(t_exact, 3), round(res.seconds, 3),
                 round(res.seconds / t_exact, 2), f"{err:.1e}"])
    sizes = (6, 8, 10) if quick else (8, 12, 16, 24, 32)
    base = None
    for L in sizes:
        r = solve_ness(_chain(L), _settings(16 if quick else 64))
        base = base or r.seconds
        rows.append([f"TEBD L={L}", L, r.settings["chi"], "-", round(r.seconds, 3),
                     round(r.seconds / base, 2), f"{r.truncation['discarded_max']:.1e}"])
    base = None
    for chi in ((8, 16) if quick else (16, 32, 64)):
        r = solve_ness(_chain(8 if quick else 16), _settings(chi))
        base = base or r.seconds
        rows.append([f"TEBD chi={chi}", r.chain["L"], chi, "-", round(r.seconds, 3),
                     round(r.seconds / base, 2), f"{r.truncation['discarded_max']:.1e}"])
    return Table(title="mps: TEBD NESS cost (ratios to the first row of each block)",
                 columns=["case", "L", "chi", "exact_s", "tebd_s", "ratio", "error_or_discarded"],
                 rows=rows, command=f"symness bench mps{' --quick' if quick else ''}",
                 parameters={"delta": 1, "h": 0.6, "seed": 0, "reservoirs": "linear beta=±0.1"})
