"""python-flint QQ[Delta] coefficients agree with sympy's QQ[Delta] and mix with other domains."""

import pytest
import sympy

from symness.operators.flint_domain import FlintPolyRing, available
from symness.operators.pauli import PauliSum, commutator, from_labels, local_sum

pytestmark = pytest.mark.skipif(not available(), reason="python-flint not installed")
DELTA = sympy.Symbol("Delta")


def test_round_trip_and_refusal():
    K = FlintPolyRing(DELTA)
    expr = sympy.Rational(3, 4) * DELTA**3 - DELTA + 2
    assert sympy.expand(K.to_sympy(K.from_sympy(expr)) - expr) == 0
    with pytest.raises(sympy.polys.polyerrors.CoercionFailed):
        K.from_sympy(sympy.sqrt(2) * DELTA)
    with pytest.raises(sympy.polys.polyerrors.CoercionFailed):
        K.from_sympy(1 / DELTA)


def test_flint_is_chosen_automatically_and_matches_sympy_domain():
    density = from_labels("XX") + from_labels("YY") + DELTA * from_labels("ZZ")
    h = local_sum(density, 6, periodic=True)
    assert isinstance(h.domain, FlintPolyRing)
    h_sympy = h.with_domain(sympy.QQ[DELTA])
    assert h_sympy.domain == sympy.QQ[DELTA]
    q = from_labels("XYZ", n=6) * DELTA**2 + from_labels("ZZ", start=2, n=6)
    # same exact result in both coefficient rings (the reference is sympy's own QQ[Delta])
    assert commutator(h, q).terms == commutator(h_sympy, q.with_domain(sympy.QQ[DELTA])).terms


def test_mixing_with_algebraic_numbers_falls_back_to_sympy():
    a = PauliSum(2, {"XX": DELTA})
    b = PauliSum(2, {"XX": sympy.sqrt(2)})
    s = a + b
    assert s.domain.is_PolynomialRing and s.domain.domain.is_AlgebraicField
    assert sympy.expand(s.coefficient("XX") - DELTA - sympy.sqrt(2)) == 0
    assert (a * b).coefficient("II") == sympy.sqrt(2) * DELTA
