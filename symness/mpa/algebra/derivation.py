"""Derivation of the cubic algebra (13) from the local condition on three sites.

Prosen (2011), text before (13): [H, Z] = -sz_1 + sz_n (12) forbids every
bulk term of ``[H, Z]`` with ``sz_j``.  Such terms come only from
``h_{j-1,j} + h_{j,j+1}`` acting on the three sites ``j-1, j, j+1`` of the
ansatz (10), so for all ``r1, r3 in {+, -, 0}``::

    sum_{s1,s2,s3} tr( s^{r1}_{j-1} sz_j s^{r3}_{j+1} [h_{j-1,j} + h_{j,j+1},
                       s^{s1}_{j-1} s^{s2}_j s^{s3}_{j+1}] ) A_{s1} A_{s2} A_{s3} = 0.

Each condition is a vector in the 27-dimensional space of cubic words in
``A_+, A_-, A_0``; :func:`derived_relations` computes them with explicit
8x8 sympy matrices (``h = 2 s+ s- + 2 s- s+ + Delta sz sz``, Pauli
normalisation, ``s+ = (sx + i sy)/2``), and :func:`compare_with_13` shows
that their span equals the span of the eight relations (13).
"""

from __future__ import annotations

from itertools import product

import sympy as sp
from sympy.physics.quantum import TensorProduct

from symness.models.xxz_chain import pauli_hamiltonian
from symness.mpa.algebra.cubic import CUBIC_RELATIONS, LETTERS
from symness.operators.pauli_matrix import exact_entries

__all__ = ["WORDS", "SITE_OPERATORS", "kron", "bond_hamiltonian", "derived_relations",
           "relations_13_matrix", "compare_with_13"]

WORDS = tuple("".join(w) for w in product(LETTERS, repeat=3))
_DELTA = sp.Symbol("Delta")
#: Single-site operators: identity, s+ = |up><down|, s-, sz (Pauli normalisation).
SITE_OPERATORS = {"+": sp.Matrix([[0, 1], [0, 0]]), "-": sp.Matrix([[0, 0], [1, 0]]),
                  "0": sp.eye(2), "z": sp.Matrix([[1, 0], [0, -1]])}


def kron(*ms: sp.Matrix) -> sp.Matrix:
    """Kronecker product of sympy matrices (site order left to right)."""
    return TensorProduct(*ms)


def bond_hamiltonian(delta=_DELTA) -> sp.Matrix:
    """``h = 2 s+ s- + 2 s- s+ + Delta sz sz`` on two sites (4x4), eq. (2).

    The exact matrix of the two-site :class:`~symness.models.xxz_chain.XXZChain` Pauli sum
    (:func:`symness.operators.pauli_matrix.exact_entries`).
    """
    entries = exact_entries(pauli_hamiltonian(2, delta))
    return sp.Matrix(4, 4, lambda i, k: sp.sympify(entries.get((i, k), 0)))


def derived_relations(delta=_DELTA) -> sp.Matrix:
    """Return the 9 trace conditions as rows (columns indexed by :data:`WORDS`)."""
    sz, one = SITE_OPERATORS["z"], SITE_OPERATORS["0"]
    bond = bond_hamiltonian(delta)
    h = kron(bond, one) + kron(one, bond)
    rows = []
    for r1, r3 in product(LETTERS, repeat=2):
        probe = kron(SITE_OPERATORS[r1], sz, SITE_OPERATORS[r3])
        row = []
        for word in WORDS:
            op = kron(*(SITE_OPERATORS[s] for s in word))
            row.append(sp.expand((probe * (h * op - op * h)).trace()))
        rows.append(row)
    return sp.Matrix(rows)


def relations_13_matrix(delta=_DELTA) -> sp.Matrix:
    """Return the eight relations (13) as rows over :data:`WORDS`."""
    rows = []
    for relation in CUBIC_RELATIONS.values():
        row = [sp.Integer(0)] * len(WORDS)
        for coeff, word in relation:
            row[WORDS.index(word)] += sp.sympify(coeff).subs(_DELTA, delta)
        rows.append(row)
    return sp.Matrix(rows)


def compare_with_13(delta=_DELTA) -> dict[str, int]:
    """Ranks of the derived conditions, of (13), and of both stacked (equal spans iff all equal)."""
    derived, given = derived_relations(delta), relations_13_matrix(delta)
    return {"derived": derived.rank(simplify=True), "relations_13": given.rank(simplify=True),
            "stacked": derived.col_join(given).rank(simplify=True)}
