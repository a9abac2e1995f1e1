"""Fig. 2: the two-parameter ansatz ``exp(-beta H0 - lambda_3 C3)`` and its force field (10).

Parameters of Fig. 2: ``J = Delta = -B = w = w_ph = T_ph`` (= 1 here).  The forces
``F = -chi^-1 g`` of eq. (10) are those of :mod:`symness.pump.forces` with the two
charges ``H0 = C2 - B C1`` and ``C3`` (eigenvalues in the common basis of the
N_C = 4 GGE); ``d lambda/dt = F`` points to the stable fixed point.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from symness.pump.forces import forces
from symness.pump.gge import solve_gge
from symness.pump.model import PumpParams
from symness.pump.system import PumpSystem
from symness.validation import require_int

__all__ = ["FIG2_PARAMS", "FixedPoint", "fig2_fixed_point"]

#: J = Delta = -B = w = w_ph = T_ph = 1 (caption of Fig. 2); the rest as in Figs. 3-6.
FIG2_PARAMS = dict(delta=1.0, field=-1.0, omega=1.0, omega_ph=1.0, t_ph=1.0)


@dataclass(frozen=True)
class FixedPoint:
    """``lam = (beta, lambda_3)`` with ``F(lam) = 0`` and the eigenvalues of ``dF/dlam`` there."""

    lam: np.ndarray
    stability: np.ndarray
    force_norm: float


@lru_cache(maxsize=4)
def _problem(n: int):
    system = PumpSystem(PumpParams(n=n, **FIG2_PARAMS))
    rows = system.gge_charges(4)
    charges = np.array([rows[1] - FIG2_PARAMS["field"] * rows[0], rows[2]])
    return charges, system.gge_rates(4)


def fig2_fixed_point(n: int, ratio: float, *, start: tuple[float, float] = (0.5, 0.1),
                     step: float = 1e-5) -> FixedPoint:
    """Stable point of Fig. 2 at ``eps_d/eps_ph = ratio`` (a: 0, b: 1), ``n`` sites.

    Newton from ``start = (beta, lambda_3)`` (away from the thermal point, so
    that panel (a) is found, not assumed); the Jacobian ``dF/dlam`` by central
    differences of step ``step`` (error ``O(step^2)``).
    """
    n = require_int(n, "n", minimum=4, maximum=12)
    charges, (w_ph, w_d) = _problem(n)
    w = w_ph + ratio**2 * w_d
    sol = solve_gge(charges, w, np.array(start, dtype=float))
    jac = np.empty((2, 2))
    for k in range(2):
        dx = np.zeros(2)
        dx[k] = step
        jac[:, k] = (forces(sol.lam + dx, charges, w)
                     - forces(sol.lam - dx, charges, w)) / (2 * step)
    return FixedPoint(lam=sol.lam, stability=np.linalg.eigvals(jac),
                      force_norm=float(np.linalg.norm(forces(sol.lam, charges, w))))
