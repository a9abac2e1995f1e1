import pytest
import sympy as sp

from symness.exact.cos_field import cos_field, enclosure, sign, sin_squared, to_sympy, two_cos

X = sp.Symbol("x")


@pytest.mark.parametrize("m", [1, 2, 3, 5, 7, 12])
def test_two_cos_is_exact(m):
    # reference: sympy's own cos(2 pi k/m), compared by minimal polynomial of the difference
    for k in range(m):
        diff = to_sympy(two_cos(k, m), m) - 2 * sp.cos(2 * sp.pi * k / m)
        assert sp.minimal_polynomial(diff, X) == X


def test_field_degree_is_half_totient():
    # reference: [Q(cos 2pi/m) : Q] = phi(m)/2 for m > 2
    for m in range(3, 16):
        assert cos_field(m).mod.degree() == sp.totient(m) // 2


def test_enclosure_contains_value_and_sign():
    value = sin_squared(1, 7)
    ball = enclosure(value, 7, 300)
    import flint

    assert ball.rad() < 1e-80
    assert abs(float(ball.mid()) - float(sp.sin(sp.pi / 7) ** 2)) < 1e-15
    assert sign(value, 7) == 1 and sign(-value, 7) == -1 and sign(value - value, 7) == 0
    assert isinstance(ball, flint.arb)
