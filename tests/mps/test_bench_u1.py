"""The U(1) engine of ``bench mps-u1`` against the package's TEBD (independent check).

Here, not in tests/benchmarks (collected only with ``--bench``), so that CI runs it.
"""

import pytest


def test_u1_engine_reproduces_the_package_untruncated():
    # reference: the package's real Pauli TEBD, full-SVD route (an independent
    # implementation: other basis, dense tensors, other library).  At L = 6, chi = 64 and
    # trunc_weight = 0 nothing is truncated, so both must give the same Trotterised state
    # after 20 steps to rounding: bound 1e-12 of the largest coefficient (1e4 x machine
    # epsilon for ~100 updates; measured 3e-15; a truncation of 1e-13 in weight gives 1e-7)
    pytest.importorskip("tenpy")
    import numpy as np

    from symness.mps.bench_u1 import U1TEBD, _chain, _package
    from symness.mps.mps import PauliMPS

    _, gens, _ = _chain(6)
    eng = U1TEBD(gens, 64, trunc_weight=0.0)
    step, _, mps = _package(gens, 64, trunc_weight=0.0, update="svd")
    for _ in range(20):
        eng.step(0.25)
        step(0.25)
    u1 = PauliMPS(eng.pauli_tensors()).coefficients().reshape(-1)
    assert np.abs(u1.imag).max() < 1e-12
    ref = mps.coefficients().reshape(-1)
    assert np.abs(u1.real - ref).max() < 1e-12 * np.abs(ref).max()
