"""The real cyclotomic field ``K_m = Q(2 cos(2 pi / m))`` and its elements ``2 cos(2 pi k / m)``.

Every trigonometric number that enters the transfer matrices of Prosen (2011)
at ``lambda = pi l / m`` is a polynomial in ``cos(2 r lambda)`` (``cos^2 x =
(1 + cos 2x) / 2``), so all of them live in ``K_m``, a field of degree
``phi(m) / 2`` (``m > 2``).  Elements are built exactly with the Chebyshev
recurrence ``C_0 = 2, C_1 = alpha, C_{k+1} = alpha C_k - C_{k-1}``, for which
``C_k(2 cos t) = 2 cos(k t)``; no floating point is involved.

The field is sympy's :class:`~sympy.polys.domains.AlgebraicField` (elements
are ``ANP`` polynomials reduced modulo the minimal polynomial of ``alpha``),
so :class:`~sympy.polys.matrices.DomainMatrix` does exact linear algebra over it.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp
from sympy import QQ

from symness.validation import require_int

__all__ = ["cos_field", "two_cos", "cos_squared", "sin_squared", "to_sympy", "enclosure", "sign"]


@lru_cache(maxsize=None)
def cos_field(m: int):
    """Return the field ``Q(2 cos(2 pi / m))`` as a sympy ``AlgebraicField``.

    Parameters
    ----------
    m : int
        Denominator, ``m >= 1``.  For ``m <= 2`` the field is ``Q`` itself
        (represented as the algebraic field ``Q(2)``, degree 1).

    Examples
    --------
    >>> cos_field(5).mod.degree()  # phi(5)/2
    2
    """
    m = require_int(m, "m", minimum=1)
    return QQ.algebraic_field(2 * sp.cos(2 * sp.pi / m)) if m > 2 else QQ.algebraic_field(
        sp.Integer(2 * (-1) ** (m + 1)))


@lru_cache(maxsize=None)
def _chebyshev_table(m: int) -> tuple:
    field = cos_field(m)
    alpha = field.from_sympy(2 * sp.cos(2 * sp.pi / m))
    table = [field.from_sympy(sp.Integer(2)), alpha]
    for _ in range(2, m):
        table.append(alpha * table[-1] - table[-2])
    return tuple(table[:m])


def two_cos(k: int, m: int):
    """``2 cos(2 pi k / m)`` as an exact element of :func:`cos_field` ``(m)``.

    Examples
    --------
    >>> to_sympy(two_cos(1, 3), 3)
    -1
    """
    return _chebyshev_table(require_int(m, "m", minimum=1))[int(k) % m]


def cos_squared(k: int, m: int):
    """``cos^2(pi k / m) = (2 + 2 cos(2 pi k / m)) / 4`` in ``K_m``."""
    field = cos_field(m)
    return (field.from_sympy(sp.Integer(2)) + two_cos(k, m)) * field.from_sympy(sp.Rational(1, 4))


def sin_squared(k: int, m: int):
    """``sin^2(pi k / m) = (2 - 2 cos(2 pi k / m)) / 4`` in ``K_m``."""
    field = cos_field(m)
    return (field.from_sympy(sp.Integer(2)) - two_cos(k, m)) * field.from_sympy(sp.Rational(1, 4))


def to_sympy(element, m: int) -> sp.Expr:
    """Return the sympy expression (polynomial in ``cos(2 pi / m)``) of a ``K_m`` element."""
    return sp.expand(cos_field(m).to_sympy(element))


def enclosure(element, m: int, prec: int = 256):
    """Certified ball (python-flint ``arb``) containing the real number ``element`` of ``K_m``.

    Evaluates the exact polynomial representation at an ``arb`` enclosure of
    ``2 cos(2 pi / m)`` with ``prec`` bits; the radius is rigorous.  The flint
    working precision is restored afterwards.
    """
    import flint

    saved = flint.ctx.prec
    flint.ctx.prec = int(prec)
    try:
        alpha = 2 * flint.arb(flint.fmpq(2, m)).cos_pi()
        value = flint.arb(0)
        for coefficient in element.to_list():
            value = value * alpha + flint.arb(flint.fmpq(int(coefficient.numerator),
                                                         int(coefficient.denominator)))
        return value
    finally:
        flint.ctx.prec = saved


def sign(element, m: int) -> int:
    """Exact sign (-1, 0, 1) of a real element of ``K_m``.

    Zero is decided exactly; otherwise an ``arb`` enclosure is refined until it
    excludes zero (which must happen for a nonzero algebraic number).
    """
    if not element:
        return 0
    prec = 128
    while True:
        ball = enclosure(element, m, prec)
        if ball > 0:
            return 1
        if ball < 0:
            return -1
        prec *= 2
