"""Zeroth order when ``L0 = -i[H0, .]`` and ``L1 = -i[H1, .]``: the paper's own route.

Ishida & Sugita (2022), eqs. (25)-(33): diagonalise ``H0``; inside each eigenspace
``E_n`` diagonalise ``H1`` (degenerate perturbation theory, (25)-(27)).  In the basis
``|E_{n,k}>`` so obtained, ``Ker L0`` is spanned by ``|E_{n,k}><E_{n,l}|`` (29) and
``Ker P0 L1 P0`` by ``|E_{n,k}><E_{n,k}|`` (33) provided the ``E_{n,k}`` are
non-degenerate (the assumption after (27), checked here).  The zeroth order (47) is
then a ``d x d`` problem for populations instead of a ``d^2 x d^2`` one: for 8 spins
the Liouvillian has dimension 65,536 but ``P1 L2 P1`` only 256.

With ``degenerate="effective"`` levels with equal ``(E_n, e_k)`` are grouped, ``P1``
also contains their coherences, and the reduced generator is
``P1 (L2 - L1 (Q0 L0 Q0)^-1 L1) P1`` (see :mod:`.series`), which equals ``P1 L2 P1``
whenever identity (44) holds.  ``L2`` is any superoperator acting on row-major
``vec(rho)`` (a sparse matrix).  Float64 throughout.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from symness.perturbation.degenerate import degenerate_levels
from symness.perturbation.kernel import GAP_TOL, ZERO_TOL, KernelError, certified_null_vector
from symness.perturbation.series import NonDegeneracyError
from symness.validation import ParameterError

#: Unit roundoff of float64, ``2**-53``.
UNIT_ROUNDOFF = 2.0**-53

__all__ = ["LevelBasis", "level_basis", "hamiltonian_zeroth_order",
           "zeroth_order_with_condition"]


@dataclass(frozen=True)
class LevelBasis:
    """The basis ``|E_{n,k}>`` (columns of ``vectors``) with ``E_n`` and ``e_k^{(n)}``.

    ``cluster`` labels the ``H0`` eigenspace ``n`` of each vector; ``level`` labels
    classes of equal ``(E_n, e_k)`` (all distinct in the non-degenerate case);
    ``scale = ||H0||_inf + ||H1||_inf`` is the unit of the gap thresholds.
    """

    vectors: np.ndarray
    e0: np.ndarray
    e1: np.ndarray
    cluster: np.ndarray
    level: np.ndarray
    scale: float = 1.0

    @property
    def nondegenerate(self) -> bool:
        """True when every ``E_{n,k}`` is simple (the paper's assumption after (27))."""
        return len(np.unique(self.level)) == len(self.level)


def level_basis(h0, h1, *, zero_tol: float = ZERO_TOL, gap_tol: float = GAP_TOL) -> LevelBasis:
    """Eigenvectors of ``H0`` rotated to diagonalise ``H1`` in each eigenspace (25)-(27).

    Gaps below ``zero_tol * scale`` are degeneracies; gaps between ``zero_tol`` and
    ``gap_tol`` (relative to ``scale = ||H0|| + ||H1||``) raise :class:`KernelError`
    as undecidable in float64.
    """
    h0 = np.asarray(h0.toarray() if sp.issparse(h0) else h0, dtype=complex)
    h1 = np.asarray(h1.toarray() if sp.issparse(h1) else h1, dtype=complex)
    scale = np.abs(h0).sum(axis=1).max() + np.abs(h1).sum(axis=1).max()
    e0, v0 = np.linalg.eigh(h0)
    cluster = degenerate_levels(e0, zero_tol * scale).label
    _check_gaps(e0, gap_tol * scale, zero_tol * scale, "H0")
    vectors = np.empty_like(v0)
    e1 = np.empty(len(e0))
    level = np.empty(len(e0), dtype=int)
    next_label = 0
    for c in np.unique(cluster):
        idx = np.flatnonzero(cluster == c)
        block = v0[:, idx]
        w, rot = np.linalg.eigh(block.conj().T @ h1 @ block)
        _check_gaps(w, gap_tol * scale, zero_tol * scale,
                    f"H1 in the H0 eigenspace E={e0[idx[0]]:g}")
        vectors[:, idx] = block @ rot
        e1[idx] = w
        sub = degenerate_levels(w, zero_tol * scale).label
        level[idx] = sub + next_label
        next_label += sub.max() + 1
    return LevelBasis(vectors=vectors, e0=e0, e1=e1, cluster=cluster, level=level,
                      scale=float(scale))


def _check_gaps(values: np.ndarray, gap: float, zero: float, what: str) -> None:
    diffs = np.diff(np.sort(values))
    bad = diffs[(diffs > zero) & (diffs < gap)]
    if bad.size:
        raise KernelError(f"eigenvalue gap {bad.min():.3e} of {what} is neither zero nor "
                          "resolvable in float64")


def hamiltonian_zeroth_order(h0, h1, l2, *, degenerate: str = "raise",
                             zero_tol: float = ZERO_TOL, gap_tol: float = GAP_TOL,
                             chunk: int = 32) -> np.ndarray:
    """Return ``rho_0`` of (45)-(47) for ``L0 = -i[H0,.]``, ``L1 = -i[H1,.]``, superoperator ``L2``.

    Parameters
    ----------
    h0, h1 : (d, d) Hermitian arrays or sparse matrices
    l2 : (d^2, d^2) sparse matrix acting on row-major ``vec(rho)``, or a list of pairs
        ``(X, S)`` of (d, d) arrays for ``L2 rho = -sum ([X, S rho] + h.c.)`` (the
        Redfield form (7)); the pairs never build a ``d^2 x d^2`` matrix (any ``d``
        whose dense ``d x d`` algebra fits).
    degenerate : {"raise", "effective"}
        Raise :class:`~symness.perturbation.series.NonDegeneracyError` if some
        ``E_{n,k}`` coincide (paper's assumption), or use the effective generator.
    chunk : int
        Number of basis operators pushed through ``l2`` at once (memory bound).

    Returns
    -------
    (d, d) ndarray
        Hermitian, unit-trace zeroth-order state.
    """
    return zeroth_order_with_condition(h0, h1, l2, degenerate=degenerate, zero_tol=zero_tol,
                                       gap_tol=gap_tol, chunk=chunk)[0]


def zeroth_order_with_condition(h0, h1, l2, *, degenerate: str = "raise",
                                zero_tol: float = ZERO_TOL, gap_tol: float = GAP_TOL,
                                chunk: int = 32) -> tuple[np.ndarray, float]:
    """``(rho_0, kappa)``: :func:`hamiltonian_zeroth_order` and its condition number.

    ``kappa`` is an a-priori error model.  Two float64 steps set the accuracy of
    ``rho_0``: the rotation to the levels ``|E_{n,k}>`` inside each ``H0`` eigenspace,
    whose error is ``u ||H|| / delta`` with ``delta`` the smallest nonzero gap between
    the ``e_k`` of one eigenspace (Davis-Kahan), and the null vector of ``M2``, whose
    error is ``u ||M2||_2 / sigma_{k-1}(M2)`` (Wedin; ``sigma_{k-1}`` is the smallest
    nonzero singular value) for the rounding of ``M2`` plus the a-posteriori angle bound
    ``||M2 y|| / sigma_{k-1}`` of the computed null vector ``y``
    (:func:`~symness.perturbation.kernel.certified_null_vector`).
    ``kappa = ||H|| / delta + ||M2||_2 / sigma_{k-1} + angle / u``, so that the Frobenius
    error of ``rho_0`` is of order ``u kappa``, ``u = 2**-53``.
    """
    basis, pa, pb, m2 = _reduced_problem(h0, h1, l2, degenerate, zero_tol, gap_tol, chunk)
    u = basis.vectors
    y, s, angle = certified_null_vector(m2, zero_tol=zero_tol, gap_tol=gap_tol)
    diag = pa == pb
    trace = y[diag].sum()
    if abs(trace) < zero_tol:
        raise KernelError("the zeroth-order kernel vector is traceless: cannot normalise")
    coeff = np.zeros((len(u), len(u)), dtype=complex)
    coeff[pa, pb] = y / trace
    rho = u @ coeff @ u.conj().T
    gaps = [np.diff(np.sort(basis.e1[basis.cluster == c])) for c in np.unique(basis.cluster)]
    gaps = np.concatenate(gaps)
    gaps = gaps[gaps > zero_tol * basis.scale]
    rotation = basis.scale / gaps.min() if gaps.size else 0.0
    return 0.5 * (rho + rho.conj().T), float(rotation + s[0] / s[-2] + angle / UNIT_ROUNDOFF)


def _reduced_problem(h0, h1, l2, degenerate: str, zero_tol: float, gap_tol: float,
                     chunk: int):
    """``(basis, pa, pb, M2)``: the level basis, the kept pairs and the reduced generator."""
    if degenerate not in ("raise", "effective"):
        raise ParameterError(f"'degenerate' must be 'raise' or 'effective' (got {degenerate!r})")
    basis = level_basis(h0, h1, zero_tol=zero_tol, gap_tol=gap_tol)
    if not basis.nondegenerate and degenerate == "raise":
        raise NonDegeneracyError("some levels E_{n,k} = E_n + lam e_k coincide (assumption after "
                                 "eq. (27) fails); use degenerate='effective'")
    u = basis.vectors
    pairs = [(a, b) for a in range(len(u)) for b in range(len(u))
             if basis.level[a] == basis.level[b]]
    pa = np.array([p[0] for p in pairs])
    pb = np.array([p[1] for p in pairs])
    if isinstance(l2, (list, tuple)):
        m2 = _reduced_pairs(u, l2, pa, pb)
    else:
        m2 = _reduced_l2(u, sp.csr_matrix(l2), pa, pb, chunk)
    if not basis.nondegenerate:
        m2 = m2 - _second_order(u, h1, basis, pa, pb)
    return basis, pa, pb, m2

def _reduced_pairs(u, pairs, pa, pb) -> np.ndarray:
    """``<E_a'| L2(|E_a><E_b|) |E_b'>`` for ``L2 rho = -sum([X, S rho] + h.c.)`` (7).

    ``<a'|D(|a><b|)|b'> = -(XS)_{a'a} d_{bb'} + S_{a'a} X_{bb'} - d_{a'a} (S^†X)_{bb'}
    + X_{a'a} (S^†)_{bb'}`` in the level basis (rows ``(a', b')``, columns ``(a, b)``).
    """
    out = np.zeros((len(pa), len(pa)), dtype=complex)
    same_b = pb[:, None] == pb[None, :]
    same_a = pa[:, None] == pa[None, :]
    for x, s in pairs:
        x = u.conj().T @ np.asarray(x.toarray() if sp.issparse(x) else x) @ u
        s = u.conj().T @ np.asarray(s.toarray() if sp.issparse(s) else s) @ u
        sd = s.conj().T
        rows, cols = np.ix_(pa, pa), np.ix_(pb, pb)
        out += (-np.where(same_b, (x @ s)[rows], 0) + s[rows] * x.T[cols]
                - np.where(same_a, (sd @ x).T[cols], 0) + x[rows] * sd.T[cols])
    return out


def _reduced_l2(u, l2, pa, pb, chunk: int) -> np.ndarray:
    """``<E_a'| L2(|E_a><E_b|) |E_b'>`` for all listed pairs (rows and columns)."""
    d = u.shape[0]
    out = np.empty((len(pa), len(pa)), dtype=complex)
    for start in range(0, len(pa), chunk):
        cols = range(start, min(start + chunk, len(pa)))
        vecs = np.stack([np.kron(u[:, pa[j]], u[:, pb[j]].conj()) for j in cols], axis=1)
        images = l2 @ vecs
        for k, j in enumerate(cols):
            rot = u.conj().T @ images[:, k].reshape(d, d) @ u
            out[:, j] = rot[pa, pb]
    return out


def _second_order(u, h1, basis: LevelBasis, pa, pb) -> np.ndarray:
    """``<E_a'| L1 (Q0 L0 Q0)^-1 L1 (|E_a><E_b|) |E_b'>`` (the term of identity (44))."""
    h1 = np.asarray(h1.toarray() if sp.issparse(h1) else h1, dtype=complex)
    ht = u.conj().T @ h1 @ u
    e = basis.e0
    diff = e[:, None] - e[None, :]
    other = basis.cluster[:, None] != basis.cluster[None, :]
    inv = np.where(other, 1.0 / np.where(other, diff, 1.0), 0.0)
    out = np.empty((len(pa), len(pa)), dtype=complex)
    for j, (a, b) in enumerate(zip(pa, pb)):
        # G0 L1 |a><b| = yc <b| + |a> yr^T: divide by -i(E_i - E_j) across H0 eigenspaces
        yc = ht[:, a] * inv[:, b]
        yr = -ht[b, :] * inv[a, :]
        hy = ht @ yc
        yh = yr @ ht
        val = ht[pa, a] * yr[pb] - yc[pa] * ht[b, pb]
        val = val + np.where(pb == b, hy[pa], 0.0) - np.where(pa == a, yh[pb], 0.0)
        out[:, j] = -1j * val
    return out
