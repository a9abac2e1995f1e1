"""XXZ chain in a longitudinal field (paper-001 normalisation, Pauli matrices).

``H = h sum_l sigma^z_l + lambda sum_l (sigma^x_l sigma^x_{l+1} + sigma^y_l sigma^y_{l+1}
+ Delta sigma^z_l sigma^z_{l+1})``: ``alpha = diag(1, 1, Delta)``, ``alpha_zz = Delta``.
Integrable (Bethe ansatz) for every ``Delta``.
"""

from __future__ import annotations

import numpy as np

from symness.validation import require_real

__all__ = ["coupling_tensor"]


def coupling_tensor(delta: float) -> np.ndarray:
    """``alpha = diag(1, 1, Delta)``."""
    return np.diag([1.0, 1.0, float(require_real(delta, "delta"))])
