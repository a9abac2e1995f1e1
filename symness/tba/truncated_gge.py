"""Truncated generalized Gibbs ensembles fixed by the initial values of the local charges.

After a global quench from |psi_0> the stationary state is a GGE; here it is approximated by

    rho_K = exp(-sum_{n in N_K} beta_n Q_n) / Z,

with the multipliers beta_n fixed so that the TBA densities <q_n>_{rho_K} (paper eq. (3))
equal the exact initial values <psi_0|q_n|psi_0> per site (``lattice_charges``, exact
rationals at Delta = 0, 1/2).  This is the *truncated-GGE approximation* (Fagotti & Essler,
PRB 87, 245107 (2013); Pozsgay et al. PRL 113, 117203 (2014); Fagotti, Collura, Essler &
Calabrese PRB 89, 125101 (2014)): it is not the exact steady state, since for gapless XXZ
the quasi-local charges (Ilievski et al., PRL 115, 157201 (2015)) are missing, and it is
known to converge slowly in K.  Its convergence is reported, not assumed
(:func:`quench_gge` for K = 1, 2, 3, ...).

The exact steady states of the Neel and Bell-pair quenches at Delta = 1/2 are built by
string-charge duality in ``tba.string_charge``; against them the truncated GGEs converge in
K, but not to the exact state: they converge to the local-charge GGE with the exact
1-string hole density (``tba.local_limit``; Example 2's junction current -0.02259 at K = 6,
limit -0.02256, exact -0.03534, ``tables/bertini2016_example2_limit.md``).

Symmetries used (exact, checked in ``tests/tba``): the two-site product states of
Example 2 are real (time-reversal even), so <q_n> = 0 for n even and only the odd charges
Q_1, Q_3, Q_5, ... enter (N_K = {1, 3, ..., 2K - 1}); they have <S^z> = 0 and are invariant
under the spin flip, so mu = 0.  Negative multipliers are allowed (the Bell state at
Delta = 1/2 has energy above infinite temperature: beta_1 < 0).

The multipliers solve the K equations by Newton's method with a central-difference
Jacobian (the susceptibility matrix) and step halving; the solver raises
:class:`TBAConvergenceError` if max_n |<q_n> - target_n| does not fall below ``tol``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from symness.tba import lattice_charges as lc
from symness.tba.charges import charge_density
from symness.tba.dressing import Dressing
from symness.tba.quadrature import Convolution, RapidityGrid
from symness.tba.strings import StringContent
from symness.tba.thermal import TBAConvergenceError, ThermalState, gge_state
from symness.validation import require_int

__all__ = ["TruncatedGGE", "exact_delta", "initial_values", "fit_gge", "fit_gge_scaled",
           "quench_gge", "quench_gge_sequence"]

#: gamma/pi whose Delta = cos(gamma) is rational (Niven): charges are then exact.
_RATIONAL = {Fraction(1, 2): Fraction(0), Fraction(1, 3): Fraction(1, 2)}


@dataclass(frozen=True, eq=False)
class TruncatedGGE:
    """A solved truncated GGE.

    Attributes
    ----------
    state : ThermalState
        The TBA macrostate (fillings) of exp(-sum beta_n Q_n).
    multipliers : dict
        {n: beta_n}.
    targets : dict
        {n: <psi_0|q_n|psi_0>} imposed (exact values, as given).
    residual : float
        max_n |<q_n>_TBA - target_n| at the solution.
    iterations : int
        Newton steps.
    """

    state: ThermalState
    multipliers: dict
    targets: dict
    residual: float
    iterations: int


def exact_delta(content: StringContent) -> Fraction | float:
    """Delta as a ``Fraction`` when it is rational (gamma = pi/2, pi/3), else a float."""
    return _RATIONAL.get(content.gamma_over_pi, content.delta)


def initial_values(content: StringContent, state: lc.PairProductState,
                   charges) -> dict[int, Fraction | float]:
    """{n: <psi_0|q_n|psi_0>} per site for the lattice charges Q_n of ``lattice_charges``."""
    delta = exact_delta(content)
    return {n: lc.expectation(lc.local_charge(n, delta), state) for n in charges}


def _densities(st: ThermalState, charges, kernel: Convolution) -> np.ndarray:
    d = Dressing(st, kernel)
    return np.array([charge_density(d, n) for n in charges])


def fit_gge(content: StringContent, targets: dict, *, grid: RapidityGrid | None = None,
            start: dict | None = None, tol: float = 1e-11, max_iter: int = 40,
            eps: float = 1e-5) -> TruncatedGGE:
    """Solve <q_n>_{GGE} = targets[n] for the multipliers beta_n (n in ``targets``).

    Parameters
    ----------
    content : StringContent
    targets : dict
        {n: value of <q_n> per site}.
    start : dict, optional
        Starting multipliers (default: beta_1 = 0.1, others 0).
    tol : float
        Tolerance on max_n |<q_n> - target_n|.
    eps : float
        Step of the central-difference Jacobian.

    Returns
    -------
    TruncatedGGE
    """
    grid = grid or RapidityGrid()
    kernel = Convolution(content, grid)
    charges = sorted(targets)
    goal = np.array([float(targets[n]) for n in charges])
    beta = np.array([(start or {}).get(n, 0.1 if n == 1 else 0.0) for n in charges])

    def solve(b: np.ndarray) -> tuple[ThermalState, np.ndarray]:
        st = gge_state(content, dict(zip(charges, b)), grid=grid)
        return st, _densities(st, charges, kernel) - goal

    state, f = solve(beta)
    for it in range(1, max_iter + 1):
        if np.max(np.abs(f)) < tol:
            return TruncatedGGE(state, dict(zip(charges, beta.tolist())), dict(targets),
                                float(np.max(np.abs(f))), it - 1)
        jac = np.empty((len(charges), len(charges)))
        for i in range(len(charges)):
            step = np.zeros(len(charges))
            step[i] = eps
            jac[:, i] = (solve(beta + step)[1] - solve(beta - step)[1]) / (2 * eps)
        delta_beta = np.linalg.solve(jac, -f)
        scale = 1.0
        while True:  # step halving: accept the first step that reduces the residual
            try:
                new_state, new_f = solve(beta + scale * delta_beta)
            except TBAConvergenceError:
                new_f = None
            if new_f is not None and np.max(np.abs(new_f)) < np.max(np.abs(f)):
                break
            scale /= 2
            if scale < 1e-4:
                raise TBAConvergenceError(f"truncated GGE {targets}: Newton step does not "
                                          f"reduce the residual {np.max(np.abs(f)):.2e}")
        beta, state, f = beta + scale * delta_beta, new_state, new_f
    raise TBAConvergenceError(f"truncated GGE {targets}: no convergence to {tol:.0e} after "
                              f"{max_iter} Newton steps (residual {np.max(np.abs(f)):.2e})")


def quench_gge(content: StringContent, state: lc.PairProductState, order: int, *,
               grid: RapidityGrid | None = None, tol: float = 1e-11) -> TruncatedGGE:
    """Truncated GGE of the quench from ``state`` with the charges Q_1, Q_3, .., Q_{2K-1}.

    K = ``order``; the module docstring says why the even charges drop out.

    Parameters
    ----------
    content : StringContent
    state : lattice_charges.PairProductState
        NEEL or BELL (Example 2), or SINGLET.
    order : int
        1 <= K <= 6 (K = 1 is the thermal state of the same energy; Q_11 is the last charge
        whose exact initial values ``lattice_charges`` provides).  When the Newton fit
        fails (K = 6, both states) :func:`fit_gge_scaled` is used.
    """
    return quench_gge_sequence(content, state, order, grid=grid, tol=tol)[-1]


def quench_gge_sequence(content: StringContent, state: lc.PairProductState, order: int, *,
                        grid: RapidityGrid | None = None,
                        tol: float = 1e-11) -> list[TruncatedGGE]:
    """The truncated GGEs K = 1 .. ``order`` (:func:`quench_gge`).

    Each fit starts from the multipliers of the one before.
    """
    order = require_int(order, "order", minimum=1, maximum=6)
    out: list[TruncatedGGE] = []
    for k in range(1, order + 1):
        targets = initial_values(content, state, [2 * m + 1 for m in range(k)])
        start = out[-1].multipliers if out else None
        try:
            out.append(fit_gge(content, targets, grid=grid, start=start, tol=tol))
        except TBAConvergenceError:
            out.append(fit_gge_scaled(content, targets, grid=grid, start=start, tol=tol))
    return out


def fit_gge_scaled(content: StringContent, targets: dict, *, grid: RapidityGrid | None = None,
                   start: dict | None = None, tol: float = 1e-11) -> TruncatedGGE:
    """Solve the same equations as :func:`fit_gge` by Levenberg-Marquardt (scipy).

    The residuals are scaled by max(1, |target_n|): Q_11 of the Neel state has <q_11> =
    16365321/1024, and the unscaled Newton step of :func:`fit_gge` then fails at K = 6
    (its residual is dominated by q_11; also for the Bell pairs, <q_11> = -684855/2048).
    Converged when max_n |<q_n> - target_n| / max(1, |target_n|) < ``tol``;
    ``iterations`` counts function evaluations.
    """
    from scipy.optimize import least_squares

    grid = grid or RapidityGrid()
    kernel = Convolution(content, grid)
    charges = sorted(targets)
    goal = np.array([float(targets[n]) for n in charges])
    scale = np.maximum(1.0, np.abs(goal))

    def scaled(b: np.ndarray) -> np.ndarray:
        st = gge_state(content, dict(zip(charges, b)), grid=grid)
        return (_densities(st, charges, kernel) - goal) / scale

    beta = np.array([(start or {}).get(n, 0.1 if n == 1 else 0.0) for n in charges])
    fit = least_squares(scaled, beta, method="lm", x_scale="jac", xtol=1e-15, ftol=1e-15,
                        gtol=1e-15, max_nfev=400)
    if not np.max(np.abs(fit.fun)) < tol:
        raise TBAConvergenceError(f"truncated GGE {targets}: Levenberg-Marquardt stopped at "
                                  f"scaled residual {np.max(np.abs(fit.fun)):.2e} > {tol:.0e}")
    state = gge_state(content, dict(zip(charges, fit.x)), grid=grid)
    return TruncatedGGE(state, dict(zip(charges, fit.x.tolist())), dict(targets),
                        float(np.max(np.abs(fit.fun * scale))), int(fit.nfev))

