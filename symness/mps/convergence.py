"""When is a time-evolved state the NESS?  Uniform and stationary bulk currents.

At each check (every ``check_interval`` of time) the bulk spin and energy currents (the
bonds/sites fixed by continuity, away from the reservoirs) are measured.  With
``scale = max(|mean|, atol)`` for each current:

``uniformity``    ``(max - min) / scale`` along the bulk.  In the exact NESS it is 0; the
                  Trotter fixed point and truncation leave a residue that shrinks with
                  ``dt`` and ``chi`` (claims ``mendoza2019.mps-vs-exact-*``);
``stationarity``  an estimate of the distance of the mean current to its ``t -> infinity``
                  value: with the last two increments ``d1, d2`` and ``q = d2 / d1``,
                  ``|d2| q / (1 - q)`` for geometric relaxation ``0 <= q < 1`` (the slowest
                  Liouvillian mode), ``|d2|`` for alternating increments and ``|d2| / (1 - 0.99)``
                  when ``q >= 0.99`` (no visible relaxation), divided by ``scale``.

A current smaller than ``atol`` (e.g. the spin current of a purely thermal drive, zero by
symmetry) is judged on the absolute scale ``atol``.  The state is accepted when both are
below their tolerances for both currents.  A solver
that reaches ``t_max`` first raises :class:`NotConvergedError` with the last report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from symness.validation import require_real

__all__ = ["Criterion", "Report", "NotConvergedError", "assess"]


class NotConvergedError(RuntimeError):
    """The NESS criterion was not met before ``t_max`` (the message holds the last report)."""


@dataclass(frozen=True)
class Criterion:
    """Tolerances of the NESS criterion (relative to ``max(|j|, atol)``)."""

    stationary_tol: float = 1e-4
    uniform_tol: float = 1e-2
    atol: float = 1e-5

    def __post_init__(self) -> None:
        require_real(self.stationary_tol, "stationary_tol", minimum=0, open_minimum=True)
        require_real(self.uniform_tol, "uniform_tol", minimum=0, open_minimum=True)
        require_real(self.atol, "atol", minimum=0, open_minimum=True)


@dataclass
class Report:
    """History of bulk-current means and the latest convergence measures."""

    time: float = 0.0
    means: dict[str, list[float]] = field(default_factory=lambda: {"spin": [], "energy": []})
    uniformity: dict[str, float] = field(default_factory=dict)
    stationarity: dict[str, float] = field(default_factory=dict)
    converged: bool = False

    def as_dict(self) -> dict:
        """JSON-ready summary (latest values only)."""
        return {"time": self.time, "converged": self.converged,
                "uniformity": dict(self.uniformity), "stationarity": dict(self.stationarity),
                "checks": len(self.means["spin"])}


def _remaining(history: list[float]) -> float:
    if len(history) < 3:
        return float("inf")
    d1, d2 = history[-2] - history[-3], history[-1] - history[-2]
    if d2 == 0.0:
        return 0.0
    q = d2 / d1 if d1 != 0.0 else float("inf")
    if q < 0:
        return abs(d2)
    if q < 0.99:
        return abs(d2) * q / (1 - q)
    return abs(d2) / 0.01


def assess(report: Report, time: float, bulk: dict[str, np.ndarray], crit: Criterion) -> bool:
    """Add one check (bulk currents ``{"spin": ..., "energy": ...}``) and decide convergence."""
    report.time = time
    ok = True
    for key, values in bulk.items():
        mean = float(np.mean(values))
        scale = max(abs(mean), crit.atol)
        report.means[key].append(mean)
        report.uniformity[key] = float((np.max(values) - np.min(values)) / scale)
        report.stationarity[key] = _remaining(report.means[key]) / scale
        ok &= (report.uniformity[key] <= crit.uniform_tol
               and report.stationarity[key] <= crit.stationary_tol)
    report.converged = bool(ok)
    return report.converged
