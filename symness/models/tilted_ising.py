"""Tilted-field Ising chain of Ishida & Sugita (2022), eqs. (104)-(110).

Normalisation: Pauli matrices, field ``h``.  In the laboratory frame::

    H = lambda sum_l sigma^z_l sigma^z_{l+1} + h sum_l (cos(theta) sigma^z_l + sin(theta) sigma^x_l)

In the field frame (z axis along the field, eq. (105)) ``H = h sum_l sigma^z_l +
lambda sum_l sigma^{z'}_l sigma^{z'}_{l+1}`` with ``sigma^{z'} = cos(theta) sigma^z -
sin(theta) sigma^x`` (eq. (106)), i.e. the coupling tensor (108)-(110)
``alpha_zz = cos^2, alpha_zx = alpha_xz = -cos sin, alpha_xx = sin^2``.
Integrable (transverse Ising) at ``theta = pi/2``.
"""

from __future__ import annotations

import math

import numpy as np

from symness.validation import require_real

__all__ = ["coupling_tensor", "edge_axis"]


def edge_axis(theta: float) -> np.ndarray:
    """Return the axis ``(x, y, z)`` of ``sigma^{z'} = cos sigma^z - sin sigma^x`` (106)."""
    theta = float(require_real(theta, "theta"))
    return np.array([-math.sin(theta), 0.0, math.cos(theta)])


def coupling_tensor(theta: float) -> np.ndarray:
    """``alpha_{jk}`` of eqs. (108)-(110): the outer product of :func:`edge_axis` with itself."""
    axis = edge_axis(theta)
    return np.outer(axis, axis)
