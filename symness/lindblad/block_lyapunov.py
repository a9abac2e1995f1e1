"""Block-diagonal Lyapunov operator ``T(X) = A X + X A^†`` and its exact inverse.

With ``A = -i H_eff``, ``H_eff = H - i (w/2) sum_k L_k^† L_k``, the Lindblad
generator in the dissipator convention ``w`` (see :mod:`.liouvillian`) splits as

    L(rho) = T(rho) + w J(rho),   J(rho) = sum_k L_k rho L_k^†.

When ``H`` and every ``L_k^† L_k`` conserve the magnetisation, ``A`` is block
diagonal over the sectors of :mod:`.sectors`, and so is ``T``.  Each block of
``T`` is inverted exactly by diagonalising ``A_m = V diag(lam) V^{-1}``
(Bartels-Stewart in the eigenbasis): ``A X + X A^† = C`` becomes
``Y_ij = (V^{-1} C V^{-†})_ij / (lam_i + conj(lam_j))`` with ``X = V Y V^†``.
Cost per application: four dense products per block, ``O(sum_m C(n,m)**3)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.linalg as sla
import scipy.sparse as sp

from symness.lindblad.sectors import Sectors

__all__ = ["BlockLyapunov"]


def _dense(a) -> np.ndarray:
    return a.toarray() if sp.issparse(a) else np.asarray(a)


@dataclass(frozen=True)
class _EigenBlock:
    vectors: np.ndarray        # V
    inverse: np.ndarray        # V^{-1}
    denominators: np.ndarray   # lam_i + conj(lam_j)


class BlockLyapunov:
    """``T`` and ``T^{-1}`` on block-diagonal operators, for weight ``w``.

    Parameters
    ----------
    sectors : Sectors
        Hamiltonian and jumps cut into magnetisation blocks.
    weight : float
        ``w`` of the dissipator ``w L rho L^† - (w/2){L^† L, rho}``.

    Raises
    ------
    RuntimeError
        If some ``lam_i + conj(lam_j)`` vanishes to working precision (an
        undamped coherence: ``T`` is singular and cannot precondition).
    """

    def __init__(self, sectors: Sectors, weight: float) -> None:
        self.sectors = sectors
        self.weight = weight
        self.a = []
        for m, hm in enumerate(sectors.hamiltonian):
            gamma = np.zeros_like(hm)
            for jump in sectors.jumps:
                piece = jump.pieces[m]
                if piece is not None:
                    gamma = gamma + _dense(piece.conj().T @ piece)
            self.a.append(-1j * hm - 0.5 * weight * gamma)
        self.blocks = [self._diagonalise(a) for a in self.a]

    @staticmethod
    def _diagonalise(a: np.ndarray) -> _EigenBlock:
        lam, vec = sla.eig(a)
        den = lam[:, None] + lam.conj()[None, :]
        scale = max(np.abs(a).max(), 1.0)
        if np.abs(den).min() <= 1e3 * np.finfo(float).eps * scale:
            raise RuntimeError("Lyapunov operator A X + X A^† is singular: H_eff has an undamped "
                               "mode; use method='sparse' or 'dense'")
        return _EigenBlock(vectors=vec, inverse=sla.inv(vec), denominators=den)

    def apply(self, x: Sequence[np.ndarray]) -> list[np.ndarray]:
        """``T(X)`` block by block."""
        return [a @ xm + xm @ a.conj().T for a, xm in zip(self.a, x)]

    def solve(self, c: Sequence[np.ndarray]) -> list[np.ndarray]:
        """``T^{-1}(C)`` block by block (exact up to the conditioning of ``V``)."""
        out = []
        for blk, cm in zip(self.blocks, c):
            y = (blk.inverse @ cm @ blk.inverse.conj().T) / blk.denominators
            out.append(blk.vectors @ y @ blk.vectors.conj().T)
        return out

    def jump_map(self, x: Sequence[np.ndarray]) -> list[np.ndarray]:
        """``J(X) = sum_k L_k X L_k^†``: sector ``m`` feeds sector ``m + q_k``."""
        out = [np.zeros_like(xm) for xm in x]
        for jump in self.sectors.jumps:
            for m, (piece, conj) in enumerate(zip(jump.pieces, jump.conjugates)):
                if piece is not None:
                    left = piece @ x[m]
                    out[m + jump.shift] += (conj @ left.T).T
        return out
