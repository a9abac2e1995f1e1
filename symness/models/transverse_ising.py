"""Transverse-field Ising chain in the field frame (Ishida & Sugita (2022), theta = pi/2 of (104)).

Normalisation: Pauli matrices, ``H = h sum_l sigma^z_l + lambda sum_l sigma^x_l sigma^x_{l+1}``,
so ``alpha_xx = 1`` and all other ``alpha_jk = 0`` (in particular ``alpha_zz = 0``).
Integrable (free fermions).
"""

from __future__ import annotations

import numpy as np

__all__ = ["coupling_tensor"]


def coupling_tensor() -> np.ndarray:
    """``alpha_{jk}`` with ``alpha_xx = 1`` only."""
    return np.diag([1.0, 0.0, 0.0])
