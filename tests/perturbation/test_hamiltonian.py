import math

import numpy as np
import pytest

from symness.models import generic_anisotropic, transverse_ising
from symness.models.nearest_neighbour import field_hamiltonian, interaction_hamiltonian
from symness.perturbation.hamiltonian import (
    hamiltonian_zeroth_order,
    level_basis,
    zeroth_order_with_condition,
)
from symness.perturbation.series import DegenerateSeries, NonDegeneracyError
from symness.weak_coupling.chain import WeakCouplingChain, bath_pairs, edge_hamiltonian, pieces


def _hams(chain):
    n = chain.n
    h1 = interaction_hamiltonian(n, chain.alpha) + edge_hamiltonian(chain)
    return field_hamiltonian(n, chain.h), h1


@pytest.mark.parametrize("n", [3, 4])
def test_hamiltonian_route_matches_matrix_route(n):
    # two independent routes to (45)-(47): d x d populations vs d^2 x d^2 projectors
    chain = WeakCouplingChain(n=n, alpha=generic_anisotropic.coupling_tensor(), theta_b=1.0)
    h0, h1 = _hams(chain)
    fast = hamiltonian_zeroth_order(h0, h1, pieces(chain)[2])
    slow = DegenerateSeries(pieces(chain)).order(0).reshape(2**n, 2**n)
    err = np.abs(fast - slow).max()
    print("routes differ by", err)
    assert err < 1e-12


def test_effective_routes_agree_for_degenerate_levels():
    chain = WeakCouplingChain(n=4, alpha=transverse_ising.coupling_tensor(), theta_b=math.pi / 2)
    h0, h1 = _hams(chain)
    with pytest.raises(NonDegeneracyError):
        hamiltonian_zeroth_order(h0, h1, pieces(chain)[2])
    fast = hamiltonian_zeroth_order(h0, h1, pieces(chain)[2], degenerate="effective")
    slow = DegenerateSeries(pieces(chain), degenerate="effective").order(0).reshape(16, 16)
    assert np.abs(fast - slow).max() < 1e-12


def test_level_basis_diagonalises_h1_in_each_eigenspace():
    chain = WeakCouplingChain(n=3, alpha=generic_anisotropic.coupling_tensor(), theta_b=0.5)
    h0, h1 = _hams(chain)
    basis = level_basis(h0, h1)
    u = basis.vectors
    assert np.allclose(u.conj().T @ u, np.eye(8))
    assert np.allclose(u.conj().T @ h0.toarray() @ u, np.diag(basis.e0))
    block = u.conj().T @ h1.toarray() @ u
    same = basis.cluster[:, None] == basis.cluster[None, :]
    assert np.allclose(np.where(same, block, 0), np.diag(basis.e1))
    assert basis.nondegenerate


@pytest.mark.parametrize("name", ["generic", "transverse"])
def test_bath_pairs_route_matches_superoperator_route(name):
    # L2 given as Redfield pairs (X, S) vs as the d^2 x d^2 superoperator of (B2)
    alpha = generic_anisotropic.coupling_tensor() if name == "generic" else \
        transverse_ising.coupling_tensor()
    chain = WeakCouplingChain(n=4, alpha=alpha, theta_b=0.7 if name == "generic" else math.pi / 2)
    h0, h1 = _hams(chain)
    a = hamiltonian_zeroth_order(h0, h1, pieces(chain)[2], degenerate="effective")
    b = hamiltonian_zeroth_order(h0, h1, bath_pairs(chain), degenerate="effective")
    assert np.abs(a - b).max() < 1e-13


def test_with_condition_returns_the_same_state_and_kappa_at_least_one():
    # kappa = ||H|| / delta + sigma_max / sigma_{k-1} >= 1 by construction of both terms
    kappas = []
    for theta_b in (1.0, 1.5):
        chain = WeakCouplingChain(n=3, alpha=generic_anisotropic.coupling_tensor(),
                                  theta_b=theta_b)
        h0, h1 = _hams(chain)
        rho, kappa = zeroth_order_with_condition(h0, h1, bath_pairs(chain))
        assert np.abs(rho - hamiltonian_zeroth_order(h0, h1, bath_pairs(chain))).max() == 0
        kappas.append(kappa)
    assert all(k >= 1 for k in kappas)
