"""The CLI in-process (``main(argv)``) and once end to end as a subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from symness.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_no_command_prints_help(capsys):
    assert main([]) == 0
    assert "verify" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["--no-such-option"], ["verify", "--format", "xml"],
                                  ["table", "no-such-table"], ["figure", "no-such-figure"],
                                  ["bench", "no-such-bench"], ["verify", "no-such-claim-xyz"]])
def test_bad_input_is_one_line_and_status_2(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("symness: error: ") and err.count("\n") == 1, err


def test_claims_lists_ids(capsys):
    assert main(["claims"]) == 0
    assert "." in capsys.readouterr().out


def test_verify_json_is_parseable(tmp_path):
    out = tmp_path / "v.json"
    status = main(["verify", "foundation", "--format", "json", "--output", str(out)])
    data = json.loads(out.read_text())
    assert status == 0 and data["verdicts"] and all(v["passed"] for v in data["verdicts"])


def test_end_to_end_subprocess():
    proc = subprocess.run([sys.executable, "-m", "symness", "ness", "--n", "1"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "'n'" in proc.stderr


@pytest.mark.parametrize("argv", [["table", "--list"], ["figure", "--list"], ["bench", "--list"]])
def test_listings(argv, capsys):
    assert main(argv) == 0
    assert capsys.readouterr().out.strip()


@pytest.mark.parametrize("pair", ["no_equals_sign", "no_such_key=3"])
def test_table_set_option_is_checked(pair, capsys):
    from symness import outputs

    outputs.load_all()
    name = next(iter(outputs.tables))
    assert main(["table", name, "--set", pair]) == 2
    assert "'--set'" in capsys.readouterr().err


def test_table_option_flag_not_taken_by_that_table_is_refused(capsys):
    # 'max_m' belongs to the Mazur table (Prosen 2011, (20)); the Drude table takes no options
    assert main(["table", "bertini2016_drude", "--max-m", "3"]) == 2
    assert "takes the options none" in capsys.readouterr().err


def test_solver_failure_is_one_line_and_status_1(capsys):
    # B = 0 without drive: S^z is a strong symmetry, so L^Q has a two-dimensional kernel
    # (Lange et al. 2017, Fig. 2a discussion); the CLI must say so, not return a state
    assert main(["pump", "exact", "--n", "4", "--field", "0", "--ratio", "0"]) == 1
    assert "degenerate zero mode" in capsys.readouterr().out


def test_solver_error_from_a_command_is_one_line(capsys, monkeypatch):
    import symness.lindblad.steady_state as ss
    from symness.validation import SolverError

    def fail(*args, **kwargs):
        raise SolverError("GMRES did not converge: relative residual 1e-3 > 1e-10")

    monkeypatch.setattr(ss, "steady_state", fail)
    status = main(["ness", "--n", "3", "--delta", "1/2", "--mu", "1", "--eps", "1e-3"])
    err = capsys.readouterr().err
    assert status == 1
    assert err.strip().splitlines() == ["symness: SolverError: GMRES did not converge: "
                                        "relative residual 1e-3 > 1e-10"]


# --- issue 25: patterns, slow claims, names, per-name help, figures, lazy start-up ---------

def test_claims_by_paper_number_and_unknown_pattern(capsys):
    assert main(["claims", "002"]) == 0
    ids = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert ids and all(i.startswith("mendoza2019.") for i in ids)
    assert main(["claims", "nonexistent-xyz"]) == 2


def test_verify_reports_slow_claims_it_skipped_and_how_to_run_them(capsys):
    # mendoza2019.pz2009-ballistic is registered slow=True (symness/mps/claims.py)
    assert main(["verify", "pz2009-ballistic", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "0 passed, 0 failed, 1 slow skipped" in out
    assert "1 matching slow claim not run (mendoza2019.pz2009-ballistic)" in out
    assert "run with: symness verify --slow pz2009-ballistic" in out


def test_verify_groups_verdicts_by_paper(capsys):
    # the first claim is of paper 'foundation', the second of paper 000: 000 comes first
    assert main(["verify", "foundation.pauli.matrix-convention",
                 "prosen2011.foundation.current-continuity", "--no-progress"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in lines[:4]] == [
        ["==", "000:"], ["PASS", "prosen2011.foundation.current-continuity"],
        ["==", "foundation:"], ["PASS", "foundation.pauli.matrix-convention"]]


def test_empty_pattern_is_refused(capsys):
    assert main(["verify", ""]) == 2
    assert "'pattern'" in capsys.readouterr().err


def test_table_name_help_shows_options_cost_and_former_name(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["table", "mazur", "--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0
    assert "symness table prosen2011-mazur" in out and "--max-m" in out
    assert "cost: fast" in out and "former names (still accepted): mazur" in out


@pytest.mark.parametrize("name", ["mazur", "prosen2011-mazur", "prosen2011_mazur",
                                  "prosen2011.mazur"])
def test_table_aliases_and_separators(name, capsys):
    assert main(["table", name, "--max-m", "2", "--no-progress"]) == 0
    assert capsys.readouterr().out.splitlines()[-4].startswith("2  1")


def test_listing_marks_slow_entries(capsys):
    assert main(["table", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    slow = [line.split()[0] for line in lines if "[slow]" in line]
    assert "prosen2011-open-point-i" in slow and "prosen2011-mazur" not in slow


def test_figure_goes_to_a_temporary_folder_with_mode_644(capsys, monkeypatch):
    from symness.outputs import repository_tables

    monkeypatch.setattr("os.umask", lambda mask: 0o022)
    assert main(["figure", "ishida-fig4", "--no-progress"]) == 0
    written = [Path(line.split(" ", 1)[1]) for line in capsys.readouterr().err.splitlines()
               if line.startswith("wrote ")]
    assert {p.name for p in written} == {"ishida2022_fig4.png", "ishida2022_fig4.csv"}
    assert all(repository_tables() not in p.parents and p.stat().st_mode & 0o777 == 0o644
               for p in written)


def test_figure_outdir_and_update_tables_conflict(capsys, tmp_path):
    assert main(["figure", "ishida2022-fig4", "--outdir", str(tmp_path), "--update-tables"]) == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_paper_commands_read_without_import_are_those_registered():
    from symness.cli import build_parser, paper_commands

    full = build_parser()
    sub = next(a for a in full._actions if a.dest == "command")
    builtin = {"verify", "claims", "table", "figure", "bench"}
    assert set(paper_commands()) == set(sub.choices) - builtin


HEAVY = ("numpy", "scipy", "sympy", "mpmath", "matplotlib")
OTHER_PAPERS = tuple(f"symness.{p}." for p in ("mpa", "mps", "pump", "ghd", "tba",
                                               "weak_coupling"))


@pytest.mark.parametrize("argv,forbidden", [(["--help"], HEAVY + ("symness.",)),
                                            (["claims", "000"], HEAVY + ("symness.",)),
                                            (["table", "--help"], HEAVY + ("symness.",)),
                                            (["ness", "--help"], OTHER_PAPERS)])
def test_help_imports_only_what_it_needs(argv, forbidden):
    # issue 25: every call imported every package (2.6-4.9 s); --help imports no library
    # and no paper package, 'ness --help' only the lindblad CLI (and what it needs)
    code = ("import sys\nfrom symness.cli import main\ntry:\n    main(%r)\nexcept SystemExit:\n"
            "    pass\nprint(' '.join(sys.modules))" % (argv,))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=dict(os.environ, PYTHONPATH=str(ROOT))).stdout
    modules = out.strip().splitlines()[-1].split()
    light = {"symness.cli", "symness.cli_inputs", "symness.validation", "symness.threads",
             "symness.claims"}
    bad = [m for m in modules if m not in light and m.startswith(forbidden)]
    assert not bad, bad


def test_figure_caches_are_copied_not_overwritten(tmp_path):
    from symness.cli import _seed_caches

    (tmp_path / "mendoza2019_fig2.csv").write_text("mine")
    copied = _seed_caches("mendoza2019-fig2", tmp_path)
    names = [p.name for p in copied]
    # every sweep cache and cached table of paper 002 (Fig. 2(a) reads Fig. 2(b)'s), no
    # PNG, no other paper's file; the CSV already in the folder is kept
    assert "mendoza2019_fig2.jsonl" in names and "mendoza2019_fig3-energy.jsonl" in names
    assert "mendoza2019_fig3.csv" in names
    assert all(n.startswith("mendoza2019_") and n.endswith((".jsonl", ".csv")) for n in names)
    assert (tmp_path / "mendoza2019_fig2.csv").read_text() == "mine"


def test_figure_reading_another_figures_table_gets_it(tmp_path):
    # lange2017-fig6 draws from lange2017_fig5.csv (Fig. 5's sweep): it must be copied,
    # or the figure recomputes the n = 12 sweep (found in issue 25)
    from symness.cli import _seed_caches

    names = [p.name for p in _seed_caches("lange2017-fig6", tmp_path)]
    assert "lange2017_fig5.csv" in names


# --- issue 24 (input half): every case of the issue, one line, exit 2, before any work ---

def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SWEEP = ["mps", "sweep", "--L", "6", "--delta", "1", "--results", "r.jsonl", "--quiet"]
#: (command line, words the one-line message must contain, words it must not contain).
#: '{dir}' is a folder that exists; the working folder is empty and must stay so.
ISSUE24_CASES = [
    # first bullet: tracebacks (exit 1) before
    (["ness", "--n", "4", "--mu", "1e5000"], ["'mu'", "1e300"], []),
    (["ness", "--n", "4", "--delta", "1e5000"], ["'delta'", "1e300"], []),
    (["ness", "--n", "99999999999999999999999999999"], ["'n'", "[2, 64]"], []),
    (["mps", "ness", "--L", "6", "--delta", "1", "--chi", "1e5000"], ["'chi'"], []),
    (["ness", "--n", "3", "--output", "{dir}"], ["'output'", "not a folder"], []),
    (["ness", "--n", "3", "--output", "/proc/x"], ["'output'", "'/proc'"], []),
    (["ness", "--n", "3", "--output", "/dev/null/x"], ["'/dev/null' is not a folder"], []),
    (["mps", "ness", "--L", "6", "--delta", "1", "--output", "{dir}"], ["'output'"], []),
    (["figure", "ishida2022-fig4", "--outdir", "/proc"], ["'outdir'", "'/proc'"], []),
    (["table", "prosen2011-mazur", "--write", "/proc/x"], ["'write'", "'/proc'"], []),
    ([*SWEEP[:-3], "--results", "{dir}"], ["'results'", "not a folder"], []),
    (["verify", "foundation", "--format", "json", "--output", "{dir}"], ["'output'"], []),
    (["pump", "gge", "--n", "4"], ["'n'", "'n-c' = 6", "--n-c 2 or 4"], []),
    (["ness", "--n", "1000"], ["'n'", "[2, 64]"], []),
    (["mps", "ness", "--L", "6", "--delta", "1", "--h", "1e9"], ["'h' = 1e9", "'dt'"], []),
    (["pump", "sweep", "--values", "", "--output", "r.csv"], ["'values'"], []),
    ([*SWEEP, "--scheduler", "foo"], ["'scheduler'", "tcp://HOST:PORT"], []),
    ([*SWEEP, "--scheduler", "tcp://127.0.0.1:{port}"], ["'scheduler'", "no scheduler"], []),
    # third bullet: accepted silently before
    (["mps", "sweep", "--L", "6,6", "--delta", "1", "--results", "r.jsonl"],
     ["'L' lists 6 twice"], []),
    (["mps", "sweep", "--L", "6", "--seeds", "0,0", "--delta", "1", "--results", "r.jsonl"],
     ["'seeds' lists 0 twice"], []),
    (["claims", "nonexistent"], ["no claim matches 'nonexistent'"], []),
    (["mps", "ness", "--L", "6", "--delta", "1", "--atol", "1e9"],
     ["'atol' must be in (0, 1/100]"], []),
    (["table", "prosen2011-mazur", "--write", "x", "--output", "y"],
     ["'--write'", "'--output'"], []),
    (["table", "prosen2011-mazur", "--max-m", "3", "--set", "max_m=3"],
     ["'--max-m'", "'--set max_m='"], []),
    (["mpa", "profile", "--n", "4", "--exact", "--lam", "1/3", "--delta", "1/2"],
     ["--delta", "--exact"], []),
    ([*SWEEP, "--workers", "2", "--scheduler", "tcp://127.0.0.1:{port}"],
     ["--workers", "--scheduler"], []),
    (["ness", "--n", "3", "--output", "missing/x"], ["'missing' does not exist"], []),
    (["verify", "foundation", "--output", "v.json"], ["--format json"], []),
    # fifth bullet: messages naming the wrong parameter before
    (["mps", "ness", "--L", "6", "--delta", "1e9"], ["'delta' = 1e9"], ["'beta"]),
    (["mps", "ness", "--L", "6", "--delta", "1", "--beta-left", "1e9"], ["'beta-left'"],
     ["'beta'"]),
    (["mps", "ness", "--L", "6", "--delta", "1", "--beta-right=-1e9"], ["'beta-right'"],
     ["'beta'"]),
    (["mpa", "profile", "--n", "4", "--exact", "--lam", "3/2"], ["'lam'", "(0, 1)"], ["'ell'"]),
    (["pump", "exact", "--n", "4", "--t-ph", "0"], ["'t-ph'"], ["t_ph"]),
]


@pytest.mark.parametrize("argv,words,absent", ISSUE24_CASES,
                         ids=[" ".join(c[0])[:60] for c in ISSUE24_CASES])
def test_issue24_case_is_one_line_before_any_work(argv, words, absent, tmp_path, monkeypatch,
                                                   capsys):
    import time

    import symness.lindblad.cli
    import symness.mps.transport

    def never(*args, **kwargs):
        raise AssertionError("the solver ran although the input was refused")

    monkeypatch.setattr(symness.mps.transport, "solve_ness", never)
    monkeypatch.setattr(symness.lindblad.cli, "ness_report", never)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    port = _closed_port()
    argv = [a.format(dir=tmp_path, port=port) for a in argv]
    start = time.perf_counter()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("symness: error: ") and err.count("\n") == 1, err
    assert all(w in err for w in words) and not any(w in err for w in absent), err
    assert not list(work.iterdir()) and time.perf_counter() - start < 10


@pytest.mark.parametrize("name,data,words", [
    ("r.jsonl", b'{"key": 1}\nnot json\n{"key": 2}\n', ["r.jsonl", "line 2"]),
    ("r.jsonl", b"\x00\xff\xfe\x80" * 10, ["r.jsonl", "not UTF-8", "line 1"]),
])
def test_sweep_results_that_are_not_json_lines_are_refused(name, data, words, tmp_path,
                                                           monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(data)
    assert main([*SWEEP[:6], "--results", name, "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and all(w in err for w in words), err
    assert (tmp_path / name).read_bytes() == data


def test_pump_sweep_binary_csv_is_refused_naming_file_and_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.csv").write_bytes(b"n,field\n" + b"\xff\xfe" * 20)
    assert main(["pump", "sweep", "--n", "4", "--n-c", "2", "--values", "0:1:2",
                 "--output", "r.csv", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'r.csv'" in err and "line 2" in err, err


def test_pump_gge_help_is_true(capsys):
    # 'pump gge --n 4' failed with a traceback although the help said 4..14: n_c charges
    # need a ring of n >= n_c sites (Q_6 has 5-site densities), and the help now says so
    with pytest.raises(SystemExit):
        main(["pump", "gge", "--help"])
    assert "6 needs --n >= 6" in " ".join(capsys.readouterr().out.split())
    assert main(["pump", "gge", "--n", "4", "--n-c", "4", "--ratio", "0"]) == 0


def test_mps_reservoir_kinds_are_those_of_the_model():
    from symness.models.thermal_reservoirs import KINDS
    from symness.mps.cli import RESERVOIRS

    assert RESERVOIRS == KINDS


def test_ness_too_large_is_one_line_before_any_estimate(capsys):
    # issue 24: 'ness --n 20' allocated until it died; the refusal must be the only line
    # (the memory estimate printed from n = 10 on comes only for a size that fits)
    assert main(["ness", "--n", "20"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "'n' = 20 needs about" in err[0] and "largest 'n'" in err[0]
