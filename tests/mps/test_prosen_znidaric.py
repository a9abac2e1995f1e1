"""PZ2009 conventions: Pauli Hamiltonian, baths of their eq. (7), current and the quantity."""

import numpy as np
import pytest

from symness.models.xxz_disordered import hamiltonian, spin_current_operator
from symness.mps import prosen_znidaric as pz
from symness.mps.lindblad_tebd import full_jumps
from symness.mps.sweep import chain_from_spec
from symness.operators.sparse import sigma_minus, sigma_plus, sigma_x, sigma_y, sigma_z


def test_spec_is_the_pauli_xxz_chain_with_eq7_baths():
    # reference: PZ2009's H = sum sx sx + sy sy + Delta sz sz and L = sqrt(1 +- mu) sigma^+-
    # built independently from Pauli matrices (symness.operators.sparse)
    n, delta, mu = 4, 1.5, 0.02
    chain = chain_from_spec(pz.spec(n, "3/2", "1/50"))
    want = sum(sigma_x(k, n) @ sigma_x(k + 1, n) + sigma_y(k, n) @ sigma_y(k + 1, n)
               + delta * sigma_z(k, n) @ sigma_z(k + 1, n) for k in range(n - 1))
    assert abs(hamiltonian(chain.model) - want).max() < 1e-14
    jumps = [j.toarray() for j in full_jumps(chain)]
    expected = [np.sqrt(1 + mu) * sigma_plus(0, n), np.sqrt(1 - mu) * sigma_minus(0, n),
                np.sqrt(1 - mu) * sigma_plus(n - 1, n), np.sqrt(1 + mu) * sigma_minus(n - 1, n)]
    assert all(np.allclose(j, e.toarray(), atol=1e-15) for j, e in zip(jumps, expected))
    # j^S at J = 4 is sigma^x sigma^y - sigma^y sigma^x (the normalisation of PZ2009's j)
    js = spin_current_operator(1, chain.model)
    assert abs(js - (sigma_x(1, n) @ sigma_y(2, n) - sigma_y(1, n) @ sigma_x(2, n))).max() < 1e-14


def test_pz_quantity_uses_pauli_profile_at_sites_3_and_n_minus_2():
    # reference: hand evaluation of j (n - 4) / (S_3 - S_{n-2}) with S = 2 <s^z>, 1-based
    sz = np.linspace(0.01, -0.01, 16)          # <s^z_k>, k = 0..15
    value = pz.pz_quantity("3/2", 16, 1e-3, sz)
    assert value == pytest.approx(1e-3 * 12 / (2 * sz[2] - 2 * sz[13]), rel=1e-14)
    assert pz.pz_quantity("1/2", 16, 0.18, sz) == 0.18


def test_chi_override_changes_only_the_bond_dimension():
    base, high = pz.spec(32, "3/2", "1/50"), pz.spec(32, "3/2", "1/50", chi=64)
    assert high["settings"] == dict(base["settings"], chi=64)
    assert {k: v for k, v in high.items() if k != "settings"} == \
        {k: v for k, v in base.items() if k != "settings"}
    assert pz.spec(16, "1/2", "11/50", chi=pz.SETTINGS["chi"]) == pz.spec(16, "1/2", "11/50")
