"""``symness pump exact | gge | sweep | large``: weakly driven open XXZ ring (Lange et al. 2017).

Examples::

    symness pump exact --n 8 --field -1 --ratio 1.58
    symness pump gge --n 12 --n-c 6 --ratio 1 --format json
    symness pump sweep --method exact --n 12 --vary ratio --values 0:3:13 --output r.csv
    symness pump large --n 14 --field -1 --values 1,2,2.5,3,3.5   # cached, resumable
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from symness import __version__
from symness.cli_inputs import (
    MAX_LIST,
    check_csv_header,
    integer,
    number,
    number_list,
    or_default,
)
from symness.validation import ParameterError, parse_number

__all__ = ["register"]


#: Options that are positive rates, frequencies, widths or temperatures (PumpParams).
POSITIVE = ("omega", "omega_ph", "t_ph", "eta_ph", "eta_d")
#: Numbers of charges of the truncated GGE; ``n_c`` charges need a ring of ``n >= n_c`` sites
#: (the densities of Q_{n_c} span n_c - 1 sites, and a ring of fewer sites cannot hold them).
N_CHARGES = (2, 4, 6)


def _number(text: str, name: str, **bounds) -> float:
    """An option's value (``name`` spelt as the flag, ``omega-ph``), within ``bounds``."""
    return float(number(text, name.replace("_", "-"), **bounds))


def _params(args):
    from symness.pump.model import PumpParams

    _swept_option(args)
    n = integer(args.n, "n", minimum=4, maximum=14)
    if n % 2:
        raise ParameterError(f"'n' must be even (staggered drive (8)) (got {n})")
    if args.method == "gge":
        args.n_c = _n_charges(or_default(args.n_c, "6"), n)
    elif getattr(args, "n_c", None) is not None:
        raise ParameterError("'n-c' (charges of the GGE) is not allowed with --method exact")
    kw = {name: _number(getattr(args, name), name,
                        **({"minimum": 0, "open_minimum": True} if name in POSITIVE else {}))
          for name in ("delta", "field", *POSITIVE, "gamma_m")}
    return PumpParams(n=n, j=1.0, **kw)


def _swept_option(args) -> None:
    """Fill the defaults of --field/--ratio; the one a sweep varies is refused if given."""
    vary = getattr(args, "vary", None)
    for key, default in (("field", "-1"), ("ratio", "1")):
        if key == vary and getattr(args, key) is not None:
            raise ParameterError(f"'{key}' is swept by --vary {key} --values: not allowed with "
                                 f"--{key}")
        setattr(args, key, or_default(getattr(args, key), default))


def _n_charges(text: str, n: int) -> int:
    """``--n-c``: 2, 4 or 6 charges, at most ``n`` on a ring of ``n`` sites."""
    n_c = integer(text, "n-c", minimum=2, maximum=6)
    if n_c not in N_CHARGES:
        raise ParameterError(f"'n-c' must be 2, 4 or 6 (got {n_c})")
    if n < n_c:
        raise ParameterError(f"'n' must be >= 'n-c' = {n_c} for the GGE of {n_c} charges "
                             f"(got {n}); use --n-c 2 or 4 on a ring of {n} sites")
    return n_c


def _ratio(args) -> float:
    return _number(args.ratio, "ratio", minimum=0)


#: Relative round-off of one float64 operation (the smallest backward error a solve has).
_EPS = float(np.finfo(float).eps)
#: Relative offsets of the restarts of the GGE Newton solve that size the GGE errors.
GGE_RESTARTS = (1e-2, -1e-2)
#: Safety factor on the spread of the restarted GGE solves.
GGE_SAFETY = 10.0


def _exact_errors(system, ratio: float,
                  table_error: float | None = None) -> tuple[dict[str, float], str]:
    """Error bounds of the exact (direct LU) observables, and how they were obtained.

    Forward error of a linear solve <= condition number x backward error:
    ``|d<O>| <= max|O_ba| ||x||_1 kappa_1 (max(residual, eps) + eta_S)``, with ``kappa_1``
    from LAPACK's estimate on the LU (``||A||_1`` bounded by ``||L||_1 ||U||_1``:
    conservative).  ``eta_S`` is the backward error of ``L^Q`` itself from the phonon
    Lamb-shift table, whose error ``e_S`` bounds ``|S_table(nu) - S(nu)|`` at every ``nu``
    (:func:`symness.pump.model.lamb_shift_error`): the steady state ``x`` of the tabulated
    ``L^Q`` leaves the residual ``dL^Q x`` in the exact one, ``eta_S = sqrt(2) ||dL^Q x||_1
    / (||A||_1 ||x||_1)`` (:func:`symness.pump.exact_steady_state.lamb_shift_residual`;
    ``sqrt(2)``: real and imaginary parts of each complex row).  ``table_error`` replaces
    ``e_S`` (tests of the error model).
    """
    import scipy.linalg as sla

    from symness.pump.exact_steady_state import bordered_system, lamb_shift_residual
    from symness.pump.model import lamb_shift_error

    lq = system.generator(ratio)
    bordered = bordered_system(lq, system.pairs)
    lu = bordered.lu[0]
    lower, upper = np.tril(lu, -1) + np.eye(len(lu)), np.triu(lu)
    norm = np.abs(lower).sum(axis=0).max() * np.abs(upper).sum(axis=0).max()
    rcond, _ = sla.lapack.dgecon(lu, norm, norm="1")
    x = bordered.solve()
    residual = np.linalg.norm(lq @ x) / (np.linalg.norm(lq) * np.linalg.norm(x))
    p = system.params
    table = (lamb_shift_error(float(p.omega_ph), float(p.t_ph), float(p.eta_ph))
             if table_error is None else table_error)
    eta_s = (np.sqrt(2) * lamb_shift_residual(system.couplings, system.pairs, table, x)
             / (norm * np.abs(x).sum()))
    backward = max(residual, _EPS) + eta_s
    relative = backward / rcond
    pairs = system.pairs
    errors = {k: float(np.abs(op[pairs.b, pairs.a]).max() * np.abs(x).sum() * relative)
              for k, op in system.observables.items()}
    return errors, (f"error bounds: condition number of the bordered LU (LAPACK estimate "
                    f"{1 / rcond:.1e}) x backward error {backward:.1e} (solve "
                    f"{max(residual, _EPS):.1e} + Lamb-shift table {eta_s:.1e})")


def _gge_errors(system, ratio: float, n_c: int, obs: dict) -> tuple[dict[str, float], str]:
    """Error estimates of the GGE observables: spread of restarted Newton solves.

    Newton's stopping test (force below 1e-11) leaves an error set by round-off in the
    forces and by the tolerance; the solve restarted from ``lambda (1 + d) + d`` for each
    ``d`` in :data:`GGE_RESTARTS` lands elsewhere within that error.  The estimate is
    :data:`GGE_SAFETY` times the largest change, plus ``4 eps |O|`` of round-off.
    """
    from symness.pump.gge import solve_gge

    rows, w_ph, w_d, diag, _ = system._gge_data(n_c)
    sol, _ = system.gge(n_c, ratio)
    restarts = [solve_gge(rows, w_ph + ratio**2 * w_d, sol.lam * (1 + d) + d)
                for d in GGE_RESTARTS]
    errors = {k: GGE_SAFETY * max(abs(r.expect(diag[k]) - obs[k]) for r in restarts)
              + 4 * _EPS * abs(obs[k]) for k in obs}
    return errors, (f"error estimates: {GGE_SAFETY:g} x the spread of Newton solves restarted "
                    f"1e-2 away + round-off")


def _errors(system, row: dict, ratio: float, n_c: int) -> tuple[dict[str, float], str]:
    """Error of every observable of ``row`` (empty when no estimate applies) and a note."""
    from symness.pump.system import OBSERVABLES

    obs = {k: row[k] for k in OBSERVABLES}
    if str(row["check"]).startswith("failed"):
        return {}, "no solution, no error"
    if row["method"] == "gge":
        return _gge_errors(system, ratio, n_c, obs)
    if "method=direct" in row["check"]:
        return _exact_errors(system, ratio)
    return {}, ("error not estimated (two-timescale sector solution): values printed in "
                "full float64")


def _emit(row: dict, errors: dict[str, float], note: str, params, args) -> None:
    """Print or write one point.

    Text: every value to the decimal place of its error, the errors in a note.  JSON: full
    precision and an ``errors`` field.
    """
    from symness.outputs import format_error, round_to_error, write_or_print

    if args.format == "json":
        text = json.dumps({"symness_version": __version__, "parameters": {
            k: float(v) if not isinstance(v, int) else v for k, v in params.__dict__.items()},
            "result": row, "errors": errors, "error_model": note},
            indent=1, sort_keys=True) + "\n"
    else:
        shown = {k: round_to_error(v, errors[k]) if k in errors else
                 (repr(v) if isinstance(v, float) else v) for k, v in row.items()}
        text = "".join(f"{k:14s} {v}\n" for k, v in shown.items())
        if errors:
            text += ("errors         " + ", ".join(f"{k} {format_error(e)}"
                                                  for k, e in errors.items()) + "\n")
        text += f"               {note}; every value is printed to the decimal place of " \
                "its error (--format json: full precision and the errors)\n"
    write_or_print(text, args.output)


def _cmd_point(args) -> int:
    from symness.pump.sweep import solve_point
    from symness.pump.system import PumpSystem

    params = _params(args)
    system = PumpSystem(params)
    ratio, n_c = _ratio(args), getattr(args, "n_c", 6)
    row = solve_point(system, args.method, ratio, n_c)
    _emit(row, *_errors(system, row, ratio, n_c), params, args)
    # the row is printed either way (its check column says why); a failed solve is status 1
    return 1 if str(row["check"]).startswith("failed") else 0


def _values(text: str) -> list[float]:
    """``START:STOP:COUNT`` (COUNT in [1, MAX_LIST]) or a comma list of distinct numbers."""
    if ":" in text:
        parts = text.split(":")
        if len(parts) != 3:
            raise ParameterError(f"'values' must be START:STOP:COUNT or a comma list "
                                 f"(got {text!r})")
        count = integer(parts[2], "values COUNT", minimum=1, maximum=MAX_LIST)
        if count > 1 and parse_number(parts[0], "values START") == parse_number(parts[1],
                                                                               "values STOP"):
            raise ParameterError(f"'values' {text!r} lists START {count} times; give COUNT 1")
        return [float(v) for v in np.linspace(_number(parts[0], "values START"),
                                              _number(parts[1], "values STOP"), count)]
    return [float(v) for v in number_list(text, "values")]


def _cmd_sweep(args) -> int:
    from symness.pump.sweep import COLUMNS, run_sweep

    if not args.output:
        raise ParameterError("'output' is required for a sweep (results are written as they "
                             "finish and the sweep resumes from the file)")
    check_csv_header(Path(args.output), "output", COLUMNS)
    params = _params(args)
    params = params.with_(eps_d=_ratio(args), eps_ph=1.0)
    values = _values(args.values)
    if args.vary == "ratio" and min(values) < 0:
        raise ParameterError(f"'values' of the ratio must be >= 0 (got {min(values)})")
    rows = run_sweep(params, method=args.method, vary=args.vary, values=values,
                     output=Path(args.output), n_c=args.n_c or 6, progress=not args.quiet)
    print(f"{len(rows)} rows in {args.output}")
    return 0


def _cmd_large(args) -> int:
    from symness.pump.beyond import CACHE, COLUMNS, read_points, run_points

    n = integer(args.n, "n", minimum=4, maximum=14)
    field = _number(args.field, "field")
    values = _values(args.values)
    if min(values) < 0:
        raise ParameterError(f"'values' of the ratio must be >= 0 (got {min(values)})")
    path = Path(args.output) if args.output else CACHE
    check_csv_header(path, "output", COLUMNS)
    if args.recompute and path.exists():  # drop the cached rows of this (n, field) first
        from symness.pump.beyond import write_points

        write_points([r for r in read_points(path) if (r["n"], r["field"]) != (n, field)], path)
    rows = [r for r in run_points(n, field, values, path)
            if (r["n"], r["field"]) == (n, field) and r["ratio"] in values]
    print(" ".join(COLUMNS))
    for row in rows:
        print(" ".join(f"{row[k]:.10g}" if isinstance(row[k], float) else str(row[k])
                       for k in COLUMNS))
    print("values to 10 digits: the lean solver agrees with the dense one to 1e-13 relative at "
          "n = 8, 10 (tests/pump/test_pump_lean.py); full precision in the cache file")
    return 0


def _common(p) -> None:
    p.add_argument("--n", default="12", help="ring sites (even, 4..14; default 12)")
    p.add_argument("--delta", default="0.8", help="anisotropy Delta (default 0.8)")
    p.add_argument("--field", help="field B (default -1; not with sweep --vary field)")
    p.add_argument("--ratio", help="eps_d/eps_ph (default 1; not with sweep --vary ratio)")
    p.add_argument("--omega", default="1.6", help="drive frequency (default 1.6 = 1.6 w_ph)")
    p.add_argument("--omega-ph", dest="omega_ph", default="1", help="phonon frequency")
    p.add_argument("--t-ph", dest="t_ph", default="1", help="phonon temperature")
    p.add_argument("--gamma-m", dest="gamma_m", default="1", help="S^z-breaking coupling")
    p.add_argument("--eta-ph", dest="eta_ph", default="0.4", help="phonon broadening (0.4)")
    p.add_argument("--eta-d", dest="eta_d", default="0.1", help="drive Lorentzian width (0.1)")
    p.add_argument("--output", help="write atomically to this file")


def register(subparsers) -> None:
    """Add ``symness pump ...``."""
    pump = subparsers.add_parser("pump", help="weakly driven open XXZ ring (Lange et al. 2017)",
                                 description=__doc__.splitlines()[0])
    sub = pump.add_subparsers(dest="pump_command", metavar="{exact,gge,sweep,large}")
    p = sub.add_parser("exact", help="zero mode of L^Q (11): all conservation laws")
    _common(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=_cmd_point, method="exact")
    p = sub.add_parser("gge", help="truncated GGE from chi F = 0 (10)")
    _common(p)
    p.add_argument("--n-c", dest="n_c", default="6",
                   help="2, 4 or 6 charges (6 needs --n >= 6; default 6)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=_cmd_point, method="gge")
    p = sub.add_parser("sweep", help="sweep the ratio or B; resumable CSV output")
    _common(p)
    p.add_argument("--method", choices=("exact", "gge"), default="gge")
    p.add_argument("--n-c", dest="n_c", default=None,
                   help="charges of the GGE: 2, 4 or 6 (default 6; only with --method gge)")
    p.add_argument("--vary", choices=("ratio", "field"), default="ratio")
    p.add_argument("--values", required=True, help="START:STOP:COUNT or v1,v2,...")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_sweep)
    p = sub.add_parser("large", help="exact approach (11) by the memory-lean solver (n = 14 in "
                       "about 10 GiB); points cached in tables/lange2017_n14.csv")
    p.add_argument("--n", default="14", help="ring sites (even, 4..14; default 14)")
    p.add_argument("--field", default="-1", help="field B (default -1)")
    p.add_argument("--values", required=True, help="ratios eps_d/eps_ph: START:STOP:COUNT or "
                   "v1,v2,...")
    p.add_argument("--output", help="cache file (default tables/lange2017_n14.csv)")
    p.add_argument("--recompute", action="store_true",
                   help="drop the cached rows of this n and field and solve again")
    p.set_defaults(func=_cmd_large)
    pump.set_defaults(func=lambda args: (pump.print_help(), 0)[1])
