"""Property-based fuzz of the whole CLI (issue 24, item 5).

Every command is found in the argparse tree (:func:`symness.cli.build_parser`, plus the
per-name parsers of ``table NAME``/``figure NAME``); each run takes a valid base command line
of one command and replaces or adds ONE value that is bad for any option of its class:

* number-or-text options: text that is no number and no name of ours (``zz...``), '' ,
  nan, inf, magnitudes outside [1e-300, 1e300] (``1e5000``, ``1e-5000``, 150 digits), 1/0,
  malformed lists (``1,,2``);
* choice options: a word outside the choices;
* output options (``--output``, ``--results``, ``--write``, ``--outdir``): a folder, a path
  under /proc or /dev/null, a missing folder, '', a NUL byte (all inside the working folder
  but for /proc and /dev/null); for the results of a sweep also
  an existing file that is not JSON lines / a binary CSV;
* positional names: ``zz-...`` (no claim, table, figure or benchmark is so named);
* an unknown option, an option without its value.

and asserts: exit status 2, exactly one line on stderr starting ``symness: error:``, no
traceback, no hang (an alarm of :data:`TIMEOUT` s per call) and nothing written (the call
runs in a fresh temporary working folder whose content, sizes and times must not change).
The number of inputs tried is printed (``-s`` shows it) and checked.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symness.cli import _entry_parser, build_parser, main

#: Seconds one in-process call may take before the test calls it a hang.  A refused input
#: costs ~10-50 ms; importing a paper package the first time ~2 s; a scheduler probe <= 3 s.
TIMEOUT = 20

#: A valid command line per command: the fuzz changes one value of it.  A new command must
#: be added here (test_every_command_has_a_base fails otherwise).
BASE = {
    ("verify",): ["verify", "foundation.pauli.matrix-convention", "--no-progress"],
    ("claims",): ["claims", "000"],
    ("table",): ["table", "--list"],
    ("figure",): ["figure", "--list"],
    ("bench",): ["bench", "--list"],
    ("table", "NAME"): ["table", "prosen2011-mazur", "--max-m", "2", "--no-progress"],
    ("figure", "NAME"): ["figure", "ishida2022-fig4", "--no-progress"],
    ("ness",): ["ness", "--n", "3"],
    ("mpa", "profile"): ["mpa", "profile", "--n", "4", "--delta", "1/2"],
    ("mps", "ness"): ["mps", "ness", "--L", "4", "--delta", "1", "--t-max", "1"],
    ("mps", "sweep"): ["mps", "sweep", "--L", "4", "--delta", "1", "--t-max", "1",
                       "--results", "r.jsonl", "--quiet"],
    ("mps", "status"): ["mps", "status", "--results", "r.jsonl"],
    ("pump", "exact"): ["pump", "exact", "--n", "4"],
    ("pump", "gge"): ["pump", "gge", "--n", "4", "--n-c", "2"],
    ("pump", "sweep"): ["pump", "sweep", "--n", "4", "--n-c", "2", "--values", "0:1:2",
                        "--output", "r.csv", "--quiet"],
    ("pump", "large"): ["pump", "large", "--n", "4", "--values", "1", "--output", "r.csv"],
    ("ghd", "profile"): ["ghd", "profile", "--delta", "1/2", "--rays", "3"],
    ("weak-coupling", "profile"): ["weak-coupling", "profile", "--n", "2"],
    ("strong-drive", "profile"): ["strong-drive", "profile", "--n", "4"],
}

PATH_OPTIONS = ("output", "results", "write", "outdir")
#: Files present in the working folder of every call (bad results/CSV files to resume from).
PRESENT = {"garbage.jsonl": b"not json\n{\"a\": 1}\n", "binary.csv": b"\x00\xff\xfe\x80" * 64,
           "plain.txt": b"text\n"}

NOT_A_NUMBER = st.sampled_from(["", " ", "nan", "-nan", "inf", "-inf", "Infinity", "1e5000",
                                "-1e5000", "1e-5000", "1e999999999", "9" * 150, "1/0",
                                "0x10", "1,,2", ",", "1e", "--", "1/2/3", "１"]) \
    | st.text(st.characters(blacklist_characters=":=,/\\", blacklist_categories=("Cs",)),
              max_size=10).map(lambda t: "zz" + t)
#: Bad paths stay inside the working folder (or in /proc, /dev/null, where nothing can be
#: written), so that anything a missed check writes is seen by the snapshot.
BAD_FILE = st.sampled_from([".", "sub", "sub/", "/proc/x", "/dev/null/x", "missing/x", "",
                            "a\x00b", "missing/", "plain.txt/x"])
BAD_FOLDER = st.sampled_from(["missing", "/proc", "/dev/null/x", "plain.txt", "", "a\x00b"])
BAD_NAME = st.from_regex(r"zz-[a-z0-9]{0,8}", fullmatch=True)


def _leaves(parser: argparse.ArgumentParser, path=()):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, sub in subs[0].choices.items():
        yield from _leaves(sub, path + (name,))


def _entry(kind: str, name: str):
    from symness import outputs

    outputs.load_all()
    return outputs.lookup(outputs.tables if kind == "table" else outputs.figures, name)


def commands() -> dict[tuple, argparse.ArgumentParser]:
    """Every command of the CLI: the argparse tree and one ``table NAME``/``figure NAME``."""
    found = dict(_leaves(build_parser()))
    for kind in ("table", "figure"):
        found[(kind, "NAME")] = _entry_parser(kind, _entry(kind, BASE[(kind, "NAME")][1]))
    return found


def _targets(path: tuple, parser) -> list[tuple]:
    """``(option, strategy)`` for each value-taking option and positional of a command."""
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction) or action.nargs == 0:
            continue
        flag = max(action.option_strings, key=len) if action.option_strings else None
        if action.dest in PATH_OPTIONS:
            bad = BAD_FOLDER if action.dest == "outdir" else BAD_FILE
            if path == ("mps", "sweep"):
                bad = bad | st.just("garbage.jsonl")
            if path in (("pump", "sweep"), ("pump", "large")):
                bad = bad | st.just("binary.csv")
        elif action.choices:
            bad = BAD_NAME
        elif flag is None:
            bad = BAD_NAME
        else:
            bad = NOT_A_NUMBER
        out.append((flag, bad))
    return out


def _with(base: list[str], flag: str | None, value: str) -> list[str]:
    """``base`` with ``flag``'s value replaced by (or ``flag value`` added as) ``value``."""
    argv = list(base)
    if flag is None:  # the positional name: the word after the command words
        words = len([w for w in argv if not w.startswith("-")][:1])
        return argv[:words] + [value] + [w for w in argv[words + 1:]]
    if flag in argv:
        argv[argv.index(flag) + 1] = value
        return argv
    return argv + [f"{flag}={value}"]


class Hang(Exception):
    """A call ran longer than TIMEOUT seconds."""


def _alarm(signum, frame):
    raise Hang(f"no answer within {TIMEOUT} s")


def _snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*")}


def run_refused(argv: list[str], folder: Path) -> str:
    """Run ``main(argv)`` in ``folder``; assert exit 2, one line, nothing written."""
    before = _snapshot(folder)
    err, out = io.StringIO(), io.StringIO()
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, TIMEOUT)
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            try:
                status = main(argv)
            except SystemExit as exc:  # argparse --help/--version only
                status = exc.code
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    text = err.getvalue()
    assert status == 2, (argv, status, text[-300:])
    assert text.count("\n") == 1 and text.startswith("symness: error: "), (argv, text)
    assert "Traceback" not in text, (argv, text)
    assert _snapshot(folder) == before, (argv, "wrote files")
    return text


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    for name, data in PRESENT.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _fuzz(workdir: Path, examples: int, capsys) -> None:
    found = commands()
    cases = [(path, flag, bad) for path, parser in sorted(found.items())
             for flag, bad in _targets(path, parser)]
    extra = st.sampled_from(sorted(found)).flatmap(
        lambda path: st.sampled_from([BASE[path] + ["--zz-no-such-option"],
                                      BASE[path] + [next((f for f, _ in _targets(path,
                                                                                 found[path])
                                                          if f), "--zz")]]))
    tried = []

    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data):
        if data.draw(st.integers(0, 9)) == 0:
            argv = data.draw(extra)
        else:
            path, flag, bad = data.draw(st.sampled_from(cases))
            argv = _with(BASE[path], flag, data.draw(bad))
        tried.append(tuple(argv))
        run_refused(argv, workdir)

    run()
    with capsys.disabled():
        print(f"\nCLI fuzz: {len(tried)} inputs tried ({len(set(tried))} distinct) over "
              f"{len(found)} commands and {len(cases)} options; all refused with one line")
    assert len(set(tried)) >= examples // 2


def test_every_command_has_a_base():
    assert set(commands()) == set(BASE)


def test_bases_are_valid_command_lines():
    # the fuzz changes one value of each base; a base that failed on its own would make
    # every change look refused (the commands are parsed, not run)
    for path, parser in commands().items():
        argv = BASE[path]
        args = argv[len(path):] if path[-1] != "NAME" else argv[2:]
        parser.parse_args(args)


def test_cli_fuzz_fast(workdir, capsys):
    _fuzz(workdir, 200, capsys)


@pytest.mark.slow
def test_cli_fuzz_slow(workdir, capsys):
    _fuzz(workdir, 1500, capsys)


@pytest.mark.parametrize("argv", [["ness", "--n", "4", "--mu", "1e5000"],
                                  ["mps", "sweep", "--L", "6,6", "--delta", "1",
                                   "--results", "r.jsonl"],
                                  ["table", "prosen2011-mazur", "--output", "/proc/x"]])
def test_subprocess_smoke(argv, tmp_path):
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-m", "symness", *argv], capture_output=True,
                          text=True, timeout=120, cwd=tmp_path,
                          env=dict(os.environ, PYTHONPATH=str(root)))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and not list(tmp_path.iterdir())
