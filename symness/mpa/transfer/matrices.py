"""Reduced transfer matrices T and V of Prosen (2011), eqs. (15)-(16).

Auxiliary basis ordering (0-based index -> paper's vector)::

    0 -> |L>,  1 -> |R>,  r + 1 -> |r>   (r = 1, 2, ...)

so a truncation to ``H_d`` (``d = 2 + floor(n/2)`` in the paper) is the
leading ``d x d`` block.  In this basis (c arbitrary, ``c2 = c**2``)::

    T = |L><L| + |R><R| + (|L><1| + |1><R|)/2
        + sum_r cos^2(r lam) |r><r| + c2/2 sin^2(2 floor((r+1)/2) lam) |r><r+1|
                                    + 1/(2 c2) sin^2((2 floor(r/2)+1) lam) |r+1><r|      (15)
    V = (|L><1| - |1><R|)/2
        + sum_r c2/2 sin^2(2 floor((r+1)/2) lam) |r><r+1|
              - 1/(2 c2) sin^2((2 floor(r/2)+1) lam) |r+1><r|                          (16)

One generic builder (:func:`reduced_transfer_matrices`) fills the entries from
three callables (``cos^2(r lam)``, ``sin^2(k lam)``, ``c^2``) and the ring's
constants, so the symbolic, exact-number-field and mpmath versions cannot drift
apart.  For ``lam = pi ell / m`` (``gcd(ell, m) = 1``) the chains are cut at
``(m-1, m)`` or ``(m, m-1)`` and ``T' = T|H_{m+1}`` (size ``m + 1``) gives
exactly the same ``<L|T^n|R>`` for every ``n``.
"""

from __future__ import annotations

from collections.abc import Callable
from math import gcd

import mpmath
import sympy as sp
from sympy.polys.matrices import DomainMatrix

from symness.exact.cos_field import cos_field, cos_squared, sin_squared
from symness.validation import ParameterError, require_int

__all__ = ["L", "R", "inner", "inner_entries", "reduced_transfer_matrices",
           "transfer_matrices_symbolic", "transfer_matrices_exact", "transfer_matrices_mp",
           "check_rational_lambda"]

#: Indices of the boundary vectors in the auxiliary basis.
L, R = 0, 1


def inner(r: int) -> int:
    """Index of the inner auxiliary vector ``|r>`` (``r >= 1``)."""
    return r + 1


def inner_entries(r, cos2: Callable, sin2: Callable, c2, half):
    """``(T_{r,r}, T_{r,r+1}, T_{r+1,r})`` of (15) at the inner index ``r >= 1``.

    ``r`` may be a Python int or a sympy integer expression (``2k - 1``, ``2k``):
    the floors are written with ``//``, which sympy evaluates exactly, so the
    general-index proof in :mod:`symness.mpa.mazur.closed_form_proof` applies the very
    formulas the builders use.  V of (16) has the same entries with the sign of
    ``T_{r+1,r}`` flipped and no diagonal.
    """
    return (cos2(r), c2 * half * sin2(2 * ((r + 1) // 2)),
            half / c2 * sin2(2 * (r // 2) + 1))


def reduced_transfer_matrices(size: int, cos2: Callable, sin2: Callable, c2, *, one, zero):
    """T and V of (15)-(16), truncated to ``size`` (>= 3) basis vectors, as nested lists.

    Parameters
    ----------
    size : int
        Truncation dimension ``d``; the inner vectors are ``|1> .. |d-2>``.
    cos2, sin2 : callable
        ``cos2(r) = cos^2(r lam)``, ``sin2(k) = sin^2(k lam)`` in the target ring.
    c2 :
        ``c**2`` in the target ring.
    one, zero :
        The ring's unit and zero.

    Returns
    -------
    (T, V) : tuple of list of list
    """
    size = require_int(size, "size", minimum=3)
    half = one / (one + one)
    t = [[zero] * size for _ in range(size)]
    v = [[zero] * size for _ in range(size)]
    t[L][L] = t[R][R] = one
    t[L][inner(1)] = t[inner(1)][R] = half
    v[L][inner(1)], v[inner(1)][R] = half, -half
    for r in range(1, size - 1):
        t[inner(r)][inner(r)], up, down = inner_entries(r, cos2, sin2, c2, half)
        if r + 1 <= size - 2:
            t[inner(r)][inner(r + 1)], t[inner(r + 1)][inner(r)] = up, down
            v[inner(r)][inner(r + 1)], v[inner(r + 1)][inner(r)] = up, -down
    return t, v


def transfer_matrices_symbolic(size: int, lam: sp.Expr | None = None, c: sp.Expr | None = None):
    """T, V of (15)-(16) as sympy matrices with symbolic ``lam`` and ``c`` (defaults: symbols)."""
    lam = sp.Symbol("lambda") if lam is None else lam
    c = sp.Symbol("c", nonzero=True) if c is None else c
    t, v = reduced_transfer_matrices(size, lambda r: sp.cos(r * lam) ** 2,
                                     lambda k: sp.sin(k * lam) ** 2, c**2,
                                     one=sp.Integer(1), zero=sp.Integer(0))
    return sp.Matrix(t), sp.Matrix(v)


def check_rational_lambda(ell: int, m: int) -> tuple[int, int]:
    """Validate ``lam = pi ell / m`` with ``m >= 2``, ``0 < ell < m``, ``gcd(ell, m) = 1``."""
    m = require_int(m, "m", minimum=2)
    ell = require_int(ell, "ell", minimum=1, maximum=m - 1)
    if gcd(ell, m) != 1:
        raise ParameterError(f"'ell' must be coprime to m={m} (got ell={ell})")
    return ell, m


def transfer_matrices_exact(ell: int, m: int, size: int | None = None):
    """T, V at ``lam = pi ell / m``, ``c = 1``, exactly over ``Q(2 cos(2 pi / m))``.

    Parameters
    ----------
    ell, m : int
        Coprime, ``0 < ell < m``.
    size : int, optional
        Truncation; default ``m + 1`` (the invariant ``H_{m+1}`` of the paper, ``T'``).

    Returns
    -------
    (T, V) : tuple of DomainMatrix
    """
    ell, m = check_rational_lambda(ell, m)
    size = m + 1 if size is None else require_int(size, "size", minimum=3)
    field = cos_field(m)
    t, v = reduced_transfer_matrices(size, lambda r: cos_squared(r * ell, m),
                                     lambda k: sin_squared(k * ell, m), field.one,
                                     one=field.one, zero=field.zero)
    return DomainMatrix(t, (size, size), field), DomainMatrix(v, (size, size), field)


def transfer_matrices_mp(delta, size: int):
    """T, V of (15)-(16) as ``mpmath.matrix`` at the current mpmath precision.

    Uses ``c = 1`` for ``|delta| <= 1`` (``lam = arccos delta`` real) and
    ``c = i`` for ``|delta| > 1`` (``lam = i eta``), so every entry is real:
    ``cos^2(r lam) = cosh^2(r eta)`` and ``c^2 sin^2(k lam) = sinh^2(k eta)``.
    For ``delta < -1`` the same formulas hold with ``cos(r lam) = (-1)^r cosh(r eta)``,
    whose square is unchanged.
    """
    delta = mpmath.mpf(delta)
    if abs(delta) <= 1:
        lam = mpmath.acos(delta)
        cos2 = lambda r: mpmath.cos(r * lam) ** 2  # noqa: E731
        sin2 = lambda k: mpmath.sin(k * lam) ** 2  # noqa: E731
        c2 = mpmath.mpf(1)
    else:
        eta = mpmath.acosh(abs(delta))
        cos2 = lambda r: mpmath.cosh(r * eta) ** 2  # noqa: E731
        sin2 = lambda k: -mpmath.sinh(k * eta) ** 2  # noqa: E731  sin^2(i x) = -sinh^2 x
        c2 = mpmath.mpf(-1)
    t, v = reduced_transfer_matrices(size, cos2, sin2, c2, one=mpmath.mpf(1),
                                     zero=mpmath.mpf(0))
    return mpmath.matrix(t), mpmath.matrix(v)
