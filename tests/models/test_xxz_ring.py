"""The periodic XXZ ring (7) in momentum and S^z blocks, against dense diagonalisation."""

import numpy as np
import pytest

from symness.models.xxz_ring import XXZRing, eigensystem, hamiltonian, translation
from symness.validation import ParameterError


@pytest.mark.parametrize("n, field", [(6, -1.0), (7, 0.3), (8, 0.0)])
def test_block_spectrum_matches_dense_eigvalsh(n, field):
    # reference: numpy eigvalsh of the full 2^n x 2^n Hamiltonian (independent of the blocks)
    ring = XXZRing(n=n, delta=0.8, field=field)
    es = eigensystem(ring)
    dense = np.linalg.eigvalsh(hamiltonian(ring).toarray())
    err = np.abs(np.sort(es.energy) - dense).max()
    print(f"n={n}: spectrum error {err:.1e}")
    assert err < 1e-12


def test_eigenvectors_are_momentum_and_sz_eigenstates():
    ring = XXZRing(n=6, delta=0.8, field=-1.0)
    es = eigensystem(ring)
    u = es.dense_vectors()
    assert np.abs(u.conj().T @ u - np.eye(64)).max() < 1e-13
    t = translation(6).toarray()
    # T|psi> = exp(i k)|psi>, k = 2 pi m / n
    assert np.abs(u.conj().T @ t @ u - np.diag(np.exp(2j * np.pi * es.momentum / 6))).max() < 1e-13
    assert np.abs(es.to_eigenbasis(hamiltonian(ring)) - np.diag(es.energy)).max() < 1e-13
    # sector sizes are binomial coefficients
    assert [int(np.sum(es.sector == m)) for m in range(7)] == [1, 6, 15, 20, 15, 6, 1]


def test_translation_moves_site_j_to_j_plus_one():
    # |up down down> (site 0 up) -> |down up down>
    t = translation(3).toarray()
    state = np.zeros(8)
    state[0b011] = 1
    assert np.argmax(t @ state) == 0b101


@pytest.mark.parametrize("kw", [dict(n=2), dict(n=17), dict(n=6, exchange=0),
                                dict(n=6, delta=float("nan"))])
def test_bad_parameters_raise(kw):
    with pytest.raises(ParameterError):
        XXZRing(**kw)
