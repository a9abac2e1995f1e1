"""``symness ness`` in-process: output formats parse, bad input is one line with status 2."""

import csv
import io
import json

import pytest

from symness.cli import main


def test_json_output_parses_and_matches_weak_coupling(capsys):
    assert main(["ness", "--n", "4", "--delta", "1/2", "--mu", "1", "--eps", "1e-3",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["parameters"] == {"n": 4, "delta": "1/2", "mu": "1", "eps": "1/1000"}
    assert len(data["sigma_z"]) == 4 and len(data["current"]) == 3
    # Prosen (2011): <J_j> = mu eps / 2 + O(eps^3)
    assert all(abs(j / 1e-3 - 0.5) < 1e-5 for j in data["current"])
    assert data["checks"]["relative_residual"] < 1e-9 and data["method"] == "sector"


def test_csv_output_parses(tmp_path):
    out = tmp_path / "ness.csv"
    assert main(["ness", "--n", "3", "--eps", "0.1", "--format", "csv", "--output",
                 str(out)]) == 0
    lines = [line for line in out.read_text().splitlines() if not line.startswith("#")]
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    assert rows[0][0] == "j" and [r[0] for r in rows[1:]] == ["1", "2", "3"]
    # reflection j -> n+1-j with spin flip maps the jumps (3) onto each other: <sz_1> = -<sz_n>
    assert abs(float(rows[1][1]) + float(rows[3][1])) < 1e-12 and float(rows[1][1]) > 0
    assert rows[3][2] == ""


def test_text_output_has_checks(capsys):
    assert main(["ness", "--n", "3", "--method", "dense"]) == 0
    out = capsys.readouterr().out
    assert "checks: trace_error=" in out and "solver: dense" in out


@pytest.mark.parametrize("argv,name", [
    (["--n", "1"], "'n'"), (["--n", "2.5"], "'n'"), (["--n", "4", "--mu", "2"], "'mu'"),
    (["--n", "4", "--mu", "-3/2"], "'mu'"), (["--n", "4", "--eps", "0"], "'eps'"),
    (["--n", "4", "--eps", "-1e-3"], "'eps'"), (["--n", "4", "--delta", "inf"], "'delta'"),
    (["--n", "4", "--delta", "nan"], "'delta'"), (["--n", "4", "--delta", "x"], "'delta'"),
    (["--n", "4", "--bogus", "1"], "--bogus"), (["--n", "4", "--method", "lu"], "--method"),
    (["--n", "4", "--format", "xml"], "--format"), ([], "--n"),
])
def test_bad_input_is_one_line_status_2(argv, name, capsys):
    assert main(["ness", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("symness: error: ") and err.count("\n") == 1 and name in err, err
