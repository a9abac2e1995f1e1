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


#: Dense complex ``L^Q`` matrices held at once by :class:`PumpSystem` at B != 0:
#: three parts (phonon intra/inter-sector, drive) and the assembled generator.
LQ_MATRICES = 4
#: Dense eigenbasis operators held by the couplings: phonon A_0 and the drive X1, X2.
EIGENBASIS_OPERATORS = 3


@benchmark("pump-size", description="exact approach (11): conserved pairs per n (measured by the "
           "S^z-sector count) and the projected memory and LU cost relative to n = 12")
def run_size(*, quick: bool) -> Table:
    """Pair count ``P`` (equal momentum) measured per n; memory and LU time projected.

    Projection (not a measurement): dense complex ``L^Q`` of size ``P x P``
    (:data:`LQ_MATRICES` of them) plus the dense eigenbasis operators
    (``2^n x 2^n``, :data:`EIGENBASIS_OPERATORS`); LU cost ``~ P^3``, given as a
    ratio to n = 12 (``P_12 = 4588``, one point measured at 4.6-12 s CPU and a
    5.9 GiB peak at B = 0 on this machine).
    """
    from symness.models.xxz_ring import XXZRing
    from symness.pump.level_count import sector_level_counts

    sizes = (6, 8) if quick else (10, 12, 14)
    rows = []
    for n in sizes:
        (_, pairs), seconds = _timed(lambda: sector_level_counts(XXZRing(n=n, delta=0.8,
                                                                         field=-1.0)))
        gib = 16 * (LQ_MATRICES * pairs**2 + EIGENBASIS_OPERATORS * 4**n) / 2**30
        rows.append([n, pairs, round(seconds, 1), round(gib, 1), round((pairs / 4588) ** 3, 2)])
    return Table(title="pump: size of the exact approach (11) versus n (B = -1, Delta = 0.8)",
                 columns=["n", "equal-k pairs P", "count CPU s", "projected memory GiB",
                          "projected LU time / n=12"],
                 rows=rows, command=f"symness bench pump-size{' --quick' if quick else ''}",
                 parameters={"field": -1.0, "delta": 0.8},
                 notes=["memory and time are projections from P; only P and the count time "
                        "are measured"])
