"""The sector steady-state equation in the eigenbasis of H, for damping far below ``u ||H||``.

Why.  :class:`.SectorEquation` inverts ``T(X) = A X + X A^†`` (``A = -i H -
(w/2) Gamma``) through ``eig(A)``, whose eigenvalues carry an absolute error
``~ u ||H||`` (``u`` the float64 round-off).  The real parts are the damping
rates ``~ eps``; once ``eps`` approaches ``1e3 u ||H||`` (``~ 1e-12`` for
``n = 10``, Prosen's chain at ``Delta = 2``) they are no longer resolved and
neither is ``T^{-1}``, so an iterative refinement built on it stops contracting.

Here every sector block is first rotated into the eigenbasis of ``H_m``
(``H_m = U E U^†``, :func:`numpy.linalg.eigh`).  There ``ad_H`` is the exact
entrywise factor ``-i (E_a - E_b)``, zero on the populations, so applying the
generator in float64 costs a relative error ``u`` per term instead of ``u
||H||``.  ``T`` is approximated by ``T~`` with ``Gamma`` replaced by its blocks
inside clusters of nearly degenerate levels (gaps below ``cluster_tol``); each
cluster block ``-i (E - E_c) - (w/2) Gamma_cc`` has a small norm and is
diagonalised accurately, and the cluster centres ``E_c`` cancel exactly in
the denominators of ``T~^{-1}`` within a cluster.  GMRES then solves

    L'(T~^{-1} y) + X0 tr(T~^{-1} y) = R',   X = T~^{-1} y,

with ``L'`` applied explicitly (so its residual is the true float64 residual
whatever ``T~`` is), ``X0 = T'(1/2^n)`` as in :mod:`.sector_solver`, and
``R' = U^† R U``.  The rotation makes the inner problem that of ``U E U^†``, a
Hamiltonian within ``u ||H||`` of the true one; the outer refinement
(:mod:`.refinement`) removes that difference, measuring the contraction.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.linalg as sla
import scipy.sparse as sp
import scipy.sparse.linalg as spla

from symness import tolerance
from symness.lindblad.sector_solver import pack_hermitian, unpack_hermitian
from symness.lindblad.sectors import Sectors

__all__ = ["EigenbasisEquation"]


def _dense(a) -> np.ndarray:
    return a.toarray() if sp.issparse(a) else np.asarray(a)


@dataclass(frozen=True)
class _Block:
    energies: np.ndarray      # E (ascending)
    basis: np.ndarray         # U
    centres: np.ndarray       # E_c of each level's cluster
    vectors: np.ndarray       # V (block diagonal over clusters)
    inverse: np.ndarray       # V^{-1}
    denominators: np.ndarray  # -i (E_c(a) - E_c(b)) + mu_a + conj(mu_b)
    gamma: np.ndarray         # (w/2) Gamma' in the eigenbasis


def _block(h: np.ndarray, gamma: np.ndarray, cluster_tol: float) -> _Block:
    energies, basis = np.linalg.eigh(h)
    g = basis.conj().T @ gamma @ basis
    cuts = np.flatnonzero(np.diff(energies) > cluster_tol) + 1
    d = len(energies)
    centres, vectors, inverse = np.empty(d), np.zeros((d, d), complex), np.zeros((d, d), complex)
    mu = np.empty(d, complex)
    for lo, hi in zip([0, *cuts], [*cuts, d]):
        c = 0.5 * (energies[lo] + energies[hi - 1])
        centres[lo:hi] = c
        small = -1j * np.diag(energies[lo:hi] - c) - g[lo:hi, lo:hi]
        mu[lo:hi], v = sla.eig(small)
        vectors[lo:hi, lo:hi], inverse[lo:hi, lo:hi] = v, sla.inv(v)
    den = -1j * (centres[:, None] - centres[None, :]) + mu[:, None] + mu.conj()[None, :]
    if np.abs(den).min() == 0:
        raise RuntimeError("eigenbasis Lyapunov operator is singular: an undamped mode")
    return _Block(energies, basis, centres, vectors, inverse, den, g)


class EigenbasisEquation:
    """``L(X) + X0 tr X = R`` for block-diagonal Hermitian ``X``, solved in H's eigenbasis.

    Same contract as :meth:`.SectorEquation.solve` (all sectors are solved; no
    mirror reduction, the eigenbases of mirror sectors being unrelated).

    Parameters
    ----------
    sectors : Sectors
    weight : float
        Dissipator weight ``w``.
    cluster_tol : float
        Levels closer than this form one cluster of ``T~`` (module docstring);
        must be much larger than the damping rates.
    """

    def __init__(self, sectors: Sectors, weight: float, *, cluster_tol: float) -> None:
        self.sectors = sectors
        self.weight = weight
        n = sectors.n
        self.which = tuple(range(n + 1))
        self.jumps = []  # (shift, [U_{m+q}^† P_m U_m or None])
        gammas = [np.zeros_like(h) for h in sectors.hamiltonian]
        for jump in sectors.jumps:
            for m, piece in enumerate(jump.pieces):
                if piece is not None:
                    p = _dense(piece)
                    gammas[m] = gammas[m] + p.conj().T @ p
        self.blocks = [_block(h, 0.5 * weight * g, cluster_tol)
                       for h, g in zip(sectors.hamiltonian, gammas)]
        for jump in sectors.jumps:
            rotated = [None if p is None else
                       self.blocks[m + jump.shift].basis.conj().T @ _dense(p) @ self.blocks[m].basis
                       for m, p in enumerate(jump.pieces)]
            self.jumps.append((jump.shift, rotated))
        self.x0 = [-2 * b.gamma / 2**n for b in self.blocks]

    def _generator(self, x: list[np.ndarray]) -> list[np.ndarray]:
        """``L'(X)`` in the eigenbasis, float64."""
        out = []
        for b, xm in zip(self.blocks, x):
            de = b.energies[:, None] - b.energies[None, :]
            out.append(-1j * de * xm - b.gamma @ xm - xm @ b.gamma)
        for shift, rotated in self.jumps:
            for m, p in enumerate(rotated):
                if p is not None:
                    out[m + shift] += self.weight * (p @ x[m] @ p.conj().T)
        return out

    def _precondition(self, y: list[np.ndarray]) -> list[np.ndarray]:
        """``T~^{-1}(Y)``."""
        return [b.vectors @ ((b.inverse @ ym @ b.inverse.conj().T) / b.denominators)
                @ b.vectors.conj().T for b, ym in zip(self.blocks, y)]

    def _b_op(self, v: np.ndarray) -> np.ndarray:
        sizes = self.sectors.sizes
        x = self._precondition(unpack_hermitian(v, sizes, self.which))
        trace = sum(np.trace(xm).real for xm in x)
        return pack_hermitian([lm + trace * x0 for lm, x0 in zip(self._generator(x), self.x0)],
                      self.which)

    def solve(self, rhs, *, rtol: float = tolerance.REFINEMENT_INNER_RTOL, restart: int = 120,
              maxiter: int = 20
              ) -> tuple[list[np.ndarray], int, float]:
        """Blocks of ``X`` (computational basis), GMRES steps, relative residual.

        Raises
        ------
        RuntimeError
            If GMRES does not reach ``rtol`` within ``restart * maxiter`` steps.
        """
        rotated = [b.basis.conj().T @ r @ b.basis for b, r in zip(self.blocks, rhs)]
        size = sum(d * d for d in self.sectors.sizes)
        operator = spla.LinearOperator((size, size), matvec=self._b_op, dtype=float)
        target = pack_hermitian(rotated, self.which)
        count = [0]

        def on_step(_residual: float) -> None:
            count[0] += 1

        y, info = spla.gmres(operator, target, x0=target.copy(), rtol=rtol, atol=0.0,
                             restart=restart, maxiter=maxiter, callback=on_step,
                             callback_type="pr_norm")
        final = float(np.linalg.norm(self._b_op(y) - target) / np.linalg.norm(target))
        if info != 0 or not final <= 10 * rtol:
            raise RuntimeError(f"eigenbasis GMRES did not converge: relative residual "
                               f"{final:.2e} > rtol {rtol:.0e} after {count[0]} iterations")
        x = self._precondition(unpack_hermitian(y, self.sectors.sizes, self.which))
        return [b.basis @ xm @ b.basis.conj().T for b, xm in zip(self.blocks, x)], count[0], final
