"""The geometric finite-size tail of ``tba.finite_size`` on sequences with known limits."""

import math

import pytest

from symness.tba.finite_size import geometric_tail


def test_geometric_sequence_tail_is_bounded_by_the_estimate():
    # ED(L) = 1 + 0.3 * 0.5^k: the limit 1 lies exactly |d2| r/(1-r) from the last value
    values = tuple(1 + 0.3 * 0.5**k for k in range(3))
    est = geometric_tail(values)
    assert est.ratio == pytest.approx(0.5)
    assert abs(values[-1] - 1) == pytest.approx(est.error / 2, rel=1e-12)


def test_alternating_corrections_are_covered():
    values = tuple(1 + 0.3 * (-0.4) ** k for k in range(3))
    est = geometric_tail(values)
    assert est.ratio == pytest.approx(0.4)
    assert abs(values[-1] - 1) <= est.error


def test_no_estimate_outside_the_exponential_regime():
    assert math.isinf(geometric_tail((1.0, 1.1, 1.3)).error)
    with pytest.raises(ValueError, match="three"):
        geometric_tail((1.0, 2.0))
