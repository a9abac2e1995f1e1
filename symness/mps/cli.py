"""``symness mps ness ...`` (one chain) and ``symness mps sweep ...`` (a scan).

Examples::

    symness mps ness --L 8 --delta 1 --h 0.6 --seed 0 --chi 32 --format json
    symness mps sweep --L 8,12 --delta 1 --h 0.6 --seeds 0-3 --results runs/d1.jsonl
"""

from __future__ import annotations

import json
import sys

from symness.validation import ParameterError, parse_number, require_int

__all__ = ["register", "current_errors"]


def _spec_args(p) -> None:
    p.add_argument("--delta", required=True, help="anisotropy Delta (e.g. 1, 3/2)")
    p.add_argument("--h", default="0",
                   help="disorder strength h >= 0 (default 0; sweep: a list like 0.3,0.6)")
    p.add_argument("--J", default="1", help="exchange J (default 1)")
    p.add_argument("--reservoir", default="linear",
                   help="gibbs | linear | auxiliary | edge-gibbs | magnetization (default linear)")
    p.add_argument("--beta-left", default="1/10", help="left inverse temperature (default 1/10)")
    p.add_argument("--beta-right", default="-1/10",
                   help="right inverse temperature (negative values: --beta-right=-1/10)")
    p.add_argument("--mu-left", default="0", help="left beta*mu (or <sigma^z> target)")
    p.add_argument("--mu-right", default="0", help="right beta*mu (or <sigma^z> target)")
    p.add_argument("--rate", default="1", help="reservoir coupling (default 1)")
    p.add_argument("--aux-length", default="6", help="auxiliary chain length (even)")
    p.add_argument("--chi", default="32", help="bond dimension (default 32)")
    p.add_argument("--dt", default="0.05", help="Trotter step (default 0.05)")
    p.add_argument("--order", default="2", help="Trotter order 2 or 4 (default 2)")
    p.add_argument("--tol", default="1e-4", help="stationarity tolerance (relative)")
    p.add_argument("--uniform-tol", default="1e-2", help="bulk-uniformity tolerance (relative)")
    p.add_argument("--atol", default="1e-5", help="currents below this count as zero")
    p.add_argument("--currents", default="spin,energy",
                   help="currents the NESS criterion judges: spin,energy (default), spin or "
                        "energy (an undriven current stays at noise level)")
    p.add_argument("--t-max", default="5000", help="give up (error) after this time")


def _int(text: str, name: str, minimum: int) -> int:
    value = parse_number(text, name)
    if value.denominator != 1:
        raise ParameterError(f"'{name}' must be an integer >= {minimum} (got {text})")
    return require_int(int(value), name, minimum=minimum)


def _spec(args, L: int, seed: int) -> dict:
    def res(beta, mu):
        return {"kind": args.reservoir, "beta": str(parse_number(beta, "beta")),
                "mu": str(parse_number(mu, "mu")), "rate": str(parse_number(args.rate, "rate")),
                "aux_length": _int(args.aux_length, "aux_length", 2)}

    settings = {"chi": _int(args.chi, "chi", 2), "dt": float(parse_number(args.dt, "dt")),
                "order": _int(args.order, "order", 2),
                "t_max": float(parse_number(args.t_max, "t_max")),
                "criterion": {"stationary_tol": float(parse_number(args.tol, "tol")),
                              "uniform_tol": float(parse_number(args.uniform_tol,
                                                                "uniform_tol")),
                              "atol": float(parse_number(args.atol, "atol")),
                              "currents": [c.strip() for c in args.currents.split(",")]}}
    return {"L": L, "delta": str(parse_number(args.delta, "delta")),
            "h": str(parse_number(args.h, "h")), "J": str(parse_number(args.J, "J")),
            "seed": seed, "left": res(args.beta_left, args.mu_left),
            "right": res(args.beta_right, args.mu_right), "settings": settings}


def _ints(text: str, name: str, minimum: int) -> list[int]:
    """``"8,12,16"`` or ``"0-9"`` (inclusive range) or a mix."""
    out: list[int] = []
    for part in text.split(","):
        if "-" in part.strip()[1:]:
            lo, hi = part.split("-", 1)
            out += range(_int(lo, name, minimum), _int(hi, name, minimum) + 1)
        else:
            out.append(_int(part, name, minimum))
    if not out:
        raise ParameterError(f"'{name}' must list at least one integer (got {text!r})")
    return out


def _cmd_ness(args) -> int:
    from symness.cli import write_or_print
    from symness.mps.sweep import chain_from_spec, settings_from_spec
    from symness.mps.transport import solve_ness

    spec = _spec(args, _int(args.L, "L", 2), _int(args.seed, "seed", 0))
    result = solve_ness(chain_from_spec(spec), settings_from_spec(spec)).as_dict()
    errors = current_errors(result)
    if args.format == "json":
        text = json.dumps({"command": "symness mps ness " + " ".join(sys.argv[3:]),
                           "spec": spec, **result, "errors": errors}, indent=1) + "\n"
    else:
        text = _ness_text(result, errors)
    write_or_print(text, args.output)
    return 0


def current_errors(result: dict) -> dict[str, float]:
    """Error estimate of each bulk current of a :class:`~symness.mps.transport.NessResult`.

    ``|j - j(chi/2)|`` (bond-dimension change, the dominant error: README, paper 002)
    + ``|j| (non-uniformity + non-stationarity)`` (spread of the bulk profile and remaining
    drift, both relative, from the convergence report).  Trotter error (``dt^order``) is not
    included.  NaN for a current without a uniformity/stationarity measure.
    """
    conv, chi = result["convergence"], result["chi_dependence"]
    errors = {}
    for kind in ("spin", "energy"):
        j = result[f"j_{kind}"]
        spread = (conv["uniformity"].get(kind, float("nan"))
                  + conv["stationarity"].get(kind, float("nan")))
        errors[f"j_{kind}"] = abs(j) * spread + (abs(chi[f"j_{kind}_low"] - j) if chi else 0.0)
    return errors


def _ness_text(result: dict, errors: dict[str, float]) -> str:
    """The text report: currents to the decimal place of their error, diagnostics at 2 digits."""
    from symness.outputs import format_error, round_to_error

    def two(values: dict) -> str:
        return ", ".join(f"{k} {v:.1e}" if isinstance(v, float) else f"{k} {v}"
                         for k, v in values.items())

    conv, tr, chi = result["convergence"], result["truncation"], result["chi_dependence"]
    lines = [f"{k:8s} = {round_to_error(result[k], errors[k])}  (error {format_error(errors[k])})"
             for k in ("j_spin", "j_energy")]
    lines.append(f"converged at t={conv['time']:g}: uniformity {two(conv['uniformity'])}; "
                 f"stationarity {two(conv['stationarity'])}")
    lines.append(f"truncation: max discarded weight {tr['discarded_max']:.1e}, "
                 f"chi reached {tr['chi_reached']}")
    if chi:
        lines.append(f"chi dependence (chi {chi['chi_low']}, dt {chi['dt']:g}, converged "
                     f"{chi['converged_low']}): j_spin {chi['j_spin_low']:.1e}, j_energy "
                     f"{chi['j_energy_low']:.1e}; relative change spin "
                     f"{chi['rel_change_spin']:.1e}, energy {chi['rel_change_energy']:.1e}")
    lines.append("error = |j - j(chi/2)| + |j| (uniformity + stationarity); Trotter error not "
                 "included" + ("" if chi else "; chi dependence not measured (--chi < 4)"))
    lines.append(f"{result['seconds']:.1f} s")
    return "\n".join(lines) + "\n"


def _cmd_sweep(args) -> int:
    from symness.mps.sweep import run_sweep

    if not args.results:
        raise ParameterError("'--results' is required: a sweep needs a file to write to")
    specs = []
    for h in args.h.split(","):
        args.h = h
        for L in _ints(args.L, "L", 2):
            for seed in _ints(args.seeds, "seeds", 0):
                specs.append(_spec(args, L, seed))
    summary = run_sweep(specs, args.results, executor="dask" if args.scheduler else "local",
                        scheduler=args.scheduler, workers=_int(args.workers, "workers", 1),
                        retries=_int(args.retries, "retries", 0), progress=not args.quiet)
    print(f"{summary.done} done, {summary.skipped} already in {args.results}, "
          f"{len(summary.failed)} failed", file=sys.stderr)
    return 1 if summary.failed else 0


def register(subparsers) -> None:
    """Add ``symness mps {ness,sweep}``."""
    mps = subparsers.add_parser("mps", help="matrix-product NESS of disordered XXZ chains (002)")
    sub = mps.add_subparsers(dest="mps_command", metavar="ACTION", parser_class=type(mps))
    mps.set_defaults(func=lambda args: (mps.print_help(), 0)[1])

    p = sub.add_parser("ness", help="NESS of one chain by TEBD")
    p.add_argument("--L", required=True, help="number of sites")
    p.add_argument("--seed", default="0", help="disorder realisation (default 0)")
    _spec_args(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--output", help="write the result atomically to this file")
    p.set_defaults(func=_cmd_ness)

    p = sub.add_parser("sweep", help="scan of sizes and realisations (resumable)")
    p.add_argument("--L", required=True, help="sizes, e.g. 8,12,16")
    p.add_argument("--seeds", default="0", help="realisations, e.g. 0-9 (default 0)")
    _spec_args(p)
    p.add_argument("--results", help="JSON-lines results file (required; resumed if present)")
    p.add_argument("--workers", default="1", help="local worker processes (default 1)")
    p.add_argument("--scheduler", help="Dask scheduler address (tcp://host:port)")
    p.add_argument("--retries", default="1", help="retries of a failed task (default 1)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_sweep)
