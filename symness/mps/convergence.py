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
below their tolerances for every judged current (``mode = "snapshot"``).

Judged currents.  ``Criterion.currents`` names the currents the verdict rests on (default
both).  A drive that does not drive a current (single-spin magnetisation baths drive no
energy current; thermal reservoirs at ``mu = 0`` no spin current in the clean chain) leaves
it at the level of Trotter/truncation noise, relative to which no tolerance is meaningful;
``currents=("spin",)`` then judges the driven current only.  The measures of every current
are still computed and reported, and the report records which were judged.

Truncation noise.  At finite ``chi`` the truncated TEBD map need not have a fixed point: the
bulk currents settle into a small limit cycle or jitter around the NESS value (measured: a
period-2 alternation of relative amplitude 2e-3 at ``L = 10, chi = 16``), and the snapshot
test never passes however long one waits.  The same measures are then applied to averages
over blocks of ``window`` consecutive checks (``mode = "window"``): uniformity of the
block-averaged bulk profile, stationarity from the last three block means, and the noise
``max_k |mean_k - block mean| / scale`` over the last block, which must be below
``noise_tol``.  Increments of the block means below the resolution of a block mean,
``noise / sqrt(window)``, are not extrapolated (their ratio ``q`` is noise, and ``q`` near 1
would amplify them a hundredfold): the stationarity is then the last increment itself, i.e.
no drift is resolved above the noise.  The noise is reported with the result (it is a
truncation error, to be compared across ``chi``), and the solver returns the block-averaged
observables.  A solver
that reaches ``t_max`` first raises :class:`NotConvergedError` with the last report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from symness.validation import ParameterError, SolverError, require_int, require_real

__all__ = ["CURRENTS", "Criterion", "Report", "NotConvergedError", "assess", "nonuniformity"]

#: The bulk currents measured at every check.
CURRENTS = ("spin", "energy")


class NotConvergedError(SolverError):
    """The NESS criterion was not met before ``t_max`` (the message holds the last report)."""


@dataclass(frozen=True)
class Criterion:
    """Tolerances of the NESS criterion (relative to ``max(|j|, atol)``).

    ``currents`` (a non-empty subset of :data:`CURRENTS`, any sequence; stored as a tuple)
    names the currents the verdict rests on (module docstring).
    """

    stationary_tol: float = 1e-4
    uniform_tol: float = 1e-2
    atol: float = 1e-5
    window: int = 4
    noise_tol: float = 1e-2
    currents: tuple[str, ...] = CURRENTS

    def __post_init__(self) -> None:
        require_real(self.stationary_tol, "stationary_tol", minimum=0, open_minimum=True)
        require_real(self.uniform_tol, "uniform_tol", minimum=0, open_minimum=True)
        require_real(self.atol, "atol", minimum=0, open_minimum=True)
        require_int(self.window, "window", minimum=2, maximum=100)
        require_real(self.noise_tol, "noise_tol", minimum=0)
        if isinstance(self.currents, str):
            raise ParameterError(f"'currents' must be a sequence of names from {CURRENTS}, "
                                 f"not a string (got {self.currents!r})")
        names = tuple(self.currents)
        if not names or len(set(names)) != len(names) or not set(names) <= set(CURRENTS):
            raise ParameterError(f"'currents' must be a non-empty subset of {CURRENTS} "
                                 f"without repeats (got {names!r})")
        object.__setattr__(self, "currents", names)

    def loosened(self, factor: float) -> Criterion:
        """The same criterion with the three relative tolerances multiplied by ``factor``."""
        return Criterion(stationary_tol=factor * self.stationary_tol,
                         uniform_tol=factor * self.uniform_tol, atol=self.atol,
                         window=self.window, noise_tol=factor * self.noise_tol,
                         currents=self.currents)


@dataclass
class Report:
    """History of bulk-current means and the latest convergence measures."""

    time: float = 0.0
    means: dict[str, list[float]] = field(default_factory=lambda: {"spin": [], "energy": []})
    bulk: list[dict[str, np.ndarray]] = field(default_factory=list)
    uniformity: dict[str, float] = field(default_factory=dict)
    stationarity: dict[str, float] = field(default_factory=dict)
    noise: dict[str, float] = field(default_factory=dict)
    mode: str = "snapshot"
    converged: bool = False
    judged: tuple[str, ...] = CURRENTS
    #: the stage being judged: its bond dimension, time step and criterion (progress reports)
    chi: int | None = None
    dt: float | None = None
    criterion: Criterion | None = None

    def as_dict(self) -> dict:
        """JSON-ready summary (latest values only; ``judged``: the currents decided on)."""
        return {"time": self.time, "converged": self.converged, "mode": self.mode,
                "judged": list(self.judged),
                "uniformity": dict(self.uniformity), "stationarity": dict(self.stationarity),
                "noise": dict(self.noise), "checks": len(self.means["spin"])}


def _remaining(history: list[float], resolution: float = 0.0) -> float:
    """Estimated distance of the last value to the limit (module docstring)."""
    if len(history) < 3:
        return float("inf")
    d1, d2 = history[-2] - history[-3], history[-1] - history[-2]
    if max(abs(d1), abs(d2)) <= resolution:
        return abs(d2)
    if d2 == 0.0:
        return 0.0
    q = d2 / d1 if d1 != 0.0 else float("inf")
    if q < 0:
        return abs(d2)
    if q < 0.99:
        return abs(d2) * q / (1 - q)
    return abs(d2) / 0.01


def nonuniformity(values: np.ndarray, atol: float) -> float:
    """``(max - min) / max(|mean|, atol)`` of a bulk current profile (module docstring)."""
    values = np.asarray(values, dtype=float)
    return float((np.max(values) - np.min(values)) / max(abs(float(np.mean(values))), atol))


def _measures(values: np.ndarray, history: list[float], crit: Criterion,
              resolution: float = 0.0) -> tuple[float, ...]:
    """``(uniformity, stationarity)`` of a bulk profile and a history of its means."""
    scale = max(abs(float(np.mean(values))), crit.atol)
    return nonuniformity(values, crit.atol), _remaining(history, resolution) / scale


def assess(report: Report, time: float, bulk: dict[str, np.ndarray], crit: Criterion) -> bool:
    """Add one check (bulk currents ``{"spin": ..., "energy": ...}``) and decide convergence.

    Snapshot mode first; the window mode (module docstring) once ``3 * window`` checks exist.
    Only the currents named in ``crit.currents`` decide; all are measured and reported.
    """
    missing = set(crit.currents) - set(bulk)
    if missing:
        raise ParameterError(f"'bulk' lacks the judged current(s) {sorted(missing)}")
    report.time = time
    report.judged = crit.currents
    report.bulk = (report.bulk + [{k: np.asarray(v, dtype=float) for k, v in bulk.items()}])
    report.bulk = report.bulk[-3 * crit.window:]
    snapshot, windowed, noise = {}, {}, {}
    for key, values in bulk.items():
        report.means[key].append(float(np.mean(values)))
        snapshot[key] = _measures(values, report.means[key], crit)
        if len(report.bulk) == 3 * crit.window:
            w = crit.window
            blocks = [np.mean([b[key] for b in report.bulk[i * w:(i + 1) * w]], axis=0)
                      for i in range(3)]
            last = np.array(report.means[key][-w:])
            amplitude = float(np.abs(last - last.mean()).max())
            windowed[key] = _measures(blocks[-1], [float(np.mean(b)) for b in blocks], crit,
                                      resolution=amplitude / np.sqrt(w))
            noise[key] = amplitude / max(abs(float(np.mean(blocks[-1]))), crit.atol)

    def ok(measures, extra=None) -> bool:
        return all(u <= crit.uniform_tol and st <= crit.stationary_tol
                   and (extra is None or extra[k] <= crit.noise_tol)
                   for k, (u, st) in measures.items() if k in crit.currents)

    if ok(snapshot) or not windowed:
        report.mode, chosen = "snapshot", snapshot
    else:
        report.mode, chosen = "window", windowed
    report.uniformity = {k: v[0] for k, v in chosen.items()}
    report.stationarity = {k: v[1] for k, v in chosen.items()}
    report.noise = noise
    report.converged = ok(chosen, noise if report.mode == "window" else None)
    return report.converged
