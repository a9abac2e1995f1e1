"""Error model 4 of the real-time checks: the two-time rate of the transferred charge.

Error model 3 (``ghd.realtime_integrated``) compares C_q(x, t)/t with the GHD integral
F_q(x/t) (eqs. (I1)-(I3) there; Bertini et al. 2016, eqs. (12), (15)-(16)).  Here the
transferred charge is taken relative to the ideal step q_s (q_L left of the junction, q_R
right of it, (q_L + q_R)/2 on a lattice point at x = 0),

    C_s(x, t) = sum_{y >= x} (q_y(t) - q_s,y),                                      (T0)

which differs from C_q of eq. (I1) by the t-independent sum_{y >= x} (q_y(0) - q_s,y).
At a fixed ray zeta it has the expansion

    C_s(zeta t, t) = t F_q(zeta) + g(zeta) + r(zeta, t),      r -> 0 as t -> oo,     (T1)

where the O(1) term g collects everything localised near the junction at t = 0 and carried
along the Euler-scale characteristics of the LQSS: a lump of conserved charge (its
t-independent distribution in zeta, integrated), an offset x0 of the origin (g = -x0
F'(zeta)), a fixed offset c of the points where C is evaluated (g += c F').  So C_s/t
converges only like g/t.  The two-time rate

    R(zeta; t1, t2) = [C_s(zeta t2, t2) - C_s(zeta t1, t1)] / (t2 - t1)              (T2)

eliminates g: R = F_q(zeta) + [r(zeta, t2) - r(zeta, t1)] / (t2 - t1).  The reference
must be the step, not q(0): relative to q(0) the initial lump is subtracted at its initial
position x_l, a function of x, not of zeta, which enters R as O(1)/(t2 - t1) on the rays
between x_l/t2 and x_l/t1 (on the free-fermion check below, D_R then decays like 1/t1).
An error delta of q_L or q_R adds -delta zeta to R (the thermal q1 of the TBA equals the
TEBD bulk to 1.9e-7, claim ``bertini2016.example1.thermal-states``).

Rays and lattice.  C is known on the cuts x_i (and, as the mean of two neighbouring cuts,
on their midpoints: a fixed half-site offset, part of g).  The pairs are (t1, 2 t1) and the
rays zeta = k / t1 (k integer), so that x = zeta t1 = k and zeta t2 = 2 k are both on that
half-lattice for sites (cuts at integers) and bonds (cuts at half-integers, midpoints at
the bonds): no interpolation error.  Only rays in the bulk window |zeta| <= RAY_WINDOW
are used, away from the front layers (for Example 1 at t2 = 8 the rays reach x = 6, the
light cone 1.19 t2 = 9.5, its t^{1/3} layer ~2 sites).

Error budget of R on the last pair (t1, 2 t1), in the sup norm over the rays it shares
with the first pair (t1/2, t1):

* remainder.  If ||r(t)|| ~ t^{-s} with s > 0 (any power law), the remainder of R scales
  like t1^{-1-s}, so doubling t1 divides its norm by at least 2 and ||rem(last)|| <=
  max |R(last) - R(first)| + TEBD errors of both.  No rate beyond s > 0 is assumed (a
  1/t^2 Richardson estimate would be 3 times smaller).  The bound is taken in the sup norm,
  not per ray: on the free-fermion check the remainder oscillates in zeta and t, and the
  per-ray difference can vanish where the remainder does not (it did, at 1 ray of 25);
* TEBD error of R: (e_C(t1) + e_C(t2)) / (t2 - t1), e_C the error of C at the two points
  (truncation chi vs chi_small, Trotter, imaginary time, as in error model 3);
* GHD error of F (error model 3's estimate).

B = max |R(last) - R(first)| + 2 max e_R(last) + max e_R(first) + GHD error.

Criterion (:func:`two_time_verdict`; fixed, with X = POWER = 10 %, before R was computed
for Example 1):

* D_R(pair) = max over the pair's rays |R - F| decreasing along the pairs (the remainder
  shrinks, as the budget assumes);
* max over the shared rays |R(last) - F| <= B;
* power: with F scaled by 1 +- X or shifted by +- X max|F|, the first two conditions
  fail.  (B <= X/2 max F with the maximum of F on a shared ray guarantees it; the check is
  made directly.)

Pairs of Example 1: (2, 4), (3, 6), (4, 8) (the runs record t = 2 .. 8); the rays shared by
the first and the last pair are zeta = 0, +-1/2, and max F_q1 = F_q1(0).

Seen before this criterion was written (besides everything listed in
``ghd.realtime_integrated``): on Example 1, the pointwise D(t) of q1 = 0.054, 0.026, 0.017,
0.012 at t = 2, 4, 6, 8 (t D ~ 0.10 .. 0.11), the integrated D_C = 0.025, 0.017, 0.013 at
t = 4, 6, 8 (p = 0.88; t D_C = 0.100, 0.102, 0.104), which passes error model 3 also with F
scaled by +-20 %; max F_q1 = F_q1(0) = 0.0319; the chi error of C/t at t = 8, 4e-4 (3e-3 in
C).  R itself, on the free-fermion domain wall (exact Bessel evolution, rays |zeta| <= 0.75,
max F = 1/pi; tests/ghd/test_realtime_integrated.py): without a lump D_R is not smaller than
D_C (g = 0 there: 8.9e-3 against D_C(8) = 4.3e-3 at the pair (4, 8)); with one extra
particle two sites right of the junction, relative to the step, D_R = 5.8e-2, 2.1e-2,
6.2e-3, 1.1e-3 at t1 = 4, 8, 16, 32 against D_C(2 t1) = 0.12, 0.056, 0.025, 0.012, and the
criterion passes with its 10 % power at the pairs (16, 32) .. (32, 64) (B = 6.2e-3 = 1.9 %
of max F) and (8, 16) .. (16, 32) (B = 6.4 %), but lacks the power at (4, 8) .. (8, 16)
(B = 16 %: F scaled by 1.1 agrees); relative to q(0), D_R = 0.22, 0.12, 0.061, 0.031.
On the cached domain wall at Delta = 1/2 (rays |zeta| <= 0.6, chi = 64): D_R = 8.7e-3,
1.1e-2, 7.3e-3, 2.8e-3, 1.4e-3 at t1 = 4, 6, 8, 12, 16 against D_C(2 t1) = 2.2e-2,
1.0e-2, 7.4e-3, 5.4e-3, 3.6e-3 (oscillating, not monotone at t1 <= 8).
R was computed for no Example 1 data.

Outcome on Example 1: FAIL on power (B = 16 % of max F; table
``bertini2016_realtime_twotime``).  The next test, fixed here before its runs exist: the
same criterion (same B, POWER = 10 %, RAY_WINDOW) on the pairs (3, 6), (4, 8), (6, 12) of a
chi = 128 purification run to t = 12 (L = 48, dt = 0.1, dtau = 0.005, records every 1), its
truncation error from a chi = 64 run to t = 12 with the same parameters.  Outcome (runs
``chi128_t12``, 1190 s, and ``chi64_t12``, 216 s, of ``realtime_ex1.EX1_RUNS``): PASS,
D_R = 1.7e-3, 9.6e-4, 3.1e-4, |R - F| = 3.1e-4 <= B = 3.1e-3 (9.6 % of max F), every 10 %
change of F rejected (claim ``bertini2016.realtime.ex1-two-time``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from symness.ghd.realtime_integrated import CheckedVerdict
from symness.validation import ParameterError

__all__ = ["PAIRS", "POWER", "RAY_WINDOW", "TwoTimeRate", "TwoTimeVerdict", "agreement",
           "budget", "charge_on_rays", "deviations", "rays", "step_reference",
           "two_time_rate", "two_time_verdict"]

#: Pairs (t1, 2 t1) per protocol, in increasing t1.
PAIRS = {"ex1": ((2.0, 4.0), (3.0, 6.0), (4.0, 8.0)),
         "ex1_t12": ((3.0, 6.0), (4.0, 8.0), (6.0, 12.0))}
#: Bulk window of the rays, |zeta| <= RAY_WINDOW.
RAY_WINDOW = 0.75
#: X: the criterion must fail for F scaled by 1 +- X or shifted by +- X max|F|.
POWER = 0.10


def rays(t1: float, window: float = RAY_WINDOW) -> np.ndarray:
    """Zeta = k / t1 (k integer) with |zeta| <= window."""
    if t1 <= 0 or window <= 0:
        raise ParameterError(f"'t1' and 'window' must be > 0 (got {t1}, {window})")
    top = int(np.floor(window * t1 + 1e-9))
    return np.arange(-top, top + 1) / t1


def step_reference(positions: np.ndarray, q_left: float, q_right: float) -> np.ndarray:
    """q_s of eq. (T0) on the lattice ``positions``: q_L at x < 0, q_R at x > 0, mean at 0."""
    x = np.asarray(positions, dtype=float)
    return np.where(x < 0, q_left, np.where(x > 0, q_right, 0.5 * (q_left + q_right)))


def charge_on_rays(cuts: np.ndarray, cumul: np.ndarray, t: float,
                   zetas: np.ndarray) -> np.ndarray:
    """C at x = zeta t, each x a cut or the midpoint of two neighbouring cuts (the mean)."""
    x = np.asarray(zetas, dtype=float) * t
    steps = 2 * (x - cuts[0])
    if (np.any(np.abs(steps - np.round(steps)) > 1e-9) or np.any(x < cuts[0])
            or np.any(x > cuts[-1])):
        raise ParameterError(f"the points zeta t (t = {t}) must be cuts or midpoints of "
                             "cuts inside the chain")
    return np.interp(x, cuts, cumul)


def two_time_rate(cuts: np.ndarray, cumul_1: np.ndarray, t1: float, cumul_2: np.ndarray,
                  t2: float, zetas: np.ndarray) -> np.ndarray:
    """R(zeta; t1, t2) of eq. (T2) from C on the ``cuts`` at t1 and t2."""
    if not 0 < t1 < t2:
        raise ParameterError(f"need 0 < t1 < t2 (got {t1}, {t2})")
    return ((charge_on_rays(cuts, cumul_2, t2, zetas) - charge_on_rays(cuts, cumul_1, t1, zetas))
            / (t2 - t1))


@dataclass(frozen=True)
class TwoTimeRate:
    """R of one pair on its rays, with the TEBD error of R per ray."""

    pair: tuple[float, float]
    zeta: np.ndarray
    rate: np.ndarray
    tebd_error: np.ndarray


def budget(first: TwoTimeRate, last: TwoTimeRate, ghd_error: float) -> tuple[np.ndarray,
                                                                               float]:
    """(indices into ``last`` of the rays shared with ``first``, B of the module docstring)."""
    i_f = [i for i, z in enumerate(first.zeta) if np.any(np.abs(last.zeta - z) < 1e-12)]
    if not i_f:
        raise ParameterError("the first and the last pair share no ray")
    i_l = np.array([int(np.argmin(np.abs(last.zeta - first.zeta[i]))) for i in i_f])
    bound = (np.max(np.abs(last.rate[i_l] - first.rate[i_f])) + 2 * np.max(last.tebd_error)
             + np.max(first.tebd_error) + ghd_error)
    return i_l, float(bound)


def deviations(rates: list[TwoTimeRate], ghd_at) -> list[float]:
    """D_R = max over the rays of |R - F| per pair, F given as ``ghd_at(zetas)``."""
    return [float(np.max(np.abs(r.rate - ghd_at(r.zeta)))) for r in rates]


def agreement(rates: list[TwoTimeRate], ghd_at, ghd_error: float) -> dict[str, bool]:
    """The first two conditions of the criterion for F given as ``ghd_at(zetas)``."""
    devs = deviations(rates, ghd_at)
    idx, bound = budget(rates[0], rates[-1], ghd_error)
    last = rates[-1]
    within = float(np.max(np.abs(last.rate[idx] - ghd_at(last.zeta[idx])))) <= bound
    return {"D_R decreasing over the pairs": all(b < a for a, b in zip(devs, devs[1:])),
            "|R - F| <= budget (last pair)": within}


@dataclass(frozen=True)
class TwoTimeVerdict(CheckedVerdict):
    """D_R per pair, the budget of the last pair, the checks (agreement and power)."""

    pairs: tuple[tuple[float, float], ...]
    deviation: tuple[float, ...]
    shared_zeta: tuple[float, ...]
    last_deviation: float
    budget: float
    f_max: float
    checks: dict[str, bool]
    mutations: dict[str, bool]


def two_time_verdict(rates: list[TwoTimeRate], ghd, power: float = POWER) -> TwoTimeVerdict:
    """Apply the criterion of the module docstring to the pairs ``rates`` (increasing t1).

    ``ghd`` is an :class:`~symness.ghd.realtime_integrated.IntegratedGHD` (``at``,
    ``values``, ``error``).  ``mutations`` maps each mutated F to whether it still agrees.
    """
    if len(rates) < 2:
        raise ParameterError("need at least two pairs")
    f_max = float(np.max(np.abs(ghd.values)))
    checks = agreement(rates, ghd.at, ghd.error)
    mutations = {}
    for sign in (1, -1):
        mutations[f"scale {1 + sign * power:g}"] = all(agreement(
            rates, lambda z, s=sign: (1 + s * power) * ghd.at(z), ghd.error).values())
        mutations[f"shift {sign * power:+g} max F"] = all(agreement(
            rates, lambda z, s=sign: ghd.at(z) + s * power * f_max, ghd.error).values())
    checks[f"power: every F changed by {power:.0%} rejected"] = not any(mutations.values())
    idx, bound = budget(rates[0], rates[-1], ghd.error)
    last = rates[-1]
    shared = last.zeta[idx]
    return TwoTimeVerdict(tuple(r.pair for r in rates), tuple(deviations(rates, ghd.at)),
                          tuple(float(z) for z in shared),
                          float(np.max(np.abs(last.rate[idx] - ghd.at(shared)))), bound,
                          f_max, checks, mutations)
