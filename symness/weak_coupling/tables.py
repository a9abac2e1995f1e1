"""Table: the two-spin weak-coupling solution (111)-(114) against numerical limits."""

from __future__ import annotations

import math

import numpy as np

from symness.outputs import Table, table
from symness.weak_coupling.chain import (
    local_t,
    steady_state_at,
    tilted_ising_chain,
    zeroth_order_state,
)
from symness.weak_coupling.profiles import two_spin_analytic_t, two_spin_k

THETAS = (0.0625, 0.125, 0.25, 0.375, 0.5)


def _g(rho: np.ndarray, t: np.ndarray) -> float:
    zz = np.kron(np.diag([1.0, -1.0]), np.diag([1.0, -1.0]))
    return float(np.real(np.trace(zz @ rho))) / 4 - t[0] * t[1] / 4


@table("ishida2022_two_spin", description="Two-spin tilted Ising: (111)-(114) vs the engine's "
                                          "zeroth order and the lam -> 0 extrapolated full "
                                          "Liouvillian")
def two_spin_table() -> Table:
    """(111)-(113) against the engine and a Richardson extrapolation ``2 rho(lam/2) - rho(lam)``."""
    rows = []
    lam = 0.01
    for frac in THETAS:
        chain = tilted_ising_chain(2, frac * math.pi)
        t1, t2, g = two_spin_analytic_t(chain)
        rho0 = zeroth_order_state(chain)
        t0 = local_t(rho0, 2)
        extrap = 2 * steady_state_at(chain, lam / 2) - steady_state_at(chain, lam)
        te = local_t(extrap, 2)
        k = two_spin_k(chain)
        rows.append([f"{frac:g}", f"{k:.10f}", f"{t1:.12f}", f"{t2:.12f}", f"{g:.3e}",
                     f"{max(abs(t0[0] - t1), abs(t0[1] - t2), abs(_g(rho0, t0) - g)):.1e}",
                     f"{te[0]:.8f}", f"{te[1]:.8f}",
                     f"{max(abs(te[0] - t1), abs(te[1] - t2)):.1e}"])
    return Table(
        title="Ishida-Sugita two-spin tilted Ising, T_L = 1.5, T_R = 0.5, h = c = d = 1",
        columns=["theta/pi", "K (B29)", "t1 (111)", "t2 (112)", "g (113)",
                 "|engine - analytic|", "t1 extrap.", "t2 extrap.", "|extrap. - analytic|"],
        rows=rows, command="symness table ishida2022_two_spin --write tables/ishida2022_two_spin",
        parameters={"T_L": 1.5, "T_R": 0.5, "h": 1, "c": 1, "d": 1, "lambda": [0.01, 0.005]},
        notes=["engine: zeroth order (45)-(47) from the perturbation engine",
               "extrap.: 2 rho(0.005) - rho(0.01) of the full Liouvillian (16), error O(lam^2)"])
