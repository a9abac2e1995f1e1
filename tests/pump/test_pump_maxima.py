"""Extrapolation of the maximum's position r*(n) to n -> infinity (closed-form inputs)."""

import math

import pytest

from symness.pump.maxima import extrapolate
from symness.validation import ParameterError


def test_each_model_recovers_its_own_limit():
    sizes = [8, 10, 12, 14]
    geometric = [2.0 + 3.0 * 0.7**n for n in sizes]
    inverse_square = [2.0 + 5.0 / n**2 for n in sizes]
    inverse = [2.0 + 5.0 / n for n in sizes]
    assert extrapolate(sizes, geometric)["geometric"] == pytest.approx(2.0, abs=1e-12)
    assert extrapolate(sizes, inverse_square)["1/n^2"] == pytest.approx(2.0, abs=1e-12)
    assert extrapolate(sizes, inverse)["1/n"] == pytest.approx(2.0, abs=1e-12)
    # the models differ on each other's data: the spread is a model error, not zero
    assert extrapolate(sizes, inverse)["1/n^2"] > 2.1


def test_growing_differences_have_no_geometric_limit_and_bad_sizes_raise():
    assert math.isnan(extrapolate([10, 12, 14], [1.0, 1.1, 1.3])["geometric"])
    with pytest.raises(ParameterError, match="'sizes'"):
        extrapolate([8, 10, 14], [1.0, 1.1, 1.2])
