"""Two-timescale zero mode of L^Q at large fields (sector_steady_state.py)."""

import math

import numpy as np
import pytest

from symness.pump.exact_steady_state import PIVOT_RATIO, bordered_system, generator_q
from symness.pump.model import PumpParams
from symness.pump.sector_steady_state import (
    aggregation_iteration,
    reduced_stationary,
    sector_zero_mode,
    split_by_magnetisation,
)
from symness.pump.system import PumpSystem

RATIO = math.sqrt(2.5)


@pytest.fixture(scope="module")
def strong():
    return PumpSystem(PumpParams(n=6, field=4.0))


def _parts(s, ratio=RATIO):
    l_intra, l_inter, l_d = s.lq_parts
    return l_intra + ratio**2 * l_d, l_inter, s.pairs, s.couplings.eigen.sector


def test_gth_keeps_relative_accuracy_of_tiny_rates():
    # reference: birth-death closed form pi_{k+1}/pi_k = up_k / down_k (detailed balance)
    up, down = np.array([1e-30, 2.0]), np.array([3.0, 5e-25])
    rates = np.zeros((3, 3))
    for k in range(2):
        rates[k + 1, k], rates[k, k + 1] = up[k], down[k]
    pi = reduced_stationary(rates)
    expected = np.cumprod(np.concatenate([[1.0], up / down]))
    assert np.allclose(pi / pi[0], expected, rtol=1e-14, atol=0)


def test_gth_refuses_reducible_chain():
    rates = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    with pytest.raises(RuntimeError, match="reducible"):
        reduced_stationary(rates)


def test_split_parts_sum_to_phonon_generator(strong):
    # reference: the phonon part of L^Q built from the unsplit coupling
    cp, pairs = strong.couplings, strong.pairs
    l_intra, l_inter, _ = strong.lq_parts
    whole = generator_q(cp, pairs, (cp.phonon,))
    assert np.abs(l_intra + l_inter - whole).max() <= 1e-13 * np.abs(whole).max()
    keep, change = split_by_magnetisation(cp.phonon, cp.eigen.sector)
    sec = cp.eigen.sector
    assert not np.any(keep.ops[0][sec[:, None] != sec[None, :]])
    assert not np.any(change.ops[0][sec[:, None] == sec[None, :]])


def test_agrees_with_direct_lu_where_that_is_well_conditioned():
    # reference: bordered LU of the whole L^Q (independent algorithm), B = 2
    s = PumpSystem(PumpParams(n=6, field=2.0))
    direct = bordered_system(s.generator(RATIO), s.pairs)
    assert direct.pivot_ratio > PIVOT_RATIO
    state = sector_zero_mode(*_parts(s))
    assert np.abs(state.x - direct.solve()).max() < 1e-12


def test_large_field_agrees_with_aggregation_iteration(strong):
    # reference: iterative aggregation-disaggregation (fixed point, no global LU)
    assert bordered_system(strong.generator(RATIO), strong.pairs).pivot_ratio < PIVOT_RATIO
    state = sector_zero_mode(*_parts(strong))
    x, iterations = aggregation_iteration(*_parts(strong))
    assert state.method == "sectors" and iterations > 1
    assert np.abs(state.x - x).max() < 1e-9
    assert state.min_eigenvalue > 0 and state.residual < 1e-14


def test_exact_falls_back_to_sectors(strong):
    state, obs = strong.exact(RATIO)
    assert state.method == "sectors" and state.pivot_ratio > PIVOT_RATIO
    assert abs(state.x[strong.pairs.populations].real.sum() - 1) < 1e-12


def test_refuses_without_sz_relaxation():
    # gamma_m = 0: S^z is conserved by everything, one zero mode per sector
    s = PumpSystem(PumpParams(n=6, field=3.0, gamma_m=0.0))
    with pytest.raises(RuntimeError, match="not unique"):
        s.exact(RATIO)
