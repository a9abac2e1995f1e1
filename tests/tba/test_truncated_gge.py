"""Truncated GGEs of the Neel and Bell-pair quenches (``tba.truncated_gge``)."""

from fractions import Fraction as F

import pytest

from symness.tba import lattice_charges as lc
from symness.tba.exact_diag import ThermalRing
from symness.tba.quadrature import RapidityGrid
from symness.tba.strings import string_content
from symness.tba.thermal import TBAConvergenceError, gge_state
from symness.tba.truncated_gge import exact_delta, fit_gge, initial_values, quench_gge

_GRID = RapidityGrid(step=0.1, cutoff=12.0)


@pytest.mark.parametrize("beta", [-1.0, -0.4])
def test_negative_temperature_free_energy_against_ed(beta):
    # the Bell state needs beta_1 < 0; reference: ED rings L = 10, 12 (|error| < finite size)
    content = string_content(F(1, 3))
    tba = gge_state(content, {1: beta}).beta_free_energy
    ed = [ThermalRing.cached(n, 0.5).beta_free_energy(beta) for n in (10, 12)]
    assert abs(tba - ed[1]) < abs(ed[1] - ed[0])


def test_free_fermion_point_is_infinite_temperature():
    # at Delta = 0 every <q_n> of both states vanishes (exact, lattice_charges), the
    # infinite-temperature value: the truncated GGE must be beta_n = 0
    content = string_content(F(1, 2))
    for state in (lc.NEEL, lc.BELL):
        assert all(v == 0 for v in initial_values(content, state, range(1, 8)).values())
        gge = quench_gge(content, state, 2, grid=_GRID)
        assert max(abs(b) for b in gge.multipliers.values()) < 1e-9


@pytest.mark.parametrize("state", [lc.NEEL, lc.BELL])
def test_fit_reproduces_exact_targets(state):
    # reference: exact rationals <psi_0|q_n|psi_0> (Neel q_1 = -Delta/2, Bell -Delta/8)
    content = string_content(F(1, 3))
    gge = quench_gge(content, state, 2, grid=_GRID)
    assert gge.targets[1] == {"neel": F(-1, 4), "bell": F(-1, 16)}[state.name]
    assert gge.residual < 1e-11
    assert set(gge.multipliers) == {1, 3}


def test_bell_state_has_negative_temperature_and_neel_positive():
    # Bell <h> = Delta/8 > 0 = infinite-temperature <h>; Neel <h> = -Delta/4 < 0
    content = string_content(F(1, 3))
    assert quench_gge(content, lc.BELL, 1, grid=_GRID).multipliers[1] < 0
    assert quench_gge(content, lc.NEEL, 1, grid=_GRID).multipliers[1] > 0


def test_unreachable_energy_raises():
    # below the ground-state energy per site (-3/8 - Delta/4 = -1/2 for q_1 at Delta = 1/2)
    with pytest.raises(TBAConvergenceError):
        fit_gge(string_content(F(1, 3)), {1: -0.6}, grid=_GRID, max_iter=8)


def test_exact_delta():
    assert exact_delta(string_content(F(1, 3))) == F(1, 2)
    assert isinstance(exact_delta(string_content(F(1, 4))), float)


@pytest.mark.slow
def test_neel_k6_by_scaled_levenberg_marquardt():
    """K = 6 (Q_1 .. Q_11) of the Neel quench: the Newton fit fails (its residual is dominated
    by <q_11> = 16365321/1024), the scaled Levenberg-Marquardt fit reproduces all six exact
    rationals (reference: lattice_charges) to 1e-11 relative (about 11 s)."""
    from symness.tba.charges import charge_density
    from symness.tba.dressing import Dressing

    content, grid = string_content(F(1, 3)), RapidityGrid(step=0.05, cutoff=12.0)
    gge = quench_gge(content, lc.NEEL, 6, grid=grid)
    d = Dressing(gge.state)
    for n, t in initial_values(content, lc.NEEL, (1, 3, 5, 7, 9, 11)).items():
        assert abs(charge_density(d, n) - float(t)) <= 1e-11 * max(1.0, abs(float(t)))
