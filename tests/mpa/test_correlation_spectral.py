import pytest
import sympy as sp

from symness.exact.cos_field import to_sympy
from symness.mpa.tables_correlations import correlation_closed_forms_table
from symness.mpa.transfer.correlation_spectral import isotropic_correlation, spectral_correlation
from symness.mpa.transfer.profiles import correlations_exact
from symness.validation import ParameterError


@pytest.mark.parametrize(("ell", "m"), [(1, 3), (1, 4), (3, 4)])
def test_closed_form_equals_exact_correlations(ell, m):
    # reference: mu^2 <L|T^(j-1) V T^(k-j-1) V T^(n-k)|R> (17) via profiles.correlations_exact
    n = 7
    closed = spectral_correlation(ell, m)
    exact = correlations_exact(n, ell, m)
    for j in range(1, n + 1):
        for k in range(j + 1, n + 1):
            assert sp.expand(to_sympy(closed.value(j, k, n), m) - exact[j - 1, k - 1]) == 0


def test_isotropic_closed_form_is_paper_constant():
    # reference: paper, text after (17): C_{j,k} = -mu^2/4 at Delta = 1
    j, k, n = sp.symbols("j k n", integer=True, positive=True)
    assert sp.simplify(isotropic_correlation().expression(j, k, n)) == sp.Rational(-1, 4)


def test_xx_chain_nearest_neighbour_only():
    # reference: direct TM products at Delta = 0 (m = 2), n = 6: only k = j + 1 is nonzero
    exact = correlations_exact(6, 1, 2)
    closed = spectral_correlation(1, 2)
    for j in range(1, 7):
        for k in range(j + 1, 7):
            assert to_sympy(closed.value(j, k, 6), 2) == exact[j - 1, k - 1]
    assert exact[0, 1] == sp.Rational(-1, 4) and exact[0, 2] == 0


def test_bad_parameters():
    with pytest.raises(ParameterError):
        spectral_correlation(2, 4)
    with pytest.raises(ParameterError):
        correlation_closed_forms_table(max_m=9)
