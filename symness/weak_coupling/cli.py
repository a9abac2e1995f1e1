"""``symness weak-coupling profile``: zeroth-order temperature profile (Ishida & Sugita 2022)."""

from __future__ import annotations

import json
import math

from symness.cli_inputs import integer, number
from symness.validation import ParameterError, require_choice

MODELS = ("tilted-ising", "transverse-ising", "xy", "xxz-field", "generic-anisotropic")

EPILOG = """examples:
  symness weak-coupling profile --n 6 --theta 1/4 --t-left 3/2 --t-right 1/2
  symness weak-coupling profile --n 8 --model xxz-field --format json
theta is in units of pi (--theta 1/4 means pi/4); it sets the tilted Ising field angle
and the bath coupling sigma^z' = cos(theta) sigma^z - sin(theta) sigma^x (B1)."""


def register(subparsers) -> None:
    """Add ``weak-coupling profile`` to the ``symness`` parser."""
    import argparse

    top = subparsers.add_parser("weak-coupling",
                                help="Ishida-Sugita weak-coupling NESS (paper 001)")
    sub = top.add_subparsers(dest="weak_command", metavar="ACTION")
    p = sub.add_parser("profile", help="zeroth-order temperature profile from the engine",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", default="6", help="number of spins, 2..10 (default 6)")
    p.add_argument("--theta", default="1/4", help="field/bath angle in units of pi (default 1/4)")
    p.add_argument("--t-left", default="3/2", help="left bath temperature T_L > 0 (default 3/2)")
    p.add_argument("--t-right", default="1/2", help="right bath temperature T_R > 0 (default 1/2)")
    p.add_argument("--h", default="1", help="field h != 0 (default 1)")
    p.add_argument("--model", default="tilted-ising", help=f"one of {', '.join(MODELS)}")
    p.add_argument("--format", default="text", help="text or json")
    p.add_argument("--output", help="write to this file (atomically)")
    p.set_defaults(func=_profile)


def _profile_text(rows: list, title: str) -> str:
    """Text table: every value to the decimal place of its float64 error bound, stated below."""
    from symness.outputs import format_error, round_to_error

    cells = [(f"{s:4d}", round_to_error(t, dt), round_to_error(temp, dtemp))
             for s, t, temp, dt, dtemp in rows]
    width = max(len("t_l=-<sz_l>"), *(len(c[1]) for c in cells))
    lines = [title, f"site  {'t_l=-<sz_l>':{width}s}  T_l"]
    lines += [f"{s}  {t:{width}s}  {temp}" for s, t, temp in cells]
    lines.append(f"error bounds (float64, 10 sqrt(d) u kappa): t_l {format_error(rows[0][3])}, T_l "
                 f"<= {format_error(max(r[4] for r in rows))}; every value is printed to the "
                 "decimal place of its error (--format json: full precision and the errors)")
    return "\n".join(lines) + "\n"


def _profile(args) -> int:
    from symness.outputs import write_or_print
    from symness.weak_coupling.profile_cli import profile_rows

    n = integer(args.n, "n", minimum=2, maximum=10)
    theta = number(args.theta, "theta", minimum=0, maximum=1)
    t_left = number(args.t_left, "t-left", minimum=0, open_minimum=True)
    t_right = number(args.t_right, "t-right", minimum=0, open_minimum=True)
    h = number(args.h, "h")
    if h == 0:
        raise ParameterError("'h' must be nonzero (got 0)")
    model = require_choice(args.model, "model", MODELS)
    fmt = require_choice(args.format, "format", ("text", "json"))
    try:
        rows = profile_rows(n, float(theta) * math.pi, float(t_left), float(t_right), float(h),
                            model)
    except ArithmeticError as exc:  # KernelError: no unique zeroth order for these parameters
        raise ParameterError(f"no unique zeroth-order state for these parameters: {exc}") from None
    if fmt == "json":
        payload = {"command": "symness weak-coupling profile", "n": n, "theta_over_pi": str(theta),
                   "T_L": str(t_left), "T_R": str(t_right), "h": str(h), "model": model,
                   "sites": [{"site": s, "t": t, "T": temp, "t_error": dt, "T_error": dtemp}
                             for s, t, temp, dt, dtemp in rows]}
        text = json.dumps(payload, indent=1) + "\n"
    else:
        text = _profile_text(rows, f"# zeroth-order profile, {model}, n={n}, theta={theta}*pi, "
                                   f"T_L={t_left}, T_R={t_right}, h={h} (Ishida-Sugita (45)-(47))")
    write_or_print(text, args.output)
    return 0
