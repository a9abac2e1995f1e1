"""``symness mpa profile``: magnetisation profiles M_j of Prosen (2011), eq. (17)."""

from __future__ import annotations

import json

import mpmath
import sympy as sp

from symness.cli_inputs import integer, number, or_default
from symness.validation import ParameterError, require_choice

__all__ = ["register"]

EPILOG = """examples:
  symness mpa profile --n 21 --delta 1/2 --mu 1
  symness mpa profile --n 8 --exact --lam 1/3 --mu 1 --format json
  symness mpa profile --n 200 --delta 1.1 --format csv --output m.csv
"""


def register(subparsers) -> None:
    """Add the ``mpa`` command group."""
    import argparse

    mpa = subparsers.add_parser("mpa", help="Prosen (2011) matrix product ansatz: profiles")
    sub = mpa.add_subparsers(dest="mpa_command", metavar="SUBCOMMAND",
                             parser_class=type(mpa))
    p = sub.add_parser("profile", help="magnetisation profile M_j = <sz_j>/eps^2, eq. (17)",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", required=True, help="chain length n >= 2")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--delta", help="anisotropy Delta (exact text: 1/2, 1.1, 2)")
    mode.add_argument("--exact", action="store_true",
                      help="exact M_j at Delta = cos(pi*lam), lam given by --lam (not with "
                           "--delta)")
    p.add_argument("--mu", default="1", help="driving bias mu in [-1, 1] (default 1)")
    p.add_argument("--lam", help="lambda/pi = ell/m in (0, 1) (with --exact)")
    p.add_argument("--digits", help="significant digits, 1..100 (numeric mode; default 15)")
    p.add_argument("--format", default="text", help="text, csv or json")
    p.add_argument("--output", help="write to this file (atomically)")
    p.set_defaults(func=_cmd_profile)
    mpa.set_defaults(func=lambda args: (mpa.print_help(), 0)[1])


def _cmd_profile(args) -> int:
    from symness.mpa.transfer.profiles import (
        ProfileParams,
        magnetization_profile_adaptive,
        magnetization_profile_exact,
    )
    from symness.outputs import write_or_print

    n = integer(args.n, "n", minimum=2, maximum=5000)
    fmt = require_choice(args.format, "format", ("text", "csv", "json"))
    mu = number(args.mu, "mu", minimum=-1, maximum=1)
    if args.exact:
        if args.lam is None:
            raise ParameterError("'lam' is required with --exact (lambda/pi = ell/m, e.g. 1/3)")
        if args.digits is not None:
            raise ParameterError("'digits' sets the numeric precision: not allowed with --exact")
        lam = number(args.lam, "lam", minimum=0, maximum=1, open_minimum=True,
                     open_maximum=True)
        ProfileParams(n, 0, mu)  # validates n, mu
        values = [str(v) for v in magnetization_profile_exact(n, lam.numerator, lam.denominator,
                                                              sp.Rational(mu.numerator,
                                                                          mu.denominator))]
        delta_text = f"cos(pi*{lam})"
        meta = {"precision": "exact"}
    else:
        if args.delta is None:
            raise ParameterError("'delta' is required (or use --exact --lam ell/m)")
        if args.lam is not None:
            raise ParameterError("'lam' gives Delta = cos(pi lam) of --exact: not allowed "
                                 "with --delta")
        params = ProfileParams(n, number(args.delta, "delta"), mu)
        digits = integer(or_default(args.digits, "15"), "digits", minimum=1, maximum=100)
        profile, dps, change = magnetization_profile_adaptive(params, digits=digits)
        values = [mpmath.nstr(v, digits) for v in profile]
        delta_text = args.delta
        meta = {"precision": f"mpmath dps={dps}",
                "relative change vs dps/2": float(f"{change:.3e}")}
    header = {"n": n, "delta": delta_text, "mu": str(mu), **meta}
    if fmt == "json":
        text = json.dumps({**header, "j": list(range(1, n + 1)), "M": values}, indent=1) + "\n"
    elif fmt == "csv":
        text = f"# M_j = <sz_j>/eps^2, Prosen (2011) eq. (17); {json.dumps(header)}\nj,M\n"
        text += "".join(f"{j},{v}\n" for j, v in enumerate(values, start=1))
    else:
        text = f"M_j = <sz_j>/eps^2 (Prosen 2011, eq. (17)); {json.dumps(header)}\n"
        text += "".join(f"{j:5d}  {v}\n" for j, v in enumerate(values, start=1))
    write_or_print(text, args.output)
    return 0
