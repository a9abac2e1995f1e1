"""Benchmark ``pump``: cost of the exact approach (11) and of the N_C = 6 GGE versus n.

Per size: the one-off setup (eigensystem, eigenbasis couplings, ``L^Q`` parts)
and the cost of one parameter point (zero mode of ``L^Q``; GGE Newton solve),
with the growth factor from the previous size.  Baseline at each size: the
same zero mode by a complex LU of ``L^Q`` (the naive route) against the
real-form LU used by :func:`symness.pump.exact_steady_state.zero_mode`.
"""

from __future__ import annotations

import math
import time

import numpy as np
import scipy.linalg as sla

from symness.benchmarks import benchmark
from symness.outputs import Table
from symness.pump.model import PumpParams
from symness.pump.system import PumpSystem

RATIO = math.sqrt(2.5)


def _timed(fn):
    start = time.process_time()  # CPU seconds: the machine is shared, wall time is noise
    out = fn()
    return out, time.process_time() - start


def _complex_lu_seconds(system: PumpSystem) -> float:
    lq = system.generator(RATIO)
    pop = system.pairs.populations
    lq[pop[0], :] = 0
    lq[pop[0], pop] = 1
    rhs = np.zeros(len(lq), dtype=complex)
    rhs[pop[0]] = 1
    _, seconds = _timed(lambda: sla.lu_solve(sla.lu_factor(lq), rhs))
    return seconds


@benchmark("pump", description="exact approach (11) and N_C=6 GGE: setup and per-point cost "
           "versus n; real-form vs complex LU (Lange et al. 2017)")
def run(*, quick: bool) -> Table:
    """Time the exact and GGE steady states at n = 6, 8, 10 (and 12 unless ``quick``)."""
    sizes = (6, 8, 10) if quick else (6, 8, 10, 12)
    rows, previous = [], None
    for n in sizes:
        system = PumpSystem(PumpParams(n=n))
        _, setup = _timed(lambda: (system.lq_parts, system.observables))
        (state, _), point = _timed(lambda: system.exact(RATIO))
        _, gge_setup = _timed(lambda: system.gge(6, 0.0))
        (sol, _), gge_point = _timed(lambda: system.gge(6, RATIO))
        naive = _complex_lu_seconds(system)
        total = setup + point
        growth = "-" if previous is None else f"{total / previous:.1f}"
        previous = total
        rows.append([n, 2**n, system.pairs.size, round(setup, 2), round(point, 2),
                     round(naive / point, 2), growth, round(gge_setup, 2),
                     round(gge_point, 3), sol.iterations])
    return Table(title="pump: exact approach (11) and N_C=6 GGE, CPU seconds (OMP_NUM_THREADS=1)",
                 columns=["n", "states", "conserved ops", "exact setup s", "exact point s",
                          "complex-LU/real-LU", "exact growth", "GGE6 setup s",
                          "GGE6 point s", "Newton its"],
                 rows=rows, command=f"symness bench pump{' --quick' if quick else ''}",
                 parameters={"ratio": RATIO, "field": -1.0, "delta": 0.8},
                 notes=["targets: exact n=12 one point (setup + point) < 300 s; "
                        "GGE N_C=6 < 30 s per point"])


def _lean_row(n: int) -> list:
    """Measure the lean solver at ``n`` in this process: ``P``, setup and point CPU seconds."""
    from symness.pump.lean_steady_state import LeanPump

    lean = LeanPump(PumpParams(n=n))
    _, setup = _timed(lambda: (lean.parts, lean.observables))
    _, point = _timed(lambda: lean.exact(RATIO))
    return [n, lean.pairs.size, round(setup, 1), round(point, 1)]


def _cached_row(n: int) -> list | None:
    """The same numbers from the cached run of ``symness pump large`` (first ratio), if any."""
    from symness.pump.beyond import read_points

    rows = [r for r in read_points() if r["n"] == n and r["field"] == -1.0]
    if not rows:
        return None
    return [n, rows[0]["pairs"], rows[0]["setup_cpu_s"],
            float(np.median([r["point_cpu_s"] for r in rows])), rows[0]["peak_rss_gib"]]


@benchmark("pump-size", description="exact approach (11) by the memory-lean solver: setup and "
           "per-point CPU and memory versus n, as ratios to n = 12 (n = 14 from its cached run)")
def run_size(*, quick: bool) -> Table:
    """Lean solver (:mod:`symness.pump.lean_steady_state`) at B = -1, ``r = sqrt(2.5)``.

    n = 10 and 12 (``quick``: 6 and 8) are measured now.  The n = 14 row is read from
    the cache of ``symness pump large`` (one run, ``tables/lange2017_n14.csv``; the
    point time is the median over its ratios, and the peak memory is that run's);
    ``symness pump large --n 14 --values ... --recompute`` measures it again.  Memory
    columns: the estimate of :func:`symness.pump.cost.lean_cost` and, where measured,
    the peak resident set.
    """
    from symness.pump.cost import lean_cost

    rows = [_lean_row(n) + [None, "measured now"] for n in ((6, 8) if quick else (10, 12))]
    cached = _cached_row(14)
    if cached is not None:
        rows.append(cached + ["cached run (symness pump large)"])
    base = next((r for r in rows if r[0] == 12), None)
    out = []
    for n, pairs, setup, point, peak, source in rows:
        ratio = "-" if base is None else f"{(setup + point) / (base[2] + base[3]):.2g}"
        point_ratio = "-" if base is None else f"{point / base[3]:.2g}"
        out.append([n, pairs, setup, point, point_ratio, ratio,
                    round(lean_cost(n, pairs).bytes / 2**30, 1),
                    "-" if peak is None else peak, source])
    return Table(title="pump: exact approach (11), memory-lean solver, CPU seconds "
                       "(OMP_NUM_THREADS=1), B = -1",
                 columns=["n", "equal-k pairs P", "setup s", "point s", "point / n=12",
                          "setup+point / n=12", "estimated GiB", "peak GiB", "source"],
                 rows=out, command=f"symness bench pump-size{' --quick' if quick else ''}",
                 parameters={"field": -1.0, "delta": 0.8, "ratio": RATIO},
                 notes=["n = 14 from one cached run on a shared machine (2 cores, load ~4): "
                        "its CPU times are single-threaded but not isolated"])
