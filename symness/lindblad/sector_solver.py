"""Steady state in the U(1)-symmetric block by preconditioned GMRES.

Why this method.  The steady state lives in the block of equal ket and bra
magnetisation (``C(2n, n)`` unknowns, 184,756 at ``n = 10``).  A sparse LU of
that block suffers catastrophic fill-in at ``n = 10``.  Instead we store
``rho`` as its diagonal blocks ``rho_m`` (each at most ``C(n, n/2)`` square)
and write the generator as ``L = T + w J`` (:mod:`.block_lyapunov`): ``T`` is
inverted exactly and cheaply in the eigenbasis of each block of ``A = -i H_eff``,
``J`` is a sum of sparse sandwiches.  With right preconditioning by ``T^{-1}``
(``rho = T^{-1} y``) the equation ``L(rho) = 0, tr rho = 1`` becomes

    B(y) = y - Phi(y) + X0 tr(T^{-1} y) = X0,    Phi = -w J T^{-1},
    X0 = T(rho0),  rho0 = 1/2**n.

``Phi`` is the completely positive, trace-preserving map from one quantum jump
to the next (``tr Phi(Y) = tr Y`` because ``-(A + A^†) = w sum L^† L``), so the
spectrum of ``B`` lies in the disc ``|z - 1| <= 1`` except that the rank-one
term moves the eigenvalue 0 of ``1 - Phi`` (the steady state) away; ``B`` is
nonsingular when the steady state is unique (then ``tr X0 = -w tr(Gamma)/2**n
!= 0``).  Its conditioning does not degrade as ``eps -> 0``: ``T`` and ``J``
both scale with the dissipation, so GMRES iteration counts stay bounded.
Measured to ``rtol = 1e-12`` for Prosen's chain (``mu = 1``, ``Delta = 1/2`` and
``3/2``, ``n = 6`` and ``8``): 10-24 iterations at ``eps = 1e-5``, 19-31 at
``1e-3``, 24-39 at ``0.1``, 21-53 at ``1``, 13-29 at ``10``; 34 at ``n = 10``
and 40 at ``n = 12`` (``eps = 1e-3``).  GMRES's residual is the true residual
``L(rho) + X0 (tr rho - 1)``.

The reflection-with-spin-flip symmetry ``S`` of :attr:`.Sectors.mirror` (Prosen's
jumps (3) are mapped onto each other by ``j -> n+1-j`` with ``up <-> down``)
commutes with ``T`` and ``J``; the unknowns are then only the sectors
``m <= n/2``, the others being mirror images.  This halves the work for odd
``n`` (and saves about a third for even ``n``, whose middle sector is its own image).

Hermiticity makes this a real system: a Hermitian block ``X = S + i A`` (``S``
symmetric, ``A`` antisymmetric) is stored as the real matrix ``S + A``, an
isometry onto ``R^{d x d}``; ``T``, ``J`` and ``B`` map Hermitian operators to
Hermitian ones, so GMRES runs in real arithmetic on ``C(2n, n)`` reals (fewer
with the mirror symmetry).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy.sparse.linalg as spla

from symness import tolerance
from symness.lindblad.block_lyapunov import BlockLyapunov
from symness.lindblad.sectors import Sectors

__all__ = ["SectorEquation", "SectorSolution", "solve_sector_steady_state", "pack_hermitian",
           "unpack_hermitian"]


@dataclass(frozen=True)
class SectorSolution:
    """Diagonal blocks of the steady state, and how GMRES got there."""

    blocks: tuple
    iterations: int
    gmres_residual: float


def pack_hermitian(blocks, which) -> np.ndarray:
    """Hermitian blocks ``S + i A`` of the sectors ``which`` as one real vector of ``S + A``."""
    return np.concatenate([(blocks[m].real + blocks[m].imag).ravel() for m in which])


def unpack_hermitian(v: np.ndarray, sizes, which) -> list[np.ndarray | None]:
    """Inverse of :func:`pack_hermitian`; ``None`` for sectors not in ``which``."""
    out: list[np.ndarray | None] = [None] * len(sizes)
    start = 0
    for m in which:
        d = sizes[m]
        y = v[start:start + d * d].reshape(d, d)
        out[m] = 0.5 * (y + y.T) + 0.5j * (y - y.T)
        start += d * d
    return out


class SectorEquation:
    """The preconditioned system ``L(X) + X0 tr X = R`` in the block-diagonal space.

    ``X0 = T(1/2**n)`` (module docstring).  With ``R = X0`` the solution is the
    steady state (``tr X = 1``); with a traceless ``R`` (e.g. a residual
    ``-L(rho)``) the solution solves ``L(X) = R`` with ``tr X = 0``
    (``tr L(X) = 0`` and ``tr X0 != 0``).  The block Lyapunov inverse is
    built once and reused by every :meth:`solve`.

    Parameters
    ----------
    sectors : Sectors
        The model cut into magnetisation blocks (:func:`.detect_sectors`).
    weight : float
        Dissipator weight ``w`` (2 for Prosen (2011), eq. (1); 1 for GKSL).
    singular_tolerance : float
        Passed to :class:`.BlockLyapunov`.
    """

    def __init__(self, sectors: Sectors, weight: float, *,
                 singular_tolerance: float = tolerance.LYAPUNOV_SINGULAR_FACTOR) -> None:
        self.sectors = sectors
        self.weight = weight
        self.which = sectors.independent
        self.lyap = BlockLyapunov(sectors, weight, self.which,
                                  singular_tolerance=singular_tolerance)
        self.x0 = self.lyap.apply([np.eye(d, dtype=complex) / 2**sectors.n
                                   for d in sectors.sizes])

    def _b_op(self, v: np.ndarray) -> np.ndarray:
        sizes, which = self.sectors.sizes, self.which
        y = unpack_hermitian(v, sizes, which)
        rho = self.sectors.complete(self.lyap.solve(y))
        jumps = self.lyap.jump_map(rho)
        trace = sum(np.trace(r).real for r in rho)
        return pack_hermitian([None if ym is None else ym + self.weight * jm + trace * xm
                      for ym, jm, xm in zip(y, jumps, self.x0)], which)

    def solve(self, rhs, *, rtol: float = tolerance.SECTOR_GMRES_RTOL, restart: int = 120,
              maxiter: int = 20,
              progress: Callable[[int, float], None] | None = None
              ) -> tuple[list[np.ndarray], int, float]:
        """Blocks of ``X`` (all sectors, Hermitian ``rhs``), GMRES steps, relative residual.

        Only the sectors :attr:`Sectors.independent` of ``rhs`` are read.

        Raises
        ------
        RuntimeError
            If GMRES does not reach ``rtol`` within ``restart * maxiter`` steps.
        """
        size = sum(self.sectors.sizes[m] ** 2 for m in self.which)
        operator = spla.LinearOperator((size, size), matvec=self._b_op, dtype=float)
        b = pack_hermitian(rhs, self.which)
        count = [0]

        def on_step(residual: float) -> None:
            count[0] += 1
            if progress is not None:
                progress(count[0], float(residual))

        y, info = spla.gmres(operator, b, x0=b.copy(), rtol=rtol, atol=0.0, restart=restart,
                             maxiter=maxiter, callback=on_step, callback_type="pr_norm")
        final = float(np.linalg.norm(self._b_op(y) - b) / np.linalg.norm(b))
        if info != 0 or not final <= 10 * rtol:
            raise RuntimeError(f"sector GMRES did not converge: relative residual {final:.2e} > "
                               f"rtol {rtol:.0e} after {count[0]} iterations (info={info})")
        blocks = self.sectors.complete(self.lyap.solve(unpack_hermitian(y, self.sectors.sizes,
                                                               self.which)))
        return blocks, count[0], final


def solve_sector_steady_state(sectors: Sectors, weight: float, *,
                              rtol: float = tolerance.SECTOR_GMRES_RTOL,
                              restart: int = 120, maxiter: int = 20,
                              progress: Callable[[int, float], None] | None = None
                              ) -> SectorSolution:
    """Solve ``L(rho) = 0``, ``tr rho = 1`` in the block-diagonal space.

    Parameters
    ----------
    sectors : Sectors
        The model cut into magnetisation blocks (:func:`.detect_sectors`).
    weight : float
        Dissipator weight ``w`` (2 for Prosen (2011), eq. (1); 1 for GKSL).
    rtol : float
        GMRES tolerance on ``||B y - X0|| / ||X0||`` (true residual, see module).
    restart, maxiter : int
        GMRES restart length and maximal number of restart cycles.
    progress : callable, optional
        Called as ``progress(iteration, relative_residual)`` after each GMRES step.

    Raises
    ------
    RuntimeError
        If GMRES does not reach ``rtol`` within ``restart * maxiter`` steps.
    """
    equation = SectorEquation(sectors, weight)
    rho, iterations, final = equation.solve(equation.x0, rtol=rtol, restart=restart,
                                            maxiter=maxiter, progress=progress)
    trace = sum(np.trace(r).real for r in rho)
    blocks = tuple(r / trace for r in rho)
    return SectorSolution(blocks=blocks, iterations=iterations, gmres_residual=final)
