"""Are the reservoirs in equilibrium with the chain?  Currents at equal reservoirs.

With both reservoirs at the same ``beta`` and ``mu`` a reservoir in equilibrium with the chain
would leave it in a Gibbs state and drive no bulk current.  No two-site reset target can do
this exactly: the reset ``R ⊗ tr_edge(rho)`` of :mod:`symness.models.thermal_reservoirs`
removes every correlation between the edge pair and the rest, including the exchange term of
the bond it cuts, which the Gibbs state of the chain has at first order in ``beta``.  The clean
chain still carries no current (reflection symmetry maps the left reservoir onto the right);
a disordered chain carries a *spurious* current of first order in ``beta``.

To first order the bulk current is ``j = a beta_L + b beta_R``: the equal drive measures
``a + b``, the antisymmetric drive of Mendoza-Arenas et al. (2019) (``beta_L = -beta_R``)
measures ``a - b`` and has no first-order spurious part; a one-sided drive
(``beta_R = 0``) carries ``(a + b) beta_L / 2`` of it.  :func:`spurious_ratio` compares the two
with the exact U(1)-sector solver of :mod:`symness.lindblad.steady_state`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from symness.models.thermal_reservoirs import Reservoir
from symness.models.xxz_disordered import DisorderedXXZ
from symness.mps.exact_reference import sector_values
from symness.mps.lindblad_tebd import BoundaryDrivenChain
from symness.mps.transport import bulk_currents
from symness.validation import require_int

__all__ = ["SpuriousCurrents", "exact_bulk_currents", "spurious_ratio"]


@dataclass(frozen=True)
class SpuriousCurrents:
    """Bulk-mean currents at equal (``equal_*``) and antisymmetric (``driven_*``) reservoirs."""

    equal_energy: float
    equal_spin: float
    driven_energy: float
    driven_spin: float

    @property
    def energy_ratio(self) -> float:
        """``|j^E(beta, beta)| / |j^E(beta, -beta)|``: spurious over driven energy current."""
        return abs(self.equal_energy) / abs(self.driven_energy)


def exact_bulk_currents(chain: BoundaryDrivenChain) -> tuple[float, float]:
    """Exact bulk means ``(j^E, j^S)`` of the NESS (sector solver; bonds fixed by continuity)."""
    require_int(chain.model.n, "L", minimum=4, maximum=10)
    bulk = bulk_currents(chain, sector_values(chain))
    return float(np.mean(bulk["energy"])), float(np.mean(bulk["spin"]))


def spurious_ratio(kind: str, model: DisorderedXXZ, beta=Fraction(1, 10)) -> SpuriousCurrents:
    """Bulk currents of ``model`` at ``beta_L = beta_R = beta`` and at ``beta_L = -beta_R = beta``.

    Parameters
    ----------
    kind : str
        Reservoir target kind (:data:`symness.models.thermal_reservoirs.KINDS`, thermal ones).
    model : DisorderedXXZ
        The chain (``4 <= L <= 10``).
    beta : Fraction
        Reservoir inverse temperature (``mu = 0``, rate 1).
    """
    equal = BoundaryDrivenChain(model, Reservoir(kind, beta=beta), Reservoir(kind, beta=beta))
    driven = BoundaryDrivenChain(model, Reservoir(kind, beta=beta), Reservoir(kind, beta=-beta))
    (e_eq, s_eq), (e_dr, s_dr) = exact_bulk_currents(equal), exact_bulk_currents(driven)
    return SpuriousCurrents(equal_energy=e_eq, equal_spin=s_eq, driven_energy=e_dr,
                            driven_spin=s_dr)
