"""Closed form of the domain-wall profiles at Delta = cos(pi/nu) (Collura, De Luca, Viti).

For the domain wall |up..up down..down> of the XXZ chain at Delta = cos(gamma), gamma = pi/nu
(nu = 2, 3, ...), the GHD profiles inside the light cone |zeta| < sin(gamma) are
(Collura, De Luca, Viti, PRB 97, 081111(R) (2018); spin-1/2 operators, J = 1)

    <s^z>(zeta) = -(nu / 2 pi) arcsin(zeta),
    <j^z>(zeta) = (nu / 2 pi) (sqrt(1 - zeta^2) - cos(gamma)),

and <s^z> = -/+ 1/2, <j^z> = 0 outside.  Both are continuous at |zeta| = sin(gamma) and
satisfy the continuity equation of a self-similar profile, zeta d<s^z> = d<j^z>.  nu = 2 is
the free-fermion result (``free_fermions.domain_wall_closed_form``).
"""

from __future__ import annotations

import math

import numpy as np

from symness.validation import require_int

__all__ = ["domain_wall_profile"]


def domain_wall_profile(nu: int, zeta: np.ndarray) -> dict[str, np.ndarray]:
    """<s^z> and <j^z> of the domain wall at Delta = cos(pi/nu) on the rays ``zeta``."""
    nu = require_int(nu, "nu", minimum=2, maximum=10**6)
    z = np.asarray(zeta, dtype=float)
    edge = math.sin(math.pi / nu)
    inside = np.abs(z) < edge
    zc = np.clip(z, -edge, edge)
    sz = np.where(inside, -nu / (2 * math.pi) * np.arcsin(zc), -0.5 * np.sign(z))
    jz = np.where(inside, nu / (2 * math.pi) * (np.sqrt(1 - zc**2) - math.cos(math.pi / nu)),
                  0.0)
    return {"sz": sz, "jz": jz}
