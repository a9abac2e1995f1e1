"""The chains of the alpha_zz condition (Ishida & Sugita (2022), eq. (2) and text after (150)).

Each entry gives the coupling tensor and the bath coupling angle ``theta_b``.  The
paper's condition assumes the bath coupling has the same form as the spin-spin
coupling, so that ``alpha^z_1 = -alpha_zz t_L`` (text before (150)); for the
``alpha_zz = 0`` chains that means a bath coupling without a z component
(``theta_b = pi/2``), and for the others we take ``theta_b = pi/4`` (the tilted
Ising chain uses its own angle, ``theta_b = theta``).
"""

from __future__ import annotations

import math

import numpy as np

from symness.models import generic_anisotropic, tilted_ising, transverse_ising, xxz_field, xy
from symness.weak_coupling.chain import WeakCouplingChain

__all__ = ["CONDITION_MODELS", "condition_chain"]

#: name -> (coupling tensor, theta_b, alpha_zz != 0 expected to give a gradient)
CONDITION_MODELS: dict[str, tuple[np.ndarray, float, bool]] = {
    "transverse-ising": (transverse_ising.coupling_tensor(), math.pi / 2, False),
    "xy": (xy.coupling_tensor(1.0, 1.0), math.pi / 2, False),
    "tilted-ising": (tilted_ising.coupling_tensor(math.pi / 4), math.pi / 4, True),
    "xxz-field": (xxz_field.coupling_tensor(0.5), math.pi / 4, True),
    "generic-anisotropic": (generic_anisotropic.coupling_tensor(), math.pi / 4, True),
}


def condition_chain(name: str, n: int) -> WeakCouplingChain:
    """Build the chain ``name`` of :data:`CONDITION_MODELS`, ``n`` spins, T_L = 1.5, T_R = 0.5."""
    alpha, theta_b, _ = CONDITION_MODELS[name]
    return WeakCouplingChain(n=n, alpha=alpha, theta_b=theta_b)
