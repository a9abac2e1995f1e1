from fractions import Fraction as F

import numpy as np

from symness.ghd.claims import free_fermion_profile_error
from symness.ghd.lqss import cell_fraction_positive
from symness.ghd.profiles import domain_wall_states, profile
from symness.tba.quadrature import RapidityGrid
from symness.tba.strings import string_content


def test_cell_fraction_is_exact_for_a_linear_function():
    # u = lambda - 0.23 on a grid of step 0.1: the cell containing 0.23 is 0.75 positive
    lam = np.arange(-5, 6) * 0.1
    frac = cell_fraction_positive((lam - 0.23)[None, :])[0]
    expected = np.clip((lam + 0.05 - 0.23) / 0.1, 0, 1)
    assert np.max(np.abs(frac - expected)) < 1e-12


def test_free_fermion_profiles_converge_at_second_order():
    # reference: free-fermion closed forms; the error must drop ~4x per halving of h
    e1, e2 = free_fermion_profile_error(0.08), free_fermion_profile_error(0.04)
    print("errors", e1, e2)
    assert e2 < 3e-4 and e1 / e2 > 3.0


def test_domain_wall_filling_is_all_down():
    # the right state of Example 3 has <s^z> = -1/2 (all spins down)
    c = string_content(F(1, 3))
    left, right = domain_wall_states(c, RapidityGrid(step=0.1, cutoff=16))
    prof = profile(left, right, np.array([5.0]))
    assert abs(prof.right["sz"] + 0.5) < 1e-12 and abs(prof.left["sz"] - 0.5) < 1e-15
