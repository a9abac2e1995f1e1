"""The null vector of the reduced generator without singular vectors (the N = 10 route)."""

import numpy as np
import pytest

from symness.perturbation import kernel
from symness.perturbation.kernel import KernelError, certified_null_vector, dense_null_vector


def _unit_phase(v):
    """``v`` with its largest entry made real positive (null vectors are defined up to phase)."""
    k = np.argmax(np.abs(v))
    return v * abs(v[k]) / v[k]


def test_exactly_singular_matrix_gets_its_null_vector():
    # [[1, -1], [-1, 1]] has an exactly zero LU pivot; its null vector is (1, 1)/sqrt 2
    y, s, angle = certified_null_vector(np.array([[1.0, -1.0], [-1.0, 1.0]]))
    # one inverse-iteration step leaves a component (replaced pivot u ||M||_inf) / sigma_1
    # = u times ||b|| / |<(1, 1), b>| of the random right-hand side: 1e-14 covers it
    assert np.abs(_unit_phase(y) - np.array([1, 1]) / np.sqrt(2)).max() < 1e-14
    assert s[-1] == 0 and angle < 1e-14


def test_agrees_with_the_svd_route_within_its_angle_bound():
    # independent reference: the right singular vector of the SVD with vectors
    rng = np.random.default_rng(5)
    a = rng.standard_normal((60, 59)) + 1j * rng.standard_normal((60, 59))
    m = a @ (rng.standard_normal((59, 60)) + 1j * rng.standard_normal((59, 60)))
    y, _, angle = certified_null_vector(m)
    ref = dense_null_vector(m)
    sine = np.linalg.norm(y - ref * np.vdot(ref, y))     # component of y orthogonal to ref
    print("sin angle", sine, "bound", angle)
    # the bound holds up to the SVD route's own error u ||M|| / sigma_{k-1}
    s = np.linalg.svd(m, compute_uv=False)
    assert sine <= angle + 10 * 2.0**-53 * s[0] / s[-2]
    # and the certificate is tight: a backward-stable solve leaves ||M y|| <~ n u ||M||, so
    # angle <~ n u sigma_0 / sigma_{k-1} (4.5e-12 here; 1.8e-12 measured with numpy 2.4.6,
    # below 1e-12 with the earlier BLAS: the old fixed bound 1e-12 was not an error model)
    assert angle < m.shape[0] * 2.0**-53 * s[0] / s[-2]


def test_two_dimensional_kernel_is_refused():
    with pytest.raises(KernelError, match="dimension 2"):
        certified_null_vector(np.diag([1.0, 0.0, 0.0]))


def test_a_vector_off_the_kernel_is_refused(monkeypatch):
    # a solve that returned (1, 0) instead of the null vector (1, 1)/sqrt 2 has the
    # a-posteriori bound ||M y|| / sigma_1 = sqrt(2)/2 > gap_tol
    monkeypatch.setattr(kernel.sla, "lu_solve", lambda *args, **kwargs: np.array([1.0, 0.0]))
    with pytest.raises(KernelError, match="angle bound 7.1e-01"):
        certified_null_vector(np.array([[1.0, -1.0], [-1.0, 1.0]]))
