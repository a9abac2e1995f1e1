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
    assert extrapolate(sizes, geometric)["geometric"][0] == pytest.approx(2.0, abs=1e-12)
    limit, rms = extrapolate(sizes, inverse_square)["1/n^2"]
    assert limit == pytest.approx(2.0, abs=1e-12) and rms < 1e-12
    limit, rms = extrapolate(sizes, inverse)["1/n"]
    assert limit == pytest.approx(2.0, abs=1e-12) and rms < 1e-12
    # the models differ on each other's data: the spread is a model error, not zero, and
    # the wrong model leaves a residual
    limit, rms = extrapolate(sizes, inverse)["1/n^2"]
    assert limit > 2.1 and rms > 1e-4


def test_growing_differences_have_no_geometric_limit_and_bad_sizes_raise():
    assert math.isnan(extrapolate([10, 12, 14], [1.0, 1.1, 1.3])["geometric"][0])
    with pytest.raises(ParameterError, match="'sizes'"):
        extrapolate([8, 10, 14], [1.0, 1.1, 1.2])
