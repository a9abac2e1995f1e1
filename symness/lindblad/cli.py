"""``symness ness``: steady state of the boundary-driven XXZ chain (Prosen 2011, (1)-(3)).

Prints the magnetisation profile ``<sigma^z_j>``, the currents ``<J_j>`` and the
solver's checks as text, CSV or JSON.  Numbers are parsed exactly
(``--delta 1/2``); bad input is one line naming the parameter (exit status 2).
"""

from __future__ import annotations

import json
import re
import sys

from symness.cli_inputs import integer, number
from symness.lindblad.memory import GIB, sector_memory_estimate
from symness.outputs import Table, format_error, provenance, render, round_to_error

__all__ = ["register", "ness_table", "ness_report"]

#: Show GMRES progress on stderr (when it is a terminal), and the memory estimate, from
#: this chain length on.
PROGRESS_FROM_N = 9
#: Default ``--max-memory`` (GiB): the share of a 24 GiB machine one user may take.
MAX_MEMORY_GIB = 6
#: Largest ``--n`` parsed: the Liouville space has dimension 4^n (4^64 ~ 3e38 amplitudes);
#: whether a size fits the machine is the memory estimate's decision, this bound only keeps
#: the estimate's arithmetic finite.
MAX_N = 64


def _progress(iteration: int, residual: float) -> None:
    print(f"\rGMRES iteration {iteration:4d}, relative residual {residual:.1e}", end="",
          file=sys.stderr, flush=True)


#: GMRES tolerance of the reference solve that sizes the error of every printed value.
REFERENCE_RTOL = 1e-10
#: Round-off floor of ``<O>`` per unit ``||O||`` and per basis state: ``2^n eps ||O||``
#: (``||sigma^z|| = 1``, ``||J|| = 2``).  Measured sector-GMRES vs sparse-LU differences at
#: Delta = 1/2: 1.8e-15 (n = 5), 3.3e-15 (n = 6), 1.1e-14 and 1.5e-14 (n = 7, eps = 1e-3,
#: 1/2), below the floor 7e-15, 1.4e-14, 2.8e-14 of sigma^z.
ROUNDOFF_PER_STATE = sys.float_info.epsilon


def _observables(rho, n: int) -> tuple[list[float], list[float]]:
    """``<sigma^z_j>`` (sites 1..n) and ``<J_j>`` (bonds j, j+1) of a dense ``rho``."""
    from symness.models.xxz_boundary_driven import current_operators, magnetization_operators

    def expect(op) -> float:
        return float(op.multiply(rho.T).sum().real)

    return ([expect(op) for op in magnetization_operators(n)],
            [expect(op) for op in current_operators(n)])


def _reference(h, jumps, dissipator: str, n: int) -> tuple[list[float], list[float]]:
    """Observables of the U(1)-sector GMRES solve stopped at :data:`REFERENCE_RTOL`."""
    from symness.lindblad.liouvillian import jump_weight
    from symness.lindblad.sector_solver import solve_sector_steady_state
    from symness.lindblad.sectors import detect_sectors

    sectors = detect_sectors(h, jumps)
    solution = solve_sector_steady_state(sectors, jump_weight(dissipator), rtol=REFERENCE_RTOL)
    return _observables(sectors.embed(solution.blocks), n)


def ness_report(params, *, method: str = "auto", progress=None,
                memory_limit: float | None = None) -> dict:
    """Solve the steady state of ``params`` (an ``XXZDrive``) and collect the observables.

    Returns a dictionary with the profile ``sigma_z`` (sites 1..n, as in the
    paper), the bond currents ``current`` (bonds ``j, j+1``), their error bounds
    ``sigma_z_error`` and ``current_error``, ``checks``, ``method``, ``seconds`` and
    ``iterations``.  ``memory_limit`` (bytes) is passed to
    :func:`~symness.lindblad.steady_state.steady_state` (refusal before a sector solve
    that would not fit).

    Error model: the state is solved to GMRES ``rtol = 1e-12`` (sector method) or by LU;
    a second sector solve stopped at :data:`REFERENCE_RTOL` differs from it by about its
    own error, which bounds the error of the first (GMRES residuals decrease
    monotonically, and the error with them); the round-off floor ``2^n eps ||O||``
    (:data:`ROUNDOFF_PER_STATE`) is added.  The tolerance part is conservative by up to
    ``REFERENCE_RTOL / 1e-12``; tests/test_printed_accuracy.py checks the bound against
    the sparse LU at n = 6.
    """
    from symness.lindblad.steady_state import require_steady_state_fits, steady_state
    from symness.models.xxz_boundary_driven import DISSIPATOR, hamiltonian, jump_operators

    require_steady_state_fits(params.n, method, memory_limit)  # before H is built (issue 24)
    h, jumps = hamiltonian(params.n, params.delta), jump_operators(params)
    ss = steady_state(h, jumps, dissipator=DISSIPATOR, method=method, progress=progress,
                      memory_limit=memory_limit)
    sigma_z, current = _observables(ss.rho, params.n)
    ref_z, ref_j = _reference(h, jumps, DISSIPATOR, params.n)
    floor = 2**params.n * ROUNDOFF_PER_STATE
    return {"sigma_z": sigma_z, "current": current,
            "sigma_z_error": [abs(a - b) + floor for a, b in zip(sigma_z, ref_z)],
            "current_error": [abs(a - b) + 2 * floor for a, b in zip(current, ref_j)],
            "checks": ss.checks.as_dict(), "method": ss.method, "seconds": ss.seconds,
            "iterations": ss.iterations}


def _parameters(params) -> dict:
    return {"n": params.n, "delta": str(params.delta), "mu": str(params.mu),
            "eps": str(params.eps)}


def ness_table(params, report: dict, command: str, *, rounded: bool = True) -> Table:
    """Tabulate the profile and currents (sites 1-based) as a :class:`~symness.outputs.Table`.

    ``rounded``: every value printed to the decimal place of its error (text); otherwise
    full float64 values and two error columns (CSV).
    """
    n = params.n
    z, dz = report["sigma_z"], report["sigma_z_error"]
    cur, dcur = report["current"] + [""], report["current_error"] + [""]
    if rounded:
        rows = [(j + 1, round_to_error(z[j], dz[j]),
                 round_to_error(cur[j], dcur[j]) if j < n - 1 else "") for j in range(n)]
        columns = ("j", "<sigma^z_j>", "<J_j> (bond j,j+1)")
    else:
        rows = [(j + 1, z[j], cur[j], dz[j], dcur[j]) for j in range(n)]
        columns = ("j", "<sigma^z_j>", "<J_j> (bond j,j+1)", "sigma_z_error", "current_error")
    checks = ", ".join(f"{k}={v:.1e}" for k, v in report["checks"].items())
    iterations = "" if report["iterations"] is None else f", {report['iterations']} iterations"
    return Table(
        title=(f"NESS of the driven XXZ chain (Prosen 2011, eqs. (1)-(3)): n={n}, "
               f"Delta={params.delta}, mu={params.mu}, eps={params.eps}"),
        columns=columns, rows=rows, command=command, parameters=_parameters(params),
        notes=(f"solver: {report['method']}{iterations}, {report['seconds']:.2f} s",
               f"checks: {checks}",
               f"error bounds (max over sites): <sigma^z_j> {format_error(max(dz))}, <J_j> "
               f"{format_error(max(dcur[:-1]))}: change from a GMRES solve to rtol "
               f"{REFERENCE_RTOL:.0e} + round-off 2^n eps ||O||; every value is "
               "printed to the decimal place of its error (--format csv|json: full "
               "precision and the errors)"))


def _cmd_ness(args) -> int:
    from symness.models.xxz_boundary_driven import XXZDrive
    from symness.outputs import write_or_print

    params = XXZDrive(n=integer(args.n, "n", minimum=2, maximum=MAX_N),
                      delta=number(args.delta, "delta"),
                      mu=number(args.mu, "mu", minimum=-1, maximum=1),
                      eps=number(args.eps, "eps", minimum=0, open_minimum=True))
    show = params.n >= PROGRESS_FROM_N and sys.stderr.isatty()
    limit = float(number(args.max_memory, "max-memory", minimum=0, open_minimum=True)) * GIB
    if params.n >= PROGRESS_FROM_N:
        from symness.lindblad.steady_state import require_steady_state_fits

        require_steady_state_fits(params.n, args.method, limit)  # a refusal stays one line
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
        text = render(ness_table(params, report, command, rounded=args.format == "text"),
                      args.format)
    write_or_print(text, args.output)
    return 0


def register(subparsers) -> None:
    """Add the ``ness`` subcommand."""
    from symness.lindblad.steady_state import METHODS

    p = subparsers.add_parser(
        "ness", help="steady state of the boundary-driven XXZ chain (Prosen 2011)",
        description=__doc__.splitlines()[0])
    p.add_argument("--n", required=True, help="number of sites, integer 2..64 (what fits is "
                                                "decided by the memory estimate)")
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


