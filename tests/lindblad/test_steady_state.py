"""Steady-state solvers: sector GMRES vs dense LU vs qutip, checks, failure modes.

References: the dense LU of the full 4^n generator (method "dense", an
independent code path that knows nothing of sectors), qutip.steadystate (peer
library), and the closed-form steady state of a pumped qubit.
"""

import numpy as np
import pytest
import scipy.sparse as sp

from symness.lindblad.block_lyapunov import BlockLyapunov
from symness.lindblad.sector_solver import solve_sector_steady_state
from symness.lindblad.sectors import detect_sectors
from symness.lindblad.steady_state import SteadyStateError, steady_state
from symness.models.xxz_boundary_driven import (
    DISSIPATOR,
    XXZDrive,
    current_operators,
    hamiltonian,
    jump_operators,
)
from symness.operators.sparse import sigma_minus, sigma_plus, sigma_x, sigma_y, sigma_z
from symness.validation import ParameterError


def random_u1_model(n, seed):
    """XXZ-like chain with random couplings and fields, pumps/losses at random sites."""
    rng = np.random.default_rng(seed)
    h = sp.csr_matrix((2**n, 2**n), dtype=complex)
    for j in range(n - 1):
        jx, jz = rng.normal(size=2)
        h = h + jx * (sigma_x(j, n) @ sigma_x(j + 1, n) + sigma_y(j, n) @ sigma_y(j + 1, n))
        h = h + jz * sigma_z(j, n) @ sigma_z(j + 1, n)
    for j in range(n):
        h = h + rng.normal() * sigma_z(j, n)
    jumps = [rng.uniform(0.1, 1) * sigma_plus(j, n) for j in rng.choice(n, 2, replace=False)]
    jumps += [rng.uniform(0.1, 1) * sigma_minus(j, n) for j in rng.choice(n, 2, replace=False)]
    return h, jumps


def prosen_model(n, delta=0.5, mu=1.0, eps=0.1):
    return hamiltonian(n, delta), jump_operators(XXZDrive(n, delta, mu, eps))


def test_pumped_qubit_closed_form():
    # Closed form: with pump rate g_up and loss rate g_down ("standard"),
    # <sigma^z> = (g_up - g_down) / (g_up + g_down).
    up, down = 0.7, 0.2
    jumps = [np.sqrt(up) * np.array([[0, 1], [0, 0]]), np.sqrt(down) * np.array([[0, 0], [1, 0]])]
    for method in ("dense", "sparse", "sector"):
        ss = steady_state(np.diag([0.3, -0.3]), jumps, dissipator="standard", method=method)
        assert abs(ss.expect(np.diag([1.0, -1.0])) - (up - down) / (up + down)) < 1e-13


@pytest.mark.parametrize("n,seed,dissipator", [(3, 0, "standard"), (4, 1, "prosen"),
                                               (5, 2, "standard")])
def test_sector_matches_dense_on_random_u1_models(n, seed, dissipator):
    h, jumps = random_u1_model(n, seed)
    fast = steady_state(h, jumps, dissipator=dissipator, method="sector")
    ref = steady_state(h, jumps, dissipator=dissipator, method="dense")
    error = np.abs(fast.rho - ref.rho).max()
    print(f"n={n}: max |rho_sector - rho_dense| = {error:.1e}, {fast.iterations} iterations")
    assert error < 1e-10
    assert fast.checks.passed and ref.checks.passed


@pytest.mark.parametrize("n", [2, 3, 5])
def test_sector_matches_dense_on_prosen_model(n):
    h, jumps = prosen_model(n, delta=1.5, mu=0.3, eps=0.5)
    error = np.abs(steady_state(h, jumps, dissipator=DISSIPATOR, method="sector").rho
                   - steady_state(h, jumps, dissipator=DISSIPATOR, method="dense").rho).max()
    assert error < 1e-10


@pytest.mark.parametrize("eps", [1e-4, 1e-2, 1.0, 10.0])
def test_iteration_counts_stay_bounded_in_eps(eps):
    # Design claim of sector_solver: B = 1 - Phi + rank one is O(1) for any eps, so the
    # GMRES iteration count does not blow up as eps -> 0 (measured: 19-33 at n=6).
    h, jumps = prosen_model(6, eps=eps)
    ss = steady_state(h, jumps, dissipator=DISSIPATOR, method="sector")
    print(f"n=6 eps={eps:g}: {ss.iterations} GMRES iterations, residual {ss.checks.residual:.1e}")
    assert ss.iterations <= 80 and ss.checks.passed


def test_detection_reads_the_operators():
    h, jumps = prosen_model(3, mu=0.5)
    sectors = detect_sectors(h, jumps)
    assert sectors.sizes == (1, 3, 3, 1) and sectors.unknowns == 20  # C(6, 3)
    assert sorted(j.shift for j in sectors.jumps) == [-1, -1, 1, 1]
    # at mu = 1 two of the jumps (3) vanish and are dropped
    assert len(detect_sectors(*prosen_model(3, mu=1.0)).jumps) == 2
    # reflection + spin flip maps L1 <-> L4, L2 <-> L3 (3) and H (2) onto itself ...
    assert sectors.mirror is not None and sectors.independent == (0, 1)
    # ... but not a chain with random fields, nor unequal rates at the two ends
    assert detect_sectors(*random_u1_model(3, 0)).mirror is None
    assert detect_sectors(h, [*jumps[:3], 1.01 * jumps[3]]).mirror is None
    # a jump that changes the magnetisation by both +1 and -1 breaks the structure
    assert detect_sectors(h, [sigma_x(0, 3)]) is None
    # a field along x breaks conservation by H
    assert detect_sectors(h + sigma_x(1, 3), jumps) is None


def test_auto_falls_back_without_u1_structure():
    h, _ = prosen_model(3)
    jumps = [0.5 * sigma_x(0, 3), 0.3 * sigma_minus(2, 3), 0.2 * sigma_plus(2, 3)]
    ss = steady_state(h, jumps, dissipator="standard")
    assert ss.method == "dense" and ss.checks.passed
    with pytest.raises(ParameterError, match="'method'"):
        steady_state(h, jumps, dissipator="standard", method="sector")


def test_mirror_images_match_the_dense_solution():
    # The sector solver computes sectors m <= n/2 only; the others are mirror images.
    h, jumps = prosen_model(5, delta=0.8, mu=-0.6, eps=0.3)
    sectors = detect_sectors(h, jumps)
    ref = steady_state(h, jumps, dissipator=DISSIPATOR, method="dense").rho
    blocks = sectors.restrict(ref)
    completed = sectors.complete([b if m in sectors.independent else None
                                  for m, b in enumerate(blocks)])
    assert max(np.abs(x - y).max() for x, y in zip(completed, blocks)) < 1e-12


def test_lyapunov_inverse_is_exact():
    h, jumps = random_u1_model(4, 5)
    lyap = BlockLyapunov(detect_sectors(h, jumps), weight=1.0)
    rng = np.random.default_rng(0)
    c = [rng.normal(size=(d, d)) + 1j * rng.normal(size=(d, d))
         for d in detect_sectors(h, jumps).sizes]
    back = lyap.apply(lyap.solve(c))
    assert max(np.abs(x - y).max() for x, y in zip(back, c)) < 1e-10


def test_non_convergence_raises():
    h, jumps = prosen_model(6, eps=1e-3)
    with pytest.raises(RuntimeError, match="did not converge"):
        solve_sector_steady_state(detect_sectors(h, jumps), 2.0, restart=3, maxiter=1)


@pytest.mark.parametrize("method", ["dense", "sector"])
def test_non_unique_steady_state_raises(method):
    # Loss on site 0 only, H = 0: every state of site 1 is stationary (not unique).
    jumps = [sigma_minus(0, 2)]
    with pytest.raises(SteadyStateError):
        steady_state(sp.csr_matrix((4, 4)), jumps, dissipator="standard", method=method)


def test_bad_arguments():
    h, jumps = prosen_model(2)
    with pytest.raises(ParameterError, match="'method' must be one of"):
        steady_state(h, jumps, dissipator=DISSIPATOR, method="lu")
    with pytest.raises(ParameterError, match="'dissipator'"):
        steady_state(h, jumps, dissipator="gksl")


def test_expect_accepts_sparse_and_dense():
    h, jumps = prosen_model(4)
    ss = steady_state(h, jumps, dissipator=DISSIPATOR)
    op = current_operators(4)[1]
    assert abs(ss.expect(op) - ss.expect(op.toarray())) < 1e-15


@pytest.mark.peers
@pytest.mark.parametrize("n,delta,mu,eps", [(2, 0.5, 1.0, 0.1), (4, 1.0, 0.5, 0.01),
                                            (6, 1.5, -0.3, 0.5)])
def test_agrees_with_qutip_steadystate(n, delta, mu, eps):
    qutip = pytest.importorskip("qutip")
    h, jumps = prosen_model(n, delta, mu, eps)
    dims = [[2] * n, [2] * n]
    # qutip's dissipator is the standard one: D_prosen[L] = D_standard[sqrt(2) L].
    ref = qutip.steadystate(qutip.Qobj(h, dims=dims),
                            [qutip.Qobj(np.sqrt(2) * a, dims=dims) for a in jumps]).full()
    error = np.abs(steady_state(h, jumps, dissipator=DISSIPATOR).rho - ref).max()
    print(f"n={n}: max |rho - rho_qutip| = {error:.1e}")
    assert error < 1e-8
