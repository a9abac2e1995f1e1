"""Tests of the strongly driven chain (Prosen 2011b): coefficients, exact algebra, MPA, transfer.

References: the XXX closed form and the trigonometric Lax form of the coefficients
(independent formulas), the dense LU steady state (``method="dense"``, independent of
the MPA and of the sector solver), and the dense MPA for the transfer matrices.
"""

import math

import numpy as np
import pytest
import sympy as sp

from symness.cli import main
from symness.lindblad.steady_state import steady_state
from symness.models.xxz_boundary_driven import (
    current_operators,
    hamiltonian,
    jump_operators,
    magnetization_operators,
)
from symness.strong_drive import algebra
from symness.strong_drive.coefficients import coefficients
from symness.strong_drive.model import StrongDrive
from symness.strong_drive.mpa import mpa_state
from symness.strong_drive.transfer import profiles
from symness.validation import ParameterError


def test_xxx_coefficients_closed_form():
    """Delta = 1: a_k = 1 + i eps k/2, w_k = (k+1)(i eps - eps^2 k/4) (limit eta -> 0)."""
    eps = sp.Rational(2, 3)
    a, w = coefficients(sp.Integer(1), eps, 6, unit=sp.I)
    assert all(sp.expand(a[k] - (1 + sp.I * eps * k / 2)) == 0 for k in range(7))
    assert all(sp.expand(w[k] - (k + 1) * (sp.I * eps - eps**2 * k / 4)) == 0 for k in range(6))


def test_coefficients_equal_lax_form():
    """a_k = cos(eta(s-k))/cos(eta s), w_k = sin(eta(k+1)) sin(eta(2s-k))/cos^2(eta s),
    tan(eta s) = i eps/(2 sin eta): the U_q(sl2) Lax operator at spectral parameter pi/2."""
    delta, eps = 0.3, 0.8
    eta = math.acos(delta)
    s = complex(np.arctan(1j * eps / (2 * math.sin(eta)))) / eta
    a, w = coefficients(delta, eps, 5)
    k = np.arange(6)
    lax_a = np.cos(eta * (s - k)) / np.cos(eta * s)
    lax_w = np.sin(eta * (k[:5] + 1)) * np.sin(eta * (2 * s - k[:5])) / np.cos(eta * s) ** 2
    assert np.allclose(a, lax_a, rtol=1e-13, atol=0)
    assert np.allclose(w, lax_w, rtol=1e-13, atol=0)


def test_root_of_unity_truncates_auxiliary_space():
    """Delta = cos(pi/3) = 1/2: U_2 = 0, so w_2 = 0 and levels >= 3 are unreachable."""
    _, w = coefficients(sp.Rational(1, 2), sp.Rational(1, 5), 4, unit=sp.I)
    assert w[2] == 0 and all(w[k] != 0 for k in (0, 1))


def test_bulk_relation_holds_and_detects_a_wrong_coefficient(monkeypatch):
    assert all(m.is_zero_matrix for m in algebra.bulk_relation_residuals().values())
    original = algebra._w

    def wrong(d):  # mutation: eps^2/4 -> eps^2/2 in w_k
        u_next, u = algebra._shifted(d + 1)[1], algebra._shifted(d)[1]
        return original(d) - u_next * algebra.EPS**2 / 4 * u
    monkeypatch.setattr(algebra, "_w", wrong)
    assert not all(m.is_zero_matrix for m in algebra.bulk_relation_residuals().values())


def test_exact_lindblad_check_detects_a_wrong_state(monkeypatch):
    assert algebra.lindblad_residual_exact(3) == 0
    import symness.strong_drive.mpa as mpa

    def conjugated(delta, eps, levels, *, unit):  # mutation: eps -> -eps (the reversed drive)
        return coefficients(delta, -eps, levels, unit=unit)
    monkeypatch.setattr(mpa, "coefficients", conjugated)
    assert algebra.lindblad_residual_exact(3) > 0


@pytest.mark.parametrize("n,delta,eps", [(2, 0.5, 1.0), (3, 1.0, 0.2), (4, 1.5, 3.0),
                                         (5, -0.8, 0.7), (5, 0.0, 1.3)])
def test_mpa_equals_dense_steady_state(n, delta, eps):
    params = StrongDrive(n, delta, eps)
    ref = steady_state(hamiltonian(n, delta), jump_operators(params.drive()),
                       dissipator="prosen", method="dense")
    assert np.abs(mpa_state(params) - ref.rho).max() < 1e-11


@pytest.mark.parametrize("n,delta,eps", [(2, 0.5, 1.0), (5, 1.0, 0.3), (8, 1.5, 2.0),
                                         (7, -0.4, 1.0)])
def test_transfer_profiles_equal_dense_mpa(n, delta, eps):
    params = StrongDrive(n, delta, eps)
    rho, prof = mpa_state(params), profiles(params)
    sz = [np.einsum("ij,ji->", op.toarray(), rho).real for op in magnetization_operators(n)]
    cur = [np.einsum("ij,ji->", op.toarray(), rho).real for op in current_operators(n)]
    assert np.allclose(prof.sigma_z, sz, rtol=0, atol=1e-12)
    assert np.allclose(prof.current, cur, rtol=0, atol=1e-12)


def test_xxx_profile_is_a_cosine_at_large_n():
    """Delta = 1, eps = 1, n = 1000: <sz_j> close to cos(pi (j - 1/2)/n) (Prosen 2011b's
    XXX profile; tolerance 0.02 covers the O(1/n) boundary layers seen at n = 1000)."""
    n = 1000
    prof = profiles(StrongDrive(n, 1, 1))
    x = (np.arange(n) + 0.5) / n
    assert np.abs(prof.sigma_z - np.cos(np.pi * x)).max() < 0.02


def test_bad_parameters_raise():
    with pytest.raises(ParameterError, match="'n'"):
        StrongDrive(1, 1, 1)
    with pytest.raises(ParameterError, match="'eps'"):
        StrongDrive(4, 1, 0)
    with pytest.raises(ParameterError, match="'n' = 2000 is too large"):
        profiles(StrongDrive(2000, 1.5, 1))
    with pytest.raises(ParameterError, match=r"'n' must be .*10000"):
        profiles(StrongDrive(10_001, 1, 1))


def test_cli_profile(capsys):
    assert main(["strong-drive", "profile", "--n", "6", "--delta", "1/2", "--eps", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Exact NESS of the maximally driven XXZ chain")
    # the bond current is uniform (continuity): one distinct value printed
    assert len({line.split()[2] for line in out.splitlines()[3:8]}) == 1


def test_cli_bad_input_exits_2(capsys):
    assert main(["strong-drive", "profile", "--n", "3/2"]) == 2
    assert "'n'" in capsys.readouterr().err


def test_largest_n_refuses_before_solving_and_runs_small_n():
    from fractions import Fraction

    from symness.strong_drive.largest_n import run
    from symness.strong_drive.model import StrongDrive

    refused = run(StrongDrive(13, Fraction(1, 2), Fraction(1)), max_memory_gib=1.0)
    assert refused["refused"] == "estimate > 1 GiB" and "solver_cpu_s" not in refused
    # reference: the exact sector solver (independent of the MPA), tolerance of the claims
    small = run(StrongDrive(5, Fraction(1, 2), Fraction(1)), max_memory_gib=1.0)
    assert small["max_abs_rho_mpa_minus_exact"] < 1e-12


def test_peak_rss_measures_a_known_allocation():
    """The bench's memory measure (``VmHWM`` of a fresh process) against a known array.

    512 MiB of float64 ones, written (so resident): the peak ends 0.5 GiB above the
    resident size before the allocation (``VmRSS``), within 32 MiB either way.  Run from
    the pytest worker on purpose: ``ru_maxrss``, the earlier measure, carries the parent's
    peak across ``execve`` and failed this test in the fresh-clone CI run (0.72 GiB rise).
    """
    import subprocess
    import sys

    code = ("import numpy as np\n"
            "from symness.resources import peak_rss_gib\n"
            "rss = [l for l in open('/proc/self/status') if l.startswith('VmRSS')][0]\n"
            "a = np.ones(2**26)\n"
            "print(int(rss.split()[1]) / 2**20, peak_rss_gib())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    rise = float(out[1]) - float(out[0])
    assert abs(rise - 0.5) <= 32 / 1024, out


def test_n14_is_refused_with_its_estimate_before_any_allocation():
    """n = 14 on this 24 GiB machine: refused at the bench's limit, the estimate stated.

    Reference (hand count): the six dense 2^14 x 2^14 complex copies of the checks alone
    take 6 * 16 * 4**14 bytes = 24 GiB, above the machine's total memory.
    """
    from fractions import Fraction

    from symness.strong_drive.bench import MEMORY_LIMIT_GIB
    from symness.strong_drive.largest_n import run

    record = run(StrongDrive(14, Fraction(1), Fraction(1, 2)), MEMORY_LIMIT_GIB)
    assert record["refused"] == f"estimate > {MEMORY_LIMIT_GIB:g} GiB"
    assert record["estimate_gib"] >= 6 * 16 * 4**14 / 2**30 and "solver_cpu_s" not in record


def test_largest_n_reports_a_refusal_for_lack_of_available_memory(monkeypatch):
    """Below the limit but above the memory available now: a refused record, not a crash."""
    from fractions import Fraction

    import symness.resources
    from symness.strong_drive.largest_n import run

    monkeypatch.setattr(symness.resources, "available_memory", lambda: 2**30)
    record = run(StrongDrive(12, Fraction(1), Fraction(1, 2)), 13.0)
    assert "above the 1 GiB available" in record["refused"] and "solver_cpu_s" not in record


def test_bench_entry_point_refuses_n14_in_one_line(capsys):
    from symness.strong_drive.bench import main as bench_main

    assert bench_main(["--max-n", "14"]) == 2
    assert capsys.readouterr().err == "error: 'max_n' must be an integer in [10, 13] (got 14)\n"


def test_n13_claim_reads_the_cached_records_and_fails_on_a_bad_one(monkeypatch):
    """The records in tables/ pass; an error above 1e-10, a residual above the solver's
    1e-12 or a missing record each fail the claim (mutations of the cached values)."""
    from symness.claims import load_all
    from symness.strong_drive import claims

    check = load_all()["prosen2011.strong-drive.vs-sector-solver-n13"]
    records = claims.n13_records()
    assert all(r is not None for r in records) and check.run().passed
    for change in ({"max_abs_rho_mpa_minus_exact": 2e-10}, {"relative_residual": 1e-11}):
        monkeypatch.setattr(claims, "n13_records", lambda c=change: [records[0] | c, records[1]])
        assert not check.run().passed
    monkeypatch.setattr(claims, "n13_records", lambda: [records[0], None])
    assert not check.run().passed
