"""Symmetry-reduced trace certificate for open point (ii) vs the unreduced one, and mutations."""

from fractions import Fraction

import flint
import pytest

from symness.exact.delta_field import quadratic_delta, rational_delta
from symness.mpa.open_points.point_ii_symmetric import (
    certify_sector_symmetric,
    symmetric_trace_certificate,
)
from symness.mpa.open_points.point_ii_traces import (
    _sectors,
    second_order_sectors,
    trace_certificate,
)
from symness.validation import ParameterError


@pytest.mark.parametrize("delta", [Fraction(1), Fraction(3, 7), Fraction(1, 2)])
def test_agrees_with_unreduced_certificate(delta):
    field = rational_delta(delta)
    for n in (5, 6, 7):
        assert symmetric_trace_certificate(n, field).in_image == \
            trace_certificate(n, field).in_image is True


def test_commutant_perturbations_are_detected():
    # X + H_s^2 and X + F H_s (F the spin flip, which commutes with H_s) are not in Im ad_H
    field, n = rational_delta(Fraction(3, 7)), 6
    h, x = second_order_sectors(n, field)[3]
    basis = _sectors(n)[3]
    pos = {b: i for i, b in enumerate(basis)}
    flip = flint.fmpq_mat(h.nrows(), h.nrows())
    for b in basis:
        flip[pos[b ^ (2**n - 1)], pos[b]] = 1
    assert flip * h == h * flip
    assert certify_sector_symmetric(h, x, field, basis, n)[0]
    assert not certify_sector_symmetric(h, x + h * h, field, basis, n)[0]
    assert not certify_sector_symmetric(h, x + flip * h, field, basis, n)[0]


def test_quadratic_field_rejected():
    field = quadratic_delta("sqrt(3)-1", 2, -2)
    h, x = second_order_sectors(4, field)[2]
    with pytest.raises(ParameterError, match="field"):
        certify_sector_symmetric(h, x, field, _sectors(4)[2], 4)


def test_mirror_requires_exact_symmetry():
    # X_{n-s} = P X_s P^T with P = spin flip x reflection holds for (9) (measured at n = 6, 7,
    # Delta = 1, 3/7, 1/2, mu = 1, 1/3); a perturbed sector is no longer a mirror image
    from symness.mpa.open_points.point_ii_traces import _mirror_of

    field, n = rational_delta(Fraction(3, 7)), 6
    blocks = second_order_sectors(n, field, Fraction(1, 3))
    assert all(_mirror_of(s, n, blocks, _sectors(n), 1) for s in range(4, 7))
    h, x = blocks[2]
    blocks[2] = (h, x + h)
    assert not _mirror_of(4, n, blocks, _sectors(n), 1)
