import math

import mpmath
import numpy as np
import sympy as sp

from symness.mpa.mazur.bound import dz_closed_form, inner_block
from symness.mpa.mazur.iteration import (
    dz_by_float_squaring,
    inner_spectral_radius,
    literal_error_coefficient,
    literal_trajectory,
    squaring_error_model,
    stratified_sample,
)
from symness.mpa.transfer.matrices import L, R, transfer_matrices_mp


def test_trajectory_equals_powers_of_the_full_transfer_matrix():
    # independent construction: T' of (15) at c = 1 in mpmath (transfer_matrices_mp), powered
    ell, m = 2, 7
    with mpmath.workdps(30):
        t, _ = transfer_matrices_mp(mpmath.cospi(mpmath.mpf(ell) / m), m + 1)
        checkpoints, power, ref = [2, 3, 5, 13, 40], mpmath.eye(m + 1), []
        for k in range(1, 41):
            power = power * t
            if k in checkpoints:
                ref.append(float(k / (4 * power[L, R])))
    assert np.allclose(literal_trajectory(ell, m, checkpoints), ref, rtol=1e-12, atol=0)


def test_error_coefficient_at_delta_one_half_from_the_papers_matrix():
    # reference: T' printed in the paper for Delta = 1/2 (before (20)); C = g/a exactly
    b = sp.Matrix([[sp.Rational(1, 4), sp.Rational(3, 8)], [sp.Rational(3, 8), sp.Rational(1, 4)]])
    u = sp.Matrix([[sp.Rational(1, 2), 0]])
    resolvent = (sp.eye(2) - b).inv()
    a, g = (u * resolvent * u.T)[0], (u * resolvent**2 * u.T)[0]
    assert a == sp.Rational(4, 9)  # <L|T'^n|R> -> 4n/9 (paper)
    assert math.isclose(literal_error_coefficient(1, 3), float(g / a), rel_tol=1e-14)


def test_one_over_n_law():
    # f_n / D_Z - 1 = C / (n - C) once rho^n is negligible (rho^4000 < 1e-40 here)
    ell, m, n = 2, 7, 4000
    exact = float(dz_closed_form(ell, m))
    coeff = literal_error_coefficient(ell, m)
    error = literal_trajectory(ell, m, [n])[0] / exact - 1
    assert inner_spectral_radius(ell, m) ** n < 1e-40
    assert math.isclose(error, coeff / (n - coeff), rel_tol=1e-9)


def test_spectral_radius_matches_dense_eigenvalues():
    # independent: numpy's nonsymmetric eigenvalues of the dense B (small m, well conditioned)
    for ell, m in [(1, 3), (2, 7), (3, 10)]:
        diag, up, down, _ = inner_block(ell, m)
        dense = np.diag(diag) + np.diag(up, 1) + np.diag(down, -1)
        assert math.isclose(inner_spectral_radius(ell, m),
                            np.abs(np.linalg.eigvals(dense)).max(), rel_tol=1e-12)


def test_float_squaring_reproduces_table_20():
    # reference: table (20) of the paper (1, 9/16, 1/3, 3/20 at m = 2, 3, 4, 6)
    for (ell, m), paper in {(1, 2): 1.0, (1, 3): 9 / 16, (1, 4): 1 / 3, (1, 6): 3 / 20}.items():
        value, k = dz_by_float_squaring(ell, m)
        assert abs(value / paper - 1) <= squaring_error_model(m, k)


def test_stratified_sample_covers_every_stratum():
    # reference: Euler phi counts; 10 strata of width 29.9 in [2, 300], 4 points each
    points = stratified_sample(300, 10, 4)
    assert len(points) == len(set(points)) == 40
    assert all(math.gcd(ell, m) == 1 and 0 < ell < m <= 300 for ell, m in points)
    assert sorted({(m - 2) * 10 // 299 for _, m in points}) == list(range(10))
    assert points == stratified_sample(300, 10, 4)  # deterministic
