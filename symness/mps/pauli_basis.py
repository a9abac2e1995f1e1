"""The Pauli-string basis of operator space used by the vectorised density-matrix MPS.

A density matrix on ``L`` spins is stored through its Pauli coefficients::

    rho = 2^{-L} sum_P c_P P,        c_P = tr(P rho) = <P>,

with ``P = P_{a_1} ⊗ ... ⊗ P_{a_L}``, local index ``a = 0, 1, 2, 3`` for ``1, sigma^x,
sigma^y, sigma^z`` (site 0 leftmost).  Hermitian ``rho`` has real ``c_P`` and every Lindblad
generator is a real matrix in this basis, so the MPS is real (half the memory and about a
quarter of the flops of the complex ``|a><b|`` basis).  The U(1) charge of the issue
(``|up><down| -> +1``) is not used for block sparsity: in the real Pauli basis ``sigma^x``
and ``sigma^y`` mix the charges ``+1`` and ``-1``.  ``tr rho = c_{0...0}``.
"""

from __future__ import annotations

from functools import lru_cache, reduce

import numpy as np

from symness.operators.sparse import PAULI
from symness.validation import ParameterError

__all__ = ["LOCAL_BASIS", "pauli_strings", "superoperator_to_pauli", "operator_weights",
           "product_coefficients"]

#: Local basis ``1, sigma^x, sigma^y, sigma^z``.
LOCAL_BASIS = (PAULI["I"], PAULI["X"], PAULI["Y"], PAULI["Z"])


@lru_cache(maxsize=8)
def pauli_strings(k: int) -> np.ndarray:
    """All ``4**k`` Pauli strings on ``k`` sites, shape ``(4**k, 2**k, 2**k)``, index base 4."""
    out = np.array([reduce(np.kron, [LOCAL_BASIS[(idx // 4 ** (k - 1 - s)) % 4]
                                     for s in range(k)]) for idx in range(4**k)])
    out.setflags(write=False)
    return out


def superoperator_to_pauli(superop, k: int, *, atol: float = 1e-12) -> np.ndarray:
    """Matrix ``M_{QP} = tr(Q S(P)) / 2^k`` of a row-major-vec superoperator on ``k`` sites.

    ``S`` is a ``(4**k, 4**k)`` matrix acting on ``vec(rho)`` (as returned by
    :func:`symness.lindblad.liouvillian.liouvillian`).  The result is real for every
    Hermiticity-preserving map; a larger imaginary part than ``atol`` raises.
    """
    strings = pauli_strings(k)
    cols = strings.reshape(4**k, -1).T                       # vec(P) as columns
    rows = np.transpose(strings, (0, 2, 1)).reshape(4**k, -1)  # vec(Q^T) as rows
    s = np.asarray(superop.todense() if hasattr(superop, "todense") else superop)
    m = rows @ s @ cols / 2**k
    if np.abs(m.imag).max() > atol:
        raise ParameterError("'superop' must preserve Hermiticity (its Pauli matrix is complex)")
    return np.ascontiguousarray(m.real)


def operator_weights(op: np.ndarray) -> np.ndarray:
    """Weights ``w_P = tr(O P) / 2^k`` with ``<O> = sum_P w_P c_P``; shape ``(4,)*k``, real.

    ``O`` must be Hermitian (real expectation values).
    """
    op = np.asarray(op, dtype=complex)
    k = int(round(np.log2(op.shape[0])))
    w = np.einsum("ij,pji->p", op, pauli_strings(k)) / 2**k
    if np.abs(w.imag).max() > 1e-12:
        raise ParameterError("the operator must be Hermitian")
    return w.real.reshape((4,) * k)


def product_coefficients(rho_site: np.ndarray) -> np.ndarray:
    """Pauli coefficients ``(tr rho, <sx>, <sy>, <sz>)`` of a one-site density matrix."""
    return np.array([np.trace(p @ rho_site).real for p in LOCAL_BASIS])
