"""U(1) magnetisation sectors of a Lindblad problem, detected from the operators.

If the Hamiltonian conserves the number of up spins ``M`` (total ``S^z``) and
every jump operator ``L_k`` changes ``M`` by one definite integer ``q_k`` (``+1``
or ``-1`` for ``sigma^+_j``, ``sigma^-_j``; any of ``-n .. n``, ``0`` included, for
e.g. the two-site resets ``|psi_m><psi_l|`` between eigenvectors of definite
magnetisation), the Liouvillian commutes with ``rho -> exp(i phi M) rho exp(-i phi M)``
(a weak U(1) symmetry: ``L_k -> exp(i phi q_k) L_k`` leaves every ``D[L_k]`` invariant).  It then
maps the space of operators that are block diagonal in ``M`` (equal ket and bra
magnetisation) into itself, and a unique steady state lies in it: dimension
``sum_m C(n, m)**2 = C(2n, n)`` instead of ``4**n``.

Nothing is assumed about the model: :func:`detect_sectors` reads the sparsity
pattern of ``H`` and of each ``L_k`` and returns ``None`` when the structure is
absent.  Basis and magnetisation conventions: :mod:`symness.operators.sparse`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from symness.operators.sparse import number_of_up_spins

__all__ = ["SectorJump", "Sectors", "detect_sectors", "DENSE_PIECE"]

#: Jump blocks with at most this many rows and columns are stored dense.
DENSE_PIECE = 128


@dataclass(frozen=True)
class SectorJump:
    """One jump operator cut into its sector-to-sector pieces.

    ``pieces[m]`` is the block ``L[sector m + shift, sector m]``, or ``None``
    when ``m + shift`` is out of range; ``conjugates[m]`` is its complex
    conjugate.  Blocks are dense up to :data:`DENSE_PIECE` rows (where numpy's
    products beat scipy.sparse's per-call overhead) and CSR above.
    """

    shift: int
    pieces: tuple
    conjugates: tuple


@dataclass(frozen=True)
class Sectors:
    """Magnetisation sectors ``m = 0 .. n`` (``m`` up spins) and the operators cut into blocks.

    Attributes
    ----------
    n : int
        Number of sites.
    index : tuple of ndarray
        ``index[m]``: basis states with ``m`` up spins, increasing.
    hamiltonian : tuple of ndarray
        Dense diagonal blocks ``H[index[m], index[m]]``.
    jumps : tuple of SectorJump
        The jump operators cut into blocks.
    mirror : tuple of ndarray or None
        Present when the reflection-with-spin-flip ``S`` (site ``j -> n-1-j``,
        ``up <-> down``) maps ``H`` onto itself and the set of jumps onto itself.
        ``S`` maps sector ``m`` onto ``n - m``, and a unique steady state obeys
        ``rho = S rho S^†``, i.e. ``rho_{n-m} = rho_m[mirror[m]][:, mirror[m]]``.
    """

    n: int
    index: tuple
    hamiltonian: tuple
    jumps: tuple
    mirror: tuple | None = None

    @property
    def independent(self) -> tuple[int, ...]:
        """Sectors solved for: ``0 .. n//2`` with the mirror symmetry, else all."""
        return tuple(range(self.n // 2 + 1 if self.mirror is not None else self.n + 1))

    def complete(self, blocks: Sequence[np.ndarray | None]) -> list[np.ndarray]:
        """Fill the sectors that are not :attr:`independent` from their mirror images."""
        full = list(blocks)
        for m in range(self.n + 1):
            if full[m] is None:
                q = self.mirror[self.n - m]
                full[m] = full[self.n - m][np.ix_(q, q)]
        return full

    @property
    def sizes(self) -> tuple[int, ...]:
        """Sector dimensions ``C(n, m)``."""
        return tuple(len(i) for i in self.index)

    @property
    def unknowns(self) -> int:
        """Number of complex entries of a block-diagonal operator, ``C(2n, n)``."""
        return sum(d * d for d in self.sizes)

    def embed(self, blocks: Sequence[np.ndarray]) -> np.ndarray:
        """Dense ``2**n x 2**n`` matrix with the given diagonal blocks."""
        dim = 2**self.n
        out = np.zeros((dim, dim), dtype=complex)
        for idx, block in zip(self.index, blocks):
            out[np.ix_(idx, idx)] = block
        return out

    def restrict(self, rho: np.ndarray) -> list[np.ndarray]:
        """Diagonal blocks ``rho[index[m], index[m]]`` of a dense matrix."""
        return [rho[np.ix_(idx, idx)] for idx in self.index]


def _changes(op: sp.csr_matrix, ups: np.ndarray) -> set[int]:
    coo = op.tocoo()
    keep = np.abs(coo.data) > 0
    return set(np.unique(ups[coo.row[keep]] - ups[coo.col[keep]]).tolist())


def _piece(op: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray):
    block = op[rows][:, cols].tocsr()
    return block.toarray() if max(block.shape) <= DENSE_PIECE else block


def _same(a: sp.csr_matrix, b: sp.csr_matrix) -> bool:
    """Equal up to a few ulps (rounding from a different summation order)."""
    scale = max(abs(a).max(), abs(b).max(), np.finfo(float).tiny)
    return bool(abs(a - b).max() <= 8 * np.finfo(float).eps * scale)


def _mirror(h: sp.csr_matrix, jumps: list[sp.csr_matrix], index: tuple, n: int):
    """Permutations giving ``rho_{n-m} = S rho_m S^†`` if ``S`` (reflect + flip) is a symmetry."""
    states = np.arange(2**n)
    flipped = (2**n - 1) ^ states
    image = np.zeros_like(states)
    for j in range(n):  # bit j of the flipped state goes to bit n-1-j
        image |= ((flipped >> j) & 1) << (n - 1 - j)
    if not _same(h[image][:, image], h):
        return None
    unmatched = list(jumps)
    for a in jumps:
        mapped = a[image][:, image]
        match = next((k for k, b in enumerate(unmatched) if _same(mapped, b)), None)
        if match is None:
            return None
        unmatched.pop(match)
    position = np.empty_like(states)
    for idx in index:
        position[idx] = np.arange(len(idx))
    # rho_{n-m}[position[image[a]], position[image[b]]] = rho_m[pos a, pos b]
    return tuple(np.argsort(position[image[idx]]) for idx in index)


def detect_sectors(hamiltonian, jumps: Sequence) -> Sectors | None:
    """Cut ``H`` and the jumps into magnetisation sectors, if the U(1) structure is present.

    Parameters
    ----------
    hamiltonian : (2**n, 2**n) array or sparse matrix
    jumps : sequence of (2**n, 2**n) arrays or sparse matrices

    Returns
    -------
    Sectors or None
        ``None`` unless ``H`` conserves the number of up spins exactly (no
        nonzero entry between different sectors) and every nonzero jump changes
        it by one and the same integer ``q`` (any sign, ``0`` included).
    """
    h = sp.csr_matrix(hamiltonian, dtype=complex)
    dim = h.shape[0]
    n = int(dim).bit_length() - 1
    if dim < 2 or 2**n != dim:
        return None
    ups = number_of_up_spins(n)
    if not _changes(h, ups) <= {0}:
        return None
    index = tuple(np.flatnonzero(ups == m) for m in range(n + 1))
    blocks = tuple(h[idx][:, idx].toarray() for idx in index)
    cut, nonzero = [], []
    for op in jumps:
        a = sp.csr_matrix(op, dtype=complex)
        shifts = _changes(a, ups)
        if not shifts:
            continue  # a zero jump operator contributes nothing
        if len(shifts) != 1:
            return None
        q = next(iter(shifts))
        pieces = tuple(_piece(a, index[m + q], index[m]) if 0 <= m + q <= n else None
                       for m in range(n + 1))
        conjugates = tuple(None if p is None else p.conj() for p in pieces)
        cut.append(SectorJump(shift=q, pieces=pieces, conjugates=conjugates))
        nonzero.append(a)
    return Sectors(n=n, index=index, hamiltonian=blocks, jumps=tuple(cut),
                   mirror=_mirror(h, nonzero, index, n))
