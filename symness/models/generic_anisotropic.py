"""A non-integrable nearest-neighbour chain: generic symmetric coupling tensor, field along z.

Normalisation: Pauli matrices, ``H = h sum_l sigma^z_l + lambda sum_l sum_jk alpha_jk
sigma^j_l sigma^k_{l+1}`` with the fixed tensor :data:`ALPHA` (all entries nonzero,
no U(1) or spin-flip symmetry; the tilted Ising chain is the rank-one special case).
Non-integrable: its level spacings in the field frame are Wigner-Dyson-like (no
Bethe-ansatz or free-fermion structure is known for generic ``alpha``).
"""

from __future__ import annotations

import numpy as np

__all__ = ["ALPHA", "coupling_tensor"]

#: Fixed generic coupling tensor (rows/columns x, y, z), ``alpha_zz = 0.8``.
ALPHA = np.array([[0.9, 0.3, -0.4],
                  [0.3, 0.5, 0.2],
                  [-0.4, 0.2, 0.8]])


def coupling_tensor() -> np.ndarray:
    """Return a copy of the fixed tensor :data:`ALPHA`."""
    return ALPHA.copy()
