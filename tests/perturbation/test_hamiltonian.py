import math

import numpy as np
import pytest

from symness.models import generic_anisotropic, transverse_ising
from symness.models.nearest_neighbour import field_hamiltonian, interaction_hamiltonian
from symness.perturbation.hamiltonian import hamiltonian_zeroth_order, level_basis
from symness.perturbation.series import DegenerateSeries, NonDegeneracyError
from symness.weak_coupling.chain import WeakCouplingChain, edge_hamiltonian, pieces


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
