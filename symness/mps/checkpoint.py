"""Mid-run checkpoints of the TEBD NESS solver: an interrupted realisation resumes.

A Fig. 2(b) realisation at ``L = 64``, ``chi = 128`` runs 30-100 min on one core, and larger
chains or bond dimensions run for hours; a killed process (a sweep stopped by its user, a
session's end, a reboot) used to lose the whole realisation, since only finished tasks are
recorded.  :func:`symness.mps.transport.solve_ness` hands its complete state to a
:class:`CheckpointFile` at its convergence checks (at most every ``every`` wall seconds); a
later solve of the same task loads it and continues from there.

The state is taken at a check boundary, where the gate sequence of the Trotter steps starts
afresh, so a resumed solve performs the same floating-point operations on the same numbers
as an uninterrupted one: its result is bit-identical (``tests/mps/test_checkpoint.py``).

State (:class:`SolverState`): the stage of the solve (``"low"``: the ``chi // 2`` warm
start; ``"high"``: the coarse ``chi`` stage; ``"final"``), the phase within the stage, the
evolution time, the convergence report and the recent observables, the MPS (tensors,
orthogonality center, step and discarded-weight records), the outputs of the finished
stages and the wall seconds spent so far (the result's ``seconds`` counts every process
that worked on the task; ``resumes`` counts the restarts).

Format: a pickle (a cache of this machine, written and read by the same user, beside the
sweep's results; never shared or committed) of ``{"format", "key", "state"}``.  A file of
another format version or another task, or one that cannot be read, is ignored with a
:class:`CheckpointWarning` and the task starts afresh.
"""

from __future__ import annotations

import pickle
import time
import warnings
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from symness.mps.convergence import Report
from symness.mps.mps import PauliMPS
from symness.outputs import atomic_write_bytes
from symness.validation import require_real

__all__ = ["SolverState", "CheckpointFile", "CheckpointWarning", "FORMAT", "EVERY"]

#: Version of the checkpoint layout; a file of another version is ignored.
FORMAT = 1
#: Default wall seconds between two checkpoints of a running solve.
EVERY = 600.0


class CheckpointWarning(UserWarning):
    """A checkpoint file is unreadable or belongs to another task; the task starts afresh."""


@dataclass
class SolverState:
    """Everything :func:`~symness.mps.transport.solve_ness` needs to continue a solve."""

    stage: str
    phase: int
    time: float
    report: Report
    recent: list[dict[str, np.ndarray]]
    mps: PauliMPS
    finished: dict[str, tuple[Report, dict[str, np.ndarray]]]
    seconds: float
    resumes: int = 0


class CheckpointFile:
    """Where one task keeps its latest :class:`SolverState` (module docstring).

    Parameters
    ----------
    path : str or Path
        The checkpoint file (written atomically).
    key : str
        The task's identity (:func:`symness.mps.sweep.task_key`); a file written for another
        key is not loaded.
    every : float
        Wall seconds between two saves (``0``: at every convergence check).
    """

    def __init__(self, path: str | Path, key: str, every: float = EVERY) -> None:
        self.path = Path(path)
        self.key = key
        self.every = require_real(every, "every", minimum=0)
        self._saved = time.perf_counter()

    def load(self) -> SolverState | None:
        """The saved state, with ``resumes`` counted up; ``None`` when there is none to use."""
        if not self.path.exists():
            return None
        try:
            data = pickle.loads(self.path.read_bytes())
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError(f"not a checkpoint of format {FORMAT}")
            if data.get("key") != self.key:
                raise ValueError("written for another task")
            state = data["state"]
            if not isinstance(state, SolverState):
                raise ValueError("no solver state")
        except Exception as exc:  # noqa: BLE001 - any unreadable file: start afresh, say so
            warnings.warn(f"{self.path}: checkpoint not used ({type(exc).__name__}: {exc}); "
                          f"the task starts afresh", CheckpointWarning, stacklevel=2)
            return None
        return replace(state, resumes=state.resumes + 1)

    def save(self, state: SolverState) -> bool:
        """Write ``state`` if ``every`` seconds have passed since the last save; say if written."""
        now = time.perf_counter()
        if now - self._saved < self.every:
            return False
        data = {"format": FORMAT, "key": self.key, "state": state}
        atomic_write_bytes(self.path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        self._saved = now
        return True

    def remove(self) -> None:
        """Delete the file (the task has ended)."""
        self.path.unlink(missing_ok=True)
