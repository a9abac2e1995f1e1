import math

import numpy as np
import pytest

from symness.validation import ParameterError
from symness.weak_coupling.chain import (
    WeakCouplingChain,
    full_liouvillian,
    local_t,
    steady_state_at,
    temperature_from_t,
    tilted_ising_chain,
)


def test_direct_solve_matches_svd_null_vector():
    # independent reference: the right singular vector of the smallest singular value
    chain = tilted_ising_chain(3, math.pi / 3)
    gen = full_liouvillian(chain, 0.05).toarray()
    _, s, vh = np.linalg.svd(gen)
    ref = vh[-1].conj().reshape(8, 8)
    ref = ref / np.trace(ref)
    rho = steady_state_at(chain, 0.05)
    print("smallest singular values", s[-2:])
    assert np.abs(rho - ref).max() < 1e-10
    assert np.linalg.eigvalsh(rho).min() > -1e-12


def test_local_temperature_of_a_product_gibbs_state():
    t = np.array([0.3, 0.6])
    rho = np.kron(np.diag([1 - t[0], 1 + t[0]]), np.diag([1 - t[1], 1 + t[1]])) / 4
    assert np.allclose(local_t(rho, 2), t)
    assert np.allclose(temperature_from_t(np.tanh(2.0)), 0.5)


def test_chain_validation():
    with pytest.raises(ParameterError, match="'n'"):
        tilted_ising_chain(1, 0.3)
    with pytest.raises(ParameterError, match="'h' must be nonzero"):
        tilted_ising_chain(2, 0.3, h=0)
    with pytest.raises(ParameterError, match="temperature_left"):
        tilted_ising_chain(2, 0.3, temperature_left=0)
    with pytest.raises(ParameterError, match="symmetric"):
        WeakCouplingChain(n=2, alpha=[[0, 1, 0], [0, 0, 0], [0, 0, 0]], theta_b=0.1)
    with pytest.raises(ParameterError, match="'n'"):
        steady_state_at(tilted_ising_chain(7, 0.3), 0.1)
