"""eps-expansion (7) in the eigenbasis of H, and the degree bound of the exact theorem check."""

import numpy as np
import sympy as sp

from symness.models.xxz_boundary_driven import XXZDrive, hamiltonian, jump_operators
from symness.mpa.algebra.theorem import DELTA, z_operator
from symness.mpa.algebra.theorem_exact import z_degree_bound
from symness.mpa.exact_ness.eps_expansion import commutant_map, eigen_basis


def _superoperator_g(n, delta, mu):
    """G from the 4^n superoperators directly: ker ad_H by SVD, identity projected out."""
    h = hamiltonian(n, delta).toarray().real
    one = np.eye(2**n)
    ad = np.kron(h, one) - np.kron(one, h.T)  # row-major vec
    _, s, vt = np.linalg.svd(ad)
    kernel = vt[s < 1e-9 * s[0]].T
    unit = one.reshape(-1) / np.sqrt(2**n)
    kernel = kernel - np.outer(unit, unit @ kernel)
    q, r = np.linalg.qr(kernel)
    k0 = q[:, np.abs(np.diag(r)) > 1e-9]
    d = sum(2 * np.kron(a, a) - np.kron(a.T @ a, one) - np.kron(one, (a.T @ a).T)
            for a in (x.toarray().real for x in jump_operators(XXZDrive(n, delta, mu, 1))))
    return k0.T @ d @ k0


def test_commutant_map_matches_superoperator_construction():
    # independent method: kernel of the full 4^n x 4^n ad_H (SVD) instead of eigenspaces
    n, delta, mu = 3, 0.5, 0.3
    basis = eigen_basis(hamiltonian(n, delta).toarray().real, n)
    a_ops = [basis.vectors.T @ (x.toarray().real @ basis.vectors)
             for x in jump_operators(XXZDrive(n, delta, mu, 1))]
    cmap = commutant_map(basis, a_ops)
    g = _superoperator_g(n, delta, mu)
    s = np.linalg.svd(g, compute_uv=False)
    assert g.shape[0] == cmap.dimension
    assert abs(s[-1] / s[0] - cmap.singular_ratio) < 1e-10


def test_degree_bound_covers_the_symbolic_coefficients():
    # the interpolation argument of theorem_exact needs d_Z >= every coefficient's degree
    for n in (3, 4, 5):
        z = z_operator(n)
        actual = max(sp.Poly(c, DELTA).degree() for c in z.terms.values())
        assert actual <= z_degree_bound(n)


def test_open_point_i_at_orders_three_and_four():
    # reference: the paper, open point (i): a unique commutant part makes the next order
    # solvable (checked there by computer algebra for n <= 6); here p = 0..4 at n = 4
    from symness.mpa.exact_ness.eps_expansion import order_residuals

    residuals, ratio = order_residuals(4, 0.5, 1.0, 4)
    assert len(residuals) == 5 and ratio > 0.1
    assert max(residuals) <= 2**4 * 2.0**-52 / ratio
