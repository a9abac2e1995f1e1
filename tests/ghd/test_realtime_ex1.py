"""The 1/t extrapolation and error propagation of ``ghd.realtime_ex1`` (synthetic data)."""

import numpy as np
import pytest

from symness.ghd.realtime_ex1 import (
    FIT_TIMES,
    fit_intercept,
    intercept_weights,
    lattice_positions,
    on_rays,
)


def test_fit_recovers_an_exact_one_over_t_law():
    # f(t) = a + c/t exactly: intercept a, zero standard error (reference: the law itself)
    a, c = np.array([0.3, -0.1]), np.array([2.0, 0.5])
    values = np.array([a + c / t for t in FIT_TIMES])
    ext, sigma = fit_intercept(FIT_TIMES, values)
    assert ext == pytest.approx(a, abs=1e-13)
    assert np.all(sigma < 1e-12)
    assert intercept_weights(FIT_TIMES) @ values == pytest.approx(a, abs=1e-13)


def test_intercept_weights_reproduce_constants_and_kill_one_over_t():
    w = intercept_weights(FIT_TIMES)
    assert w.sum() == pytest.approx(1.0, abs=1e-13)
    assert w @ (1 / np.array(FIT_TIMES)) == pytest.approx(0.0, abs=1e-13)


def test_standard_error_sees_a_wrong_law():
    # f = a + c/t^2 is not of the fitted form: nonzero residuals, nonzero sigma
    values = np.array([[0.3 + 2.0 / t**2] for t in FIT_TIMES])
    _, sigma = fit_intercept(FIT_TIMES, values)
    assert sigma[0] > 1e-4


def test_rays_interpolate_linearly_between_lattice_points():
    x = lattice_positions("q1", 8)  # bonds at -3 .. 3
    assert x.tolist() == [-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0]
    assert lattice_positions("j1", 8).tolist() == [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]
    assert on_rays(2 * x + 1, x, 4.0, np.array([-0.25, 0.125])) == pytest.approx([-1.0, 2.0])


def test_junction_offset_recovers_a_known_shift():
    # lattice data f((x - 1.3)/t) of a smooth curve f = tanh: the fitted x0 is 1.3, D -> 0
    from symness.ghd.realtime_ex1 import junction_offset
    from symness.ghd.realtime_thermal import JunctionRun

    length, t = 48, 8.0
    x = lattice_positions("q1", length)
    zetas = np.linspace(-2, 2, 4001)
    q1 = np.tanh((x - 1.3) / t)[None, :]
    run = JunctionRun("synthetic", length, 0.5, (), 8, 0.1, 0.0, (t,), q1, q1[:, 1:],
                      (0.0,), (0.0,), (8,), 0.0)
    d0, x0, d1 = junction_offset(run, "q1", t, (zetas, np.tanh(zetas)))
    assert x0 == pytest.approx(1.3, abs=1e-3)
    assert d1 < 1e-5 < d0
