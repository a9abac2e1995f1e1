"""Open point (ii) of Prosen (2011): whether D rho(2) lies in the image of ad_H.

ad_H is self-adjoint for the Hilbert-Schmidt product, so ``Im ad_H`` is the
orthogonal complement of ``ker ad_H`` (the operators commuting with H), and
the orthogonal projection of X onto ``ker ad_H`` is ``sum_E P_E X P_E`` over
the eigenspaces of H.  Hence ``D rho(2) in Im ad_H`` iff that block-diagonal
part vanishes.  Computed in float64 by dense diagonalisation (n <= 10); the
eigenvalue clustering is certified a posteriori by reporting the largest
spread inside a cluster and the smallest gap between clusters.

Z is built here numerically from the words of (10) (sparse Kronecker
products), independently of the exact Pauli-string construction.  The exact
decision (n <= 10) is :mod:`symness.mpa.open_points.point_ii_traces`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce

import numpy as np
import scipy.sparse as sp_sparse

from symness import tolerance
from symness.models.xxz_boundary_driven import hamiltonian as xxz_hamiltonian
from symness.operators.sparse import sigma_minus, sigma_plus
from symness.perturbation.degenerate import degenerate_levels
from symness.validation import require_int

__all__ = ["OpenPointResult", "z_dense", "second_order_dense", "image_test"]

_SITE = {"0": np.eye(2), "+": np.array([[0, 1], [0, 0]]), "-": np.array([[0, 0], [1, 0]])}


def z_dense(n: int, delta: float) -> np.ndarray:
    """Z of (10) as a dense matrix, from the matrices (11) at ``c = 1`` (``|delta| <= 1``)."""
    n = require_int(n, "n", minimum=2)
    lam = np.arccos(delta)
    size = n // 2 + 2
    a = {k: np.zeros((size, size)) for k in "0+-"}
    a["0"][0, 0] = a["0"][1, 1] = 1
    a["+"][0, 2] = 1
    a["-"][2, 1] = 1
    for r in range(1, size - 1):
        a["0"][r + 1, r + 1] = np.cos(r * lam)
        if r + 1 <= size - 2:
            a["+"][r + 1, r + 2] = np.sin(2 * ((r + 1) // 2) * lam)
            a["-"][r + 2, r + 1] = -np.sin((2 * (r // 2) + 1) * lam)
    states = {0: {(): 1.0}}
    for _ in range(n):
        new: dict = {}
        for state, words in states.items():
            for letter, mat in a.items():
                for k in np.nonzero(mat[state])[0]:
                    bucket = new.setdefault(int(k), {})
                    for word, coeff in words.items():
                        bucket[word + (letter,)] = coeff * mat[state, k]
        states = new
    z = sp_sparse.csr_matrix((2**n, 2**n))
    for word, coeff in states.get(1, {}).items():
        if coeff != 0:
            z = z + coeff * reduce(sp_sparse.kron, (sp_sparse.csr_matrix(_SITE[x]) for x in word))
    return z.toarray()


def second_order_dense(n: int, delta: float, mu: float) -> tuple[np.ndarray, np.ndarray]:
    """``(H, D rho(2))`` as dense matrices; ``2^n rho(2)`` from (9)."""
    z = z_dense(n, delta)
    zd = z.conj().T
    rho2 = mu**2 / 2 * (z - zd) @ (z - zd) - mu / 2 * (z @ zd - zd @ z)
    s1p, s1m = sigma_plus(0, n).toarray(), sigma_minus(0, n).toarray()
    snp, snm = sigma_plus(n - 1, n).toarray(), sigma_minus(n - 1, n).toarray()

    def d_pm(rho, a1, b1, an, bn):
        return (2 * a1 @ rho @ b1 - (b1 @ a1 @ rho + rho @ b1 @ a1)
                + 2 * an @ rho @ bn - (bn @ an @ rho + rho @ bn @ an))

    d_rho2 = ((1 + mu) / 2 * d_pm(rho2, s1p, s1m, snm, snp)
              + (1 - mu) / 2 * d_pm(rho2, s1m, s1p, snp, snm))
    return xxz_hamiltonian(n, delta).toarray(), d_rho2


@dataclass(frozen=True)
class OpenPointResult:
    """Relative size of the commutant component of D rho(2), and the clustering margins."""

    n: int
    delta: float
    mu: float
    relative_commutant_part: float
    max_cluster_spread: float
    min_cluster_gap: float
    commutant_dimension: int


def image_test(n: int, delta: float, mu: float = 1.0, *,
               cluster_tol: float = tolerance.DEGENERACY) -> OpenPointResult:
    """``||sum_E P_E X P_E|| / ||X||`` for ``X = D rho(2)``; zero iff X is in Im ad_H."""
    h, x = second_order_dense(n, delta, mu)
    energies, vecs = np.linalg.eigh(h)
    xe = vecs.conj().T @ x @ vecs
    levels = degenerate_levels(energies, cluster_tol)
    groups = levels.groups()
    block = sum(np.linalg.norm(xe[np.ix_(g, g)]) ** 2 for g in groups) ** 0.5
    return OpenPointResult(n=n, delta=delta, mu=mu,
                           relative_commutant_part=float(block / np.linalg.norm(xe)),
                           max_cluster_spread=levels.spread, min_cluster_gap=levels.gap,
                           commutant_dimension=sum(g.size ** 2 for g in groups))
