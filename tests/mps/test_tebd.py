import numpy as np
import pytest
import scipy.linalg as la

from symness.lindblad.liouvillian import liouvillian
from symness.models.thermal_reservoirs import DISSIPATOR, Reservoir
from symness.models.xxz_disordered import DisorderedXXZ, hamiltonian
from symness.mps import tebd
from symness.mps.lindblad_tebd import BoundaryDrivenChain, bond_generators, full_jumps
from symness.mps.mps import expectations, product_state
from symness.mps.pauli_basis import operator_weights


def _chain():
    return BoundaryDrivenChain(DisorderedXXZ(4, 1.2, h=0.7, seed=2),
                               Reservoir("magnetization", mu=0.4),
                               Reservoir("magnetization", mu=-0.2))


def test_stage_coefficients_sum_to_one():
    for order in (2, 4):
        seq = tebd.stages(order)
        for layer in "AB":
            assert abs(sum(c for lay, c in seq if lay == layer) - 1) < 1e-14


@pytest.mark.parametrize("order", [2, 4])
def test_one_step_against_exact_propagator(order):
    # reference: dense exp(dt L) of the full Liouvillian; local error O(dt^(order+1))
    chain = _chain()
    gen = liouvillian(hamiltonian(chain.model), full_jumps(chain), dissipator=DISSIPATOR)
    rng = np.random.default_rng(0)
    sites = []
    for _ in range(4):
        v = rng.normal(size=3)
        v *= 0.9 / np.linalg.norm(v)
        sites.append(0.5 * (np.eye(2) + v[0] * np.array([[0, 1], [1, 0]])
                            + v[1] * np.array([[0, -1j], [1j, 0]]) + v[2] * np.diag([1, -1])))
    rho0 = sites[0]
    for s in sites[1:]:
        rho0 = np.kron(rho0, s)
    errs = []
    for dt in (0.2, 0.1):
        mps = product_state(sites)
        cache = tebd.GateCache(bond_generators(chain))
        trunc = tebd.Truncation(chi=64, trunc_weight=0.0)
        tebd.apply_stages(mps, cache, tebd.stages(order), dt, trunc)
        exact = (la.expm(dt * gen.toarray()) @ rho0.reshape(-1)).reshape(16, 16)
        errs.append(np.abs(mps.to_dense() - exact).max())
    slope = np.log2(errs[0] / errs[1])
    print("errors", errs, "slope", slope)
    assert order + 1 - 0.4 < slope < order + 1 + 0.6


def test_expectations_match_dense():
    # reference: tr(O rho) on the dense density matrix
    chain = _chain()
    rng = np.random.default_rng(3)
    mps = product_state([np.eye(2) / 2] * 4)
    cache = tebd.GateCache(bond_generators(chain))
    trunc = tebd.Truncation(chi=64, trunc_weight=0.0)
    tebd.apply_stages(mps, cache, tebd.stages(2) * 5, 0.3, trunc)
    rho = mps.to_dense()
    op = rng.normal(size=(8, 8)) + 1j * rng.normal(size=(8, 8))
    op = op + op.conj().T
    got = expectations(mps, [(1, operator_weights(op))])[0]
    ref = np.trace(np.kron(np.eye(2), op) @ rho).real / np.trace(rho).real
    assert abs(got - ref) < 1e-12
    mps.move_center(0)
    assert np.abs(mps.to_dense() - rho).max() < 1e-13
