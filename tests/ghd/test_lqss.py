from fractions import Fraction as F

import numpy as np
import pytest

from symness.ghd.claims import free_fermion_profile_error
from symness.ghd.lqss import cell_fraction_positive
from symness.ghd.profiles import domain_wall_states, profile
from symness.tba.quadrature import RapidityGrid
from symness.tba.strings import string_content


def test_step_weights_integrate_cubics_exactly_between_crossings():
    # u > 0 on (-1.37, 0.234) (a quadratic); g a cubic: the weights integrate g exactly
    h = 0.1
    lam = np.arange(-30, 31) * h
    chi = cell_fraction_positive((-(lam - 0.234) * (lam + 1.37))[None, :])[0]
    prim = lambda x: x + x**2 / 2 - x**3 / 6 + 0.3 * x**4 / 4  # noqa: E731
    g = 1 + lam - 0.5 * lam**2 + 0.3 * lam**3
    assert abs(h * np.sum(chi * g) - (prim(0.234) - prim(-1.37))) < 1e-13
    assert set(np.round(chi[:10], 12)) == {0.0} and set(np.round(chi[20:30], 12)) == {1.0}


def test_free_fermion_profiles_converge_at_sixth_order():
    # reference: free-fermion closed forms; the error must drop ~64x per halving of h
    e1, e2 = free_fermion_profile_error(0.1), free_fermion_profile_error(0.05)
    print("errors", e1, e2)
    assert e2 < 5e-7 and e1 / e2 > 40.0


@pytest.mark.parametrize("half_width", [2, 3])
def test_step_weights_are_exact_for_polynomials_of_the_stencil_degree(half_width):
    # g of degree 2W - 1 and u with two simple roots: the weights integrate g exactly
    # over {u > 0} (reference: the antiderivative, by hand)
    h = 0.1
    lam = np.arange(-30, 31) * h
    u = (-(lam - 0.234) * (lam + 1.37))[None, :]
    chi = cell_fraction_positive(u, half_width)[0]
    deg = 2 * half_width - 1
    g = lam**deg
    exact = (0.234 ** (deg + 1) - (-1.37) ** (deg + 1)) / (deg + 1)
    assert abs(h * np.sum(chi * g) - exact) < 1e-12
    # one degree higher is not exact (the test can fail)
    g2 = lam ** (deg + 1)
    exact2 = (0.234 ** (deg + 2) - (-1.37) ** (deg + 2)) / (deg + 2)
    assert abs(h * np.sum(chi * g2) - exact2) > 1e-9


def test_domain_wall_filling_is_all_down():
    # the right state of Example 3 has <s^z> = -1/2 (all spins down)
    c = string_content(F(1, 3))
    left, right = domain_wall_states(c, RapidityGrid(step=0.1, cutoff=16))
    prof = profile(left, right, np.array([5.0]))
    assert abs(prof.right["sz"] + 0.5) < 1e-12 and abs(prof.left["sz"] - 0.5) < 1e-15
