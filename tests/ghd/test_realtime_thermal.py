"""Purification TEBD of the two-temperature junction (``ghd.realtime_thermal``).

References: dense exact evolution of the density matrix (``exact_junction``, scipy expm,
independent of tenpy), and the closed-form energy of two thermal sites.
"""

import numpy as np
import pytest

from symness.ghd.realtime_thermal import exact_junction, junction_couplings, junction_tebd
from symness.validation import ParameterError


def _richardson_error(length, times, dtau):
    """|TEBD - dense| at dtau and dtau/2, and of their Richardson extrapolation (order 2)."""
    q, j = exact_junction(length, 0.5, (1.0, 2.0), times)
    runs = [junction_tebd(length, 0.5, (1.0, 2.0), times, chi=4**(length // 2), dt=0.05,
                          dtau=d) for d in (dtau, dtau / 2)]
    errs = [max(np.max(np.abs(r.q1 - q)), np.max(np.abs(r.j1 - j))) for r in runs]
    extrap = [(4 * b - a) / 3 for a, b in ((runs[0].q1, runs[1].q1), (runs[0].j1, runs[1].j1))]
    rich = max(np.max(np.abs(extrap[0] - q)), np.max(np.abs(extrap[1] - j)))
    return errs, rich, runs


def test_six_sites_match_dense_evolution_with_dtau_squared_error():
    # imaginary time is second order in dtau: the error drops 4x per halving, and the
    # Richardson combination removes it down to the real-time Trotter error (order 4, dt 0.05:
    # ~1e-9 at t = 1, measured 16x below dt = 0.1)
    errs, rich, runs = _richardson_error(6, (1.0,), 0.01)
    assert 3.5 < errs[0] / errs[1] < 4.5
    assert errs[1] < 1e-6
    assert rich < 1e-8
    assert max(runs[1].sz_max) < 1e-10  # spin-flip symmetry


@pytest.mark.slow
def test_eight_sites_match_dense_evolution_to_1e8():
    errs, rich, _ = _richardson_error(8, (1.0, 2.0), 0.01)
    assert 3.5 < errs[0] / errs[1] < 4.5
    assert rich < 1e-8


def test_dense_reference_two_sites_closed_form():
    # two sites: rho ~ exp(-beta_L h) (only bond is the junction at L = 2 -> use L = 4,
    # left pair at beta_L, right pair at beta_R); <h> of one pair at beta: the triplet
    # energies 1/4 (x2, Delta = 1/2 -> Delta/4 = 1/8 for up-up, down-down), the S^z = 0 block
    # [[-Delta/4, 1/2], [1/2, -Delta/4]] -> -Delta/4 +- 1/2
    q, _ = exact_junction(4, 0.5, (1.0, 2.0), (1e-9,))
    for beta, bond in ((1.0, 0), (2.0, 2)):
        levels = np.array([0.125, 0.125, -0.125 + 0.5, -0.125 - 0.5])
        weights = np.exp(-beta * levels)
        assert q[0][bond] == pytest.approx(weights @ levels / weights.sum() - 0.125, abs=1e-9)


def test_junction_couplings():
    assert junction_couplings(6, 1.0, 2.0).tolist() == [1.0, 1.0, 0.0, 2.0, 2.0]


def test_bad_parameters():
    with pytest.raises(ParameterError, match="length"):
        junction_tebd(7, 0.5, (1.0, 2.0), (1.0,), chi=8)
    with pytest.raises(ParameterError, match="times"):
        junction_tebd(8, 0.5, (1.0, 2.0), (0.25,), chi=8, dt=0.1)
    with pytest.raises(ParameterError, match="dtau"):
        junction_tebd(4, 0.5, (1.0, 2.0), (0.1,), chi=8, dtau=0.3)
    with pytest.raises(ParameterError, match="length"):
        exact_junction(12, 0.5, (1.0, 2.0), (1.0,))
