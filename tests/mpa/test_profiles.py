import mpmath
import pytest
import sympy as sp

from symness.cli import main
from symness.mpa.transfer.profiles import (
    ProfileParams,
    delta_half_closed_form,
    magnetization_profile,
    magnetization_profile_exact,
)
from symness.validation import ParameterError


def test_isotropic_profile_is_linear():
    # reference: the paper's closed form M_j = mu (n+1-2j)/4 (text after (17))
    profile = magnetization_profile(ProfileParams(9, 1, sp.Rational(3, 10)))
    for j, value in enumerate(profile, start=1):
        assert abs(value - mpmath.mpf(3) / 10 * (10 - 2 * j) / 4) < 1e-15  # expected in dps 15


def test_exact_delta_half_matches_paper():
    # reference: formula after (17)
    assert magnetization_profile_exact(6, 1, 3) == [delta_half_closed_form(j, 6, 1)
                                                    for j in range(1, 7)]


def test_bad_parameters():
    with pytest.raises(ParameterError):
        ProfileParams(1, 1, 1)
    with pytest.raises(ParameterError):
        ProfileParams(4, 1, 2)


def test_cli_profile_exact_and_errors(capsys):
    assert main(["mpa", "profile", "--n", "5", "--exact", "--lam", "1/3", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "1,403/1024" in out  # = delta_half_closed_form(1, 5, 1)
    assert delta_half_closed_form(1, 5, 1) == sp.Rational(403, 1024)
    assert main(["mpa", "profile", "--n", "5", "--delta", "x"]) == 2
    assert main(["mpa", "profile", "--n", "5", "--exact"]) == 2
    assert "'lam'" in capsys.readouterr().err
