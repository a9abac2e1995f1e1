"""Sparse numeric operators on the spin-1/2 chain Hilbert space (C^2)^n.

Conventions
-----------
* Sites are 0-based, ``j = 0 .. n-1``; site 0 is the leftmost tensor factor
  (most significant bit of the basis index).
* Local basis ``|0> = |up>``, ``|1> = |down>``; ``sigma^z |up> = +|up>``.
* Pauli normalisation: ``sigma^+ = (sigma^x + i sigma^y)/2 = |up><down|``,
  so ``sigma^+ sigma^- + sigma^- sigma^+ = 1``.  Spin-1/2 operators are
  ``s^a = sigma^a / 2``.
* Magnetisation of a basis state ``b``: number of up spins (zero bits).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from symness.validation import require_int

__all__ = ["PAULI", "site_operator", "sigma_x", "sigma_y", "sigma_z", "sigma_plus",
           "sigma_minus", "identity", "number_of_up_spins"]

#: Single-site matrices in the basis (|up>, |down>).
PAULI: dict[str, np.ndarray] = {
    "I": np.eye(2, dtype=complex),
    "X": np.array([[0, 1], [1, 0]], dtype=complex),
    "Y": np.array([[0, -1j], [1j, 0]], dtype=complex),
    "Z": np.array([[1, 0], [0, -1]], dtype=complex),
    "+": np.array([[0, 1], [0, 0]], dtype=complex),
    "-": np.array([[0, 0], [1, 0]], dtype=complex),
}


def site_operator(local: np.ndarray | str, j: int, n: int) -> sp.csr_matrix:
    """``1 ⊗ ... ⊗ local_j ⊗ ... ⊗ 1`` on ``n`` sites (0-based ``j``), as CSR."""
    n = require_int(n, "n", minimum=1)
    j = require_int(j, "j", minimum=0, maximum=n - 1)
    mat = PAULI[local] if isinstance(local, str) else np.asarray(local, dtype=complex)
    left = sp.identity(2**j, dtype=complex, format="csr")
    right = sp.identity(2 ** (n - j - 1), dtype=complex, format="csr")
    return sp.kron(sp.kron(left, sp.csr_matrix(mat)), right, format="csr")


def sigma_x(j: int, n: int) -> sp.csr_matrix:
    """Pauli ``sigma^x_j``."""
    return site_operator("X", j, n)


def sigma_y(j: int, n: int) -> sp.csr_matrix:
    """Pauli ``sigma^y_j``."""
    return site_operator("Y", j, n)


def sigma_z(j: int, n: int) -> sp.csr_matrix:
    """Pauli ``sigma^z_j``."""
    return site_operator("Z", j, n)


def sigma_plus(j: int, n: int) -> sp.csr_matrix:
    """``sigma^+_j = |up><down|_j``."""
    return site_operator("+", j, n)


def sigma_minus(j: int, n: int) -> sp.csr_matrix:
    """``sigma^-_j = |down><up|_j``."""
    return site_operator("-", j, n)


def identity(n: int) -> sp.csr_matrix:
    """Identity on ``n`` sites."""
    return sp.identity(2**n, dtype=complex, format="csr")


@lru_cache(maxsize=32)
def number_of_up_spins(n: int) -> np.ndarray:
    """Number of up spins of each basis state ``0 .. 2**n - 1`` (read-only array)."""
    states = np.arange(2**n)
    ups = n - np.array([bin(s).count("1") for s in states])
    ups.setflags(write=False)
    return ups
