"""The sector solver for jumps with any definite magnetisation change (weak U(1) symmetry).

Two-site reset jumps ``|psi_m><psi_l|`` between eigenvectors of definite magnetisation
change ``M`` by ``-2 .. 2`` (``0`` included).  References: the dense LU of the full
``4**n`` generator (method ``"dense"``, which knows nothing of sectors) and, for the
reset, its closed form ``gamma (R ⊗ tr_2 rho - rho)`` (Prosen & Žnidarič (2009) §2.4).
"""

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.stats import unitary_group

from symness.lindblad.sectors import detect_sectors
from symness.lindblad.steady_state import steady_state
from symness.operators.sparse import number_of_up_spins
from tests.lindblad.test_steady_state import random_u1_model


def _random_block_diagonal_state(rng) -> np.ndarray:
    """A two-site density matrix commuting with S^z, eigenvectors of definite M."""
    ups = number_of_up_spins(2)
    vecs = np.zeros((4, 4), dtype=complex)
    for q in np.unique(ups):
        idx = np.flatnonzero(ups == q)
        vecs[np.ix_(idx, idx)] = unitary_group.rvs(len(idx), random_state=rng) if len(idx) > 1 \
            else 1.0
    weights = rng.uniform(0.1, 1.0, size=4)
    return vecs, weights / weights.sum()


def _reset_model(n: int, seed: int):
    """random_u1_model's H with reset jumps sqrt(r_m/2)|psi_m><psi_l| on both edge pairs."""
    h, _ = random_u1_model(n, seed)
    rng = np.random.default_rng(seed)
    jumps = []
    for first in (0, n - 2):
        vecs, r = _random_block_diagonal_state(rng)
        left = sp.identity(2**first, format="csr")
        right = sp.identity(2 ** (n - first - 2), format="csr")
        for m in range(4):
            for k in range(4):
                local = np.sqrt(r[m] / 2) * np.outer(vecs[:, m], vecs[:, k].conj())
                jumps.append(sp.kron(sp.kron(left, sp.csr_matrix(local)), right, format="csr"))
    return h, jumps, vecs, r


def test_reset_jumps_have_shifts_minus_two_to_two():
    h, jumps, _, _ = _reset_model(4, 0)
    sectors = detect_sectors(h, jumps)
    assert sectors is not None
    # |psi_m><psi_l| with M(psi) in {0, 1, 2}: shifts M_m - M_l, each pair (m, l) once per edge
    assert sorted({j.shift for j in sectors.jumps}) == [-2, -1, 0, 1, 2]


@pytest.mark.parametrize("n,seed,dissipator", [(3, 1, "prosen"), (4, 2, "standard"),
                                               (5, 3, "prosen")])
def test_sector_matches_dense_with_reset_jumps(n, seed, dissipator):
    h, jumps, _, _ = _reset_model(n, seed)
    fast = steady_state(h, jumps, dissipator=dissipator, method="sector")
    ref = steady_state(h, jumps, dissipator=dissipator, method="dense")
    error = np.abs(fast.rho - ref.rho).max()
    print(f"n={n}: max |rho_sector - rho_dense| = {error:.1e}, {fast.iterations} iterations")
    assert fast.method == "sector" and error < 1e-10


def test_reset_alone_relaxes_to_its_target():
    # Closed form (PZ2009 §2.4): with H = 0 and only the left reset, the steady state of
    # the two reset sites is the target R; the other sites are left alone, so add a
    # single-spin reset on the third site to make the steady state unique: R ⊗ R_3.
    rng = np.random.default_rng(5)
    vecs, r = _random_block_diagonal_state(rng)
    target = (vecs * r) @ vecs.conj().T
    jumps = [sp.kron(sp.csr_matrix(np.sqrt(r[m] / 2) * np.outer(vecs[:, m], vecs[:, k].conj())),
                     sp.identity(2), format="csr") for m in range(4) for k in range(4)]
    p_up = 0.3
    jumps += [sp.kron(sp.identity(4), sp.csr_matrix(np.sqrt(p / 2) * np.outer(a, b)),
                      format="csr")
              for p, a in ((p_up, [1, 0]), (1 - p_up, [0, 1])) for b in ([1, 0], [0, 1])]
    ss = steady_state(np.zeros((8, 8)), jumps, dissipator="prosen", method="sector")
    expected = np.kron(target, np.diag([p_up, 1 - p_up]))
    assert np.abs(ss.rho - expected).max() < 1e-12
