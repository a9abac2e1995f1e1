"""Generalized TBA (quench-action saddle point) with an overlap driving term, and its check.

For an initial state whose overlaps with the parity-invariant Bethe states {+-lambda_j}
factorise as

    |<psi_0|{+-lambda}>|^2 / <lambda|lambda>  ~  prod_{pairs} h^2(lambda_j)  x  (det ratio),

the quench-action saddle point (Caux & Essler, PRL 110, 257203 (2013); Wouters et al.,
PRL 113, 117202 (2014)) is the Yang-Yang equation of ``thermal`` with the driving term
beta e_j replaced by the string-summed overlap term:

    ln eta_j(lambda) = G_j(lambda) + h n_j + sum_k sigma_k T_jk * ln(1 + 1/eta_k),
    G_j(lambda) = - sum_{a = 1}^{n_j} ln |h^2(lambda_a)|,

with the string members lambda_a = lambda + i gamma (n_j + 1 - 2a)/2 + i pi (1 - v_j)/4
(the parity-invariant states carry half the Yang-Yang entropy and half the overlap
weight, so the factor 1/2 cancels).  h is the Lagrange multiplier of S^z, fixed here by
<s^z> = 0 (both states of Example 2 are spin-flip invariant).

``ln h^2`` is given as ``const + sum_t c_t ln|sinh(s_t mu + i theta_t)|``
(:class:`OverlapFactor`), so that every term is evaluated exactly and its zeros and
poles at lambda = 0 are found exactly: near lambda = 0, G_j = c_j ln|tanh lambda| +
(analytic), and the species with c_j > 0 have eta_j -> 0, i.e. ln(1 + 1/eta_j) has a
logarithmic singularity.  The solver splits it off, -c_j ln|tanh lambda|, and convolves it
with T_jk once, by the trapezoid rule in u = ln|mu| (exponentially convergent, checked
against adaptive quadrature in ``tests/tba``); the remainder is analytic and uses the
FFT convolution of ``quadrature``.

This module does NOT contain a verified steady state (the exact Neel and Bell-pair states
are built by string-charge duality in ``string_charge``).  Its one overlap factor,
:func:`neel_bdwc_candidate`, is the Neel overlap of Brockmann, De Nardis, Wouters & Caux
(J. Phys. A 47, 145003 (2014)), h^2 = tanh(mu + i gamma/2) tanh(mu - i gamma/2) /
(4 sinh^2 2mu), continued from Delta > 1 to Delta = cos(gamma); with the Takahashi-Suzuki
strings at gamma = pi/3 the saddle point misses the exact Neel energy by 0.049 (q_1 =
-0.201 against -1/4), so it is rejected (``tests/tba/test_quench_action.py``,
``symness table bertini2016_example2_exact_qa``).  At Delta = 0 it must fail: the Neel
state has equal overlaps with all states holding one of each pair (k, k + pi), i.e.
theta = 1/2, while the factorised weight 1/(4 sinh^2 2 lambda) is not constant; the
pair exclusion between the two species is not in the factorised formula.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import brentq

from symness.tba.bare import magnetisation
from symness.tba.kernels import a_function, kernel_terms
from symness.tba.quadrature import Convolution, RapidityGrid
from symness.tba.strings import StringContent
from symness.tba.thermal import Macrostate, TBAConvergenceError
from symness.validation import ParameterError

__all__ = ["OverlapFactor", "neel_bdwc_candidate", "string_offsets", "driving_term",
           "log_tanh_convolution", "QuenchActionState", "quench_action_state",
           "zero_magnetisation_state"]

#: A sinh argument s mu + i theta with theta = 0 mod pi (to this accuracy) vanishes at 0.
_ZERO_PHASE = 1e-12


@dataclass(frozen=True)
class OverlapFactor:
    """ln h^2(mu) = ``const`` + sum over ``terms`` (c, s, theta) of c ln|sinh(s mu + i theta)|.

    ``s`` must be 1 or 2 where the term vanishes at a string member on the real axis.
    """

    name: str
    const: float
    terms: tuple[tuple[float, int, float], ...]


def neel_bdwc_candidate(content: StringContent) -> OverlapFactor:
    """The BDWC Neel overlap factor continued to Delta = cos(gamma) (rejected, see module).

    h^2(mu) = tanh(mu + i gamma/2) tanh(mu - i gamma/2) / (4 sinh^2(2 mu)), with tanh x =
    sinh x / sinh(x + i pi/2) up to a phase.
    """
    g = content.gamma
    half = math.pi / 2
    return OverlapFactor("neel-bdwc", -math.log(4.0),
                         ((1, 1, g / 2), (-1, 1, g / 2 + half), (1, 1, -g / 2),
                          (-1, 1, -g / 2 + half), (-2, 2, 0.0)))


def string_offsets(content: StringContent, j: int) -> list[float]:
    """Imaginary parts of the members of species ``j`` (0-based) at real centre 0."""
    n, v = content.lengths[j], content.parities[j]
    return [content.gamma * (n + 1 - 2 * a) / 2 + math.pi * (1 - v) / 4
            for a in range(1, n + 1)]


def _log_abs_sinh(x: np.ndarray, y: float) -> np.ndarray:
    """ln|sinh(x + i y)| = (1/2) ln(sinh^2 x + sin^2 y), without overflow at large |x|."""
    ax = np.abs(x)
    e = np.exp(-2 * ax)
    return math.log(0.5) + ax + 0.5 * np.log((1 - e) ** 2 + 4 * math.sin(y) ** 2 * e)


def _log_sinh_over_tanh(scale: int, lam: np.ndarray) -> np.ndarray:
    """ln|sinh(scale lambda) / tanh(lambda)| (analytic at 0) for scale 1 or 2."""
    if scale == 1:
        return np.log(np.cosh(lam))
    if scale == 2:
        return np.log(2 * np.cosh(lam) ** 2)
    raise ParameterError(f"overlap term with a zero on the real axis needs scale 1 or 2 "
                         f"(got {scale})")


def driving_term(content: StringContent, overlap: OverlapFactor, j: int,
                 lam: np.ndarray) -> tuple[int, np.ndarray]:
    """Return (c_j, R_j) with G_j(lambda) = c_j ln|tanh lambda| + R_j(lambda), R_j analytic."""
    lam = np.asarray(lam, dtype=float)
    singular, regular = 0, np.zeros_like(lam)
    for offset in string_offsets(content, j):
        regular = regular - overlap.const
        for coef, scale, theta in overlap.terms:
            phase = scale * offset + theta
            if abs(math.remainder(phase, math.pi)) < _ZERO_PHASE:
                singular -= coef
                regular = regular - coef * _log_sinh_over_tanh(scale, lam)
            else:
                regular = regular - coef * _log_abs_sinh(scale * lam, phase)
    return int(round(singular)), regular


def _kernel(content: StringContent, j: int, k: int, x: np.ndarray) -> np.ndarray:
    return sum(c * a_function(n, v, content.gamma, x) for c, n, v in kernel_terms(content, j, k))


def log_tanh_convolution(content: StringContent, j: int, k: int, lam: np.ndarray, *,
                         du: float = 0.02, u_range: tuple[float, float] = (-40.0, 3.7)
                         ) -> np.ndarray:
    """Return int T_jk(lambda - mu) ln|tanh mu| dmu (trapezoid rule in u, mu = +-e^u).

    The integrand in u decays like u e^u at u -> -oo and like e^{-2 e^u} at u -> +oo, so
    the rule converges exponentially in ``du`` (error < 1e-12 at the default, tested).
    """
    u = np.arange(u_range[0], u_range[1] + du / 2, du)
    mu = np.exp(u)
    weights = np.log(np.tanh(mu)) * mu * du
    lam = np.asarray(lam, dtype=float)[:, None]
    return sum(_kernel(content, j, k, lam - sign * mu[None, :]) @ weights for sign in (1, -1))


@dataclass(frozen=True, eq=False)
class QuenchActionState(Macrostate):
    """A solved quench-action saddle point.

    Attributes
    ----------
    overlap : OverlapFactor
    h : float
        Multiplier of n_j (S^z).
    singular : tuple of int
        c_j of :func:`driving_term`.
    regular_log_eta : ndarray, shape (s, N)
        ln eta_j - c_j ln|tanh lambda| (finite at lambda = 0).
    iterations : int
    residual : float
    """

    overlap: OverlapFactor = None
    h: float = 0.0
    singular: tuple = ()
    regular_log_eta: np.ndarray = field(default=None, repr=False)
    iterations: int = 0
    residual: float = math.nan


def _remainder(y: np.ndarray, singular: np.ndarray, log_t: np.ndarray) -> np.ndarray:
    """ln(1 + 1/eta_j) + c_j^+ ln|tanh lambda| (analytic), eta_j = |tanh|^c_j e^{y_j}."""
    out = np.empty_like(y)
    with np.errstate(divide="ignore"):
        for j, c in enumerate(singular):
            if c > 0:  # ln(1 + |t|^-c e^-y) + c ln|t| = logaddexp(c ln|t|, -y)
                out[j] = np.logaddexp(c * log_t, -y[j])
            else:
                out[j] = np.logaddexp(0.0, -c * log_t - y[j])
    return out


def quench_action_state(content: StringContent, overlap: OverlapFactor, h: float = 0.0, *,
                        grid: RapidityGrid | None = None, tol: float = 1e-13,
                        max_iter: int = 500) -> QuenchActionState:
    """Solve the generalized TBA of the module docstring at multiplier ``h``.

    Fixed point with Anderson mixing (depth 5) on the analytic part y_j of ln eta_j;
    raises :class:`TBAConvergenceError` if the sup-norm change stays above ``tol``.
    """
    grid = grid or RapidityGrid()
    lam = grid.points
    s = content.species
    sig = np.array(content.signs, dtype=float)[:, None]
    singular = np.zeros(s, dtype=int)
    regular = np.zeros((s, lam.size))
    for j in range(s):
        singular[j], regular[j] = driving_term(content, overlap, j, lam)
    with np.errstate(divide="ignore"):
        log_t = np.log(np.abs(np.tanh(lam)))
    split = np.zeros((s, lam.size))  # sum_k sigma_k T_jk * (-c_k ln|tanh|) for c_k > 0
    for j in range(s):
        for k in np.flatnonzero(singular > 0):
            split[j] -= sig[k, 0] * singular[k] * log_tanh_convolution(content, j, k, lam)
    drive = regular + h * magnetisation(content)[:, None] + split
    conv = Convolution(content, grid)
    x = drive.copy()
    hist_x, hist_f = [], []
    residual = math.inf
    for it in range(1, max_iter + 1):
        g = drive + conv(sig * _remainder(x, singular, log_t))
        f = g - x
        residual = float(np.max(np.abs(f)))
        if residual < tol:
            x = g
            break
        hist_x.append(x.ravel().copy())
        hist_f.append(f.ravel().copy())
        if len(hist_x) > 5:
            hist_x.pop(0)
            hist_f.pop(0)
        if len(hist_f) > 1:
            df = np.diff(np.array(hist_f), axis=0).T
            dx = np.diff(np.array(hist_x), axis=0).T
            coef, *_ = np.linalg.lstsq(df, f.ravel(), rcond=None)
            x = (x.ravel() + f.ravel() - (dx + df) @ coef).reshape(s, -1)
        else:
            x = g
    else:
        raise TBAConvergenceError(f"quench-action TBA ({overlap.name}, h={h}): no "
                                  f"convergence to {tol:.1e} after {max_iter} iterations "
                                  f"(residual {residual:.2e})")
    with np.errstate(divide="ignore", over="ignore"):
        filling = 1.0 / (1.0 + np.exp(singular[:, None] * log_t[None, :] + x))
    return QuenchActionState(content=content, grid=grid, filling=filling,
                             filling_inf=np.zeros(s), overlap=overlap, h=float(h),
                             singular=tuple(int(c) for c in singular), regular_log_eta=x,
                             iterations=it, residual=residual)


def zero_magnetisation_state(content: StringContent, overlap: OverlapFactor, *,
                             grid: RapidityGrid | None = None,
                             bracket: tuple[float, float] = (-8.0, 4.0)) -> QuenchActionState:
    """The saddle point whose multiplier h gives <s^z> = 0 (Brent, |dh| < 1e-13)."""
    from symness.tba.charges import spin_density
    from symness.tba.dressing import Dressing

    grid = grid or RapidityGrid()
    kernel = Convolution(content, grid)

    def sz(h: float) -> float:
        return spin_density(Dressing(quench_action_state(content, overlap, h, grid=grid),
                                     kernel))

    h = brentq(sz, *bracket, xtol=1e-13)
    return quench_action_state(content, overlap, h, grid=grid)
