"""Exact coefficient domains for :class:`~symness.operators.pauli.PauliSum`.

A complex coefficient ``c`` is stored as a pair ``(re, im)`` of elements of a
*real* exact domain ``K`` (a sympy :class:`~sympy.polys.domains.Domain`), with
``None`` standing for an exact zero part.  Storing real and imaginary parts
separately makes multiplication by the Pauli phases ``i^k`` free, makes complex
conjugation trivial, and keeps Hermitian operators (whose Pauli coefficients
are real) at one real multiplication per product of terms.

The domain is chosen automatically as the smallest of

* ``QQ`` (rational numbers; python-flint ``fmpq`` when sympy's ground types are
  ``flint``, otherwise gmpy2/python),
* ``QQ<a>`` (an algebraic number field such as ``QQ<sqrt(5)>`` holding
  ``cos(pi/5)``; elements are reduced modulo the minimal polynomial, so the
  zero test is exact),
* ``K0[Delta, ...]`` (polynomials in the free symbols over ``QQ`` or ``QQ<a>``;
  for one symbol over ``QQ`` the python-flint ring of
  :mod:`symness.operators.flint_domain`, ~8x faster),
* ``K0(Delta, ...)`` (rational functions),
* ``EX`` (general sympy expressions, simplified with ``cancel``; the zero test
  is then only as strong as sympy's, and arithmetic is slow),

or given explicitly with ``domain=``.  In every domain but ``EX`` coefficients
are kept in a canonical normal form, so a coefficient is zero exactly when it
compares equal to the domain's zero.

**Free symbols are real parameters.**  ``conj(Delta) = Delta``; a complex
parameter must be written with two real symbols.
"""

from __future__ import annotations

from fractions import Fraction
from functools import reduce

import sympy
from sympy.polys.constructor import construct_domain
from sympy.polys.domains import EX, QQ, Domain
from sympy.polys.polyerrors import CoercionFailed, PolynomialError

from symness.operators import flint_domain
from symness.validation import ParameterError

__all__ = ["Pair", "as_expr", "split_real_imag", "choose_domain", "to_pair", "pair_to_expr",
           "unify_domains", "convert_pair", "parse_domain"]

#: ``(re, im)``: two domain elements, ``None`` meaning exact zero, never both ``None``.
Pair = tuple


def as_expr(value: object, name: str = "coefficient") -> sympy.Expr:
    """Sympify an exact scalar; floats (and complex floats) are refused.

    Raises
    ------
    TypeError
        For ``float``/``complex`` or a sympy expression containing a ``Float``:
        exact operators take exact numbers (write ``Rational(1, 10)``, not ``0.1``).
    """
    if isinstance(value, bool):
        raise TypeError(f"'{name}' must be an exact number or expression (got {value!r})")
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, (float, complex)):
        raise TypeError(f"'{name}' must be exact (got float {value!r}); use sympy.Rational or "
                        "fractions.Fraction")
    expr = sympy.sympify(value)
    if not isinstance(expr, sympy.Expr):
        raise TypeError(f"'{name}' must be a scalar expression (got {value!r})")
    if expr.atoms(sympy.Float):
        raise TypeError(f"'{name}' must be exact (got {expr!r}, which contains a float)")
    return expr


def split_real_imag(expr: sympy.Expr) -> tuple[sympy.Expr, sympy.Expr]:
    """Real and imaginary part, every free symbol being a real parameter."""
    if expr.is_Rational:
        return expr, sympy.S.Zero
    symbols = sorted(expr.free_symbols, key=str)
    real = {s: sympy.Dummy(s.name, real=True) for s in symbols}
    back = {d: s for s, d in real.items()}
    re, im = sympy.expand(expr.xreplace(real)).as_real_imag()
    return sympy.expand(re.xreplace(back)), sympy.expand(im.xreplace(back))


def _ground(coeffs: list[sympy.Expr]) -> Domain:
    """Smallest of ``QQ``, ``QQ<a>``, ``EX`` holding the numeric ``coeffs``."""
    if all(c.is_Rational for c in coeffs):
        return QQ
    domain, _ = construct_domain(coeffs, field=True, extension=True)
    if domain.is_ZZ:
        return QQ
    return domain if (domain.is_QQ or domain.is_AlgebraicField) else EX


def choose_domain(parts: list[sympy.Expr]) -> Domain:
    """Smallest exact real domain holding all ``parts`` (real and imaginary parts).

    See the module docstring for the order of preference.
    """
    parts = [p for p in parts if p != 0]
    symbols = sorted(set().union(*(p.free_symbols for p in parts)), key=str)
    if not symbols:
        return _ground(parts)
    try:
        if all(p.is_polynomial(*symbols) for p in parts):
            coeffs = [c for p in parts for c in sympy.Poly(p, *symbols).coeffs()]
            ground = _ground(coeffs)
            if ground.is_QQ and len(symbols) == 1 and flint_domain.available():
                return flint_domain.FlintPolyRing(symbols[0])
            return EX if ground.is_EX else ground[tuple(symbols)]
        if all(p.is_rational_function(*symbols) for p in parts):
            fracs = [sympy.together(p).as_numer_denom() for p in parts]
            coeffs = [c for f in fracs for q in f for c in sympy.Poly(q, *symbols).coeffs()]
            ground = _ground(coeffs)
            return EX if ground.is_EX else ground.frac_field(*symbols)
    except (PolynomialError, CoercionFailed, NotImplementedError):
        pass
    return EX


def parse_domain(domain: Domain | str | None) -> Domain | None:
    """``None``/``"auto"`` -> automatic choice; a sympy ``Domain`` is used as given."""
    if domain is None or domain == "auto":
        return None
    if isinstance(domain, (Domain, flint_domain.FlintPolyRing)):
        if getattr(domain, "is_ComplexField", False) or getattr(domain, "is_RealField", False):
            raise ParameterError(f"'domain' must be exact (got inexact {domain})")
        return domain
    raise ParameterError(f"'domain' must be 'auto' or a sympy Domain such as QQ, QQ[Delta] "
                         f"(got {domain!r})")


def to_pair(re: sympy.Expr, im: sympy.Expr, domain: Domain) -> Pair | None:
    """Convert real and imaginary parts into a :data:`Pair` of ``domain``; ``None`` if zero."""
    try:
        a = domain.from_sympy(re) if re != 0 else None
        b = domain.from_sympy(im) if im != 0 else None
    except CoercionFailed:
        raise ParameterError(f"'domain' {domain} cannot hold the coefficient {re} + I*({im})"
                             ) from None
    a = a if a is not None and a != domain.zero else None
    b = b if b is not None and b != domain.zero else None
    return None if a is None and b is None else (a, b)


def pair_to_expr(pair: Pair, domain: Domain) -> sympy.Expr:
    """Return the sympy expression ``re + I*im`` of a stored pair."""
    a, b = pair
    re = domain.to_sympy(a) if a is not None else sympy.S.Zero
    im = domain.to_sympy(b) if b is not None else sympy.S.Zero
    return re + sympy.I * im


def _unify(k1: Domain, k2: Domain) -> Domain:
    if k1 == k2:
        return k1
    if isinstance(k2, flint_domain.FlintPolyRing):
        return k2.unify(k1)
    return k1.unify(k2)


def unify_domains(domains: list[Domain]) -> Domain:
    """Return the common domain of several domains (sympy's ``unify``, flint ring aware)."""
    return reduce(_unify, domains)


def convert_pair(pair: Pair, source: Domain, target: Domain) -> Pair | None:
    """Convert a pair from ``source`` to ``target`` (``None`` if it became zero)."""
    if source == target:
        return pair
    a, b = pair
    a = target.convert_from(a, source) if a is not None else None
    b = target.convert_from(b, source) if b is not None else None
    a = a if a is not None and a != target.zero else None
    b = b if b is not None and b != target.zero else None
    return None if a is None and b is None else (a, b)
