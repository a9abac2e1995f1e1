"""Boost-operator construction of local charges and currents, on exact Pauli words.

A translation-invariant operator ``Q = sum_x T^x q`` of a nearest-neighbour chain with
bond ``h`` is stored by its density ``q``: ``{word: coefficient}``, ``word`` over
``"IXYZ"`` with its first letter on site 0 (Pauli matrices), coefficients exact (int,
``Fraction``, sympy; symbols allowed).  With Tetelman's boost ``B = sum_l l h_{l,l+1}``
(Grabowski & Mathieu, Ann. Phys. 243, 299 (1995)) and ``Q`` conserved,

    [B, Q] = sum_x T^x sum_{s, p} (a_{s,p} - p c_{s,p}) s,

where ``[sum_r h_r, q_0]`` contains the string ``s`` placed at ``p`` with coefficient
``c_{s,p}`` and ``[sum_r r h_r, q_0]`` with ``a_{s,p}``: the part growing with the
absolute position cancels because ``sum_p c_{s,p} = 0`` for every ``s``, which is the
statement ``[H, Q] = 0`` and is checked.  The same data give the local current ``j`` of
``q`` (``j_x - j_{x+1} = i[H, q_x]``, the continuity equation) as cumulative sums.

Papers 003 and 004 wrap this with their normalisations: ``tba.lattice_charges``
(``Q_{n+1} = i[B, Q_n]`` minus its all-up value) and ``pump.charges``
(``C_{i+1} = [-i B, C_i]``).
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy

from symness.operators.pauli import PauliSum, commutator

__all__ = ["boost_commutator", "current_placements"]


def _window(density: Mapping, bond: Mapping) -> tuple[PauliSum, PauliSum, int]:
    """``([sum_r h_r, q_0], [sum_r r h_r, q_0], pad)`` on a window holding every overlapping bond.

    Site ``pad`` of the window is site 0 of ``q_0``; ``r`` runs over the bonds that
    overlap the support of ``q_0``.
    """
    width = max(max(len(w) for w in density), 1)
    bond_width = max(len(w) for w in bond)
    pad = bond_width - 1
    length = width + 2 * pad

    def placed(ops: Mapping, start: int) -> PauliSum:
        return PauliSum(length, {("I" * start + w).ljust(length, "I"): c for w, c in ops.items()})

    q = placed(density, pad)
    h_sum, b_sum = PauliSum(length), PauliSum(length)
    for r in range(-pad, width):
        h_r = placed(bond, pad + r)
        h_sum, b_sum = h_sum + h_r, b_sum + r * h_r
    return commutator(h_sum, q), commutator(b_sum, q), pad


def _placements(op: PauliSum, pad: int) -> dict[tuple[str, int], sympy.Expr]:
    """``{(word, p): coefficient}``: ``word`` stripped of identities, placed at ``p``."""
    out = {}
    for label, c in op.labelled_terms().items():
        word = label.strip("I")
        out[word, len(label) - len(label.lstrip("I")) - pad] = c
    return out


def _require_conserved(terms: Mapping[tuple[str, int], sympy.Expr]) -> None:
    totals: dict[str, sympy.Expr] = {}
    for (word, _), c in terms.items():
        totals[word] = totals.get(word, 0) + c
    for word, total in totals.items():
        if sympy.expand(total) != 0:
            raise ValueError(f"boost: the density is not that of a conserved charge (not "
                             f"conserved: the class {word!r} of [H, q] sums to {total})")


def boost_commutator(density: Mapping, bond: Mapping) -> dict[str, sympy.Expr]:
    """Density of ``[B, Q]``, ``B = sum_l l h_{l,l+1}``, ``Q = sum_x T^x density``.

    Coefficients are sympy expressions, not simplified; zero ones dropped.

    Raises
    ------
    ValueError
        If ``Q`` is not conserved by ``H = sum_l h_{l,l+1}``.
    """
    h_comm, b_comm, pad = _window(density, bond)
    c_terms = _placements(h_comm, pad)
    _require_conserved(c_terms)
    out: dict[str, sympy.Expr] = {}
    for (word, _), a in _placements(b_comm, pad).items():
        out[word] = out.get(word, 0) + a
    for (word, p), c in c_terms.items():
        if p:
            out[word] = out.get(word, 0) - p * c
    return {w: c for w, c in out.items() if sympy.expand(c) != 0}


def current_placements(density: Mapping, bond: Mapping) -> dict[tuple[int, str], sympy.Expr]:
    """Local current ``j_0`` of ``density`` with ``j_x - j_{x+1} = i[H, q_x]``.

    Returned with explicit placements ``{(offset, word): coefficient}`` (offsets relative
    to site 0 of ``q_0``): ``j_0 = sum_s f_s T^s P``, ``f_s`` the cumulative sums of the
    placements of ``i[H, q_0]`` in each class.

    Raises
    ------
    ValueError
        If ``Q`` is not conserved.
    """
    h_comm, _, pad = _window(density, bond)
    terms = _placements(h_comm, pad)
    _require_conserved(terms)
    by_word: dict[str, dict[int, sympy.Expr]] = {}
    for (word, p), c in terms.items():
        by_word.setdefault(word, {})[p] = sympy.I * c
    out = {}
    for word, placements in by_word.items():
        running = 0
        for off in range(min(placements), max(placements)):
            running += placements.get(off, 0)
            if sympy.expand(running) != 0:
                out[off, word] = running
    return out
