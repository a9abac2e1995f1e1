"""``symness mps ness``, ``sweep`` and ``status``: one chain, a scan, a scan's running tasks.

Examples::

    symness mps ness --L 8 --delta 1 --h 0.6 --seed 0 --chi 32 --format json
    symness mps sweep --L 8,12 --delta 1 --h 0.6 --seeds 0-3 --results runs/d1.jsonl
    symness mps status --results runs/d1.jsonl
"""

from __future__ import annotations

import json
import sys
from fractions import Fraction
from pathlib import Path

from symness.cli_inputs import (
    MAX_LIST,
    check_jsonl,
    integer,
    integer_list,
    name_list,
    number,
    number_list,
    or_default,
    scheduler_address,
)
from symness.validation import ParameterError

MAX_SEED = 2**32 - 1
MAX_WORKERS = 256

__all__ = ["register", "current_errors"]


def _spec_args(p) -> None:
    p.add_argument("--delta", required=True, help="anisotropy Delta (e.g. 1, 3/2)")
    p.add_argument("--h", default="0",
                   help="disorder strength h >= 0 (default 0; sweep: a list like 0.3,0.6)")
    p.add_argument("--J", default="1", help="exchange J (default 1)")
    p.add_argument("--reservoir", default="linear", choices=RESERVOIRS,
                   help="reservoir kind (default linear)")
    p.add_argument("--beta-left", default="1/10", help="left inverse temperature (default 1/10)")
    p.add_argument("--beta-right", default="-1/10",
                   help="right inverse temperature (negative values: --beta-right=-1/10)")
    p.add_argument("--mu-left", default="0", help="left beta*mu (or <sigma^z> target)")
    p.add_argument("--mu-right", default="0", help="right beta*mu (or <sigma^z> target)")
    p.add_argument("--rate", default="1", help="reservoir coupling (default 1)")
    p.add_argument("--aux-length",
                   help="auxiliary chain length, even, 2..12 (default 6; --reservoir auxiliary)")
    p.add_argument("--chi", default="32", help="bond dimension, 2..4096 (default 32)")
    p.add_argument("--dt", default="0.05",
                   help="Trotter step, dt * max(|J|, |J Delta|, h) <= 1 (default 0.05)")
    p.add_argument("--order", default="2", help="Trotter order 2 or 4 (default 2)")
    p.add_argument("--tol", default="1e-4", help="stationarity tolerance, relative, in (0, 1)")
    p.add_argument("--uniform-tol", default="1e-2",
                   help="bulk-uniformity tolerance, relative, in (0, 1)")
    p.add_argument("--atol", default="1e-5",
                   help="currents below this count as zero, in (0, 1e-2] (default 1e-5)")
    p.add_argument("--currents", default="spin,energy",
                   help="currents the NESS criterion judges: spin,energy (default), spin or "
                        "energy (an undriven current stays at noise level)")
    p.add_argument("--t-max", default="5000", help="give up (error) after this time")


#: Reservoir kinds of :mod:`symness.models.thermal_reservoirs` (``KINDS``; listed here so that
#: ``mps --help`` imports no numerics; a test compares the two).
RESERVOIRS = ("gibbs", "linear", "auxiliary", "edge-gibbs", "magnetization")
CURRENTS = ("spin", "energy")
#: Largest chain length and bond dimension parsed (paper 002 reaches L = 100 and chi = 256);
#: what fits the machine is decided by the memory estimate, these bounds only refuse typos.
MAX_L = 1000
MAX_CHI = 4096
#: Largest atol: currents below it count as zero, and the drives of paper 002 carry currents
#: from ~1e-4 to 0.2 (tables/mendoza2019_*.jsonl); a larger atol would call them all zero.
MAX_ATOL = Fraction(1, 100)
#: dt times the largest local energy scale max(|J|, |J Delta|, h) must stay below this: at
#: dt E ~ 1 a Trotter step's error O((dt E)^3) is of the order of the step itself.
MAX_TROTTER_PHASE = 1


def _reservoir(args, side: str, J: Fraction, delta: Fraction) -> dict:
    """The reservoir of ``side`` (``"left"``/``"right"``), its options named as typed."""
    beta = number(getattr(args, f"beta_{side}"), f"beta-{side}")
    mu = number(getattr(args, f"mu_{side}"), f"mu-{side}")
    if args.reservoir == "linear":
        from symness.models.thermal_reservoirs import linear_target

        try:
            linear_target(J, delta, beta, mu)
        except ParameterError:
            raise ParameterError(
                f"'beta-{side}' = {beta} and 'mu-{side}' = {mu} are too large for the linear "
                f"reservoir at J = {J}, Delta = {delta}: 1 - beta eps + mu M (first order) has a "
                f"negative eigenvalue; use smaller values or --reservoir gibbs") from None
    return {"kind": args.reservoir, "beta": str(beta), "mu": str(mu),
            "rate": str(number(args.rate, "rate", minimum=0, open_minimum=True)),
            "aux_length": _aux_length(args)}


def _aux_length(args) -> int:
    """``--aux-length`` (default 6, stored in every task as before), only for ``auxiliary``."""
    if args.aux_length is not None and args.reservoir != "auxiliary":
        raise ParameterError(f"'aux-length' is used by --reservoir auxiliary only (got it with "
                             f"--reservoir {args.reservoir})")
    m = integer(or_default(args.aux_length, "6"), "aux-length", minimum=2, maximum=12)
    if m % 2:
        raise ParameterError(f"'aux-length' must be even (got {m})")
    return m


def _settings(args, energies: dict[str, Fraction]) -> dict:
    """Solver settings; the largest of ``energies`` (|J|, |J Delta|, h) bounds the Trotter step."""
    dt = number(args.dt, "dt", minimum=0, open_minimum=True)
    name = max(energies, key=energies.get)
    if dt * energies[name] > MAX_TROTTER_PHASE:
        raise ParameterError(f"'{name}' = {getattr(args, name)} with 'dt' = {args.dt}: dt times "
                             f"the largest energy max(|J|, |J Delta|, h) = "
                             f"{float(dt * energies[name]):.3g} must be <= {MAX_TROTTER_PHASE} "
                             f"(a Trotter step that large is no approximation); lower --dt or "
                             f"--{name}")
    order = integer(args.order, "order", minimum=2, maximum=4)
    if order == 3:
        raise ParameterError("'order' must be 2 or 4 (got 3)")
    relative = {"minimum": 0, "maximum": 1, "open_minimum": True, "open_maximum": True}
    return {"chi": integer(args.chi, "chi", minimum=2, maximum=MAX_CHI), "dt": float(dt),
            "order": order,
            "t_max": float(number(args.t_max, "t-max", minimum=0, open_minimum=True)),
            "criterion": {"stationary_tol": float(number(args.tol, "tol", **relative)),
                          "uniform_tol": float(number(args.uniform_tol, "uniform-tol",
                                                      **relative)),
                          "atol": float(number(args.atol, "atol", minimum=0, maximum=MAX_ATOL,
                                               open_minimum=True)),
                          "currents": name_list(args.currents, "currents", CURRENTS)}}


def _spec(args, L: int, seed: int, h: Fraction) -> dict:
    """One task of ``mps ness``/``mps sweep`` from the parsed options (checked here)."""
    delta, J = number(args.delta, "delta"), number(args.J, "J")
    settings = _settings(args, {"J": abs(J), "delta": abs(J * delta), "h": h})
    return {"L": L, "delta": str(delta), "h": str(h), "J": str(J), "seed": seed,
            "left": _reservoir(args, "left", J, delta),
            "right": _reservoir(args, "right", J, delta), "settings": settings}


def _cmd_ness(args) -> int:
    from symness.mps.sweep import chain_from_spec, settings_from_spec
    from symness.mps.transport import solve_ness
    from symness.outputs import write_or_print

    spec = _spec(args, integer(args.L, "L", minimum=2, maximum=MAX_L),
                 integer(args.seed, "seed", minimum=0, maximum=MAX_SEED),
                 number(args.h, "h", minimum=0))
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
    sizes = integer_list(args.L, "L", minimum=2, maximum=MAX_L)
    seeds = integer_list(args.seeds, "seeds", minimum=0, maximum=MAX_SEED)
    fields = number_list(args.h, "h", minimum=0)
    if len(sizes) * len(seeds) * len(fields) > MAX_LIST:
        raise ParameterError(f"'L' x 'seeds' x 'h' make {len(sizes) * len(seeds) * len(fields)} "
                             f"tasks; at most {MAX_LIST} per sweep")
    specs = [_spec(args, L, seed, h) for h in fields for L in sizes for seed in seeds]
    workers = integer(or_default(args.workers, "1"), "workers", minimum=1, maximum=MAX_WORKERS)
    retries = integer(args.retries, "retries", minimum=0, maximum=100)
    scheduler = scheduler_address(args.scheduler, "scheduler") if args.scheduler else None
    every = or_default(args.checkpoint_every, "600")
    every = None if every == "off" else float(number(every, "checkpoint-every", minimum=0))
    check_jsonl(Path(args.results), "results")
    summary = run_sweep(specs, args.results, executor="dask" if scheduler else "local",
                        scheduler=scheduler, workers=workers, retries=retries,
                        progress=not args.quiet, checkpoint_every=every)
    print(f"{summary.done} done, {summary.skipped} already in {args.results}, "
          f"{len(summary.failed)} failed", file=sys.stderr)
    return 1 if summary.failed else 0


def status_line(state: dict) -> str:
    """One line of ``mps status``: a running task's latest convergence check."""
    judged = state.get("judged") or []
    measures = "; ".join(
        f"{kind} uniformity {state['uniformity'].get(kind, float('nan')):.2g} "
        f"(tol {state['uniform_tol']:g}), stationarity "
        f"{state['stationarity'].get(kind, float('nan')):.2g} (tol {state['stationary_tol']:g})"
        for kind in judged)
    age = state.get("checkpoint_age")
    saved = "" if age is None else f"; checkpoint saved {age / 60:.0f} min ago"
    if state["alive"]:
        where = ""
    elif age is None:
        where = " [worker gone: stopped]"
    else:
        where = " [worker gone: stopped, a rerun resumes from the checkpoint]"
    return (f"L={state['L']} delta={state['delta']} h={state['h']} seed={state['seed']}: "
            f"chi {state['chi']}, dt {state['dt']:g}, t={state['time']:g}; {measures}; "
            f"{state['wall_seconds'] / 60:.1f} min{saved}{where}")


def _cmd_status(args) -> int:
    from symness.mps.sweep import running_tasks

    states = running_tasks(args.results)
    if args.format == "json":
        print(json.dumps(states, indent=1, sort_keys=True))
    elif not states:
        print(f"no task of {args.results} is running")
    else:
        print("\n".join(status_line(s) for s in states))
    return 0


def register(subparsers) -> None:
    """Add ``symness mps {ness,sweep,status}``."""
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
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", help="local worker processes (default 1)")
    where.add_argument("--scheduler", help="Dask scheduler address (tcp://host:port); its "
                                           "workers run the tasks (not with --workers)")
    p.add_argument("--retries", default="1", help="retries of a failed task (default 1)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--checkpoint-every",
                   help="wall seconds between checkpoints of a running task, from which a "
                        "killed sweep resumes it (default 600; 0: every check; off: none)")
    p.set_defaults(func=_cmd_sweep)

    p = sub.add_parser("status", help="latest convergence check of a sweep's running tasks")
    p.add_argument("--results", required=True, help="the sweep's JSON-lines results file")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=_cmd_status)
