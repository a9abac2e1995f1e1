import json
from pathlib import Path

from symness.cli import main
from symness.outputs import render
from symness.weak_coupling.tables import two_spin_table

ROOT = Path(__file__).resolve().parents[2]


def test_profile_text(capsys):
    assert main(["weak-coupling", "profile", "--n", "3", "--theta", "1/4"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("# zeroth-order profile") and len(out) == 6
    assert out[5].startswith("error bounds")                 # issue 25: accuracy stated
    temps = [float(line.split()[2]) for line in out[2:5]]
    assert 1.5 > temps[0] > temps[1] > temps[2] > 0.5       # graded from hot to cold


def test_profile_json_transverse_ising_is_flat(capsys):
    assert main(["weak-coupling", "profile", "--n", "4", "--model", "transverse-ising",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ts = [s["t"] for s in data["sites"]]
    assert max(ts) - min(ts) < 1e-12


def test_profile_bad_parameters_exit_2(capsys):
    for argv in (["--n", "1"], ["--n", "2.5"], ["--t-left", "0"], ["--theta", "3/2"],
                 ["--model", "ising"], ["--h", "0"], ["--theta", "0"], ["--format", "xml"]):
        assert main(["weak-coupling", "profile", *argv]) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("symness: error:") and err.count("\n") == 1


def test_two_spin_table_regenerates_to_the_same_bytes():
    tab = two_spin_table()
    for fmt in ("md", "csv", "json"):
        committed = (ROOT / "tables" / f"ishida2022_two_spin.{fmt}").read_text()
        assert render(tab, fmt) == committed
