from fractions import Fraction as F

import pytest

from symness.tba.strings import continued_fraction, string_content
from symness.validation import ParameterError


@pytest.mark.parametrize("nu", [2, 3, 4, 7])
def test_pi_over_nu_content_is_the_papers(nu):
    # paper 003: lengths 1..nu-1 with parity +1, and a negative-parity 1-string
    c = string_content(F(1, nu))
    assert c.lengths == tuple(range(1, nu)) + (1,)
    assert c.parities == (1,) * (nu - 1) + (-1,)
    assert c.signs == (1,) * (nu - 1) + (-1,)


def test_takahashi_suzuki_two_fifths_by_hand():
    # p0 = 5/2 = 2 + 1/2: nu = (2, 2), y = (1, 2), m = (0, 2, 4); worked out by hand from
    # Takahashi (1999) Sec. 9.2: n = (1, 1, 3, 2), v = (+, -, +, +), sigma = (+, -, -, +)
    assert continued_fraction(F(5, 2)) == (2, 2)
    c = string_content(F(2, 5))
    assert (c.lengths, c.parities, c.signs) == ((1, 1, 3, 2), (1, -1, 1, 1), (1, -1, -1, 1))


@pytest.mark.parametrize("bad", [F(2, 3), F(0), F(1), 0.25, F(-1, 3)])
def test_bad_gamma_is_refused(bad):
    with pytest.raises(ParameterError, match="gamma/pi"):
        string_content(bad)
