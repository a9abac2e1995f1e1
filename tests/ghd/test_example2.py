"""Example 2 (Neel | Bell pairs): boundary GGEs and LQSS profiles (``ghd.profiles``)."""

from fractions import Fraction as F

import numpy as np

from symness.ghd.profiles import profile, quench_states
from symness.tba.quadrature import RapidityGrid
from symness.tba.strings import string_content

_GRID = RapidityGrid(step=0.1, cutoff=12.0)


def test_free_fermion_point_gives_flat_infinite_temperature_profiles():
    # at Delta = 0 both states have every <q_n> equal to the infinite-temperature value
    # (exact rationals, tba.lattice_charges): nothing flows, q_1 = 0 everywhere
    left, right = quench_states(string_content(F(1, 2)), _GRID, 1)
    prof = profile(left, right, np.array([-0.5, 0.0, 0.5]), extra=(3,))
    for key in ("q1", "j1", "q3", "j3", "sz", "jz"):
        assert np.max(np.abs(prof.values[key])) < 1e-10


def test_energy_flows_from_the_bell_side_to_the_neel_side():
    # Bell <h> = Delta/8 > Neel <h> = -Delta/4 (exact), so j_1(0) < 0 (towards -x); the
    # profile of q_1 is monotone across the junction for the thermal (K = 1) GGEs
    left, right = quench_states(string_content(F(1, 3)), _GRID, 1)
    zetas = np.linspace(-0.9, 0.9, 7)
    prof = profile(left, right, zetas, extra=(3,))
    assert prof.values["j1"][3] < -1e-2
    assert np.all(np.diff(prof.values["q1"]) > 0)
    assert set(prof.left) == set(prof.values) >= {"q3", "j3"}
