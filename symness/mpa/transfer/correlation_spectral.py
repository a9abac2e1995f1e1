"""Closed forms of C_{j,k} (17) at Delta = cos(pi ell/m) from the spectral decomposition of T'.

    C_{j,k}/mu^2 = <L| T'^a V' T'^b V' T'^c |R>,  a = j - 1, b = k - j - 1, c = n - k  (17)

With the components of T' of :mod:`symness.mpa.transfer.profile_spectral`
(``T'^a = sum_{s,p} u^s_p(a) B^s_p``: Jordan parts ``binom(a, p) c^(a-p)`` at a
linear factor ``x - c``, Lagrange weights ``RootSum`` at a nonlinear factor),

    C_{j,k}/mu^2 = sum u^s_p(a) u^t_q(b) u^r_w(c) <L| B^s_p V' B^t_q V' B^r_w |R>,

a sum over triples of components with coefficients in ``K_m = Q(2cos(2pi/m))``.
The middle exponent ``b`` is 0 for neighbours ``k = j + 1``; all weights are
exact at exponent 0 (``0**0 = 1`` at the eigenvalue 0 of m = 2).  At
``Delta = 1`` (:func:`isotropic_correlation`) T' is the 3 x 3 block on H_3
(one Jordan block at eigenvalue 1) and the closed form is a polynomial.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.polys.matrices import DomainMatrix

from symness.mpa.transfer.matrices import L, R, transfer_matrices_exact, transfer_matrices_symbolic
from symness.mpa.transfer.profile_spectral import spectral_components

__all__ = ["SpectralCorrelation", "spectral_correlation", "isotropic_correlation",
           "transfer_matrix_correlation"]


@dataclass(frozen=True)
class SpectralCorrelation:
    """Closed form of C_{j,k}/mu^2: components of T' and coupling constants (nonzero only)."""

    label: str
    components: list
    couplings: dict  # (s, p, t, q, r, w) -> <L| B^s_p V' B^t_q V' B^r_w |R>
    domain: object

    def value(self, j: int, k: int, n: int):
        """C_{j,k}/mu^2 (``1 <= j < k <= n``) exactly in the domain of T'."""
        return self._combine(*([c.weights(x) for c in self.components]
                               for x in (j - 1, k - j - 1, n - k)))

    def values(self, n: int) -> dict:
        """``{(j, k): C_{j,k}/mu^2}`` for all ``1 <= j < k <= n`` (weights computed once)."""
        weights = [[c.weights(x) for c in self.components] for x in range(n)]
        return {(j, k): self._combine(weights[j - 1], weights[k - j - 1], weights[n - k])
                for j in range(1, n + 1) for k in range(j + 1, n + 1)}

    def _combine(self, left: list, middle: list, right: list):
        return sum((left[s][p] * middle[t][q] * right[r][w] * g
                    for (s, p, t, q, r, w), g in self.couplings.items()), self.domain.zero)

    def expression(self, j: sp.Expr, k: sp.Expr, n: sp.Expr) -> sp.Expr:
        """C_{j,k}/mu^2 for symbolic ``j, k, n`` (every factor of det(x - T') linear)."""
        weights = [[c.symbolic_weights(x) for c in self.components]
                   for x in (j - 1, k - j - 1, n - k)]
        return sum((weights[0][s][p] * weights[1][t][q] * weights[2][r][w]
                    * self.domain.to_sympy(g)
                    for (s, p, t, q, r, w), g in self.couplings.items()), sp.Integer(0))

    def text(self) -> str:
        """The closed form as text (exponents ``j-1``, ``k-j-1``, ``n-k`` written out)."""
        described = [[c.describe(x) for c in self.components] for x in ("j-1", "k-j-1", "n-k")]
        terms = [f"({sp.simplify(self.domain.to_sympy(g))})*{described[0][s][p]}"
                 f"*{described[1][t][q]}*{described[2][r][w]}"
                 for (s, p, t, q, r, w), g in self.couplings.items()]
        return " + ".join(terms) if terms else "0"

    def factors(self) -> str:
        """``det(x - T')`` as a product of its factors."""
        return " * ".join(f"({c.factor.as_expr()})" + (f"**{c.multiplicity}"
                                                       if c.multiplicity > 1 else "")
                          for c in self.components)


def _from_matrices(t: DomainMatrix, v: DomainMatrix, label: str) -> SpectralCorrelation:
    dom = t.domain
    components = spectral_components(t)
    mats = [(s, p, b) for s, c in enumerate(components) for p, b in enumerate(c.mats)]
    lefts = {(s, p): (b * v)[L:L + 1, :] for s, p, b in mats}    # <L| B V'
    rights = {(s, p): (v * b)[:, R:R + 1] for s, p, b in mats}   # V' B |R>
    couplings = {}
    for s, p in lefts:
        for t_, q, middle in mats:
            row = lefts[(s, p)] * middle
            for r, w in rights:
                g = (row * rights[(r, w)])[0, 0].element
                if g != dom.zero:
                    couplings[(s, p, t_, q, r, w)] = g
    return SpectralCorrelation(label, components, couplings, dom)


def spectral_correlation(ell: int, m: int) -> SpectralCorrelation:
    """Closed form of C_{j,k}/mu^2 at ``Delta = cos(pi ell/m)`` over ``Q(2cos(2pi/m))``."""
    t, v = transfer_matrices_exact(ell, m)
    return _from_matrices(t, v, f"{ell}/{m}")


def isotropic_matrices() -> tuple[DomainMatrix, DomainMatrix]:
    """T, V at ``Delta = 1`` (``lam = 0``, ``c = 1``) on the invariant H_3, over QQ."""
    t, v = transfer_matrices_symbolic(3, sp.Integer(0), sp.Integer(1))
    return (DomainMatrix.from_Matrix(t).convert_to(sp.QQ),
            DomainMatrix.from_Matrix(v).convert_to(sp.QQ))


def isotropic_correlation() -> SpectralCorrelation:
    """Closed form of C_{j,k}/mu^2 at ``Delta = 1`` (T on H_3, one Jordan block at 1)."""
    return _from_matrices(*isotropic_matrices(), "Delta=1")


def transfer_matrix_correlation(t: DomainMatrix, v: DomainMatrix, n: int) -> dict:
    """``{(j, k): <L|T^(j-1) V T^(k-j-1) V T^(n-k)|R>}`` for ``1 <= j < k <= n`` (exact).

    Direct transfer-matrix products (eq. (17)), the independent reference of the
    closed forms.
    """
    size, dom = t.shape[0], t.domain
    row = DomainMatrix([[dom.one if i == L else dom.zero for i in range(size)]], (1, size), dom)
    col = DomainMatrix([[dom.one if i == R else dom.zero] for i in range(size)], (size, 1), dom)
    rights = [col]
    for _ in range(n - 1):
        rights.append(t * rights[-1])
    out = {}
    for j in range(1, n + 1):
        vec = row * v
        for k in range(j + 1, n + 1):
            out[(j, k)] = (vec * v * rights[n - k])[0, 0].element
            vec = vec * t
        row = row * t
    return out
