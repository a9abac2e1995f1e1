import math

import numpy as np
import pytest

from symness.validation import ParameterError
from symness.weak_coupling.baths import (
    BathConstants,
    bath_map,
    bath_superoperator,
    coupling_operator,
    s_operator,
)


def _random_state(d, seed):
    rng = np.random.default_rng(seed)
    a = rng.normal(size=(d, d)) + 1j * rng.normal(size=(d, d))
    rho = a @ a.conj().T
    return rho / np.trace(rho)


@pytest.mark.parametrize("site", [0, 2])
def test_superoperator_matches_matrix_map(site):
    # two implementations of (B2): sparse superoperator vs explicit matrix products
    theta, t, consts = 0.7, 0.4, BathConstants(c=1.3, d=0.6)
    rho = _random_state(8, 3)
    sup = bath_superoperator(theta, t, consts, site, 3)
    eye = np.eye(2)
    factors = [eye] * 3
    factors[site] = coupling_operator(theta)
    x = np.kron(np.kron(factors[0], factors[1]), factors[2])
    factors[site] = s_operator(theta, t, 1.3, 0.6)
    s = np.kron(np.kron(factors[0], factors[1]), factors[2])
    err = np.abs((sup @ rho.reshape(-1)).reshape(8, 8) - bath_map(rho, x, s)).max()
    assert err < 1e-14


@pytest.mark.parametrize("theta,t", [(0.3, 0.2), (math.pi / 4, 0.9), (1.2, -0.5)])
def test_local_gibbs_state_is_stationary_and_trace_is_preserved(theta, t):
    # KMS/detailed balance (B8): D (1 - t sigma^z)/2 = 0, closed form of the bath's fixed point
    sup = bath_superoperator(theta, t, BathConstants(c=0.7, d=2.0), 0, 1)
    gibbs = np.diag([1 - t, 1 + t]) / 2
    assert np.abs(sup @ gibbs.reshape(-1)).max() < 1e-15
    trace = np.eye(2).reshape(-1)
    assert np.abs(trace @ sup.toarray()).max() < 1e-15


def test_bath_constants_validated():
    with pytest.raises(ParameterError, match="'c' must be >= 0"):
        BathConstants(c=-1)
    with pytest.raises(ParameterError, match="'t'"):
        bath_superoperator(0.1, 1.5, BathConstants(), 0, 2)
