import pytest

from symness.benchmarks import load_all


def test_bench_mps_quick():
    table = load_all()["mps"].run(quick=True)
    print(table)
    seconds = table.columns.index("seconds")
    assert table.rows and all(r[seconds] != "-" for r in table.rows)
    # the QR route is compared side by side with the SVD route on the same state
    assert {r[3] for r in table.rows if r[0].startswith("one step")} == {"svd", "qr"}
    # both cost laws are reported: end to end and per step (the one robust to rounding)
    assert "at fixed L; per step L^" in table.notes[0]
    assert table.notes[1].startswith("per step at L=16, chi=32: QR route ")


def test_bench_mps_hour_quick():
    # the quick variant runs L = 8, 12 at chi = 16 in a temporary file, two workers
    table = load_all()["mps-hour"].run(quick=True)
    assert [row[1] for row in table.rows] == [8, 12]
    assert all(isinstance(row[4], float) and row[4] < 300 for row in table.rows)
    assert "largest L converged within 300 s" in table.notes[0]


def test_bench_mps_plateau_quick():
    # reference: the run is continued past convergence, so every block of the final stage is
    # logged and the solver's final report says the criterion was never met
    table = load_all()["mps-plateau"].run(quick=True)
    assert [row[5] for row in table.rows] == [4, 4, 4]  # checks per 20 time units
    assert "NESS not reached by t_max=60.0" in table.notes[1]


def test_bench_mps_target_quick():
    # quick: exact vs TEBD at L = 8, then 4 Fig. 2(b) tasks at L = 12, chi = 32; reference for
    # the error: the exact U(1)-sector NESS of the same chain (row 1)
    table = load_all()["mps-target"].run(quick=True)
    assert [row[0] for row in table.rows[:2]] == ["exact U(1)-sector NESS L=8",
                                                  "TEBD Fig. 2(b) settings L=8"]
    assert float(table.rows[1][7].split("=")[1]) < 1e-2
    assert len(table.rows) == 2 + 4 and all(row[1] == 12 for row in table.rows[2:])
    assert "of 4 realisations converged within 600 s" in table.notes[0]


def test_bench_mps_u1_quick():
    # reference: the package's own TEBD on the same chain and steps (row 0); the U(1) engine
    # must reproduce its bulk current after the same evolution to the truncation level (1%);
    # accuracy rows: both engines at chi = 16 within 2% of the package at chi = 64 (L = 8, the
    # chi = 16 truncation error of the current measured in the module docstring's runs ~1%)
    pytest.importorskip("tenpy")
    table = load_all()["mps-u1"].run(quick=True)
    assert [row[0] for row in table.rows] == ["symness real Pauli MPS (QR route)",
                                              "physics-tenpy U(1) MPS (exact canonical form)",
                                              "symness real Pauli MPS, accuracy",
                                              "physics-tenpy U(1) MPS, accuracy"]
    assert float(table.rows[1][6].split("rel. diff ")[1].rstrip(")")) < 1e-2
    for row in table.rows[2:]:
        assert float(row[6].split("rel. err. ")[1].split(" ")[0]) < 2e-2


@pytest.mark.slow
def test_bench_mps_linear_quick():
    # reference: the exact U(1)-sector NESS (row 0); the linear-response sweeps (orders 1+2,
    # chi = 16 at L = 6) must reproduce it to the truncation plus third order (1e-3)
    table = load_all()["mps-linear"].run(quick=True)
    assert table.rows[0][0] == "exact U(1)-sector NESS L=6"
    assert float(table.rows[2][5].split("rel. err. ")[1].rstrip(")")) < 1e-3
