"""The boundary-driven open XXZ chain of Prosen (2011), eqs. (2)-(3).

Normalisation: Pauli matrices, hopping ``2 sigma^+ sigma^- + h.c.``::

    H = sum_{j=1}^{n-1} (2 s+_j s-_{j+1} + 2 s-_j s+_{j+1} + Delta sz_j sz_{j+1})
      = sum_j (sx_j sx_{j+1} + sy_j sy_{j+1} + Delta sz_j sz_{j+1})      (2)

    L_{1,2} = sqrt((1 ± mu) eps / 2) sigma^±_1,
    L_{3,4} = sqrt((1 ∓ mu) eps / 2) sigma^±_n                          (3)

with the dissipator ``2 L rho L^† - {L^† L, rho}`` of eq. (1)
(``dissipator="prosen"``).  The paper's sites are 1-based; here site ``j`` of the
paper is index ``j - 1``.  ``mu > 0`` pumps magnetisation in at the left end,
so the current ``J_j = i (s+_j s-_{j+1} - s-_j s+_{j+1})`` is positive, with
``<J_j> / eps -> mu / 2`` as ``eps -> 0`` (Prosen (2011), text after (14)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import scipy.sparse as sp

from symness.models.xxz_chain import XXZChain
from symness.models.xxz_chain import hamiltonian as chain_hamiltonian
from symness.operators.sparse import sigma_minus, sigma_plus, sigma_z
from symness.resources import Cost, announce, power, require_fits
from symness.validation import ParameterError, require_int, require_real

__all__ = ["XXZDrive", "hamiltonian", "jump_operators", "magnetization_operators",
           "current_operators", "DISSIPATOR", "MAX_SITES", "hamiltonian_cost"]

#: Dissipator convention of eq. (1).
DISSIPATOR = "prosen"
#: Longest chain any method of the package treats (the strong-drive transfer matrices of
#: :mod:`symness.strong_drive.transfer` stop at 10 000; exact methods far earlier).
MAX_SITES = 10_000


@dataclass(frozen=True)
class XXZDrive:
    """Validated parameters of the driven chain (2)-(3).

    Attributes
    ----------
    n : int
        Number of sites, ``2 <= n <= MAX_SITES``.
    delta : Fraction, int or float
        Anisotropy Delta, any finite real.
    mu : Fraction, int or float
        Driving bias, ``-1 <= mu <= 1``.
    eps : Fraction, int or float
        Coupling strength, ``eps > 0``.
    """

    n: int
    delta: Fraction | float
    mu: Fraction | float
    eps: Fraction | float

    def __post_init__(self) -> None:
        require_int(self.n, "n", minimum=2, maximum=MAX_SITES)
        require_real(self.delta, "delta")
        require_real(self.mu, "mu", minimum=-1, maximum=1)
        require_real(self.eps, "eps", minimum=0, open_minimum=True)
        if float(self.eps) == 0.0 or not math.isfinite(float(self.eps)):
            raise ParameterError(f"'eps' must be > 0 and finite (got {self.eps})")


def hamiltonian_cost(n: int) -> Cost:
    """Memory and time of :func:`hamiltonian` on ``n`` sites (``n 2**n / 2`` nonzeros).

    Calibrated on one core: n = 14, 16, 18 took 0.43, 1.33, 5.0 s with a peak of 8, 34,
    146 MB above the interpreter, i.e. about ``32 n 2**n`` bytes (the sum of sparse terms
    keeps two copies of the growing matrix) and ``5 s x n 2**n / (18 x 2**18)``.
    """
    size = n * power(2.0, n)
    return Cost(32.0 * size, 5.0 * size / (18 * 2.0**18))


def hamiltonian(n: int, delta) -> sp.csr_matrix:
    """XXZ Hamiltonian (2) on ``n`` sites, open ends, Pauli normalisation (sparse, complex).

    The :class:`~symness.models.xxz_chain.XXZChain` with exchange 1 (``x x + y y = 2 (s+ s-
    + s- s+)``, the hopping of (2)).

    Refuses (``ParameterError``) an ``n`` whose :func:`hamiltonian_cost` exceeds the
    available memory, before allocating.
    """
    n = require_int(n, "n", minimum=2)
    delta = float(require_real(delta, "delta"))
    announce(require_fits(hamiltonian_cost, "n", n, what="sparse XXZ Hamiltonian (2)",
                          minimum=2), f"hamiltonian n={n}")
    return chain_hamiltonian(XXZChain(n, delta))


def jump_operators(params: XXZDrive) -> list[sp.csr_matrix]:
    """Return the four Lindblad operators (3), in the order ``L1, L2, L3, L4``."""
    n, mu, eps = params.n, float(params.mu), float(params.eps)
    return [
        math.sqrt((1 + mu) * eps / 2) * sigma_plus(0, n),
        math.sqrt((1 - mu) * eps / 2) * sigma_minus(0, n),
        math.sqrt((1 - mu) * eps / 2) * sigma_plus(n - 1, n),
        math.sqrt((1 + mu) * eps / 2) * sigma_minus(n - 1, n),
    ]


def magnetization_operators(n: int) -> list[sp.csr_matrix]:
    """``[sigma^z_0, ..., sigma^z_{n-1}]``."""
    return [sigma_z(j, n) for j in range(n)]


def current_operators(n: int) -> list[sp.csr_matrix]:
    """Spin currents ``J_j = i (s+_j s-_{j+1} - s-_j s+_{j+1})``, ``j = 0 .. n-2``.

    With the Hamiltonian (2), ``d sigma^z_j / dt = i[H, sigma^z_j] = 4 (J_{j-1} - J_j)``
    in the bulk (the hopping is ``2 sigma^+ sigma^- + h.c.``).
    """
    return [1j * (sigma_plus(j, n) @ sigma_minus(j + 1, n)
                  - sigma_minus(j, n) @ sigma_plus(j + 1, n)) for j in range(n - 1)]


