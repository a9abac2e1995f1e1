"""Independent counts of the conserved operators ``|n><m|`` with ``E_n = E_m`` (Fig. 3 caption).

The paper's exact approach uses the set ``Q = {|n><m| : E_n = E_m}`` of all
conserved operators (Methods, "Implementation of non-commuting conservation
laws"); its size is ``sum_levels d^2`` over the degeneracies ``d`` of ``H0``.
The solver (:mod:`symness.pump.exact_steady_state`) keeps the subset of equal
momentum.  The package counts both from its eigensystem (S^z and momentum
blocks, float64, levels grouped within a tolerance).  Two independent counts:

* :func:`exact_level_pair_count`, exact arithmetic (python-flint): ``H0`` of
  eq. (7) with rational ``Delta``, ``B`` is an integer matrix per S^z sector
  after scaling; the characteristic polynomial of each sector, its square-free
  decomposition ``p_A = prod_i f_i^{e_i}`` and the greatest common divisors of
  all pairs of square-free parts give
  ``#{(n, m): E_n = E_m} = sum_{A,B} sum_{i,j} e_i e_j deg gcd(f_i^A, f_j^B)``
  with no tolerance and no eigenvalue (all E_n = E_m pairs, the paper's Q).
* :func:`sector_level_counts`, float64 but a different algorithm from the
  package's: dense ``eigh`` per S^z sector only (no momentum basis), momenta
  from the eigenvalues of the translation operator restricted to each
  degenerate multiplet; gives both counts.

Normalisation: spin-1/2 operators as in eq. (7), ``J = 1``, 0-based sites.
"""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import combinations_with_replacement

import numpy as np

from symness.models.xxz_ring import XXZRing, hamiltonian
from symness.validation import require_int, require_real

__all__ = ["sector_charpoly_factors", "exact_level_pair_count", "sector_level_counts"]


def _sector_states(n: int, ups: int) -> list[int]:
    return [s for s in range(1 << n) if s.bit_count() == ups]


def _integer_sector_matrix(n: int, ups: int, delta: Fraction, field: Fraction) -> list[list[int]]:
    """``scale * H0`` of eq. (7) (``J = 1``) in the S^z sector with ``ups`` up spins.

    ``scale = 4 * lcm(denominators)`` makes every entry an integer: the
    diagonal ``Delta (+-1/4)`` per bond and ``-B (+-1/2)`` per site, the hopping ``1/2``.
    """
    scale = 4 * math.lcm(delta.denominator, field.denominator)
    states = _sector_states(n, ups)
    index = {s: i for i, s in enumerate(states)}
    rows = [[0] * len(states) for _ in states]
    for s in states:
        i = index[s]
        diag = Fraction(0)
        for j in range(n):
            a, b = (s >> j) & 1, (s >> ((j + 1) % n)) & 1
            diag += delta * Fraction(1 if a == b else -1, 4) - field * Fraction(1 if a else -1, 2)
            if a != b:
                rows[index[s ^ (1 << j) ^ (1 << ((j + 1) % n))]][i] += scale // 2
        rows[i][i] += int(diag * scale)
    return rows


def sector_charpoly_factors(n: int, ups: int, delta: Fraction, field: Fraction) -> list:
    """Square-free decomposition ``[(f_i, e_i)]`` of the S^z-sector characteristic polynomial.

    Exact (``flint.fmpz_mat.charpoly`` and ``fmpz_poly.factor_squarefree``).
    """
    import flint

    poly = flint.fmpz_mat(_integer_sector_matrix(n, ups, delta, field)).charpoly()
    _, factors = poly.factor_squarefree()
    return [(f, int(e)) for f, e in factors]


def exact_level_pair_count(n: int, delta: Fraction | int, field: Fraction | int) -> int:
    """Number of pairs ``(n, m)`` with ``E_n = E_m`` exactly (the size of the paper's Q).

    Parameters
    ----------
    n : int
        Ring length, ``2 <= n <= 12`` (n = 12 takes minutes: 13 characteristic
        polynomials up to degree 924).
    delta, field : Fraction or int
        ``Delta`` and ``B`` of eq. (7), rational (``J = 1``).
    """
    require_int(n, "n", minimum=2, maximum=12)
    delta = Fraction(require_real(delta, "delta"))
    field = Fraction(require_real(field, "field"))
    sectors = [sector_charpoly_factors(n, ups, delta, field) for ups in range(n + 1)]
    total = 0
    for a, b in combinations_with_replacement(range(n + 1), 2):
        weight = 1 if a == b else 2  # (n in A, m in B) and (n in B, m in A)
        for f, e in sectors[a]:
            for g, d in sectors[b]:
                total += weight * e * d * f.gcd(g).degree()
    return total


def _clusters(values: np.ndarray, tol: float) -> list[np.ndarray]:
    """Indices of ``values`` grouped into chains of sorted neighbours closer than ``tol``."""
    order = np.argsort(values, kind="stable")
    breaks = np.flatnonzero(np.diff(values[order]) > tol) + 1
    return np.split(order, breaks)


def _translated(n: int, states: list[int]) -> np.ndarray:
    """Permutation ``p`` with ``T |states[i]> = |states[p[i]]>`` (cyclic shift by one site)."""
    index = {s: i for i, s in enumerate(states)}
    mask = (1 << n) - 1
    return np.array([index[((s << 1) | (s >> (n - 1))) & mask] for s in states])


def sector_level_counts(ring: XXZRing, tol: float = 1e-9) -> tuple[int, int]:
    """``(all pairs with E_n = E_m, pairs with E_n = E_m and equal momentum)``, float64.

    Dense ``eigh`` of ``H0`` (:func:`symness.models.xxz_ring.hamiltonian`) per S^z
    sector; within every cluster of levels closer than ``tol`` in a sector the
    translation operator is diagonalised to label the momenta.
    """
    n = ring.n
    h = hamiltonian(ring).tocsr()
    energies, momenta = [], []
    for ups in range(n + 1):
        states = _sector_states(n, ups)
        vals, vecs = np.linalg.eigh(h[states][:, states].toarray())
        shifted = np.empty_like(vecs)
        shifted[_translated(n, states)] = vecs
        for group in _clusters(vals, tol):
            phases = np.linalg.eigvals(vecs[:, group].conj().T @ shifted[:, group])
            momenta.extend(np.round(np.angle(phases) * n / (2 * math.pi)).astype(int) % n)
            energies.extend(vals[group])
    energies, momenta = np.array(energies), np.array(momenta)
    all_pairs = equal_k = 0
    for group in _clusters(energies, tol):
        all_pairs += len(group) ** 2
        equal_k += int((np.bincount(momenta[group], minlength=n) ** 2).sum())
    return all_pairs, equal_k
