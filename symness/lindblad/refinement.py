"""Steady state by mixed-precision iterative refinement (float64 solves, double-double residual).

Why.  For weak coupling ``eps`` the interesting part of a steady state is
tiny compared with its norm (Prosen (2011): ``rho = 2^-n (1 + i eps rho(1) -
eps^2 rho(2) + ...)``), and the generator is ill conditioned (``||L^{-1}||``
grows like ``1/eps`` times inverse level spacings of H).  A float64 solve then
has a forward error ``~ cond(L) u`` that can swamp the ``eps^2`` part.  Classic
iterative refinement removes it (Wilkinson; Higham, *Accuracy and Stability of
Numerical Algorithms*, 2nd ed., ch. 12): keep the float64 sector solver
(:class:`.SectorEquation`) as an approximate inverse ``M^{-1}``, and compute
the residual in double-double (:mod:`.double_double`).

Unknown: ``Y = 2^n rho`` (unnormalised), stored blockwise in double-double,
starting from ``Y_0 = 1``.  Step ``k``:

    R_k = -L(Y_k)                (double-double, rounded once to float64),
    D_k = M^{-1} R_k             (GMRES in float64: L(D) + X0 tr D = R_k),
    Y_{k+1} = Y_k + (D_k + D_k^†)/2   (double-double).

``tr R_k = 0`` (``tr L(.) = 0``), so ``tr D_k ~ 0``; expectation values are
normalised at the end, ``<O> = tr(O Y)/tr(Y)``.  The error contracts by
``||1 - M^{-1} L|| ~ cond(L) u`` per step as long as that is below one; the
limit is set by the residual's precision, ``~ cond(L) u_dd`` (``u_dd ~ 5e-32``).
Every step's relative correction ``||D_k||_F / ||Y_k||_F`` and relative residual
``||L(Y_k)||_F / ||Y_k||_F`` are recorded, so the contraction is measured.
Measured on Prosen's chain at ``Delta = 2`` (``eps = 0.01 2^-i / sqrt(S)``):
ratios 1e-6..1e-8 per step at ``n = 7`` (inner solve :class:`.SectorEquation`),
about 1e-4 at ``n = 10`` (``eps`` 1.4e-12 .. 1.1e-14, inner solve
:class:`.EigenbasisEquation`; the computational-basis one contracts by only
0.1 at ``eps = 3.6e-13`` and not at all below); the corrections level off at
1e-22 .. 1e-28 relative, the double-double limit times the conditioning.

Exactness of the model: the float64 entries of H and of the jump operators are
taken as exact binary numbers; ``L`` is applied to them without further
rounding (``L_k rho L_k^†`` and ``L_k^† L_k rho`` as successive products, never
a rounded ``L_k^† L_k``).  The result is the steady state of *that* generator.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from symness import tolerance
from symness.lindblad.double_double import CDD, SparseRows, sparse_times, two_prod
from symness.lindblad.eigen_equation import EigenbasisEquation
from symness.lindblad.liouvillian import jump_weight
from symness.lindblad.sector_solver import SectorEquation
from symness.lindblad.sectors import Sectors, detect_sectors
from symness.lindblad.steady_state import SteadyStateError
from symness.validation import ParameterError, require_choice, require_int, require_real

__all__ = ["RefinedSteadyState", "refined_steady_state", "liouvillian_dd"]


@dataclass(frozen=True)
class RefinedSteadyState:
    """A steady state from :func:`refined_steady_state`.

    Attributes
    ----------
    sectors : Sectors
    blocks : tuple of CDD
        Diagonal blocks of ``Y = 2^n rho`` up to normalisation (``tr Y ~ 2^n``).
    corrections : tuple of float
        ``||D_k||_F / ||Y_k||_F`` of every step.
    residuals : tuple of float
        ``||L(Y_k)||_F / ||Y_k||_F`` (double-double) before every step, and
        after the last one.
    gmres_iterations : tuple of int
        Inner GMRES steps of every refinement step.
    seconds : float
        Wall time.
    """

    sectors: Sectors
    blocks: tuple
    corrections: tuple
    residuals: tuple
    gmres_iterations: tuple
    seconds: float

    @property
    def contraction(self) -> tuple[float, ...]:
        """Ratios of successive corrections, ``||D_{k+1}|| / ||D_k||``."""
        c = self.corrections
        return tuple(b / a for a, b in zip(c, c[1:]))

    def rho(self) -> np.ndarray:
        """Dense ``2^n x 2^n`` density matrix, rounded to complex128, trace one."""
        dense = self.sectors.embed([b.to_complex() for b in self.blocks])
        return dense / np.trace(dense).real

    def expect_diagonal(self, diagonal: np.ndarray) -> float:
        """``tr(O rho)`` for an operator diagonal in the computational basis.

        ``diagonal``: its ``2^n`` diagonal entries (float64, exact).  The traces
        ``tr(O Y)`` and ``tr Y`` are summed exactly (:func:`two_prod`,
        ``math.fsum``) from the double-double diagonal of ``Y``.
        """
        diagonal = np.asarray(diagonal, dtype=float)
        num, den = [], []
        for idx, blk in zip(self.sectors.index, self.blocks):
            hi, lo = np.diag(blk.re_hi), np.diag(blk.re_lo)
            for part in (hi, lo):
                den.append(part)
                num.extend(two_prod(diagonal[idx], part))
        return math.fsum(np.concatenate(num)) / math.fsum(np.concatenate(den))


@dataclass(frozen=True)
class _SparseBlocks:
    """Slotted blocks of H and of the jumps (and the transposes the products need)."""

    h: tuple
    h_t: tuple
    jumps: tuple  # per jump: (shift, P, P^†, P^T, conj(P)) per source sector, or None

    @classmethod
    def of(cls, sectors: Sectors) -> _SparseBlocks:
        def rows(x):
            return None if x is None else SparseRows.of(x)

        jumps = []
        for jump in sectors.jumps:
            p = [None if x is None else sp.csr_matrix(x) for x in jump.pieces]
            jumps.append((jump.shift, *([rows(f(x)) if x is not None else None for x in p]
                                        for f in (lambda a: a, lambda a: a.conj().T,
                                                  lambda a: a.T, lambda a: a.conj()))))
        return cls(h=tuple(SparseRows.of(b) for b in sectors.hamiltonian),
                   h_t=tuple(SparseRows.of(b.T) for b in sectors.hamiltonian),
                   jumps=tuple(jumps))


def _right(x: CDD, b_transposed: SparseRows) -> CDD:
    """``x @ b`` given ``b^T``: ``(b^T x^T)^T``."""
    return sparse_times(b_transposed, x.T).T


def liouvillian_dd(sectors: Sectors, weight: float, blocks: Sequence[CDD],
                   which: Sequence[int] | None = None, *, _ops: _SparseBlocks | None = None
                   ) -> list[CDD | None]:
    """``L(Y)`` on the diagonal blocks ``which`` (default all), in double-double.

    ``L(Y) = -i[H, Y] + w sum_k (L_k Y L_k^† - (1/2){L_k^† L_k, Y})`` (the
    convention of :mod:`.liouvillian`, ``w`` = 2 for Prosen's eq. (1)); sector
    ``m`` of ``L_k Y L_k^†`` comes from sector ``m - q_k`` of ``Y``.
    ``blocks`` holds every sector.
    """
    ops = _ops or _SparseBlocks.of(sectors)
    which = range(sectors.n + 1) if which is None else which
    out: list[CDD | None] = [None] * (sectors.n + 1)
    for m in which:
        y = blocks[m]
        acc = (sparse_times(ops.h[m], y) - _right(y, ops.h_t[m])).times_i().scale(-1.0)
        for shift, p, p_h, p_t, p_c in ops.jumps:
            src = m - shift
            if 0 <= src <= sectors.n and p[src] is not None:  # gain: L Y L^†
                acc = acc + _right(sparse_times(p[src], blocks[src]), p_c[src]).scale(weight)
            if p[m] is not None:  # loss: -(w/2)(L^† L Y + Y L^† L)
                left = sparse_times(p_h[m], sparse_times(p[m], y))
                right = _right(_right(y, p_c[m]), p_t[m])
                acc = acc - (left + right).scale(weight / 2)
        out[m] = acc
    return out


def _norm(blocks) -> float:
    return math.sqrt(sum(b.frobenius() ** 2 for b in blocks if b is not None))


def _damping_scale(sectors: Sectors, weight: float) -> float:
    """Bound on ``max |(w/2) Gamma_m|`` (``Gamma = sum_k L_k^† L_k``).

    ``(w/2)`` times the number of jumps times the largest squared column norm.
    """
    worst = 0.0
    for jump in sectors.jumps:
        for piece in jump.pieces:
            if piece is not None:
                worst = max(worst, float(abs(sp.csr_matrix(piece)).power(2).sum(axis=0).max()))
    return 0.5 * weight * len(sectors.jumps) * worst


def _inner_equation(sectors: Sectors, weight: float, inner: str):
    """The float64 inner solver; ``"auto"``: eigenbasis when damping < 1e3 u max|H|.

    The factors are named in :mod:`symness.tolerance` (``REFINEMENT_*``) with their reasons.
    """
    damping = _damping_scale(sectors, weight)
    h_scale = max(float(np.abs(h).max()) for h in sectors.hamiltonian)
    if inner == "auto":
        switch = tolerance.REFINEMENT_EIGENBASIS_SWITCH * np.finfo(float).eps * h_scale
        inner = "eigenbasis" if damping < switch else "sector"
    if inner == "eigenbasis":
        return EigenbasisEquation(sectors, weight,
                                  cluster_tol=tolerance.REFINEMENT_CLUSTER_FACTOR * damping)
    return SectorEquation(sectors, weight,
                          singular_tolerance=tolerance.REFINEMENT_INNER_SINGULAR_FACTOR)


def refined_steady_state(hamiltonian, jumps: Sequence, *, dissipator: str,
                         tol: float = tolerance.REFINEMENT_TOL, max_steps: int = 40,
                         inner_rtol: float = tolerance.REFINEMENT_INNER_RTOL,
                         inner: str = "auto") -> RefinedSteadyState:
    """Steady state ``L(rho) = 0``, ``tr rho = 1`` by mixed-precision iterative refinement.

    Parameters
    ----------
    hamiltonian, jumps
        As for :func:`.steady_state`; H must conserve the magnetisation and
        each jump change it by one definite amount (:func:`.detect_sectors`).
        Their float64 entries are taken as exact.
    dissipator : {"prosen", "standard"}
    tol : float
        Stop when the relative correction ``||D_k|| / ||Y_k||`` is below ``tol``.
    max_steps : int
    inner_rtol : float
        GMRES tolerance of the float64 inner solve.
    inner : {"auto", "sector", "eigenbasis"}
        Inner solver: :class:`.SectorEquation` (computational basis, mirror
        symmetry) or :class:`.EigenbasisEquation` (eigenbasis of H, for damping
        rates below ``~1e3 u ||H||``); ``"auto"`` picks the latter when a bound
        on ``max |(w/2) sum_k L_k^† L_k|`` is below ``1e3 u max |H_ij|``.

    Raises
    ------
    ParameterError
        No U(1) sector structure, or bad ``tol``/``max_steps``.
    SteadyStateError
        The corrections stop contracting (ratio > 1/2) before ``tol`` or
        ``max_steps`` steps are used; or the inner solve fails.
    """
    tol = float(require_real(tol, "tol", minimum=0, open_minimum=True))
    max_steps = require_int(max_steps, "max_steps", minimum=1, maximum=100)
    weight = jump_weight(dissipator)
    start = time.perf_counter()
    sectors = detect_sectors(hamiltonian, jumps)
    if sectors is None:
        raise ParameterError("refined_steady_state needs H conserving the magnetisation and "
                             "jumps changing it by one definite amount each")
    ops = _SparseBlocks.of(sectors)
    require_choice(inner, "inner", ("auto", "sector", "eigenbasis"))
    try:
        equation = _inner_equation(sectors, weight, inner)
    except RuntimeError as exc:
        raise SteadyStateError(f"refinement: {exc}") from exc
    y = [CDD.from_complex(np.eye(d)) for d in sectors.sizes]
    corrections, residuals, iterations = [], [], []
    for _ in range(max_steps):
        r = liouvillian_dd(sectors, weight, y, equation.which, _ops=ops)
        size = _norm(y)
        residuals.append(_norm(r) / size)
        try:
            d, steps, _ = equation.solve([None if b is None else -b.to_complex() for b in r],
                                         rtol=inner_rtol)
        except RuntimeError as exc:
            raise SteadyStateError(f"refinement step {len(corrections) + 1}: {exc}") from exc
        d = [0.5 * (b + b.conj().T) for b in d]
        y = [a + CDD.from_complex(b) for a, b in zip(y, d)]
        iterations.append(steps)
        corrections.append(math.sqrt(sum(np.linalg.norm(b) ** 2 for b in d)) / size)
        if corrections[-1] <= tol:
            break
        if len(corrections) >= 2 and corrections[-1] > 0.5 * corrections[-2]:
            raise SteadyStateError(f"refinement stalls at relative correction "
                                   f"{corrections[-1]:.1e} > tol {tol:.0e}: corrections "
                                   + ", ".join(f"{c:.1e}" for c in corrections))
    else:
        raise SteadyStateError(f"refinement: relative correction {corrections[-1]:.1e} > tol "
                               f"{tol:.0e} after {max_steps} steps: corrections "
                               + ", ".join(f"{c:.1e}" for c in corrections))
    r = liouvillian_dd(sectors, weight, y, equation.which, _ops=ops)
    residuals.append(_norm(r) / _norm(y))
    return RefinedSteadyState(sectors=sectors, blocks=tuple(y), corrections=tuple(corrections),
                              residuals=tuple(residuals), gmres_iterations=tuple(iterations),
                              seconds=time.perf_counter() - start)
