"""The memory-lean exact solver (n = 14) against the dense one of PumpSystem (the reference).

Both solve the same bordered real system; they differ in how the couplings are
stored (sector blocks vs dense), in how ``L^Q`` is assembled (real-form row
blocks of two parts vs one dense complex matrix) and in the residual.  Rounding
of the assembly (1e-16 per entry) times the LU's condition number (about 1e3,
README) bounds the difference by about 1e-13; the tolerance is 1e-10 relative.
"""

import numpy as np
import pytest
import scipy.linalg as sla

from symness import resources
from symness.models.xxz_ring import eigensystem
from symness.pump.cost import lean_cost, require_lean_fits
from symness.pump.lean_steady_state import LeanPump, hermitian_blocks
from symness.pump.model import PumpParams, phonon_coupling
from symness.pump.system import PumpSystem
from symness.validation import ParameterError

RTOL = 1e-10


def _compare(params: PumpParams, ratios=(1.0, 2.5)) -> None:
    lean, ref = LeanPump(params), PumpSystem(params)
    for r in ratios:
        state, obs = lean.exact(r)
        ref_state, ref_obs = ref.exact(r)
        assert np.array_equal(state.pairs.a, ref_state.pairs.a)
        scale = np.abs(ref_state.x).max()
        assert np.abs(state.x - ref_state.x).max() <= RTOL * scale
        assert state.residual < 1e-14 and state.pivot_ratio > 1e-3
        for key, value in ref_obs.items():
            # J_H at B = 0 is zero by symmetry (~1e-17): absolute floor 1e-14 there
            assert abs(obs[key] - value) <= max(RTOL * abs(value), 1e-14), key


@pytest.mark.parametrize("field", [-1.0, 0.0])
def test_lean_solver_reproduces_dense_solver_n8(field):
    _compare(PumpParams(n=8, field=field))


def test_lean_solver_reproduces_dense_solver_n10():  # 2 s
    _compare(PumpParams(n=10, field=-1.0), ratios=(1.0,))


def test_block_operator_equals_dense_eigenbasis_matrix():
    params = PumpParams(n=6, field=-0.5)
    es = eigensystem(params.ring)
    op = phonon_coupling(params)
    dense = es.to_eigenbasis(op)
    dense = (dense + dense.conj().T) / 2
    blocks = hermitian_blocks(es, op)
    rng = np.random.default_rng(1)
    rows, cols = rng.integers(0, 64, 20), rng.integers(0, 64, 30)
    assert np.array_equal(blocks[np.ix_(rows, cols)], dense[np.ix_(rows, cols)])
    assert np.array_equal(blocks[rows, :], dense[rows, :])
    assert np.array_equal(blocks[:, cols], dense[:, cols])
    assert np.array_equal(blocks.values(rows, cols[:20]), dense[rows, cols[:20]])
    # gamma_m S^x S^z changes S^z by one: blocks with |dm| <= 1 only (7 + 2 * 6 of 49)
    assert sorted({abs(a - b) for a, b in blocks.blocks}) == [0, 1]
    assert len(blocks.blocks) == 19
    with pytest.raises(TypeError):
        blocks[rows, cols]


def test_fortran_order_lu_is_in_place():
    # the n = 14 memory budget counts one working copy: getrf must not copy it
    a = np.asfortranarray(np.random.default_rng(0).normal(size=(50, 50)))
    lu, _ = sla.lu_factor(a, overwrite_a=True, check_finite=False)
    assert np.shares_memory(lu, a)


def test_lean_cost_fits_12_gib_at_n14_and_refuses_above_available(monkeypatch):
    # the brief's target: one n = 14 point in <= 12 GiB
    assert lean_cost(14).bytes < 12 * 2**30
    assert lean_cost(14, 2 * 18212).bytes > lean_cost(14).bytes  # more pairs, more memory
    monkeypatch.setattr(resources, "available_memory", lambda: 4 * 2**30)
    with pytest.raises(ParameterError, match="'n'"):
        require_lean_fits(14)
    assert require_lean_fits(12).bytes < 4 * 2**30
