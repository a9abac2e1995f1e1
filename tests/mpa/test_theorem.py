import numpy as np
import sympy as sp

from symness.mpa.algebra.theorem import DELTA, check_conservation_law, z_operator
from symness.mpa.open_points.point_ii import image_test, z_dense


def test_conservation_detects_wrong_anisotropy():
    # negative control: Z built at symbolic Delta does not commute with H at Delta + 1
    z = z_operator(4)
    assert check_conservation_law(z)
    assert not check_conservation_law(z, DELTA + 1)


def test_exact_and_dense_z_agree():
    # two independent constructions: exact Pauli algebra (polynomial gauge) vs float words of (11)
    exact = z_operator(5).to_sparse({DELTA: sp.Rational(3, 7)}).toarray()
    assert np.abs(exact - z_dense(5, 3 / 7)).max() < 1e-14


def test_image_test_detects_a_commuting_component(monkeypatch):
    # negative control: add H itself (which commutes with H) to D rho(2)
    import symness.mpa.open_points.point_ii as op

    original = op.second_order_dense

    def shifted(n, delta, mu):
        h, x = original(n, delta, mu)
        return h, x + h

    monkeypatch.setattr(op, "second_order_dense", shifted)
    assert image_test(4, 0.5).relative_commutant_part > 1e-3


def test_exact_image_test_rejects_a_commuting_operator():
    # negative control: H itself commutes with H, so X = H is not in Im ad_H; X = [H, Y] is
    import flint

    from symness.mpa.open_points.point_ii_exact import in_image_of_ad, site_op

    n = 3
    h = flint.fmpq_mat(2**n, 2**n)
    for j in range(n - 1):
        h += 2 * (site_op("+", j, n) * site_op("-", j + 1, n)
                  + site_op("-", j, n) * site_op("+", j + 1, n))
        h += flint.fmpq(1, 2) * (site_op("z", j, n) * site_op("z", j + 1, n))
    y = site_op("z", 0, n)
    assert not in_image_of_ad(h, h, n)
    assert in_image_of_ad(h, h * y - y * h, n)
