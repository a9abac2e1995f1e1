"""L^Q of eq. (11) on the equal-momentum degenerate pairs."""

import numpy as np
import pytest

from symness.pump.couplings import Channels, couplings
from symness.pump.exact_steady_state import (
    degenerate_pairs,
    exact_steady_state,
    generator_q,
    multiplet_count,
    zero_mode,
)
from symness.pump.model import PumpParams, phonon_coupling


@pytest.fixture(scope="module")
def small():
    p = PumpParams(n=4, field=0.0, eps_d=1.3, eps_ph=0.7)
    cp = couplings(p)
    return p, cp, degenerate_pairs(cp.eigen)


def _superop(left, right):
    """Row-major vec: vec(L rho R) = (L kron R^T) vec(rho)."""
    return np.kron(left, right.T)


def test_drive_part_equals_floquet_formula(small):
    # reference: the paper's Floquet form -P [L_{-1} (L0 + i w - eta)^-1 L_1
    # + L_1 (L0 - i w - eta)^-1 L_{-1}] P with L_{+-1} = -i eps_d [H^(+-), .]  (Methods)
    p, cp, pairs = small
    e = cp.energy
    dim = len(e)
    x1, x2 = cp.drive.ops
    hp, hm = (x2 + 1j * x1) / 2, (x2 - 1j * x1) / 2
    eye = np.eye(dim)
    l_plus = -1j * (_superop(hp, eye) - _superop(eye, hp))
    l_minus = -1j * (_superop(hm, eye) - _superop(eye, hm))
    l0 = np.diag((-1j * (e[:, None] - e[None, :])).ravel())
    w, eta = p.omega, p.eta_d
    res_p = np.linalg.inv(l0 + (1j * w - eta) * np.eye(dim**2))
    res_m = np.linalg.inv(l0 + (-1j * w - eta) * np.eye(dim**2))
    full = -(l_minus @ res_p @ l_plus + l_plus @ res_m @ l_minus)
    idx = pairs.a * dim + pairs.b
    expected = full[np.ix_(idx, idx)]
    got = generator_q(cp, pairs, (cp.drive,))
    err = np.abs(got - expected).max() / np.abs(expected).max()
    print(f"drive L^Q vs Floquet formula: relative error {err:.1e}")
    assert err < 1e-12


def test_phonon_translation_trick_equals_explicit_site_sum(small):
    # reference: every site's A_j as its own channel (no multiplicity n)
    p, cp, pairs = small
    ops = tuple(cp.eigen.to_eigenbasis(phonon_coupling(p, site=j)) for j in range(p.n))
    gam = cp.phonon.gamma
    explicit = sum(generator_q(cp, pairs, (Channels(ops=(op,), gamma=gam, multiplicity=1.0),))
                   for op in ops)
    assert np.abs(generator_q(cp, pairs, (cp.phonon,)) - explicit).max() < 1e-12


def test_trace_and_hermiticity_preserved(small):
    _, cp, pairs = small
    lq = generator_q(cp, pairs)
    pop = pairs.populations
    assert np.abs(lq[pop].sum(axis=0)).max() < 1e-12  # d Tr rho / dt = 0
    rng = np.random.default_rng(1)
    x = rng.normal(size=pairs.size) + 1j * rng.normal(size=pairs.size)
    index = {(a, b): k for k, (a, b) in enumerate(zip(pairs.a, pairs.b))}
    swap = np.array([index[(b, a)] for a, b in zip(pairs.a, pairs.b)])
    x = x + x[swap].conj()  # Hermitian input
    y = lq @ x
    assert np.abs(y - y[swap].conj()).max() < 1e-12


def test_steady_state_is_a_density_matrix_with_coherences(small):
    _, cp, pairs = small
    ss = exact_steady_state(cp, pairs)
    assert ss.residual < 1e-12 and ss.hermiticity < 1e-12
    assert ss.min_eigenvalue > 0
    assert abs(ss.populations().sum() - 1) < 1e-12
    # B = 0: spin-flip degeneracies at equal momentum carry coherences
    assert np.abs(ss.x[pairs.a != pairs.b]).max() > 1e-3


def test_zero_mode_refuses_non_unique_kernel(small):
    _, _, pairs = small
    with pytest.raises(RuntimeError, match="not unique"):
        zero_mode(np.zeros((pairs.size, pairs.size), dtype=complex), pairs)


def test_pair_count_is_sum_of_squares(small):
    _, cp, pairs = small
    count, gap = multiplet_count(cp.eigen)
    assert count == pairs.size and gap > pairs.tol
    total, _ = multiplet_count(cp.eigen, same_momentum=False)
    assert total % 2 == 0  # sum of d^2 has the parity of sum of d = 2^n
