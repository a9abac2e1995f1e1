"""Uniform nearest-neighbour spin-1/2 chains in a field along z (Ishida & Sugita (2022), eq. (1)).

Normalisation: Pauli matrices, field ``h`` multiplying ``sigma^z`` (paper 001)::

    H = h sum_l sigma^z_l + lambda sum_l sum_{j,k in x,y,z} alpha_{jk} sigma^j_l sigma^k_{l+1}

with a real symmetric coupling tensor ``alpha`` (``alpha_{jk} = alpha_{kj}``).
Sites are 0-based here (the paper's site ``l`` is index ``l - 1``); site 0 is the
leftmost tensor factor.  The model modules (``tilted_ising``, ``transverse_ising``,
``xy``, ``xxz_field``, ``generic_anisotropic``) each supply one coupling tensor.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from symness.operators.sparse import site_operator
from symness.validation import ParameterError, require_int, require_real

__all__ = ["AXES", "validate_coupling", "field_hamiltonian", "interaction_hamiltonian"]

#: Pauli axes in the order of the rows/columns of ``alpha``.
AXES = ("x", "y", "z")


def validate_coupling(alpha: Sequence[Sequence[float]], name: str = "alpha") -> np.ndarray:
    """Return ``alpha`` as a real symmetric 3x3 float array, or raise ``ParameterError``."""
    arr = np.asarray(alpha, dtype=float)
    if arr.shape != (3, 3) or not np.all(np.isfinite(arr)):
        raise ParameterError(f"'{name}' must be a finite real 3x3 matrix (got shape {arr.shape})")
    if not np.array_equal(arr, arr.T):
        raise ParameterError(f"'{name}' must be symmetric, alpha_jk = alpha_kj (paper eq. (1))")
    return arr


def field_hamiltonian(n: int, field: float) -> sp.csr_matrix:
    """``H_0 = h sum_l sigma^z_l`` on ``n`` sites (paper eq. (69)); ``field`` is ``h``."""
    n = require_int(n, "n", minimum=1)
    field = float(require_real(field, "field"))
    if field == 0:
        raise ParameterError("'field' must be nonzero (paper: we assume h != 0)")
    out = sp.csr_matrix((2**n, 2**n), dtype=complex)
    for j in range(n):
        out = out + field * site_operator("Z", j, n)
    return out.tocsr()


def interaction_hamiltonian(n: int, alpha: Sequence[Sequence[float]]) -> sp.csr_matrix:
    """``H_I = sum_{l=0}^{n-2} sum_{jk} alpha_{jk} sigma^j_l sigma^k_{l+1}`` (paper eq. (70))."""
    n = require_int(n, "n", minimum=2)
    arr = validate_coupling(alpha)
    out = sp.csr_matrix((2**n, 2**n), dtype=complex)
    for left in range(n - 1):
        for a, ja in enumerate("XYZ"):
            for b, kb in enumerate("XYZ"):
                if arr[a, b] != 0.0:
                    out = out + arr[a, b] * (site_operator(ja, left, n)
                                             @ site_operator(kb, left + 1, n))
    return out.tocsr()
