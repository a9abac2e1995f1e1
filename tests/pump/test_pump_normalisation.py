"""Drive normalisation (eqs. (8), (19), (20)) and the maximum locators."""

import numpy as np
import pytest
import sympy

from symness.pump.drive_normalisation import drive_fourier_components
from symness.pump.maxima import exact_maximum, grid_maximum, rate_factor
from symness.pump.model import PumpParams
from symness.pump.system import PumpSystem
from symness.validation import ParameterError


def test_fourier_components_reassemble_eq8():
    # e^{i w t} H^(-) + e^{-i w t} H^(+) must give back sin(w t) X1 + cos(w t) X2
    x1, x2 = sympy.symbols("X1 X2", real=True)
    t, w = sympy.symbols("t omega", positive=True)
    h_plus, h_minus = drive_fourier_components(x1, x2)
    back = sympy.exp(sympy.I * w * t) * h_minus + sympy.exp(-sympy.I * w * t) * h_plus
    target = sympy.sin(w * t) * x1 + sympy.cos(w * t) * x2
    assert sympy.simplify(sympy.expand_complex(back - target)) == 0


def test_grid_maximum_is_exact_for_a_parabola():
    r = np.array([0.0, 0.5, 1.0, 2.0, 3.0])
    values = 4 - (r - 1.3) ** 2  # vertex at 1.3, value 4
    vertex, top = grid_maximum(r, values)
    assert vertex == pytest.approx(1.3, abs=1e-12) and top == pytest.approx(4, abs=1e-12)


def test_grid_maximum_refuses_an_edge_maximum():
    with pytest.raises(ParameterError, match="'values'"):
        grid_maximum([0, 1, 2], [0, 1, 2])


def test_rate_factor_moves_the_maximum_as_r_over_sqrt_s():
    # L^Q = eps_ph^2 L_ph + eps_d^2 L_d: drive rates x s <=> r -> r sqrt(s)
    assert rate_factor(3.0) == pytest.approx(9.0)
    assert rate_factor(2.0, r_paper=2.0) == pytest.approx(1.0)


def test_exact_maximum_is_a_local_maximum():
    # n = 6, spin current at B = -1: the Brent result beats its neighbours +-10%
    system = PumpSystem(PumpParams(n=6, field=-1.0))
    r_star, value, _ = exact_maximum(system, "spin_current", bracket=(0.2, 10.0), xatol=1e-4)
    assert abs(system.exact(r_star)[1]["spin_current"]) == pytest.approx(value, rel=1e-12)
    for r in (0.9 * r_star, 1.1 * r_star):
        assert abs(system.exact(r)[1]["spin_current"]) < value


def test_exact_maximum_validates_its_bracket():
    with pytest.raises(ParameterError, match="'bracket'"):
        exact_maximum(PumpSystem(PumpParams(n=6)), "heat_current", bracket=(2.0, 1.0))


def test_markovian_gge_refuses_a_degenerate_h0():
    from symness.pump.markovian import markovian_gge

    with pytest.raises(ParameterError, match="'h0'"):
        markovian_gge(np.diag([0.0, 1.0, 1.0]), [np.eye(3)])


def test_gge_projector_of_eq4():
    from symness.pump.markovian import gge_projector

    proj = gge_projector(np.array([0.5, 0.3, 0.2]))
    assert np.abs(proj @ proj - proj).max() < 1e-14
    assert np.linalg.matrix_rank(proj) == 2  # d - 1 independent charges
    # eq. (4): P X = 0 iff Tr(C_i X) = 0 (an off-diagonal X), and P keeps d rho0/d lambda_0
    off_diagonal = np.zeros((3, 3))
    off_diagonal[0, 1] = 1
    assert np.abs(proj @ off_diagonal.reshape(-1)).max() < 1e-14
    tangent = 0.5 * (np.diag([0.5, 0.3, 0.2]) - np.diag([1.0, 0, 0])).reshape(-1)
    assert np.abs(proj @ tangent - tangent).max() < 1e-14


def test_fig2_rejects_a_large_ring():
    from symness.pump.fig2 import fig2_fixed_point

    with pytest.raises(ParameterError, match="'n'"):
        fig2_fixed_point(14, 1.0)
