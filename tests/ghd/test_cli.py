import csv
import io

import pytest

from symness.cli import main


@pytest.mark.parametrize("argv,word", [
    (["--delta", "2"], "delta"), (["--delta", "1"], "delta"), (["--delta", "0.3"], "delta"),
    (["--delta", "1/2", "--beta-left", "-1"], "beta-left"), (["--gamma", "2/3"], "gamma"),
    (["--gamma", "sqrt2"], "gamma"), (["--delta", "1/2", "--rays", "1"], "rays")])
def test_bad_parameters_exit_2(argv, word, capsys):
    assert main(["ghd", "profile", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and word in err


def test_csv_profile_parses_and_is_flat_outside(capsys):
    assert main(["ghd", "profile", "--delta", "1/2", "--rays", "3", "--zeta-max", "3",
                 "--format", "csv"]) == 0
    rows = [r for r in csv.reader(io.StringIO(capsys.readouterr().out)) if not r[0].startswith("#")]
    assert rows[0][:3] == ["zeta", "q1", "q2"] and len(rows) == 4
    # at |zeta| = 3 > max|v| the state is the boundary state: zero currents
    assert abs(float(rows[1][4])) < 1e-12 and abs(float(rows[3][4])) < 1e-12


def test_general_rational_gamma_domain_wall(capsys):
    # Takahashi-Suzuki strings (gamma = 2 pi/5): all up on the left, all down on the right
    assert main(["ghd", "profile", "--gamma", "2/5", "--protocol", "domain-wall", "--rays", "3",
                 "--zeta-max", "2", "--format", "csv"]) == 0
    rows = [r for r in csv.reader(io.StringIO(capsys.readouterr().out)) if not r[0].startswith("#")]
    assert abs(float(rows[1][3]) - 0.5) < 1e-12 and abs(float(rows[3][3]) + 0.5) < 1e-9


def test_neel_bell_protocol(capsys):
    # exact boundary values: Neel q_1 = -Delta/2, Bell pairs q_1 = -Delta/8 (Delta = 1/2)
    assert main(["ghd", "profile", "--delta", "1/2", "--protocol", "neel-bell", "--gge",
                 "truncated", "--order", "1", "--rays", "3", "--zeta-max", "3",
                 "--format", "csv"]) == 0
    rows = [r for r in csv.reader(io.StringIO(capsys.readouterr().out)) if not r[0].startswith("#")]
    assert abs(float(rows[1][1]) + 0.25) < 1e-10 and abs(float(rows[3][1]) + 0.0625) < 1e-10


def test_neel_bell_exact_is_the_default(capsys):
    """Exact GGEs: the same exact boundary values of q_1; the accuracy note names the states."""
    assert main(["ghd", "profile", "--delta", "1/2", "--protocol", "neel-bell", "--rays", "3",
                 "--zeta-max", "3", "--step", "1/10", "--tol", "1e-3", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    rows = [r for r in csv.reader(io.StringIO(out)) if not r[0].startswith("#")]
    assert abs(float(rows[1][1]) + 0.25) < 1e-10 and abs(float(rows[3][1]) + 0.0625) < 1e-10
    assert "exact GGEs" in out and "--gge exact" in out


def test_neel_bell_exact_refuses_order(capsys):
    """--order belongs to the truncated GGEs."""
    argv = ["ghd", "profile", "--delta", "1/2", "--protocol", "neel-bell", "--order", "2"]
    assert main(argv) == 2
    assert "order" in capsys.readouterr().err


def test_neel_bell_exact_needs_delta_half(capsys):
    argv = ["ghd", "profile", "--gamma", "1/4", "--protocol", "neel-bell", "--rays", "2"]
    assert main(argv) == 2
    assert "delta" in capsys.readouterr().err


def test_neel_bell_bad_order(capsys):
    argv = ["ghd", "profile", "--delta", "1/2", "--protocol", "neel-bell", "--gge", "truncated",
            "--order", "0"]
    assert main(argv) == 2
    assert "order" in capsys.readouterr().err


@pytest.mark.slow
def test_neel_bell_exact_meets_the_default_tolerance(capsys):
    """Default --tol 1e-8 with the exact GGEs (about 25 s): every column's estimated error
    is within 1e-8 of its scale, and on the outer rays (outside the light cone) q_1 equals
    the exact initial values -1/4 (Neel) and -1/16 (Bell pairs) within that estimate."""
    assert main(["ghd", "profile", "--delta", "1/2", "--protocol", "neel-bell", "--rays", "3",
                 "--zeta-max", "3", "--format", "csv"]) == 0
    rows = [r for r in csv.reader(io.StringIO(capsys.readouterr().out)) if not r[0].startswith("#")]
    head = rows[0]
    values = {k: [float(r[head.index(k)]) for r in rows[1:]] for k in head[1:7]}
    errors = {k: float(rows[1][head.index(f"{k}_error")]) for k in values}
    for k, err in errors.items():
        assert err <= 1e-8 * max(max(abs(v) for v in values[k]), 1e-2)
    assert abs(values["q1"][0] + 0.25) <= errors["q1"] + 1e-15
    assert abs(values["q1"][2] + 0.0625) <= errors["q1"] + 1e-15
