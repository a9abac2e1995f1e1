"""Error model 3 of the real-time checks: the integrated (weak) comparison with GHD.

Euler-scale GHD (Bertini et al. 2016, eqs. (12), (15)-(16)) is a statement about the limit
t -> oo at fixed zeta = x/t, i.e. about profiles as distributions in zeta.  Lattice-scale
oscillations, an O(1) offset of the origin (bond vs site, where the junction sits) and the
~t^{1/3}-wide boundary layers at the fronts do not vanish pointwise at finite t (error models
1 and 2 of ``realtime_check`` and the Example 1 fit of ``realtime_ex1`` failed on them), but
their integrals over zeta do.  The observable is the cumulative transferred charge

    C_q(x, t) = sum_{y >= x} (q_y(t) - q_y(0)),                                   (I1)

summed over the lattice points y (sites or bonds) right of the cut x (x = y_i - 1/2 for the
cut left of the point y_i).  By the continuity equation it equals the time-integrated
current through the cut,

    C_q(x, t) = int_0^t j_q(x, t') dt',                                            (I2)

so it tests the currents too; (I2) is checked on the records of the L = 80 domain-wall
run, which are written every 0.4 from t = 0 (composite Simpson; tolerance the difference
to the trapezoid rule, an over-estimate of Simpson's error, plus 1e-9 of rounding).

GHD predicts C_q(x, t)/t -> F_q(x/t) with

    F_q(zeta) = int_zeta^oo [q(zeta') - q_0(zeta')] dzeta',                        (I3)

q the LQSS profile and q_0 the initial step (q_L for zeta < 0, q_R for zeta > 0).  F is
computed by the trapezoid rule on a uniform zeta grid through zeta = 0 (the step part
exactly); its error is the change from step h to 2h (conservative for an O(h^2) rule),
plus the profile's own error times the length of the grid, plus the linear-interpolation
bound h^2/8 max|q'|.

Finite-t corrections to D_C(t) = max_x |C_q(x, t)/t - F_q(x/t)|: an origin offset x0 gives
|x0| |q_L - q_R| / t; lattice oscillations integrate to O(1/t); a front layer of width
t^{1/3} with O(1) deviations gives t^{-2/3}.  So D_C decays at least like t^{-2/3}.

Criterion (fixed before C_q was computed for any dataset; :func:`integrated_verdict`):

* D_C strictly decreasing over the evaluation times (spaced by ratios >= 4/3, so that a
  lattice oscillation of the envelope cannot reorder them);
* the least-squares exponent p of D_C = A t^-p is >= 1/2 (conservative against 2/3 .. 1);
* TEBD error of C/t (truncation chi vs chi_small, Trotter dt vs dt/2 grown as (t/t0)^2
  since a state error ~ t makes the integrated current's error ~ t^2, imaginary-time dtau
  for Example 1) <= D_C/3 at every time;
* GHD error of F <= D_C/10 at every time;
* domain wall only: D_C at the largest new time <= 1.25 A' t^-p', A' and p' fitted on the
  earlier set (L = 64, t = 12, 18, 24), a prediction for data not yet computed.

Datasets and their error budgets (all fixed with the criterion):

* domain wall, Delta = 1/2, s^z (q_0 = +-1/2 exactly): the new set L = 80 to t = 32
  (``realtime.DW_THIRD``, chi = 64 vs 32, written every 0.4), evaluated at t = 8, 12, 16,
  24, 32; prediction of t = 32 from the L = 64 set at t = 12, 18, 24 (chi = 64 vs 32).
  Trotter: C/t of the dt = 0.1 vs 0.05 pair at t0 = 4 (L = 48).  GHD: the converged LQSS
  s^z profile (rtol 1e-8) integrated on |zeta| <= 1.2.  (I2) checked on the new set.
* Example 1 (beta_L = 1, beta_R = 2), q1 on bonds: q_y(0) from the same imaginary-time
  purification as the runs (chi = 64, dtau = 0.005), recorded at t = 0; evaluated at
  t = 4, 6, 8 (chi = 64 vs 32; Trotter pair at t0 = 4; dtau: DTAU_ERROR of ``realtime_ex1``
  on each of the 2 (1.19 t + 4) bonds of the light cone, over t).
* Example 2 (Neel | Bell pairs), q1 on bonds, against the exact-GGE LQSS of
  ``ghd.example2_exact``: q_y(0) of the product state exactly (-Delta/2 on the Neel bonds,
  0 / -Delta/4 on the Bell bonds inside / between pairs, -Delta/4 on the junction);
  evaluated at t = 4, 6, 8 (chi = 128 vs 64; Trotter pair chi = 128, dt = 0.1 vs 0.05 at
  t0 = 4, run after this criterion was committed).  s^z is zero in both GGEs and is not
  recorded.

Seen before this criterion was written: the pointwise deviations of error models 1 and 2
(domain wall, D ~ 0.015 at t = 12 .. 24, not decaying) and of Example 1 (the 1/t fit
failed); after the fact, Delta M(t)/t = C_sz(0, t)/t = 0.2450, 0.2435, 0.2417 at t = 12,
18, 24 against F_sz(0) = 3/(4 pi) = 0.2387, and an apparent origin offset of 1.4 .. 1.7
sites in Example 1.  C_q was computed for no dataset, no point other than x = 0.

The cuts compared lie >= 8 sites from the open ends (:data:`END_MARGIN`); for the quench
(Example 2), whose halves are not stationary, also outside the light cones of the ends,
|x| <= L/2 - V_END t - 2 with V_END = 1.5 (above the largest effective velocity 1.19 of
``bertini2016.ghd.light-cone``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.integrate import simpson, trapezoid

from symness.validation import ParameterError

__all__ = ["END_MARGIN", "EVAL_TIMES", "PREDICTION_FACTOR", "V_END", "CheckedVerdict",
           "IntegratedGHD",
           "IntegratedVerdict", "continuity_residual", "cumulative_charge", "cut_positions",
           "decay_fit", "integrated_deviation", "integrated_ghd", "integrate_profile",
           "integrated_verdict", "predicted_bound", "time_integral"]

#: Evaluation times of the criterion per protocol (ratios >= 4/3).
EVAL_TIMES = {"dw": (8.0, 12.0, 16.0, 24.0, 32.0), "dw_L64": (12.0, 18.0, 24.0),
              "ex1": (4.0, 6.0, 8.0), "ex2": (4.0, 6.0, 8.0)}
#: Cuts compared lie at least this many sites from the open ends.
END_MARGIN = 8
#: Velocity bound of the disturbances from the open ends of the quench (Example 2).
V_END = 1.5
#: Safety factor of the domain-wall prediction from the earlier set.
PREDICTION_FACTOR = 1.25


def cumulative_charge(q_t: np.ndarray, q_0: np.ndarray) -> np.ndarray:
    """C[i] = sum_{y >= i} (q_t[y] - q_0[y]), eq. (I1), along the last axis."""
    diff = np.asarray(q_t, dtype=float) - np.asarray(q_0, dtype=float)
    return np.flip(np.cumsum(np.flip(diff, axis=-1), axis=-1), axis=-1)


def cut_positions(positions: np.ndarray) -> np.ndarray:
    """X of the cut left of each lattice point (unit spacing)."""
    return np.asarray(positions, dtype=float) - 0.5


def time_integral(times: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Int_0^T values dt (axis 0) by composite Simpson and by trapezoid, eq. (I2).

    ``times`` is uniform from 0 to T.  Returns (Simpson, trapezoid).
    """
    times = np.asarray(times, dtype=float)
    steps = np.diff(times)
    if times[0] != 0 or np.ptp(steps) > 1e-9 * steps[0]:
        raise ParameterError("'times' must be uniform and start at 0")
    return simpson(values, x=times, axis=0), trapezoid(values, x=times, axis=0)


def continuity_residual(times: np.ndarray, charge: np.ndarray, current: np.ndarray,
                        cut_index: np.ndarray) -> tuple[float, float]:
    """Max |C(x, T) - int_0^T j(x) dt| over the cuts, and its tolerance, eq. (I2).

    ``charge[k, y]`` and ``current[k, b]`` at ``times[k]``; the cut left of point y is
    crossed by the current ``current[:, cut_index[y]]``.  Tolerance: max |Simpson -
    trapezoid| + 1e-9.
    """
    cumul = cumulative_charge(charge[-1], charge[0])
    simp, trap = time_integral(times, current[:, cut_index])
    return float(np.max(np.abs(cumul - simp))), float(np.max(np.abs(simp - trap))) + 1e-9


def integrate_profile(zetas: np.ndarray, values: np.ndarray, q_left: float,
                      q_right: float) -> np.ndarray:
    """F(zeta_i) = int_{zeta_i}^{zeta_max} (q - q_0) by trapezoid, q_0 exactly, eq. (I3).

    ``zetas`` is ascending and contains 0; q equals q_0 beyond its ends.
    """
    z = np.asarray(zetas, dtype=float)
    if not np.any(z == 0) or np.any(np.diff(z) <= 0):
        raise ParameterError("'zetas' must be ascending and contain 0")
    pieces = 0.5 * np.diff(z) * (values[1:] + values[:-1])
    tail = np.concatenate([np.flip(np.cumsum(np.flip(pieces))), [0.0]])
    step = q_right * (z[-1] - np.maximum(z, 0)) + q_left * np.maximum(-z, 0)
    return tail - step


@dataclass(frozen=True)
class IntegratedGHD:
    """F_q of eq. (I3) on a zeta grid, with its estimated sup-norm error."""

    zeta: np.ndarray
    values: np.ndarray
    error: float

    def at(self, zetas: np.ndarray) -> np.ndarray:
        """F at ``zetas`` (linear interpolation; the end values beyond the grid)."""
        return np.interp(zetas, self.zeta, self.values)


def integrated_ghd(profile: Callable[[np.ndarray], tuple[np.ndarray, float]], q_left: float,
                   q_right: float, *, z_max: float, step: float) -> IntegratedGHD:
    """F_q of eq. (I3) from ``profile(zetas) -> (q, error)`` on [-z_max, z_max].

    The grid must reach beyond both fronts (q = q_0 outside).  Error: |F_h - F_2h| at the
    coarse nodes + profile error x 2 z_max + h^2/8 max|q'| (interpolation).
    """
    n = round(z_max / step)
    if n < 4 or n % 2 or abs(n * step - z_max) > 1e-12:
        raise ParameterError(f"'z_max' must be an even multiple (>= 4) of 'step' (got "
                             f"{z_max}, {step})")
    zetas = np.linspace(-z_max, z_max, 2 * n + 1)
    q, q_err = profile(zetas)
    fine = integrate_profile(zetas, q, q_left, q_right)
    coarse = integrate_profile(zetas[::2], q[::2], q_left, q_right)
    slope = float(np.max(np.abs(np.diff(q)))) / step
    error = float(np.max(np.abs(fine[::2] - coarse))) + 2 * z_max * q_err + step**2 / 8 * slope
    return IntegratedGHD(zetas, fine, error)


def integrated_deviation(cumul: np.ndarray, cuts: np.ndarray, t: float, ghd: IntegratedGHD,
                         inside: np.ndarray) -> float:
    """D_C(t) = max over the cuts ``inside`` of |C(x, t)/t - F(x/t)|."""
    return float(np.max(np.abs(cumul[inside] / t - ghd.at(cuts[inside] / t))))


def decay_fit(times, deviations) -> tuple[float, float]:
    """(p, A) of the least-squares fit log D = log A - p log t."""
    slope, intercept = np.polyfit(np.log(times), np.log(deviations), 1)
    return float(-slope), float(math.exp(intercept))


def predicted_bound(times, deviations, t_new: float) -> float:
    """PREDICTION_FACTOR x A t_new^-p from the fit over the earlier ``times``."""
    p, amp = decay_fit(times, deviations)
    return PREDICTION_FACTOR * amp * t_new ** (-p)


class CheckedVerdict:
    """Mixin of the verdicts of the real-time criteria: ``checks`` maps name -> held."""

    checks: dict[str, bool]

    @property
    def passes(self) -> bool:
        """All checks hold."""
        return all(self.checks.values())


@dataclass(frozen=True)
class IntegratedVerdict(CheckedVerdict):
    """D_C(t), its error budget and the checks of the criterion (module docstring)."""

    times: tuple[float, ...]
    deviation: tuple[float, ...]
    tebd_error: tuple[float, ...]
    ghd_error: float
    exponent: float
    amplitude: float
    checks: dict[str, bool]


def integrated_verdict(times, deviation, tebd_error, ghd_error: float, *,
                       prediction: float | None = None) -> IntegratedVerdict:
    """Apply the criterion: decreasing, p >= 1/2, TEBD <= D/3, GHD <= D/10, prediction."""
    dev = tuple(float(d) for d in deviation)
    p, amp = decay_fit(times, dev)
    checks = {"D_C decreasing": all(b < a for a, b in zip(dev, dev[1:])),
              "p >= 1/2": p >= 0.5,
              "TEBD error <= D_C/3": all(e <= d / 3 for e, d in zip(tebd_error, dev)),
              "GHD error <= D_C/10": all(ghd_error <= d / 10 for d in dev)}
    if prediction is not None:
        checks["D_C(t_max) <= predicted bound"] = dev[-1] <= prediction
    return IntegratedVerdict(tuple(float(t) for t in times), dev,
                             tuple(float(e) for e in tebd_error), float(ghd_error), p, amp,
                             checks)
