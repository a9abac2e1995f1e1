"""NESS spin and energy transport of the boundary-driven disordered XXZ chain by TEBD.

``solve_ness`` evolves the vectorised density matrix (Pauli-coefficient MPS) under the
Trotterised Lindblad generator of :mod:`symness.mps.lindblad_tebd` from the infinite-
temperature state until the NESS criterion of :mod:`symness.mps.convergence` holds, and
returns profiles ``<s^z_i>``, ``<eps_{i,i+1}>``, the currents ``<j^S>``, ``<j^E>`` (eqs.
(3)-(4) of Mendoza-Arenas et al. (2019)), their bulk means, the convergence report, the
truncation record and the ``chi`` dependence.

Route to the fixed point (documented choices, recorded in the result):

1. ``chi`` ramp: the NESS is first sought at ``chi // 2`` (cheap; at most ``t_max / 10``,
   and allowed to stay unconverged, flagged ``converged_low``), then the evolution
   continues at ``chi`` under the strict criterion; the relative change of the bulk
   currents between the two is the reported ``chi`` dependence.
2. ``dt`` ramp: each stage first runs with ``warmup_dt`` (coarse Trotter step, fixed point
   ``O(warmup_dt^order)`` away) to a 10x looser stationarity tolerance, then with ``dt``.

``warm_stage="coarse"`` (faster, same accuracy): the NESS is the unique fixed point of the
Lindblad evolution and every stage before the last only supplies a starting state, so the
accuracy is set by the last stage ``(chi, dt)`` alone and any state converges to the same
fixed point.  The ``chi // 2`` stage then runs only its ``warmup_dt`` phase (its ``dt``
phase is skipped: it would be discarded by the change to ``chi``), followed by
``(chi, warmup_dt)`` and ``(chi, dt)``; the ``chi`` dependence is the change between
``(chi // 2, warmup_dt)`` and ``(chi, warmup_dt)`` (same Trotter step, so it measures the
truncation alone).  Measured at ``L = 32, chi = 64``: the ``chi // 2`` stage alone never
meets a strict uniformity tolerance (truncation bias), so the ``"both"`` schedule spends
``t_max / 10`` in its ``dt`` phase.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import numpy as np

from symness.mps.checkpoint import CheckpointFile, SolverState
from symness.mps.convergence import Criterion, NotConvergedError, Report, assess
from symness.mps.lindblad_tebd import BoundaryDrivenChain, bond_generators, observables
from symness.mps.mps import PauliMPS, expectations, product_state
from symness.mps.tebd import (
    ORDERS,
    UPDATES,
    GateCache,
    Truncation,
    apply_stages,
    merge_stages,
    stages,
)
from symness.validation import ParameterError, require_choice, require_int, require_real

WARM_STAGES = ("both", "coarse")

__all__ = ["NessSettings", "NessResult", "solve_ness", "evolve_to_ness", "measure",
           "bulk_currents"]


@dataclass(frozen=True)
class NessSettings:
    """Numerical parameters of the TEBD NESS solver (all recorded in every result).

    Attributes
    ----------
    chi : int
        Maximal bond dimension.
    trunc_weight : float
        Discarded relative weight allowed per SVD.
    dt : float
        Final Trotter step.
    order : {2, 4}
        Trotter order.
    warmup_dt : float or None
        Coarse step used first (``None``: no dt ramp).
    chi_ramp : bool
        Converge at ``chi // 2`` first and report the ``chi`` dependence.
    check_interval : float
        Time between convergence checks.
    t_max : float
        Evolution time after which the solver raises :class:`NotConvergedError`.
    preserve_local : bool
        Truncate with the local-observable-preserving rule of :mod:`symness.mps.tebd`
        (density-matrix truncation of White et al. (2018)): local densities and currents
        are not changed by truncation, so it does not break continuity.
    wall_max : float or None
        Wall-clock seconds (whole solve, all stages) after which the solver raises
        :class:`NotConvergedError` (``None``: no limit); for benchmarks with a time budget.
    criterion : Criterion
        Tolerances of the NESS criterion.
    warm_stage : {"both", "coarse"}
        Phases of the ``chi // 2`` stage (module docstring).
    update : {"svd", "qr"}
        Two-site truncation route of :mod:`symness.mps.tebd` (``"qr"``: QR-based update of
        Unfried et al. (2023), same truncation rule, exact discarded weight, about 4x
        faster per step at ``L = 32, chi = 64``: :mod:`symness.mps.tebd`).
    """

    chi: int = 32
    trunc_weight: float = 1e-13
    dt: float = 0.05
    order: int = 2
    warmup_dt: float | None = 0.2
    chi_ramp: bool = True
    check_interval: float = 5.0
    t_max: float = 5000.0
    criterion: Criterion = field(default_factory=Criterion)
    update: str = "svd"
    warm_stage: str = "both"
    preserve_local: bool = False
    wall_max: float | None = None

    def __post_init__(self) -> None:
        require_int(self.chi, "chi", minimum=2, maximum=4096)
        require_real(self.trunc_weight, "trunc_weight", minimum=0, maximum=1e-2)
        require_real(self.dt, "dt", minimum=0, maximum=1, open_minimum=True)
        require_choice(self.order, "order", ORDERS)
        require_choice(self.update, "update", UPDATES)
        require_choice(self.warm_stage, "warm_stage", WARM_STAGES)
        if self.warmup_dt is not None:
            require_real(self.warmup_dt, "warmup_dt", minimum=0, maximum=1, open_minimum=True)
        require_real(self.check_interval, "check_interval", minimum=0, open_minimum=True)
        require_real(self.t_max, "t_max", minimum=0, open_minimum=True)
        if self.wall_max is not None:
            require_real(self.wall_max, "wall_max", minimum=0, open_minimum=True)
        if self.check_interval < self.dt:
            raise ParameterError(f"'check_interval' must be >= dt={self.dt} "
                                 f"(got {self.check_interval})")


@dataclass
class NessResult:
    """Profiles, currents and the evidence that the state is the NESS."""

    chain: dict
    settings: dict
    values: dict[str, list[float]]
    j_spin: float
    j_energy: float
    convergence: dict
    truncation: dict
    chi_dependence: dict
    seconds: float
    resumes: int = 0

    def as_dict(self) -> dict:
        """JSON-ready dictionary."""
        return asdict(self)


def measure(chain: BoundaryDrivenChain, mps: PauliMPS,
            ops: dict | None = None) -> dict[str, np.ndarray]:
    """All observables of :func:`symness.mps.lindblad_tebd.observables` on ``mps``."""
    ops = observables(chain) if ops is None else ops
    return {key: expectations(mps, items) for key, items in ops.items()}


def bulk_currents(chain: BoundaryDrivenChain,
                  values: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Bulk ``{"spin": j^S, "energy": j^E}`` profiles (bonds/sites fixed by continuity)."""
    return {"spin": values["spin_current"][list(chain.spin_bonds)],
            "energy": values["energy_current"][[i - 1 for i in chain.energy_sites]]}


def evolve_to_ness(chain: BoundaryDrivenChain, mps: PauliMPS, settings: NessSettings, *,
                   chi: int, generators: list[np.ndarray] | None = None,
                   progress: Callable[[Report], None] | None = None,
                   strict: bool = True, t_limit: float | None = None,
                   phases: str = "both", deadline: float | None = None,
                   resume: tuple[int, float, Report, list[dict]] | None = None,
                   on_check: Callable[[int, float, Report, list[dict]], None] | None = None,
                   ) -> tuple[Report, dict]:
    """Evolve ``mps`` in place until the NESS criterion holds at bond dimension ``chi``.

    ``phases``: ``"both"`` (``warmup_dt`` phase, if any, then ``dt``), ``"coarse"``
    (``warmup_dt`` phase only, loosened criterion) or ``"fine"`` (``dt`` phase only).
    Returns the final report and the last measured values; raises
    :class:`NotConvergedError` when ``t_limit`` (default ``settings.t_max``) is reached,
    unless ``strict=False`` (warm-start stages only), which returns the unconverged report.
    ``mps.steps`` and ``mps.evolution_time`` count the Trotter steps and time evolved.
    ``deadline`` (a :func:`time.perf_counter` value) raises :class:`NotConvergedError` when
    passed, also for ``strict=False``.

    ``on_check(phase, t, report, recent)`` is called after every check that does not end the
    evolution, with the index of the phase (``0`` for the first of ``phases``), the time
    since the start, the report and the recent observables; passed back as ``resume``
    (with ``mps`` in that check's state) they continue the evolution exactly
    (:mod:`symness.mps.checkpoint`).
    """
    require_choice(phases, "phases", ("both", "coarse", "fine"))
    t_limit = settings.t_max if t_limit is None else t_limit
    generators = bond_generators(chain) if generators is None else generators
    ops = observables(chain)
    trunc = Truncation(chi=chi, trunc_weight=settings.trunc_weight, update=settings.update,
                       preserve_local=settings.preserve_local and chi >= 16)
    crit = settings.criterion
    run = [(settings.dt, crit)]
    if settings.warmup_dt is not None and settings.warmup_dt > settings.dt:
        coarse = (settings.warmup_dt, crit.loosened(10))
        run = {"both": [coarse] + run, "coarse": [coarse], "fine": run}[phases]
    first, t, resumed_report, resumed_recent = resume or (0, 0.0, None, [])
    report, values = Report(), {}
    for phase, (dt, phase_crit) in enumerate(run):
        if phase < first:
            continue
        cache = GateCache(generators)
        n_steps = max(1, int(round(settings.check_interval / dt)))
        seq = merge_stages(stages(settings.order) * n_steps)
        if resumed_report is not None and phase == first:
            report, recent = resumed_report, resumed_recent
        else:
            report, recent = Report(chi=chi, dt=dt, criterion=phase_crit), []
        while True:
            apply_stages(mps, cache, seq, dt, trunc)
            mps.normalize_trace()
            t += n_steps * dt
            mps.steps += n_steps
            mps.evolution_time += n_steps * dt
            values = measure(chain, mps, ops)
            if not np.all(np.isfinite(np.concatenate(list(values.values())))):
                raise FloatingPointError(f"non-finite observables at t={t}")
            recent = (recent + [values])[-phase_crit.window:]
            done = assess(report, t, bulk_currents(chain, values), phase_crit)
            if progress is not None:
                progress(report)
            if done:
                break
            if deadline is not None and _time.perf_counter() > deadline:
                raise NotConvergedError(
                    f"wall-time limit wall_max={settings.wall_max} s reached at t={t} "
                    f"(chi={chi}, dt={dt}): {report.as_dict()}")
            if t >= t_limit:
                if not strict:
                    return report, _reported(report, recent)
                raise NotConvergedError(
                    f"NESS not reached by t_max={t_limit} (chi={chi}, dt={dt}): "
                    f"{report.as_dict()}")
            if on_check is not None:
                on_check(phase, t, report, recent)
    return report, _reported(report, recent)


def _reported(report: Report, recent: list[dict]) -> dict[str, np.ndarray]:
    """The last observables, or their average over the last window (window mode)."""
    if report.mode != "window":
        return recent[-1]
    return {key: np.mean([v[key] for v in recent], axis=0) for key in recent[-1]}


def solve_ness(chain: BoundaryDrivenChain, settings: NessSettings, *,
               initial: PauliMPS | None = None,
               progress: Callable[[Report], None] | None = None,
               checkpoint: CheckpointFile | None = None) -> NessResult:
    """Find the NESS of ``chain`` by TEBD (module docstring); raise if it does not converge.

    ``checkpoint``: the solve resumes from the state saved there, if any (``initial`` is
    then not used), and saves its state to it while it runs (:mod:`symness.mps.checkpoint`;
    the caller removes the file when the task has ended).
    """
    from symness.mps.sweep import require_ness_fits  # guard (issue 24): refuse before allocating

    require_ness_fits(chain.model.n, settings, announce_as="mps ness")
    state = checkpoint.load() if checkpoint is not None else None
    start = _time.perf_counter() - (state.seconds if state is not None else 0.0)
    deadline = None if settings.wall_max is None else start + settings.wall_max
    generators = bond_generators(chain)
    if state is not None:
        mps = state.mps
    else:
        mps = initial if initial is not None else product_state([np.eye(2) / 2] * chain.model.n)
    finished = dict(state.finished) if state is not None else {}
    plan, ramp, coarse = _stages(settings)
    for name, stage in plan:
        if name in finished:
            continue
        resume = None
        if state is not None and state.stage == name:
            resume = (state.phase, state.time, state.report, state.recent)

        def save(phase: int, t: float, report: Report, recent: list[dict],
                 name: str = name) -> None:
            checkpoint.save(SolverState(
                stage=name, phase=phase, time=t, report=report, recent=recent, mps=mps,
                finished=dict(finished), seconds=_time.perf_counter() - start,
                resumes=0 if state is None else state.resumes))

        finished[name] = evolve_to_ness(chain, mps, settings, generators=generators,
                                        progress=progress, deadline=deadline, resume=resume,
                                        on_check=None if checkpoint is None else save, **stage)
    report, values = finished["final"]
    if ramp:
        low_report, low = finished["low"]
        bulk_low = bulk_currents(chain, low)
    if coarse:
        bulk_high = bulk_currents(chain, finished["high"][1])
    bulk = bulk_currents(chain, values)
    j_spin, j_energy = float(np.mean(bulk["spin"])), float(np.mean(bulk["energy"]))
    chi_dependence: dict = {}
    if ramp:
        bulk_high = bulk_high if coarse else bulk
        atol = settings.criterion.atol
        high_s, high_e = float(np.mean(bulk_high["spin"])), float(np.mean(bulk_high["energy"]))
        chi_dependence = {
            "chi_low": settings.chi // 2,
            "dt": settings.warmup_dt if coarse else settings.dt,
            "converged_low": low_report.converged,
            "j_spin_low": float(np.mean(bulk_low["spin"])),
            "j_energy_low": float(np.mean(bulk_low["energy"])),
            "rel_change_spin": abs(np.mean(bulk_low["spin"]) - high_s) / max(abs(high_s), atol),
            "rel_change_energy": (abs(np.mean(bulk_low["energy"]) - high_e)
                                  / max(abs(high_e), atol)),
        }
    settings_dict = asdict(settings)
    return NessResult(
        chain=chain.describe(), settings=settings_dict,
        values={k: [float(x) for x in v] for k, v in values.items()},
        j_spin=j_spin, j_energy=j_energy, convergence=report.as_dict(),
        truncation={"discarded_max": mps.discarded_max, "discarded_sum": mps.discarded_sum,
                    "chi_reached": max(mps.bond_dimensions), "steps": mps.steps,
                    "evolution_time": mps.evolution_time},
        chi_dependence={k: v if isinstance(v, (bool, int)) else float(v)
                        for k, v in chi_dependence.items()},
        seconds=_time.perf_counter() - start,
        resumes=0 if state is None else state.resumes)


def _stages(settings: NessSettings) -> tuple[list[tuple[str, dict]], bool, bool]:
    """The stages of :func:`solve_ness` (name, :func:`evolve_to_ness` keywords), ramp, coarse.

    ``"low"``: the ``chi // 2`` warm start (may stay unconverged: truncation noise, reported);
    ``"high"``: the coarse ``(chi, warmup_dt)`` stage of ``warm_stage="coarse"``;
    ``"final"``: the strict stage at ``chi`` (module docstring).
    """
    ramp = settings.chi_ramp and settings.chi >= 4
    coarse = (ramp and settings.warm_stage == "coarse" and settings.warmup_dt is not None
              and settings.warmup_dt > settings.dt)
    warm = {"strict": False, "t_limit": settings.t_max / 10}
    plan = []
    if ramp:
        plan.append(("low", dict(warm, chi=settings.chi // 2,
                                 phases="coarse" if coarse else "both")))
    if coarse:
        plan.append(("high", dict(warm, chi=settings.chi, phases="coarse")))
    plan.append(("final", {"chi": settings.chi, "phases": "fine" if coarse else "both"}))
    return plan, ramp, coarse
