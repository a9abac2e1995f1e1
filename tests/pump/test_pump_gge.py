"""Truncated GGE: forces (10), Newton solve, simultaneous eigenbasis."""

import numpy as np
import pytest

from symness.pump.forces import force_terms, forces
from symness.pump.gge import solve_gge
from symness.pump.model import PumpParams
from symness.pump.system import PumpSystem


def _toy(seed=3, dim=12, n_c=3):
    rng = np.random.default_rng(seed)
    charges = rng.normal(size=(n_c, dim))
    w = rng.uniform(0, 1, size=(dim, dim))
    np.fill_diagonal(w, 0)
    return charges, w


def test_jacobian_matches_finite_differences():
    # reference: central finite differences of g(lambda)
    charges, w = _toy()
    lam = np.array([0.2, -0.1, 0.3])
    _, g, _, jac = force_terms(lam, charges, w)
    h = 1e-6
    fd = np.column_stack([(force_terms(lam + h * e, charges, w)[1]
                           - force_terms(lam - h * e, charges, w)[1]) / (2 * h)
                          for e in np.eye(3)])
    assert np.abs(jac - fd).max() < 1e-8


def test_chi_is_covariance_and_force_vanishes_at_solution():
    charges, w = _toy()
    sol = solve_gge(charges, w, np.zeros(3))
    rho, g, chi, _ = force_terms(sol.lam, charges, w)
    mean = charges @ rho
    cov = (charges * rho) @ charges.T - np.outer(mean, mean)
    assert np.abs(chi - cov).max() < 1e-14
    assert np.abs(forces(sol.lam, charges, w)).max() < 1e-10


def test_newton_raises_when_not_converged():
    charges, w = _toy()
    with pytest.raises(RuntimeError, match="did not converge"):
        solve_gge(charges, w, np.ones(3), max_iter=0)


def test_common_basis_diagonalises_charges():
    s = PumpSystem(PumpParams(n=8, field=0.0))
    s.gge(6, 1.0)
    basis = s.gge_basis(6)
    assert basis.blocks, "B = 0 has degenerate multiplets at equal momentum"
    from symness.pump import charges as ch

    for order in (3, 4, 5):
        c = s.couplings.eigen.to_eigenbasis(ch.charge_operator(s.params.ring, order))
        rot = basis.rotate(c)
        for idx, _ in basis.blocks:
            block = rot[np.ix_(idx, idx)]
            assert np.abs(block - np.diag(np.diag(block))).max() < 1e-10


def test_gge_approaches_exact_energy():
    # N_C = 6 captures the energy within a few percent (paper: "accurate results")
    s = PumpSystem(PumpParams(n=8))
    _, ex = s.exact(1.0)
    _, gg = s.gge(6, 1.0)
    assert abs(gg["energy"] - ex["energy"]) < 0.05 * abs(ex["energy"])


def test_large_field_needs_and_survives_continuation():
    # paper (Methods): at large |B| convergence becomes hard; heat current odd in B
    sols = {b: PumpSystem(PumpParams(n=8, field=b)).gge(6, 2.5**0.5) for b in (-4.0, 4.0)}
    assert all(sol.residual_history[-1] <= 1e-11 for sol, _ in sols.values())
    assert abs(sols[-4.0][1]["heat_current"] + sols[4.0][1]["heat_current"]) < 1e-12
