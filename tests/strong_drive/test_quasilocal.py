"""Tests of the quasi-local charges (Prosen & Ilievski 2013) and their optimised Mazur bound.

References: a finite difference in the auxiliary spin ``s`` (independent of the exact
derivative MPO), ``sin(phi)^n`` for the vacuum element at ``s = 0`` (the module's
highest-weight structure), dense linear solves of the Lax-built transfer matrix (vs the
continued fraction), the free-fermion value ``d = 1`` at ``Delta = 0``, exact geometric
sequences, ``mpmath`` quadrature (vs the Gauss rule) and the closed form ``d_PI``.
"""

import math

import numpy as np
import pytest

from symness.claims import load_all
from symness.quasilocal.charges import charge, matrix_product_operator
from symness.quasilocal.kernel import string_kernel, string_transfer
from symness.quasilocal.lax import lax
from symness.quasilocal.optimise import (
    grid_bound,
    observed_exponent_ratio,
    predicted_gap,
    spacing_exponent_ratio,
    weight_bound,
    weight_bound_mp,
)
from symness.strong_drive import optimal_mazur
from symness.validation import ParameterError


def test_vacuum_element_and_s_derivative():
    phi, n = 1.4 + 0.3j, 5
    vacuum = matrix_product_operator(lax(phi, 0, 2, 5), n, starts=(0,))[(0, 0)]
    assert np.abs(vacuum - np.sin(phi) ** n * np.eye(2**n)).max() < 1e-14
    h = 1e-5  # central difference: error ~ h^2 |d^3/ds^3| ~ 1e-9
    plus, minus = (matrix_product_operator(lax(phi, s, 2, 5), n, starts=(0,))[(0, 0)]
                   for s in (h, -h))
    assert np.abs((plus - minus) / (2 * h) - charge(phi, 2, 5, n)).max() < 1e-8


@pytest.mark.parametrize("ell,m", [(1, 2), (1, 3), (3, 7), (5, 12)])
def test_continued_fraction_is_the_resolvent_of_the_lax_transfer_matrix(ell, m):
    phi1, phi2 = 1.5 + 0.2j, 1.6 - 0.4j
    e = string_transfer(phi1, phi2, ell, m)
    dense = np.linalg.solve(np.eye(m - 1) - e, np.eye(m - 1)[0])[0]
    assert abs(string_kernel(phi1, phi2, ell, m) - dense) < 1e-13 * abs(dense)


def test_free_fermion_point_grid_bound_is_one():
    # Delta = 0: J itself is conserved, so the normalised bound is 1 (000, (20) at l/m = 1/2)
    assert grid_bound(1, 2, 1) == pytest.approx(1.0, abs=1e-14)


def test_gap_model_on_geometric_and_algebraic_sequences():
    # closed forms: d_k = q^k on levels 1, 2, 4 is geometric (exponent ratio 2, the
    # prediction exact); d_k = k^-3 is algebraic (ratio ln(2)/ln(2) = 1)
    q = 0.3
    geometric = [q**k for k in (1, 2, 4)]
    assert observed_exponent_ratio(geometric) == pytest.approx(2.0, rel=1e-14)
    assert predicted_gap(geometric[0], geometric[1], 2.0) == pytest.approx(q**4, rel=1e-14)
    assert observed_exponent_ratio([k**-3.0 for k in (1, 2, 4)]) == pytest.approx(1.0, rel=1e-14)
    # h = 2 asinh(2k)/(4k): 1/h = 2k/asinh(2k) at k = 1, 2, 4 by hand
    g = [2 * k / math.asinh(2 * k) for k in (1, 2, 4)]
    assert spacing_exponent_ratio() == pytest.approx((g[2] - g[1]) / (g[1] - g[0]), rel=1e-15)
    with pytest.raises(ParameterError, match="'gaps'"):
        observed_exponent_ratio([1.0, 0.5, 0.7])
    with pytest.raises(ParameterError, match="'coarse'"):
        predicted_gap(0.1, 0.2, 2.0)


def test_bad_anisotropy_is_refused():
    with pytest.raises(ParameterError, match="'ell'"):
        lax(1.0, 0, 2, 4)
    with pytest.raises(ParameterError, match="'m'"):
        lax(1.0, 0, 1, 1)


@pytest.mark.slow
def test_gauss_rule_matches_mpmath_quadrature():
    # two quadratures of the same weight bound: Gauss-Legendre float64 vs 2-D tanh-sinh at 20
    # digits (whose own error is ~1e-16 here: 1e-15 bounds both)
    exact = weight_bound_mp(1, 3, dps=20)
    assert abs(weight_bound(1, 3, nx=100, ny=400) - float(exact)) < 1e-13
    assert abs(exact - optimal_mazur.d_pi(1, 3, dps=20)) < 1e-15


@pytest.mark.slow
@pytest.mark.parametrize("factor", [0.999, 1.001])
def test_grid_claim_fails_for_a_wrong_d_pi(monkeypatch, factor):
    check = load_all()["bertini2016.prosen-ilievski2013.optimal-bound-grid"]
    right = optimal_mazur.d_pi
    monkeypatch.setattr(optimal_mazur, "d_pi", lambda ell, m: right(ell, m) * factor)
    assert not check.run().passed


@pytest.mark.parametrize("claim_id", ["bertini2016.prosen-ilievski2013.optimal-weight"])
def test_weight_claim_fails_for_a_wrong_d_pi(monkeypatch, claim_id):
    check = load_all()[claim_id]
    right = optimal_mazur.d_pi
    # mutation: sin(2 pi/m) -> sin(2 pi/m) (1 + 1e-9) changes d_PI by ~1e-9 relative
    monkeypatch.setattr(optimal_mazur, "d_pi",
                        lambda ell, m: right(ell, m) * (1 + 1e-9 * math.sin(math.pi / m)))
    assert not check.run().passed

