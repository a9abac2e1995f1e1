"""The Markovian case, eqs. (3)-(5), and the scaling (12)-(15), on a small dense example.

For a Lindblad perturbation ``eps L1`` of ``L0 = -i[H0, .]`` with non-degenerate
``H0`` every conserved quantity is a combination of the projectors
``C_i = |i><i|`` onto eigenstates; the GGE (1) with all of them is
``rho0 = sum_i p_i |i><i|``.  Eq. (3), ``Tr(C_i L1 rho0) = 0``, is then the
population master equation with rates ``W_ij = sum_k |<i|L_k|j>|^2``.  The
projector (4) uses ``d rho0/d lambda_i = -p_i C_i + p_i rho0`` and
``chi_ii' = p_i delta_ii' - p_i p_i'``; one projector is dropped because
``sum_i C_i = 1`` makes ``chi`` singular.  Everything is dense (``d <= 16``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.linalg as sla

from symness.lindblad.liouvillian import liouvillian, vec
from symness.validation import ParameterError

__all__ = ["MarkovianGGE", "markovian_gge", "gge_projector", "exact_steady_state_dense"]


@dataclass(frozen=True)
class MarkovianGGE:
    """``rho0`` of eq. (3) in the eigenbasis of ``H0`` and the superoperators ``L0``, ``L1``."""

    populations: np.ndarray
    l0: np.ndarray
    l1: np.ndarray

    @property
    def rho0(self) -> np.ndarray:
        """``rho0 = sum_i p_i |i><i|`` (eigenbasis of ``H0``)."""
        return np.diag(self.populations).astype(complex)


def _null_vector(matrix: np.ndarray) -> np.ndarray:
    """Right singular vector of the smallest singular value."""
    return sla.svd(matrix)[2][-1].conj()


def markovian_gge(h0: np.ndarray, jumps, *, min_gap: float = 1e-6) -> MarkovianGGE:
    """Solve eq. (3) for the complete GGE of a non-degenerate ``h0`` and jump operators ``jumps``.

    ``L1 rho = sum_k (L_k rho L_k^dagger - {L_k^dagger L_k, rho}/2)`` (standard
    normalisation of :func:`symness.lindblad.liouvillian.liouvillian`).
    Raises ``ParameterError`` if two levels of ``h0`` are closer than ``min_gap``.
    """
    energy, vectors = np.linalg.eigh(np.asarray(h0, dtype=complex))
    if np.diff(energy).min() < min_gap:
        raise ParameterError(f"'h0' must be non-degenerate (level gap {np.diff(energy).min():.1e}"
                             f" < {min_gap})")
    rotated = [vectors.conj().T @ np.asarray(op, dtype=complex) @ vectors for op in jumps]
    l0 = liouvillian(np.diag(energy), (), dissipator="standard").toarray()
    l1 = liouvillian(np.zeros_like(rotated[0]), rotated, dissipator="standard").toarray()
    d = len(energy)
    pop = [i * d + i for i in range(d)]
    p = np.real(_null_vector(l1[np.ix_(pop, pop)]))  # eq. (3): populations block of L1
    return MarkovianGGE(populations=p / p.sum(), l0=l0, l1=l1)


def gge_projector(populations: np.ndarray) -> np.ndarray:
    """Super-projector ``P`` of eq. (4) for ``rho0 = sum_i p_i |i><i|`` (row-major vec).

    Charges ``C_i = |i><i|`` for ``i < d - 1`` (``C_{d-1}`` is ``1 - sum`` of the others).
    """
    p = np.asarray(populations, dtype=float)
    d = len(p)
    rho0 = vec(np.diag(p))
    charges = [vec(np.diag(np.eye(d)[i])) for i in range(d - 1)]
    derivs = np.array([p[i] * (rho0 - c) for i, c in enumerate(charges)]).T  # d rho0/d lambda_i
    chi = np.diag(p[:-1]) - np.outer(p[:-1], p[:-1])
    traces = np.array(charges)  # Tr(C_i X) = <c_i, vec X> for real diagonal C_i
    return -derivs @ np.linalg.solve(chi, traces)


def exact_steady_state_dense(l0: np.ndarray, l1: np.ndarray, eps: float) -> np.ndarray:
    """Trace-one zero mode of ``L0 + eps L1`` (dense SVD), as a ``(d, d)`` matrix."""
    v = _null_vector(l0 + eps * l1)
    d = int(round(np.sqrt(len(v))))
    rho = v.reshape(d, d)
    return rho / np.trace(rho)
