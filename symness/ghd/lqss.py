"""The locally quasi-stationary state of the partitioning protocol (paper eqs. (15)-(16)).

Joining a left state theta^L and a right state theta^R at x = 0, the state on the ray
zeta = x/t has fillings (Bertini et al. 2016, eq. (16); Castro-Alvaredo, Doyon, Yoshimura,
PRX 6, 041065 (2016))

    theta_{zeta,j}(lambda) = theta^L_j(lambda)  if v_{zeta,j}(lambda) > zeta,
                             theta^R_j(lambda)  otherwise,

with v_{zeta,j} the effective velocity in the state theta_zeta itself (``tba.dressing``).
Solved by iteration: v from the current fillings, new fillings from (16), until the sup-
norm change of the fillings is below ``tol`` (else :class:`TBAConvergenceError`).

Quadrature of the step: on the uniform grid, theta at node i is replaced by its average
over the cell [lambda_i - h/2, lambda_i + h/2], the crossing points v = zeta being located
by linear interpolation of v between nodes.  This makes the trapezoid rule for integrals
against the discontinuous filling second order in h (instead of first order), and the
profiles continuous in zeta (no "ripples").
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


def cell_fraction_positive(u: np.ndarray) -> np.ndarray:
    """Fraction of each grid cell where the piecewise-linear interpolant of ``u`` is > 0.

    ``u`` has shape (s, N); cells are centred on the nodes (half cells at both ends).
    """
    mid = 0.5 * (u[:, 1:] + u[:, :-1])
    left = np.concatenate([u[:, :1], mid], axis=1)    # value at lambda_i - h/2
    right = np.concatenate([mid, u[:, -1:]], axis=1)  # value at lambda_i + h/2
    return 0.5 * (_segment_fraction(left, u) + _segment_fraction(u, right))


def _segment_fraction(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Fraction of a linear segment from value a to value b that is > 0."""
    with np.errstate(invalid="ignore", divide="ignore"):
        cross = np.where(a > 0, a / (a - b), b / (b - a))
    return np.where((a > 0) & (b > 0), 1.0,
                    np.where((a <= 0) & (b <= 0), 0.0, cross))


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
