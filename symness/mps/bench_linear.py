"""Benchmark ``mps-linear``: the linear-response sweeps against the TEBD NESS engine.

Side by side on the chain of Fig. 2(b) (``Delta = 1``, ``h = 0.6``, seed 0, drive
``beta_L = -beta_R = 0.1``): the TEBD engine with the figure's settings (``chi = 32``, its
convergence criterion and ``chi/2`` warm start) and :func:`symness.mps.linear_response.
linear_response` (orders 1 and 2 of the drive, two-site sweeps at ``chi``), both one
process on one core.  Where the exact sector NESS exists (``L <= 10``) both bulk energy
currents are compared with it; otherwise with each other.  The ratio is TEBD seconds over
linear-response seconds (> 1: the linear solve is faster).

Measured on one core of a quiet machine (``tables/mendoza2019_bench_mps_linear.md``):
``L = 8, chi = 32``: 14.9 s against TEBD's 0.95 s (ratio 0.064); ``L = 16``: 250 s against
21 s (ratio 0.085), the sweeps stopping at their limit of 20 per order.  The local Galerkin
systems of a Liouvillian are nearly skew (dissipation only at the edges) and GMRES needs
~70 products per bond (L = 8, loaded machine: about 8000 products of 14 ms).  The engine is
kept as an independent check of the TEBD fixed point (no Trotter error, no time to the
NESS), not as the production engine.
"""

from __future__ import annotations

import time

import numpy as np

from symness.benchmarks import benchmark
from symness.outputs import Table

__all__ = ["run_linear"]


def _rows(L: int, chi: int) -> list[list]:
    from symness.mps.figures import FIG2_SETTINGS, fig2_spec
    from symness.mps.linear_response import linear_response
    from symness.mps.sweep import chain_from_spec, settings_from_spec
    from symness.mps.transport import solve_ness

    spec = fig2_spec(L, "3/5", 0, FIG2_SETTINGS["chi"])
    chain = chain_from_spec(spec)
    t0 = time.perf_counter()
    tebd = solve_ness(chain, settings_from_spec(spec))
    t_tebd = time.perf_counter() - t0
    t0 = time.perf_counter()
    lr = linear_response(chain, chi=chi, orders=2)
    t_lr = time.perf_counter() - t0
    j_lr = lr.current("energy")
    rows = []
    if L <= 10:
        from symness.mps.exact_reference import sector_values
        from symness.mps.transport import bulk_currents

        exact = float(np.mean(bulk_currents(chain, sector_values(chain))["energy"]))
        rows.append([f"exact U(1)-sector NESS L={L}", L, "-", "-", "-", f"j_E={exact:.6e}"])

        def err(j):
            return f"j_E={j:.6e} (rel. err. {abs(j - exact) / abs(exact):.1e})"
    else:
        def err(j):
            diff = abs(j - tebd.j_energy) / abs(tebd.j_energy)
            return f"j_E={j:.6e} (rel. diff. to TEBD {diff:.1e})"
    rows.append([f"TEBD Fig. 2(b) settings L={L}", L, FIG2_SETTINGS["chi"], round(t_tebd, 2),
                 1.0, err(tebd.j_energy)])
    sweeps = "+".join(str(r.sweeps) for r in lr.reports)
    rows.append([f"linear response, orders 1+2 ({sweeps} sweeps) L={L}", L, chi,
                 round(t_lr, 2), round(t_tebd / t_lr, 3), err(j_lr)])
    return rows


@benchmark("mps-linear", description="NESS engines: linear-response MPS sweeps vs TEBD, "
                                     "seconds to the NESS side by side")
def run_linear(*, quick: bool) -> Table:
    """Both engines on the Fig. 2(b) chain (module docstring); ``quick``: L = 6, chi = 16."""
    cases = [(6, 16)] if quick else [(8, 32), (16, 32)]
    rows = [row for L, chi in cases for row in _rows(L, chi)]
    return Table(title="mps-linear: NESS by linear-response sweeps vs TEBD",
                 columns=["engine", "L", "chi", "seconds", "ratio_tebd_over_engine",
                          "bulk j_E"],
                 rows=rows, command=f"symness bench mps-linear{' --quick' if quick else ''}",
                 parameters={"chain": "Fig. 2(b) drive, Delta=1, h=0.6, seed 0",
                             "threads": "OMP_NUM_THREADS=1"},
                 notes=["ratio = TEBD seconds / this engine's (> 1: faster than TEBD)"])
