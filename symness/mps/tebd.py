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
           projection error and is >= the SVD optimum); cost ``O(chi^3)`` in matrix
           products, one QR and a ``chi x 4 chi`` SVD (discarded weight within 2% of the
           SVD optimum).  The small SVD is taken from ``eigh(core core^T)``
           (:func:`_gram_svd`: accurate for every value the truncation keeps) and the QRs
           by scipy's economic QR (:func:`symness.mps.mps.qr_economic`): at ``L = 32,
           chi = 128`` one step took 0.51-0.60 s against 0.70-0.85 s with LAPACK's gesdd
           and numpy's QR (d05ecff), side by side on one core.  Per step against
           ``"svd"`` (same saturated state, rounds alternating on one core of a loaded
           machine; ``symness bench mps``, two runs of session 18): 3.9-4.2x faster
           (rounds 3.4-5.0x) at ``L = 32, chi = 64`` and 4.7-5.0x (4.7-5.4x) at
           ``chi = 128``.
           While a bond is still growing (its dimension below ``min(chi, 4 chi_l, 4 chi_r)``)
           the old basis is too small and the full SVD is used.

Local-observable-preserving truncation (``Truncation.preserve_local``), the density-matrix
truncation of White, Zaletel, Mong and Refael, Phys. Rev. B 97, 035127 (2018), in the Pauli
basis.  With ``t_L`` (``t_R``) the contraction of the tensors left of the bond's first site
(right of its second site) with the identity component (partial traces), the rows
``q = t_L/|t_L| ⊗ 1_4`` and columns ``p = 1_4 ⊗ t_R/|t_R|`` of ``theta`` (a ``4 chi_l x 4 chi_r``
matrix) carry every expectation value of an operator supported on sites ``<= l+1`` (it is
``theta`` applied to a vector of ``span p``) or on sites ``>= l`` (``span q``).  Only
``D = (1 - q q^T) theta (1 - p p^T)`` is truncated (to ``chi - 8`` values, by the route
above); ``theta' = theta - D + D_k`` has rank ``<= chi``, and ``theta' p = theta p``,
``q^T theta' = q^T theta`` exactly (``D_k = U_k U_k^T D`` annihilates ``span p``).  So the
truncation leaves every local density and current of the chain (supports of <= 3 sites
around the bond) unchanged, and continuity is not broken by it; the discarded weight is
``||D - D_k||^2 / ||theta||^2``.  Measured (off by default): at ``L = 10`` (``Delta = 3/2``,
clean, thermal reservoirs, order 4, ``dt = 0.25``) the bulk-current non-uniformity of the
fixed point drops from 1.7e-2 to 2.3e-4 (``chi = 16``), but the largest error against the
exact NESS rises from 5.1e-4 to 3.1e-3 (``chi = 16``; 1.3e-4 vs 1.9e-4 at ``chi = 32``):
only ``chi - 8`` values are left for the rest.  At ``L = 16, chi = 32`` (benchmark chain,
``Delta = 1, h = 0.6``) the truncated map does not settle with either rule (window noise
0.5-1.2e-2, non-uniformity of window means 0.02-0.06).  Cost per step 2.2x the QR route.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import scipy.linalg as la

from symness.mps.mps import PauliMPS, qr_economic
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
    preserve_local: bool = False

    def __post_init__(self) -> None:
        require_int(self.chi, "chi", minimum=16 if self.preserve_local else 1, maximum=4096)
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


def _gram_svd(core: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``core = u diag(s) vt`` for a wide ``core (k, n)``, ``k <= n``, from ``eigh(core core^T)``.

    The eigenvalues are ``s**2`` to an absolute ``~eps s_0**2``, i.e. ``|ds| ~ eps s_0**2 / s``
    (2e-9 at ``s = 1e-7 s_0``; test against gesdd), and the truncation's bookkeeping (the cut
    and the discarded weight) uses the ``s**2`` themselves: a weight of ``trunc_weight = 1e-13``
    is discarded in any case.  ``u`` is orthonormal to rounding, and ``vt = (u^T core) / s``,
    so the kept product ``u_k s_k vt_k = u_k u_k^T core`` (the factor absorbed into the
    neighbour is ``u_k^T core`` to one rounding) is the projection of ``core`` on an
    orthonormal basis whatever the error of a small ``s``: the Gram route's error stays in
    ``s``, never in the reconstruction.  Rows of ``vt`` with ``s = 0`` are 0.
    """
    w, u = la.eigh(core @ core.T, driver="evd", check_finite=False)
    s = np.sqrt(np.maximum(w[::-1], 0.0))
    u = u[:, ::-1]
    vt = np.divide(u.T @ core, s[:, None], out=np.zeros((len(s), core.shape[1])),
                   where=s[:, None] > 0)
    return u, s, vt


def _decompose_qr(mat: np.ndarray, guess: np.ndarray, trunc: Truncation):
    """QR route (module docstring); ``guess (k, n)`` spans the old row space of ``mat``."""
    q, _ = qr_economic(mat @ guess.T)
    u, s, vt = _gram_svd(q.T @ mat)
    keep, discarded = _kept(s, float(np.vdot(mat, mat)), trunc)
    return q @ u[:, :keep], s[:keep], vt[:keep], discarded


def _decompose(mat: np.ndarray, trunc: Truncation, absorb_right: bool, guess: np.ndarray,
               full: int | None = None):
    """``mat ~ u s vt`` by the route of ``trunc`` (``guess``: see :func:`_split`).

    The QR route needs a guess of ``full`` vectors (default ``min(chi, 4 chi_l, 4 chi_r)``).
    """
    cl4, cr4 = mat.shape
    full = min(trunc.chi, cl4, cr4) if full is None else full
    if trunc.update == "qr" and absorb_right and guess.shape[0] == full:
        return _decompose_qr(mat, guess.reshape(full, cr4), trunc)
    if trunc.update == "qr" and not absorb_right and guess.shape[2] == full:
        vt, s, u, discarded = _decompose_qr(mat.T, guess.reshape(cl4, full).T, trunc)
        return u.T, s, vt.T, discarded
    return _decompose_svd(mat, trunc)


def _decompose_local(mat: np.ndarray, trunc: Truncation, absorb_right: bool,
                     guess: np.ndarray, traces: tuple[np.ndarray, np.ndarray]):
    """Local-observable-preserving truncation of ``mat`` (module docstring)."""
    t_l, t_r = traces
    q = np.kron(t_l / np.linalg.norm(t_l), np.eye(4)).T.reshape(-1, 4)   # rows (a, sigma)
    p = np.kron(np.eye(4), t_r / np.linalg.norm(t_r)).T                  # cols (sigma, b)
    qa = q.T @ mat
    b = mat @ p
    b -= q @ (q.T @ b)                                   # (1 - q q^T) theta p
    d = mat - q @ qa - b @ p.T
    total = float(np.vdot(mat, mat))
    u_k, s_k, vt_k, disc = _decompose(d, replace(trunc, chi=trunc.chi - 8, preserve_local=False),
                                      absorb_right, guess, full=trunc.chi)
    w, _ = qr_economic(np.hstack([q, b, u_k]))
    small = (w.T @ q) @ qa + (w.T @ b) @ p.T + ((w.T @ u_k) * s_k) @ vt_k
    u, s, vt = _svd(small)
    keep = max(1, int(np.count_nonzero(s > s[0] * 1e-14)))
    return w @ u[:, :keep], s[:keep], vt[:keep], disc * float(np.vdot(d, d)) / total


def _split(theta: np.ndarray, trunc: Truncation, absorb_right: bool, guess: np.ndarray,
           traces: tuple[np.ndarray, np.ndarray] | None = None):
    """Truncate ``theta (chi_l, 4, 4, chi_r)``; returns the two tensors and discarded weight.

    ``guess`` is the tensor on the far side of the bond before the gate (right tensor
    ``(k, 4, chi_r)`` when ``absorb_right``, left tensor ``(chi_l, 4, k)`` otherwise);
    ``traces = (t_L, t_R)`` the partial-trace vectors of ``preserve_local`` (module docstring).
    """
    cl, _, _, cr = theta.shape
    mat = theta.reshape(cl * 4, 4 * cr)
    if trunc.preserve_local and min(cl, cr) * 4 > trunc.chi:
        u, s, vt, discarded = _decompose_local(mat, trunc, absorb_right, guess, traces)
    else:
        u, s, vt, discarded = _decompose(mat, trunc, absorb_right, guess)
    keep = len(s)
    if absorb_right:
        left, right = u, s[:, None] * vt
    else:
        left, right = u * s[None, :], vt
    return left.reshape(cl, 4, keep), right.reshape(keep, 4, cr), discarded


def _partial_traces(mps: PauliMPS, bond: int) -> tuple[np.ndarray, np.ndarray]:
    """Identity-component contractions left of site ``bond`` and right of ``bond + 1``."""
    t_l = np.ones(1)
    for a in mps.tensors[:bond]:
        t_l = t_l @ a[:, 0, :]
    t_r = np.ones(1)
    for a in reversed(mps.tensors[bond + 2:]):
        t_r = a[:, 0, :] @ t_r
    return t_l, t_r


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
        traces = _partial_traces(mps, bond) if trunc.preserve_local else None
        left, right, disc = _split(theta, trunc, absorb_right=rightward, guess=guess,
                                   traces=traces)
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
