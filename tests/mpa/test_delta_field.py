import math
from fractions import Fraction

import pytest
import sympy as sp

from symness.exact.delta_field import quadratic_delta, rational_delta
from symness.mpa.algebra.theorem import DELTA
from symness.validation import ParameterError

ROOT = quadratic_delta("sqrt(3) - 1", 2, -2)  # t^2 + 2t - 2 = 0


def _rep(field, a):
    return field.matrix({(0, 0): a}, 1, 1)


def test_regular_representation_is_a_ring_homomorphism():
    a, b = (Fraction(3, 5), Fraction(-7, 2)), (Fraction(1, 3), Fraction(4))
    assert _rep(ROOT, ROOT.mul(a, b)) == _rep(ROOT, a) * _rep(ROOT, b)
    assert _rep(ROOT, ROOT.delta) * _rep(ROOT, ROOT.delta) == (
        2 * _rep(ROOT, ROOT.scalar(1)) - 2 * _rep(ROOT, ROOT.delta))  # the defining relation
    rep = _rep(ROOT, a)
    assert (Fraction(str(rep[0, 0])), Fraction(str(rep[1, 0]))) == a  # first column


def test_polynomials_evaluate_at_the_real_root():
    # reference: Chebyshev T_7(cos x) = cos(7 x) at Delta = sqrt(3) - 1 (float64 closed form)
    a0, a1 = ROOT.from_polynomial(sp.chebyshevt(7, DELTA), DELTA)
    t = math.sqrt(3) - 1
    assert float(a0) + float(a1) * t == pytest.approx(math.cos(7 * math.acos(t)), rel=1e-12)
    assert rational_delta(Fraction(3, 7)).from_polynomial(DELTA**2 - 1, DELTA) == (
        Fraction(-40, 49),)


@pytest.mark.parametrize("c0, c1", [(4, 0), (Fraction(9, 4), 0), (-1, 0)])
def test_reducible_or_complex_fields_are_rejected(c0, c1):
    with pytest.raises(ParameterError):
        quadratic_delta("bad", c0, c1)
