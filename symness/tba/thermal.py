"""Thermal states: the Yang-Yang (TBA) equations at inverse temperature beta and field h.

For the thermal state exp(-beta (H - h S^z))/Z the fillings theta_j = 1/(1 + eta_j) solve
(Takahashi 1999, eq. (9.49); derived from the free-energy functional with the constraint
sigma_j rho_j^t = a_j - sum_k T_jk * rho_k):

    ln eta_j(lambda) = beta e_j(lambda) + beta h n_j + sum_k sigma_k T_jk * ln(1 + 1/eta_k),

with the free energy per site

    f = Delta/4 - h/2 - T sum_j sigma_j int a_j(lambda) ln(1 + 1/eta_j(lambda)) dlambda.

Because e_j -> 0 at |lambda| -> oo, eta_j tends to constants eta_j^oo, which solve the
algebraic equations obtained with int T_jk = I_jk (``kernels.kernel_integrals``).  The
solver subtracts them, so the grid only carries functions decaying like exp(-2|lambda|),
and the convolution of the constant part is exact.  beta = 0 with mu = beta h fixed
(infinite temperature) is the case where the fillings are constants.

The nonlinear equations are iterated (fixed point with Anderson mixing) until the sup-norm
change of ln eta is below ``tol``; otherwise :class:`TBAConvergenceError` is raised.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from symness.tba.bare import bare_charge, magnetisation, string_a
from symness.tba.kernels import kernel_integrals
from symness.tba.quadrature import Convolution, RapidityGrid, refined
from symness.tba.strings import StringContent
from symness.validation import ParameterError, SolverError, require_real

__all__ = ["TBAConvergenceError", "Macrostate", "ThermalState", "asymptotic_log_eta",
           "thermal_state", "infinite_temperature_state", "gge_state"]


class TBAConvergenceError(SolverError):
    """An iteration of the TBA or GHD equations did not reach its tolerance (CLI: exit 1)."""


@dataclass(frozen=True, eq=False)
class Macrostate:
    """A stationary state given by its fillings theta_j(lambda) on a rapidity grid.

    Attributes
    ----------
    content : StringContent
    grid : RapidityGrid
    filling : ndarray, shape (s, N)
        theta_j(lambda_i) = rho_j / (rho_j + rho_j^h).
    filling_inf : ndarray, shape (s,)
        theta_j at |lambda| -> oo (used to dress constant functions).
    """

    content: StringContent
    grid: RapidityGrid
    filling: np.ndarray
    filling_inf: np.ndarray


@dataclass(frozen=True, eq=False)
class ThermalState(Macrostate):
    """A solved thermal state, with its convergence record.

    Attributes
    ----------
    beta, mu : float
        Inverse temperature and mu = beta h.
    log_eta : ndarray, shape (s, N)
    beta_free_energy : float
        beta f per site (see module docstring).
    iterations : int
    residual : float
        Sup-norm change of ln eta in the last iteration.
    """

    beta: float = 0.0
    mu: float = 0.0
    log_eta: np.ndarray = field(default=None, repr=False)
    beta_free_energy: float = math.nan
    iterations: int = 0
    residual: float = math.nan


def _log1p_inv_exp(x: np.ndarray) -> np.ndarray:
    """ln(1 + e^{-x}) without overflow."""
    return np.logaddexp(0.0, -x)


def asymptotic_log_eta(content: StringContent, mu: float, *, tol: float = 1e-15,
                       max_iter: int = 200) -> np.ndarray:
    """Ln eta_j^oo solving x_j = mu n_j + sum_k I_jk sigma_k ln(1 + e^{-x_k}) (Newton)."""
    ints = kernel_integrals(content)
    sig = np.array(content.signs, dtype=float)
    n = magnetisation(content)
    x = mu * n + 1.0
    for it in range(max_iter):
        resid = x - mu * n - ints @ (sig * _log1p_inv_exp(x))
        jac = np.eye(len(x)) + ints * (sig / (1.0 + np.exp(x)))[None, :]
        step = np.linalg.solve(jac, resid)
        x = x - step
        if np.max(np.abs(step)) < tol * max(1.0, np.max(np.abs(x))):
            return x
    raise TBAConvergenceError(f"asymptotic TBA equations: no convergence after {max_iter} "
                              f"Newton steps (|step| = {np.max(np.abs(step)):.2e})")


def _solve(content: StringContent, charges: dict[int, float], mu: float, grid: RapidityGrid,
           tol: float,
           max_iter: int, kernel: Convolution | None = None) -> ThermalState:
    lam = grid.points
    s, npts = content.species, lam.size
    sig = np.array(content.signs, dtype=float)[:, None]
    x_inf = asymptotic_log_eta(content, mu)
    l_inf = _log1p_inv_exp(x_inf)[:, None]
    drive = x_inf[:, None] + sum(b * bare_charge(content, lam, n) for n, b in charges.items())
    conv = Convolution(content, grid) if kernel is None else kernel
    x = drive.copy()
    history_x, history_f = [], []
    residual = math.inf
    for it in range(1, max_iter + 1):
        g = drive + conv(sig * (_log1p_inv_exp(x) - l_inf))
        f = g - x
        residual = float(np.max(np.abs(f)))
        if residual < tol:
            x = g
            break
        # Anderson mixing (depth 5) on the fixed-point map x -> g(x)
        history_x.append(x.ravel().copy())
        history_f.append(f.ravel().copy())
        if len(history_x) > 5:
            history_x.pop(0)
            history_f.pop(0)
        if len(history_f) > 1:
            df = np.diff(np.array(history_f), axis=0).T
            dx = np.diff(np.array(history_x), axis=0).T
            coef, *_ = np.linalg.lstsq(df, f.ravel(), rcond=None)
            x = (x.ravel() + f.ravel() - (dx + df) @ coef).reshape(s, npts)
        else:
            x = g
    else:
        raise TBAConvergenceError(f"Yang-Yang equations ({charges=}, {mu=}): no convergence "
                                  f"to {tol:.1e} after {max_iter} iterations "
                                  f"(residual {residual:.2e})")
    l_full = _log1p_inv_exp(x)
    a = string_a(content, lam)
    from symness.tba.kernels import a_integral

    a_int = np.array([a_integral(n, v, content.gamma)
                      for n, v in zip(content.lengths, content.parities)])
    entropy_term = float(np.sum(sig[:, 0] * (l_inf[:, 0] * a_int
                                             + grid.integrate(a * (l_full - l_inf)))))
    beta = charges.get(1, 0.0)
    # -(1/L) ln Tr exp(-sum_n beta_n Q_n + mu S^z), plus beta Delta/4 for H = Q_1 + Delta L/4
    bf = beta * content.delta / 4 - mu / 2 - entropy_term
    return ThermalState(content=content, grid=grid, filling=1.0 / (1.0 + np.exp(x)),
                        filling_inf=1.0 / (1.0 + np.exp(x_inf)), beta=beta, mu=mu,
                        log_eta=x, beta_free_energy=bf, iterations=it, residual=residual)


def thermal_state(content: StringContent, beta: float, h: float = 0.0, *,
                  grid: RapidityGrid | None = None, tol: float = 1e-13,
                  max_iter: int = 500) -> ThermalState:
    """Solve the Yang-Yang equations for exp(-beta (H - h S^z)).

    Parameters
    ----------
    content : StringContent
    beta : float
        Inverse temperature, >= 0 (J = 1).
    h : float
        Magnetic field coupling to S^z = sum_l s^z_l.
    grid : RapidityGrid, optional
    tol : float
        Sup-norm tolerance on the change of ln eta between iterations.

    Returns
    -------
    ThermalState
        Raises :class:`TBAConvergenceError` if the iteration does not converge.

    References
    ----------
    Takahashi (1999), eqs. (9.49)-(9.50); Bertini et al. (2016), Supplemental Material.
    """
    beta = float(require_real(beta, "beta", minimum=0))
    h = float(require_real(h, "h"))
    return _solve(content, {1: beta}, beta * h, grid or RapidityGrid(), tol, max_iter)


def infinite_temperature_state(content: StringContent, mu: float = 0.0, *,
                               grid: RapidityGrid | None = None) -> ThermalState:
    """Solve the state exp(mu S^z)/Z (beta = 0, beta h = mu): constant fillings."""
    mu = float(require_real(mu, "mu"))
    return _solve(content, {}, mu, grid or RapidityGrid(), 1e-14, 10)


def gge_state(content: StringContent, charges: dict[int, float], mu: float = 0.0, *,
              grid: RapidityGrid | None = None, tol: float = 1e-13,
              max_iter: int = 500) -> ThermalState:
    """Generalized Gibbs state exp(-sum_n beta_n Q_n + mu S^z)/Z of the local charges.

    Parameters
    ----------
    charges : dict
        {n: beta_n} for Q_n^(1/2) (n = 1 is H - Delta L/4, n = 2 is -J_E); the driving
        term of the Yang-Yang equation is sum_n beta_n q_{n,j}(lambda) + mu n_j.
    mu : float
        Chemical potential of S^z.

    Returns
    -------
    ThermalState
        ``beta_free_energy`` is -(1/L) ln Tr of the GGE weight with Q_1 = H (i.e. it
        includes beta_1 Delta/4), as for :func:`thermal_state`.
    """
    charges = {int(n): float(require_real(b, f"beta_{n}")) for n, b in charges.items()}
    if any(n < 1 for n in charges):
        raise ParameterError(f"'charges' keys must be integers >= 1 (got {sorted(charges)})")
    return _solve(content, charges, float(require_real(mu, "mu")), grid or RapidityGrid(), tol,
                  max_iter)


def grid_error(content: StringContent, beta: float, h: float, grid: RapidityGrid) -> float:
    """Estimated quadrature error of beta f: |difference to the refined grid|."""
    coarse = thermal_state(content, beta, h, grid=grid)
    fine = thermal_state(content, beta, h, grid=refined(grid))
    return abs(coarse.beta_free_energy - fine.beta_free_energy)
