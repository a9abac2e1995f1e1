import numpy as np
import pytest

from symness.tba.exact_diag import ThermalRing, continuity_current, embed, local_bond, q2_density


def _one_magnon(n, k):
    psi = np.zeros(2**n, dtype=complex)
    for x in range(n):
        psi[1 << (n - 1 - x)] = np.exp(1j * k * x) / np.sqrt(n)
    return psi


@pytest.mark.parametrize("delta", [0.0, 0.5, 0.8])
def test_q2_one_magnon_eigenvalue_is_the_recursion(delta):
    # q_2(lambda) = -(sin g/2) e'(lambda) = sin k (cos k - Delta) with e^{ik} of paper eq. (2)
    n = 8
    q2 = sum(_roll(embed(q2_density(delta), n).toarray(), j, n) for j in range(n))
    for m in range(n):
        k = 2 * np.pi * m / n
        psi = _one_magnon(n, k)
        val = (psi.conj() @ q2 @ psi).real - q2[0, 0].real
        assert abs(val - np.sin(k) * (np.cos(k) - delta)) < 1e-12


def _roll(op, shift, n):
    perm = np.array([int(format(b, f"0{n}b")[-shift:] + format(b, f"0{n}b")[:-shift], 2)
                     if shift else b for b in range(2**n)])
    p = np.zeros((2**n, 2**n))
    p[perm, np.arange(2**n)] = 1
    return p @ op @ p.T


@pytest.mark.parametrize("delta", [0.3, 0.5])
def test_local_currents_satisfy_continuity(delta):
    # the solver raises if j_x - j_{x+1} = i[H, q_x] has no local solution
    j1 = continuity_current(local_bond(delta), delta)
    j2 = continuity_current(q2_density(delta), delta)
    assert abs(np.trace(j1)) < 1e-12 and abs(np.trace(j2)) < 1e-12


def test_thermal_free_energy_against_dense_trace():
    ring = ThermalRing(6, 0.5)
    ham = ring.hamiltonian.toarray()
    sz = sum(np.kron(np.kron(np.eye(2**j), np.diag([0.5, -0.5])), np.eye(2 ** (5 - j)))
             for j in range(6))
    vals = np.linalg.eigvalsh(ham - 0.3 * sz)
    ref = -np.log(np.sum(np.exp(-0.7 * vals))) / 6
    assert abs(ring.beta_free_energy(0.7, 0.3) - ref) < 1e-13
