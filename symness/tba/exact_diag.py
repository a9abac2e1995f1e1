"""Small exact-diagonalisation reference for the TBA checks (periodic XXZ rings).

H = sum_{l=0}^{L-1} (s^x_l s^x_{l+1} + s^y_l s^y_{l+1} + Delta s^z_l s^z_{l+1}), spin-1/2
operators, site L identified with site 0, J = 1.  Dense numpy, block-diagonal in S^z; meant
for L <= 14.  Thermal averages are per site of translation-invariant sums of local
operators, e.g. the total current J_n = sum_l j_{n,l} of eq. (13).

Local operators are built from Pauli strings with :mod:`symness.operators.sparse`
(0-based sites, site 0 the leftmost kron factor, |0> = up).  The operators used here:

* h_l            = s_l . s_{l+1} with anisotropy (energy density of Q_1 = H - Delta L/4
                   up to the constant Delta/4);
* J_E = J_1      = sum_l i [h_{l-1}, h_l]  (energy current, from eq. (13) with q_l = h_l);
* Q_2            = c_2 J_E with c_2 fixed by the one-magnon check (``one_magnon_q2_factor``),
  so that its single-particle eigenvalue is q_{2}(lambda) = -(sin gamma/2) e'(lambda);
* J_2            = i sum_{x,n} (x - n) [h_n, q_{2,x}]  (total current of Q_2, eq. (13)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import scipy.sparse as sp

from symness.models.xxz_chain import XXZChain, bond_matrix
from symness.models.xxz_chain import bond as xxz_bond
from symness.models.xxz_chain import hamiltonian as chain_hamiltonian
from symness.operators.sparse import number_of_up_spins
from symness.validation import require_int, require_real

__all__ = ["dense_on", "ThermalRing", "bond", "energy_current_density", "local_bond", "q2_density",
           "continuity_current", "embed"]


def local_bond(delta: float) -> np.ndarray:
    """Two-site h = s^x s^x + s^y s^y + Delta s^z s^z as a dense 4x4 matrix.

    :func:`symness.models.xxz_chain.bond` in spin normalisation, exchange 1.
    """
    return xxz_bond(delta, 1, "spin")


def dense_on(op: np.ndarray, first: int, width: int) -> np.ndarray:
    """Dense ``op`` acting on sites first .. of an open window of ``width`` sites."""
    k = int(round(np.log2(op.shape[0])))
    return np.kron(np.kron(np.eye(2**first), op), np.eye(2 ** (width - first - k)))


def q2_density(delta: float) -> np.ndarray:
    """q_{2,x} = -i [h_{x-1,x}, h_{x,x+1}] on sites x-1, x, x+1 (8x8).

    The sign makes its one-magnon eigenvalue sin k (cos k - Delta) = -(sin gamma/2) e'(lambda),
    the paper's recursion in the convention e^{ik} = sinh(lambda + i gamma/2)/sinh(lambda -
    i gamma/2) (checked in ``tests/tba/test_exact_diag.py``); Q_2 = -J_E.
    """
    a, b = dense_on(local_bond(delta), 0, 3), dense_on(local_bond(delta), 1, 3)
    return -1j * (a @ b - b @ a)


def continuity_current(q: np.ndarray, delta: float) -> np.ndarray:
    """Traceless local current j_x of eq. (13) for a density q_x on w sites x .. x+w-1.

    Solves j_x - j_{x+1} = i [H, q_x] with j_x supported on the w + 1 sites x-1 .. x+w-1
    (least squares, minimal norm: the identity, the only null direction, is excluded).

    Returns
    -------
    ndarray
        j_x on sites x-1 .. x+w-1, shape (2^{w+1}, 2^{w+1}).

    Raises
    ------
    RuntimeError
        If the continuity equation has no local solution (residual > 1e-10).
    """
    w = int(round(np.log2(q.shape[0])))
    width = w + 2
    hwin = sum(dense_on(local_bond(delta), s, width) for s in range(width - 1))
    qwin = dense_on(q, 1, width)
    rhs = 1j * (hwin @ qwin - qwin @ hwin)
    dim = 2 ** (w + 1)
    basis_cols = []
    for e in range(dim * dim):
        unit = np.zeros(dim * dim, dtype=complex)
        unit[e] = 1.0
        op = unit.reshape(dim, dim)
        basis_cols.append((dense_on(op, 0, width) - dense_on(op, 1, width)).ravel())
    mat = np.array(basis_cols).T
    sol, *_ = np.linalg.lstsq(mat, rhs.ravel(), rcond=None)
    residual = np.linalg.norm(mat @ sol - rhs.ravel())
    if residual > 1e-10:
        raise RuntimeError(f"no local current for this density (residual {residual:.2e})")
    return sol.reshape(dim, dim)


def embed(op: np.ndarray, n: int) -> sp.csr_matrix:
    """Embed a dense operator on sites 0 .. k-1 into a ring of ``n`` sites (sparse)."""
    k = int(round(np.log2(op.shape[0])))
    return sp.kron(sp.csr_matrix(op), sp.identity(2 ** (n - k), format="csr"), format="csr")


def bond(delta: float, left: int, n: int) -> sp.csr_matrix:
    """h_{l,l+1} = s^x s^x + s^y s^y + Delta s^z s^z on sites (left, left + 1 mod n).

    Bond ``left`` of the :class:`~symness.models.xxz_chain.XXZChain` ring (spin
    normalisation, exchange 1).
    """
    return bond_matrix(_chain(n, delta), left)


def _chain(n: int, delta: float, boundary: str = "ring") -> XXZChain:
    return XXZChain(n, delta, boundary=boundary, normalisation="spin")


def energy_current_density(delta: float, site: int, n: int) -> sp.csr_matrix:
    """j_{E,l} = i [h_{l-1,l}, h_{l,l+1}] (eq. (13) with q_l = h_{l,l+1})."""
    a, b = bond(delta, (site - 1) % n, n), bond(delta, site, n)
    return 1j * (a @ b - b @ a)


@dataclass(frozen=True)
class ThermalRing:
    """Periodic XXZ ring of ``n`` sites at anisotropy ``delta`` (spin-1/2, J = 1)."""

    n: int
    delta: float

    def __post_init__(self) -> None:
        require_int(self.n, "n", minimum=3, maximum=16)
        require_real(self.delta, "delta", minimum=-1, maximum=1)

    @cached_property
    def hamiltonian(self) -> sp.csr_matrix:
        """H as a sparse matrix (the :class:`~symness.models.xxz_chain.XXZChain` ring)."""
        return chain_hamiltonian(_chain(self.n, self.delta))

    @classmethod
    @lru_cache(maxsize=8)
    def cached(cls, n: int, delta: float) -> "ThermalRing":
        """Return a shared instance (its spectrum is computed once per process)."""
        return cls(n, delta)

    @cached_property
    def sectors(self) -> list[np.ndarray]:
        """Basis indices of the S^z sectors."""
        ups = number_of_up_spins(self.n)
        return [np.flatnonzero(ups == m) for m in range(self.n + 1)]

    @cached_property
    def spectrum(self) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """(indices, eigenvalues, eigenvectors) per S^z sector.

        Sectors with more than n/2 up spins are the spin flips of the others (H is
        invariant under prod_l sigma^x_l): flipping maps the sorted basis of sector m onto
        the reversed sorted basis of sector n - m, so their eigenvectors are row-reversed.
        """
        ham = self.hamiltonian.real.tocsr()  # real symmetric in the S^z basis
        out = {}
        for m, idx in enumerate(self.sectors):
            if m <= self.n // 2:
                vals, vecs = np.linalg.eigh(ham[idx][:, idx].toarray())
                out[m] = (idx, vals, vecs)
        for m in range(self.n // 2 + 1, self.n + 1):
            _, vals, vecs = out[self.n - m]
            out[m] = (self.sectors[m], vals, vecs[::-1])
        return [out[m] for m in range(self.n + 1)]

    def _weights(self, beta: float, h: float) -> tuple[list[np.ndarray], float]:
        """Boltzmann weights per sector (shifted) and ln Z."""
        energies = []
        for idx, vals, _ in self.spectrum:
            sz = 0.5 * (2 * number_of_up_spins(self.n)[idx[0]] - self.n)
            energies.append(vals - h * sz)
        emin = min(float(e.min()) for e in energies)
        weights = [np.exp(-beta * (e - emin)) for e in energies]
        total = sum(float(w.sum()) for w in weights)
        return [w / total for w in weights], math.log(total) - beta * emin

    def beta_free_energy(self, beta: float, h: float = 0.0) -> float:
        """Beta f = -(1/L) ln Tr exp(-beta (H - h S^z))."""
        return -self._weights(beta, h)[1] / self.n

    def eigen_expectations(self, operator: sp.spmatrix) -> list[np.ndarray]:
        """Diagonal elements <a|O|a> in the eigenbasis, per S^z sector (O conserving S^z)."""
        op = sp.csr_matrix(operator)
        out = []
        for idx, _, vecs in self.spectrum:
            block = op[idx][:, idx].toarray()
            out.append(np.einsum("ia,ia->a", vecs, block @ vecs).real)
        return out

    def thermal_average(self, operator: sp.spmatrix, beta: float, h: float = 0.0) -> float:
        """Tr(rho O) for the thermal state (O conserving S^z)."""
        return self.thermal_averages(operator, [beta], h)[0]

    def thermal_averages(self, operator: sp.spmatrix, betas, h: float = 0.0) -> list[float]:
        """Tr(rho O) for several inverse temperatures (one basis change of O)."""
        diag = self.eigen_expectations(operator)
        out = []
        for beta in betas:
            weights, _ = self._weights(beta, h)
            out.append(float(sum(w @ d for w, d in zip(weights, diag))))
        return out
