"""The perturbative steady state of ``L = sum_n lam^n L_n`` (Ishida & Sugita (2022), Sec. III).

Given the pieces ``L0, L1, L2, ...`` as superoperator matrices acting on ``vec(rho)``,
:class:`DegenerateSeries` computes

* ``P0 = R0 W0^H``, the spectral projector onto ``Ker L0`` (eqs. (29)-(31));
* ``P1 = R1 W1^H``, the spectral projector onto ``Ker P0 L1 P0`` inside ``Im P0``
  (eqs. (32)-(34)); ``Q0 = 1 - P0``, ``Q1 = P0 - P1`` (35)-(37);
* ``(Q0 L0 Q0)^-1`` and ``(Q1 L1 Q1)^-1`` on ``Im Q0`` and ``Im Q1`` (zero elsewhere, (40)),
  by bordered solves ``[[L0, R0], [W0^H, 0]]``;
* the zeroth order from (45)-(47): ``rho_0 = R1 y`` with ``P1 L2 P1 y = 0`` and ``Tr rho_0 = 1``;
* ``rho_m`` (m >= 1) from (52), (55), (62) with ``Tr rho_m = 0`` (63).  The Moore-Penrose
  pseudo-inverse of ``P1 L2 P1`` is applied in the reduced coordinates ``y``; it differs
  from the full-space one only along ``rho_0``, which (63) fixes.

The paper's non-degeneracy assumption (after (27)) enters only through identity (44),
``P1 L1 (Q0 L0 Q0)^-1 L1 P1 = 0``.  The engine measures (44) and, with
``degenerate="raise"`` (default), raises :class:`NonDegeneracyError` when it fails.
With ``degenerate="effective"`` it uses ``M2 = P1 (L2 - L1 (Q0 L0 Q0)^-1 L1) P1`` in
place of ``P1 L2 P1`` in (47) and (62): the derivation (56)-(61) without using (44),
which reduces to the paper's equations when (44) holds.

Numeric pieces are scipy sparse/ndarray (float64); ``exact=True`` takes sympy
matrices (rational, algebraic or real-symbol entries) and computes exactly.
The trace functional is ``vec(1)`` in the row-major convention of
:mod:`symness.lindblad.liouvillian` unless given.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla
import sympy

from symness import tolerance
from symness.perturbation.kernel import (
    GAP_TOL,
    ZERO_TOL,
    KernelError,
    dense_null_vector,
    exact_kernel,
    numeric_kernel,
)
from symness.validation import ParameterError, SolverError


def _normal(expr):
    """Canonical form of a rational expression (symbols, rationals, ``I``); zero iff zero."""
    if isinstance(expr, sympy.MatrixBase):
        return expr.applyfunc(_normal)
    return sympy.cancel(expr)


__all__ = ["DegenerateSeries", "NonDegeneracyError", "IDENTITY_44_TOL", "trace_vector"]

#: Relative size of ``P1 L1 G0 L1 P1`` above which (44) is declared violated (float64):
#: :data:`symness.tolerance.IDENTITY_44`, with its reason.
IDENTITY_44_TOL = tolerance.IDENTITY_44


class NonDegeneracyError(SolverError, ArithmeticError):
    """The assumption after eq. (27) fails: identity (44) does not hold for these pieces."""


def trace_vector(dim: int, *, exact: bool = False):
    """Return row-major ``vec(1)`` for ``dim = d**2``, so that ``Tr rho = t . vec(rho)``."""
    d = int(round(dim ** 0.5))
    if d * d != dim:
        raise ParameterError(f"the superoperator dimension must be a square d**2 (got {dim})")
    if exact:
        t = sympy.zeros(dim, 1)
        for a in range(d):
            t[a * d + a] = 1
        return t
    t = np.zeros(dim, dtype=complex)
    t[np.arange(d) * (d + 1)] = 1.0
    return t


class DegenerateSeries:
    """Steady state of ``L0 + lam L1 + lam^2 L2 + ...`` order by order in ``lam``.

    Parameters
    ----------
    pieces : sequence of (D, D) matrices
        ``L0, L1, L2[, L3, ...]``; at least three.  Sparse/ndarray, or sympy with ``exact``.
    exact : bool
        Exact sympy arithmetic (small systems only).
    degenerate : {"raise", "effective"}
        What to do when identity (44) fails (module docstring).
    trace : (D,) vector, optional
        Trace functional; default ``vec(1)``.
    zero_tol, gap_tol : float
        Kernel thresholds of :func:`~symness.perturbation.kernel.numeric_kernel`.

    Examples
    --------
    >>> import numpy as np
    >>> from symness.lindblad.liouvillian import liouvillian
    >>> sz, sx, sm = np.diag([1., -1.]), np.array([[0, 1.], [1, 0]]), np.array([[0, 0], [1., 0]])
    >>> pieces = [liouvillian(sz, [], dissipator="standard"),
    ...           liouvillian(0.3 * sz, [], dissipator="standard"),
    ...           liouvillian(0 * sz, [sm], dissipator="standard")]
    >>> rho0 = DegenerateSeries(pieces).order(0).reshape(2, 2)
    >>> bool(np.allclose(rho0, np.diag([0, 1])))
    True
    """

    def __init__(self, pieces: Sequence, *, exact: bool = False, degenerate: str = "raise",
                 trace=None, zero_tol: float = ZERO_TOL, gap_tol: float = GAP_TOL) -> None:
        if len(pieces) < 3:
            raise ParameterError(f"'pieces' must hold at least L0, L1, L2 (got {len(pieces)})")
        if degenerate not in ("raise", "effective"):
            raise ParameterError(f"'degenerate' must be 'raise' or 'effective' "
                                 f"(got {degenerate!r})")
        self.exact = bool(exact)
        self.degenerate = degenerate
        self.zero_tol, self.gap_tol = zero_tol, gap_tol
        if self.exact:
            self.pieces = [sympy.Matrix(p) for p in pieces]
        else:
            self.pieces = [sp.csr_matrix(p, dtype=complex) for p in pieces]
        self.dim = self.pieces[0].shape[0]
        for i, p in enumerate(self.pieces):
            if p.shape != (self.dim, self.dim):
                raise ParameterError(f"'pieces'[{i}] must have the shape {(self.dim,) * 2} "
                                     f"(got {p.shape})")
        self.trace = trace_vector(self.dim, exact=self.exact) if trace is None else trace
        self._orders: list = []

    # ----------------------------------------------------------------- algebra helpers
    def _h(self, m):
        return m.H if self.exact else m.conj().T

    def _piece(self, n: int):
        return self.pieces[n] if n < len(self.pieces) else None

    def _apply(self, n: int, v):
        p = self._piece(n)
        if p is None:
            return sympy.zeros(*v.shape) if self.exact else np.zeros_like(v)
        return p * v if self.exact else p @ v

    def _kernel(self, m):
        if self.exact:
            return exact_kernel(m)
        return numeric_kernel(m, zero_tol=self.zero_tol, gap_tol=self.gap_tol)

    def _dense(self, m):
        return m if self.exact else np.asarray(m.toarray() if sp.issparse(m) else m)

    # ----------------------------------------------------------------- projectors
    @cached_property
    def kernel0(self):
        """Spectral kernel of ``L0``: ``P0 = right @ dual^H`` (eqs. (29)-(31))."""
        return self._kernel(self.pieces[0])

    @cached_property
    def reduced_l1(self):
        """``A1 = W0^H L1 R0``: ``P0 L1 P0`` in the coordinates of ``Im P0``."""
        k0 = self.kernel0
        a1 = self._h(k0.dual) * self.pieces[1] * k0.right if self.exact else \
            (self._h(k0.dual) @ self.pieces[1] @ k0.right).tocsr()
        return a1

    @cached_property
    def kernel1(self):
        """Spectral kernel of ``A1`` (coordinates inside ``Im P0``), eqs. (32)-(34)."""
        return self._kernel(self.reduced_l1)

    @cached_property
    def basis1(self):
        """``(R1, W1)``: ``P1 = R1 W1^H`` in the full space."""
        k0, k1 = self.kernel0, self.kernel1
        if self.exact:
            return k0.right * k1.right, k0.dual * k1.dual
        return (k0.right @ k1.right).tocsr(), (k0.dual @ k1.dual).tocsr()

    def projector(self, which: str):
        """Return the superoperator ``P0``, ``P1``, ``Q0`` or ``Q1`` as a matrix (small systems)."""
        k0 = self.kernel0
        r1, w1 = self.basis1
        eye = sympy.eye(self.dim) if self.exact else sp.identity(self.dim, format="csr")
        p0 = k0.right * self._h(k0.dual) if self.exact else k0.right @ self._h(k0.dual)
        p1 = r1 * self._h(w1) if self.exact else r1 @ self._h(w1)
        table = {"P0": p0, "P1": p1, "Q0": eye - p0, "Q1": p0 - p1}
        if which not in table:
            raise ParameterError(f"'which' must be one of {tuple(table)} (got {which!r})")
        return table[which]

    # ----------------------------------------------------------------- reduced inverses
    def _bordered(self, m, right, dual):
        """Solver of ``m z = Q rhs`` with ``z`` in ``Im Q``, ``Q = 1 - right dual^H``.

        Numeric: bordered system ``[[m, right], [dual^H, 0]]`` (sparse LU; nonsingular
        for a spectral kernel).  Exact: ``(m + right dual^H)^-1``.
        """
        if self.exact:
            # exact route: (m + P)^-1 maps Im Q onto Im Q as m^-1 (P = right dual^H commutes)
            inv = (m + right * dual.H).inv().applyfunc(_normal)
            return lambda rhs: inv * rhs
        full = sp.bmat([[sp.csr_matrix(m), right], [self._h(dual), None]], format="csc")
        lu = spla.splu(full)
        return lu.solve

    @cached_property
    def _g0_solver(self):
        k0 = self.kernel0
        return self._bordered(self.pieces[0], k0.right, k0.dual)

    @cached_property
    def _g1_solver(self):
        k1 = self.kernel1
        return self._bordered(self.reduced_l1, k1.right, k1.dual)

    def g0(self, v):
        """``(Q0 L0 Q0)^-1 v`` (defined as zero on ``Im P0``, eq. (40)); ``v`` is (D,) or (D, k)."""
        k0 = self.kernel0
        q0v = v - k0.right * (self._h(k0.dual) * v) if self.exact else \
            v - k0.right @ (self._h(k0.dual) @ v)
        return self._border_solve(self._g0_solver, q0v, k0.dim)

    def g1(self, v):
        """``(Q1 L1 Q1)^-1 v`` on ``Im Q1`` (zero on ``Im P1`` and ``Im Q0``), as in (55)."""
        k0, k1 = self.kernel0, self.kernel1
        if self.exact:
            y = self._h(k0.dual) * v
            y = y - k1.right * (self._h(k1.dual) * y)
            return k0.right * self._border_solve(self._g1_solver, y, k1.dim)
        y = self._h(k0.dual) @ v
        y = y - k1.right @ (self._h(k1.dual) @ y)
        return k0.right @ self._border_solve(self._g1_solver, y, k1.dim)

    def _border_solve(self, solver, rhs, k: int):
        if self.exact:
            return solver(rhs)
        rhs = np.asarray(rhs, dtype=complex)
        pad = np.zeros((k,) + rhs.shape[1:], dtype=complex)
        z = solver(np.concatenate([rhs, pad]))
        return z[: rhs.shape[0]]

    # ----------------------------------------------------------------- identity (44)
    @cached_property
    def second_order_term(self):
        """``W1^H L1 (Q0 L0 Q0)^-1 L1 R1``: the reduced left-hand side of identity (44)."""
        r1, w1 = self.basis1
        if self.exact:
            x = self.g0(self.pieces[1] * r1)
            return (self._h(w1) * self.pieces[1] * x).applyfunc(_normal)
        x = self.g0(self._dense(self.pieces[1] @ r1))
        return np.asarray(self._h(w1) @ (self.pieces[1] @ x))

    def identity_44_residual(self):
        """Size of ``P1 L1 (Q0 L0 Q0)^-1 L1 P1`` (eq. (44)).

        Exact: the reduced matrix itself (zero matrix iff (44) holds).  Numeric: the
        relative size ``||W1^H L1 X||_F / (||W1||_F ||L1||_2 ||X||_F)`` with
        ``X = G0 L1 R1`` and ``||L1||_2`` bounded by ``sqrt(||L1||_1 ||L1||_inf)``: at most
        1, and at rounding level when (44) holds.
        """
        if self.exact:
            return self.second_order_term
        r1, w1 = self.basis1
        l1 = self.pieces[1]
        x = self.g0(self._dense(l1 @ r1))
        l1_norm = np.sqrt(spla.norm(l1, 1) * spla.norm(l1, np.inf))
        scale = spla.norm(w1) * l1_norm * np.linalg.norm(x)
        return float(np.linalg.norm(self.second_order_term) / scale) if scale else 0.0

    @cached_property
    def reduced_generator(self):
        """``M2``: ``P1 L2 P1`` (paper) or ``P1 (L2 - L1 G0 L1) P1`` (effective), reduced."""
        r1, w1 = self.basis1
        b2 = self._h(w1) * self.pieces[2] * r1 if self.exact else \
            self._dense(self._h(w1) @ self.pieces[2] @ r1)
        if self.exact:
            holds = self.second_order_term.is_zero_matrix
        else:
            holds = self.identity_44_residual() <= IDENTITY_44_TOL
        if holds:
            return b2
        if self.degenerate == "raise":
            detail = "" if self.exact else f" (relative size {self.identity_44_residual():.2e})"
            raise NonDegeneracyError(
                "identity (44) P1 L1 (Q0 L0 Q0)^-1 L1 P1 = 0 fails" + detail + ": the levels "
                "E_{n,k} are degenerate (assumption after eq. (27)); use degenerate='effective'")
        return b2 - self.second_order_term

    # ----------------------------------------------------------------- the series
    def order(self, m: int):
        """``rho_m`` as a vector ``vec(rho_m)`` (``Tr rho_0 = 1``, ``Tr rho_m = 0`` for m >= 1)."""
        if m < 0:
            raise ParameterError(f"'m' must be >= 0 (got {m})")
        while len(self._orders) <= m:
            self._orders.append(self._next_order(len(self._orders)))
        return self._orders[m]

    def _tr(self, v):
        return (self.trace.T * v)[0, 0] if self.exact else complex(self.trace @ v)

    def _zeroth(self):
        r1, _ = self.basis1
        m2 = self.reduced_generator
        if self.exact:
            null = m2.nullspace(simplify=_normal)
            if len(null) != 1:
                raise KernelError(f"Ker P1 L2 P1 has dimension {len(null)}, expected 1 "
                                  "(steady state not unique)")
            rho = r1 * null[0]
        else:
            rho = r1 @ dense_null_vector(m2, zero_tol=self.zero_tol, gap_tol=self.gap_tol)
        tr = self._tr(rho)
        if (_normal(tr) == 0) if self.exact else abs(tr) < self.zero_tol:
            raise KernelError("the zeroth-order kernel vector is traceless: cannot normalise")
        return (rho / tr).applyfunc(_normal) if self.exact else rho / tr

    def _next_order(self, m: int):
        if m == 0:
            return self._zeroth()
        rho = self._orders
        zero = sympy.zeros(self.dim, 1) if self.exact else np.zeros(self.dim, dtype=complex)
        src0 = sum((self._apply(n, rho[m - n]) for n in range(1, m + 1)), zero)
        q0 = -self.g0(src0)                                                   # (52)
        tail = sum((self._apply(n, rho[m + 1 - n]) for n in range(2, m + 2)), zero)
        q1 = -self.g1(self._apply(1, q0) + tail)                              # (55)
        q = q0 + q1
        rhs = self._apply(1, self.g0(self._apply(1, q))) - self._apply(2, q)
        for n in range(2, m + 2):                                             # (61)
            prev = rho[m + 1 - n]
            rhs = rhs + self._apply(1, self.g0(self._apply(n, prev))) - self._apply(n + 1, prev)
        p1 = self._solve_reduced(rhs)                                         # (62)
        out = q + p1
        c = -self._tr(out)                                                    # (63)
        out = out + c * rho[0]
        return out.applyfunc(_normal) if self.exact else out

    def _solve_reduced(self, rhs):
        """``R1 y`` with ``M2 y = W1^H rhs`` (minimum-norm solution; consistency checked)."""
        r1, w1 = self.basis1
        m2 = self.reduced_generator
        if self.exact:
            b = self._h(w1) * rhs
            sol, params = m2.gauss_jordan_solve(b)
            sol = sol.subs({p: 0 for p in params})
            return r1 * sol
        b = np.asarray(self._h(w1) @ rhs)
        y, *_ = np.linalg.lstsq(m2, b, rcond=None)
        resid = np.linalg.norm(m2 @ y - b)
        if resid > 1e-8 * max(np.linalg.norm(b), 1.0):
            raise KernelError(f"equation (62) is inconsistent (residual {resid:.2e}): the "
                              "right-hand side has a component along the kernel of M2^H")
        return r1 @ y

    def series(self, m: int, lam):
        """Return the truncated series ``sum_{k<=m} lam^k rho_k`` as a vector."""
        total = self.order(0)
        for k in range(1, m + 1):
            total = total + lam**k * self.order(k)
        return total
