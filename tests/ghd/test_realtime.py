import numpy as np
import pytest
import scipy.linalg as sla

from symness.ghd.realtime import bond_positions, domain_wall_tebd, site_positions

SX = np.array([[0, 0.5], [0.5, 0]])
SY = np.array([[0, -0.5j], [0.5j, 0]])
SZ = np.diag([0.5, -0.5])


def _op(single, site, n):
    out = np.ones((1, 1))
    for k in range(n):
        out = np.kron(out, single if k == site else np.eye(2))
    return out


def _exact_domain_wall(n, delta, t):
    """Dense exact evolution (independent of tenpy): <s^z_l> and j^z_l at time t."""
    h = sum(_op(SX, s, n) @ _op(SX, s + 1, n) + _op(SY, s, n) @ _op(SY, s + 1, n)
            + delta * _op(SZ, s, n) @ _op(SZ, s + 1, n) for s in range(n - 1))
    psi0 = np.zeros(2**n)
    psi0[int("0" * (n // 2) + "1" * (n // 2), 2)] = 1.0  # basis 0 = up (s^z = +1/2)
    psi = sla.expm(-1j * t * h) @ psi0
    sz = [np.real(psi.conj() @ _op(SZ, s, n) @ psi) for s in range(n)]
    jz = [np.real(psi.conj() @ (_op(SX, s, n) @ _op(SY, s + 1, n)
                                - _op(SY, s, n) @ _op(SX, s + 1, n)) @ psi)
          for s in range(n - 1)]
    return np.array(sz), np.array(jz)


def test_tebd_matches_exact_evolution_on_eight_sites():
    # reference: dense exp(-iHt) on (C^2)^8; order-4 Trotter dt = 0.1, no truncation
    run = domain_wall_tebd(8, 0.5, (1.0, 2.0), chi=16, dt=0.1)
    for k, t in enumerate((1.0, 2.0)):
        sz, jz = _exact_domain_wall(8, 0.5, t)
        assert np.max(np.abs(run.sz[k] - sz)) < 1e-5
        assert np.max(np.abs(run.jz[k] - jz)) < 1e-5
    assert run.jz[1][3] > 0.1  # magnetisation flows from the up half (left) to the right


def test_positions_put_the_junction_at_zero():
    assert site_positions(8)[3] == -0.5 and site_positions(8)[4] == 0.5
    assert bond_positions(8)[3] == 0.0


def test_times_must_be_multiples_of_dt():
    with pytest.raises(ValueError, match="times"):
        domain_wall_tebd(8, 0.5, (0.25,), chi=8, dt=0.1)
