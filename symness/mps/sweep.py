"""Size scans and disorder averages: one task per (parameters, L, realisation).

A task is a plain JSON dictionary (``spec``) so it can travel to any worker::

    {"L": 16, "delta": "1", "h": "0.6", "seed": 3, "J": "1",
     "left":  {"kind": "linear", "beta": "0.1", "mu": "0", "rate": "1", "aux_length": 6},
     "right": {"kind": "linear", "beta": "-0.1", "mu": "0", "rate": "1", "aux_length": 6},
     "settings": {"chi": 32, "dt": 0.05, "order": 2, ...}}

:func:`run_sweep` runs the tasks not yet in the results file through an executor (local
processes by default, a Dask distributed cluster when a scheduler address is given), shows a
tqdm progress bar, and appends each finished task to the results file (JSON lines) at once
and atomically (rewrite to a temporary file + ``os.replace``), so an interrupted sweep
resumes where it stopped.  While a local worker runs a task it keeps the task's latest
convergence check (stage ``chi`` and ``dt``, evolution time, uniformity and stationarity
against their tolerances, wall time) in ``<results>.running/`` (:func:`running_tasks`,
``symness mps status``), so an hour-long realisation shows how far it is, and every
``checkpoint_every`` wall seconds (default 10 min) its whole solver state
(:mod:`symness.mps.checkpoint`), so a killed realisation resumes from there with a
bit-identical result; Dask workers, possibly on other machines, do neither.  A failed
task is retried ``retries`` times, then reported in the returned summary and recorded as
``"status": "failed"`` (a later run retries it, unless ``rerun_failed=False``: tables that
report a non-convergence as a result use that).

A task's key is its whole spec (model, both reservoirs, every solver setting and the
criterion), so a sweep resumed with any other parameter recomputes; repeated tasks are
run once.  A results line that is not a JSON record (a truncated last line after a
crash, say) is reported as a :class:`CacheWarning` naming the file and line, and the
valid records are kept.  Local workers poll their parent and exit when it is gone, so a
killed sweep leaves no orphans.  Before anything runs, :func:`ness_cost` of every task is
checked against the available memory and an estimated time from
:data:`symness.resources.ANNOUNCE_FROM` seconds on is printed.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import json
import os
import sys
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from symness.models.thermal_reservoirs import Reservoir
from symness.models.xxz_disordered import DisorderedXXZ
from symness.mps.checkpoint import EVERY, CheckpointFile
from symness.mps.convergence import Criterion, Report
from symness.mps.lindblad_tebd import BoundaryDrivenChain
from symness.mps.transport import NessSettings, solve_ness
from symness.outputs import atomic_write_text
from symness.resources import BASE_BYTES, Cost, announce, require_fits, require_task_count
from symness.validation import ParameterError, require_choice, require_int, require_real

__all__ = ["task_key", "current_key", "chain_from_spec", "settings_from_spec", "run_task",
           "load_results", "run_sweep", "SweepSummary", "EXECUTORS", "CacheWarning",
           "ness_cost", "require_ness_fits", "unique_specs", "status_dir", "running_tasks"]

EXECUTORS = ("local", "dask")
#: Seconds between a local worker's checks that its parent is alive.
PARENT_POLL = 1.0
#: Suffix of a task's checkpoint file beside its status file (:mod:`symness.mps.checkpoint`).
CHECKPOINT_SUFFIX = ".ckpt"
#: True in the worker processes of a local sweep.
_IN_WORKER = False


class CacheWarning(UserWarning):
    """A line of a results file is not a record; it is skipped, the others are kept."""


def ness_cost(L: int, chi: int, update: str = "svd") -> Cost:
    """Memory and time of one :func:`~symness.mps.transport.solve_ness` (order of magnitude).

    Time: fitted in session 13 to the measured end-to-end runs of
    ``tables/mendoza2019_bench_mps.md`` and ``..._hour.md`` of then (QR route, order 2, one
    core): ``358 s (L/32)^2.4 (chi/64)^1.2`` reproduced L = 12, 24, 32, 48, 64 within 25 %
    (L = 8: 5.6 s predicted, 1.65 s measured); the SVD route (the default) costs 2.4 times
    more.  Since then the QR route got 1.3x faster per step (session 17); the session-18
    reruns of that table took 150-155 s at ``L = 32, chi = 64`` (SVD route estimated at 609-633 s),
    and the Fig. 2(b) realisations at ``L = 64, chi = 128`` took 29-106 min on a shared
    core against 72 min predicted, so the model stays a guard of the right order of
    magnitude, not a forecast (the step count of a run moved by up to 10x under a
    rounding-level change of the route: :mod:`symness.mps.bench`).
    Memory (counted, not measured): two copies of the ``L`` Pauli-basis tensors
    ``chi x 4 x chi`` (float64) and five ``4 chi x 4 chi`` two-site work arrays.
    """
    seconds = 358.0 * (L / 32) ** 2.4 * (chi / 64) ** 1.2 * (2.4 if update == "svd" else 1.0)
    memory = BASE_BYTES + 2 * L * chi**2 * 4 * 8.0 + 5 * (4 * chi) ** 2 * 8.0
    return Cost(memory, seconds)


def require_ness_fits(L: int, settings: NessSettings, *, workers: int = 1,
                      announce_as: str | None = None) -> Cost:
    """Refuse (before allocating) a chain whose :func:`ness_cost` times ``workers`` does not fit.

    ``announce_as``: print the estimated time under this name when it is long (not in the
    workers of a local sweep, whose parent announces the whole sweep).
    """
    def cost(k: int) -> Cost:
        one = ness_cost(L, k, settings.update)
        return Cost(one.bytes * workers, one.seconds)

    estimate = require_fits(cost, "chi", settings.chi,
                            what=f"MPS NESS, L={L}" + (f", {workers} workers" if workers > 1
                                                       else ""), minimum=2)
    if announce_as is not None and not _IN_WORKER:
        announce(estimate, f"{announce_as} L={L} chi={settings.chi}")
    return estimate


def _num(value) -> Fraction:
    return Fraction(str(value))


def task_key(spec: dict) -> str:
    """Deterministic identity of a task (its canonical JSON)."""
    return json.dumps(spec, sort_keys=True, separators=(",", ":"))


def _required(spec, key: str, where: str):
    if not isinstance(spec, dict):
        raise ParameterError(f"'{where}' must be a dictionary (got {spec!r:.80})")
    if key not in spec:
        raise ParameterError(f"'{where}' needs the key '{key}' (got keys {sorted(spec)})")
    return spec[key]


def _reservoir(d: dict, side: str) -> Reservoir:
    return Reservoir(kind=_required(d, "kind", side), beta=_num(d.get("beta", 0)),
                     mu=_num(d.get("mu", 0)), rate=_num(d.get("rate", 1)),
                     aux_length=int(d.get("aux_length", 6)))


def chain_from_spec(spec: dict) -> BoundaryDrivenChain:
    """Build the chain of a task (validated; bad values and missing keys raise ``ParameterError``).

    ``L``, ``delta``, ``left`` and ``right`` (each with a ``kind``) are required.  The
    spec keeps the paper's ``L`` and ``J`` (cache keys); :func:`_model` translates them.
    """
    return BoundaryDrivenChain(_model(spec), _reservoir(_required(spec, "left", "spec"), "left"),
                               _reservoir(_required(spec, "right", "spec"), "right"))


#: The paper's names (spec keys, CLI flags) of the model fields ``n`` and ``exchange``.
PAPER_NAMES = {"n": "L", "exchange": "J"}


def _model(spec: dict) -> DisorderedXXZ:
    """The chain's :class:`DisorderedXXZ`; a bad value's error names the spec key (``'L'``)."""
    try:
        return DisorderedXXZ(n=_required(spec, "L", "spec"),
                             delta=_num(_required(spec, "delta", "spec")),
                             h=_num(spec.get("h", 0)), seed=spec.get("seed", 0),
                             exchange=_num(spec.get("J", 1)))
    except ParameterError as exc:
        message = str(exc)
        for ours, paper in PAPER_NAMES.items():
            message = message.replace(f"'{ours}'", f"'{paper}'")
        raise ParameterError(message) from None


def settings_from_spec(spec: dict) -> NessSettings:
    """Build the solver settings of a task (an unknown setting raises ``ParameterError``)."""
    s = dict(spec.get("settings", {}))
    try:
        crit = Criterion(**s.pop("criterion", {}))
        return NessSettings(criterion=crit, **s)
    except TypeError as exc:  # a misspelt keyword
        raise ParameterError(f"'settings' of a task: {exc}") from None


def unique_specs(specs: list[dict]) -> list[dict]:
    """``specs`` without repeated tasks (same :func:`task_key`, i.e. equal specs), in order.

    Examples
    --------
    >>> [s["L"] for s in unique_specs([{"L": 8}, {"L": 6}, {"L": 8}])]
    [8, 6]
    """
    return list({task_key(s): s for s in specs}.values())


def status_dir(results: str | Path) -> Path:
    """Directory of the status files of the running tasks of ``results`` (``<name>.running``)."""
    path = Path(results)
    return path.with_name(path.name + ".running")


def _status_file(directory: Path, spec: dict) -> Path:
    return directory / (hashlib.sha1(task_key(spec).encode()).hexdigest()[:16] + ".json")


def _status_writer(path: Path, spec: dict) -> Callable[[Report], None]:
    """Progress callback of :func:`solve_ness`: keep the task's latest check in ``path``."""
    start = time.perf_counter()

    def write(report: Report) -> None:
        crit = report.criterion
        state = {"L": spec["L"], "delta": spec.get("delta"), "h": spec.get("h"),
                 "seed": spec.get("seed"), "pid": os.getpid(), "chi": report.chi,
                 "dt": report.dt, "wall_seconds": round(time.perf_counter() - start, 1),
                 "uniform_tol": crit.uniform_tol if crit else None,
                 "stationary_tol": crit.stationary_tol if crit else None, **report.as_dict()}
        atomic_write_text(path, json.dumps(state, sort_keys=True) + "\n")

    return write


def run_task(spec: dict, status: str | Path | None = None,
             checkpoint_every: float | None = EVERY) -> dict:
    """Solve one task; returns ``{"key", "spec", "status": "ok", "result"}`` (picklable).

    ``status``: a directory (:func:`status_dir`) where the task keeps its latest convergence
    check while it runs, one JSON file per task, removed when the task ends
    (:func:`running_tasks` reads them), and, unless ``checkpoint_every`` is ``None``, its
    solver state every ``checkpoint_every`` wall seconds (:mod:`symness.mps.checkpoint`): a
    task that was killed resumes from there, bit-identical; the checkpoint is removed once
    the task has a result or has failed.
    """
    path = checkpoint = None
    if status is not None:
        path = _status_file(Path(status), spec)
        path.parent.mkdir(parents=True, exist_ok=True)
        if checkpoint_every is not None:
            checkpoint = CheckpointFile(path.with_suffix(CHECKPOINT_SUFFIX), task_key(spec),
                                        checkpoint_every)
    try:
        result = solve_ness(chain_from_spec(spec), settings_from_spec(spec),
                            progress=None if path is None else _status_writer(path, spec),
                            checkpoint=checkpoint)
    except Exception:
        if checkpoint is not None:  # a result (a failure), not an interruption
            checkpoint.remove()
        raise
    finally:
        if path is not None:
            path.unlink(missing_ok=True)
    if checkpoint is not None:
        checkpoint.remove()
    return {"key": task_key(spec), "spec": spec, "status": "ok", "result": result.as_dict()}


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (signal 0; PermissionError: another user's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def _age(path: Path) -> float | None:
    """Seconds since ``path`` was written (``None``: no such file)."""
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return None


def _status_files(results: str | Path) -> list[tuple[Path, dict]]:
    """``(file, state)`` of every readable status file of ``results``."""
    directory = status_dir(results)
    found = []
    for file in sorted(directory.glob("*.json")) if directory.is_dir() else []:
        try:
            state = json.loads(file.read_text())
            found.append((file, dict(state, alive=_alive(int(state["pid"])),
                                     checkpoint_age=_age(file.with_suffix(CHECKPOINT_SUFFIX)))))
        except (OSError, ValueError, KeyError):  # ended (removed) or being replaced just now
            continue
    return found


def running_tasks(results: str | Path) -> list[dict]:
    """The latest convergence check of every task of ``results`` now running, longest first.

    Each is the status a local worker writes at every check (:func:`run_task`): the task's
    ``L, delta, h, seed``, the stage's ``chi``, ``dt`` and tolerances, the evolution time and
    measures of :meth:`Report.as_dict` and ``wall_seconds`` since the task started; ``alive``
    is False when the worker's process is gone (a killed sweep; the next sweep on the same
    results removes such files); ``checkpoint_age`` is the age in seconds of the task's
    checkpoint (``None``: none yet), from which a rerun of the sweep resumes it.
    """
    return sorted((state for _, state in _status_files(results)),
                  key=lambda s: -s["wall_seconds"])


def _remove_stale_status(results: Path) -> None:
    """Remove the status files left by workers that no longer exist (a killed sweep)."""
    for file, state in _status_files(results):
        if not state["alive"]:
            file.unlink(missing_ok=True)


def current_key(kind: str) -> str:
    """Result field of a record's bulk current of ``kind`` (``"spin"`` or ``"energy"``)."""
    return "j_spin" if kind == "spin" else "j_energy"


def _record(line: str) -> dict:
    record = json.loads(line)
    if not isinstance(record, dict) or not {"key", "status"} <= set(record):
        raise ValueError("a JSON value but not a record with 'key' and 'status'")
    return record


def load_results(path: str | Path) -> list[dict]:
    """Read the records of a results file (JSON lines); a missing file is empty.

    A line that is not a record (truncated, binary, hand-edited) is skipped with a
    :class:`CacheWarning` naming ``file:line``; the valid records are returned.
    """
    path = Path(path)
    if not path.exists():
        return []
    records = []
    text = path.read_bytes().decode("utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(_record(line))
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            warnings.warn(f"{path}:{number}: not a results record ({exc}); line skipped, "
                          f"the valid records are kept", CacheWarning, stacklevel=2)
    return records


def _append(path: Path, record: dict) -> None:
    """Append one record atomically (rewrite + ``os.replace``; a crash never truncates)."""
    old = path.read_text() if path.exists() else ""
    atomic_write_text(path, old + json.dumps(record, sort_keys=True) + "\n")


@dataclass
class SweepSummary:
    """What a sweep did: tasks run, skipped (already done) and failed (after retries)."""

    done: int = 0
    skipped: int = 0
    failed: list[dict] = field(default_factory=list)
    duplicates: int = 0


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: a daemon thread ends this process once ``parent`` is gone."""
    global _IN_WORKER
    _IN_WORKER = True

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _submitter(executor: str, scheduler: str | None, workers: int, status: Path,
               checkpoint_every: float | None):
    if executor == "dask":
        from distributed import Client, as_completed

        client = Client(scheduler) if scheduler else Client(n_workers=workers,
                                                            threads_per_worker=1)
        # client.close() disconnects; never client.shutdown(), which stops the user's cluster
        return (lambda spec: client.submit(run_task, spec, pure=False)), as_completed, \
            client.close
    pool = cf.ProcessPoolExecutor(max_workers=workers, initializer=_exit_with_parent,
                                  initargs=(os.getpid(),))

    def submit(spec: dict):
        return pool.submit(run_task, spec, str(status), checkpoint_every)

    return submit, cf.as_completed, pool.shutdown


def _require_sweep_fits(todo: list[dict], workers: int) -> None:
    """Memory of the largest task times the local workers; announce the total time."""
    costs = [require_ness_fits(s["L"], settings_from_spec(s), workers=workers) for s in todo]
    total = Cost(max(c.bytes for c in costs), sum(c.seconds for c in costs) / workers)
    announce(total, f"mps sweep of {len(todo)} tasks on {workers} worker(s)")


def run_sweep(specs: list[dict], results: str | Path, *, executor: str = "local",
              scheduler: str | None = None, workers: int = 1, retries: int = 1,
              progress: bool = True, rerun_failed: bool = True,
              checkpoint_every: float | None = EVERY) -> SweepSummary:
    """Run every task of ``specs`` not already ``"ok"`` in ``results`` (module docstring).

    ``checkpoint_every``: wall seconds between the checkpoints of a local worker's running
    task (:func:`run_task`; ``None``: none).
    """
    require_choice(executor, "executor", EXECUTORS)
    workers = require_int(workers, "workers", minimum=1, maximum=256)
    retries = require_int(retries, "retries", minimum=0, maximum=10)
    if scheduler and executor != "dask":
        raise ParameterError("'scheduler' needs executor='dask'")
    if checkpoint_every is not None:
        require_real(checkpoint_every, "checkpoint_every", minimum=0)
    require_task_count(len(specs), "specs")
    unique = unique_specs(specs)
    for spec in unique:  # validate every task before starting any
        chain_from_spec(spec)
        settings_from_spec(spec)
    path = Path(results)
    final = ("ok",) if rerun_failed else ("ok", "failed")
    done = {r["key"] for r in load_results(path) if r.get("status") in final}
    todo = [s for s in unique if task_key(s) not in done]
    summary = SweepSummary(skipped=len(unique) - len(todo), duplicates=len(specs) - len(unique))
    if not todo:
        return summary
    _require_sweep_fits(todo, workers if executor == "local" else 1)
    from tqdm import tqdm

    _remove_stale_status(path)
    submit, as_completed, close = _submitter(executor, scheduler, workers, status_dir(path),
                                             checkpoint_every)
    attempts = {task_key(s): 0 for s in todo}
    bar = tqdm(total=len(todo), disable=not progress, desc="mps sweep", file=sys.stderr)
    try:
        futures = {submit(s): s for s in todo}
        while futures:
            for fut in as_completed(list(futures)):
                spec = futures.pop(fut)
                key = task_key(spec)
                try:
                    record = fut.result()
                except cf.process.BrokenProcessPool:
                    # the pool died (a worker was killed, or ran out of memory): that is no
                    # result of this task, so nothing is recorded and a rerun resumes it
                    raise
                except Exception as exc:  # noqa: BLE001 - a failed task is retried, then reported
                    attempts[key] += 1
                    if attempts[key] <= retries:
                        futures[submit(spec)] = spec
                        continue
                    record = {"key": key, "spec": spec, "status": "failed",
                              "error": f"{type(exc).__name__}: {exc}"}
                    summary.failed.append(record)
                    print(f"mps sweep: task failed after {attempts[key]} attempts: "
                          f"{record['error']}", file=sys.stderr)
                else:
                    summary.done += 1
                _append(path, record)
                bar.update(1)
                break  # re-enter as_completed with the (possibly extended) future set
    finally:
        bar.close()
        close()
    return summary
