"""Lindblad generators as sparse superoperators, and their action on matrices.

Two dissipator normalisations are supported and must be chosen explicitly:

``"prosen"``  (Prosen 2011, eq. (1)):
    ``D[L] rho = 2 L rho L^† - {L^† L, rho}``
``"standard"`` (Lindblad/GKSL, as in qutip):
    ``D[L] rho = L rho L^† - (1/2) {L^† L, rho}``

so ``D_prosen[L] = D_standard[sqrt(2) L]``.

Vectorisation convention (row-major, numpy's ``rho.reshape(-1)``):
``vec(rho)[a * d + b] = rho[a, b]``, hence ``vec(A rho B) = (A ⊗ B^T) vec(rho)``.
(qutip uses column stacking, ``vec(A rho B) = (B^T ⊗ A) vec(rho)``; convert with
``rho.T.reshape(-1)`` when comparing vectors.)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from symness.validation import ParameterError, require_choice

__all__ = ["DISSIPATORS", "liouvillian", "apply_liouvillian", "vec", "unvec",
           "jump_weight"]

#: Dissipator conventions: name -> factor ``w`` in ``w (L rho L^†) - (w/2) {L^† L, rho}``.
DISSIPATORS: dict[str, float] = {"prosen": 2.0, "standard": 1.0}


def jump_weight(dissipator: str) -> float:
    """Factor ``w`` of ``w L rho L^† - (w/2){L^†L, rho}`` for the named convention."""
    return DISSIPATORS[require_choice(dissipator, "dissipator", tuple(DISSIPATORS))]


def vec(rho: np.ndarray) -> np.ndarray:
    """Row-major vectorisation ``rho[a, b] -> v[a*d + b]``."""
    return np.asarray(rho).reshape(-1)


def unvec(v: np.ndarray) -> np.ndarray:
    """Inverse of :func:`vec` for a square matrix."""
    d = int(round(np.sqrt(v.size)))
    if d * d != v.size:
        raise ParameterError(f"'v' must have a square length (got {v.size})")
    return np.asarray(v).reshape(d, d)


def _as_csr(op) -> sp.csr_matrix:
    return sp.csr_matrix(op, dtype=complex)


def liouvillian(hamiltonian, jumps: Sequence = (), *, dissipator: str) -> sp.csr_matrix:
    """Sparse Lindblad generator ``L`` with ``d vec(rho)/dt = L vec(rho)``.

    ``L rho = -i[H, rho] + sum_k w (L_k rho L_k^† - (1/2){L_k^† L_k, rho})``
    with ``w`` = 2 (``dissipator="prosen"``, Prosen (2011), eq. (1)) or 1
    (``"standard"``).  Row-major vectorisation (module docstring).

    Parameters
    ----------
    hamiltonian : (d, d) array or sparse matrix
    jumps : sequence of (d, d) arrays or sparse matrices
    dissipator : {"prosen", "standard"}
        Keyword-only and required: the normalisation is never implicit.

    Returns
    -------
    scipy.sparse.csr_matrix
        ``(d**2, d**2)`` complex generator.
    """
    w = jump_weight(dissipator)
    h = _as_csr(hamiltonian)
    d = h.shape[0]
    eye = sp.identity(d, dtype=complex, format="csr")
    gen = -1j * (sp.kron(h, eye) - sp.kron(eye, h.T))
    for op in jumps:
        a = _as_csr(op)
        ada = (a.conj().T @ a).tocsr()
        gen = gen + w * (sp.kron(a, a.conj()) - 0.5 * sp.kron(ada, eye) - 0.5 * sp.kron(eye, ada.T))
    return sp.csr_matrix(gen)


def apply_liouvillian(hamiltonian, jumps: Sequence, rho: np.ndarray, *,
                      dissipator: str) -> np.ndarray:
    """``L(rho)`` computed with matrix products (no superoperator is built)."""
    w = jump_weight(dissipator)
    h = _as_csr(hamiltonian)
    out = -1j * (h @ rho - (h.T @ rho.T).T)
    for op in jumps:
        a = _as_csr(op)
        ada = (a.conj().T @ a).tocsr()
        a_rho = a @ rho
        out = out + w * ((a.conj() @ a_rho.T).T - 0.5 * (ada @ rho) - 0.5 * (ada.T @ rho.T).T)
    return np.asarray(out)
