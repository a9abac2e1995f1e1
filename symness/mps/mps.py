"""A real matrix product state of Pauli coefficients (vectorised density matrix).

``c_{a_1..a_L} = A[0][:, a_1, :] A[1][:, a_2, :] ... A[L-1][:, a_L, :]`` with tensors of shape
``(chi_left, 4, chi_right)`` (see :mod:`symness.mps.pauli_basis` for the basis).  The state
is kept in mixed canonical form around ``center``: tensors left of it are left-orthonormal,
right of it right-orthonormal, so a two-site SVD truncation at the center is optimal in
the Hilbert-Schmidt norm (Vidal / TeNPy TEBD).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.linalg as la

from symness.mps.pauli_basis import product_coefficients
from symness.validation import ParameterError

__all__ = ["PauliMPS", "product_state", "expectations", "unnormalised_expectations",
           "qr_economic"]


def qr_economic(mat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``mat = q r``, ``q`` of shape ``(m, min(m, n))`` (scipy's LAPACK geqrf/orgqr).

    Measured on one core for ``512 x 128`` (the ``L = 32, chi = 128`` sweeps): 2.9 ms
    against 5.3 ms for :func:`numpy.linalg.qr`, same factorisation.
    """
    return la.qr(mat, mode="economic", check_finite=False)


@dataclass
class PauliMPS:
    """Tensors ``(chi_l, 4, chi_r)``, orthogonality center, discarded-weight and step record."""

    tensors: list[np.ndarray]
    center: int = 0
    discarded_sum: float = 0.0
    discarded_max: float = 0.0
    steps: int = 0
    evolution_time: float = 0.0

    @property
    def length(self) -> int:
        """Number of sites."""
        return len(self.tensors)

    @property
    def bond_dimensions(self) -> list[int]:
        """``chi`` of the ``L - 1`` bonds."""
        return [t.shape[2] for t in self.tensors[:-1]]

    def move_center(self, target: int) -> None:
        """QR sweeps moving the orthogonality center to ``target``."""
        while self.center < target:
            c = self.center
            a = self.tensors[c]
            q, r = qr_economic(a.reshape(-1, a.shape[2]))
            self.tensors[c] = q.reshape(a.shape[0], 4, q.shape[1])
            self.tensors[c + 1] = np.tensordot(r, self.tensors[c + 1], axes=(1, 0))
            self.center += 1
        while self.center > target:
            c = self.center
            a = self.tensors[c]
            q, r = qr_economic(a.reshape(a.shape[0], -1).T)
            self.tensors[c] = q.T.reshape(q.shape[1], 4, a.shape[2])
            self.tensors[c - 1] = np.tensordot(self.tensors[c - 1], r.T, axes=(2, 0))
            self.center -= 1

    def trace(self) -> float:
        """``tr rho = c_{0..0}``."""
        v = np.ones(1)
        for a in self.tensors:
            v = v @ a[:, 0, :]
        return float(v[0])

    def normalize_trace(self) -> float:
        """Rescale the center tensor so that ``tr rho = 1``; returns the old trace."""
        tr = self.trace()
        if not np.isfinite(tr) or tr == 0:
            raise FloatingPointError(f"trace of the MPS density matrix is {tr}")
        self.tensors[self.center] = self.tensors[self.center] / tr
        return tr

    def coefficients(self) -> np.ndarray:
        """All ``4**L`` Pauli coefficients ``c_{a_1..a_L}``, shape ``(4,) * L`` (small ``L``)."""
        n = self.length
        if n > 10:
            raise ParameterError(f"'L' must be <= 10 for dense coefficients (got {n})")
        c = self.tensors[0]
        for a in self.tensors[1:]:
            c = np.tensordot(c, a, axes=(-1, 0))
        return c.reshape((4,) * n)

    def to_dense(self) -> np.ndarray:
        """Dense ``rho`` (small ``L`` only, for tests)."""
        from symness.mps.pauli_basis import pauli_strings

        n = self.length
        return np.tensordot(self.coefficients().reshape(-1), pauli_strings(n),
                            axes=(0, 0)) / 2**n


def product_state(site_states: list[np.ndarray]) -> PauliMPS:
    """Product density matrix ``rho_0 ⊗ rho_1 ⊗ ...`` from one-site density matrices."""
    tensors = [product_coefficients(r).reshape(1, 4, 1) for r in site_states]
    return PauliMPS(tensors=tensors, center=0)


def _environments(mps: PauliMPS) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Left and right contractions with the identity string (partial traces)."""
    n = mps.length
    left = [np.ones(1)]
    for a in mps.tensors:
        left.append(left[-1] @ a[:, 0, :])
    right = [np.ones(1)]
    for a in reversed(mps.tensors):
        right.append(a[:, 0, :] @ right[-1])
    right.reverse()
    assert len(left) == len(right) == n + 1
    return left, right


def unnormalised_expectations(mps: PauliMPS,
                              operators: list[tuple[int, np.ndarray]]) -> np.ndarray:
    """``tr(O X)`` for local operators ``(first_site, weights)`` and the MPS operator ``X``.

    ``weights`` is :func:`symness.mps.pauli_basis.operator_weights` of an operator on
    ``k = weights.ndim`` consecutive sites starting at ``first_site``; ``X`` need not have unit
    trace (a traceless linear-response correction, :mod:`symness.mps.linear_response`).
    """
    left, right = _environments(mps)
    out = np.empty(len(operators))
    for idx, (first, w) in enumerate(operators):
        k = w.ndim
        v = left[first]                                     # (chi,)
        for s in range(k):
            a = mps.tensors[first + s]
            v = np.tensordot(v, a, axes=(-1, 0))           # (..., 4, chi)
        v = v @ right[first + k]                            # (4,)*k
        out[idx] = np.sum(v * w)
    return out


def expectations(mps: PauliMPS, operators: list[tuple[int, np.ndarray]]) -> np.ndarray:
    """``<O>`` for local operators given as ``(first_site, weights)`` (normalised by ``tr rho``).

    See :func:`unnormalised_expectations`.
    """
    return unnormalised_expectations(mps, operators) / mps.trace()
