"""LQSS profiles at a requested accuracy: rapidity-grid refinement with an error estimate.

The profile of every observable is computed on rapidity grids with steps h, h/2, h/4, ...
at a fixed cutoff Lambda.  Two error sources are estimated separately:

* step: the step quadrature of eq. (16) is of order 6 (``lqss``) and the smooth parts
  converge geometrically, so the error on the finer grid of a pair is estimated by
  Richardson's formula for order p = 4, max_zeta |f_k(h) - f_k(h/2)| / (2^4 - 1), a factor
  (2^6 - 1)/(2^4 - 1) ~ 4 above the estimate for the measured order 6 (safety margin);
* cutoff: the functions decay like exp(-2|lambda|) (measured: the truncation error of
  <s^z> is 1e-9, 1e-11, 2e-14 at Lambda = 10, 13, 16), independently of the step, so it
  is estimated once, on the coarsest step, as 2 max_zeta |f_k(Lambda) - f_k(Lambda + 2)|
  (safety factor 2; Lambda = 15).  Larger cutoffs gain nothing: beyond |lambda| ~ 18 the
  dressed derivatives are below the rounding of the FFT convolution.

err_k is their sum plus ROUNDING (1e-14, double-precision rounding of sums over ~1e4
grid points).  Refinement stops when err_k <= rtol * max(max_zeta |f_k|, SCALE_FLOOR)
for every observable k (SCALE_FLOOR keeps observables that vanish by symmetry, such as
<s^z> at h = 0, from demanding an absolute accuracy below double precision) and, from the
third grid on, the observed order log2(D_{k-1}/D_k) >= 3 (asymptotic regime), with D the
sup-norm change of the whole profile.  The values returned are those of the finest grid,
never the extrapolation.  The LQSS iteration on every ray is converged to
``min(1e-12, rtol / 100)`` in the fillings.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from symness.ghd.profiles import Profile, profile, profile_cost
from symness.resources import announce
from symness.tba.quadrature import RapidityGrid
from symness.tba.thermal import Macrostate, TBAConvergenceError
from symness.validation import require_real

__all__ = ["ROUNDING", "SCALE_FLOOR", "ConvergedProfile", "converged_profile", "error_digits",
           "format_with_error"]

#: Rounding error added to every estimate (sums of O(1) terms over ~1e4 grid points).
ROUNDING = 1e-14
#: Smallest scale an observable's relative error refers to (observables are O(1e-2 .. 1)).
SCALE_FLOOR = 1e-2
#: Increase of the cutoff used to estimate the truncation error.
_CUTOFF_TEST = 2.0
#: Richardson denominator 2^p - 1 for the assumed order p = 4 (measured order: 6).
_RICHARDSON = 15.0


@dataclass(frozen=True, eq=False)
class ConvergedProfile:
    """A profile on the finest grid of a refinement, with its error estimates.

    Attributes
    ----------
    profile : Profile
        Values on the finest grid.
    errors : dict
        Estimated sup-norm (over rays) absolute error of every observable (step + cutoff).
    cutoff_errors : dict
        The cutoff part of ``errors``.
    steps : tuple of float
        The rapidity steps used, coarsest first.
    changes : tuple of float
        Sup-norm change of the whole profile between consecutive steps.
    rtol : float
        The requested relative tolerance.
    """

    profile: Profile
    errors: dict[str, float]
    cutoff_errors: dict[str, float]
    steps: tuple[float, ...]
    changes: tuple[float, ...]
    rtol: float

    @property
    def step(self) -> float:
        """The finest (final) rapidity step."""
        return self.steps[-1]

    @property
    def relative_errors(self) -> dict[str, float]:
        """Errors / max(max_zeta |f|, SCALE_FLOOR) per observable."""
        return {k: e / _scale(self.profile.values[k]) for k, e in self.errors.items()}

    @property
    def observed_order(self) -> float:
        """log2 of the ratio of the last two profile changes (nan with two grids)."""
        if len(self.changes) < 2 or self.changes[-1] == 0:
            return math.nan
        return math.log2(self.changes[-2] / self.changes[-1])


def _scale(values: np.ndarray) -> float:
    return max(float(np.max(np.abs(values))), SCALE_FLOOR)


def _changes(coarse: Profile, fine: Profile) -> dict[str, float]:
    return {k: float(np.max(np.abs(fine.values[k] - coarse.values[k]))) for k in fine.values}


def _announce(state: Macrostate, step: float, rays: int) -> None:
    estimate = profile_cost(state.content.species, step, rays)
    announce(estimate, f"ghd profile, gamma/pi = {state.content.gamma_over_pi}, {rays} rays")


def converged_profile(states: Callable[[RapidityGrid], tuple[Macrostate, Macrostate]],
                      zetas: np.ndarray, *, rtol: float = 1e-8, step: float = 0.05,
                      cutoff: float = 15.0, min_step: float = 5e-4,
                      extra: tuple[int, ...] = ()) -> ConvergedProfile:
    """Refine the rapidity grid until the LQSS profile meets ``rtol`` (module docstring).

    Parameters
    ----------
    states : callable
        grid -> (left, right) boundary macrostates on that grid.
    zetas : array
        Rays x/t, ascending.
    rtol : float
        Target relative error of every observable, in (1e-12, 1e-2], relative to its
        largest value over the rays.
    step : float
        Coarsest rapidity step.
    cutoff : float
        Rapidity cutoff Lambda (truncation error ~ exp(-2 Lambda)).
    min_step : float
        Finest step allowed; :class:`TBAConvergenceError` if rtol is not met above it.

    Returns
    -------
    ConvergedProfile
    """
    rtol = float(require_real(rtol, "rtol", minimum=1e-12, maximum=1e-2))
    step = float(require_real(step, "step", minimum=min_step, maximum=0.5))
    tol = min(1e-12, rtol / 100)
    steps, changes = [step], []
    left, right = states(RapidityGrid(step=step, cutoff=cutoff))
    _announce(left, step, len(zetas))
    prof = profile(left, right, zetas, tol=tol, extra=extra)
    wide = profile(*states(RapidityGrid(step=step, cutoff=cutoff + _CUTOFF_TEST)), zetas,
                   tol=tol, extra=extra)
    cut = {k: 2 * d for k, d in _changes(prof, wide).items()}
    while True:
        step /= 2
        if step < min_step:
            raise TBAConvergenceError(f"LQSS profile: rtol={rtol:.1e} not reached with rapidity "
                                      f"step >= {min_step} (changes {changes})")
        fine = profile(*states(RapidityGrid(step=step, cutoff=cutoff)), zetas, tol=tol,
                       extra=extra)
        delta = _changes(prof, fine)
        steps.append(step)
        changes.append(max(delta.values()))
        prof = fine
        errors = {k: d / _RICHARDSON + cut[k] + ROUNDING for k, d in delta.items()}
        met = all(errors[k] <= rtol * _scale(prof.values[k]) for k in errors)
        asymptotic = len(changes) >= 2 and (changes[-1] <= rtol * SCALE_FLOOR
                                            or changes[-2] >= 8 * changes[-1])
        if met and asymptotic:
            return ConvergedProfile(prof, errors, cut, tuple(steps), tuple(changes), rtol)


def error_digits(error: float) -> int:
    """Decimal places that a value with absolute ``error`` carries (at least 1 digit of error)."""
    if not error > 0:
        return 15
    return max(0, min(15, -math.floor(math.log10(error))))


def format_with_error(value: float, error: float) -> str:
    """The value rounded to the decimal place of its error, e.g. (0.0318834, 3e-7) -> 0.0318834."""
    return f"{value:.{error_digits(error)}f}"
