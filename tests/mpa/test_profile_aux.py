"""Profiles (17) from T~, V~ built directly from the matrices (11)."""

from fractions import Fraction

from symness.mpa.transfer.profile_aux import correlations_from_aux, profile_from_aux


def test_isotropic_profile_is_linear():
    # reference: the paper, text after (17): at Delta = 1, M_j = mu (n + 1 - 2j)/4,
    # C_{j,k} = -mu^2/4
    n, mu = 9, Fraction(3, 5)
    assert profile_from_aux(n, 1, mu) == [mu * (n + 1 - 2 * j) / 4 for j in range(1, n + 1)]
    assert set(correlations_from_aux(5, 1, mu).values()) == {-mu * mu / 4}


def test_delta_half_profile_closed_form():
    # reference: the paper, Delta = 1/2: M_j = mu/9 (4 (5/8)^(j-1) - 4 (5/8)^(n-j)
    #            - (-8)^(1-n) ((-5)^(j-1) - (-5)^(n-j)))
    n = 8
    q = Fraction

    def paper(j):
        return q(1, 9) * (4 * q(5, 8) ** (j - 1) - 4 * q(5, 8) ** (n - j)
                          - q(-8) ** (1 - n) * (q(-5) ** (j - 1) - q(-5) ** (n - j)))

    assert profile_from_aux(n, Fraction(1, 2)) == [paper(j) for j in range(1, n + 1)]
