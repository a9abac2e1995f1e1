"""Spectral projectors onto the kernel of a square matrix, numerically or exactly.

For ``M`` whose zero eigenvalue is semisimple, the projector onto ``Ker M`` along
``Im M`` is ``P = R W^H`` with ``R`` a basis of the right kernel and ``W`` a basis
of the left kernel normalised so that ``W^H R = 1``.  This is the projector the
perturbation theory of Ishida & Sugita (2022), eqs. (30)-(37), needs: it commutes
with ``M`` (so ``P M = M P = 0``), and for a normal ``M`` (a commutator with a
Hermitian operator) it is the orthogonal projector.

The numeric route splits ``M`` into the connected components of its sparsity
graph (a Liouvillian that conserves a quantum number is block diagonal), and takes
each block's kernel from its singular values.  It refuses to guess: a singular
value between ``zero_tol`` and ``gap_tol`` (relative to ``||M||_inf``) raises
:class:`NearDegeneracyError`, and a nilpotent (Jordan) zero eigenvalue raises
:class:`KernelError`.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import scipy.linalg as sla
import scipy.sparse as sp
import sympy
from scipy.sparse.csgraph import connected_components

from symness import tolerance
from symness.validation import ParameterError, SolverError


def _normal(expr):
    """Canonical form of a rational expression (symbols, rationals, ``I``); zero iff zero."""
    if isinstance(expr, sympy.MatrixBase):
        return expr.applyfunc(_normal)
    return sympy.cancel(expr)


__all__ = ["KernelError", "NearDegeneracyError", "SpectralKernel", "numeric_kernel",
           "dense_null_vector", "certified_null_vector",
           "exact_kernel", "ZERO_TOL", "GAP_TOL"]

#: Singular values below ``ZERO_TOL * ||M||_inf`` count as zero (float64 route); the value
#: and its reason: :data:`symness.tolerance.KERNEL_ZERO`.
ZERO_TOL = tolerance.KERNEL_ZERO
#: ...and none may lie between that and ``GAP_TOL * ||M||_inf`` (else near-degenerate):
#: :data:`symness.tolerance.KERNEL_GAP`.
GAP_TOL = tolerance.KERNEL_GAP


class KernelError(SolverError, ArithmeticError):
    """The zero eigenvalue is not semisimple: no projector onto the kernel along the range."""


class NearDegeneracyError(KernelError):
    """A singular value is neither clearly zero nor clearly nonzero at float64 precision."""


@dataclass(frozen=True)
class SpectralKernel:
    """Right kernel basis ``right`` (n x k) and dual basis ``dual`` with ``dual^H right = 1``.

    The spectral projector is ``right @ dual^H``.  Numeric kernels hold CSR
    matrices; exact kernels hold sympy matrices.
    """

    right: object
    dual: object

    @property
    def dim(self) -> int:
        """Dimension ``k`` of the kernel."""
        return int(self.right.shape[1])


def _inf_norm(m: sp.csr_matrix) -> float:
    return float(abs(m).sum(axis=1).max()) if m.nnz else 0.0


def numeric_kernel(m, *, zero_tol: float = ZERO_TOL, gap_tol: float = GAP_TOL) -> SpectralKernel:
    """Spectral kernel of a square (sparse or dense) complex matrix in float64.

    Parameters
    ----------
    m : (n, n) array or sparse matrix
    zero_tol, gap_tol : float
        Relative thresholds (module docstring).

    Returns
    -------
    SpectralKernel
        CSR ``right`` and ``dual`` (n x k).

    Raises
    ------
    NearDegeneracyError
        If a singular value falls between the two thresholds.
    KernelError
        If the zero eigenvalue has a Jordan block (``W^H R`` singular).
    """
    m = sp.csr_matrix(m, dtype=complex)
    n = m.shape[0]
    if m.shape != (n, n):
        raise ParameterError(f"'m' must be square (got shape {m.shape})")
    scale = max(_inf_norm(m), np.finfo(float).tiny)
    pattern = (abs(m) + abs(m).T).tocsr()
    ncomp, labels = connected_components(pattern, directed=False)
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(ncomp + 1))
    rows_r, cols_r, vals_r, rows_w, cols_w, vals_w = [], [], [], [], [], []
    k = 0
    for c in range(ncomp):
        idx = order[bounds[c]:bounds[c + 1]]
        block = m[idx][:, idx].toarray()
        u, s, vh = np.linalg.svd(block)
        zero = s <= zero_tol * scale
        if np.any((s > zero_tol * scale) & (s < gap_tol * scale)):
            bad = s[(s > zero_tol * scale) & (s < gap_tol * scale)].min() / scale
            raise NearDegeneracyError(
                f"singular value {bad:.3e} (relative) lies between zero_tol={zero_tol:g} and "
                f"gap_tol={gap_tol:g}: kernel dimension undecidable in float64")
        nz = int(zero.sum())
        if nz == 0:
            continue
        right = vh[zero].conj().T
        left = u[:, zero]
        overlap = left.conj().T @ right
        if np.linalg.cond(overlap) > 1.0 / gap_tol:
            raise KernelError("zero eigenvalue is not semisimple (left and right kernels are "
                              "nearly orthogonal): no spectral projector exists")
        dual = left @ np.linalg.inv(overlap).conj().T
        for j in range(nz):
            rows_r.extend(idx)
            cols_r.extend([k + j] * len(idx))
            vals_r.extend(right[:, j])
            rows_w.extend(idx)
            cols_w.extend([k + j] * len(idx))
            vals_w.extend(dual[:, j])
        k += nz
    shape = (n, k)
    right = sp.csr_matrix((vals_r, (rows_r, cols_r)), shape=shape, dtype=complex)
    dual = sp.csr_matrix((vals_w, (rows_w, cols_w)), shape=shape, dtype=complex)
    right.eliminate_zeros()
    dual.eliminate_zeros()
    return SpectralKernel(right=right, dual=dual)


def exact_kernel(m: sympy.Matrix) -> SpectralKernel:
    """Spectral kernel of an exact sympy matrix (rational, algebraic or symbolic entries).

    Symbols must be declared real so that ``m.H`` is the adjoint.  Raises
    :class:`KernelError` if ``W^H R`` is singular (Jordan block at zero).
    """
    m = sympy.Matrix(m)
    right = [_normal(v) for v in m.nullspace(simplify=_normal)]
    left = [_normal(v) for v in m.H.nullspace(simplify=_normal)]
    n = m.shape[0]
    if not right:
        return SpectralKernel(right=sympy.zeros(n, 0), dual=sympy.zeros(n, 0))
    r = sympy.Matrix.hstack(*right)
    w = sympy.Matrix.hstack(*left)
    overlap = (w.H * r).applyfunc(_normal)
    if _normal(overlap.det()) == 0:
        raise KernelError("zero eigenvalue is not semisimple: W^H R is singular")
    dual = (w * overlap.inv().H).applyfunc(_normal)
    return SpectralKernel(right=r, dual=dual)


def dense_null_vector(m: np.ndarray, *, zero_tol: float = ZERO_TOL,
                      gap_tol: float = GAP_TOL) -> np.ndarray:
    """Return the unique (up to scale) right null vector of a small dense matrix.

    Raises :class:`KernelError` if the kernel is not one-dimensional at the given
    relative thresholds (or :class:`NearDegeneracyError` if undecidable).
    """
    m = np.asarray(m, dtype=complex)
    u, s, vh = sla.svd(m)
    _require_one_dimensional(s, _row_sum_norm(m), zero_tol, gap_tol)
    return vh[-1].conj()


def certified_null_vector(m: np.ndarray, *, zero_tol: float = ZERO_TOL,
                          gap_tol: float = GAP_TOL) -> tuple[np.ndarray, np.ndarray, float]:
    """``(y, s, angle)``: the null vector of a dense matrix without singular vectors.

    The singular values ``s`` alone (LAPACK without vectors, which converges where the
    divide-and-conquer SVD with vectors may not: the 2424 x 2424 reduced generator of
    the XY chain of Ishida & Sugita at N = 10) decide, as in :func:`dense_null_vector`,
    that the kernel is one-dimensional.  The unit vector ``y`` is one step of inverse
    iteration with zero shift, ``M^-1 b`` through the LU factors of ``M`` (a fixed
    pseudo-random ``b``; an exactly zero pivot is replaced by ``u ||M||_inf``).
    ``angle = ||M y|| / sigma_{k-1}`` bounds the sine of the angle between ``y`` and
    the exact null vector a posteriori (``y = c v + z`` with ``z`` orthogonal to
    ``Ker M`` gives ``||M y|| = ||M z|| >= sigma_{k-1} ||z||``); it raises
    :class:`KernelError` if that bound exceeds ``gap_tol``.
    """
    m = np.asarray(m, dtype=complex)
    s = sla.svdvals(m)
    scale = _row_sum_norm(m)
    _require_one_dimensional(s, scale, zero_tol, gap_tol)
    with warnings.catch_warnings():
        # a matrix that is singular in floating point too has an exactly zero pivot
        warnings.simplefilter("ignore", sla.LinAlgWarning)
        lu, piv = sla.lu_factor(m)
    zero_pivots = np.flatnonzero(np.diagonal(lu) == 0)
    lu[zero_pivots, zero_pivots] = np.finfo(float).eps / 2 * scale
    y = sla.lu_solve((lu, piv), np.random.default_rng(0).standard_normal(len(m)))
    y = y / np.linalg.norm(y)
    angle = float(np.linalg.norm(m @ y) / s[-2])
    if not angle <= gap_tol:
        raise KernelError(f"inverse iteration left a null-vector angle bound {angle:.1e} > "
                          f"gap_tol={gap_tol:g}")
    return y, s, angle


def _row_sum_norm(m: np.ndarray) -> float:
    """``||m||_inf``, at least the smallest positive float (the unit of the thresholds)."""
    return max(float(np.abs(m).sum(axis=1).max()), np.finfo(float).tiny)


def _require_one_dimensional(s: np.ndarray, scale: float, zero_tol: float,
                             gap_tol: float) -> None:
    """Raise unless exactly one singular value ``s`` is zero (``<= zero_tol * scale``).

    A singular value between ``zero_tol * scale`` and ``gap_tol * scale`` raises
    :class:`NearDegeneracyError`.
    """
    zero = s <= zero_tol * scale
    if np.any((s > zero_tol * scale) & (s < gap_tol * scale)):
        raise NearDegeneracyError(
            f"smallest nonzero singular value {s[~zero].min() / scale:.3e} (relative) is below "
            f"gap_tol={gap_tol:g}: the steady state is not unique to float64 precision")
    if int(zero.sum()) != 1:
        raise KernelError(f"the kernel has dimension {int(zero.sum())}, expected exactly 1 "
                          "(steady state not unique)")
