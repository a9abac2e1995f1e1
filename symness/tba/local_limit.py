"""The K -> oo limit of the truncated GGEs: the local-charge GGE with a given 1-string hole density.

At Delta = cos(pi/3) (species (1, +), (2, +), (1, -)) every GGE of the local charges,
exp(-sum_n beta_n Q_n) with mu = 0, obeys Takahashi's partially decoupled TBA equations
with a source in the 1-string equation only:

    ln eta_2 = s * ln(1 + eta_1),     eta_3 = 1 / eta_2,
    s(lambda) = 1 / (2 gamma cosh(pi lambda / gamma)),

with eta_2 free of zeros and poles in |Im lambda| < gamma/2 (Takahashi 1999, ch. 9; the
same relation is the Y-system of ``string_charge``, module docstring 4).  The local
charges fix the 1-string hole density rho_1^h only (string-charge duality: they are the
Taylor coefficients of the spin-1/2 generating function x_1 at u = i gamma/2,
``string_charge`` module docstring 1-2).  So the truncated GGEs of Q_1, Q_3, ..,
Q_{2K-1} (``truncated_gge``) can at best converge, as K -> oo, to the state that has the
exact rho_1^h = D_1 and the local-GGE structure above - not to the exact steady state,
whose eta_2 has zeros or poles in the strip (Neel: a double pole at 0).

:func:`local_limit_state` constructs that state: given D_1 it solves, for the 1-string
filling theta_1, the fixed point

    theta_1 = 1 - D_1 / rho_1^t[theta_1, theta_2, theta_3],
    theta_2 = 1 / (1 + eta_2),  theta_3 = eta_2 / (1 + eta_2),  ln eta_2 = s * (-ln theta_1),

with rho^t from the Bethe-Takahashi equations (``dressing``).  The convolution with s uses
the trapezoid rule on the grid after splitting off the constant asymptote of
ln(1 + eta_1) (int s = 1/2, exact), so the truncation of the grid costs only the decaying
part.  Checked (``tests/tba/test_local_limit.py``): fed the D_1 of a truncated GGE, it
returns that GGE's fillings for all three species; fed the exact D_1 of a quench, it
reproduces the exact <q_n> of every local charge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from scipy.signal import fftconvolve

from symness.tba.dressing import Dressing
from symness.tba.quadrature import Convolution
from symness.tba.strings import StringContent
from symness.tba.thermal import Macrostate, TBAConvergenceError
from symness.validation import ParameterError

__all__ = ["s_convolution", "local_limit_state", "LocalLimit"]


def s_convolution(values: np.ndarray, step: float, gamma: float) -> np.ndarray:
    """(s * f)(lambda_i) on a uniform symmetric grid, f tending to equal constants at +-oo.

    The constant f(+-oo) (taken as the mean of the two end values) is convolved exactly
    (int s = 1/2); the rest by the trapezoid rule (FFT).
    """
    n = values.size
    tail = 0.5 * (values[0] + values[-1])
    diffs = step * np.arange(1 - n, n)
    kernel = step / (2 * gamma * np.cosh(np.pi * diffs / gamma))
    return 0.5 * tail + fftconvolve(values - tail, kernel, mode="valid")


@dataclass(frozen=True, eq=False)
class LocalLimit:
    """The local-charge GGE with a prescribed rho_1^h.

    Attributes
    ----------
    state : Macrostate
    iterations : int
    residual : float
        Sup-norm change of rho_1 = theta_1 rho_1^t in the last iteration, relative to
        max rho_1^t.
    hole_error : float
        max |rho_1^h - D_1| at the solution.
    """

    state: Macrostate
    iterations: int
    residual: float
    hole_error: float


def _fillings(theta1: np.ndarray, step: float, gamma: float) -> np.ndarray:
    log_eta2 = s_convolution(-np.log(theta1), step, gamma)
    theta2 = 1 / (1 + np.exp(log_eta2))
    return np.array([theta1, theta2, 1 - theta2])


def local_limit_state(content: StringContent, hole_density: np.ndarray, grid, *,
                      start: np.ndarray | None = None, tol: float = 1e-12,
                      max_iter: int = 300) -> LocalLimit:
    """Local-charge GGE whose 1-string hole density is ``hole_density`` (module docstring).

    Parameters
    ----------
    content : StringContent
        Must be gamma = pi/3.
    hole_density : ndarray, shape (N,)
        D_1 = rho_1^h on ``grid`` (e.g. ``string_charge.hole_dualities(...)[0]``).
    grid : RapidityGrid
    start : ndarray, optional
        Starting theta_1 (default 1/2).
    tol : float
        Tolerance on the sup-norm change of rho_1 = theta_1 rho_1^t relative to max rho_1^t
        (Anderson-mixed fixed point).  Measured in rho_1, not theta_1: where rho_1^t ~
        e^{-2 |lambda|} is near the rounding of the dressing (|lambda| ~ cutoff), theta_1
        is fixed only to ~1e-7, which changes no density.

    Returns
    -------
    LocalLimit
        Raises :class:`TBAConvergenceError` if ``tol`` is not reached.
    """
    if content.gamma_over_pi != Fraction(1, 3):
        raise ParameterError(f"'gamma/pi' must be 1/3: the decoupled equations used are those "
                             f"of gamma = pi/3 (got {content.gamma_over_pi})")
    holes = np.asarray(hole_density, dtype=float)
    if holes.shape != (grid.size,):
        raise ParameterError(f"'hole_density' must have the grid's shape ({grid.size},) "
                             f"(got {holes.shape})")
    g, kernel = content.gamma, Convolution(content, grid)
    x = np.full(grid.size, 0.5) if start is None else np.asarray(start, dtype=float).copy()
    hist_x, hist_f = [], []
    residual = math.inf
    for it in range(1, max_iter + 1):
        fill = _fillings(x, grid.step, g)
        total = Dressing(Macrostate(content, grid, fill, fill[:, -1].copy()), kernel)
        rho_t = total.total_density[0]
        new = 1 - holes / rho_t
        f = new - x
        residual = float(np.max(np.abs(f * rho_t)) / np.max(rho_t))
        if residual < tol:
            fill = _fillings(new, grid.step, g)
            state = Macrostate(content, grid, fill, fill[:, -1].copy())
            err = float(np.max(np.abs((1 - new) * Dressing(state, kernel).total_density[0]
                                      - holes)))
            return LocalLimit(state, it, residual, err)
        hist_x.append(x.copy())
        hist_f.append(f.copy())
        del hist_x[:-5], hist_f[:-5]
        if len(hist_f) > 1:   # Anderson mixing (depth 5), as in ``thermal``
            df = np.diff(np.array(hist_f), axis=0).T
            dx = np.diff(np.array(hist_x), axis=0).T
            coef, *_ = np.linalg.lstsq(df, f, rcond=None)
            x = x + f - (dx + df) @ coef
        else:
            x = new
        x = np.clip(x, 1e-300, 1.0)
    raise TBAConvergenceError(f"local-limit GGE: no convergence to {tol:.0e} after {max_iter} "
                              f"iterations (residual {residual:.2e})")
