import numpy as np
import pytest

from symness.models import xxz_disordered as xd
from symness.operators.sparse import sigma_x, sigma_y, sigma_z
from symness.validation import ParameterError


def test_fields_reproducible_and_in_range():
    a = xd.disorder_fields(50, 0.6, 11)
    assert np.array_equal(a, xd.disorder_fields(50, 0.6, 11))
    assert not np.array_equal(a, xd.disorder_fields(50, 0.6, 12))
    assert np.all(np.abs(a) <= 0.6)
    assert np.all(xd.disorder_fields(5, 0, 3) == 0)


def test_hamiltonian_matches_pauli_construction():
    # reference: eq. (1) written directly with Pauli matrices s = sigma/2, end fields h/2
    m = xd.DisorderedXXZ(5, 1.3, h=0.9, seed=4, exchange=0.7)
    f, n = m.fields, m.n
    ref = sum(0.7 / 4 * (sigma_x(i, n) @ sigma_x(i + 1, n) + sigma_y(i, n) @ sigma_y(i + 1, n)
                         + 1.3 * sigma_z(i, n) @ sigma_z(i + 1, n)) for i in range(n - 1))
    weights = [0.5] + [1.0] * (n - 2) + [0.5]
    ref = ref + sum(weights[i] * f[i] / 2 * sigma_z(i, n) for i in range(n))
    err = abs(xd.hamiltonian(m) - ref).max()
    print("H error", err)
    assert err < 1e-14


def test_energy_current_is_the_commutator():
    # reference: i[eps_{01}, eps_{12}] computed numerically
    f = [0.3, -0.8, 0.5]
    e1 = np.kron(xd.bond_term(1.2, 0.7, f[0], f[1]), np.eye(2))
    e2 = np.kron(np.eye(2), xd.bond_term(1.2, 0.7, f[1], f[2]))
    err = np.abs(1j * (e1 @ e2 - e2 @ e1) - xd.energy_current_local(1.2, 0.7, f[1])).max()
    assert err < 1e-14


@pytest.mark.parametrize("kwargs", [dict(n=1, delta=1), dict(n=4, delta=1, h=-1),
                                    dict(n=4, delta=1, seed=-2), dict(n=4, delta=1, exchange=0)])
def test_bad_parameters(kwargs):
    with pytest.raises(ParameterError):
        xd.DisorderedXXZ(**kwargs)
