"""Real-time evolution of the partitioning protocol with TEBD (physics-tenpy), for checking GHD.

The domain wall |up ... up down ... down> (L/2 + L/2 sites) of the open XXZ chain

    H = sum_l (S^x_l S^x_{l+1} + S^y_l S^y_{l+1} + Delta S^z_l S^z_{l+1})   (spin-1/2, J = 1)

is evolved with tenpy's TEBD (``XXZChain(Jxx=1, Jz=Delta)``, U(1) charge conservation of
S^z, fourth-order Suzuki-Trotter, bond dimension at most ``chi``).  Recorded at the times
``times``: <s^z_l> on every site and the spin current on every bond,

    j^z_l = S^x_l S^y_{l+1} - S^y_l S^x_{l+1} = (i/2) (S^+_l S^-_{l+1} - S^-_l S^+_{l+1}),

the current of d<s^z_l>/dt = -(j^z_l - j^z_{l-1}) (checked in ``tests/ghd``).  Positions:
site l sits at x = l + 1/2 - L/2 and bond (l, l+1) at x = l + 1 - L/2, so the junction is
at x = 0 and the ray of a point is zeta = x/t (Bertini et al. 2016, Example 3).  As long as
t < L/2 the light cone |x| <= t (Lieb-Robinson velocity of the XXZ chain: 1 in these units
for the fastest magnon) stays away from the open ends.

Results are cached as JSON under ``tables/`` (:func:`load_or_run`); the run at L = 48,
chi = 64 to t = 16 took 2 min of CPU (10 min of wall time on the shared machine).
"""

from __future__ import annotations

import json
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from symness.outputs import atomic_write_text
from symness.validation import ParameterError, require_int, require_real

__all__ = ["DW_DELTA", "DW_DT", "DW_FIRST", "DW_SECOND", "DW_THIRD", "DomainWallRun",
           "DomainWallSet", "domain_wall_runs", "domain_wall_tebd", "load_or_run", "site_positions",
           "bond_positions", "validate_tebd"]


@dataclass(frozen=True)
class DomainWallRun:
    """Profiles of one TEBD run: sz[k, l], jz[k, l] at times[k]; truncation record."""

    length: int
    delta: float
    chi: int
    dt: float
    times: tuple[float, ...]
    sz: np.ndarray
    jz: np.ndarray
    truncation: tuple[float, ...]
    max_chi: tuple[int, ...]
    seconds: float


def site_positions(length: int) -> np.ndarray:
    """X of the sites (junction at x = 0)."""
    return np.arange(length) + 0.5 - length / 2


def bond_positions(length: int) -> np.ndarray:
    """X of the bonds (l, l + 1)."""
    return np.arange(length - 1) + 1.0 - length / 2


def _spin_current(psi, length: int) -> np.ndarray:
    pm = np.array([psi.expectation_value_multi_sites(["Sp", "Sm"], i)
                   for i in range(length - 1)])
    return np.real(0.5j * (pm - np.conj(pm)))


def validate_tebd(length: int, delta: float, chi: int, dt: float, *, multiple: int = 2,
                  min_length: int = 8) -> tuple[int, float, int, float]:
    """Checked (L, Delta, chi, dt) of a TEBD run: L a multiple of ``multiple``, |Delta| <= 1."""
    length = require_int(length, "length", minimum=min_length, maximum=1024)
    if length % multiple:
        raise ParameterError(f"'length' must be a multiple of {multiple} (got {length})")
    delta = float(require_real(delta, "delta", minimum=-1, maximum=1))
    chi = require_int(chi, "chi", minimum=2, maximum=4096)
    dt = float(require_real(dt, "dt", minimum=0, maximum=0.5, open_minimum=True))
    return length, delta, chi, dt


def domain_wall_tebd(length: int, delta: float, times: tuple[float, ...], *, chi: int,
                     dt: float = 0.1) -> DomainWallRun:
    """Evolve the domain wall with TEBD and record s^z and j^z at ``times``.

    Parameters
    ----------
    length : int
        Even chain length L >= 8.
    delta : float
        Anisotropy Delta.
    times : tuple of float
        Increasing multiples of ``dt``.
    chi : int
        Maximal bond dimension.
    dt : float
        Trotter step (fourth order).

    Returns
    -------
    DomainWallRun
    """
    from tenpy.algorithms.tebd import TEBDEngine
    from tenpy.models.xxz_chain import XXZChain
    from tenpy.networks.mps import MPS

    length, delta, chi, dt = validate_tebd(length, delta, chi, dt)
    steps = [round(t / dt) for t in times]
    if any(abs(s * dt - t) > 1e-9 for s, t in zip(steps, times)) or steps != sorted(steps):
        raise ParameterError(f"'times' must be increasing multiples of dt={dt} (got {times})")
    model = XXZChain({"L": length, "Jxx": 1.0, "Jz": delta, "hz": 0.0, "bc_MPS": "finite",
                      "conserve": "Sz"})
    half = length // 2
    psi = MPS.from_product_state(model.lat.mps_sites(), ["up"] * half + ["down"] * half,
                                 bc="finite", unit_cell_width=length)
    start = time.perf_counter()
    sz, jz, trunc, chis = [], [], [], []
    done = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        engine = TEBDEngine(psi, model, {"order": 4, "dt": dt, "N_steps": 1,
                                         "trunc_params": {"chi_max": chi, "svd_min": 1e-12}})
        for target in steps:
            engine.options["N_steps"] = target - done
            if target > done:
                engine.run()
            done = target
            sz.append(np.asarray(psi.expectation_value("Sz"), dtype=float))
            jz.append(_spin_current(psi, length))
            trunc.append(float(engine.trunc_err.eps))
            chis.append(int(max(psi.chi)))
    return DomainWallRun(length, delta, chi, dt, tuple(float(t) for t in times),
                         np.array(sz), np.array(jz), tuple(trunc), tuple(chis),
                         time.perf_counter() - start)


def _to_json(run: DomainWallRun) -> str:
    payload = {"protocol": "domain wall", "length": run.length, "delta": run.delta,
               "chi": run.chi, "dt": run.dt, "trotter_order": 4, "times": list(run.times),
               "truncation_error": list(run.truncation), "max_chi": list(run.max_chi),
               "seconds": round(run.seconds),
               "sz": [[float(f"{v:.12e}") for v in row] for row in run.sz],
               "jz": [[float(f"{v:.12e}") for v in row] for row in run.jz]}
    return json.dumps(payload, indent=0) + "\n"


def load_or_run(path: Path, length: int, delta: float, times: tuple[float, ...], *,
                chi: int, dt: float = 0.1) -> DomainWallRun:
    """Return the cached run at ``path`` if its parameters match, else run and cache it."""
    path = Path(path)
    if path.exists():
        data = json.loads(path.read_text())
        if (data["length"], data["delta"], data["chi"], data["dt"], tuple(data["times"])) \
                == (length, delta, chi, dt, tuple(times)):
            return DomainWallRun(length, delta, chi, dt, tuple(data["times"]),
                                 np.array(data["sz"]), np.array(data["jz"]),
                                 tuple(data["truncation_error"]), tuple(data["max_chi"]),
                                 float(data["seconds"]))
    run = domain_wall_tebd(length, delta, times, chi=chi, dt=dt)
    atomic_write_text(path, _to_json(run))
    return run


@dataclass(frozen=True)
class DomainWallSet:
    """A set of cached domain-wall runs: one chain length and time list, several chi."""

    name: str
    length: int
    times: tuple[float, ...]
    chis: tuple[int, ...]


#: Anisotropy and Trotter step of all cached domain-wall runs.
DW_DELTA, DW_DT = 0.5, 0.1
#: First set (error model 1 of ``realtime_check``); the smaller chi measures truncation.
DW_FIRST = DomainWallSet("dw", 48, (4.0, 8.0, 12.0, 16.0), (32, 64))
#: Second set, longer times (error model 2 of ``realtime_check``).
DW_SECOND = DomainWallSet("dw_L64", 64, (12.0, 18.0, 24.0), (32, 64))
#: Third set (the integrated error model of ``realtime_integrated``, predicted before it was
#: run): L = 80 to t = 32 (the Lieb-Robinson cone |x| <= t stays 8 sites from the ends),
#: recorded every 0.4 from t = 0 so that the time integral of the current is resolved.
DW_THIRD = DomainWallSet("dw_L80", 80, tuple(round(0.4 * k, 1) for k in range(81)), (64, 32))


def domain_wall_runs(tables: Path, dataset: DomainWallSet = DW_FIRST
                     ) -> dict[int, DomainWallRun]:
    """The runs of ``dataset`` at each of its chi, cached in ``tables/``."""
    return {chi: load_or_run(Path(tables) / f"bertini2016_realtime_{dataset.name}_chi{chi}.json",
                             dataset.length, DW_DELTA, dataset.times, chi=chi, dt=DW_DT)
            for chi in dataset.chis}
