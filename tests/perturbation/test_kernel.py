import numpy as np
import pytest
import scipy.sparse as sp
import sympy

from symness.perturbation.kernel import (
    KernelError,
    NearDegeneracyError,
    dense_null_vector,
    exact_kernel,
    numeric_kernel,
)


def _projector(k):
    return (k.right @ k.dual.conj().T).toarray()


def test_numeric_kernel_of_non_normal_matrix_is_the_spectral_projector():
    # M = S diag(0, 0, 1, 2) S^-1 with a non-unitary S: the projector is S diag(1,1,0,0) S^-1
    rng = np.random.default_rng(1)
    s = rng.normal(size=(4, 4)) + 1j * rng.normal(size=(4, 4))
    m = s @ np.diag([0, 0, 1, 2]) @ np.linalg.inv(s)
    k = numeric_kernel(m)
    p = _projector(k)
    expected = s @ np.diag([1, 1, 0, 0]) @ np.linalg.inv(s)
    err = np.abs(p - expected).max()
    print("spectral projector error", err)
    assert k.dim == 2 and err < 1e-10
    assert np.abs(m @ p).max() < 1e-10 and np.abs(p @ m).max() < 1e-10


def test_numeric_kernel_splits_blocks():
    m = sp.block_diag([np.zeros((1, 1)), np.array([[1.0, 1.0], [1.0, 1.0]]), np.eye(2)])
    k = numeric_kernel(m)
    assert k.dim == 2
    p = _projector(k)
    assert np.allclose(p @ p, p) and np.allclose(m.toarray() @ p, 0)


def test_jordan_block_raises():
    with pytest.raises(KernelError, match="semisimple"):
        numeric_kernel(np.array([[0.0, 1.0], [0.0, 0.0]]))


def test_near_degenerate_singular_value_raises():
    with pytest.raises(NearDegeneracyError):
        numeric_kernel(np.diag([1.0, 1e-9]))


def test_exact_kernel_rational():
    m = sympy.Matrix([[1, 1, 0], [1, 1, 0], [0, 0, 2]])
    k = exact_kernel(m)
    p = k.right * k.dual.H
    assert k.dim == 1 and p * p == p and m * p == sympy.zeros(3, 3)
    assert p == sympy.Matrix([[1, -1, 0], [-1, 1, 0], [0, 0, 0]]) / 2


def test_exact_kernel_jordan_raises():
    with pytest.raises(KernelError):
        exact_kernel(sympy.Matrix([[0, 1], [0, 0]]))


def test_dense_null_vector_requires_one_dimension():
    v = dense_null_vector(np.array([[1.0, -1.0], [-1.0, 1.0]]))
    assert abs(abs(v[0]) - abs(v[1])) < 1e-14
    with pytest.raises(KernelError, match="dimension 2"):
        dense_null_vector(np.zeros((2, 2)))
