"""Exact fields Q(Delta) for the anisotropy: rational Delta or a quadratic irrational.

Elements of ``K = Q(t)`` are coordinate tuples over the basis ``(1,)`` (degree
1, ``t = Delta`` rational) or ``(1, t)`` (degree 2, ``t^2 = c0 + c1 t``
irreducible over Q).  A K-matrix of size ``N x M`` is stored in its regular
representation: the rational ``dN x dM`` matrix whose ``d x d`` block (i, k)
is the matrix of multiplication by the entry on the basis above, i.e. for
``a = a0 + a1 t``::

    [[a0, c0 a1],
     [a1, a0 + c1 a1]]

This map is an injective ring homomorphism (sums, products, identity are
preserved), so matrix algebra over K is done by ``fmpq_mat``/``fmpz_mat``
arithmetic, ``rank_Q(rep M) = d rank_K(M)``, and the K-entry ``a`` is read
back from the first column of its block.  Nothing here chooses an embedding of
K into R: an identity proved in K holds at both conjugate values of Delta.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import isqrt

import flint
import sympy as sp

from symness.validation import ParameterError

__all__ = ["DeltaField", "rational_delta", "quadratic_delta"]

Element = tuple[Fraction, ...]


@dataclass(frozen=True)
class DeltaField:
    """``Q(Delta)``: ``value`` set for rational Delta, else ``t^2 = c0 + c1 t``."""

    label: str
    value: Fraction | None = None
    c0: Fraction = Fraction(0)
    c1: Fraction = Fraction(0)

    def __post_init__(self):
        if self.value is None:
            disc = self.c1 * self.c1 + 4 * self.c0  # t = (c1 +- sqrt(disc)) / 2
            if disc < 0:
                raise ParameterError(f"{self.label}: Delta must be real (c1^2 + 4 c0 < 0)")
            if all(isqrt(v) ** 2 == v for v in (disc.numerator, disc.denominator)):
                raise ParameterError(f"{self.label}: t^2 = {self.c0} + {self.c1} t is "
                                     "reducible over Q; use rational_delta")

    @property
    def degree(self) -> int:
        """[K : Q], 1 or 2."""
        return 1 if self.value is not None else 2

    @property
    def delta(self) -> Element:
        """Delta itself as an element."""
        return (self.value,) if self.value is not None else (Fraction(0), Fraction(1))

    def scalar(self, q) -> Element:
        """A rational number as an element."""
        q = Fraction(q)
        return (q,) if self.degree == 1 else (q, Fraction(0))

    def from_polynomial(self, expr: sp.Expr, symbol: sp.Symbol) -> Element:
        """A polynomial in ``symbol`` with rational coefficients, evaluated at Delta."""
        poly = sp.Poly(expr, symbol, domain=sp.QQ)
        if self.degree == 1:
            value = poly.eval(sp.Rational(self.value.numerator, self.value.denominator))
            return (Fraction(int(value.p), int(value.q)),)
        rem = poly.rem(sp.Poly(symbol**2 - self.c1 * symbol - self.c0, symbol, domain=sp.QQ))
        coeffs = [Fraction(int(c.p), int(c.q)) for c in reversed(rem.all_coeffs())]
        return tuple(coeffs + [Fraction(0)] * (2 - len(coeffs)))

    def mul(self, a: Element, b: Element) -> Element:
        """Product in K."""
        if self.degree == 1:
            return (a[0] * b[0],)
        quad = a[1] * b[1]  # t^2 = c0 + c1 t
        return (a[0] * b[0] + self.c0 * quad, a[0] * b[1] + a[1] * b[0] + self.c1 * quad)

    def block(self, a: Element) -> list[list[Fraction]]:
        """Matrix of multiplication by ``a`` on the basis (1, t)."""
        if self.degree == 1:
            return [[a[0]]]
        return [[a[0], self.c0 * a[1]], [a[1], a[0] + self.c1 * a[1]]]

    def matrix(self, entries: dict[tuple[int, int], Element], rows: int, cols: int
               ) -> flint.fmpq_mat:
        """Regular representation of the sparse K-matrix ``entries`` (``rows x cols``)."""
        d = self.degree
        out = flint.fmpq_mat(d * rows, d * cols)
        for (i, k), a in entries.items():
            for r, row in enumerate(self.block(a)):
                for c, v in enumerate(row):
                    if v:
                        out[d * i + r, d * k + c] = flint.fmpq(v.numerator, v.denominator)
        return out


def rational_delta(value) -> DeltaField:
    """Q itself, with Delta = ``value`` (a Fraction or anything Fraction accepts)."""
    value = Fraction(value)
    return DeltaField(label=f"Delta = {value}", value=value)


def quadratic_delta(label: str, c0, c1) -> DeltaField:
    """``Q(t)`` with ``t^2 = c0 + c1 t`` (irreducible), Delta = t; e.g. sqrt(3) - 1: (2, -2)."""
    return DeltaField(label=label, c0=Fraction(c0), c1=Fraction(c1))
