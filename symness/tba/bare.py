"""Bare (undressed) single-particle quantities of the string species.

Normalisation: H = sum_l (s^x s^x + s^y s^y + Delta s^z s^z) (spin-1/2, J = 1), reference
state all up.  For species j (Takahashi 1999, Sec. 9.2; paper eq. (3) and after it):

* energy          e_j(lambda) = -pi sin(gamma) a_j(lambda), the eigenvalue of
                  Q_1 = H - Delta L/4 (for a 1-string, e = cos k - Delta);
* momentum        k_j'(lambda) = -2 pi a_j(lambda), the derivative of the lattice momentum
                  of eq. (2), e^{ik} = sinh(lambda + i gamma/2)/sinh(lambda - i gamma/2);
* magnetisation   n_j (number of down spins), so S^z = L/2 - sum_j n_j int rho_j;
* local charges   q_{1,j} = e_j and q_{n,j} = -(sin(gamma)/2) d/dlambda q_{n-1,j}
                  (the recursion stated in the paper after eq. (3)), i.e.
                  q_{n,j} = -pi sin(gamma) (-sin(gamma)/2)^{n-1} a_j^{(n-1)}(lambda).

The lattice operators these eigenvalues belong to are fixed in ``exact_diag`` and checked
on one-magnon states there.
"""

from __future__ import annotations

import math

import numpy as np

from symness.tba.kernels import a_derivative
from symness.tba.strings import StringContent

__all__ = ["string_a", "bare_energy", "bare_momentum_derivative", "magnetisation",
           "bare_charge", "bare_charge_derivative"]


def string_a(content: StringContent, lam: np.ndarray, order: int = 0) -> np.ndarray:
    """a_j(lambda) = a_{n_j}^{v_j}(lambda) (or its derivative) for all species: (s, N)."""
    return np.array([a_derivative(n, v, content.gamma, lam, order)
                     for n, v in zip(content.lengths, content.parities)])


def bare_charge(content: StringContent, lam: np.ndarray, n: int) -> np.ndarray:
    """q_{n,j}(lambda) for all species, shape (s, N); n = 1 is the energy."""
    g = content.gamma
    factor = -math.pi * math.sin(g) * (-math.sin(g) / 2) ** (n - 1)
    return factor * string_a(content, lam, n - 1)


def bare_charge_derivative(content: StringContent, lam: np.ndarray, n: int) -> np.ndarray:
    """D q_{n,j}/d lambda, shape (s, N)."""
    g = content.gamma
    factor = -math.pi * math.sin(g) * (-math.sin(g) / 2) ** (n - 1)
    return factor * string_a(content, lam, n)


def bare_energy(content: StringContent, lam: np.ndarray) -> np.ndarray:
    """e_j(lambda) = -pi sin(gamma) a_j(lambda) (no field term), shape (s, N)."""
    return bare_charge(content, lam, 1)


def bare_momentum_derivative(content: StringContent, lam: np.ndarray) -> np.ndarray:
    """k_j'(lambda) = -2 pi a_j(lambda), shape (s, N)."""
    return -2 * np.pi * string_a(content, lam)


def magnetisation(content: StringContent) -> np.ndarray:
    """n_j, the number of flipped spins of species j, shape (s,)."""
    return np.array(content.lengths, dtype=float)
