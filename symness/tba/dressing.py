"""Dressing, root densities and effective velocities of a macrostate.

Dressing of a function f_j(lambda) in the state with fillings theta_j (the linear
equation behind the Bethe-Takahashi equations sigma_j rho_j^t = a_j - sum_k T_jk * rho_k):

    f_j^dr = f_j - sum_k T_jk * (sigma_k theta_k f_k^dr).

Then (Bertini et al. 2016, eqs. (3), (12), (14); Takahashi 1999, eq. (9.44)):

* total density   rho_j^t = sigma_j a_j^dr = -sigma_j (k_j')^dr / (2 pi),
* root density    rho_j = theta_j rho_j^t,  hole density rho_j^h = (1 - theta_j) rho_j^t,
* velocity        v_j = (e_j')^dr / (k_j')^dr, the lattice group velocity (sites/time, J = 1)
                  in the direction of increasing site index.

On the grid the dressing is the linear system (1 + K diag(sigma theta)) f^dr = f, solved by
GMRES with the FFT convolution of ``quadrature.Convolution`` (relative residual 1e-14;
non-convergence raises :class:`TBAConvergenceError`).  Functions that tend to constants
(the magnetisation n_j) are dressed with :func:`dress_constant`, valid when the filling
is constant (infinite temperature).
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import scipy.sparse.linalg as spla

from symness.tba.bare import bare_charge_derivative, bare_momentum_derivative, string_a
from symness.tba.kernels import kernel_integrals
from symness.tba.quadrature import Convolution
from symness.tba.thermal import Macrostate, TBAConvergenceError

__all__ = ["Dressing", "dress_constant"]


class Dressing:
    """Dressing operator, densities and velocities of one macrostate.

    Parameters
    ----------
    state : Macrostate
    kernel : Convolution, optional
        Convolution operator of ``state.grid`` (pass it to reuse it across many states).
    guess : tuple of ndarray, optional
        Starting vectors for GMRES: previous (k')^dr and (e')^dr of a nearby state.
    rtol : float
        Relative residual of the GMRES solves.
    """

    def __init__(self, state: Macrostate, kernel: Convolution | None = None, *,
                 guess: tuple[np.ndarray, np.ndarray] | None = None,
                 rtol: float = 1e-14) -> None:
        self.state = state
        self.lam = state.grid.points
        content = state.content
        self.sigma = np.array(content.signs, dtype=float)[:, None]
        self._conv = Convolution(content, state.grid) if kernel is None else kernel
        self._weights = self.sigma * state.filling
        shape = self._weights.shape
        size = self._weights.size

        def matvec(x: np.ndarray) -> np.ndarray:
            y = x.reshape(shape)
            return (y + self._conv(self._weights * y)).ravel()

        self._operator = spla.LinearOperator((size, size), matvec=matvec, dtype=float)
        self._guess, self._rtol = guess, rtol

    def dress(self, f: np.ndarray, *, x0: np.ndarray | None = None) -> np.ndarray:
        """f^dr for f of shape (s, N); ``x0`` is an optional starting guess for f^dr."""
        f = np.asarray(f, dtype=float)
        rtol = self._rtol
        scale = float(np.max(np.abs(f))) or 1.0
        start = None if x0 is None else np.asarray(x0, dtype=float).ravel() / scale
        sol, info = spla.gmres(self._operator, f.ravel() / scale, x0=start, rtol=rtol,
                               atol=0.0, restart=80, maxiter=20)
        if info != 0:
            raise TBAConvergenceError(f"dressing: GMRES did not reach rtol={rtol:.0e} "
                                      f"(info={info})")
        return sol.reshape(f.shape) * scale

    @cached_property
    def _dressed_derivatives(self) -> tuple[np.ndarray, np.ndarray]:
        c = self.state.content
        g_k, g_e = self._guess if self._guess is not None else (None, None)
        return (self.dress(bare_momentum_derivative(c, self.lam), x0=g_k),
                self.dress(bare_charge_derivative(c, self.lam, 1), x0=g_e))

    @property
    def dressed_derivatives(self) -> tuple[np.ndarray, np.ndarray]:
        """((k')^dr, (e')^dr), e.g. as the GMRES guess of a nearby state."""
        return self._dressed_derivatives

    @property
    def total_density(self) -> np.ndarray:
        """rho_j^t = sigma_j a_j^dr, shape (s, N)."""
        return -self.sigma * self._dressed_derivatives[0] / (2 * np.pi)

    @property
    def root_density(self) -> np.ndarray:
        """rho_j = theta_j rho_j^t, shape (s, N)."""
        return self.state.filling * self.total_density

    @property
    def velocity(self) -> np.ndarray:
        """v_j = (e_j')^dr / (k_j')^dr, shape (s, N)."""
        kdr, edr = self._dressed_derivatives
        return edr / kdr


def dress_constant(state: Macrostate, values: np.ndarray) -> np.ndarray:
    """Dress constants c_j when the filling is constant: (1 + I diag(sigma theta)) c^dr = c.

    I_jk = int T_jk (closed form); uses ``state.filling_inf``.
    """
    content = state.content
    sigma = np.array(content.signs, dtype=float)
    mat = np.eye(content.species) + kernel_integrals(content) * (sigma * state.filling_inf)[None]
    return np.linalg.solve(mat, np.asarray(values, dtype=float))


def bare_a(state: Macrostate) -> np.ndarray:
    """a_j on the grid of ``state`` (convenience for tests)."""
    return string_a(state.content, state.grid.points)
