"""Open point (i) at a symbolic Delta: the modular certificate and its independent cross-check."""

from fractions import Fraction

import pytest
import sympy as sp

from symness.mpa.open_points import point_i_exact as exact
from symness.validation import ParameterError


def test_certificate_holds_for_small_n():
    for n in (2, 3, 4):
        cert = exact.commutant_certificate(n)
        assert cert.nonsingular and cert.rank == cert.dimension


def test_certificate_can_fail_at_special_points():
    # Delta_0 = 0 (XX point): sectors are derogatory, M loses rank (measured 24 < 25 at n = 4);
    # Delta_0 = 1 (SU(2) point): sectors s, s' share eigenvalues, so the basis is incomplete
    xx = exact.commutant_certificate(4, delta0=Fraction(0))
    assert not xx.cyclic and xx.rank < xx.dimension and not xx.nonsingular
    assert not exact.commutant_certificate(4, delta0=Fraction(1)).coprime


def test_modular_matrix_agrees_with_sympy_kronecker_construction():
    # independent construction: sympy Kronecker products vs bit manipulation mod p
    delta = sp.Symbol("Delta")
    m = exact.symbolic_matrix(3, delta).subs(delta, sp.Rational(3, 7))
    mm = exact.modular_matrix(3, 3 * pow(7, -1, exact.PRIME) % exact.PRIME)
    for i in range(m.rows):
        for j in range(m.cols):
            v = m[i, j]
            assert int(mm[i, j]) == int(sp.numer(v)) * pow(int(sp.denom(v)), -1, exact.PRIME) \
                % exact.PRIME


def test_symbolic_determinant_n3_has_no_real_root():
    det = exact.symbolic_determinant(3)
    assert det.degree() == 6 and sp.real_roots(det) == []


def test_bad_size_raises():
    with pytest.raises(ParameterError, match="n"):
        exact.commutant_certificate(9)
