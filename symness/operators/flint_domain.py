"""Univariate rational polynomials ``QQ[Delta]`` backed by python-flint ``fmpq_poly``.

sympy's sparse polynomial elements are pure Python: one multiply-add of two
small polynomials costs ~9 us, against ~1 us for flint's ``fmpq_poly``
(measured in this project).  The Pauli-product kernel only needs ring
arithmetic, an exact zero test and conversion to and from sympy, so this
module provides exactly that part of sympy's ``Domain`` interface for one
symbol over ``QQ``.  It is chosen automatically for operators whose
coefficients are rational polynomials in a single symbol (e.g. ``H_XXZ(Delta)``)
when python-flint is installed; pass ``domain=sympy.QQ[Delta]`` to use sympy's.
"""

from __future__ import annotations

import sympy
from sympy.polys.polyerrors import CoercionFailed, PolynomialError

try:  # optional dependency (extra "exact")
    from flint import fmpq, fmpq_poly
except ImportError:  # pragma: no cover - exercised only without python-flint
    fmpq = fmpq_poly = None

__all__ = ["FlintPolyRing", "available"]


def available() -> bool:
    """Whether python-flint is importable."""
    return fmpq_poly is not None


class FlintPolyRing:
    """``QQ[symbol]`` with ``flint.fmpq_poly`` elements (the subset of ``Domain`` used here).

    Examples
    --------
    >>> D = sympy.Symbol("Delta")
    >>> K = FlintPolyRing(D)
    >>> K.to_sympy(K.from_sympy(D / 2 + 1) ** 2)
    Delta**2/4 + Delta + 1
    """

    is_PolynomialRing = True
    is_Exact = True

    def __init__(self, symbol: sympy.Symbol) -> None:
        if not available():
            raise ImportError("FlintPolyRing needs python-flint (pip install python-flint)")
        self.symbol = symbol
        self.symbols = (symbol,)
        self.domain = sympy.QQ
        self.zero = fmpq_poly([])
        self.one = fmpq_poly([1])

    def __eq__(self, other) -> bool:
        return isinstance(other, FlintPolyRing) and other.symbol == self.symbol

    def __hash__(self) -> int:
        return hash(("FlintPolyRing", self.symbol))

    def __repr__(self) -> str:
        return f"QQ[{self.symbol}] (flint)"

    @staticmethod
    def is_zero(a) -> bool:
        """Exact zero test."""
        return not a

    def from_sympy(self, expr: sympy.Expr):
        """Convert a polynomial in ``symbol`` with rational coefficients."""
        try:
            poly = sympy.Poly(expr, self.symbol)
        except PolynomialError:
            raise CoercionFailed(f"{expr} is not a polynomial in {self.symbol}") from None
        if not (poly.domain.is_ZZ or poly.domain.is_QQ):
            raise CoercionFailed(f"{expr} has coefficients outside QQ")
        return fmpq_poly([fmpq(int(c.p), int(c.q)) for c in reversed(poly.all_coeffs())])

    def to_sympy(self, a) -> sympy.Expr:
        """Return the sympy polynomial expression of an element."""
        return sympy.Add(*(sympy.Rational(int(c.p), int(c.q)) * self.symbol**i
                           for i, c in enumerate(a.coeffs()) if c))

    def convert_from(self, a, source):
        """Convert an element of ``source`` (``QQ``, ``ZZ``, sympy ``QQ[symbol]``, itself)."""
        if source == self:
            return a
        return self.from_sympy(source.to_sympy(a))

    def unify(self, other):
        """Return the common ring with ``QQ``, ``ZZ`` or sympy ``QQ[symbol]``; otherwise raise."""
        if other == self or other.is_QQ or other.is_ZZ or (
                getattr(other, "is_PolynomialRing", False) and tuple(other.symbols) == self.symbols
                and other.domain.is_QQ):
            return self
        raise NotImplementedError(f"no flint ring holds both {self} and {other}")

    is_QQ = is_ZZ = is_EX = is_AlgebraicField = False
