"""The sector-solve memory estimate and the refusal before a solve that would not fit.

References: Vandermonde's identity sum_m C(n,m)^2 = C(2n,n) (odd n: the mirror halves
it exactly) for the unknowns; the refusal is checked to happen before any solve.
"""

from math import comb

import pytest

from symness.cli import main
from symness.lindblad.memory import GIB, sector_memory_estimate
from symness.lindblad.steady_state import steady_state
from symness.models.xxz_boundary_driven import DISSIPATOR, XXZDrive, hamiltonian, jump_operators
from symness.validation import ParameterError


def test_krylov_part_counts_half_the_unknowns_for_odd_n():
    est = sector_memory_estimate(13, restart=10)
    assert est.krylov == 8 * 12 * comb(26, 13) // 2
    assert est.dense == 16 * 6 * 4**13


def test_estimate_grows_and_n13_exceeds_six_gib():
    totals = [sector_memory_estimate(n).total for n in range(4, 15)]
    assert all(b > a for a, b in zip(totals, totals[1:]))
    assert sector_memory_estimate(13).total > 6 * GIB > sector_memory_estimate(12).total


def test_refusal_happens_before_the_solve():
    params = XXZDrive(4, 0.5, 1, 0.1)
    calls = []
    with pytest.raises(ParameterError, match="'n' = 4 needs about"):
        steady_state(hamiltonian(4, 0.5), jump_operators(params), dissipator=DISSIPATOR,
                     method="sector", memory_limit=1.0,
                     progress=lambda *a: calls.append(a))
    assert calls == []
    ok = steady_state(hamiltonian(4, 0.5), jump_operators(params), dissipator=DISSIPATOR,
                      method="sector", memory_limit=GIB)
    assert ok.checks.passed


def test_cli_prints_estimate_and_refuses(capsys):
    assert main(["ness", "--n", "13", "--max-memory", "6"]) == 2
    # one line (issue 24: a refusal is the only stderr line), carrying the estimate
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "'n' = 13 needs about" in err[0]
    assert "above the memory limit" in err[0]
