"""Exact checks of the bulk algebra and of the steady state (sympy, no floats).

Two statements are proved symbolically, for all real ``Delta`` and ``eps``:

1. *Bulk (divergence) relation*, for every auxiliary level ``k``::

       [h, Omega (x) Omega] = Omega (x) (sigma^z B) - (sigma^z B) (x) Omega,

   ``Omega = A_0 1 + A_+ sigma^+ + A_- sigma^-`` (:mod:`.coefficients`),
   ``h = sx sx + sy sy + Delta sz sz`` on two sites, ``B = diag(b_k)``,
   ``b_k = i eps T_k(Delta) - 2 (1 - Delta^2) U_{k-1}(Delta)`` (the derivative of the
   Lax operator in the spectral parameter, normalised as the coefficients).
   Every matrix element between levels ``k`` and ``k + d`` (``|d| <= 2``) is a
   polynomial in ``x = T_k``, ``y = U_{k-1}``, ``Delta``, ``eps`` (the shifts
   ``T_{k+-1}``, ``U_{k}``, ``U_{k-2}`` are linear in ``x, y``) and vanishes modulo
   the Pell identity ``x^2 - (Delta^2 - 1) y^2 = 1``; ``k = 0`` is included
   (``x = 1``, ``y = 0``, and ``w_{-1} = U_{-1} (...) = 0`` removes level ``-1``).
   Telescoped along the chain with ``b_0 = i eps`` this gives
   ``[H, S_n] = i eps (S_{n-1} (x) sigma^z - sigma^z (x) S_{n-1})``.  (The opposite
   overall sign, our first guess from the Lax operator, fails: the check can fail.)

2. *The Lindblad equation itself*: ``L(S S^†) = 0`` entry by entry as
   polynomials in ``Delta`` and ``eps`` for ``n = 2 .. n_max`` (the
   boundary terms that the bulk relation leaves are not reduced to a
   separate lemma here; they are verified inside this full check).
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from symness.strong_drive.mpa import mpa_operator

__all__ = ["DELTA", "EPS", "bulk_relation_residuals", "lindblad_residual_exact"]

DELTA, EPS = sp.symbols("Delta epsilon", real=True)
_X, _Y = sp.symbols("x y")  # T_k(Delta), U_{k-1}(Delta)

_SZ = sp.Matrix([[1, 0], [0, -1]])
_SP = sp.Matrix([[0, 1], [0, 0]])
_SM = sp.Matrix([[0, 0], [1, 0]])
_ID = sp.eye(2)


def _shifted(d: int) -> tuple[sp.Expr, sp.Expr]:
    """``(T_{k+d}, U_{k+d-1})`` as linear forms in ``x = T_k``, ``y = U_{k-1}``."""
    t, u = _X, _Y
    for _ in range(abs(d)):
        if d > 0:
            t, u = DELTA * t - (1 - DELTA**2) * u, DELTA * u + t
        else:
            t, u = DELTA * t + (1 - DELTA**2) * u, DELTA * u - t
    return sp.expand(t), sp.expand(u)


def _a(d: int) -> sp.Expr:
    t, u = _shifted(d)
    return t + sp.I * EPS / 2 * u


def _w(d: int) -> sp.Expr:
    """``w_{k+d} = U_{k+d} (i eps T_{k+d} - (1 - Delta^2 + eps^2/4) U_{k+d-1})``."""
    t, u = _shifted(d)
    return _shifted(d + 1)[1] * (sp.I * EPS * t - (1 - DELTA**2 + EPS**2 / 4) * u)


def _b(d: int) -> sp.Expr:
    t, u = _shifted(d)
    return sp.I * EPS * t - 2 * (1 - DELTA**2) * u


def _omega(d: int, step: int) -> sp.Matrix:
    """Physical 2x2 block of ``Omega`` from level ``k+d`` to level ``k+d+step``."""
    if step == 0:
        return _a(d) * _ID
    if step == 1:
        return _SP
    return _w(d - 1) * _SM if step == -1 else sp.zeros(2)


def _pair(d_out: int) -> sp.Matrix:
    """``<k| Omega (x) Omega |k + d_out>`` as a 4x4 matrix (first site left)."""
    total = sp.zeros(4)
    for first in (-1, 0, 1):
        second = d_out - first
        if abs(second) <= 1:
            total += sp.kronecker_product(_omega(0, first), _omega(first, second))
    return total


def _reduce(expr: sp.Expr) -> sp.Expr:
    """``expr`` modulo the Pell identity ``x^2 = 1 + (Delta^2 - 1) y^2``."""
    return sp.expand(sp.rem(sp.expand(expr), _X**2 - 1 - (DELTA**2 - 1) * _Y**2, _X))


def bulk_relation_residuals() -> dict[int, sp.Matrix]:
    """Reduced residual of the bulk relation for each level jump ``d = -2 .. 2``.

    All entries are zero when the relation holds for every ``k``.
    """
    h = (sp.kronecker_product(2 * _SP, _SM) + sp.kronecker_product(2 * _SM, _SP)
         + DELTA * sp.kronecker_product(_SZ, _SZ))
    out = {}
    for d in range(-2, 3):
        lhs = h * _pair(d) - _pair(d) * h
        rhs = sp.zeros(4)
        if abs(d) <= 1:
            rhs = (sp.kronecker_product(_omega(0, d), _b(d) * _SZ)
                   - sp.kronecker_product(_b(0) * _SZ, _omega(0, d)))
        out[d] = (lhs - rhs).applyfunc(_reduce)
    return out


def lindblad_residual_exact(n: int) -> int:
    """Number of nonzero entries of ``L(S S^†)`` (symbolic ``Delta``, ``eps``) on ``n`` sites.

    Dissipator ``eps (2 L rho L^† - {L^† L, rho})`` with ``L = sigma^+_1``,
    ``sigma^-_n`` (paper 000, (1)-(3) at ``mu = 1``); ``H`` in Pauli normalisation.
    """
    from symness.strong_drive.model import StrongDrive

    s = mpa_operator(StrongDrive(n, 1, 1), delta=DELTA, eps=EPS, unit=sp.I)
    rho = s.dot(np.vectorize(sp.conjugate)(s).T)
    eye = lambda k: np.eye(2**k, dtype=int).astype(object)  # noqa: E731
    site = lambda m, j: np.kron(np.kron(eye(j), np.array(m.tolist(), dtype=object)),  # noqa: E731
                                eye(n - 1 - j))
    ham = sum(site(2 * _SP, j).dot(site(_SM, j + 1)) + site(2 * _SM, j).dot(site(_SP, j + 1))
              + DELTA * site(_SZ, j).dot(site(_SZ, j + 1)) for j in range(n - 1))
    out = -sp.I * (ham.dot(rho) - rho.dot(ham))
    for jump in (site(_SP, 0), site(_SM, n - 1)):
        jd = jump.T
        out = out + EPS * (2 * jump.dot(rho).dot(jd) - jd.dot(jump).dot(rho)
                           - rho.dot(jd).dot(jump))
    return sum(1 for entry in out.ravel() if sp.expand(entry) != 0)
