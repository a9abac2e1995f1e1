"""The CLI in-process (``main(argv)``) and once end to end as a subprocess."""

import json
import subprocess
import sys

import pytest

from symness.cli import main


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
