"""The theorem of Prosen (2011): Z of (10) as an exact Pauli-string operator, (8), (9), (12).

Gauge used for exact coefficients: ``<L|A_{s1} ... A_{sn}|R>`` is unchanged by
a diagonal similarity ``A -> D A D^{-1}`` with ``D_L = D_R = 1``.  Choosing it
so that every inner ``A+`` entry is 1, each up/down pair at level ``r``
carries ``<r|A+|r+1><r+1|A-|r> = -sin(r lam) sin((r+1) lam) =
(cos((2r+1) lam) - cos(lam))/2`` (the pair identity of
``prosen2011.mazur.closed_form``), and ``cos(r lam) = T_r(Delta)``
(Chebyshev).  Hence every coefficient of Z is a polynomial in Delta with
rational coefficients, and Z is built exactly over ``QQ[Delta]``.

Sites here are 0-based (paper's site j is ``j - 1``).  Dissipators (5)::

    D+- rho = 2 s+-_1 rho s-+_1 - {s-+_1 s+-_1, rho} + 2 s-+_n rho s+-_n - {s+-_n s-+_n, rho}
    D = (1 + mu)/2 D+ + (1 - mu)/2 D-
"""

from __future__ import annotations

import sympy as sp

from symness.models.xxz_chain import pauli_hamiltonian
from symness.operators.pauli import (
    PauliSum,
    anticommutator,
    commutator,
    identity,
    sigma,
    site_product,
)
from symness.validation import require_int

__all__ = ["DELTA", "MU", "gauge_matrices", "z_operator", "hamiltonian", "dissipator_pm",
           "dissipator", "check_conservation_law", "check_first_order", "check_second_order",
           "check_local_relations"]

DELTA, MU = sp.Symbol("Delta"), sp.Symbol("mu")


def gauge_matrices(size: int, delta=DELTA) -> dict[str, dict[tuple[int, int], sp.Expr]]:
    """Sparse A0, A+, A- in the polynomial gauge (basis: 0 = L, 1 = R, r + 1 = |r>)."""
    size = require_int(size, "size", minimum=3)
    a0 = {(0, 0): sp.Integer(1), (1, 1): sp.Integer(1)}
    ap = {(0, 2): sp.Integer(1)}
    am = {(2, 1): sp.Integer(1)}
    for r in range(1, size - 1):
        a0[(r + 1, r + 1)] = sp.chebyshevt(r, delta)
        if r + 1 <= size - 2:
            ap[(r + 1, r + 2)] = sp.Integer(1)
            am[(r + 2, r + 1)] = sp.expand((sp.chebyshevt(2 * r + 1, delta) - delta) / 2)
    return {"0": a0, "+": ap, "-": am}


def z_operator(n: int, delta=DELTA) -> PauliSum:
    """Z of (10) on ``n`` sites as an exact :class:`PauliSum` (coefficients in QQ[Delta])."""
    n = require_int(n, "n", minimum=2)
    mats = gauge_matrices(n // 2 + 2, delta)
    states: dict[int, dict[tuple, sp.Expr]] = {0: {(): sp.Integer(1)}}  # state -> word -> coeff
    for _ in range(n):
        new: dict[int, dict[tuple, sp.Expr]] = {}
        for state, words in states.items():
            for letter, mat in mats.items():
                for (i, k), weight in mat.items():
                    if i != state:
                        continue
                    bucket = new.setdefault(k, {})
                    for word, coeff in words.items():
                        key = word + (letter,)
                        bucket[key] = bucket.get(key, 0) + coeff * weight
        states = new
    terms = []
    for word, coeff in states.get(1, {}).items():
        coeff = sp.expand(coeff)
        if coeff == 0:
            continue
        terms.append(coeff * site_product({j: x for j, x in enumerate(word) if x != "0"}, n))
    while len(terms) > 1:  # pairwise summation keeps the cost ~ N log N
        terms = [terms[i] + terms[i + 1] if i + 1 < len(terms) else terms[i]
                 for i in range(0, len(terms), 2)]
    return terms[0] if terms else PauliSum(n)


def hamiltonian(n: int, delta=DELTA) -> PauliSum:
    """H of (2): ``sum_j 2 s+_j s-_{j+1} + 2 s-_j s+_{j+1} + Delta sz_j sz_{j+1}`` (Pauli).

    The exact Pauli sum of the open :class:`~symness.models.xxz_chain.XXZChain`
    (``2 s+ s- + 2 s- s+ = sx sx + sy sy``); ``delta`` exact or a symbol.
    """
    return pauli_hamiltonian(n, delta)


def dissipator_pm(rho: PauliSum, sign: str) -> PauliSum:
    """``D+ rho`` (sign '+') or ``D- rho`` (sign '-') of (5)."""
    n = rho.n
    other = "-" if sign == "+" else "+"
    first, last = 0, n - 1
    s1, s1b = sigma(sign, first, n), sigma(other, first, n)
    sn, snb = sigma(other, last, n), sigma(sign, last, n)
    return (2 * s1 * rho * s1b - anticommutator(s1b * s1, rho)
            + 2 * sn * rho * snb - anticommutator(snb * sn, rho))


def dissipator(rho: PauliSum, mu=MU) -> PauliSum:
    """``D rho = (1 + mu)/2 D+ rho + (1 - mu)/2 D- rho`` of (5)."""
    return (1 + mu) / 2 * dissipator_pm(rho, "+") + (1 - mu) / 2 * dissipator_pm(rho, "-")


def check_conservation_law(z: PauliSum, delta=DELTA) -> bool:
    """(12): ``[H, Z] = -sz_1 + sz_n`` exactly."""
    n = z.n
    return commutator(hamiltonian(n, delta), z) == -sigma("z", 0, n) + sigma("z", n - 1, n)


def _orders(z: PauliSum, mu):
    zd = z.adjoint()
    rho1 = mu * (z - zd)  # 2^n rho(1), (8)
    rho2 = mu**2 / 2 * (z - zd) * (z - zd) - mu / 2 * commutator(z, zd)  # 2^n rho(2), (9)
    return rho1, rho2


def check_first_order(z: PauliSum, delta=DELTA, mu=MU) -> bool:
    """(7) at p = 1 with (8): ``[H, rho(1)] = -D rho(0)`` (both sides times 2^n)."""
    rho1, _ = _orders(z, mu)
    n = z.n
    return commutator(hamiltonian(n, delta), rho1) == -dissipator(identity(n), mu)


def check_second_order(z: PauliSum, delta=DELTA, mu=MU) -> bool:
    """(7) at p = 2 with (9): ``[H, rho(2)] = -D rho(1)`` (both sides times 2^n)."""
    rho1, rho2 = _orders(z, mu)
    return commutator(hamiltonian(z.n, delta), rho2) == -dissipator(rho1, mu)


def check_local_relations(z: PauliSum) -> dict[str, bool]:
    """(a') ``[Z, sz_1 - sz_n] = (D+ + D-) Z`` and (b') ``{Z, sz_1 - sz_n} = (D+ - D-) Z / 2``."""
    n = z.n
    d = sigma("z", 0, n) - sigma("z", n - 1, n)
    plus, minus = dissipator_pm(z, "+"), dissipator_pm(z, "-")
    return {"(a')": commutator(z, d) == plus + minus,
            "(b')": anticommutator(z, d) == (plus - minus) / 2}
