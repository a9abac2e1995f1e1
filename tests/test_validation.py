from fractions import Fraction

import pytest

from symness.validation import ParameterError, parse_number, require_int, require_real


@pytest.mark.parametrize("text,value", [("1/2", Fraction(1, 2)), ("0.1", Fraction(1, 10)),
                                        ("1e-3", Fraction(1, 1000)), ("-2", Fraction(-2))])
def test_parse_number_is_exact(text, value):
    assert parse_number(text, "x") == value


@pytest.mark.parametrize("text", ["nan", "inf", "1/0", "abc", ""])
def test_parse_number_rejects(text):
    with pytest.raises(ParameterError, match="'x'"):
        parse_number(text, "x")


def test_require_messages_name_parameter_and_range():
    with pytest.raises(ParameterError, match=r"'n' must be an integer >= 2 \(got 1\)"):
        require_int(1, "n", minimum=2)
    with pytest.raises(ParameterError, match=r"'mu' must be in \[-1, 1\] \(got 2\)"):
        require_real(2, "mu", minimum=-1, maximum=1)
    with pytest.raises(ParameterError, match="'eps' must be > 0"):
        require_real(0.0, "eps", minimum=0, open_minimum=True)
    with pytest.raises(ParameterError, match="finite"):
        require_real(float("nan"), "delta")
    with pytest.raises(ParameterError, match="integer"):
        require_int(2.0, "n")
