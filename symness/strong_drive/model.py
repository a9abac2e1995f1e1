"""Parameters of the maximally driven XXZ chain (Prosen, PRL 107, 137201 (2011)).

The chain is paper 000's model (2)-(3) at ``mu = 1``: Pauli normalisation,
``H = sum_j (sx_j sx_{j+1} + sy_j sy_{j+1} + Delta sz_j sz_{j+1})``, jumps
``L_1 = sqrt(eps) sigma^+_1`` (pumping up spins in at the left end) and
``L_2 = sqrt(eps) sigma^-_n`` with the dissipator ``2 L rho L^† - {L^† L, rho}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from symness.models.xxz_boundary_driven import XXZDrive

__all__ = ["StrongDrive"]


@dataclass(frozen=True)
class StrongDrive:
    """Validated parameters ``(n, Delta, eps)`` of the maximally driven chain.

    Attributes
    ----------
    n : int
        Number of sites, ``n >= 2``.
    delta : Fraction, int or float
        Anisotropy Delta, any finite real.
    eps : Fraction, int or float
        Coupling, ``eps > 0`` (not small: the steady state is exact at any ``eps``).

    Raises
    ------
    ParameterError
        Through :class:`XXZDrive`, naming the parameter and its allowed range.
    """

    n: int
    delta: Fraction | float
    eps: Fraction | float

    def __post_init__(self) -> None:
        self.drive()

    def drive(self) -> XXZDrive:
        """The same chain as paper 000's :class:`XXZDrive` with ``mu = 1``."""
        return XXZDrive(n=self.n, delta=self.delta, mu=1, eps=self.eps)
