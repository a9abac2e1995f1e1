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
resumes where it stopped.  A failed task is retried ``retries`` times, then reported in the
returned summary and recorded as ``"status": "failed"`` (a later run retries it, unless
``rerun_failed=False``: tables that report a non-convergence as a result use that).
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from symness.models.thermal_reservoirs import Reservoir
from symness.models.xxz_disordered import DisorderedXXZ
from symness.mps.convergence import Criterion
from symness.mps.lindblad_tebd import BoundaryDrivenChain
from symness.mps.transport import NessSettings, solve_ness
from symness.outputs import atomic_write_text
from symness.validation import ParameterError, require_choice, require_int

__all__ = ["task_key", "current_key", "chain_from_spec", "settings_from_spec", "run_task",
           "load_results", "run_sweep", "SweepSummary", "EXECUTORS"]

EXECUTORS = ("local", "dask")


def _num(value) -> Fraction:
    return Fraction(str(value))


def task_key(spec: dict) -> str:
    """Deterministic identity of a task (its canonical JSON)."""
    return json.dumps(spec, sort_keys=True, separators=(",", ":"))


def _reservoir(d: dict) -> Reservoir:
    return Reservoir(kind=d["kind"], beta=_num(d.get("beta", 0)), mu=_num(d.get("mu", 0)),
                     rate=_num(d.get("rate", 1)), aux_length=int(d.get("aux_length", 6)))


def chain_from_spec(spec: dict) -> BoundaryDrivenChain:
    """Build the chain of a task (validated; bad values raise ``ParameterError``)."""
    model = DisorderedXXZ(L=spec["L"], delta=_num(spec["delta"]), h=_num(spec.get("h", 0)),
                          seed=spec.get("seed", 0), J=_num(spec.get("J", 1)))
    return BoundaryDrivenChain(model, _reservoir(spec["left"]), _reservoir(spec["right"]))


def settings_from_spec(spec: dict) -> NessSettings:
    """Build the solver settings of a task."""
    s = dict(spec.get("settings", {}))
    crit = Criterion(**s.pop("criterion", {}))
    return NessSettings(criterion=crit, **s)


def run_task(spec: dict) -> dict:
    """Solve one task; returns ``{"key", "spec", "status": "ok", "result"}`` (picklable)."""
    result = solve_ness(chain_from_spec(spec), settings_from_spec(spec))
    return {"key": task_key(spec), "spec": spec, "status": "ok", "result": result.as_dict()}


def current_key(kind: str) -> str:
    """Result field of a record's bulk current of ``kind`` (``"spin"`` or ``"energy"``)."""
    return "j_spin" if kind == "spin" else "j_energy"


def load_results(path: str | Path) -> list[dict]:
    """Read the records of a results file (JSON lines); a missing file is empty."""
    path = Path(path)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


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


def _submitter(executor: str, scheduler: str | None, workers: int):
    if executor == "dask":
        from distributed import Client, as_completed

        client = Client(scheduler) if scheduler else Client(n_workers=workers,
                                                            threads_per_worker=1)
        # client.close() disconnects; never client.shutdown(), which stops the user's cluster
        return (lambda spec: client.submit(run_task, spec, pure=False)), as_completed, \
            client.close
    pool = cf.ProcessPoolExecutor(max_workers=workers)
    return (lambda spec: pool.submit(run_task, spec)), cf.as_completed, pool.shutdown


def run_sweep(specs: list[dict], results: str | Path, *, executor: str = "local",
              scheduler: str | None = None, workers: int = 1, retries: int = 1,
              progress: bool = True, rerun_failed: bool = True) -> SweepSummary:
    """Run every task of ``specs`` not already ``"ok"`` in ``results`` (module docstring)."""
    require_choice(executor, "executor", EXECUTORS)
    workers = require_int(workers, "workers", minimum=1, maximum=256)
    retries = require_int(retries, "retries", minimum=0, maximum=10)
    if scheduler and executor != "dask":
        raise ParameterError("'scheduler' needs executor='dask'")
    for spec in specs:  # validate every task before starting any
        chain_from_spec(spec)
        settings_from_spec(spec)
    path = Path(results)
    final = ("ok",) if rerun_failed else ("ok", "failed")
    done = {r["key"] for r in load_results(path) if r.get("status") in final}
    todo = [s for s in specs if task_key(s) not in done]
    summary = SweepSummary(skipped=len(specs) - len(todo))
    if not todo:
        return summary
    from tqdm import tqdm

    submit, as_completed, close = _submitter(executor, scheduler, workers)
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
