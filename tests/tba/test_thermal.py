from fractions import Fraction as F

import numpy as np
import pytest

from symness.tba import free_fermions as ff
from symness.tba.quadrature import RapidityGrid
from symness.tba.strings import string_content
from symness.tba.thermal import TBAConvergenceError, thermal_state


def test_free_fermion_free_energy():
    # reference: Jordan-Wigner fermions, k-space Gauss-Legendre
    st = thermal_state(string_content(F(1, 2)), 1.5, 0.2)
    assert abs(st.beta_free_energy - ff.beta_free_energy(1.5, 0.2)) < 1e-13


def test_infinite_temperature_fillings_of_takahashi():
    # Takahashi (1999): eta_j = (j + 1)^2 - 1, eta_{nu-1} = nu - 1, eta_nu = 1/(nu - 1)
    st = thermal_state(string_content(F(1, 5)), 0.0)
    eta = np.exp(st.log_eta[:, 0])
    assert np.allclose(eta, [3, 8, 15, 4, 0.25], rtol=1e-13)


def test_non_convergence_raises():
    with pytest.raises(TBAConvergenceError, match="no convergence"):
        thermal_state(string_content(F(1, 4)), 3.0, max_iter=2)


def test_grid_error_is_small_on_default_grid():
    c = string_content(F(1, 4))
    a = thermal_state(c, 2.0).beta_free_energy
    b = thermal_state(c, 2.0, grid=RapidityGrid(step=0.025, cutoff=18)).beta_free_energy
    print("grid error estimate:", abs(a - b))
    assert abs(a - b) < 1e-12


@pytest.mark.parametrize("beta", [-1.0, float("nan")])
def test_bad_beta(beta):
    with pytest.raises(ValueError, match="beta"):
        thermal_state(string_content(F(1, 3)), beta)
