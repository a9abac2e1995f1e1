"""``symness pump ...`` in-process: results, bad input (exit 2), resumable sweeps."""

import csv
import json

import pytest

from symness.cli import main
from symness.pump.sweep import COLUMNS
from symness.pump.system import OBSERVABLES


def test_exact_json(capsys):
    assert main(["pump", "exact", "--n", "4", "--ratio", "1", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["result"]["method"] == "exact" and out["parameters"]["n"] == 4
    assert "residual=" in out["result"]["check"]


def test_gge_text(capsys):
    assert main(["pump", "gge", "--n", "4", "--n-c", "2", "--ratio", "0"]) == 0
    out = capsys.readouterr().out
    assert "newton_iterations=0" in out  # the thermal start is already stationary


@pytest.mark.parametrize("argv, word", [
    (["pump", "exact", "--n", "5"], "'n'"),
    (["pump", "gge", "--n", "4", "--n-c", "3"], "'n-c'"),
    (["pump", "exact", "--n", "4", "--ratio=-1"], "'ratio'"),
    (["pump", "exact", "--n", "4", "--t-ph", "0"], "'t-ph'"),  # as typed
    (["pump", "exact", "--n", "4", "--delta", "abc"], "'delta'"),
    (["pump", "sweep", "--n", "4", "--values", "0:1:2"], "'output'"),
    (["pump", "sweep", "--n", "4", "--n-c", "2", "--values", "0:1", "--output", "x.csv"],
     "'values'"),
])
def test_bad_input_exit_2(argv, word, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert word in err and "Traceback" not in err


def test_sweep_resumes(tmp_path, capsys):
    out = tmp_path / "s.csv"
    argv = ["pump", "sweep", "--n", "4", "--method", "gge", "--n-c", "4", "--quiet",
            "--output", str(out), "--values"]
    assert main(argv + ["0,1"]) == 0
    first = out.read_bytes()
    assert main(argv + ["0,1"]) == 0
    assert out.read_bytes() == first  # nothing recomputed, same bytes
    assert main(argv + ["0,0.5,1"]) == 0
    with out.open() as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert [float(r["ratio"]) for r in rows] == [0.0, 0.5, 1.0]


def test_sweep_retries_failed_points(tmp_path):
    from symness.pump.model import PumpParams
    from symness.pump.sweep import run_sweep

    out = tmp_path / "s.csv"
    base = PumpParams(n=4, field=0.5)
    run_sweep(base, method="exact", vary="ratio", values=[1.0], output=out, progress=False)
    with out.open() as handle:
        (row,) = list(csv.DictReader(handle))
    row.update({k: "nan" for k in OBSERVABLES}, check="failed: earlier solver")
    with out.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerow(row)
    rows = run_sweep(base, method="exact", vary="ratio", values=[1.0], output=out,
                     progress=False)
    assert len(rows) == 1 and rows[0]["check"].startswith("residual=")


def test_large_caches_resumes_and_recomputes(tmp_path, capsys):
    from symness.pump.beyond import read_points
    from symness.pump.model import PumpParams
    from symness.pump.system import PumpSystem

    cache = tmp_path / "n14.csv"
    argv = ["pump", "large", "--n", "6", "--field", "-1", "--output", str(cache)]
    assert main(argv + ["--values", "1"]) == 0
    first = read_points(cache)
    assert main(argv + ["--values", "1,2"]) == 0  # resumes: the r = 1 row is kept as it was
    rows = read_points(cache)
    assert [r["ratio"] for r in rows] == [1.0, 2.0] and rows[0] == first[0]
    _, ref = PumpSystem(PumpParams(n=6, field=-1.0)).exact(2.0)  # independent dense solver
    assert rows[1]["heat_current"] == pytest.approx(ref["heat_current"], rel=1e-10)
    assert main(argv + ["--values", "2", "--recompute"]) == 0
    assert [r["ratio"] for r in read_points(cache)] == [2.0]
    assert "heat_current" in capsys.readouterr().out
    assert main(["pump", "large", "--n", "6", "--values=-1", "--output", str(cache)]) == 2
