"""Example 2 in real time: the Neel | Bell-pairs junction evolved with pure-state TEBD.

The state of ``ghd.junction_ed`` on L sites, |up down ... up down> on the left half and
((|up up> - |down down>)/sqrt 2)^{(x) L/4} on the right half, is evolved with tenpy's TEBD
(fourth-order Trotter, step ``dt``, bond dimension <= ``chi``; S^z parity conserved: the Bell
pairs break U(1)) and q1, j1 are recorded (``realtime_thermal.evolve_and_record``).  The
Bell pairs are made from |up up> by a parity-conserving two-site unitary.  The reference is
the exact Krylov evolution of ``junction_ed`` (L <= 20) for the TEBD, and the truncated-GGE
LQSS (``profiles.quench_states``) for the comparison, which is qualitative only: the exact
GGE of these states is not built.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from symness.ghd.realtime import validate_tebd
from symness.ghd.realtime_thermal import (
    JunctionRun,
    cached_or_run,
    evolve_and_record,
    local_npc_operator,
)

__all__ = ["BELL_GATE", "EX2", "ex2_runs", "quench_tebd", "quench_load_or_run"]

#: |up up> -> (|up up> - |down down>)/sqrt 2, |down down> -> (|up up> + |down down>)/sqrt 2,
#: identity on the odd sector (basis up up, up down, down up, down down).
BELL_GATE = np.array([[1, 0, 0, 1], [0, np.sqrt(2), 0, 0], [0, 0, np.sqrt(2), 0],
                      [-1, 0, 0, 1]]) / np.sqrt(2)


def _initial_state(model, length: int):
    from tenpy.networks.mps import MPS

    half = length // 2
    labels = ["up", "down"] * (half // 2) + ["up"] * half
    psi = MPS.from_product_state(model.lat.mps_sites(), labels, bc="finite",
                                 unit_cell_width=length)
    gate = local_npc_operator(BELL_GATE, psi.sites[0].leg)
    for site in range(half, length, 2):
        psi.apply_local_op(site, gate, unitary=True)
    return psi


def quench_tebd(length: int, delta: float, times: tuple[float, ...], *, chi: int,
                dt: float = 0.1, cache: Path | None = None,
                checkpoint_dir: Path | None = None) -> JunctionRun:
    """Evolve the Neel | Bell-pairs junction and record q1, j1 at ``times``."""
    from tenpy.algorithms.tebd import TEBDEngine
    from tenpy.models.xxz_chain import XXZChain

    length, delta, chi, dt = validate_tebd(length, delta, chi, dt, multiple=4)
    model = XXZChain({"L": length, "Jxx": 1.0, "Jz": delta, "hz": 0.0, "bc_MPS": "finite",
                      "conserve": "parity"})
    meta = {"protocol": "Neel | Bell pairs (Example 2)", "length": length, "delta": delta,
            "betas": (), "chi": chi, "dt": dt, "dtau": 0.0}
    options = {"order": 4, "dt": dt, "N_steps": 1,
               "trunc_params": {"chi_max": chi, "svd_min": 1e-12}}
    return evolve_and_record(lambda: _initial_state(model, length),
                             lambda psi: TEBDEngine(psi, model, options), meta,
                             tuple(float(t) for t in times), cache=cache,
                             checkpoint_dir=checkpoint_dir)


def quench_load_or_run(path: Path, length: int, delta: float, times: tuple[float, ...], *,
                       chi: int, dt: float = 0.1,
                       checkpoint_dir: Path | None = None) -> JunctionRun:
    """The cached run at ``path`` if it has these parameters and ``times``, else run it."""
    expected = {"length": length, "delta": delta, "chi": chi, "dt": dt, "times": tuple(times)}
    return cached_or_run(path, expected, lambda: quench_tebd(
        length, delta, times, chi=chi, dt=dt, cache=Path(path), checkpoint_dir=checkpoint_dir))


#: L, Delta, dt, times and the bond dimensions (best, truncation reference) of the runs.
EX2 = {"length": 48, "delta": 0.5, "dt": 0.1, "times": (1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0),
       "chis": (128, 64)}


def ex2_runs(tables: Path = Path("tables"),
             checkpoints: Path | None = None) -> dict[int, JunctionRun]:
    """The cached Example 2 runs by bond dimension (``tables/bertini2016_realtime_ex2_*``)."""
    return {chi: quench_load_or_run(Path(tables) / f"bertini2016_realtime_ex2_chi{chi}.json",
                                    EX2["length"], EX2["delta"], EX2["times"], chi=chi,
                                    dt=EX2["dt"], checkpoint_dir=checkpoints)
            for chi in EX2["chis"]}
