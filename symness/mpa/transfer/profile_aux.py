"""Profiles (17) from the matrices (11) directly, without the reduced T, V of (15)-(16).

``T~ = sum_s (1 - |s|/2) A_s (x) A_s`` and ``V~ = (A+ (x) A+ - A- (x) A-)/2`` act on
the full ``d^2``-dimensional space (claim ``prosen2011.eq15.reduction`` shows they
reduce to (15)-(16) on the diagonal subspace), so

    M_j     = mu   <LL| T~^(j-1) V~ T~^(n-j) |RR>,
    C_{j,k} = mu^2 <LL| T~^(j-1) V~ T~^(k-j-1) V~ T~^(n-k) |RR>

computed here with the polynomial gauge of :func:`symness.mpa.algebra.theorem.gauge_matrices`
(which leaves ``|L>``, ``|R>`` fixed) in exact Fractions at rational Delta: an
independent reference for the mpmath profiles of :mod:`symness.mpa.transfer.profiles`.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from symness.mpa.algebra.theorem import gauge_matrices
from symness.mpa.transfer.matrices import L, R
from symness.validation import require_int

__all__ = ["profile_from_aux", "correlations_from_aux"]

_Vec = dict[tuple[int, int], Fraction]


def _operators(n: int, delta) -> tuple[list, list]:
    """Sparse ``T~``, ``V~`` as lists of ``(i, j, k, q, weight)``: ``<ik| X |jq>``."""
    mats = {s: {key: Fraction(int(sp.Rational(v).p), int(sp.Rational(v).q))
                for key, v in entries.items()}
            for s, entries in gauge_matrices(n // 2 + 2, sp.Rational(delta)).items()}
    t_weight = {"0": Fraction(1), "+": Fraction(1, 2), "-": Fraction(1, 2)}
    v_weight = {"+": Fraction(1, 2), "-": Fraction(-1, 2)}

    def tensor(weights):
        return [(i, j, k, q, w * a * b) for s, w in weights.items()
                for (i, j), a in mats[s].items() for (k, q), b in mats[s].items()]

    return tensor(t_weight), tensor(v_weight)


def _apply(vec: _Vec, op: list) -> _Vec:
    """Row vector times operator: ``(vec X)_{jq} = sum_{ik} vec_{ik} <ik|X|jq>``."""
    out: _Vec = {}
    for i, j, k, q, w in op:
        x = vec.get((i, k))
        if x:
            out[(j, q)] = out.get((j, q), Fraction(0)) + x * w
    return out


def _run(n: int, delta, inserts: tuple[int, ...], mu) -> Fraction:
    t, v = _operators(n, delta)
    vec: _Vec = {(L, L): Fraction(1)}
    for site in range(1, n + 1):
        vec = _apply(vec, v if site in inserts else t)
    return Fraction(mu) ** len(inserts) * vec.get((R, R), Fraction(0))


def profile_from_aux(n: int, delta, mu=1) -> list[Fraction]:
    """Exact ``M_j``, ``j = 1..n``, at rational ``delta`` and ``mu`` (eq. (17))."""
    n = require_int(n, "n", minimum=2)
    return [_run(n, delta, (j,), mu) for j in range(1, n + 1)]


def correlations_from_aux(n: int, delta, mu=1) -> dict[tuple[int, int], Fraction]:
    """Exact ``C_{j,k}``, ``1 <= j < k <= n``, at rational ``delta`` and ``mu`` (eq. (17))."""
    n = require_int(n, "n", minimum=2)
    return {(j, k): _run(n, delta, (j, k), mu) for j in range(1, n + 1)
            for k in range(j + 1, n + 1)}
