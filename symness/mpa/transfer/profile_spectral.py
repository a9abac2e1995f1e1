"""Closed forms of M_j (17) at Delta = cos(pi ell/m) from the spectral decomposition of T'.

Factor ``chi(x) = det(x - T')`` over ``K_m = Q(2 cos(2 pi/m))`` as ``prod_s
f_s^{e_s}``.  The spectral projectors are polynomials in T':
``E_s = e_s(T')`` with ``e_s = 1 mod f_s^{e_s}``, ``0`` mod the other factors
(Chinese remainders, exact over K_m).  On each component

* a linear factor ``(x - c)^e`` (a Jordan part):
  ``T'^a E = sum_{p<e} binom(a, p) c^(a-p) (T' - c)^p E``;
* a simple factor f of degree d (roots z, no radicals needed):
  ``T'^a E_f = sum_{k<d} s_k(a) T'^k E_f``, ``s_k(a) = sum_{z: f(z)=0}
  z^a q_k(z)/f'(z)``, ``q_k(z) = sum_{i>k} f_i z^(i-1-k)`` (Lagrange
  interpolation of ``x^a mod f``).

Hence, with ``a = j - 1`` and ``b = n - j``,

    M_j = mu sum_{s,t} sum_{k,l} u^s_k(a) u^t_l(b) <L| B^s_k V' B^t_l |R>,

``u`` the scalar functions above and ``B`` the matrices they multiply: a closed
form in j and n with coefficients in K_m.  Values are evaluated exactly in
K_m: ``s_k(a)`` is the trace of ``q_k(C) f'(C)^-1 C^a`` with C the companion
matrix of f.  Eigenvalue 0 (``c = 0``) makes ``c^(a-p)`` valid only for
``a >= e - 1`` (with ``0**0 = 1``); it occurs at m = 2 only (simple).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from math import comb

import sympy as sp
from sympy.polys.matrices import DomainMatrix

from symness.mpa.transfer.matrices import L, R, transfer_matrices_exact

__all__ = ["SpectralProfile", "spectral_profile", "spectral_components"]

_X = sp.Symbol("x")


def _poly_at_matrix(coeffs: list, t: DomainMatrix) -> DomainMatrix:
    """``p(T)`` for ``p`` given by coefficients, highest degree first (Horner)."""
    size, dom = t.shape[0], t.domain
    out = DomainMatrix.zeros((size, size), dom)
    eye = DomainMatrix.eye(size, dom)
    for c in coeffs:
        out = out * t + eye * dom.convert(c)
    return out


def _companion(f: sp.Poly) -> DomainMatrix:
    dom, d = f.domain, f.degree()
    c = f.monic().all_coeffs()
    rows = [[dom.zero] * d for _ in range(d)]
    for i in range(1, d):
        rows[i][i - 1] = dom.one
    for i in range(d):
        rows[i][d - 1] = -dom.convert(c[d - i])
    return DomainMatrix(rows, (d, d), dom)


@dataclass(frozen=True)
class _Component:
    """One spectral component: scalar functions ``u_k(a)`` and matrices ``B_k``."""

    factor: sp.Poly
    multiplicity: int
    mats: list

    def weights(self, a: int) -> list:
        """``[u_k(a)]`` exactly in K_m."""
        f, dom = self.factor, self.factor.domain
        if f.degree() == 1:
            c = -f.monic().all_coeffs()[1]
            c = dom.convert(c)
            return [dom.convert(comb(a, p)) * (c ** (a - p) if a >= p else dom.zero)
                    for p in range(self.multiplicity)]
        comp, weighted = self._companion_data
        power = comp ** a
        out = []
        for m in weighted:
            m = m * power
            out.append(sum((m[i, i].element for i in range(f.degree())), dom.zero))
        return out

    @cached_property
    def _companion_data(self):
        """Companion matrix C of f and ``[q_k(C) f'(C)^-1]``."""
        f = self.factor
        comp = _companion(f)
        inv = _poly_at_matrix(f.diff().all_coeffs(), comp).inv()
        coeffs = f.all_coeffs()[::-1]  # f_0, ..., f_d
        return comp, [_poly_at_matrix([coeffs[i] for i in range(f.degree(), k, -1)], comp) * inv
                      for k in range(f.degree())]

    def symbolic_weights(self, a: sp.Expr) -> list:
        """``[u_k(a)]`` as sympy expressions in a symbolic exponent (linear factors only)."""
        if self.factor.degree() != 1:
            raise NotImplementedError("symbolic weights of a nonlinear factor")
        c = self.factor.domain.to_sympy(self.factor.domain.convert(
            -self.factor.monic().all_coeffs()[1]))
        if c == 0:  # binom(a, p) 0**(a - p) = delta_{a, p} for a >= 0
            return [sp.KroneckerDelta(a, p) for p in range(self.multiplicity)]
        return [sp.binomial(a, p) * c ** (a - p) for p in range(self.multiplicity)]

    def describe(self, exponent: str) -> list[str]:
        """Text of ``u_k`` with the exponent given as a string."""
        f = self.factor
        if f.degree() == 1:
            c = sp.simplify(-f.monic().all_coeffs()[1])
            out = []
            for p in range(self.multiplicity):
                shift = f"-{p}" if p else ""
                power = "" if c == 1 else f"({c})**({exponent}{shift})"
                factor = {0: "", 1: f"({exponent})"}.get(p, f"binomial({exponent},{p})")
                out.append("*".join(x for x in (factor, power) if x) or "1")
            return out
        z = sp.Symbol("z")
        fz, fp = f.as_expr().subs(_X, z), f.diff().as_expr().subs(_X, z)
        coeffs = f.all_coeffs()[::-1]
        out = []
        for k in range(f.degree()):
            q = sum(coeffs[i] * z ** (i - 1 - k) for i in range(k + 1, f.degree() + 1))
            out.append(f"RootSum({fz}, z -> z**({exponent})*({sp.simplify(q)})/({fp}))")
        return out


@dataclass(frozen=True)
class SpectralProfile:
    """Closed form of M_j/mu: components of T' and the coupling constants in K_m."""

    m: int
    ell: int
    components: list
    couplings: dict  # (s, k, t, l) -> <L| B^s_k V' B^t_l |R> (nonzero only)
    domain: object

    def value(self, j: int, n: int):
        """M_j/mu exactly in K_m from the closed form."""
        left = [c.weights(j - 1) for c in self.components]
        right = [c.weights(n - j) for c in self.components]
        return sum((left[s][k] * right[t][lk] * g for (s, k, t, lk), g in self.couplings.items()),
                   self.domain.zero)

    def text(self) -> str:
        """The closed form as text (``a = j - 1``, ``b = n - j`` written out)."""
        left = [c.describe("j-1") for c in self.components]
        right = [c.describe("n-j") for c in self.components]
        terms = [f"({sp.simplify(self.domain.to_sympy(g))})*{left[s][k]}*{right[t][lk]}"
                 for (s, k, t, lk), g in self.couplings.items()]
        return " + ".join(terms) if terms else "0"

    def factors(self) -> str:
        """``chi(x)`` of T' as a product of its factors over K_m."""
        return " * ".join(f"({c.factor.as_expr()})" + (f"**{c.multiplicity}"
                                                       if c.multiplicity > 1 else "")
                          for c in self.components)


def spectral_components(t: DomainMatrix) -> list:
    """Spectral components of ``t`` (factors of its characteristic polynomial, projectors)."""
    dom = t.domain
    chi = sp.Poly([dom.to_sympy(c) for c in t.charpoly()], _X, domain=dom)
    _, factors = chi.factor_list()
    components = []
    for f, e in factors:
        power = f**e
        rest = sp.Poly(sp.quo(chi, power), _X, domain=dom)
        inv = sp.Poly(sp.invert(rest, power), _X, domain=dom)
        proj = _poly_at_matrix((rest * inv).rem(chi).all_coeffs(), t)
        if f.degree() == 1:
            c = dom.convert(-f.monic().all_coeffs()[1])
            shift = t - DomainMatrix.eye(t.shape[0], dom) * c
            mats = [shift**p * proj for p in range(e)]
        else:
            if e > 1:
                raise NotImplementedError(f"repeated nonlinear factor {f.as_expr()}")
            mats = [t**k * proj for k in range(f.degree())]
        components.append(_Component(f, e, mats))
    return components


def spectral_profile(ell: int, m: int) -> SpectralProfile:
    """Derive the closed form of M_j/mu at ``Delta = cos(pi ell/m)`` (see module docstring)."""
    t, v = transfer_matrices_exact(ell, m)
    dom = t.domain
    components = spectral_components(t)
    couplings = {}
    for s, cs in enumerate(components):
        for k, bs in enumerate(cs.mats):
            for tt, ct in enumerate(components):
                for lk, bt in enumerate(ct.mats):
                    g = (bs * v * bt)[L, R].element
                    if g != dom.zero:
                        couplings[(s, k, tt, lk)] = g
    return SpectralProfile(m, ell, components, couplings, dom)
