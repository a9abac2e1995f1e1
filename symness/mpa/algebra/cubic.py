"""The auxiliary matrices (11) and the cubic algebra (13) of Prosen (2011).

Basis ordering as in :mod:`symness.mpa.transfer.matrices` (``0 -> |L>``,
``1 -> |R>``, ``r + 1 -> |r>``).  The matrices are near diagonal::

    A0 = |L><L| + |R><R| + sum_r cos(r lam) |r><r|
    A+ = |L><1| + c sum_r sin(2 floor((r+1)/2) lam) |r><r+1|                   (11)
    A- = |1><R| - c^-1 sum_r sin((2 floor(r/2) + 1) lam) |r+1><r|

Relations (13), each written as ``lhs - rhs`` (a noncommutative cubic
polynomial in the letters ``0, +, -``):  :data:`CUBIC_RELATIONS`.

Proof for all lam, c and all matrix indices (:func:`prove_cubic_relations`):
every word ``A_a A_b A_c`` shifts the inner index by ``#(+) - #(-)``, so the
element ``<i| word |j>`` is a product of three one-step weights along a path.
For an inner row ``r = 2k + p`` (parity ``p``) whose whole path stays at
indices ``>= 1`` the weights are ``cos((2k + q) lam)``, ``c sin((2k + 2
floor((q+1)/2)) lam)``, ``-sin((2k + 2 floor(q/2) + 1) lam)/c`` with small
integer offsets ``q``; with ``u = 2 k lam`` these expand into polynomials in
``sin u, cos u, sin lam, cos lam, c, 1/c``, and each relation reduces to zero
modulo ``sin^2 + cos^2 = 1`` (an exact polynomial reduction, no numerics).
The finitely many remaining rows (``L``, ``R`` and small ``r``) are checked
on an exact symbolic truncation large enough that no path leaves it.
"""

from __future__ import annotations

import sympy as sp

from symness.mpa.transfer.matrices import L, R, inner
from symness.validation import require_int

__all__ = ["CUBIC_RELATIONS", "BOUNDARY_CONDITIONS", "aux_matrices", "relation_matrix",
           "prove_cubic_relations", "check_boundary_conditions", "LETTERS",
           "aux_matrices_exact", "check_cubic_relations_exact"]

LETTERS = ("+", "-", "0")


def _rel(*terms):
    return tuple(terms)


#: The eight relations (13) as lists of (coefficient, word); ``D`` stands for Delta.
_D = sp.Symbol("Delta")
CUBIC_RELATIONS: dict[str, tuple] = {
    "[A0,A+A-]=0": _rel((1, "0+-"), (-1, "+-0")),
    "{A0,A+^2}=2D A+A0A+": _rel((1, "0++"), (1, "++0"), (-2 * _D, "+0+")),
    "[A0,A-A+]=0": _rel((1, "0-+"), (-1, "-+0")),
    "{A0,A-^2}=2D A-A0A-": _rel((1, "0--"), (1, "--0"), (-2 * _D, "-0-")),
    "2D[A0^2,A+]=[A-,A+^2]": _rel((2 * _D, "00+"), (-2 * _D, "+00"), (-1, "-++"), (1, "++-")),
    "2D[A0^2,A-]=[A+,A-^2]": _rel((2 * _D, "00-"), (-2 * _D, "-00"), (-1, "+--"), (1, "--+")),
    "2D{A0^2,A+}-4A0A+A0={A-,A+^2}-2A+A-A+": _rel(
        (2 * _D, "00+"), (2 * _D, "+00"), (-4, "0+0"), (-1, "-++"), (-1, "++-"), (2, "+-+")),
    "2D{A0^2,A-}-4A0A-A0={A+,A-^2}-2A-A+A-": _rel(
        (2 * _D, "00-"), (2 * _D, "-00"), (-4, "0-0"), (-1, "+--"), (-1, "--+"), (2, "-+-")),
}

#: Boundary conditions (14): (name, bra or None, word, ket or None, expected value or None).
#: ``None`` for bra/ket means "the whole row/column must vanish" (expected None).
BOUNDARY_CONDITIONS = (
    ("<L|A- = 0", L, "-", None), ("<L|A+A-A+ = 0", L, "+-+", None),
    ("<L|A+A-^2 = 0", L, "+--", None), ("A+|R> = 0", None, "+", R),
    ("A-A+A-|R> = 0", None, "-+-", R), ("A+^2A-|R> = 0", None, "++-", R),
)


def aux_matrices(size: int, lam=None, c=None) -> dict[str, sp.Matrix]:
    """A0, A+, A- of (11) truncated to ``size`` basis vectors (sympy, symbolic by default)."""
    size = require_int(size, "size", minimum=3)
    lam = sp.Symbol("lambda") if lam is None else lam
    c = sp.Symbol("c", nonzero=True) if c is None else c
    a0, ap, am = (sp.zeros(size, size) for _ in range(3))
    a0[L, L] = a0[R, R] = 1
    ap[L, inner(1)] = 1
    am[inner(1), R] = 1
    for r in range(1, size - 1):
        a0[inner(r), inner(r)] = sp.cos(r * lam)
        if r + 1 <= size - 2:
            ap[inner(r), inner(r + 1)] = c * sp.sin(2 * ((r + 1) // 2) * lam)
            am[inner(r + 1), inner(r)] = -sp.sin((2 * (r // 2) + 1) * lam) / c
    return {"0": a0, "+": ap, "-": am}


def relation_matrix(relation: tuple, mats: dict[str, sp.Matrix], delta) -> sp.Matrix:
    """Evaluate ``sum coeff * A_w1 A_w2 A_w3`` for one relation with ``Delta = delta``."""
    size = mats["0"].shape[0]
    out = sp.zeros(size, size)
    for coeff, word in relation:
        out += sp.sympify(coeff).subs(_D, delta) * mats[word[0]] * mats[word[1]] * mats[word[2]]
    return out


# --- generic inner rows: symbolic parity patterns ------------------------------------------
_SU, _CU, _SL, _CL, _C = sp.symbols("s_u c_u s_l c_l c")


def _trig(kind, offset: int) -> sp.Expr:
    """``sin`` or ``cos`` of ``u + offset * lam`` expanded in s_u, c_u, s_l, c_l."""
    sl, cl = sp.sin(sp.Symbol("l")), sp.cos(sp.Symbol("l"))
    expanded = sp.expand_trig(kind(sp.Symbol("u") + offset * sp.Symbol("l")))
    return sp.expand(expanded).subs({sp.sin(sp.Symbol("u")): _SU, sp.cos(sp.Symbol("u")): _CU,
                                     sl: _SL, cl: _CL})


def _weight(letter: str, q: int) -> tuple[sp.Expr, int]:
    """One-step weight and index shift of ``letter`` from inner row ``r = 2k + q``."""
    if letter == "0":
        return _trig(sp.cos, q), 0
    if letter == "+":  # <r|A+|r+1> = c sin(2 floor((r+1)/2) lam), 2 floor((r+1)/2) = 2k + ...
        return _C * _trig(sp.sin, 2 * ((q + 1) // 2)), 1
    # <r|A-|r-1> = -sin((2 floor((r-1)/2) + 1) lam) / c
    return -_trig(sp.sin, 2 * ((q - 1) // 2) + 1) / _C, -1


def _generic_element(relation: tuple, parity: int) -> sp.Expr:
    total = sp.Integer(0)
    for coeff, word in relation:
        q, value = parity, sp.Integer(1)
        for letter in word:
            w, shift = _weight(letter, q)
            value, q = value * w, q + shift
        total += sp.sympify(coeff).subs(_D, _CL) * value
    return total


def _reduces_to_zero(expr: sp.Expr) -> bool:
    """Exact test: a polynomial in s_u, c_u, s_l, c_l, c, 1/c vanishing on both unit circles."""
    numerator = sp.numer(sp.together(sp.expand(expr)))
    _, remainder = sp.reduced(sp.expand(numerator), [_SU**2 + _CU**2 - 1, _SL**2 + _CL**2 - 1],
                              _SU, _CU, _SL, _CL, _C)
    return sp.expand(remainder) == 0


def _is_trig_zero(expr: sp.Expr, lam: sp.Symbol) -> bool:
    """Exact test that a trig polynomial in integer multiples of ``lam`` vanishes identically."""
    expanded = sp.expand(sp.expand_trig(expr))
    return _reduces_to_zero(expanded.subs({sp.sin(lam): _SL, sp.cos(lam): _CL,
                                           sp.Symbol("c", nonzero=True): _C}))


def prove_cubic_relations(boundary_rows: int = 6) -> dict[str, dict]:
    """Prove (13) for all lam, c and all matrix indices.

    Generic inner rows ``r = 2k + p`` with ``r > 3`` (paths stay at ``>= 1``):
    polynomial reduction per parity and per net shift (the element of each word
    is determined by its row).  Rows ``L``, ``R`` and ``|1> .. |boundary_rows|``
    (and the columns L, R) on the exact symbolic truncation of size
    ``boundary_rows + 6``, reduced the same way after ``expand_trig``.

    Returns
    -------
    dict
        ``relation -> {"generic": bool, "boundary": bool}``.
    """
    lam = sp.Symbol("lambda")
    size = boundary_rows + 6
    mats = aux_matrices(size, lam)
    rows = [L, R] + [inner(r) for r in range(1, boundary_rows + 1)]
    out = {}
    for name, relation in CUBIC_RELATIONS.items():
        generic = all(_reduces_to_zero(_generic_element(relation, p)) for p in (0, 1))
        mat = relation_matrix(relation, mats, sp.cos(lam))
        boundary = all(_is_trig_zero(mat[i, j], lam) for i in rows for j in range(size))
        boundary = boundary and all(_is_trig_zero(mat[i, j], lam)
                                    for i in range(size) for j in (L, R))
        out[name] = {"generic": generic, "boundary": boundary}
    return out


def check_boundary_conditions(lam=None, c=None) -> dict[str, bool]:
    """Check (14) for the matrices (11); exact for all lam, c (paths from L/R stay below 4).

    The vanishing conditions are checked row- or column-wise, the normalisations
    ``<L|A0 = <L|``, ``A0|R> = |R>``, ``<L|A+A-|R> = 1`` elementwise.
    """
    size = 8
    lam = sp.Symbol("lambda") if lam is None else lam
    mats = aux_matrices(size, lam, c)
    prod = lambda w: mats[w[0]] * (mats[w[1]] if len(w) > 1 else sp.eye(size)) * (  # noqa: E731
        mats[w[2]] if len(w) > 2 else sp.eye(size))
    out = {}
    for name, bra, word, ket in BOUNDARY_CONDITIONS:
        m = prod(word)
        out[name] = all(_is_trig_zero(x, lam) for x in
                        (m.row(bra) if bra is not None else m.col(ket)))
    unit_l, unit_r = sp.zeros(1, size), sp.zeros(size, 1)
    unit_l[L], unit_r[R] = 1, 1
    out["<L|A0 = <L|"] = mats["0"].row(L) == unit_l
    out["A0|R> = |R>"] = mats["0"].col(R) == unit_r
    out["<L|A+A-|R> = 1"] = sp.simplify((mats["+"] * mats["-"])[L, R]) == 1
    return out


def aux_matrices_exact(ell: int, m: int, size: int) -> dict:
    """A0, A+, A- of (11) at ``lam = pi ell/m``, ``c = 1``, exactly over ``Q(2 cos(pi/(2m)))``.

    ``cos(pi r ell/m) = 2cos(2 pi (2 r ell)/(4m)) / 2`` and ``sin(pi k ell/m) =
    2cos(2 pi (m - 2 k ell)/(4m)) / 2`` are elements of ``cos_field(4 m)``.
    """
    from sympy.polys.matrices import DomainMatrix

    from symness.exact.cos_field import cos_field, two_cos
    from symness.mpa.transfer.matrices import check_rational_lambda

    ell, m = check_rational_lambda(ell, m)
    field = cos_field(4 * m)
    half = field.one / field.convert(2)
    cos_ = lambda r: two_cos(2 * r * ell, 4 * m) * half  # noqa: E731
    sin_ = lambda k: two_cos(m - 2 * k * ell, 4 * m) * half  # noqa: E731
    mats = {key: [[field.zero] * size for _ in range(size)] for key in LETTERS}
    mats["0"][L][L] = mats["0"][R][R] = field.one
    mats["+"][L][inner(1)] = field.one
    mats["-"][inner(1)][R] = field.one
    for r in range(1, size - 1):
        mats["0"][inner(r)][inner(r)] = cos_(r)
        if r + 1 <= size - 2:
            mats["+"][inner(r)][inner(r + 1)] = sin_(2 * ((r + 1) // 2))
            mats["-"][inner(r + 1)][inner(r)] = -sin_(2 * (r // 2) + 1)
    return {key: DomainMatrix(rows, (size, size), field) for key, rows in mats.items()}


def check_cubic_relations_exact(ell: int, m: int) -> bool:
    """Check (13) exactly at ``Delta = cos(pi ell/m)`` on a truncation (rows/cols unaffected by it).

    Uses size ``m + 8``; entries ``<i|X|j>`` with ``i, j < size - 3`` are
    those of the infinite matrices (every path of three steps stays inside).
    """
    size = m + 8
    mats = aux_matrices_exact(ell, m, size)
    delta = mats["0"].to_list()[inner(1)][inner(1)]
    keep = size - 3
    for relation in CUBIC_RELATIONS.values():
        total = None
        for coeff, word in relation:
            c = sp.sympify(coeff)
            scalar = delta * mats["0"].domain.convert(c.coeff(_D)) if c.has(_D) else \
                mats["0"].domain.convert(c)
            term = mats[word[0]] * mats[word[1]] * mats[word[2]] * scalar
            total = term if total is None else total + term
        block = total.to_list()
        if any(block[i][j] for i in range(keep) for j in range(keep)):
            return False
    return True
