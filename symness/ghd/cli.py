"""``symness ghd profile``: LQSS profiles of the partitioning protocol (paper eq. (16)).

Examples::

    symness ghd profile --delta 1/2 --beta-left 1 --beta-right 2 --rays 201 --tol 1e-8
    symness ghd profile --gamma 1/4 --protocol domain-wall --rays 51
    symness ghd profile --delta 1/2 --protocol neel-bell --rays 101
    symness ghd profile --delta 1/2 --protocol neel-bell --gge truncated --order 2
"""

from __future__ import annotations

from fractions import Fraction
from functools import partial

import numpy as np

from symness.cli_inputs import integer, number, or_default
from symness.validation import ParameterError

__all__ = ["register", "gamma_over_pi_from_delta"]

#: Rational Delta whose arccos is a rational multiple of pi (Niven), within [0, 1).
_RATIONAL_DELTA = {Fraction(0): Fraction(1, 2), Fraction(1, 2): Fraction(1, 3)}


def gamma_over_pi_from_delta(delta: Fraction) -> Fraction:
    """gamma/pi for a rational Delta (only 0 and 1/2 qualify in the gapless range)."""
    if not -1 < delta < 1:
        raise ParameterError(f"'delta' must satisfy |delta| < 1 (gapless phase) (got {delta})")
    if delta not in _RATIONAL_DELTA:
        raise ParameterError(f"'delta' must be cos(pi r) with r rational in (0, 1/2]; the only "
                             f"rational such values are 0 and 1/2 (got {delta}); "
                             f"give --gamma r instead")
    return _RATIONAL_DELTA[delta]


#: Options used by one protocol only, and their defaults there.
PROTOCOL_OPTIONS = {"beta_left": ("two-temperature", "1"), "beta_right": ("two-temperature", "2"),
                    "gge": ("neel-bell", "exact")}


def _protocol_options(args) -> None:
    """Fill the defaults of the protocol's own options; another protocol's are refused."""
    for key, (protocol, default) in PROTOCOL_OPTIONS.items():
        if args.protocol == protocol:
            setattr(args, key, or_default(getattr(args, key), default))
        elif getattr(args, key) is not None:
            raise ParameterError(f"'{key.replace('_', '-')}' is used by --protocol {protocol} "
                                 f"only (got it with --protocol {args.protocol})")


def _cmd_profile(args) -> int:
    from symness.ghd.converged import converged_profile, format_with_error
    from symness.ghd.example2_exact import exact_quench_states
    from symness.ghd.profiles import (
        OBSERVABLES,
        domain_wall_states,
        quench_states,
        two_temperature_states,
    )
    from symness.outputs import Table, render, write_or_print
    from symness.tba.strings import string_content

    if args.delta is None and args.gamma is None:
        raise ParameterError("give one of --delta and --gamma")
    _protocol_options(args)
    if args.protocol == "neel-bell" and args.gge == "truncated":
        args.order = or_default(args.order, "2")
    elif args.order is not None:
        raise ParameterError("'order' is used by --protocol neel-bell --gge truncated only")
    args.tol = or_default(args.tol, "1e-8")
    if args.gamma is not None:
        g = number(args.gamma, "gamma", minimum=0, maximum=Fraction(1, 2), open_minimum=True)
    else:
        g = gamma_over_pi_from_delta(number(args.delta, "delta"))
    rays = integer(args.rays, "rays", minimum=2, maximum=100001)
    zmax = float(number(args.zeta_max, "zeta-max", minimum=0, open_minimum=True))
    step = float(number(args.step, "step", minimum=Fraction(1, 200), maximum=Fraction(1, 2)))
    rtol = float(number(args.tol, "tol", minimum=Fraction(1, 10**12), maximum=Fraction(1, 100)))
    content = string_content(g)
    params = {"gamma/pi": str(g), "delta": round(content.delta, 15), "protocol": args.protocol,
              "rays": rays, "zeta_max": zmax, "tol": rtol, "first_step": step}
    if args.protocol == "two-temperature":
        bl = float(number(args.beta_left, "beta-left", minimum=0))
        br = float(number(args.beta_right, "beta-right", minimum=0))
        params |= {"beta_left": bl, "beta_right": br}
        states = partial(two_temperature_states, content, bl, br)
    elif args.protocol == "neel-bell" and args.gge == "exact":
        if g != Fraction(1, 3):
            raise ParameterError(f"'delta' must be 1/2 for --protocol neel-bell --gge exact "
                                 f"(the exact states are derived at Delta = cos(pi/3)); "
                                 f"got gamma/pi = {g}; use --gge truncated")
        params |= {"gge": "exact"}
        states = exact_quench_states
    elif args.protocol == "neel-bell":
        order = integer(args.order, "order", minimum=1, maximum=4)
        params |= {"gge": "truncated", "order": order}
        states = partial(quench_states, content, order=order)
    else:
        states = partial(domain_wall_states, content)
    zetas = np.linspace(-zmax, zmax, rays)
    conv = converged_profile(states, zetas, rtol=rtol, step=step)
    prof, errors = conv.profile, conv.errors
    if args.format in ("text", "md"):   # rounded to the error; csv, json: full precision + errors
        rows = [[round(float(z), 12)] + [format_with_error(prof.values[k][i], errors[k])
                                         for k in OBSERVABLES] for i, z in enumerate(zetas)]
        columns = ["zeta", *OBSERVABLES]
    else:
        rows = [[round(float(z), 12)] + [float(prof.values[k][i]) for k in OBSERVABLES]
                + [float(errors[k]) for k in OBSERVABLES] for i, z in enumerate(zetas)]
        columns = ["zeta", *OBSERVABLES, *(f"{k}_error" for k in OBSERVABLES)]
    command = ("symness ghd profile " + (f"--gamma {g}" if args.gamma else f"--delta {args.delta}")
               + f" --protocol {args.protocol} --rays {rays} --zeta-max {args.zeta_max}"
               + f" --tol {args.tol} --step {args.step}")
    if args.protocol == "two-temperature":
        command += f" --beta-left {args.beta_left} --beta-right {args.beta_right}"
    if args.protocol == "neel-bell":
        command += f" --gge {args.gge}" + (f" --order {args.order}" if args.order else "")
    rel = max(conv.relative_errors.values())
    tab = Table(title=f"LQSS profiles (Bertini et al. 2016, eq. (16)), Delta = cos(pi*{g})",
                columns=columns, rows=rows, command=command, parameters=params,
                notes=["q1 = energy density of H - Delta L/4, q2 = -(energy current), sz, and "
                       "the currents of eq. (14) (zero in the all-up state); spin-1/2, J = 1",
                       "estimated absolute errors (sup over rays): "
                       + ", ".join(f"{k} {errors[k]:.1e}" for k in OBSERVABLES),
                       "error = Richardson between rapidity steps h and h/2 for order 4 "
                       "(measured order 6) + change from cutoff 15 to 17; every value is "
                       "printed to the decimal place of its error",
                       f"rapidity steps {', '.join(f'{h:g}' for h in conv.steps)}; largest "
                       f"relative error {rel:.1e} (target {rtol:.0e}); observed order "
                       f"{conv.observed_order:.1f}", *_gge_note(args)])
    write_or_print(render(tab, args.format), args.output)
    return 0


def _gge_note(args) -> list[str]:
    """The boundary states of --protocol neel-bell, and what they rest on."""
    if args.protocol != "neel-bell":
        return []
    if args.gge == "truncated":
        return [f"truncated GGEs of Q_1, Q_3, .., Q_{2 * int(args.order) - 1}: they lack the "
                "quasi-local charges (the profile error above is that of the rapidity grid "
                "only, not of the truncation)"]
    return ["exact GGEs of the Neel and Bell-pair quenches (tba.string_charge: string-charge "
            "duality; closure eta_3 = 1/eta_2 tested by the Y-system for Neel (1e-11), "
            "argued but not tested for the Bell pairs)"]


def register(subparsers) -> None:
    """Add ``symness ghd ...`` to the CLI."""
    ghd = subparsers.add_parser("ghd", help="generalized hydrodynamics of XXZ (paper 003)")
    sub = ghd.add_subparsers(dest="ghd_command", metavar="GHD_COMMAND",
                             parser_class=type(subparsers._parser_class()))
    p = sub.add_parser("profile", help="LQSS profiles of the partitioning protocol")
    anisotropy = p.add_mutually_exclusive_group()
    anisotropy.add_argument("--delta", help="anisotropy, exact (0 or 1/2); or use --gamma")
    anisotropy.add_argument("--gamma", help="gamma/pi, rational in (0, 1/2], e.g. 1/4")
    p.add_argument("--protocol", choices=("two-temperature", "domain-wall", "neel-bell"),
                   default="two-temperature",
                   help="neel-bell: Example 2 (Neel | Bell pairs), Delta = 1/2 for --gge exact")
    p.add_argument("--gge", choices=("exact", "truncated"),
                   help="neel-bell: exact steady states (string-charge duality, default) or "
                        "truncated GGEs of Q_1, Q_3, .., Q_{2K-1}")
    p.add_argument("--order", help="K of the neel-bell truncated GGEs, 1..4 (default 2)")
    p.add_argument("--beta-left", help="two-temperature: left inverse temperature (default 1)")
    p.add_argument("--beta-right", help="two-temperature: right inverse temperature (default 2)")
    p.add_argument("--rays", default="201", help="number of rays zeta, 2..100001 (default 201)")
    p.add_argument("--zeta-max", default="1.5")
    p.add_argument("--tol", help="target relative error of every profile (sets the rapidity "
                                 "grid; default 1e-8)")
    p.add_argument("--step", default="1/20", help="coarsest rapidity step of the refinement")
    p.add_argument("--format", choices=("text", "md", "csv", "json"), default="text")
    p.add_argument("--output")
    p.set_defaults(func=_cmd_profile)
    ghd.set_defaults(func=lambda args: (ghd.print_help(), 0)[1])
