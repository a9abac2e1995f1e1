"""Dense quasi-local charges ``Z(phi)`` on a few sites (the finite-n check).

The open-chain family of Prosen & Ilievski, PRL 111, 057203 (2013):

    Z(phi) = d/ds <0| L_1(phi, s) L_2(phi, s) ... L_n(phi, s) |0> at s = 0,

with ``L`` of :mod:`.lax` (the product runs over the auxiliary space, site 1 leftmost).
At ``s = 0`` the vacuum element is ``sin(phi)^n`` times the identity, and its
``s``-derivative is a sum of strings ``sigma^-_x (..) sigma^+_y`` plus
``eta cos(phi) sin(phi)^(n-1) S^z``.  For the open chain ``[H, Z(phi)]`` is a sum of
two one-site operators at the ends; for the ring, ``d/ds tr_a L_1 .. L_n`` commutes
with ``H`` exactly for every ``s`` (the quotient module of :mod:`.lax` is a
representation).  The derivative is exact: the MPO of the pair ``(L, dL/ds)`` in a
doubled auxiliary space.  Memory ``O(m 4^n)``: meant for ``n <= 8``.
"""

from __future__ import annotations

import numpy as np

from symness.quasilocal.lax import lax, lax_s_derivative
from symness.validation import require_int

__all__ = ["charge", "ring_charge", "matrix_product_operator"]


def _doubled(phi: complex, s: complex, ell: int, m: int) -> np.ndarray:
    """Auxiliary ``[[L, dL/ds], [0, L]]``: products carry the derivative in the corner."""
    a, da = lax(phi, s, ell, m), lax_s_derivative(phi, s, ell, m)
    out = np.zeros((2, 2, 2 * m, 2 * m), dtype=complex)
    out[:, :, :m, :m] = a
    out[:, :, :m, m:] = da
    out[:, :, m:, m:] = a
    return out


def matrix_product_operator(tensor: np.ndarray, n: int, starts) -> dict:
    """``{(k0, k): <k0| A_1 .. A_n |k>}`` as dense ``2^n x 2^n`` operators, ``k0`` in ``starts``.

    ``tensor[a, b, k, k']`` is the same on every site; site 1 is the leftmost factor.
    """
    n = require_int(n, "n", minimum=1, maximum=10)
    units = [[np.zeros((2, 2)) for _ in range(2)] for _ in range(2)]
    for a in range(2):
        for b in range(2):
            units[a][b][a, b] = 1.0
    result = {}
    for k0 in starts:
        row = {k0: np.ones((1, 1), dtype=complex)}
        for _ in range(n):
            new: dict = {}
            for k, op in row.items():
                for a in range(2):
                    for b in range(2):
                        grown = None
                        for k2 in np.flatnonzero(tensor[a, b, k]):
                            if grown is None:
                                grown = np.kron(op, units[a][b])
                            term = tensor[a, b, k, k2] * grown
                            new[k2] = term if k2 not in new else new[k2] + term
            row = new
        result.update({(k0, k): op for k, op in row.items()})
    return result


def charge(phi: complex, ell: int, m: int, n: int, *, s: complex = 0) -> np.ndarray:
    """``Z(phi) = d/ds <0|L(phi, s)^{(x) n}|0>`` at ``s`` (default 0), dense ``2^n x 2^n``."""
    ops = matrix_product_operator(_doubled(phi, s, ell, m), n, starts=(0,))
    return ops.get((0, m), np.zeros((2**n, 2**n), dtype=complex))


def ring_charge(phi: complex, ell: int, m: int, n: int, *, s: complex = 0) -> np.ndarray:
    """``d/ds tr_a L(phi, s)^{(x) n}`` at ``s`` (periodic chain), dense ``2^n x 2^n``."""
    ops = matrix_product_operator(_doubled(phi, s, ell, m), n, starts=range(m))
    zero = np.zeros((2**n, 2**n), dtype=complex)
    return sum((ops.get((k, m + k), zero) for k in range(m)), zero)
