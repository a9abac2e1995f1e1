"""Computation behind ``symness weak-coupling profile`` (kept out of the parser module)."""

from __future__ import annotations

import numpy as np

from symness.models.tilted_ising import coupling_tensor
from symness.weak_coupling.baths import BathConstants
from symness.weak_coupling.chain import (
    WeakCouplingChain,
    local_t,
    temperature_from_t,
    zeroth_order_with_tolerance,
)
from symness.weak_coupling.models import CONDITION_MODELS

__all__ = ["profile_rows"]


def profile_rows(n: int, theta: float, t_left: float, t_right: float, h: float,
                 model: str) -> list[tuple[int, float, float, float, float]]:
    """``[(site (1-based), t_l, T_l, t_l error, T_l error)]``: zeroth order of ``model``.

    ``theta`` (radians) is the tilted Ising angle and, for every model, the bath
    coupling angle of (B1) unless the model fixes it (:data:`CONDITION_MODELS`).  The error
    of ``t_l = -<sz_l>`` is the float64 bound of
    :func:`~symness.weak_coupling.chain.zeroth_order_with_tolerance` (``||sz|| = 1``); that of
    ``T_l = h / artanh(t_l)`` (eq. (100)) follows to first order,
    ``|dT/dt| = |h| / (artanh(t)^2 (1 - t^2))``.
    """
    if model == "tilted-ising":
        alpha, theta_b = coupling_tensor(theta), theta
    else:
        alpha, theta_b, _ = CONDITION_MODELS[model]
    chain = WeakCouplingChain(n=n, alpha=alpha, theta_b=theta_b, h=h, temperature_left=t_left,
                              temperature_right=t_right, left=BathConstants(),
                              right=BathConstants())
    rho, tol = zeroth_order_with_tolerance(chain)
    t = local_t(rho, n)
    temps = temperature_from_t(t, h)
    slope = np.abs(h) / (np.arctanh(t) ** 2 * (1 - t**2))
    return [(j + 1, float(t[j]), float(temps[j]), tol, float(slope[j] * tol)) for j in range(n)]
