"""Dressing, root densities and effective velocities of a macrostate.

Dressing of a function f_j(lambda) in the state with fillings theta_j (the linear
equation behind the Bethe-Takahashi equations sigma_j rho_j^t = a_j - sum_k T_jk * rho_k):

    f_j^dr = f_j - sum_k T_jk * (sigma_k theta_k f_k^dr).

Then (Bertini et al. 2016, eqs. (3), (12), (14); Takahashi 1999, eq. (9.44)):

* total density   rho_j^t = sigma_j a_j^dr = -sigma_j (k_j')^dr / (2 pi),
* root density    rho_j = theta_j rho_j^t,  hole density rho_j^h = (1 - theta_j) rho_j^t,
* velocity        v_j = (e_j')^dr / (k_j')^dr, the lattice group velocity (sites/time, J = 1)
                  in the direction of increasing site index.

On the grid the dressing is the linear system (1 + K diag(sigma theta)) f^dr = f; it is
LU-factorised once per macrostate (:class:`Dressing`).  Functions that tend to constants
(the magnetisation n_j) are dressed with :func:`dress_constant`, valid when the filling
is constant (infinite temperature).
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import scipy.linalg as sla

from symness.tba.bare import bare_charge_derivative, bare_momentum_derivative, string_a
from symness.tba.kernels import kernel_integrals
from symness.tba.quadrature import convolution_matrix
from symness.tba.thermal import Macrostate

__all__ = ["Dressing", "dress_constant"]


class Dressing:
    """Dressing operator, densities and velocities of one macrostate.

    Parameters
    ----------
    state : Macrostate
    kernel : ndarray, optional
        Convolution matrix of ``state.grid`` (pass it to reuse it across many states).
    """

    def __init__(self, state: Macrostate, kernel: np.ndarray | None = None) -> None:
        self.state = state
        self.lam = state.grid.points
        content = state.content
        self.sigma = np.array(content.signs, dtype=float)[:, None]
        kmat = convolution_matrix(content, state.grid) if kernel is None else kernel
        weights = (self.sigma * state.filling).ravel()
        self._lu = sla.lu_factor(np.eye(weights.size) + kmat * weights[None, :],
                                 check_finite=False)

    def dress(self, f: np.ndarray) -> np.ndarray:
        """f^dr for f of shape (s, N) (or (m, s, N) for several functions at once)."""
        f = np.asarray(f, dtype=float)
        shape = f.shape
        rhs = f.reshape(-1, shape[-2] * shape[-1]).T
        return sla.lu_solve(self._lu, rhs, check_finite=False).T.reshape(shape)

    @cached_property
    def _dressed_derivatives(self) -> tuple[np.ndarray, np.ndarray]:
        c = self.state.content
        both = self.dress(np.array([bare_momentum_derivative(c, self.lam),
                                    bare_charge_derivative(c, self.lam, 1)]))
        return both[0], both[1]

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
