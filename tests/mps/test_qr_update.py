"""The QR-based two-site update (Unfried, Hauschild, Pollmann 2023) against the full SVD."""

import numpy as np
import pytest

from symness.lindblad.steady_state import steady_state
from symness.models.thermal_reservoirs import DISSIPATOR, Reservoir
from symness.models.xxz_disordered import DisorderedXXZ, energy_current_operator, hamiltonian
from symness.mps import tebd
from symness.mps.convergence import Criterion
from symness.mps.lindblad_tebd import BoundaryDrivenChain, bond_generators, full_jumps
from symness.mps.mps import product_state
from symness.mps.transport import NessSettings, measure, solve_ness


def _theta(rng, cl=6, cr=5, decay=0.5):
    """A random two-site tensor with singular values ``decay**k`` (known spectrum)."""
    m, n = cl * 4, 4 * cr
    k = min(m, n)
    u, _ = np.linalg.qr(rng.normal(size=(m, k)))
    v, _ = np.linalg.qr(rng.normal(size=(n, k)))
    s = decay ** np.arange(k)
    return (u * s) @ v.T, s, v.T


def _reconstruct(left, right):
    return np.tensordot(left, right, axes=(2, 0))


@pytest.mark.parametrize("absorb_right", [True, False])
def test_qr_route_is_exact_when_the_guess_spans_the_kept_space(absorb_right):
    # reference: the known spectrum of the constructed theta (optimal rank-chi error)
    rng = np.random.default_rng(1)
    theta, s, vt = _theta(rng)
    chi = 8
    trunc = tebd.Truncation(chi=chi, trunc_weight=0.0, update="qr")
    u_full = np.linalg.svd(theta)[0]
    if absorb_right:
        guess = vt[:chi].reshape(chi, 4, 5)          # exact dominant row space
    else:
        guess = u_full[:, :chi].reshape(6, 4, chi)   # exact dominant column space
    left, right, disc = tebd._split(theta.reshape(6, 4, 4, 5), trunc, absorb_right, guess)
    optimum = np.sum(s[chi:] ** 2) / np.sum(s**2)
    assert abs(disc - optimum) < 1e-13
    err = np.linalg.norm(_reconstruct(left, right).reshape(theta.shape) - theta) ** 2
    assert abs(err / np.sum(s**2) - optimum) < 1e-13


@pytest.mark.parametrize("absorb_right", [True, False])
def test_qr_discarded_weight_is_the_true_error_and_above_the_svd_optimum(absorb_right):
    # reference: ||theta - approximation||^2 computed directly; optimum from numpy's SVD
    rng = np.random.default_rng(2)
    theta, s, _ = _theta(rng, decay=0.7)
    chi = 8
    guess = (rng.normal(size=(chi, 4, 5)) if absorb_right else rng.normal(size=(6, 4, chi)))
    trunc = tebd.Truncation(chi=chi, trunc_weight=0.0, update="qr")
    left, right, disc = tebd._split(theta.reshape(6, 4, 4, 5), trunc, absorb_right, guess)
    approx = _reconstruct(left, right).reshape(theta.shape)
    err = np.linalg.norm(approx - theta) ** 2 / np.linalg.norm(theta) ** 2
    optimum = np.sum(s[chi:] ** 2) / np.sum(s**2)
    assert abs(disc - err) < 1e-12
    assert disc >= optimum - 1e-14
    # canonical form: the tensor on the side away from the new center is an isometry
    iso = left.reshape(24, -1) if absorb_right else right.reshape(right.shape[0], -1).T
    assert np.abs(iso.T @ iso - np.eye(iso.shape[1])).max() < 1e-12


def test_qr_route_respects_the_weight_threshold():
    # reference: the known spectrum; keep the fewest values with discarded weight <= 1e-6
    rng = np.random.default_rng(3)
    theta, s, vt = _theta(rng, decay=0.1)
    trunc = tebd.Truncation(chi=20, trunc_weight=1e-6, update="qr")
    left, right, disc = tebd._split(theta.reshape(6, 4, 4, 5), trunc, True,
                                    vt.reshape(20, 4, 5))
    w = s**2 / np.sum(s**2)
    expected_keep = next(k for k in range(len(s)) if w[k:].sum() <= 1e-6)
    assert left.shape[2] == expected_keep < 20
    assert abs(disc - w[expected_keep:].sum()) < 1e-15


def test_qr_and_svd_evolutions_agree_within_the_truncation_error():
    # reference: the full-SVD route on the same chain (independent decomposition); both are
    # truncated (chi = 16 < 64 at L = 8), so they differ by O(discarded weight) only
    chain = BoundaryDrivenChain(DisorderedXXZ(8, 1, h=0.6, seed=0),
                                Reservoir("linear", beta=0.5), Reservoir("linear", beta=-0.5))
    cache = tebd.GateCache(bond_generators(chain))
    seq = tebd.merge_stages(tebd.stages(2) * 40)
    out = {}
    for update in ("svd", "qr"):
        mps = product_state([np.eye(2) / 2] * 8)
        tebd.apply_stages(mps, cache, seq, 0.1, tebd.Truncation(16, 1e-13, update))
        mps.normalize_trace()
        out[update] = (measure(chain, mps)["energy_current"], mps.discarded_sum)
    assert 1e-9 < out["svd"][1] <= out["qr"][1] < 2 * out["svd"][1]   # truncation is active
    scale = np.abs(out["svd"][0]).max()
    diff = np.abs(out["qr"][0] - out["svd"][0]).max() / scale
    print("relative difference", diff, "discarded", out["svd"][1], out["qr"][1])
    assert diff < 1e-3


def test_qr_ness_matches_svd_ness_and_the_exact_sector_solver(monkeypatch):
    # reference: exact NESS of the U(1)-sector solver (independent method) at L = 6; the QR
    # and SVD routes must agree within the Trotter/criterion error they share
    chain = BoundaryDrivenChain(DisorderedXXZ(6, 1, h=0.6, seed=0),
                                Reservoir("linear", beta=0.5), Reservoir("linear", beta=-0.5))
    calls = {"qr": 0}
    real = tebd._decompose_qr

    def spy(*args):
        calls["qr"] += 1
        return real(*args)

    monkeypatch.setattr(tebd, "_decompose_qr", spy)
    crit = Criterion(stationary_tol=1e-3, uniform_tol=1e-2, atol=1e-4)
    out = {}
    for update in ("svd", "qr"):
        res = solve_ness(chain, NessSettings(chi=16, dt=0.1, warmup_dt=0.25, criterion=crit,
                                             update=update, warm_stage="coarse"))
        out[update] = res.j_energy
    assert calls["qr"] > 0
    ref = steady_state(hamiltonian(chain.model), full_jumps(chain), dissipator=DISSIPATOR)
    j_ref = float(np.mean([ref.expect(energy_current_operator(i, chain.model))
                           for i in chain.energy_sites]))
    print(out, j_ref)
    assert abs(out["qr"] - out["svd"]) < 1e-3 * abs(j_ref)
    assert abs(out["qr"] - j_ref) < 1e-2 * abs(j_ref)


@pytest.mark.parametrize("shape", [(8, 32), (128, 512)])
def test_gram_svd_agrees_with_lapack_svd_over_the_kept_range(shape):
    # reference: scipy's gesdd on a matrix with a known spectrum 1 .. 1e-7 (the range the
    # TEBD runs keep).  Bound from the Gram error model: eigh's backward error <= k eps ||G||,
    # G = core core^T, so |ds_i| <= k eps s_0^2 / s_i (elementwise).  The flat 1e-9 is the
    # test's first, empirical bound, kept (measured: at most 3 eps s_0^2 / s, 2.9e-10);
    # u s vt = u u^T core is a projection on orthonormal u, so the rank-k reconstruction is
    # optimal to rounding (1e-13 of ||core||)
    rng = np.random.default_rng(7)
    k, n = shape
    u0, _ = np.linalg.qr(rng.normal(size=(k, k)))
    v0, _ = np.linalg.qr(rng.normal(size=(n, k)))
    s0 = np.logspace(0, -7, k)
    core = (u0 * s0) @ v0.T
    u, s, vt = tebd._gram_svd(core)
    ref = np.linalg.svd(core, compute_uv=False)
    assert np.abs(s - ref).max() < 1e-9
    assert np.all(np.abs(s - ref) <= k * np.finfo(float).eps * ref[0] ** 2 / ref)
    assert np.abs(u.T @ u - np.eye(k)).max() < 1e-13
    for rank in (k // 4, k // 2, k):
        approx = (u[:, :rank] * s[:rank]) @ vt[:rank]
        best = np.sqrt(np.sum(s0[rank:] ** 2))
        assert abs(np.linalg.norm(core - approx) - best) < 1e-13 * np.linalg.norm(core)
