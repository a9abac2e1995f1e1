"""The exact approach (11) beyond the paper's n = 12: cached, resumable points of the lean solver.

``tables/lange2017_n14.csv`` holds one row per ``(n, field, ratio)``: the
densities of :data:`symness.pump.system.OBSERVABLES`, the solver's checks and
the measured cost (CPU seconds of the one-off setup and of the point, peak
resident memory of the process).  A finished point is written at once
(atomically), so an interrupted run keeps every point done and a rerun skips them.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from pathlib import Path

from symness.pump.lean_steady_state import LeanPump
from symness.pump.model import PumpParams
from symness.pump.sweep import write_rows
from symness.pump.system import OBSERVABLES
from symness.resources import peak_rss_gib

__all__ = ["COLUMNS", "CACHE", "read_points", "run_points", "write_points"]

CACHE = Path(__file__).resolve().parents[2] / "tables" / "lange2017_n14.csv"
COLUMNS = (("n", "field", "ratio") + OBSERVABLES
           + ("residual", "pivot_ratio", "min_eigenvalue", "pairs", "setup_cpu_s", "point_cpu_s",
              "peak_rss_gib"))


def read_points(path: Path = CACHE) -> list[dict]:
    """Rows of the cache (floats; ``n`` and ``pairs`` as int); empty if there is none."""
    if not Path(path).exists():
        return []
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    ints = ("n", "pairs")
    return [{k: int(v) if k in ints else float(v) for k, v in row.items()} for row in rows]


def write_points(rows: list[dict], path: Path) -> None:
    """Write ``rows`` sorted by ``(n, field, ratio)``, floats by ``repr`` (atomically)."""
    write_rows(Path(path), rows, COLUMNS, lambda r: (r["n"], r["field"], r["ratio"]))


def run_points(n: int, field: float, ratios: Sequence[float], path: Path = CACHE) -> list[dict]:
    """Solve the missing ``ratios`` at ``(n, field)`` (defaults otherwise) and cache each row.

    The setup (eigensystem, couplings, ``L_ph``, ``L_d``) is built once, and only
    if a point is missing; its CPU time is recorded on every row of this run.
    """
    rows = read_points(path)
    done = {(r["n"], r["field"], r["ratio"]) for r in rows}
    todo = [float(r) for r in ratios if (n, float(field), float(r)) not in done]
    if not todo:
        return rows
    lean = LeanPump(PumpParams(n=n, field=field))
    start = time.process_time()
    _ = lean.parts, lean.observables
    setup = time.process_time() - start
    for ratio in todo:
        start = time.process_time()
        state, obs = lean.exact(ratio)
        rows.append({"n": n, "field": float(field), "ratio": ratio, **obs,
                     "residual": state.residual, "pivot_ratio": state.pivot_ratio,
                     "min_eigenvalue": state.min_eigenvalue, "pairs": state.pairs.size,
                     "setup_cpu_s": round(setup, 1),
                     "point_cpu_s": round(time.process_time() - start, 1),
                     "peak_rss_gib": round(peak_rss_gib(), 2)})
        write_points(rows, path)
    return rows
