"""Boost-operator construction of local charges and currents, on exact Pauli words.

A translation-invariant operator ``Q = sum_x T^x q`` of a nearest-neighbour chain with
bond ``h`` is stored by its density ``q``: ``{word: coefficient}``, ``word`` over
``"IXYZ"`` with its first letter on site 0 (Pauli matrices), coefficients exact (int,
``Fraction``, sympy; symbols allowed).  With Tetelman's boost ``B = sum_l l h_{l,l+1}``
(Grabowski & Mathieu, Ann. Phys. 243, 299 (1995)) and ``Q`` conserved,

    [B, Q] = sum_x T^x sum_{(r, s, p)} (r - p) c_{r,s,p} s,

where ``[h_r, q_0]`` contains the string ``s`` placed at ``p`` with coefficient
``c_{r,s,p}``: the part growing with the absolute position cancels because
``sum_{r,p} c_{r,s,p} = 0`` for every ``s``, which is the statement ``[H, Q] = 0`` and is
checked.  The same data give the local current ``j`` of
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


def _bond_terms(density: Mapping, bond: Mapping):
    """Yield ``(r, word, p, c)``: ``[h_r, q_0]`` contains ``word`` placed at ``p`` with ``c``.

    ``q_0`` sits on sites ``pad .. pad + width - 1`` of a window of ``width + 2 pad + 1``
    sites, ``pad`` the bond's width; ``r`` runs over ``-pad .. width`` (every bond that can
    overlap ``q_0``), in this order, so the output order (and with it the float summation
    order of a caller's matrices) is fixed.
    """
    width = max(max(len(w) for w in density), 1)
    pad = max(len(w) for w in bond)
    length = width + 2 * pad + 1

    def placed(ops: Mapping, start: int) -> PauliSum:
        return PauliSum(length, {("I" * start + w).ljust(length, "I"): c for w, c in ops.items()})

    q = placed(density, pad)
    for r in range(-pad, width + 1):
        for label, c in commutator(placed(bond, pad + r), q).labelled_terms().items():
            word = label.strip("I")
            yield r, word, len(label) - len(label.lstrip("I")) - pad, c


def _require_conserved(terms) -> None:
    totals: dict[str, sympy.Expr] = {}
    for _, word, _, c in terms:
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
    terms = list(_bond_terms(density, bond))
    _require_conserved(terms)
    out: dict[str, sympy.Expr] = {}
    for r, word, p, c in terms:
        out[word] = out.get(word, 0) + (r - p) * c
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
    terms = list(_bond_terms(density, bond))
    _require_conserved(terms)
    by_word: dict[str, dict[int, sympy.Expr]] = {}
    for _, word, p, c in terms:
        placements = by_word.setdefault(word, {})
        placements[p] = placements.get(p, 0) + sympy.I * c
    out = {}
    for word, placements in by_word.items():
        running = 0
        for off in range(min(placements), max(placements)):
            running += placements.get(off, 0)
            if sympy.expand(running) != 0:
                out[off, word] = running
    return out
