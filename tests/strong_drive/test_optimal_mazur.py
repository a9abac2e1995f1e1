"""Tests of the optimal Mazur bound d_PI and its ratio to D_Z.

References: the ghd package's own float implementation of the Prosen-Ilievski
formula (times 8, D_Z normalisation), paper 000's D_Z closed form (20), and the
free-fermion value d_PI(1, 2) = 1.
"""

import pytest

from symness.claims import load_all
from symness.ghd.drude import prosen_ilievski
from symness.mpa.mazur.bound import dz_closed_form
from symness.strong_drive import claims_mazur, optimal_mazur
from symness.strong_drive.optimal_mazur import d_pi, ratio
from symness.validation import ParameterError


@pytest.mark.parametrize("ell,m", [(1, 2), (1, 3), (2, 5), (5, 12), (3, 11)])
def test_d_pi_matches_ghd_package_formula(ell, m):
    assert abs(float(d_pi(ell, m)) - 8 * prosen_ilievski(ell, m)) < 1e-14


@pytest.mark.parametrize("ell,m", [(1, 3), (3, 7), (5, 12)])
def test_ratio_is_d_pi_over_closed_form_dz(ell, m):
    assert abs(float(d_pi(ell, m)) / float(dz_closed_form(ell, m)) - float(ratio(m))) < 1e-14


def test_free_fermion_point_and_bad_input():
    assert float(d_pi(1, 2)) == pytest.approx(1.0, abs=1e-28)
    with pytest.raises(ParameterError, match="'ell'"):
        d_pi(2, 4)
    with pytest.raises(ParameterError, match="'m'"):
        ratio(1)


@pytest.mark.slow
def test_ratio_limit_claim_fails_for_a_wrong_formula(monkeypatch):
    check = load_all()["bertini2016.prosen-ilievski2013.ratio-limit"]
    assert check.run().passed
    m = optimal_mazur._M
    right = optimal_mazur.ratio_symbolic()
    # mutation: the factor (m - 1)/m dropped; the limit is still 4/3, the 1/m term is not
    monkeypatch.setattr(claims_mazur, "ratio_symbolic", lambda: right * m / (m - 1))
    assert not check.run().passed
