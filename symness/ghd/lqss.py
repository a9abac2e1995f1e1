"""The locally quasi-stationary state of the partitioning protocol (paper eqs. (15)-(16)).

Joining a left state theta^L and a right state theta^R at x = 0, the state on the ray
zeta = x/t has fillings (Bertini et al. 2016, eq. (16); Castro-Alvaredo, Doyon, Yoshimura,
PRX 6, 041065 (2016))

    theta_{zeta,j}(lambda) = theta^L_j(lambda)  if v_{zeta,j}(lambda) > zeta,
                             theta^R_j(lambda)  otherwise,

with v_{zeta,j} the effective velocity in the state theta_zeta itself (``tba.dressing``).
Solved by iteration: v from the current fillings, new fillings from (16), until the sup-
norm change of the fillings is below ``tol`` (else :class:`TBAConvergenceError`).

Quadrature of the step: the crossing points v = zeta are located on the cubic interpolant
of v, and the trapezoid weights next to them are replaced by the exact integrals of the
piecewise-cubic interpolant over the covered part (:func:`cell_fraction_positive`).  This
makes integrals against the discontinuous filling fourth order in the step h (the plain
trapezoid rule would be first order), and the profiles continuous in zeta (no "ripples").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from symness.tba.dressing import Dressing
from symness.tba.quadrature import Convolution
from symness.tba.thermal import Macrostate, TBAConvergenceError

__all__ = ["RaySolution", "cell_fraction_positive", "solve_ray"]


@dataclass(frozen=True, eq=False)
class RaySolution:
    """The LQSS on one ray, with its convergence record."""

    zeta: float
    state: Macrostate
    dressing: Dressing
    iterations: int
    residual: float


#: Lagrange basis on the nodes t = -1, 0, 1, 2 of a cell [0, 1] (t in units of the step),
#: as power-series coefficients, and the coefficients of its antiderivatives.
_BASIS = np.array([np.polynomial.polynomial.polyfromroots(r) / d
                   for r, d in (((0, 1, 2), -6.0), ((-1, 1, 2), 2.0), ((-1, 0, 2), -2.0),
                                ((-1, 0, 1), 6.0))])
_ANTI = np.array([np.polynomial.polynomial.polyint(c) for c in _BASIS])
#: Integrals of the basis over a full cell: (-1/24, 13/24, 13/24, -1/24).
_FULL = np.polynomial.polynomial.polyval(1.0, _ANTI.T)


def _cell_roots(values: np.ndarray) -> np.ndarray:
    """Roots in [0, 1] of the cubic through (t, values) at t = -1, 0, 1, 2."""
    roots = np.polynomial.polynomial.polyroots(values @ _BASIS)
    real = roots[np.abs(roots.imag) < 1e-12].real
    return np.sort(real[(real >= 0) & (real <= 1)])


def cell_fraction_positive(u: np.ndarray) -> np.ndarray:
    """Effective indicator chi_eff of {u > 0} on the grid, for 4th-order quadrature.

    ``u`` has shape (s, N) on a uniform grid.  The weights h * chi_eff integrate the
    piecewise-cubic interpolant (4-point Lagrange stencil per cell) of any smooth g exactly
    over the set where the cubic interpolant of u is positive:
    sum_i h chi_eff_i g_i = int_{u > 0} g + O(h^4).  Away from the crossings chi_eff is
    exactly 0 or 1 (the weights reduce to the trapezoid rule); next to a crossing it may
    lie slightly outside [0, 1] (it is a quadrature weight, not a filling).  The two cells
    at each end of the grid use the linear interpolant (the integrands vanish there).
    """
    s, n = u.shape
    out = np.zeros_like(u, dtype=float)
    cells = np.arange(n - 1)
    for j in range(s):
        positive = u[j] > 0
        covered = (positive[:-1] & positive[1:]).astype(float)
        partial = np.flatnonzero(positive[:-1] != positive[1:])
        segments = []  # (cell, start, end) of the covered parts of cells with a crossing
        for c in partial:
            roots = _cell_roots(u[j, c - 1:c + 3]) if 0 < c < n - 2 else np.array([])
            if roots.size == 0:  # linear fallback (grid edge or no cubic root in the cell)
                roots = np.array([u[j, c] / (u[j, c] - u[j, c + 1])])
            edges = np.concatenate([[0.0], roots, [1.0]])
            inside = bool(positive[c])
            for a, b in zip(edges[:-1], edges[1:]):
                if inside:
                    segments.append((c, a, b))
                inside = not inside
        # the two edge cells use the linear (trapezoid) interpolant: no 4-point stencil fits
        for c in (0, n - 2):
            if covered[c]:
                segments.append((c, 0.0, 1.0))
                covered[c] = 0.0
        weights = np.zeros(n)
        for k in range(4):
            weights += np.bincount(np.clip(cells + k - 1, 0, n - 1), covered * _FULL[k],
                                   minlength=n)
        for c, a, b in segments:
            if c in (0, n - 2):
                weights[c] += (b - a) - (b * b - a * a) / 2
                weights[c + 1] += (b * b - a * a) / 2
            else:
                weights[c - 1:c + 3] += (np.polynomial.polynomial.polyval(b, _ANTI.T)
                                         - np.polynomial.polynomial.polyval(a, _ANTI.T))
        out[j] = weights
    return out


def solve_ray(zeta: float, left: Macrostate, right: Macrostate, *, kernel: Convolution,
              initial: np.ndarray | None = None, guess: tuple | None = None,
              tol: float = 1e-10, max_iter: int = 100) -> RaySolution:
    """Solve eq. (16) on the ray ``zeta`` by iteration.

    Parameters
    ----------
    zeta : float
        The ray x/t.
    left, right : Macrostate
        Boundary states on the same grid and string content.
    kernel : Convolution
        Convolution operator of the grid (``tba.quadrature.Convolution``).
    initial : ndarray, optional
        Starting fillings (e.g. the solution on a neighbouring ray).
    guess : tuple of ndarray, optional
        Dressed (k')^dr, (e')^dr of a neighbouring ray (GMRES starting vectors).
    tol : float
        Sup-norm tolerance on the change of the fillings.

    Returns
    -------
    RaySolution
    """
    filling = 0.5 * (left.filling + right.filling) if initial is None else initial
    residual = np.inf
    for it in range(1, max_iter + 1):
        state = Macrostate(left.content, left.grid, filling, left.filling_inf)
        dressing = Dressing(state, kernel, guess=guess, rtol=min(1e-10, tol))
        guess = dressing.dressed_derivatives
        frac = cell_fraction_positive(dressing.velocity - zeta)
        new = frac * left.filling + (1.0 - frac) * right.filling
        residual = float(np.max(np.abs(new - filling)))
        if residual < tol:
            # the state whose velocities reproduce its own fillings to within tol, dressed
            # to full precision (GMRES warm-started from the loose solves of the iteration)
            final = Dressing(state, kernel, guess=guess)
            return RaySolution(zeta, state, final, it, residual)
        filling = new
    raise TBAConvergenceError(f"LQSS on ray zeta={zeta}: no convergence to {tol:.1e} after "
                              f"{max_iter} iterations (residual {residual:.2e})")
