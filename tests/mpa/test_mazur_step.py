"""The Mazur step (18)-(19): word sums of Z, overlaps, support weights, rates."""

from fractions import Fraction

import pytest

from symness.mpa.mazur.step import (
    current_words,
    hs_real,
    mazur_overlaps,
    support_decay,
    support_weights,
    support_weights_transfer,
    transfer_overlap,
    z_words,
)
from symness.validation import ParameterError


def test_overlaps_match_the_paper_at_n6():
    # reference: the paper, text before (19): (J, Q_Z) = (n-1)/2, (Q_Z, Q_Z) = 2<L|T^n|R>
    o = mazur_overlaps(6, Fraction(1, 3))
    assert o["J,Q"] == Fraction(5, 2)
    assert o["Q,Q"] == 2 * transfer_overlap(6, Fraction(1, 3))
    assert o["Z,Zdag"] == 0


def test_hermitian_part_instead_of_q_z_is_orthogonal_to_j():
    # mutation: Z + Z^dag in place of i(Z - Z^dag) has zero overlap with J, so the check
    # (J, Q_Z) = (n-1)/2 distinguishes the two
    z = z_words(5, Fraction(1, 3))
    plus = dict(z)
    for w, c in z.items():
        bar = w.translate(str.maketrans("+-", "-+"))
        plus[bar] = plus.get(bar, Fraction(0)) + c
    assert hs_real(current_words(5), plus) == 0


def test_support_weights_delta_half_closed_form():
    # reference: at Delta = 1/2, B = [[1/4, 3/8], [3/8, 1/4]] (matrix printed before (20)),
    # eigenvalues 5/8, -1/8, so u B^(k-2) v = ((5/8)^(k-2) + (-1/8)^(k-2)) / 8
    expected = {k: (Fraction(5, 8) ** (k - 2) + Fraction(-1, 8) ** (k - 2)) / 8
                for k in range(2, 9)}
    assert support_weights(8, Fraction(1, 2)) == expected
    assert support_weights_transfer(8, Fraction(1, 2)) == expected


def test_support_decay_at_delta_half():
    # reference: gap -log(5/8) from the printed T' before (20)
    import math

    d = support_decay(1, 3)
    assert d["gap"] == pytest.approx(-math.log(5 / 8), rel=1e-14)
    assert abs(d["rate"] - d["gap"]) <= d["bound"]
    with pytest.raises(ParameterError):
        support_decay(1, 2)
