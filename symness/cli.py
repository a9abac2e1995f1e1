"""Command-line interface: ``symness verify | claims | table | figure | bench | ...``.

A thin layer over the library (TeNPy's ``console_main`` shape): :func:`main`
takes ``argv`` and returns the exit status, so it is testable in-process.
Subcommands of the paper packages are discovered from ``symness/<pkg>/cli.py``,
each of which defines ``register(subparsers)``.  Bad input is reported as one
line naming the parameter, with exit status 2; no traceback.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import pkgutil
import sys
from pathlib import Path

from symness import __version__
from symness.validation import ParameterError, SolverError

__all__ = ["main", "build_parser", "CliError", "write_or_print"]

DESCRIPTION = ("Verify, compute and tabulate nonequilibrium steady states of quantum spin chains "
               "(papers 000-004; see README).")

EPILOG = """examples:
  symness verify                      run every fast claim
  symness verify prosen2011 --slow    one paper, slow claims included
  symness ness --n 6 --delta 1/2 --mu 1 --eps 1e-3 --format json
  symness table --list
"""


class CliError(Exception):
    """A one-line usage error (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose errors are one line and exit status 2."""

    def error(self, message: str):  # noqa: D102 - argparse hook
        raise CliError(message)


def write_or_print(text: str, output: str | None) -> None:
    """Print ``text``, or write it atomically to ``output`` when given."""
    if output:
        from symness.outputs import atomic_write_text

        atomic_write_text(output, text)
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def _cmd_claims(args) -> int:
    from symness.claims import select

    for c in select(args.pattern, slow=True):
        slow = " [slow]" if c.slow else ""
        print(f"{c.id:40s} {c.paper:10s} {c.equation:14s} {c.kind:12s}{slow}  {c.statement}")
    return 0


def _fmt_err(value: float | None) -> str:
    return "-" if value is None else f"{value:.2e}"


def _cmd_verify(args) -> int:
    from symness.claims import select

    claims = select(args.pattern, slow=args.slow)
    if not claims:
        raise CliError(f"no claim matches {args.pattern!r} (see 'symness claims')")
    verdicts = []
    for c in claims:
        v = c.run()
        verdicts.append(v)
        if args.format == "text":
            mark = "PASS" if v.passed else "FAIL"
            print(f"{mark} {v.claim_id:42s} {v.equation:12s} {v.status:12s} "
                  f"err={_fmt_err(v.error):9s} tol={_fmt_err(v.tolerance):9s} "
                  f"{v.seconds:7.2f}s  {v.detail}", flush=True)
    failed = [v for v in verdicts if not v.passed]
    if args.format == "json":
        write_or_print(json.dumps({"symness_version": __version__,
                                   "verdicts": [v.as_dict() for v in verdicts]}, indent=1) + "\n",
                       args.output)
    else:
        print(f"{len(verdicts) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def _entry(store: dict, name: str | None, what: str):
    """The registered entry ``name`` of ``store``, or ``None`` after listing all entries."""
    if not name:
        for e in store.values():
            print(f"{e.name:24s} {e.description}")
        return None
    if name not in store:
        raise CliError(f"unknown {what} {name!r}; choose from {sorted(store)}")
    return store[name]


def _keyword_options(generator) -> list[str]:
    return [p.name for p in inspect.signature(generator).parameters.values()
            if p.kind is inspect.Parameter.KEYWORD_ONLY]


def _generator_options(generator, args) -> dict:
    """Options for a table generator, from ``--max-m 5``-style flags and ``--set KEY=VALUE``.

    Integer literals become ``int``; everything else is passed as text for the
    generator to parse exactly.
    """
    allowed = _keyword_options(generator)
    given = {key: value for key, value in vars(args).items()
             if key.startswith("opt_") and value is not None}
    pairs = [f"{key[4:]}={value}" for key, value in given.items()] + list(args.set or [])
    options = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or key not in allowed:
            flags = ", ".join("--" + a.replace("_", "-") for a in allowed) or "none"
            raise CliError(f"table {args.name!r} takes the options {flags} "
                           f"(or '--set' KEY=VALUE); got {pair!r}")
        options[key] = int(value) if value.lstrip("-").isdigit() else value
    return options


def _cmd_table(args) -> int:
    from symness import outputs

    outputs.load_all()
    entry = _entry(outputs.tables, None if args.list else args.name, "table")
    if entry is None:
        return 0
    tab = entry.generator(**_generator_options(entry.generator, args))
    if args.write:
        base = Path(args.write)
        for fmt in ("md", "csv", "json"):
            outputs.atomic_write_text(base.with_suffix(f".{fmt}"), outputs.render(tab, fmt))
            print(f"wrote {base.with_suffix(f'.{fmt}')}", file=sys.stderr)
        return 0
    write_or_print(outputs.render(tab, args.format), args.output)
    return 0


def _cmd_figure(args) -> int:
    from symness import outputs

    outputs.load_all()
    entry = _entry(outputs.figures, None if args.list else args.name, "figure")
    if entry is None:
        return 0
    for path in entry.generator(Path(args.outdir)):
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _cmd_bench(args) -> int:
    from symness import benchmarks
    from symness.outputs import render

    reg = benchmarks.load_all()
    names = [] if args.list else args.name
    runs = [_entry(reg, name, "benchmark") for name in names] or [_entry(reg, None, "benchmark")]
    if runs == [None]:
        return 0
    for bench in runs:
        write_or_print(render(bench.run(quick=args.quick), args.format), args.output)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, including the paper packages' subcommands."""
    parser = _Parser(prog="symness", description=DESCRIPTION, epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"symness {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("verify", help="run claims and print a verdict table")
    p.add_argument("pattern", nargs="*", help="claim id prefixes or shell patterns")
    p.add_argument("--slow", action="store_true", help="include slow claims")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--output", help="write the JSON output atomically to this file")
    p.set_defaults(func=_cmd_verify)

    p = sub.add_parser("claims", help="list registered claims")
    p.add_argument("pattern", nargs="*")
    p.set_defaults(func=_cmd_claims)

    p = sub.add_parser("table", help="generate a registered table")
    p.add_argument("name", nargs="?")
    p.add_argument("--list", action="store_true")
    p.add_argument("--format", choices=("text", "md", "csv", "json"), default="text")
    p.add_argument("--set", action="append", metavar="KEY=VALUE",
                   help="generator option (repeatable)")
    p.add_argument("--output", help="write to this file (atomically)")
    p.add_argument("--write", metavar="BASE",
                   help="write BASE.md, BASE.csv and BASE.json (e.g. tables/mazur_dz)")
    from symness import outputs

    outputs.load_all()
    table_options = {o for e in outputs.tables.values() for o in _keyword_options(e.generator)}
    for option in sorted(table_options):
        p.add_argument("--" + option.replace("_", "-"), dest="opt_" + option,
                       help="option of the tables that take it (see 'symness table NAME --help')")
    p.set_defaults(func=_cmd_table)

    p = sub.add_parser("figure", help="draw a registered figure (PNG + CSV)")
    p.add_argument("name", nargs="?")
    p.add_argument("--list", action="store_true")
    p.add_argument("--outdir", default="tables", help="output folder (default: tables)")
    p.set_defaults(func=_cmd_figure)

    p = sub.add_parser("bench", help="run benchmarks (ratios against a baseline)")
    p.add_argument("name", nargs="*")
    p.add_argument("--list", action="store_true")
    p.add_argument("--quick", action="store_true", help="small sizes only")
    p.add_argument("--format", choices=("text", "md", "csv", "json"), default="text")
    p.add_argument("--output")
    p.set_defaults(func=_cmd_bench)

    import symness

    for info in sorted(pkgutil.iter_modules(symness.__path__), key=lambda i: i.name):
        name = f"symness.{info.name}.cli"
        if info.ispkg and importlib.util.find_spec(name) is not None:
            importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit status.

    0 ok; 1 a claim failed or a solver could not vouch for its result
    (:class:`~symness.validation.SolverError`, printed as one line); 2 bad input.
    """
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return 0
        return int(args.func(args) or 0)
    except (CliError, ParameterError) as exc:
        print(f"symness: error: {exc}", file=sys.stderr)
        return 2
    except SolverError as exc:
        print(f"symness: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("symness: interrupted", file=sys.stderr)
        return 130
