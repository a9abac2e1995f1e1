"""``symness pump exact | gge | sweep``: weakly driven open XXZ ring (Lange et al. 2017).

Examples::

    symness pump exact --n 8 --field -1 --ratio 1.58
    symness pump gge --n 12 --n-c 6 --ratio 1 --format json
    symness pump sweep --method exact --n 12 --vary ratio --values 0:3:13 --output r.csv
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


def _emit(row: dict, params, args) -> None:
    from symness.cli import write_or_print

    if args.format == "json":
        text = json.dumps({"symness_version": __version__, "parameters": {
            k: float(v) if not isinstance(v, int) else v for k, v in params.__dict__.items()},
            "result": row}, indent=1, sort_keys=True) + "\n"
    else:
        text = "".join(f"{k:14s} {v!r}\n" if isinstance(v, float) else f"{k:14s} {v}\n"
                       for k, v in row.items())
    write_or_print(text, args.output)


def _cmd_point(args) -> int:
    from symness.pump.sweep import solve_point
    from symness.pump.system import PumpSystem

    params = _params(args)
    system = PumpSystem(params)
    row = solve_point(system, args.method, _ratio(args), getattr(args, "n_c", 6))
    _emit(row, params, args)
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
    sub = pump.add_subparsers(dest="pump_command", metavar="{exact,gge,sweep}")
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
    pump.set_defaults(func=lambda args: (pump.print_help(), 0)[1])
