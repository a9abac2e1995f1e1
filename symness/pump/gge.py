"""Truncated generalised Gibbs ensemble ``rho0 ~ exp(-sum_i lambda_i C_i)`` and its Newton solve.

The charges ``C_1 .. C_{N_C - 1}`` plus the conserved spin current ``J_S^c``
(eq. (18)) are diagonalised together with ``H0``: inside every multiplet of
equal energy and momentum the charges (and then ``J_S``) are diagonalised, so
that ``|m>`` are simultaneous eigenstates ``|n~>`` and ``J_S^c = sum |n~><n~|J_S|n~><n~|``.
The Lagrange parameters solve ``g(lambda) = Tr(C L rho0) = 0`` (``chi F = 0`` of
eq. (10)) by damped Newton iteration with the analytic Jacobian.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from symness.models.xxz_ring import Eigensystem
from symness.perturbation.degenerate import degenerate_levels
from symness.pump.exact_steady_state import DEGENERACY_TOL
from symness.pump.forces import force_terms
from symness.validation import SolverError

__all__ = ["CommonBasis", "common_basis", "GGESolution", "solve_gge"]


@dataclass(frozen=True)
class CommonBasis:
    """Simultaneous eigenbasis: ``rotation[m]`` maps the ``H0`` eigenbasis to ``|n~>``.

    ``rotate(M)`` returns ``V^dagger M V`` for an eigenbasis matrix ``M``; ``V`` is
    block diagonal over multiplets, stored as a list of ``(indices, block)``.
    """

    blocks: tuple[tuple[np.ndarray, np.ndarray], ...]

    def rotate(self, mat: np.ndarray) -> np.ndarray:
        """``V^dagger M V`` (a copy)."""
        out = np.array(mat, dtype=complex, copy=True)
        for idx, v in self.blocks:
            out[idx, :] = v.conj().T @ out[idx, :]
        for idx, v in self.blocks:
            out[:, idx] = out[:, idx] @ v
        return out


def common_basis(eigen: Eigensystem, charges_eig: list[np.ndarray], current_eig: np.ndarray,
                 tol: float = DEGENERACY_TOL) -> CommonBasis:
    """Diagonalise the charges, then ``J_S``, inside each degenerate (E, k) multiplet.

    ``charges_eig`` and ``current_eig`` are eigenbasis matrices of ``H0``.  A fixed
    generic combination ``sum_i c_i C_i`` with incommensurate ``c_i`` separates
    the charges' joint eigenspaces; ``J_S`` is diagonalised in what remains.
    """
    groups = degenerate_levels(eigen.energy, tol, sectors=eigen.momentum).groups()
    weights = np.sqrt(np.arange(2, 2 + len(charges_eig)) + 0.5)
    blocks = []
    for idx in groups:
        if len(idx) == 1:
            continue
        mix = sum(w * c[np.ix_(idx, idx)] for w, c in zip(weights, charges_eig))
        vals, vecs = np.linalg.eigh((mix + mix.conj().T) / 2)
        js = vecs.conj().T @ current_eig[np.ix_(idx, idx)] @ vecs
        # within joint charge eigenspaces diagonalise J_S
        cuts = np.flatnonzero(np.diff(vals) > 1e-8 * max(1.0, np.abs(vals).max())) + 1
        for sub in np.split(np.arange(len(idx)), cuts):
            if len(sub) > 1:
                _, w = np.linalg.eigh((js[np.ix_(sub, sub)] + js[np.ix_(sub, sub)].conj().T) / 2)
                vecs[:, sub] = vecs[:, sub] @ w
        blocks.append((idx, vecs))
    return CommonBasis(blocks=tuple(blocks))


@dataclass(frozen=True)
class GGESolution:
    """Stationary truncated GGE with its convergence report."""

    lam: np.ndarray
    rho: np.ndarray
    iterations: int
    residual_history: tuple[float, ...]
    chi_condition: float
    #: Ratio steps of the continuation used to reach this point (0: direct Newton).
    continuation: int = 0

    def expect(self, diag_values: np.ndarray) -> float:
        """``Tr(rho0 O)`` for ``O`` diagonal in the common basis (its diagonal given)."""
        return float(self.rho @ np.real(diag_values))


def solve_gge(charges: np.ndarray, w: np.ndarray, lam0: np.ndarray, *, tol: float = 1e-11,
              max_iter: int = 60) -> GGESolution:
    """Solve ``chi F = g(lambda) = 0`` by damped Newton iteration.

    Parameters
    ----------
    charges : (n_c, D) array
        ``C_{i,m}`` in the common eigenbasis.
    w : (D, D) array
        Rate matrix of :func:`symness.pump.forces.rate_matrix`.
    lam0 : (n_c,) array
        Starting point (e.g. the thermal state ``beta = 1/T_ph``).
    tol : float
        Convergence when ``||chi^-1 g|| <= tol`` (the force norm, in units of
        lambda per unit time) relative to ``max(1, ||W||)``.

    Raises
    ------
    SolverError
        If ``max_iter`` iterations do not reach ``tol``.
    """
    lam = np.array(lam0, dtype=float)
    scale = max(1.0, float(np.abs(w).sum(axis=0).max()))
    history = []

    def evaluate(x):
        # trial points far out may collapse rho onto one charge eigenspace (chi singular,
        # overflow): such points are rejected by the line search, not reported
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            _, g, chi, jac = force_terms(x, charges, w)
            try:
                force = float(np.linalg.norm(np.linalg.solve(chi, g))) / scale
            except np.linalg.LinAlgError:
                force = np.inf
        return (force if np.isfinite(force) else np.inf), g, chi, jac

    norm, g, chi, jac = evaluate(lam)
    for it in range(max_iter + 1):
        history.append(norm)
        if norm <= tol:
            rho, *_ = force_terms(lam, charges, w)
            return GGESolution(lam=lam, rho=rho, iterations=it, residual_history=tuple(history),
                               chi_condition=float(np.linalg.cond(chi)))
        if it == max_iter:
            break
        step = np.linalg.lstsq(jac, -g, rcond=None)[0]
        merit, t = float(np.linalg.norm(g)), 1.0  # Newton on g is a descent direction of |g|
        while t > 1e-8:
            new = evaluate(lam + t * step)
            if np.isfinite(new[0]) and np.linalg.norm(new[1]) < merit:
                break
            t /= 2
        else:
            break
        lam = lam + t * step
        norm, g, chi, jac = new
    raise SolverError(f"GGE Newton iteration did not converge: force norm {norm:.2e} > {tol:.0e} "
                       f"after {len(history)} iterations (history {history[-4:]})")


def diagonal_values(basis: CommonBasis, op_eig: np.ndarray | sp.spmatrix) -> np.ndarray:
    """Diagonal of ``V^dagger O V`` without forming the full rotated matrix."""
    diag = np.array(np.real(np.diag(op_eig)), dtype=float)
    for idx, v in basis.blocks:
        diag[idx] = np.real(np.einsum("ij,ik,kj->j", v.conj(), op_eig[np.ix_(idx, idx)], v))
    return diag
