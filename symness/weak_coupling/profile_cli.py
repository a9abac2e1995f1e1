"""Computation behind ``symness weak-coupling profile`` (kept out of the parser module)."""

from __future__ import annotations

from symness.models.tilted_ising import coupling_tensor
from symness.weak_coupling.baths import BathConstants
from symness.weak_coupling.chain import (
    WeakCouplingChain,
    local_t,
    temperature_from_t,
    zeroth_order_state,
)
from symness.weak_coupling.models import CONDITION_MODELS

__all__ = ["profile_rows"]


def profile_rows(n: int, theta: float, t_left: float, t_right: float, h: float,
                 model: str) -> list[tuple[int, float, float]]:
    """``[(site (1-based), t_l, T_l)]`` of the zeroth-order state of ``model``.

    ``theta`` (radians) is the tilted Ising angle and, for every model, the bath
    coupling angle of (B1) unless the model fixes it (:data:`CONDITION_MODELS`).
    """
    if model == "tilted-ising":
        alpha, theta_b = coupling_tensor(theta), theta
    else:
        alpha, theta_b, _ = CONDITION_MODELS[model]
    chain = WeakCouplingChain(n=n, alpha=alpha, theta_b=theta_b, h=h, temperature_left=t_left,
                              temperature_right=t_right, left=BathConstants(),
                              right=BathConstants())
    t = local_t(zeroth_order_state(chain), n)
    temps = temperature_from_t(t, h)
    return [(j + 1, float(t[j]), float(temps[j])) for j in range(n)]
