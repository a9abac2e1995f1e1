"""Temperature profiles of Figs. 4-6 of Ishida & Sugita (2022).

Local temperatures ``T_l = h / artanh(t_l)`` with ``t_l = -<sigma^z_l>`` (eq. (100)),
h = 1, T_L = 1.5, T_R = 0.5, c = d = 1 (text under (114)).  Finite-lambda values come
from the full Liouvillian (16) solved directly; the weak-coupling limit from the
perturbation engine (N spins) or the closed form (111)-(114) (two spins).
"""

from __future__ import annotations

import math

import numpy as np

from symness.weak_coupling.chain import (
    WeakCouplingChain,
    local_t,
    steady_state_at,
    temperature_from_t,
    tilted_ising_chain,
    zeroth_order_state,
)
from symness.weak_coupling.sum_rule import sum_rule_sides

__all__ = ["two_spin_k", "two_spin_analytic_t", "fig4_data", "fig5_data", "fig6_data",
           "relative_errors",
           "FIG5_LAMBDAS",
           "FIG6_LAMBDAS"]

FIG4_LAMBDAS = (0.1, 0.01)
FIG5_LAMBDAS = (1e-1, 1e-2, 1e-3, 1e-4)
FIG6_LAMBDAS = (0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2)


def two_spin_k(chain: WeakCouplingChain) -> float:
    """``K`` of (B29) with ``c, d`` the bath means (B30)-(B31)."""
    c = (float(chain.left.c) + float(chain.right.c)) / 2
    d = (float(chain.left.d) + float(chain.right.d)) / 2
    cos2, sin2 = float(chain.alpha[2, 2]), float(chain.alpha[0, 0])
    num = c * (chain.t_left - chain.t_right) ** 2 * cos2**2
    return num / (num + sin2 * (2 * d * cos2 + c * sin2))


def two_spin_analytic_t(chain: WeakCouplingChain) -> tuple[float, float, float]:
    """``(t1, t2, g)`` of (111)-(113) with ``K`` of (B29), ``c, d`` the bath means (B30)-(B31)."""
    delta = chain.t_left - chain.t_right
    k = two_spin_k(chain)
    mean = (chain.t_left + chain.t_right) / 2
    return mean + k / 2 * delta, mean - k / 2 * delta, -k * (1 - k) / 16 * delta**2


def fig4_data() -> dict:
    """``{theta/pi: {lam: [T1, T2], "analytic": [T1, T2]}}`` for theta = pi/4, pi/2 (Fig. 4)."""
    out = {}
    for frac in (0.25, 0.5):
        chain = tilted_ising_chain(2, frac * math.pi)
        entry = {lam: temperature_from_t(local_t(steady_state_at(chain, lam), 2)).tolist()
                 for lam in FIG4_LAMBDAS}
        t1, t2, _ = two_spin_analytic_t(chain)
        entry["analytic"] = temperature_from_t([t1, t2]).tolist()
        out[frac] = entry
    return out


def fig5_data(n: int = 6, lambdas=FIG5_LAMBDAS, thetas=(0.25, 0.5)) -> dict:
    """Return ``{theta/pi: {lam: [T_1..T_N], "limit": [...]}}``, tilted Ising chain (Fig. 5)."""
    out = {}
    for frac in thetas:
        chain = tilted_ising_chain(n, frac * math.pi)
        entry = {lam: temperature_from_t(local_t(steady_state_at(chain, lam), n)).tolist()
                 for lam in lambdas}
        entry["limit"] = temperature_from_t(local_t(zeroth_order_state(chain), n)).tolist()
        out[frac] = entry
    return out


def fig6_data(n: int = 6, theta: float = math.pi / 4, lambdas=FIG6_LAMBDAS) -> dict:
    """``{lam: (LHS, RHS)}`` of (150) on the full-Liouvillian state, plus ``"limit"`` (Fig. 6)."""
    chain = tilted_ising_chain(n, theta)
    out = {lam: sum_rule_sides(steady_state_at(chain, lam), n, chain.alpha, chain.t_left,
                               chain.t_right) for lam in lambdas}
    out["limit"] = sum_rule_sides(zeroth_order_state(chain), n, chain.alpha, chain.t_left,
                                  chain.t_right)
    return out


def relative_errors(entry: dict, reference_key: str) -> dict:
    """Max relative deviation of each lambda's profile from ``entry[reference_key]``."""
    ref = np.asarray(entry[reference_key])
    return {lam: float(np.max(np.abs(np.asarray(v) / ref - 1)))
            for lam, v in entry.items() if not isinstance(lam, str)}
