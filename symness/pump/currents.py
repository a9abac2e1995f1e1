"""Numeric (sparse) charges and currents of the XXZ ring, eqs. (16)-(18).

Normalisation: spin-1/2 operators, 0-based sites on a ring of ``n`` sites.

* ``C1 = sum_j Sz_j``; ``C2 = H_XXZ = H0(B = 0)``.
* Heat current (16): ``C3 = J^2 sum_j (S'_j x S''_{j+1}) . S'_{j+2}`` with
  ``S'^a = sqrt(l_a) S^a``, ``S''^a = sqrt(l_z / l_a) S^a``, ``l_z = Delta/J``,
  ``l_x = l_y = 1``.
* Spin current (18): ``J_S = i J/2 sum_j (S+_j S-_{j+1} - S-_j S+_{j+1})``.
* Energy current of ``H0`` (17): ``J_H = sum_j i [h_{j-1,j}, h_{j,j+1}]`` with the
  field split over bonds, equal to ``C3 - B J_S``.
"""

from __future__ import annotations

import itertools
import math

import scipy.sparse as sp

from symness.models.xxz_chain import XXZChain, bond_matrix
from symness.models.xxz_ring import XXZRing, bond_operator, hamiltonian, ring_sum, spin_operator

__all__ = ["total_sz", "xxz_hamiltonian", "heat_current_eq16", "spin_current",
           "energy_current"]


def total_sz(n: int) -> sp.csr_matrix:
    """``C1 = sum_j Sz_j``."""
    return ring_sum(lambda s: spin_operator("z", s, n), n)


def xxz_hamiltonian(ring: XXZRing) -> sp.csr_matrix:
    """``C2 = H_XXZ``: ``H0`` of eq. (7) at ``B = 0``."""
    return hamiltonian(XXZRing(n=ring.n, exchange=ring.exchange, delta=ring.delta, field=0))


def _levi_civita(a: int, b: int, c: int) -> int:
    return (a - b) * (b - c) * (c - a) // 2


def heat_current_eq16(ring: XXZRing) -> sp.csr_matrix:
    """``J^2 sum_j (S'_j x S''_{j+1}) . S'_{j+2}`` of eq. (16) (rescaled spins)."""
    n, jj = ring.n, float(ring.exchange)
    lam = (1.0, 1.0, float(ring.delta) / jj)
    axes = "xyz"
    out = sp.csr_matrix((2**n, 2**n), dtype=complex)
    for a, b, c in itertools.permutations(range(3)):
        coeff = _levi_civita(a, b, c) * math.sqrt(lam[a] * lam[2] / lam[b] * lam[c])
        out = out + coeff * ring_sum(
            lambda s, a=a, b=b, c=c: spin_operator(axes[a], s, n) @ spin_operator(axes[b], s + 1, n)
            @ spin_operator(axes[c], s + 2, n), n)
    return (jj**2 * out).tocsr()


def spin_current(ring: XXZRing) -> sp.csr_matrix:
    """``J_S`` of eq. (18)."""
    jj = float(ring.exchange)
    return ring_sum(lambda s: bond_operator({("+", "-"): 0.5j * jj, ("-", "+"): -0.5j * jj},
                                            s, ring.n), ring.n)


def energy_current(ring: XXZRing) -> sp.csr_matrix:
    """Energy current of ``H0`` (with field): ``sum_j i [h_{j-1,j}, h_{j,j+1}]``.

    ``h_{j,j+1} = J/2 (S+S- + S-S+) + Delta Sz Sz - (B/2)(Sz_j + Sz_{j+1})``.
    """
    n, jj, b = ring.n, float(ring.exchange), float(ring.field)

    chain = XXZChain(n, float(ring.delta) / jj, exchange=jj, boundary="ring",
                     normalisation="spin")    # H_XXZ, as models.xxz_ring.hamiltonian

    def h(s: int) -> sp.csr_matrix:
        bond = bond_matrix(chain, s % n)
        return bond - b / 2 * (spin_operator("z", s, n) + spin_operator("z", s + 1, n))

    return ring_sum(lambda s: 1j * (h(s - 1) @ h(s) - h(s) @ h(s - 1)), n)
