"""Tests of the quench-action TBA solver (``symness.tba.quench_action``).

Expected values: the driving term against direct complex evaluation of the overlap
product over the string members; the split-off log convolution against adaptive
quadrature (scipy); the solution against a dense trapezoid convolution (not the FFT of
the solver); the BDWC Neel candidate against the exact Neel energy q_1 = -Delta/2.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from scipy.integrate import quad

from symness.tba import lattice_charges as lc
from symness.tba import quench_action as qa
from symness.tba.charges import charge_density, spin_density
from symness.tba.dressing import Dressing
from symness.tba.kernels import kernel_matrix_function
from symness.tba.quadrature import RapidityGrid
from symness.tba.strings import string_content
from symness.tba.truncated_gge import initial_values
from symness.validation import ParameterError

CONTENT = string_content(Fraction(1, 3))


def _direct_drive(j: int, lam: np.ndarray) -> np.ndarray:
    """-sum_a ln|h^2(lambda_a)| for the Neel candidate, by complex arithmetic."""
    g = CONTENT.gamma

    def log_h2(mu):
        return (np.log(np.tanh(mu + 0.5j * g)) + np.log(np.tanh(mu - 0.5j * g))
                - np.log(4 * np.sinh(2 * mu) ** 2))

    return -sum(log_h2(lam + 1j * o) for o in qa.string_offsets(CONTENT, j)).real


def test_driving_term_matches_complex_product_and_singularities():
    overlap = qa.neel_bdwc_candidate(CONTENT)
    lam = np.array([-3.1, -0.4, 0.07, 0.9, 6.0])
    for j, expected_c in enumerate((2, -2, 2)):
        # 1-strings: 1/sinh^2(2 lambda) -> c = +2; 2-string: tanh(lambda)^2 from the two
        # inner members -> c = -2 (ln|tanh| units)
        c, reg = qa.driving_term(CONTENT, overlap, j, lam)
        assert c == expected_c
        total = c * np.log(np.abs(np.tanh(lam))) + reg
        np.testing.assert_allclose(total, _direct_drive(j, lam), rtol=0, atol=1e-12)
    c, reg = qa.driving_term(CONTENT, overlap, 0, np.array([0.0]))
    assert np.isfinite(reg).all()


def test_log_tanh_convolution_against_adaptive_quadrature():
    lam = np.array([0.0, 0.37, 2.0])
    for j, k in ((0, 0), (1, 2), (2, 2)):
        got = qa.log_tanh_convolution(CONTENT, j, k, lam)
        for value, l0 in zip(got, lam):
            def f(m, sign):
                return (kernel_matrix_function(CONTENT, np.array([l0 - sign * m]))[j, k, 0]
                        * math.log(math.tanh(m)))
            ref = sum(quad(f, 0, 60, args=(sign,), limit=200, epsabs=1e-14)[0]
                      for sign in (1, -1))
            assert abs(value - ref) < 1e-11


def test_solution_satisfies_equation_with_dense_convolution():
    grid = RapidityGrid(step=0.1, cutoff=12.0)
    overlap = qa.neel_bdwc_candidate(CONTENT)
    st = qa.quench_action_state(CONTENT, overlap, -1.0, grid=grid)
    lam = grid.points
    sig = np.array(CONTENT.signs, dtype=float)[:, None]
    with np.errstate(divide="ignore"):
        log_t = np.log(np.abs(np.tanh(lam)))
    dense = kernel_matrix_function(CONTENT, lam[:, None] - lam[None, :]) * grid.step
    rem = qa._remainder(st.regular_log_eta, np.array(st.singular), log_t)
    rhs = np.zeros_like(rem)
    for j in range(3):
        c, reg = qa.driving_term(CONTENT, overlap, j, lam)
        rhs[j] = reg - 1.0 * CONTENT.lengths[j]
        for k in range(3):
            rhs[j] += sig[k, 0] * dense[j, k] @ rem[k]
            if st.singular[k] > 0:
                rhs[j] -= (sig[k, 0] * st.singular[k]
                           * qa.log_tanh_convolution(CONTENT, j, k, lam))
    np.testing.assert_allclose(st.regular_log_eta, rhs, rtol=0, atol=1e-10)


@pytest.mark.slow
def test_bdwc_neel_candidate_is_rejected_by_the_exact_energy():
    """The decisive check: exact <Neel|q_1|Neel> = -Delta/2 = -1/4 (product state)."""
    exact = initial_values(CONTENT, lc.NEEL, [1])[1]
    assert exact == Fraction(-1, 4)
    values = []
    for step in (0.05, 0.025):  # eta_1 ~ lambda^2 e^4.4: needs step <= 0.05
        st = qa.zero_magnetisation_state(CONTENT, qa.neel_bdwc_candidate(CONTENT),
                                         grid=RapidityGrid(step=step, cutoff=12.0))
        d = Dressing(st)
        assert abs(spin_density(d)) < 1e-10
        values.append(charge_density(d, 1))
    grid_error = abs(values[1] - values[0])
    assert grid_error < 1e-5  # measured 6.9e-7
    assert abs(values[1] - float(exact)) > 0.04  # measured 0.0493 (q_1 = -0.20066)


def test_bad_overlap_scale_raises():
    bad = qa.OverlapFactor("bad", 0.0, ((1, 3, 0.0),))
    with pytest.raises(ParameterError, match="scale"):
        qa.driving_term(CONTENT, bad, 0, np.array([0.5]))
