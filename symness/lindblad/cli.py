"""``symness ness``: steady state of the boundary-driven XXZ chain (Prosen 2011, (1)-(3)).

Prints the magnetisation profile ``<sigma^z_j>``, the currents ``<J_j>`` and the
solver's checks as text, CSV or JSON.  Numbers are parsed exactly
(``--delta 1/2``); bad input is one line naming the parameter (exit status 2).
"""

from __future__ import annotations

import json
import re
import sys

from symness.lindblad.memory import GIB, sector_memory_estimate
from symness.outputs import Table, provenance, render
from symness.validation import ParameterError, parse_number

__all__ = ["register", "ness_table", "ness_report"]

#: Show GMRES progress on stderr (when it is a terminal), and the memory estimate, from
#: this chain length on.
PROGRESS_FROM_N = 9
#: Default ``--max-memory`` (GiB): the share of a 24 GiB machine one user may take.
MAX_MEMORY_GIB = 6


def _parse_n(text: str) -> int:
    value = parse_number(text, "n")
    if value.denominator != 1:
        raise ParameterError(f"'n' must be an integer >= 2 (got {text!r})")
    return int(value)


def _progress(iteration: int, residual: float) -> None:
    print(f"\rGMRES iteration {iteration:4d}, relative residual {residual:.1e}", end="",
          file=sys.stderr, flush=True)


def ness_report(params, *, method: str = "auto", progress=None,
                memory_limit: float | None = None) -> dict:
    """Solve the steady state of ``params`` (an ``XXZDrive``) and collect the observables.

    Returns a dictionary with the profile ``sigma_z`` (sites 1..n, as in the
    paper), the bond currents ``current`` (bonds ``j, j+1``), ``checks``,
    ``method``, ``seconds`` and ``iterations``.  ``memory_limit`` (bytes) is passed
    to :func:`~symness.lindblad.steady_state.steady_state` (refusal before a sector
    solve that would not fit).
    """
    from symness.lindblad.steady_state import require_steady_state_fits, steady_state
    from symness.models.xxz_boundary_driven import (
        DISSIPATOR,
        current_operators,
        hamiltonian,
        jump_operators,
        magnetization_operators,
    )

    require_steady_state_fits(params.n, method, memory_limit)  # before H is built (issue 24)
    ss = steady_state(hamiltonian(params.n, params.delta), jump_operators(params),
                      dissipator=DISSIPATOR, method=method, progress=progress,
                      memory_limit=memory_limit)
    return {"sigma_z": [ss.expect(op) for op in magnetization_operators(params.n)],
            "current": [ss.expect(op) for op in current_operators(params.n)],
            "checks": ss.checks.as_dict(), "method": ss.method, "seconds": ss.seconds,
            "iterations": ss.iterations}


def _parameters(params) -> dict:
    return {"n": params.n, "delta": str(params.delta), "mu": str(params.mu),
            "eps": str(params.eps)}


def ness_table(params, report: dict, command: str) -> Table:
    """Tabulate the profile and currents (sites 1-based) as a :class:`~symness.outputs.Table`."""
    n = params.n
    rows = [(j + 1, report["sigma_z"][j], report["current"][j] if j < n - 1 else "")
            for j in range(n)]
    checks = ", ".join(f"{k}={v:.2e}" for k, v in report["checks"].items())
    iterations = "" if report["iterations"] is None else f", {report['iterations']} iterations"
    return Table(
        title=(f"NESS of the driven XXZ chain (Prosen 2011, eqs. (1)-(3)): n={n}, "
               f"Delta={params.delta}, mu={params.mu}, eps={params.eps}"),
        columns=("j", "<sigma^z_j>", "<J_j> (bond j,j+1)"), rows=rows, command=command,
        parameters=_parameters(params),
        notes=(f"solver: {report['method']}{iterations}, {report['seconds']:.2f} s",
               f"checks: {checks}"))


def _cmd_ness(args) -> int:
    from symness.cli import write_or_print
    from symness.models.xxz_boundary_driven import XXZDrive

    params = XXZDrive(n=_parse_n(args.n), delta=parse_number(args.delta, "delta"),
                      mu=parse_number(args.mu, "mu"), eps=parse_number(args.eps, "eps"))
    show = params.n >= PROGRESS_FROM_N and sys.stderr.isatty()
    limit = float(parse_number(args.max_memory, "max_memory")) * GIB
    if limit <= 0:
        raise ParameterError(f"'max_memory' must be > 0 GiB (got {args.max_memory!r})")
    if params.n >= PROGRESS_FROM_N:
        print(sector_memory_estimate(params.n).describe(), file=sys.stderr)
    report = ness_report(params, method=args.method, progress=_progress if show else None,
                         memory_limit=limit)
    if show:
        print(file=sys.stderr)
    command = (f"symness ness --n {params.n} --delta {params.delta} --mu {params.mu} "
               f"--eps {params.eps} --method {args.method}")
    if args.format == "json":
        text = json.dumps(provenance(command, _parameters(params)) | report, indent=1) + "\n"
    else:
        text = render(ness_table(params, report, command), args.format)
    write_or_print(text, args.output)
    return 0


def register(subparsers) -> None:
    """Add the ``ness`` subcommand."""
    from symness.lindblad.steady_state import METHODS

    p = subparsers.add_parser(
        "ness", help="steady state of the boundary-driven XXZ chain (Prosen 2011)",
        description=__doc__.splitlines()[0])
    p.add_argument("--n", required=True, help="number of sites, integer >= 2")
    p.add_argument("--delta", default="1/2", help="anisotropy Delta, finite (default 1/2)")
    p.add_argument("--mu", default="1", help="driving bias, -1 <= mu <= 1 (default 1)")
    p.add_argument("--eps", default="1/10", help="coupling, eps > 0 (default 1/10)")
    p.add_argument("--method", choices=("auto", *METHODS), default="auto",
                   help="steady-state solver (default auto: U(1) sectors)")
    p.add_argument("--max-memory", default=str(MAX_MEMORY_GIB),
                   help="refuse a sector solve whose memory estimate exceeds this many GiB "
                        f"(default {MAX_MEMORY_GIB}; the estimate is printed from n = "
                        f"{PROGRESS_FROM_N} on)")
    p.add_argument("--format", choices=("text", "csv", "json"), default="text")
    p.add_argument("--output", help="write to this file (atomically)")
    # argparse (< 3.13) takes "-3/2" or "-1e-3" for an option; accept any "-digit" or
    # "-.digit" as a value, the rule Python 3.13 adopted (no option of ours starts so).
    p._negative_number_matcher = re.compile(r"^-\.?\d")
    p.set_defaults(func=_cmd_ness)


