"""Command-line interface: ``symness verify | claims | table | figure | bench | ...``.

A thin layer over the library (TeNPy's ``console_main`` shape): :func:`main`
takes ``argv`` and returns the exit status, so it is testable in-process.
Subcommands of the paper packages are discovered from ``symness/<pkg>/cli.py``,
each of which defines ``register(subparsers)``; their names and help are read with
:mod:`ast` and only the package whose command runs is imported, so ``--help`` and
listings start in a fraction of a second (issue 25).  Bad input is reported as one
line naming the parameter, with exit status 2; no traceback.
"""

from __future__ import annotations

import argparse
import ast
import functools
import importlib
import inspect
import json
import re
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path

from symness import __version__
from symness.validation import ParameterError, SolverError, parse_number

__all__ = ["main", "build_parser", "CliError", "paper_commands"]

DESCRIPTION = ("Verify, compute and tabulate nonequilibrium steady states of quantum spin chains "
               "(papers 000-004; see README).")

EPILOG = """examples:
  symness verify                      run every fast claim (progress on stderr)
  symness verify 002 --slow           one paper (number or key), slow claims included
  symness verify pz2009-ballistic     a claim by its short name
  symness ness --n 6 --delta 1/2 --mu 1 --eps 1e-3 --format json
  symness table --list                tables ([slow] marked); figure --list likewise
  symness table prosen2011-mazur --help   one table's options and cost
  symness figure prosen2011-fig2 --outdir figs   (default: a new temporary folder)

BLAS/OpenMP pools run one thread unless SYMNESS_THREADS or OMP_NUM_THREADS is set.
"""


class CliError(Exception):
    """A one-line usage error (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose errors are one line and exit status 2."""

    hint = ""

    def error(self, message: str):  # noqa: D102 - argparse hook
        raise CliError(message + self.hint)


def _cmd_claims(args) -> int:
    from symness.claims import matching_declared

    found = matching_declared(args.pattern)
    if not found:
        raise CliError(f"no claim matches {' '.join(args.pattern)!r} (see 'symness claims')")
    width = max(len(c.id) for c in found)
    for c in found:
        slow = " [slow]" if c.slow else ""
        print(f"{c.id:{width}s}  {c.paper:10s} {c.equation:14s} {c.kind:12s}{slow}  "
              f"{c.statement}")
    return 0


def _fmt_err(value: float | None) -> str:
    return "-" if value is None else f"{value:.2e}"


def _paper_title(paper: str) -> str:
    from symness.claims import PAPERS

    return f"== {paper}: {PAPERS[paper].split('  ', 1)[-1]}"


def _slow_note(skipped: list, patterns: list[str]) -> str:
    """How many matching slow claims were not run, their last duration here, how to run them."""
    from symness.progress import format_seconds, load_timings

    timed = load_timings("claims")
    known = [timed[c.id] for c in skipped if c.id in timed]
    cost = (f"; their last runs here took {format_seconds(sum(known))} in all"
            if len(known) == len(skipped) else "")
    names = ", ".join(c.id for c in skipped[:4]) + (", ..." if len(skipped) > 4 else "")
    again = " ".join(["symness verify --slow", *(shlex.quote(p) for p in patterns)])
    return (f"{len(skipped)} matching slow claim{'s' if len(skipped) > 1 else ''} not run "
            f"({names}){cost}; run with: {again}")


def _cmd_verify(args) -> int:
    from symness.claims import matching
    from symness.progress import Progress, format_seconds

    found = matching(args.pattern)
    if not found:
        raise CliError(f"no claim matches {' '.join(args.pattern)!r} (see 'symness claims')")
    todo = [c for c in found if args.slow or not c.slow]
    skipped = [c for c in found if not (args.slow or not c.slow)]
    text = args.format == "text"
    width = max((len(c.id) for c in todo), default=0)
    verdicts, paper = [], None
    with Progress([c.id for c in todo], kind="claims", enabled=not args.no_progress) as bar:
        for c in todo:
            bar.start(c.id)
            v = c.run()
            bar.finish(c.id, v.seconds)
            verdicts.append(v)
            if text:
                bar.clear()
                if c.paper != paper:
                    paper = c.paper
                    print(_paper_title(paper))
                mark = "PASS" if v.passed else "FAIL"
                print(f"{mark} {v.claim_id:{width}s} {v.equation:12s} {v.status:12s} "
                      f"err={_fmt_err(v.error):9s} tol={_fmt_err(v.tolerance):9s} "
                      f"{v.seconds:7.2f}s  {v.detail}", flush=True)
        elapsed = time.perf_counter() - bar.started
    failed = [v for v in verdicts if not v.passed]
    if args.format == "json":
        from symness.outputs import write_or_print

        write_or_print(json.dumps({"symness_version": __version__,
                                   "verdicts": [v.as_dict() for v in verdicts],
                                   "skipped_slow": [c.id for c in skipped]}, indent=1) + "\n",
                       args.output)
    else:
        print(f"{len(verdicts) - len(failed)} passed, {len(failed)} failed, "
              f"{len(skipped)} slow skipped, {format_seconds(elapsed)}")
        if failed:
            print("failed: " + ", ".join(v.claim_id for v in failed))
    if skipped:
        print(_slow_note(skipped, args.pattern), file=sys.stderr if args.format == "json"
              else sys.stdout)
    return 1 if failed else 0


def _list_entries(entries: list, kind: str) -> None:
    """One line per entry: name, [slow], last measured run here, description, former names."""
    from symness.progress import format_seconds, load_timings

    timed = load_timings(kind)
    width = max(len(e.name) for e in entries)
    for e in entries:
        cost = f"last run here {format_seconds(timed[e.name])}; " if e.name in timed else ""
        former = f" (also: {', '.join(e.aliases)})" if e.aliases else ""
        print(f"{e.name:{width}s}  {'[slow]' if e.slow else '      '}  {cost}{e.description}"
              f"{former}")


def _keyword_defaults(generator) -> dict:
    """Keyword-only parameters of a generator and their defaults (``None`` if required)."""
    return {p.name: (None if p.default is inspect.Parameter.empty else p.default)
            for p in inspect.signature(generator).parameters.values()
            if p.kind is inspect.Parameter.KEYWORD_ONLY}


def _generator_options(entry, args) -> dict:
    """Options for a generator, from ``--max-m 5``-style flags and ``--set KEY=VALUE``.

    Numbers are checked by :func:`~symness.validation.parse_number` (magnitude included);
    integers become ``int``, other numbers and text are passed as text for the generator
    to parse exactly.  A key given twice is refused, naming both spellings.
    """
    allowed = _keyword_defaults(entry.generator)
    given = {key: value for key, value in vars(args).items()
             if key.startswith("opt_") and value is not None}
    pairs = [f"{key[4:]}={value}" for key, value in given.items()] + list(args.set or [])
    options = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or key not in allowed:
            flags = ", ".join("--" + a.replace("_", "-") for a in allowed) or "none"
            raise CliError(f"table {entry.name!r} takes the options {flags} "
                           f"(or '--set' KEY=VALUE); got {pair!r}")
        if key in options:
            raise CliError(f"option {key!r} of table {entry.name!r} is given twice "
                           f"('--{key.replace('_', '-')}' and '--set {key}=')")
        options[key] = _option_value(value, key)
    return options


def _option_value(text: str, key: str) -> int | str:
    """A generator option: an ``int`` if ``text`` is an integer, else ``text`` (numbers checked)."""
    if not re.fullmatch(r"[\d\s.eE+\-/_]+", text):
        return text
    value = parse_number(text, key)
    return int(value) if value.denominator == 1 else text


def _entry_description(entry, kind: str) -> str:
    from symness.progress import format_seconds, load_timings

    timed = load_timings(kind).get(entry.name)
    cost = ("slow: minutes to hours on one core" if entry.slow else "fast")
    if timed is not None:
        cost += f"; last run on this machine {format_seconds(timed)}"
    former = f"\nformer names (still accepted): {', '.join(entry.aliases)}" \
        if entry.aliases else ""
    return f"{entry.description}\ncost: {cost}{former}"


def _entry_parser(kind: str, entry) -> argparse.ArgumentParser:
    """The parser of ``symness table NAME`` / ``symness figure NAME``: that entry's options."""
    p = _Parser(prog=f"symness {kind} {entry.name}", description=_entry_description(entry, kind),
                formatter_class=argparse.RawDescriptionHelpFormatter)
    flags = ", ".join("--" + k.replace("_", "-") for k in _keyword_defaults(entry.generator))
    p.hint = (f"; {kind} {entry.name!r} takes the options {flags or 'none'} "
              f"(see 'symness {kind} {entry.name} --help')")
    if kind == "table":
        for key, default in _keyword_defaults(entry.generator).items():
            p.add_argument("--" + key.replace("_", "-"), dest="opt_" + key, metavar=key.upper(),
                           help=f"generator option (default {default})")
        p.add_argument("--set", action="append", metavar="KEY=VALUE",
                       help="generator option, as the flags above (repeatable)")
        out = p.add_mutually_exclusive_group()
        out.add_argument("--format", choices=("text", "md", "csv", "json"),
                         help="output format (default text)")
        out.add_argument("--write", metavar="BASE",
                         help="write BASE.md, BASE.csv and BASE.json (e.g. tables/mazur_dz)")
        p.add_argument("--output", help="write to this file (atomically; not with --write)")
    else:
        where = p.add_mutually_exclusive_group()
        where.add_argument("--outdir", help="output folder (default: a new temporary folder)")
        where.add_argument("--update-tables", action="store_true",
                           help=f"write into the committed folder {_tables_dir()}")
        p.add_argument("--no-cache", action="store_true",
                       help="do not start from the committed sweep caches of tables/")
    p.add_argument("--no-progress", action="store_true", help="no progress line on stderr")
    return p


def _tables_dir() -> Path:
    from symness.outputs import repository_tables

    return repository_tables()


def _seed_caches(name: str, outdir: Path) -> list[Path]:
    """Copy the committed caches of figure ``name`` to ``outdir``.

    Every sweep cache and cached table of the figure's paper (``tables/<paperkey>_*.jsonl``
    and ``tables/<paperkey>_*.csv``: a figure may read another's, e.g. Fig. 2(a) reads
    Fig. 2(b)'s records and ``lange2017-fig6`` reads ``lange2017_fig5.csv``).  Resumable
    sweeps (Figs. of 002 and 004) then redraw from the committed records instead of
    recomputing hours of runs; a figure overwrites its own CSV in ``outdir``; files already
    in ``outdir`` are kept.
    """
    source = _tables_dir()
    paper = name.replace("-", "_").split("_")[0]
    copied = []
    paths = (set(source.glob(f"{paper}_*.jsonl")) | set(source.glob(f"{paper}_*.csv"))
             if source.is_dir() else set())
    for path in sorted(paths):
        target = outdir / path.name
        if not target.exists():
            shutil.copyfile(path, target)
            copied.append(target)
    return copied


def _figure_outdir(args, name: str) -> Path:
    if args.update_tables:
        return _tables_dir()
    if args.outdir:
        return Path(args.outdir)  # checked by cli_inputs.check_output_paths
    return Path(tempfile.mkdtemp(prefix=f"symness-{name}-"))


def _timed(name: str, kind: str, enabled: bool, run):
    """``run()`` with a progress line for the one item ``name`` (timings kept per ``kind``)."""
    from symness.progress import Progress

    with Progress([name], kind=kind, enabled=enabled) as bar:
        bar.start(name)
        start = time.perf_counter()
        result = run()
        bar.finish(name, time.perf_counter() - start)
    return result


def _write_table(entry, args) -> None:
    from symness import outputs

    options = _generator_options(entry, args)
    tab = _timed(entry.name, "tables", not args.no_progress, lambda: entry.generator(**options))
    if not args.write:
        outputs.write_or_print(outputs.render(tab, args.format or "text"), args.output)
        return
    for fmt in ("md", "csv", "json"):
        path = Path(args.write).with_suffix(f".{fmt}")
        outputs.atomic_write_text(path, outputs.render(tab, fmt))
        print(f"wrote {path}", file=sys.stderr)


def _draw_figure(entry, args) -> None:
    outdir = _figure_outdir(args, entry.name)
    if not args.update_tables and not args.no_cache:
        for path in _seed_caches(entry.name, outdir):
            print(f"resuming from a copy of the committed cache {path.name}", file=sys.stderr)
    paths = _timed(entry.name, "figures", not args.no_progress, lambda: entry.generator(outdir))
    for path in paths:
        print(f"wrote {path}", file=sys.stderr)


def _run_entry(kind: str, name: str, argv: list[str]) -> int:
    """``symness table NAME ...`` or ``symness figure NAME ...`` with per-entry options."""
    from symness import outputs

    store = outputs.tables if kind == "table" else outputs.figures
    _import_declaring(kind, name)
    entry = outputs.lookup(store, name)
    if entry is None:
        outputs.load_all()
        entry = outputs.lookup(store, name)
    if entry is None:
        raise CliError(f"unknown {kind} {name!r}; choose from {sorted(store)} "
                       f"(see 'symness {kind} --list')")
    args = _entry_parser(kind, entry).parse_args(argv)
    _check_inputs(args)
    (_write_table if kind == "table" else _draw_figure)(entry, args)
    return 0


def _import_declaring(kind: str, name: str) -> None:
    """Import only the module that declares table/figure ``name`` (if read from source)."""
    from symness import outputs

    key = outputs.canonical_name(name)
    for d in outputs.declared(kind) or []:
        if key == d.name or key in map(outputs.canonical_name, d.aliases):
            importlib.import_module(d.module)


def _cmd_listing(args) -> int:
    """``symness table`` / ``symness figure`` without a name: list what exists.

    Read from the sources (:func:`symness.outputs.declared`), importing nothing heavy.
    """
    from symness import outputs

    entries = outputs.declared(args.command)
    if entries is None:
        outputs.load_all()
        entries = (outputs.tables if args.command == "table" else outputs.figures).values()
    _list_entries(list(entries), f"{args.command}s")
    return 0


def _entry(store: dict, name: str | None, what: str):
    """The registered entry ``name`` of ``store``, or ``None`` after listing all entries."""
    if not name:
        width = max(len(n) for n in store)
        for e in store.values():
            print(f"{e.name:{width}s}  {e.description}")
        return None
    if name not in store:
        raise CliError(f"unknown {what} {name!r}; choose from {sorted(store)}")
    return store[name]


def _cmd_bench(args) -> int:
    from symness import benchmarks
    from symness.outputs import render, write_or_print

    if args.output and len(args.name) > 1:
        raise CliError(f"'--output' holds one benchmark's table; got {len(args.name)} "
                       f"benchmarks (run them one at a time)")
    reg = benchmarks.load_all()
    names = [] if args.list else args.name
    runs = [_entry(reg, name, "benchmark") for name in names] or [_entry(reg, None, "benchmark")]
    if runs == [None]:
        return 0
    for bench in runs:
        tab = _timed(bench.name + (" --quick" if args.quick else ""), "benchmarks", True,
                     lambda: bench.run(quick=args.quick))
        write_or_print(render(tab, args.format), args.output)
    return 0


@functools.cache
def paper_commands() -> dict[str, tuple[str, str]]:
    """``command -> (module, help)`` of the paper packages' subcommands, read without importing.

    Each ``symness/<pkg>/cli.py`` defines ``register(subparsers)``; its top-level
    commands are the ``subparsers.add_parser("NAME", help="...")`` calls in it, found
    with :mod:`ast` so that ``symness --help`` imports no paper package (issue 25).  Read
    once per process (in-process callers such as the CLI fuzz test call :func:`main` often).
    """
    found = {}
    for folder in sorted(Path(__file__).resolve().parent.iterdir()):
        source = folder / "cli.py"
        if not source.is_file():
            continue
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for func in tree.body:
            if isinstance(func, ast.FunctionDef) and func.name == "register" and func.args.args:
                found |= {name: (f"symness.{folder.name}.cli", text)
                          for name, text in _add_parser_calls(func, func.args.args[0].arg)}
    return found


def _add_parser_calls(func: ast.FunctionDef, target: str):
    """``(name, help)`` of every ``target.add_parser("name", help=...)`` call in ``func``."""
    for node in ast.walk(func):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "add_parser" and isinstance(node.func.value, ast.Name)
                and node.func.value.id == target and node.args
                and isinstance(node.args[0], ast.Constant)):
            text = next((ast.literal_eval(k.value) for k in node.keywords if k.arg == "help"
                         and isinstance(k.value, ast.Constant)), "")
            yield node.args[0].value, text


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; ``command`` given: only that paper package's CLI is imported.

    With ``command=None`` every paper package registers its subcommands (full
    parser); otherwise the others appear as entries of ``symness --help`` only.
    """
    parser = _Parser(prog="symness", description=DESCRIPTION, epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"symness {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("verify", help="run claims and print a verdict table")
    p.add_argument("pattern", nargs="*",
                   help="paper number (002), id prefix (prosen2011.eq20), short name "
                        "(pz2009-ballistic) or shell pattern ('*eq13*')")
    p.add_argument("--slow", action="store_true", help="include slow claims")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--output", help="write the JSON output atomically to this file")
    p.add_argument("--no-progress", action="store_true", help="no progress line on stderr")
    p.set_defaults(func=_cmd_verify)

    p = sub.add_parser("claims", help="list registered claims (patterns as for verify)")
    p.add_argument("pattern", nargs="*")
    p.set_defaults(func=_cmd_claims)

    for kind, text in (("table", "generate a registered table"),
                       ("figure", "draw a registered figure (PNG + CSV)")):
        p = sub.add_parser(kind, help=text, usage=f"symness {kind} [--list] | NAME [options]",
                           description=f"{text}; 'symness {kind} NAME --help' shows the "
                                       f"options and cost of one {kind}")
        p.add_argument("name", nargs="?", help=f"{kind} name (see --list)")
        p.add_argument("--list", action="store_true", help=f"list the {kind}s ([slow] marked)")
        p.set_defaults(func=_cmd_listing)

    p = sub.add_parser("bench", help="run benchmarks (ratios against a baseline)")
    p.add_argument("name", nargs="*")
    p.add_argument("--list", action="store_true")
    p.add_argument("--quick", action="store_true", help="small sizes only")
    p.add_argument("--format", choices=("text", "md", "csv", "json"), default="text")
    p.add_argument("--output")
    p.set_defaults(func=_cmd_bench)

    commands = paper_commands()
    modules = sorted({m for m, _ in commands.values()} if command is None
                     else {commands[command][0]} if command in commands else set())
    for module in modules:
        importlib.import_module(module).register(sub)
    for name, (module, text) in commands.items():
        if module not in modules:
            sub.add_parser(name, help=text, add_help=False)
    return parser


def _check_inputs(args: argparse.Namespace) -> None:
    """Checks common to every command, before it runs: output paths and option conflicts."""
    from symness.cli_inputs import check_output_paths

    for key, value in vars(args).items():
        if value == [] and key not in ("pattern", "name", "set"):
            # argparse (3.11) turns '--key=--' into [] for a one-value option
            raise CliError(f"'{key}' must be given a value (got '--')")
    if getattr(args, "write", None) is not None and getattr(args, "output", None) is not None:
        raise CliError("'--write' writes BASE.md/.csv/.json itself: not allowed with '--output'")
    if getattr(args, "command", None) == "verify" and args.output is not None \
            and args.format != "json":
        raise CliError("'--output' of verify writes the JSON verdicts: give '--format json'")
    if getattr(args, "update_tables", False) and getattr(args, "no_cache", False):
        raise CliError("'--no-cache' is not allowed with '--update-tables' (which draws from "
                       "the committed caches in place)")
    check_output_paths(args)


def _command_word(argv: list[str]) -> str:
    """The subcommand named in ``argv`` (``""`` if none)."""
    return next((a for a in argv if not a.startswith("-")), "")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit status.

    0 ok; 1 a claim failed or a solver could not vouch for its result
    (:class:`~symness.validation.SolverError`, printed as one line); 2 bad input.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        command = _command_word(argv)
        if command in ("table", "figure") and argv[:1] == [command] and len(argv) > 1 \
                and not argv[1].startswith("-"):
            return _run_entry(command, argv[1], argv[2:])
        parser = build_parser(command)
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return 0
        _check_inputs(args)
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
