"""Exact Pauli-string algebra: operators on n spins as sums of Pauli strings.

Encoding (symplectic bits)
--------------------------
A Pauli string on ``n`` sites is labelled by two ``n``-bit integers ``(x, z)``;
**bit ``j`` of ``x`` and ``z`` refers to site ``j``** (0-based).  The string is

    P(x, z) = i^{|x & z|} X^x Z^z = ⊗_j  i^{x_j z_j} X^{x_j} Z^{z_j},

so per site ``(x_j, z_j) = (0,0), (1,0), (1,1), (0,1)`` is ``1, σx, σy, σz``
(``σy = i σx σz``), and every ``P(x, z)`` is Hermitian and squares to 1.
Products follow from ``X^a Z^b X^c Z^d = (-1)^{|b & c|} X^{a^c} Z^{b^d}``:

    P(x1,z1) P(x2,z2) = i^{|x1&z1| + |x2&z2| - |x3&z3| + 2|z1&x2|} P(x3,z3),
    x3 = x1 ^ x2,  z3 = z1 ^ z2,

computed with ``int.bit_count`` (popcount) only, never with a loop over sites.
Two strings commute iff ``|x1&z2| + |z1&x2|`` is even.

Relation to matrices (:mod:`symness.operators.sparse`)
------------------------------------------------------
Site 0 is the *leftmost* Kronecker factor, i.e. the *most significant* bit of
the basis index ``b``; so site ``j`` is bit ``n-1-j`` of ``b``, and
``PauliSum.to_sparse`` reverses the bit order of ``x`` and ``z``.
``|0> = up``, ``σz|up> = +|up>``, ``σ+ = (σx + iσy)/2 = |up><down|``, exactly as
``sparse.sigma_plus``.  Label strings such as ``"XZI"`` list sites ``0, 1, 2``
from left to right, as in ``σx ⊗ σz ⊗ 1``.

Coefficients
------------
Exact, in a real domain chosen automatically (``QQ`` with python-flint
``fmpq``; ``QQ<a>`` for algebraic numbers such as ``cos(pi/7)``; ``QQ[Delta]``
as python-flint ``fmpq_poly`` for one symbol, sympy ``K[Delta, ...]`` or
``K(Delta, ...)`` otherwise; ``EX`` as the last resort), or given with
``domain=``; stored as (real, imaginary) pairs, see
:mod:`symness.operators.coefficients`.  Free symbols are real parameters.
Coefficients are always in normal form (exact zeros dropped), so ``is_zero``
and ``==`` are exact.  ``.terms`` shows them as sympy expressions.

Cost (``symness bench pauli-product``, CPU seconds on the shared 2-core
machine): the product of two random sums of 1000 strings on 12 sites (~10^6
distinct output strings) takes ~2-3 s with rational, ~5-7 s with complex
rational and ~4.5 s with ``QQ[Delta]`` (flint) coefficients, against ~20-28 s
with sympy's ``QQ[Delta]``; a commutator ``[H_XXZ(Delta), Q]`` with a 4-local
``Q`` of 2305 strings on a 12-site ring takes ~0.03-0.06 s.

Examples
--------
>>> from symness.operators.pauli import sigma
>>> sp, sm = sigma("+", 0, 1), sigma("-", 0, 1)
>>> (sp * sm + sm * sp) == 1
True
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from fractions import Fraction
from types import MappingProxyType

import sympy
from sympy.polys.domains import QQ, Domain

from symness.operators import coefficients as cf
from symness.operators.pauli_kernel import (
    MAX_VECTOR_SITES,
    accumulate,
    complex_mul,
    products_reference,
)
from symness.operators.pauli_kernel import products as kernel_products
from symness.operators.pauli_labels import check_key, label_of, parse_label
from symness.validation import ParameterError, require_int

__all__ = ["PauliSum", "commutator", "anticommutator", "hs_inner", "identity", "zero",
           "pauli_string", "sigma", "from_labels", "site_product", "local_sum", "sum_all",
           "label_of", "parse_label"]

def _is_scalar(value: object) -> bool:
    return isinstance(value, (numbers.Number, Fraction, sympy.Expr)) and not isinstance(
        value, bool)


class PauliSum:
    """An operator on ``n`` spins-1/2, ``sum_{(x,z)} c_{x,z} P(x, z)``, with exact coefficients.

    Immutable value object.  Arithmetic: ``+``, ``-``, ``*`` (operator product,
    or scaling by an exact scalar), ``/`` by a scalar, ``**`` by an integer
    ``>= 0``, ``==`` (exact).  A scalar ``s`` in a sum means ``s * identity``.

    Parameters
    ----------
    n : int
        Number of sites, ``n >= 1``.
    terms : mapping, optional
        ``{(x, z): coefficient}`` or ``{"XZI": coefficient}``; coefficients are
        exact scalars (int, Fraction, sympy expressions; floats are refused).
    domain : sympy Domain or "auto"
        Real coefficient domain (see :mod:`symness.operators.coefficients`).

    Examples
    --------
    >>> from sympy import Symbol
    >>> A = PauliSum(2, {"XX": 1, "ZZ": Symbol("Delta")})
    >>> A.free_symbols
    {Delta}
    >>> (A * A).terms[(0, 0)]
    Delta**2 + 1
    """

    __slots__ = ("_n", "_pairs", "_domain", "_exprs")

    def __init__(self, n: int, terms: Mapping | None = None, *,
                 domain: Domain | str | None = "auto") -> None:
        n = require_int(n, "n", minimum=1)
        parts: dict[tuple[int, int], tuple[sympy.Expr, sympy.Expr]] = {}
        for key, value in (terms or {}).items():
            key = check_key(key, n)
            re, im = cf.split_real_imag(cf.as_expr(value))
            old = parts.get(key, (0, 0))
            parts[key] = (old[0] + re, old[1] + im)
        K = cf.parse_domain(domain) or cf.choose_domain([p for ri in parts.values() for p in ri])
        pairs = {}
        for key, (re, im) in parts.items():
            pair = cf.to_pair(re, im, K)
            if pair is not None:
                pairs[key] = pair
        self._set(n, pairs, K)

    def _set(self, n: int, pairs: dict, domain: Domain) -> None:
        object.__setattr__(self, "_n", n)
        object.__setattr__(self, "_pairs", pairs)
        object.__setattr__(self, "_domain", domain)
        object.__setattr__(self, "_exprs", None)

    @classmethod
    def _raw(cls, n: int, pairs: dict, domain: Domain) -> PauliSum:
        """Wrap already normalised pairs (no zero pairs, elements of ``domain``)."""
        obj = cls.__new__(cls)
        obj._set(n, pairs, domain)
        return obj

    def __setattr__(self, name, value):
        raise AttributeError("PauliSum is immutable")

    # ----------------------------------------------------------------- views
    @property
    def n(self) -> int:
        """Number of sites."""
        return self._n

    @property
    def domain(self) -> Domain:
        """The real sympy domain of the coefficients' real and imaginary parts."""
        return self._domain

    @property
    def terms(self) -> Mapping[tuple[int, int], sympy.Expr]:
        """Read-only ``{(x, z): coefficient}`` with sympy coefficients (sorted keys)."""
        if self._exprs is None:
            exprs = {k: cf.pair_to_expr(self._pairs[k], self._domain) for k in sorted(self._pairs)}
            object.__setattr__(self, "_exprs", MappingProxyType(exprs))
        return self._exprs

    def labelled_terms(self) -> dict[str, sympy.Expr]:
        """``{"XZI": coefficient}``, site 0 first."""
        return {label_of(x, z, self._n): c for (x, z), c in self.terms.items()}

    def coefficient(self, key: tuple[int, int] | str) -> sympy.Expr:
        """Coefficient of one Pauli string (zero if absent)."""
        key = check_key(key, self._n)
        pair = self._pairs.get(key)
        return sympy.S.Zero if pair is None else cf.pair_to_expr(pair, self._domain)

    def __len__(self) -> int:
        return len(self._pairs)

    def is_zero(self) -> bool:
        """Exactly zero (coefficients are in normal form, so this is exact)."""
        return not self._pairs

    def is_hermitian(self) -> bool:
        """All Pauli coefficients real (symbols being real parameters)."""
        return all(b is None for _, b in self._pairs.values())

    def trace_normalized(self) -> sympy.Expr:
        """``2^-n tr(A)``: the coefficient of the identity string."""
        return self.coefficient((0, 0))

    def support(self) -> tuple[int, ...]:
        """Sites on which some string acts non-trivially, ascending."""
        bits = 0
        for x, z in self._pairs:
            bits |= x | z
        return tuple(j for j in range(self._n) if (bits >> j) & 1)

    def max_weight(self) -> int:
        """Largest number of non-identity factors in one string (0 for a multiple of 1)."""
        return max(((x | z).bit_count() for x, z in self._pairs), default=0)

    @property
    def free_symbols(self) -> set[sympy.Symbol]:
        """Free symbols of the coefficients."""
        return set().union(*(c.free_symbols for c in self.terms.values()))

    def __repr__(self) -> str:
        body = ", ".join(f"{label!r}: {c}" for label, c in self.labelled_terms().items())
        return f"PauliSum({self._n}, {{{body}}})"

    def __str__(self) -> str:
        if not self._pairs:
            return "0"
        return " + ".join(f"({c})*{label}" for label, c in self.labelled_terms().items())

    # ------------------------------------------------------------ arithmetic
    def _coerce(self, other) -> PauliSum:
        if isinstance(other, PauliSum):
            if other._n != self._n:
                raise ParameterError(f"operators act on different numbers of sites "
                                     f"({self._n} and {other._n})")
            return other
        if _is_scalar(other):
            return identity(self._n) * other
        return NotImplemented

    def __add__(self, other) -> PauliSum:
        other = self._coerce(other)
        if other is NotImplemented:
            return NotImplemented
        K, (a, b) = _common_domain([self, other])
        return PauliSum._raw(self._n, accumulate([(a, 1), (b, 1)], K), K)

    __radd__ = __add__

    def __neg__(self) -> PauliSum:
        return PauliSum._raw(self._n, {k: _neg(p) for k, p in self._pairs.items()}, self._domain)

    def __sub__(self, other) -> PauliSum:
        other = self._coerce(other)
        if other is NotImplemented:
            return NotImplemented
        K, (a, b) = _common_domain([self, other])
        return PauliSum._raw(self._n, accumulate([(a, 1), (b, -1)], K), K)

    def __rsub__(self, other) -> PauliSum:
        return (-self) + other

    def __mul__(self, other) -> PauliSum:
        if isinstance(other, PauliSum):
            other = self._coerce(other)
            K, (a, b) = _common_domain([self, other])
            return PauliSum._raw(self._n, _products(a, b, K, self._n, select=None), K)
        if _is_scalar(other):
            return self._scale(cf.as_expr(other, "scalar"))
        return NotImplemented

    def __rmul__(self, other) -> PauliSum:
        if _is_scalar(other):
            return self._scale(cf.as_expr(other, "scalar"))
        return NotImplemented

    def __truediv__(self, other) -> PauliSum:
        if not _is_scalar(other):
            return NotImplemented
        value = cf.as_expr(other, "divisor")
        if value == 0:
            raise ZeroDivisionError("PauliSum divided by zero")
        return self._scale(1 / value)

    def __pow__(self, power: int) -> PauliSum:
        power = require_int(power, "power", minimum=0)
        result, base = identity(self._n), self
        while power:
            if power & 1:
                result = result * base
            power >>= 1
            if power:
                base = base * base
        return result

    def _scale(self, value: sympy.Expr) -> PauliSum:
        s = PauliSum(self._n, {(0, 0): value})
        if s.is_zero():
            return PauliSum._raw(self._n, {}, self._domain)
        K, (a, b) = _common_domain([self, s])
        return PauliSum._raw(self._n, _products(a, b, K, self._n, select=None), K)

    def __eq__(self, other) -> bool:
        other = self._coerce(other) if isinstance(other, PauliSum) or _is_scalar(other) else None
        if other is None:
            return NotImplemented
        return (self - other).is_zero()

    def __hash__(self) -> int:
        # Keys of non-zero terms do not depend on the coefficient domain.
        return hash((self._n, frozenset(self._pairs)))

    def adjoint(self) -> PauliSum:
        """Hermitian conjugate: every ``P(x, z)`` is Hermitian, so conjugate the coefficients."""
        pairs = {k: (a, None if b is None else -b) for k, (a, b) in self._pairs.items()}
        return PauliSum._raw(self._n, pairs, self._domain)

    dag = adjoint

    # ------------------------------------------------------- transformations
    def with_domain(self, domain: Domain) -> PauliSum:
        """Return the same operator with coefficients converted to ``domain``."""
        K = cf.parse_domain(domain) or self._domain
        return PauliSum._raw(self._n, _convert(self._pairs, self._domain, K), K)

    def simplify(self) -> PauliSum:
        """Re-choose the smallest automatic domain (e.g. after symbols cancelled)."""
        return PauliSum(self._n, self.terms)

    def subs(self, *args, domain: Domain | str | None = "auto") -> PauliSum:
        """Substitute in the coefficients (arguments as for ``sympy.Expr.subs``).

        >>> from sympy import Symbol, cos, pi
        >>> D = Symbol("Delta")
        >>> PauliSum(1, {"Z": D}).subs(D, cos(pi / 3)).terms[(0, 1)]
        1/2
        """
        return PauliSum(self._n, {k: c.subs(*args) for k, c in self.terms.items()}, domain=domain)

    def shift(self, k: int, *, periodic: bool = True) -> PauliSum:
        """Translate by ``k`` sites: site ``j`` goes to ``j + k`` (mod ``n`` if ``periodic``).

        Raises
        ------
        ParameterError
            If not periodic and a string would leave the chain.
        """
        k = require_int(k, "k")
        n, mask = self._n, (1 << self._n) - 1
        if periodic:
            k %= n

            def move(b: int) -> int:
                return ((b << k) | (b >> (n - k))) & mask
        else:
            def move(b: int) -> int:
                moved = b << k if k >= 0 else b >> -k
                if moved & ~mask or (k < 0 and b & ((1 << -k) - 1)):
                    raise ParameterError(f"'k' = {k} moves a string off the open chain of "
                                         f"{n} sites (support {self.support()})")
                return moved
        return PauliSum._raw(n, {(move(x), move(z)): p for (x, z), p in self._pairs.items()},
                             self._domain)

    def embed(self, n: int, start: int = 0, *, periodic: bool = False) -> PauliSum:
        """Place this operator on sites ``start, start+1, ...`` of a chain of ``n`` sites."""
        n = require_int(n, "n", minimum=self._n)
        padded = PauliSum._raw(n, dict(self._pairs), self._domain)
        return padded.shift(start, periodic=periodic) if start else padded

    def to_sparse(self, subs=None):
        """Complex CSR matrix in the basis of :mod:`symness.operators.sparse`.

        Parameters
        ----------
        subs : mapping, optional
            Values for the free symbols (e.g. ``{Delta: Rational(1, 2)}``);
            every coefficient must be a number after substitution.
        """
        from symness.operators.pauli_matrix import to_sparse

        op = self.subs(subs) if subs else self
        return to_sparse(op)


# ------------------------------------------------------------ module helpers
def _neg(pair):
    a, b = pair
    return (None if a is None else -a, None if b is None else -b)


def _convert(pairs: dict, source: Domain, target: Domain) -> dict:
    if source == target:
        return pairs
    out = {}
    for key, pair in pairs.items():
        try:
            new = cf.convert_pair(pair, source, target)
        except Exception:  # noqa: BLE001 - sympy raises several types; fall back to sympy
            re, im = cf.split_real_imag(cf.pair_to_expr(pair, source))
            new = cf.to_pair(re, im, target)
        if new is not None:
            out[key] = new
    return out


def _common_domain(ops: list[PauliSum]) -> tuple[Domain, list[dict]]:
    """Unify coefficient domains; returns the domain and the converted pair dicts."""
    domains = [op._domain for op in ops]
    if all(d == domains[0] for d in domains):
        return domains[0], [op._pairs for op in ops]
    try:
        K = cf.unify_domains(domains)
    except Exception:  # noqa: BLE001 - no sympy unification: choose from the expressions
        K = cf.choose_domain([p for op in ops for c in op.terms.values()
                              for p in cf.split_real_imag(c)])
    return K, [_convert(op._pairs, op._domain, K) for op in ops]


def _products(left: dict, right: dict, K: Domain, n: int, select: int | None) -> dict:
    kernel = kernel_products if n <= MAX_VECTOR_SITES else products_reference
    return kernel(left, right, K, select)


def _binary(a: PauliSum, b: PauliSum, select: int) -> PauliSum:
    b = a._coerce(b)
    K, (pa, pb) = _common_domain([a, b])
    return PauliSum._raw(a.n, _products(pa, pb, K, a.n, select=select), K) * 2


def commutator(a: PauliSum, b: PauliSum) -> PauliSum:
    """Commutator ``[A, B] = AB - BA``: anticommuting pairs of strings add ``2 c1 c2 P1 P2``."""
    return _binary(a, b, select=1)


def anticommutator(a: PauliSum, b: PauliSum) -> PauliSum:
    """Anticommutator ``{A, B} = AB + BA``: commuting pairs of strings add ``2 c1 c2 P1 P2``."""
    return _binary(a, b, select=0)


def hs_inner(a: PauliSum, b: PauliSum) -> sympy.Expr:
    """Hilbert-Schmidt product ``(A, B) = 2^-n tr(A^† B) = sum_P conj(a_P) b_P`` (exact).

    Pauli strings are orthonormal for this product, so no matrix is formed.
    """
    b = a._coerce(b)
    K, (pa, pb) = _common_domain([a, b])
    re = im = K.zero
    for key, (a1, b1) in pa.items():
        pair = pb.get(key)
        if pair is None:
            continue
        a2, b2 = pair
        # conj(a1 + i b1)(a2 + i b2) = (a1 a2 + b1 b2) + i (a1 b2 - b1 a2)
        r, i = complex_mul(a1, None if b1 is None else -b1, a2, b2)
        re = re if r is None else re + r
        im = im if i is None else im + i
    return cf.pair_to_expr((re, im), K)


# -------------------------------------------------------------- constructors
def zero(n: int) -> PauliSum:
    """Return the zero operator on ``n`` sites."""
    return PauliSum._raw(require_int(n, "n", minimum=1), {}, QQ)


def identity(n: int) -> PauliSum:
    """Return the identity on ``n`` sites."""
    return PauliSum._raw(require_int(n, "n", minimum=1), {(0, 0): (QQ.one, None)}, QQ)


def pauli_string(x: int, z: int, n: int, coeff=1) -> PauliSum:
    """``coeff * P(x, z)`` (see the module docstring for the encoding)."""
    return PauliSum(n, {(x, z): coeff})


_SIGMA = {
    "i": {(0, 0): 1}, "x": {(1, 0): 1}, "y": {(1, 1): 1}, "z": {(0, 1): 1},
    "+": {(1, 0): sympy.Rational(1, 2), (1, 1): sympy.I / 2},
    "-": {(1, 0): sympy.Rational(1, 2), (1, 1): -sympy.I / 2},
}


def sigma(label: str, j: int, n: int) -> PauliSum:
    """Site operator ``σ^label_j`` on ``n`` sites; ``label`` in ``i, x, y, z, +, -``.

    Pauli normalisation: ``σ± = (σx ± iσy)/2``, ``σ+ = |up><down|``.
    """
    n = require_int(n, "n", minimum=1)
    j = require_int(j, "j", minimum=0, maximum=n - 1)
    key = label.lower() if isinstance(label, str) else label
    if key not in _SIGMA:
        raise ParameterError(f"'label' must be one of {', '.join(_SIGMA)} (got {label!r})")
    return PauliSum(n, {(x << j, z << j): c for (x, z), c in _SIGMA[key].items()})


def site_product(ops: Mapping[int, str], n: int) -> PauliSum:
    """``prod_j σ^{ops[j]}_j`` for ``ops = {site: label}`` (factors on distinct sites commute)."""
    result = identity(n)
    for j, label in sorted(ops.items()):
        result = result * sigma(label, j, n)
    return result


def from_labels(labels: str, start: int = 0, n: int | None = None, *,
                periodic: bool = False) -> PauliSum:
    """Product of site operators spelled by ``labels`` from site ``start`` on.

    Letters ``I, X, Y, Z, +, -`` (case-insensitive), one per site, e.g.
    ``from_labels("+-", start=2, n=6) = σ+_2 σ-_3``.  ``n`` defaults to
    ``start + len(labels)``; with ``periodic`` the labels wrap around the ring.
    """
    n = start + len(labels) if n is None else n
    local = site_product(dict(enumerate(labels)), len(labels))
    return local.embed(n, start, periodic=periodic)


def sum_all(ops: Iterable[PauliSum], n: int | None = None) -> PauliSum:
    """Sum many operators at once (one accumulation; ``sum(ops)`` re-copies at every step).

    ``n`` is required when ``ops`` may be empty.

    >>> sum_all(sigma("z", j, 3) for j in range(3)).labelled_terms()
    {'ZII': 1, 'IZI': 1, 'IIZ': 1}
    """
    ops = list(ops)
    if not ops:
        if n is None:
            raise ParameterError("'n' must be given to sum an empty list of operators")
        return zero(n)
    for op in ops[1:]:
        ops[0]._coerce(op)
    K, pairs = _common_domain(ops)
    return PauliSum._raw(ops[0].n, accumulate([(p, 1) for p in pairs], K), K)


def local_sum(density: PauliSum, n: int, *, periodic: bool) -> PauliSum:
    """``sum_j T^j h T^-j``: translates of a density ``h`` on ``m`` sites over ``n`` sites.

    Open chain: ``j = 0 .. n - m``; ring: ``j = 0 .. n - 1`` (strings wrap).
    """
    n = require_int(n, "n", minimum=density.n)
    placed = density.embed(n)
    shifts = range(n) if periodic else range(n - density.n + 1)
    terms = [(placed.shift(j, periodic=periodic)._pairs, 1) for j in shifts]
    return PauliSum._raw(n, accumulate(terms, density.domain), density.domain)
