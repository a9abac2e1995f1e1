"""``symness strong-drive profile``: profiles of the maximally driven XXZ chain (Prosen 2011b).

Prints ``<sigma^z_j>`` and the bond currents ``<J_j>`` of the exact steady state
``rho = S S^† / tr`` at any ``n`` (transfer matrices, :mod:`.transfer`), as text,
CSV or JSON.  Numbers are parsed exactly (``--delta 1/2``); bad input is one line
naming the parameter (exit status 2).
"""

from __future__ import annotations

import argparse
import json
import re

from symness.cli_inputs import integer, number
from symness.outputs import Table, provenance, render

__all__ = ["register", "profile_table"]

EPILOG = """examples:
  symness strong-drive profile --n 20 --delta 1/2 --eps 1
  symness strong-drive profile --n 1000 --delta 1 --eps 1 --format csv --output p.csv
"""

#: Relative accuracy of the transfer-matrix values (claim strong_drive.large_n_identities
#: measures ~3e-12 at n = 1000); shown with 10 significant digits.
DIGITS = 10


def _parameters(params) -> dict:
    return {"n": params.n, "delta": str(params.delta), "eps": str(params.eps)}


def profile_table(params, command: str) -> Table:
    """The profile of ``params`` (a :class:`.StrongDrive`) as a table, sites 1-based."""
    from symness.strong_drive.transfer import profiles

    prof = profiles(params)
    n = params.n
    rows = [(j + 1, f"{prof.sigma_z[j]:.{DIGITS}g}",
             f"{prof.current[j]:.{DIGITS}g}" if j < n - 1 else "") for j in range(n)]
    return Table(
        title=(f"Exact NESS of the maximally driven XXZ chain (Prosen 2011b, MPA): n={n}, "
               f"Delta={params.delta}, eps={params.eps}"),
        columns=("j", "<sigma^z_j>", "<J_j> (bond j,j+1)"), rows=rows, command=command,
        parameters=_parameters(params),
        notes=("transfer-matrix contraction of rho = S S^dagger / tr, float64; values carry "
               "a relative error ~1e-12 and an absolute floor ~1e-16 (|J| below it is noise)",))


def _cmd_profile(args) -> int:
    from symness.outputs import write_or_print
    from symness.strong_drive.model import StrongDrive

    params = StrongDrive(n=integer(args.n, "n", minimum=2),
                         delta=number(args.delta, "delta"),
                         eps=number(args.eps, "eps", minimum=0, open_minimum=True))
    command = (f"symness strong-drive profile --n {params.n} --delta {params.delta} "
               f"--eps {params.eps}")
    table = profile_table(params, command)
    if args.format == "json":
        text = json.dumps(provenance(command, _parameters(params))
                          | {"rows": [list(r) for r in table.rows]}, indent=1) + "\n"
    else:
        text = render(table, args.format)
    write_or_print(text, args.output)
    return 0


def register(subparsers) -> None:
    """Add the ``strong-drive`` command group."""
    group = subparsers.add_parser("strong-drive",
                                  help="maximally driven XXZ chain: exact NESS (Prosen 2011b)")
    sub = group.add_subparsers(dest="strong_drive_command", metavar="SUBCOMMAND",
                               parser_class=type(group))
    sub.required = True
    p = sub.add_parser("profile", help="<sigma^z_j> and <J_j> at any n", epilog=EPILOG,
                       description=__doc__.splitlines()[0],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", required=True, help="number of sites, integer >= 2")
    p.add_argument("--delta", default="1", help="anisotropy Delta, finite (default 1)")
    p.add_argument("--eps", default="1", help="coupling, eps > 0 (default 1)")
    p.add_argument("--format", choices=("text", "csv", "json"), default="text")
    p.add_argument("--output", help="write to this file (atomically)")
    p._negative_number_matcher = re.compile(r"^-\.?\d")  # "-1/2" is a value (see lindblad.cli)
    p.set_defaults(func=_cmd_profile)
