"""Periodic spin-1/2 XXZ ring in a field, diagonalised in momentum and S^z blocks.

Normalisation: spin-1/2 operators ``S^a = sigma^a / 2`` (Lange, Lenarcic & Rosch
(2017), eq. (7))::

    H0 = sum_{j=0}^{n-1} [ J/2 (S+_j S-_{j+1} + S-_j S+_{j+1}) + Delta Sz_j Sz_{j+1} - B Sz_j ]

with ``j + 1`` taken modulo ``n`` (ring).  ``Delta`` is an energy (``lambda_z =
Delta / J`` in eq. (16)).  Sites are 0-based; site 0 is the leftmost tensor
factor, ``|0> = |up>`` (as in :mod:`symness.operators.sparse`).

Translation ``T`` moves site ``j`` to ``j + 1``; a momentum eigenstate obeys
``T |psi> = exp(i k) |psi>`` with ``k = 2 pi m / n``, ``m = 0 .. n-1``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

import numpy as np
import scipy.sparse as sp

from symness.models.xxz_chain import XXZChain
from symness.models.xxz_chain import hamiltonian as chain_hamiltonian
from symness.operators.sparse import number_of_up_spins, site_operator
from symness.validation import require_int, require_real

__all__ = ["XXZRing", "Eigensystem", "HEISENBERG", "hamiltonian", "bond_operator",
           "spin_operator", "ring_sum", "translation", "eigensystem"]


@dataclass(frozen=True)
class XXZRing:
    """Validated parameters of the ring (7).

    Attributes
    ----------
    n : int
        Number of sites, ``3 <= n <= 16``.
    exchange : float
        Exchange ``J > 0`` (the lower layers' name; eq. (7) writes ``J``).
    delta : float
        Anisotropy ``Delta`` (energy units).
    field : float
        Magnetic field ``B`` (enters as ``-B sum_j Sz_j``).
    """

    n: int
    exchange: Fraction | float = 1.0
    delta: Fraction | float = 0.8
    field: Fraction | float = 0.0

    def __post_init__(self) -> None:
        require_int(self.n, "n", minimum=3, maximum=16)
        require_real(self.exchange, "exchange", minimum=0, open_minimum=True)
        require_real(self.delta, "delta")
        require_real(self.field, "field")


def spin_operator(axis: str, j: int, n: int) -> sp.csr_matrix:
    """Spin-1/2 operator ``S^axis_j`` (``axis`` in ``x, y, z, +, -``), 0-based site."""
    local = {"x": ("X", 0.5), "y": ("Y", 0.5), "z": ("Z", 0.5), "+": ("+", 1.0),
             "-": ("-", 1.0)}[axis]
    return local[1] * site_operator(local[0], j % n, n)


def bond_operator(coeffs: dict[tuple[str, str], complex], j: int, n: int) -> sp.csr_matrix:
    """``sum_{(a,b)} c_ab S^a_j S^b_{j+1}`` on the ring (``j + 1`` modulo ``n``)."""
    out = sp.csr_matrix((2**n, 2**n), dtype=complex)
    for (a, b), c in coeffs.items():
        out = out + complex(c) * (spin_operator(a, j, n) @ spin_operator(b, j + 1, n))
    return out.tocsr()


def ring_sum(local, n: int, *, stagger: bool = False) -> sp.csr_matrix:
    """``sum_j s_j local(j)`` with ``s_j = (-1)^j`` if ``stagger`` else 1 (0-based ``j``)."""
    out = sp.csr_matrix((2**n, 2**n), dtype=complex)
    for site in range(n):
        out = out + ((-1) ** site if stagger else 1) * local(site)
    return out.tocsr()


#: Heisenberg bond ``S_j . S_{j+1}`` in terms of ladder operators.
HEISENBERG = {("+", "-"): 0.5, ("-", "+"): 0.5, ("z", "z"): 1.0}


def hamiltonian(ring: XXZRing) -> sp.csr_matrix:
    """Sparse ``H0`` of eq. (7) on the ring (complex CSR, dimension ``2**n``).

    The :class:`~symness.models.xxz_chain.XXZChain` ring in spin normalisation with
    exchange ``J``, anisotropy ratio ``Delta / J`` (eq. (7)'s ``Delta`` is an energy; the
    ratio times ``J`` is ``Delta`` exactly at ``J = 1``, the package's value, and to one
    rounding otherwise) and uniform field ``-B``.
    """
    jj = float(ring.exchange)
    return chain_hamiltonian(XXZChain(ring.n, float(ring.delta) / jj, exchange=jj,
                                      field=-float(ring.field), boundary="ring",
                                      normalisation="spin"))


def translation(n: int) -> sp.csr_matrix:
    """Permutation matrix ``T`` with ``T |s_0 ... s_{n-1}> = |s_{n-1} s_0 ... s_{n-2}>``."""
    states = np.arange(2**n)
    # site j is bit (n-1-j); moving site j to j+1 is a cyclic right shift of the bit string.
    shifted = (states >> 1) | ((states & 1) << (n - 1))
    return sp.csr_matrix((np.ones(2**n), (shifted, states)), shape=(2**n, 2**n), dtype=complex)


def _momentum_basis(states: np.ndarray, n: int) -> list[np.ndarray]:
    """Orthonormal momentum eigenvectors within one S^z sector (columns), one array per m."""
    index = {int(s): i for i, s in enumerate(states)}
    mask = (1 << n) - 1
    reps: dict[int, list[int]] = {}
    for s in states:
        orbit, t = [int(s)], int(s)
        for _ in range(n - 1):
            t = ((t >> 1) | ((t & 1) << (n - 1))) & mask
            orbit.append(t)
        reps.setdefault(min(orbit), orbit)
    blocks = []
    for m in range(n):
        k = 2 * math.pi * m / n
        cols = []
        for orbit in reps.values():
            vec = np.zeros(len(states), dtype=complex)
            for shift, t in enumerate(orbit):  # orbit[shift] = T^shift |rep>
                vec[index[t]] += np.exp(-1j * k * shift)
            norm = np.linalg.norm(vec)
            if norm > 1e-8:
                cols.append(vec / norm)
        blocks.append(np.array(cols).T if cols else np.zeros((len(states), 0), complex))
    return blocks


@dataclass(frozen=True)
class Eigensystem:
    """Eigenstates of ``H0`` labelled by magnetisation and momentum.

    Global eigenstate ``a`` lives in the S^z sector ``sector[a]`` (number of up
    spins); ``vectors[M]`` holds the eigenvectors of sector ``M`` as columns in
    the computational basis restricted to ``states[M]``; ``local[a]`` is the
    column of ``a`` in ``vectors[sector[a]]``.

    Attributes
    ----------
    energy : ndarray
        ``E_a`` (float64), ordered by sector, then momentum, then energy.
    momentum : ndarray of int
        ``m_a`` with ``k_a = 2 pi m_a / n``.
    sector : ndarray of int
        Number of up spins of ``a``.
    """

    n: int
    energy: np.ndarray
    momentum: np.ndarray
    sector: np.ndarray
    local: np.ndarray
    states: tuple
    vectors: tuple

    @cached_property
    def sector_slices(self) -> dict[int, slice]:
        """Global index range of each S^z sector."""
        out = {}
        for mag in range(self.n + 1):
            idx = np.flatnonzero(self.sector == mag)
            out[mag] = slice(int(idx[0]), int(idx[-1]) + 1)
        return out

    def to_eigenbasis(self, op: sp.spmatrix) -> np.ndarray:
        """Dense matrix ``<a|op|b>`` over all eigenstates (op in the computational basis)."""
        dim = 2**self.n
        out = np.zeros((dim, dim), dtype=complex)
        op = sp.csr_matrix(op)
        for mb, sb in self.sector_slices.items():
            right = op[:, self.states[mb]] @ self.vectors[mb]
            for ma, sa in self.sector_slices.items():
                block = right[self.states[ma], :]
                if np.any(block):
                    out[sa, sb] = self.vectors[ma].conj().T @ block
        return out

    def dense_vectors(self) -> np.ndarray:
        """All eigenvectors as columns of a dense ``2**n x 2**n`` unitary (small ``n`` only)."""
        dim = 2**self.n
        out = np.zeros((dim, dim), dtype=complex)
        for mag, sl in self.sector_slices.items():
            out[np.ix_(self.states[mag], np.arange(sl.start, sl.stop))] = self.vectors[mag]
        return out


def eigensystem(ring: XXZRing) -> Eigensystem:
    """Diagonalise ``H0`` of eq. (7) block by block (S^z sector, then momentum).

    Returns
    -------
    Eigensystem
        Energies (float64, ``numpy.linalg.eigh``) and eigenvectors that are
        simultaneous eigenstates of ``H0``, ``T`` and ``sum_j Sz_j``.
    """
    n = ring.n
    h = hamiltonian(ring)
    ups = number_of_up_spins(n)
    energy, momentum, sector, local, states_all, vectors_all = [], [], [], [], [], []
    for mag in range(n + 1):
        states = np.flatnonzero(ups == mag)
        h_sec = h[states][:, states].toarray()
        cols, col = [], 0
        for m, basis in enumerate(_momentum_basis(states, n)):
            if basis.shape[1] == 0:
                continue
            hk = basis.conj().T @ h_sec @ basis
            vals, vecs = np.linalg.eigh((hk + hk.conj().T) / 2)
            cols.append(basis @ vecs)
            energy.extend(vals)
            momentum.extend([m] * len(vals))
            sector.extend([mag] * len(vals))
            local.extend(range(col, col + len(vals)))
            col += len(vals)
        states_all.append(states)
        vectors_all.append(np.hstack(cols))
    return Eigensystem(n=n, energy=np.array(energy), momentum=np.array(momentum),
                       sector=np.array(sector), local=np.array(local),
                       states=tuple(states_all), vectors=tuple(vectors_all))
