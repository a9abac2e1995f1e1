"""U(1) magnetisation sectors of a Lindblad problem, detected from the operators.

If the Hamiltonian conserves the number of up spins ``M`` (total ``S^z``) and
every jump operator ``L_k`` changes ``M`` by exactly ``q_k = +1`` or ``-1``, the
Liouvillian commutes with ``rho -> exp(i phi M) rho exp(-i phi M)``.  It then
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
    """

    n: int
    index: tuple
    hamiltonian: tuple
    jumps: tuple

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
        it by one and the same ``+1`` or ``-1``.
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
    cut = []
    for op in jumps:
        a = sp.csr_matrix(op, dtype=complex)
        shifts = _changes(a, ups)
        if not shifts:
            continue  # a zero jump operator contributes nothing
        if len(shifts) != 1 or abs(next(iter(shifts))) != 1:
            return None
        q = next(iter(shifts))
        pieces = tuple(_piece(a, index[m + q], index[m]) if 0 <= m + q <= n else None
                       for m in range(n + 1))
        conjugates = tuple(None if p is None else p.conj() for p in pieces)
        cut.append(SectorJump(shift=q, pieces=pieces, conjugates=conjugates))
    return Sectors(n=n, index=index, hamiltonian=blocks, jumps=tuple(cut))
