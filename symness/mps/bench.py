"""Benchmark ``mps``: TEBD NESS cost against L and chi, and time-to-accuracy against exact.

Side by side at an exactly solvable size (``L = 8`` quick, ``10`` full): the exact NESS of
the U(1)-sector solver :func:`symness.lindblad.steady_state.steady_state` and TEBD (relative
error of the bulk energy current reported).  Then the TEBD cost for growing ``L`` (fixed
``chi``) and ``chi`` (fixed ``L``) of one disordered realisation (``Delta = 1, h = 0.6``,
linear reservoirs ``beta = +-0.5``).  Ratios are the result; seconds are context only.  The
``L = 32, chi = 64`` target is not in the table (hours on this machine); the per-step cost
model behind its extrapolation is measured by ``step_seconds``.
"""

from __future__ import annotations

import time

import numpy as np

from symness.benchmarks import benchmark
from symness.lindblad.steady_state import steady_state
from symness.models.thermal_reservoirs import DISSIPATOR, Reservoir
from symness.models.xxz_disordered import DisorderedXXZ, energy_current_operator, hamiltonian
from symness.mps.convergence import Criterion
from symness.mps.lindblad_tebd import BoundaryDrivenChain, bond_generators, full_jumps
from symness.mps.mps import product_state
from symness.mps.tebd import GateCache, Truncation, apply_stages, merge_stages, stages
from symness.mps.transport import NessSettings, solve_ness
from symness.outputs import Table

__all__ = ["run", "step_seconds"]


def _chain(L: int) -> BoundaryDrivenChain:
    return BoundaryDrivenChain(DisorderedXXZ(L, 1, h=0.6, seed=0),
                               Reservoir("linear", beta=0.5), Reservoir("linear", beta=-0.5))


def _settings(chi: int) -> NessSettings:
    return NessSettings(chi=chi, dt=0.1, order=2, warmup_dt=0.25,
                        criterion=Criterion(stationary_tol=1e-3, uniform_tol=1e-1, atol=1e-3))


def step_seconds(L: int, chi: int, *, steps: int = 3, dt: float = 0.1) -> float:
    """Seconds per 2nd-order step once every bulk bond has reached ``chi`` (one core)."""
    chain = _chain(L)
    mps = product_state([np.eye(2) / 2] * L)
    cache = GateCache(bond_generators(chain))
    trunc = Truncation(chi=chi, trunc_weight=1e-13)
    seq = merge_stages(stages(2) * 10)
    while min(mps.bond_dimensions[3:-3]) < min(chi, 4 ** 3):
        apply_stages(mps, cache, seq, dt, trunc)
    seq = merge_stages(stages(2) * steps)
    start = time.perf_counter()
    apply_stages(mps, cache, seq, dt, trunc)
    return (time.perf_counter() - start) / steps


@benchmark("mps", description="TEBD NESS: cost vs L and chi; time-to-accuracy vs exact sector")
def run(*, quick: bool) -> Table:
    """Measure the rows of the module docstring (``quick``: small L and chi only)."""
    rows = []
    L_exact = 8 if quick else 10
    chain = _chain(L_exact)
    t0 = time.perf_counter()
    ref = steady_state(hamiltonian(chain.model), full_jumps(chain), dissipator=DISSIPATOR)
    t_exact = time.perf_counter() - t0
    bulk = list(chain.energy_sites)
    j_ref = float(np.mean([ref.expect(energy_current_operator(i, chain.model)) for i in bulk]))
    res = solve_ness(chain, _settings(32))
    err = abs(res.j_energy - j_ref) / abs(j_ref)
    rows.append([f"L={L_exact} exact sector vs TEBD chi=32", L_exact, 32, round(t_exact, 2),
                 round(res.seconds, 2), round(res.seconds / t_exact, 2), f"{err:.1e}"])
    base = None
    for L in ((6, 8, 10) if quick else (8, 12, 16)):
        r = solve_ness(_chain(L), _settings(16 if quick else 32))
        base = base or r.seconds
        rows.append([f"TEBD L={L}", L, r.settings["chi"], "-", round(r.seconds, 2),
                     round(r.seconds / base, 2), f"{r.truncation['discarded_max']:.1e}"])
    base = None
    for chi in ((16, 32) if quick else (16, 32, 64)):
        r = solve_ness(_chain(8 if quick else 12), _settings(chi))
        base = base or r.seconds
        rows.append([f"TEBD chi={chi}", r.chain["L"], chi, "-", round(r.seconds, 2),
                     round(r.seconds / base, 2), f"{r.truncation['discarded_max']:.1e}"])
    base = None
    for L, chi in ((8, 16), (16, 16)) if quick else ((16, 32), (16, 64), (32, 64)):
        s = step_seconds(L, chi)
        base = base or s
        rows.append([f"one TEBD step L={L} chi={chi}", L, chi, "-", round(s, 3),
                     round(s / base, 2), "-"])
    return Table(title="mps: TEBD NESS cost (ratios to the first row of each block)",
                 columns=["case", "L", "chi", "exact_s", "tebd_s", "ratio", "error_or_discarded"],
                 rows=rows, command=f"symness bench mps{' --quick' if quick else ''}",
                 parameters={"delta": 1, "h": 0.6, "seed": 0, "reservoirs": "linear beta=±0.5",
                             "criterion": "stationary 1e-3, uniform 1e-1, atol 1e-3"})
