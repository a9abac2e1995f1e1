"""TEBD for a nearest-neighbour generator ``L = sum_b L_b`` on a Pauli-coefficient MPS.

The bonds are split into the two commuting layers ``A`` (even bonds ``0, 2, ...``) and ``B``
(odd bonds).  A step of length ``dt`` is a product of layer exponentials
``exp(c dt L_A)``, ``exp(c dt L_B)``:

``order=2``  Strang: ``A(dt/2) B(dt) A(dt/2)``, local error ``O(dt^3)``;
``order=4``  Suzuki's fractal ``S2(p dt)^2 S2((1-4p) dt) S2(p dt)^2`` with
             ``p = 1 / (4 - 4^{1/3})`` (Suzuki, Phys. Lett. A 146, 319 (1990)), ``O(dt^5)``.

Adjacent exponentials of the same layer are merged.  Each layer is applied in one sweep of
the orthogonality center (left to right, then right to left for the next layer), and each
two-site gate is followed by a truncated decomposition ``theta ~ U s V^T`` keeping at most
``chi`` values and a discarded relative weight ``||theta - U s V^T||^2 / ||theta||^2 <=
trunc_weight``.  Two routes (``Truncation.update``):

``"svd"``  full SVD of the ``(4 chi_l) x (4 chi_r)`` matrix ``theta``: optimal, ``O(64 chi^3)``.
``"qr"``   QR-based update of Unfried, Hauschild and Pollmann, Phys. Rev. B 107, 155133
           (2023): the bond basis before the gate (the orthonormal tensor on the far side of
           the bond) is the start of one subspace (power) iteration, ``Q = qr(theta V_old)``,
           ``core = Q^T theta`` (``chi x 4 chi_r``); the small SVD of ``core`` gives the
           kept values.  ``theta - Q core`` is orthogonal to ``Q core``, so the discarded
           weight ``(||theta||^2 - sum_kept s^2) / ||theta||^2`` is exact (it includes the
           projection error and is >= the SVD optimum); cost ``O(32 chi^3)`` in matrix
           products and QR (measured 5-6x faster than ``"svd"`` per gate at ``chi = 64``).
           While a bond is still growing (its dimension below ``min(chi, 4 chi_l, 4 chi_r)``)
           the old basis is too small and the full SVD is used.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.linalg as la

from symness.mps.mps import PauliMPS
from symness.validation import require_choice, require_int, require_real

__all__ = ["ORDERS", "UPDATES", "Truncation", "stages", "merge_stages", "GateCache", "apply_stages"]

ORDERS = (2, 4)
UPDATES = ("svd", "qr")
_SUZUKI_P = 1.0 / (4.0 - 4.0 ** (1.0 / 3.0))


@dataclass(frozen=True)
class Truncation:
    """At most ``chi`` values, discarded relative weight <= ``trunc_weight``; route ``update``."""

    chi: int
    trunc_weight: float = 1e-12
    update: str = "svd"

    def __post_init__(self) -> None:
        require_int(self.chi, "chi", minimum=1, maximum=4096)
        require_real(self.trunc_weight, "trunc_weight", minimum=0, maximum=1e-2)
        require_choice(self.update, "update", UPDATES)


def _strang(c: float) -> list[tuple[str, float]]:
    return [("A", c / 2), ("B", c), ("A", c / 2)]


def stages(order: int) -> list[tuple[str, float]]:
    """Layer exponentials ``(layer, coefficient)`` of one step, in time order (unit ``dt``)."""
    require_choice(order, "order", ORDERS)
    if order == 2:
        return _strang(1.0)
    p = _SUZUKI_P
    out: list[tuple[str, float]] = []
    for c in (p, p, 1 - 4 * p, p, p):
        out += _strang(c)
    return merge_stages(out)


def merge_stages(seq: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Merge adjacent exponentials of the same layer (they commute with themselves)."""
    out: list[tuple[str, float]] = []
    for layer, c in seq:
        if out and out[-1][0] == layer:
            out[-1] = (layer, out[-1][1] + c)
        else:
            out.append((layer, c))
    return out


class GateCache:
    """Two-site gates ``exp(c dt L_b)`` as ``(4, 4, 4, 4)`` tensors, cached by ``c dt``.

    Parameters
    ----------
    generators : list of (16, 16) real arrays
        ``L_b`` of bond ``b = (b, b+1)`` in the Pauli basis.
    """

    def __init__(self, generators: list[np.ndarray]):
        self.generators = generators
        self._cache: dict[tuple[str, float], list[np.ndarray]] = {}

    def layer(self, layer: str, tau: float) -> list[tuple[int, np.ndarray]]:
        """``[(bond, gate), ...]`` of one layer for time ``tau``."""
        key = (layer, round(tau, 14))
        if key not in self._cache:
            first = 0 if layer == "A" else 1
            self._cache[key] = [la.expm(tau * self.generators[b]).reshape(4, 4, 4, 4)
                                for b in range(first, len(self.generators), 2)]
        first = 0 if layer == "A" else 1
        return list(zip(range(first, len(self.generators), 2), self._cache[key]))


def _svd(mat: np.ndarray):
    try:
        return la.svd(mat, full_matrices=False, lapack_driver="gesdd", check_finite=False)
    except np.linalg.LinAlgError:  # gesdd occasionally fails to converge; gesvd is robust
        return la.svd(mat, full_matrices=False, lapack_driver="gesvd", check_finite=False)


def _kept(s: np.ndarray, total: float, trunc: Truncation) -> tuple[int, float]:
    """Number of values kept and discarded relative weight.

    ``total = ||theta||^2``; ``total - sum s^2`` (projection error of the QR route, zero up
    to rounding for the full SVD) is discarded in any case.
    """
    if not np.isfinite(total) or total == 0:
        raise FloatingPointError("MPS norm became zero or non-finite during TEBD")
    w = s**2
    lost = max(total - float(w.sum()), 0.0)
    tail = (lost + np.cumsum(w[::-1])[::-1]) / total     # tail[k]: discarded if k kept
    keep = max(1, min(int(np.count_nonzero(tail > trunc.trunc_weight)), trunc.chi))
    return keep, float(tail[keep]) if keep < len(s) else lost / total


def _decompose_svd(mat: np.ndarray, trunc: Truncation):
    u, s, vt = _svd(mat)
    keep, discarded = _kept(s, float(np.sum(s**2)), trunc)
    return u[:, :keep], s[:keep], vt[:keep], discarded


def _decompose_qr(mat: np.ndarray, guess: np.ndarray, trunc: Truncation):
    """QR route (module docstring); ``guess (k, n)`` spans the old row space of ``mat``."""
    q, _ = np.linalg.qr(mat @ guess.T)
    u, s, vt = _svd(q.T @ mat)
    keep, discarded = _kept(s, float(np.vdot(mat, mat)), trunc)
    return q @ u[:, :keep], s[:keep], vt[:keep], discarded


def _split(theta: np.ndarray, trunc: Truncation, absorb_right: bool, guess: np.ndarray):
    """Truncate ``theta (chi_l, 4, 4, chi_r)``; returns the two tensors and discarded weight.

    ``guess`` is the tensor on the far side of the bond before the gate (right tensor
    ``(k, 4, chi_r)`` when ``absorb_right``, left tensor ``(chi_l, 4, k)`` otherwise).
    """
    cl, _, _, cr = theta.shape
    mat = theta.reshape(cl * 4, 4 * cr)
    full = min(trunc.chi, cl * 4, 4 * cr)
    if trunc.update == "qr" and absorb_right and guess.shape[0] == full:
        u, s, vt, discarded = _decompose_qr(mat, guess.reshape(full, 4 * cr), trunc)
    elif trunc.update == "qr" and not absorb_right and guess.shape[2] == full:
        vt, s, u, discarded = _decompose_qr(mat.T, guess.reshape(cl * 4, full).T, trunc)
        u, vt = u.T, vt.T
    else:
        u, s, vt, discarded = _decompose_svd(mat, trunc)
    keep = len(s)
    if absorb_right:
        left, right = u, s[:, None] * vt
    else:
        left, right = u * s[None, :], vt
    return left.reshape(cl, 4, keep), right.reshape(keep, 4, cr), discarded


def _apply_layer(mps: PauliMPS, gates: list[tuple[int, np.ndarray]], trunc: Truncation) -> float:
    """One layer in a single sweep; direction chosen from the center position."""
    rightward = abs(mps.center - gates[0][0]) <= abs(mps.center - gates[-1][0] - 1)
    order = gates if rightward else list(reversed(gates))
    worst = 0.0
    for bond, gate in order:
        mps.move_center(bond if rightward else bond + 1)
        theta = np.tensordot(mps.tensors[bond], mps.tensors[bond + 1], axes=(2, 0))
        theta = np.tensordot(gate, theta, axes=([2, 3], [1, 2])).transpose(2, 0, 1, 3)
        guess = mps.tensors[bond + 1] if rightward else mps.tensors[bond]
        left, right, disc = _split(theta, trunc, absorb_right=rightward, guess=guess)
        mps.tensors[bond], mps.tensors[bond + 1] = left, right
        mps.center = bond + 1 if rightward else bond
        worst = max(worst, disc)
    return worst


def apply_stages(mps: PauliMPS, cache: GateCache, seq: list[tuple[str, float]], dt: float,
                 trunc: Truncation) -> float:
    """Apply the merged stage sequence (coefficients in units of ``dt``) in place.

    Returns the largest discarded weight of a single SVD; ``mps.discarded_sum`` and
    ``mps.discarded_max`` accumulate over the whole run.
    """
    worst = 0.0
    for layer, c in seq:
        gates = cache.layer(layer, c * dt)
        if gates:
            disc = _apply_layer(mps, gates, trunc)
            mps.discarded_sum += disc
            worst = max(worst, disc)
    mps.discarded_max = max(mps.discarded_max, worst)
    return worst
