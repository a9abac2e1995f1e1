"""Parameter sweeps (ratio ``eps_d/eps_ph`` or field ``B``) with resumable CSV output.

Each finished point is appended to the table in memory and the whole CSV is
rewritten atomically (temporary file + ``os.replace``), so an interrupted sweep
loses at most the point in progress and a rerun skips every point already on
disk (except failed ones, which are retried).  Rows are sorted, and floats
written with ``repr``, so the file is byte-for-byte reproducible.

A row is keyed on every parameter that changes its result: the method and ``N_C``,
``n``, ``B``, the ratio and the :data:`PARAMETERS` columns (``J``, ``Delta``, ``omega``,
``omega_ph``, ``T_ph``, ``gamma_m``, ``eta_ph``, ``eta_d``), so a sweep resumed with
another ``Delta`` (say) recomputes every point and keeps the old rows beside the new
ones.  A file of the earlier format (:data:`LEGACY_COLUMNS`, no parameter columns) is
still read: its rows have unknown parameters (empty cells), are kept, and are never
reused.  The sweeps of ``tables/lange2017_fig{3,4,5}.csv`` were made by
:mod:`.figures` at the defaults of :class:`.PumpParams` and carry those values.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from tqdm import tqdm

from symness.outputs import atomic_write_text
from symness.pump.cost import eigensystem_cost
from symness.pump.model import PumpParams
from symness.pump.system import GGE_SIZES, OBSERVABLES, PumpSystem
from symness.resources import Cost, announce, require_task_count
from symness.validation import ParameterError, require_choice

__all__ = ["COLUMNS", "LEGACY_COLUMNS", "PARAMETERS", "solve_point", "run_sweep", "read_rows",
           "write_rows"]

LEGACY_COLUMNS = ("method", "n_c", "n", "field", "ratio") + OBSERVABLES + ("check",)
#: Parameters of :class:`.PumpParams` besides ``n``, ``field`` and the amplitudes.
PARAMETERS = ("j", "delta", "omega", "omega_ph", "t_ph", "gamma_m", "eta_ph", "eta_d")
COLUMNS = LEGACY_COLUMNS + PARAMETERS
METHODS = ("exact", "gge")


def _parameter_cells(params: PumpParams) -> dict:
    return {k: float(getattr(params, k)) for k in PARAMETERS}


def solve_point(system: PumpSystem, method: str, ratio: float, n_c: int = 6) -> dict:
    """One steady state; a CSV row without the :data:`PARAMETERS` cells (the sweep adds them)."""
    require_choice(method, "method", METHODS)
    p = system.params
    if method == "exact":
        n_c = 0
        try:
            state, obs = system.exact(ratio)
        except RuntimeError as exc:  # e.g. B = 0 without drive: kernel not unique
            return {"method": method, "n_c": n_c, "n": p.n, "field": float(p.field),
                    "ratio": float(ratio), **{k: math.nan for k in OBSERVABLES},
                    "check": f"failed: {exc}".replace(",", ";")}
        check = (f"residual={state.residual:.1e};min_eig={state.min_eigenvalue:.1e};"
                 f"method={state.method};pivot_ratio={state.pivot_ratio:.1e}")
    else:
        if n_c not in GGE_SIZES:
            raise ParameterError(f"'n_c' must be one of {GGE_SIZES} (got {n_c})")
        sol, obs = system.gge(n_c, ratio)
        check = f"newton_iterations={sol.iterations};force={sol.residual_history[-1]:.1e}"
    return {"method": method, "n_c": n_c, "n": p.n, "field": float(p.field),
            "ratio": float(ratio), **{k: float(v) for k, v in obs.items()}, "check": check}


def _parameter_key(row: dict) -> tuple:
    """``(known, value)`` per parameter: an empty cell (legacy row) sorts first, never equal."""
    return tuple((row[k] != "", float(row[k]) if row[k] != "" else 0.0) for k in PARAMETERS)


def _key(row: dict) -> tuple:
    return (row["method"], int(row["n_c"]), int(row["n"]), float(row["field"]),
            float(row["ratio"])) + _parameter_key(row)


def read_rows(path: Path) -> list[dict]:
    """Rows of an existing sweep CSV (empty list if the file does not exist).

    Legacy rows (:data:`LEGACY_COLUMNS`) get empty parameter cells (module docstring).
    """
    if not path.exists():
        return []
    with path.open(newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        header = tuple(reader.fieldnames or ())
    if header not in (COLUMNS, LEGACY_COLUMNS):
        raise ParameterError(f"'output' {path} is not a pump sweep file (columns {header})")
    return [{**{k: "" for k in PARAMETERS}, **r} for r in rows]


def write_rows(path: Path, rows: list[dict], columns: Sequence[str], key: Callable) -> None:
    """Write ``rows`` as CSV sorted by ``key``, floats by ``repr`` (exact), atomically."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in sorted(rows, key=key):
        writer.writerow({k: (repr(v) if isinstance(v, float) else v) for k, v in row.items()})
    atomic_write_text(path, buf.getvalue())


def _write(path: Path, rows: list[dict]) -> None:
    write_rows(path, rows, COLUMNS, _key)


def _announce(base: PumpParams, todo: list[tuple]) -> None:
    """Print the estimated time of the points to solve.

    An upper bound: each point is costed as a fresh system, though one eigensystem serves
    all the points of a field.
    """
    if not todo:
        return
    fields = len({field for field, *_ in todo})
    per_point = {m: eigensystem_cost(base.n, m).seconds for m in ("exact", "gge")}
    seconds = sum(per_point[m] for *_, m, _ in todo)
    announce(Cost(eigensystem_cost(base.n, "gge").bytes, seconds),
             f"pump sweep of {len(todo)} points ({fields} fields)")


def run_sweep(base: PumpParams, *, method: str | None = None, vary: str,
              values: Iterable[float], output: Path, n_c: int = 6, progress: bool = True,
              methods: Sequence[tuple[str, int]] | None = None) -> list[dict]:
    """Solve at every value of ``vary`` (``"ratio"`` or ``"field"``), resuming from ``output``.

    ``base.eps_d / base.eps_ph`` is the ratio when sweeping the field.  Either one
    ``method`` (with ``n_c`` for the GGE) or several ``methods = [(method, n_c), ...]``,
    solved on the same prepared system at each point (one eigensystem per field).
    """
    combos = list(methods) if methods is not None else [(method, n_c)]
    for m, _ in combos:
        require_choice(m, "method", METHODS)
    require_choice(vary, "vary", ("ratio", "field"))
    output = Path(output)
    # failed points are retried (and replaced): the solver may have improved since
    rows = [r for r in read_rows(output) if not str(r["check"]).startswith("failed")]
    done = {_key(r) for r in rows}
    ratio0 = float(base.eps_d) / float(base.eps_ph)
    known = _parameter_key({k: repr(v) for k, v in _parameter_cells(base).items()})
    todo = []
    if hasattr(values, "__len__"):  # refuse a huge list before copying it
        require_task_count(len(values) * len(combos), "values")
    values = list(dict.fromkeys(float(v) for v in values))  # each value once, in order
    require_task_count(len(values) * len(combos), "values")
    for v in values:
        field, ratio = (v, ratio0) if vary == "field" else (float(base.field), v)
        for m, k in combos:
            if (m, 0 if m == "exact" else k, base.n, field, ratio) + known not in done:
                todo.append((field, ratio, m, k))
    _announce(base, todo)
    system = None
    label = "+".join(m if m == "exact" else f"gge{k}" for m, k in combos)
    for field, ratio, m, k in tqdm(todo, desc=f"{label} n={base.n} {vary}",
                                   disable=not progress, unit="pt"):
        if system is None or float(system.params.field) != field:
            system = PumpSystem(base.with_(field=field, eps_d=1.0, eps_ph=1.0))
        rows.append(solve_point(system, m, ratio, k) | _parameter_cells(system.params))
        _write(output, rows)
    if not todo and not output.exists():
        _write(output, rows)
    return sorted(rows, key=_key)
