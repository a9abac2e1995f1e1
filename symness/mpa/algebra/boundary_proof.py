"""The theorem of Prosen (2011) for every n: boundary part of (12), reduction of (a'), (b').

Boundary part of (12).  ``[H, Z]`` contains only terms with a single ``sz_j``
(text after (12)).  For ``3 <= j <= n - 2`` they vanish by the cubic algebra
(13) (``prosen2011.eq13.*``).  The terms with ``sz_1`` or ``sz_2`` come only from
``h_12 + h_23`` acting on sites 1..3 of (10); writing Z there as
``sum_s s^{s1} s^{s2} s^{s3} (x) <L|A_{s1} A_{s2} A_{s3}`` (a row vector that is
contracted with the rest of the chain), (12) holds on the left edge for every
``n >= 4`` if, for every output word ``b`` on sites 1..3 with ``sz`` at site 1 or 2,

    sum_s coef_b([h_12 + h_23, s^{s1} s^{s2} s^{s3}]) <L|A_{s1} A_{s2} A_{s3}
        = -[b = (z, 0, 0)] <R|,

because ``<R|A_s = delta_{s,0} <R|`` makes ``<R|`` the row vector of the identity on
the remaining sites.  Mirror image on the right edge (sites n-2..n, column vectors
``A_{s1} A_{s2} A_{s3}|R>``, right-hand side ``+[b = (0, 0, z)] |L>``).  Each side is
a finite identity in the auxiliary space (rows/columns supported on ``L, R, 1..3``),
checked with symbolic ``lam`` and ``c`` on a truncation ``d = 6`` that no path leaves.

Reduction of (a'), (b').  The maps ``X -> [X, sz_1 - sz_n]``, ``{X, sz_1 - sz_n}`` and
``D+-`` of (5) are sums of a superoperator on site 1 and one on site n; for
``X = a (x) M (x) b`` they act as ``S_1(a) (x) M (x) b + a (x) M (x) S_n(b)``.  By (14)
Z carries only ``1, s+`` on site 1 and ``1, s-`` on site n, so (a'), (b') for every n
follow from the single-site identities ``[a, sz] = D_1 a``, ``-[b, sz] = D_n b``,
``{a, sz} = D'_1 a/2``, ``-{b, sz} = D'_n b/2`` (``D = D+ + D-``, ``D' = D+ - D-``) for
``a in {1, s+}``, ``b in {1, s-}``, i.e. the four cases ``Z in {1, s+_1, s-_n, s+_1 s-_n}``.
The locality (the split form) is checked with a generic symbolic middle factor M.
"""

from __future__ import annotations

from itertools import product

import sympy as sp

from symness.mpa.algebra.cubic import LETTERS, aux_matrices
from symness.mpa.algebra.derivation import SITE_OPERATORS, bond_hamiltonian, kron
from symness.mpa.transfer.matrices import L, R

__all__ = ["boundary_identities", "site_letters", "reduction_identities", "split_form"]

_LAM = sp.Symbol("lambda")
_NORM = {"0": 2, "+": 1, "-": 1, "z": 2}  # tr(b^dagger b) for the site basis
_ADJ = {"0": "0", "+": "-", "-": "+", "z": "z"}


def _coefficient(op: sp.Matrix, word: str) -> sp.Expr:
    """Coefficient of the basis word ``b`` in ``op``: ``tr(b^dagger op) / tr(b^dagger b)``."""
    probe = kron(*(SITE_OPERATORS[_ADJ[x]] for x in word))
    norm = 1
    for x in word:
        norm *= _NORM[x]
    return sp.expand((probe * op).trace()) / norm


def boundary_identities(side: str, delta=None, d: int = 6) -> dict[str, bool]:
    """Check the edge identities of the module docstring on ``side`` 'left' or 'right'.

    ``delta`` defaults to ``cos(lam)`` with symbolic ``lam`` (and symbolic ``c``).
    Returns ``{output word: holds}`` for every word with ``sz`` on the two edge sites.
    """
    delta = sp.cos(_LAM) if delta is None else delta
    mats = aux_matrices(d, _LAM)
    one = SITE_OPERATORS["0"]
    bond = bond_hamiltonian(delta)
    h = kron(bond, one) + kron(one, bond)
    edge = (0, 1) if side == "left" else (1, 2)
    targets = [w for w in ("".join(t) for t in product("0+-z", repeat=3))
               if w.count("z") == 1 and w.index("z") in edge]
    total = {b: sp.zeros(1, d) if side == "left" else sp.zeros(d, 1) for b in targets}
    for s in product(LETTERS, repeat=3):
        op = kron(*(SITE_OPERATORS[x] for x in s))
        comm = h * op - op * h
        product_ = mats[s[0]] * mats[s[1]] * mats[s[2]]
        vector = product_[L, :] if side == "left" else product_[:, R]
        for b in targets:
            coef = _coefficient(comm, b)
            if coef != 0:
                total[b] += coef * vector
    out = {}
    for b, vec in total.items():
        expected = sp.zeros(*vec.shape)
        if side == "left" and b == "z00":
            expected[R] = -1
        if side == "right" and b == "00z":
            expected[L] = 1
        out[b] = all(sp.simplify(sp.expand_trig(x)) == 0 for x in (vec - expected))
    return out


def site_letters(d: int = 6) -> dict[str, bool]:
    """(14): Z has only ``0, +`` on site 1 and ``0, -`` on site n (``<L|A- = 0``, ``A+|R> = 0``)."""
    mats = aux_matrices(d, _LAM)
    return {"<L|A- = 0": mats["-"][L, :] == sp.zeros(1, d),
            "A+|R> = 0": mats["+"][:, R] == sp.zeros(d, 1),
            "<R|A_s = delta_s0 <R|": mats["+"][R, :] == mats["-"][R, :] == sp.zeros(1, d)
            and mats["0"][R, :] == sp.eye(d)[R, :],
            "A_s|L> = delta_s0 |L>": mats["+"][:, L] == mats["-"][:, L] == sp.zeros(d, 1)
            and mats["0"][:, L] == sp.eye(d)[:, L]}


def _site_dissipators(x: sp.Matrix, sign: str, edge: str) -> sp.Matrix:
    """Single-site part of D+- (5) on the first (edge 'first') or last site."""
    sp_, sm = SITE_OPERATORS["+"], SITE_OPERATORS["-"]
    a, b = (sp_, sm) if sign == "+" else (sm, sp_)
    if edge == "last":
        a, b = b, a
    return 2 * a * x * b - (b * a * x + x * b * a)


def reduction_identities(first: tuple[str, ...] = ("0", "+"),
                         last: tuple[str, ...] = ("0", "-")) -> dict[str, bool]:
    """The single-site identities for ``a`` in ``first`` (site 1) and ``b`` in ``last`` (site n).

    Defaults: the letters (14) allows, ``a in {1, s+}``, ``b in {1, s-}``.
    """
    sz = SITE_OPERATORS["z"]
    out = {}
    cases = [(f"{x} at site 1", x, "first", 1) for x in first]
    cases += [(f"{x} at site n", x, "last", -1) for x in last]
    for name, letter, edge, sgn in cases:
        x = SITE_OPERATORS[letter]
        plus, minus = _site_dissipators(x, "+", edge), _site_dissipators(x, "-", edge)
        out[f"(a') {name}"] = sgn * (x * sz - sz * x) == plus + minus
        out[f"(b') {name}"] = sgn * (x * sz + sz * x) == (plus - minus) / 2
    return out


def split_form() -> bool:
    """Split form of D+-, ``[., sz_1 - sz_n]``, ``{., sz_1 - sz_n}`` on ``a (x) M (x) b``.

    Each equals a site-1 part plus a site-n part, for symbolic 2x2 a, b and a
    symbolic 2x2 middle factor M.
    """
    syms = sp.symbols("a0:4 m0:4 b0:4")
    a, m, b = (sp.Matrix(2, 2, list(syms[4 * i:4 * i + 4])) for i in range(3))
    one, sz = SITE_OPERATORS["0"], SITE_OPERATORS["z"]
    x = kron(a, m, b)
    d = kron(sz, one, one) - kron(one, one, sz)
    ok = True
    for sign in "+-":
        s1 = kron(SITE_OPERATORS[sign], one, one)
        s1b = kron(SITE_OPERATORS["-" if sign == "+" else "+"], one, one)
        sn = kron(one, one, SITE_OPERATORS["-" if sign == "+" else "+"])
        snb = kron(one, one, SITE_OPERATORS[sign])
        full = (2 * s1 * x * s1b - (s1b * s1 * x + x * s1b * s1)
                + 2 * sn * x * snb - (snb * sn * x + x * snb * sn))
        split = (kron(_site_dissipators(a, sign, "first"), m, b)
                 + kron(a, m, _site_dissipators(b, sign, "last")))
        ok &= sp.expand(full - split) == sp.zeros(8, 8)
    comm = kron(a * sz - sz * a, m, b) - kron(a, m, b * sz - sz * b)
    anti = kron(a * sz + sz * a, m, b) - kron(a, m, b * sz + sz * b)
    ok &= sp.expand(x * d - d * x - comm) == sp.zeros(8, 8)
    ok &= sp.expand(x * d + d * x - anti) == sp.zeros(8, 8)
    return bool(ok)
