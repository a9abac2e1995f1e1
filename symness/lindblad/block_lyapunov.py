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

from symness import tolerance
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
    which : sequence of int, optional
        Sectors to diagonalise (default all).  Block lists passed to the
        methods have one entry per sector ``m = 0 .. n``; entries of sectors not
        in ``which`` are ``None`` and stay ``None``.
    singular_tolerance : float
        ``T`` counts as singular when ``min |lam_i + conj(lam_j)| <=
        singular_tolerance * u * max(|A|)`` (``u`` the float64 unit round-off).
        The default 1e3 leaves three digits in every denominator; a caller that
        certifies the result itself (iterative refinement, :mod:`.refinement`)
        may accept fewer.

    Raises
    ------
    RuntimeError
        If some ``lam_i + conj(lam_j)`` vanishes to working precision (an
        undamped coherence: ``T`` is singular and cannot precondition).
    """

    def __init__(self, sectors: Sectors, weight: float,
                 which: Sequence[int] | None = None, *,
                 singular_tolerance: float = tolerance.LYAPUNOV_SINGULAR_FACTOR) -> None:
        self.sectors = sectors
        self.weight = weight
        self.which = tuple(range(sectors.n + 1)) if which is None else tuple(which)
        self.a: list[np.ndarray | None] = [None] * (sectors.n + 1)
        self.blocks: list[_EigenBlock | None] = [None] * (sectors.n + 1)
        for m in self.which:
            hm = sectors.hamiltonian[m]
            gamma = np.zeros_like(hm)
            for jump in sectors.jumps:
                piece = jump.pieces[m]
                if piece is not None:
                    gamma = gamma + _dense(piece.conj().T @ piece)
            self.a[m] = -1j * hm - 0.5 * weight * gamma
            self.blocks[m] = self._diagonalise(self.a[m], singular_tolerance)

    @staticmethod
    def _diagonalise(a: np.ndarray, singular_tolerance: float) -> _EigenBlock:
        lam, vec = sla.eig(a)
        den = lam[:, None] + lam.conj()[None, :]
        scale = max(np.abs(a).max(), 1.0)
        if np.abs(den).min() <= singular_tolerance * np.finfo(float).eps * scale:
            raise RuntimeError("Lyapunov operator A X + X A^† is singular: H_eff has an undamped "
                               "mode; use method='sparse' or 'dense'")
        return _EigenBlock(vectors=vec, inverse=sla.inv(vec), denominators=den)

    def apply(self, x: Sequence[np.ndarray | None]) -> list[np.ndarray | None]:
        """``T(X)`` on the sectors in ``which``."""
        return [None if m not in self.which else self.a[m] @ xm + xm @ self.a[m].conj().T
                for m, xm in enumerate(x)]

    def solve(self, c: Sequence[np.ndarray | None]) -> list[np.ndarray | None]:
        """``T^{-1}(C)`` on the sectors in ``which`` (exact up to the conditioning of ``V``)."""
        out: list[np.ndarray | None] = [None] * len(c)
        for m in self.which:
            blk = self.blocks[m]
            y = (blk.inverse @ c[m] @ blk.inverse.conj().T) / blk.denominators
            out[m] = blk.vectors @ y @ blk.vectors.conj().T
        return out

    def jump_map(self, x: Sequence[np.ndarray]) -> list[np.ndarray | None]:
        """``J(X) = sum_k L_k X L_k^†`` on the sectors in ``which``; ``x`` has all sectors.

        Sector ``m`` of ``X`` feeds sector ``m + q_k`` of ``J(X)``.
        """
        out = [np.zeros_like(xm) if m in self.which else None for m, xm in enumerate(x)]
        for jump in self.sectors.jumps:
            for m, (piece, conj) in enumerate(zip(jump.pieces, jump.conjugates)):
                if piece is not None and m + jump.shift in self.which:
                    left = piece @ x[m]
                    out[m + jump.shift] += (conj @ left.T).T
        return out
