"""The eps-expansion (6)-(7) of the NESS of Prosen (2011), solved in the eigenbasis of H.

Independent of the matrix product ansatz: only H of (2) and the jump
operators (3) (at ``eps = 1``, so ``D`` is the dissipator (5)) enter.  With
``rho = sum_p (i eps)^p rho(p)``, ``rho(0) = 1`` and ``tr rho(p) = 0``
(``p >= 1``) the steady-state condition gives the recurrence (7)

    ad_H rho(p+1) = -D rho(p).

ad_H is self-adjoint for the Hilbert-Schmidt product, so (7) is solvable iff
``P D rho(p) = 0``, ``P`` the orthogonal projection onto the commutant
``ker ad_H`` (entries of an operator inside the degenerate eigenspaces of H,
in its eigenbasis).  The solution is ``rho(p+1) = -ad_H^+ D rho(p) + c``,
with ``c`` in the traceless commutant ``K_0`` fixed by the solvability at the
next order, ``P D rho(p+1) = 0``:

    G c = P D ad_H^+ D rho(p),     G = P D |_{K_0}  (a map K_0 -> K_0).

Open point (i) of the paper (after the theorem) is the statement that this
``c`` is unique, i.e. that ``G`` is nonsingular.  ``G`` conserves the charge
``q`` = (ket magnetisation) - (bra magnetisation), so it is block diagonal in
``q`` once H is diagonalised per magnetisation sector.

Then ``<sz_j> = -eps^2 tr(sz_j rho(2)) / 2^n + O(eps^4)`` gives M_j of (17)
directly (and C_{j,k} likewise), with no extrapolation in eps.

Numerics: dense float64; degenerate eigenvalues are grouped with a cluster
tolerance, and the largest spread inside a cluster and the smallest gap
between clusters are returned so the grouping is certified a posteriori.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.linalg as sla

from symness import tolerance
from symness.models.xxz_boundary_driven import XXZDrive, hamiltonian, jump_operators
from symness.operators.sparse import number_of_up_spins
from symness.perturbation.degenerate import degenerate_levels
from symness.validation import require_int, require_real

__all__ = ["EigenBasis", "eigen_basis", "CommutantMap", "commutant_map", "SecondOrder",
           "second_order", "order_residuals"]


@dataclass(frozen=True)
class EigenBasis:
    """Eigenbasis of H with degenerate clusters.

    Attributes
    ----------
    energies, vectors : ndarray
        Eigenvalues (ascending) and orthonormal eigenvectors (columns), each of
        definite magnetisation ``magnetization[a]`` (number of up spins).
    cluster : ndarray of int
        Cluster label of each eigenvalue (equal labels = one degenerate level).
    max_spread, min_gap : float
        Largest eigenvalue spread inside a cluster, smallest gap between clusters.
    """

    energies: np.ndarray
    vectors: np.ndarray
    magnetization: np.ndarray
    cluster: np.ndarray
    max_spread: float
    min_gap: float


def eigen_basis(h: np.ndarray, n: int, *,
                cluster_tol: float = tolerance.DEGENERACY) -> EigenBasis:
    """Diagonalise a magnetisation-conserving ``h`` per sector and group degenerate levels.

    Levels join across magnetisation sectors (the degenerate subspaces of ``ad_H``);
    the grouping is :func:`symness.perturbation.degenerate.degenerate_levels`.
    """
    dim = 2**n
    ups = number_of_up_spins(n)
    energies, vectors, mags = [], np.zeros((dim, dim)), []
    col = 0
    for m in range(n + 1):
        idx = np.nonzero(ups == m)[0]
        e, v = np.linalg.eigh(h[np.ix_(idx, idx)])
        vectors[idx, col:col + idx.size] = v
        energies.append(e)
        mags.extend([m] * idx.size)
        col += idx.size
    energies = np.concatenate(energies)
    order = np.argsort(energies, kind="stable")
    energies, vectors, mags = energies[order], vectors[:, order], np.array(mags)[order]
    levels = degenerate_levels(energies, cluster_tol)
    return EigenBasis(energies, vectors, mags, levels.label, levels.spread, levels.gap)


@dataclass(frozen=True)
class CommutantMap:
    """``G = P D`` restricted to the traceless commutant, per charge block.

    Attributes
    ----------
    blocks : dict[int, tuple]
        ``q -> (rows, cols, lu, W)``: ``(rows, cols)`` are the eigenbasis index
        pairs spanning the commutant at charge ``q``, ``lu`` the LU factors of
        ``W^dag G W`` and ``W`` an orthonormal basis of its traceless part
        (identity removed at ``q = 0``; None for ``q != 0``).
    singular_ratio : float or None
        ``min sigma / max sigma`` over all blocks (0 iff G is singular); None
        when not computed.
    dimension : int
        Dimension of the traceless commutant ``K_0``.
    """

    blocks: dict
    singular_ratio: float
    dimension: int


def commutant_map(basis: EigenBasis, a_ops, *, singular_values: bool = True) -> CommutantMap:
    """Matrix of ``G = P D |_{K_0}`` in an orthonormal basis of the traceless commutant.

    Each block is LU-factorised (``scipy.linalg.lu_factor``, which raises on an
    exactly singular block); ``singular_values`` adds the SVD ratio.
    """
    b = sum(a.conj().T @ a for a in a_ops)
    rows_all, cols_all = np.nonzero(basis.cluster[:, None] == basis.cluster[None, :])
    charge = basis.magnetization[rows_all] - basis.magnetization[cols_all]
    blocks, sigma_min, sigma_max, dim = {}, np.inf, 0.0, 0
    for q in np.unique(charge):
        sel = charge == q
        r, c = rows_all[sel], cols_all[sel]
        # <E_rc', D E_r'c> = sum_k 2 A_k[r, r'] conj(A_k[c, c']) - B[r, r'] d_cc' - d_rr' B[c', c]
        g = sum(2 * a[np.ix_(r, r)] * a[np.ix_(c, c)].conj() for a in a_ops)
        g = g - b[np.ix_(r, r)] * (c[:, None] == c[None, :]) - (r[:, None] == r[None, :]) * b[
            np.ix_(c, c)].T
        if q == 0:  # remove the identity (tr D x = 0 and tr rho(p) = 0)
            unit = (r == c).astype(float)[:, None] / np.sqrt(np.count_nonzero(r == c))
            w = np.linalg.qr(np.hstack([unit, np.eye(r.size)]))[0][:, 1:r.size]
            g = w.conj().T @ g @ w
        else:
            w = None
        if singular_values:
            s = np.linalg.svd(g, compute_uv=False)
            sigma_min, sigma_max = min(sigma_min, s[-1]), max(sigma_max, s[0])
        blocks[int(q)] = (r, c, sla.lu_factor(g, check_finite=True), w)
        dim += g.shape[0]
    return CommutantMap(blocks, float(sigma_min / sigma_max) if singular_values else None, dim)


def _solve_commutant(cmap: CommutantMap, x: np.ndarray) -> np.ndarray:
    """``c`` in K_0 with ``G c = P x`` (x with ``P x`` traceless), as a dense operator."""
    out = np.zeros_like(x)
    for r, c, lu, w in cmap.blocks.values():
        rhs = x[r, c] if w is None else w.conj().T @ x[r, c]
        sol = sla.lu_solve(lu, rhs)
        out[r, c] = sol if w is None else w @ sol
    return out


@dataclass(frozen=True)
class SecondOrder:
    """Result of :func:`second_order`.

    Attributes
    ----------
    magnetization : ndarray
        ``M_j = -tr(sz_j rho(2)) / 2^n`` (length n, 0-based sites).
    correlation : ndarray
        ``C_{j,k} = -tr(sz_j sz_k rho(2)) / 2^n`` (diagonal nan).
    singular_ratio : float or None
        ``min sigma / max sigma`` of G (open point (i)); None if not requested.
    solvability : float
        ``max_p ||P D rho(p)|| / ||D rho(p)||`` for ``p = 0, 1, 2`` after fixing the
        commutant parts (zero for an exact solution of (7) to second order).
    basis : EigenBasis
    commutant_dimension : int
    rho2 : ndarray
        ``rho(2)`` in the computational basis (normalisation ``rho(0) = 1``, i.e.
        ``2^n`` times the paper's).
    """

    magnetization: np.ndarray
    correlation: np.ndarray
    singular_ratio: float
    solvability: float
    basis: EigenBasis
    commutant_dimension: int
    rho2: np.ndarray


def _expand(n: int, delta, mu, orders: int, cluster_tol: float, singular_values: bool):
    """Solve (7) to ``p = orders``: ``(rho(orders) in the eigenbasis, residuals, basis, cmap)``.

    ``residuals[p] = ||P D rho(p)|| / ||D rho(p)||`` for ``p = 0..orders``: the
    solvability of the next order after the commutant part of rho(p) is fixed.
    """
    n = require_int(n, "n", minimum=2, maximum=11)
    delta, mu = require_real(delta, "delta"), require_real(mu, "mu", minimum=-1, maximum=1)
    h = hamiltonian(n, delta).toarray().real
    basis = eigen_basis(h, n, cluster_tol=cluster_tol)
    v = basis.vectors
    jumps = [a.real.tocsr() for a in jump_operators(XXZDrive(n, delta, mu, 1))]
    b_comp = sum(a.T @ a for a in jumps)
    a_ops = [v.T @ (a @ v) for a in jumps]
    cmap = commutant_map(basis, a_ops, singular_values=singular_values)
    same = basis.cluster[:, None] == basis.cluster[None, :]
    denom = np.where(same, 1.0, basis.energies[:, None] - basis.energies[None, :])

    def dissipate(x):  # D in the eigenbasis, applied in the computational basis
        y = v @ x @ v.T
        d = sum(2 * (a @ (a @ y.T).T) for a in jumps) - b_comp @ y - (b_comp @ y.T).T
        return v.T @ d @ v

    rho, residuals = np.eye(2**n), []
    for _ in range(orders):
        d_rho = dissipate(rho)
        residuals.append(float(np.linalg.norm(d_rho[same]) / np.linalg.norm(d_rho)))
        particular = -np.where(same, 0.0, d_rho / denom)
        rho = particular + _solve_commutant(cmap, -dissipate(particular))
    d_rho = dissipate(rho)
    residuals.append(float(np.linalg.norm(d_rho[same]) / np.linalg.norm(d_rho)))
    return rho, residuals, basis, cmap


def order_residuals(n: int, delta, mu, orders: int = 4) -> tuple[list[float], float]:
    """Open point (i) up to order ``orders``: solvability residuals and the ratio of G.

    Returns ``||P D rho(p)|| / ||D rho(p)||`` for ``p = 0..orders`` and the
    singular-value ratio ``min sigma / max sigma`` of G.
    G = P D restricted to the traceless commutant does not depend on p, so its
    nonsingularity gives a unique commutant part at every order; the residuals
    show that the resulting rho(p) indeed makes the next order solvable.
    """
    orders = require_int(orders, "orders", minimum=1, maximum=8)
    _, residuals, _, cmap = _expand(n, delta, mu, orders, 1e-8, True)
    return residuals, cmap.singular_ratio


def second_order(n: int, delta, mu, *, cluster_tol: float = tolerance.DEGENERACY,
                 singular_values: bool = True) -> SecondOrder:
    """Solve (7) to ``p = 2`` with the commutant parts fixed uniquely; return M_j, C_{j,k}.

    Everything is real (H and the jump operators are real), so float64 is used
    throughout; D is applied in the computational basis, where it is sparse.
    """
    rho, residuals, basis, cmap = _expand(n, delta, mu, 2, cluster_tol, singular_values)
    n = int(n)
    rho = basis.vectors @ rho @ basis.vectors.T
    diag = np.diagonal(rho)
    spins = 1 - 2 * ((np.arange(2**n)[:, None] >> (n - 1 - np.arange(n))[None, :]) & 1)
    norm = 2.0**n
    mag = -(spins.T @ diag) / norm
    corr = -np.einsum("bj,bk,b->jk", spins, spins, diag) / norm
    np.fill_diagonal(corr, np.nan)
    return SecondOrder(mag, corr, cmap.singular_ratio, max(residuals), basis, cmap.dimension,
                       rho)
