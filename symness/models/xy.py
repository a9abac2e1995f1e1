"""Anisotropic XY chain in a field along z (paper-001 normalisation, Pauli matrices).

``H = h sum_l sigma^z_l + lambda sum_l (J_x sx_l sx_{l+1} + J_y sy_l sy_{l+1})``,
so ``alpha_xx = J_x``, ``alpha_yy = J_y`` and ``alpha_zz = 0``.  Integrable (free fermions).
"""

from __future__ import annotations

import numpy as np

from symness.validation import require_real

__all__ = ["coupling_tensor"]


def coupling_tensor(jx: float = 1.0, jy: float = 1.0) -> np.ndarray:
    """``alpha = diag(J_x, J_y, 0)``."""
    return np.diag([float(require_real(jx, "jx")), float(require_real(jy, "jy")), 0.0])
