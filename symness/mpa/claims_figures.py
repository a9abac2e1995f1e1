"""Claims on the statements of Figs. 1 and 2 of Prosen (2011)."""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import numpy as np
import sympy as sp

from symness.claims import Evidence, claim
from symness.mpa.mazur.bound import dz_formula
from symness.mpa.transfer.profiles import ProfileParams, magnetization_profile_adaptive

__all__ = ["KINK_DELTAS", "KINK_SIZES"]

#: |Delta| > 1 anisotropies (Fig. 1(c) and a stronger one) and the sizes of the growth law.
KINK_DELTAS = (sp.Rational(11, 10), sp.Integer(2))
KINK_SIZES = (40, 42, 44, 46, 48, 50)


def _log_edge_magnetization(n: int, delta) -> float:
    profile, _, _ = magnetization_profile_adaptive(ProfileParams(n, delta, 1), digits=10)
    return float(mpmath.log(abs(profile[0])))


@claim("prosen2011.fig1.superexponential", paper="000", equation="Fig. 1(c), text after (17)",
       kind="numeric", statement="for |Delta| > 1 the edge magnetization grows "
       "super-exponentially: log|M_1(n)| = (eta/2) n^2 + O(n), eta = arccosh Delta; the second "
       "difference [log|M_1|(n+2) - 2 log|M_1|(n) + log|M_1|(n-2)]/4 at n = 48 equals eta "
       "(Delta = 11/10, 2)")
def _superexponential() -> Evidence:
    # Law: the dominant paths of <L|T^(j-1) V T^(n-j)|R> climb to level ~n/2 where T's entries
    # are ~ e^(2 r eta)/4, giving eta n^2/2.  Error model: corrections decay geometrically in n;
    # estimate = 10 x |change of the second difference from n = 44 to 48| + 1e-9 (M_1 to 10
    # digits enters the second difference with weight 1/4 each).
    worst, detail = 0.0, []
    for delta in KINK_DELTAS:
        eta = float(mpmath.acosh(mpmath.mpf(delta)))
        logs = {n: _log_edge_magnetization(n, delta) for n in KINK_SIZES}

        def second(n, logs=logs):
            return (logs[n + 2] - 2 * logs[n] + logs[n - 2]) / 4

        estimate = 10 * abs(second(48) - second(44)) + 1e-9
        worst = max(worst, abs(second(48) - eta) / estimate)
        detail.append(f"Delta={delta}: second difference {second(48):.8f} vs eta {eta:.8f} "
                      f"(bound {estimate:.0e})")
    return Evidence.numeric(worst, 1.0, reference="eta = arccosh(Delta); error = |second "
                            "difference - eta| / convergence estimate",
                            precision="mpmath adaptive, 10 digits", detail="; ".join(detail))


@claim("prosen2011.fig2.envelope", paper="000", equation="Fig. 2", kind="exact",
       statement="D_Z(Delta) = (1 - Delta^2)/2 * m/(m-1) at Delta = cos(pi ell/m): the graph lies "
                 "between the envelope (1 - Delta^2)/2 (approached as m -> oo) and 1 - Delta^2 "
                 "(reached at m = 2), symbolically")
def _envelope() -> Evidence:
    m = sp.Symbol("m", integer=True, positive=True)
    ell = sp.Symbol("ell", integer=True, positive=True)
    delta = sp.cos(sp.pi * ell / m)
    form = dz_formula(m, sp.sin(sp.pi * ell / m) ** 2)
    identity = sp.simplify(form - (1 - delta**2) / 2 * m / (m - 1)) == 0
    factor = m / (m - 1)
    bounds = (sp.limit(factor, m, sp.oo) == 1 and factor.subs(m, 2) == 2
              and sp.simplify(sp.diff(factor, m) + 1 / (m - 1) ** 2) == 0)  # decreasing in m
    return Evidence.exact(identity and bounds,
                          reference="proved closed form (prosen2011.mazur.closed_form), sympy",
                          detail=f"identity: {identity}, m/(m-1) decreasing from 2 to 1: {bounds}")


@claim("prosen2011.fig2.discontinuous", paper="000", equation="Fig. 2", kind="exact",
       statement="D_Z is discontinuous at every rational point Delta_0 = cos(pi ell/m), "
                 "|Delta_0| < 1: along any sequence of other rational points -> Delta_0 (their "
                 "denominators -> oo) D_Z -> (1 - Delta_0^2)/2, a jump of "
                 "(1 - Delta_0^2)/(2(m-1)) > 0")
def _discontinuous() -> Evidence:
    q, m = sp.symbols("q m", integer=True, positive=True)
    d0 = sp.Symbol("Delta_0", real=True)
    limit_factor = sp.limit(q / (q - 1), q, sp.oo)
    jump = (1 - d0**2) / 2 * m / (m - 1) - (1 - d0**2) / 2 * limit_factor
    jump_ok = sp.simplify(jump - (1 - d0**2) / (2 * (m - 1))) == 0
    # positivity for |Delta_0| < 1, m >= 2: (1 - Delta_0^2) > 0 and m - 1 >= 1
    s = sp.Symbol("s", positive=True)  # 1 - Delta_0^2
    k = sp.Symbol("k", nonnegative=True, integer=True)  # m - 2
    positive = bool((s / (2 * (k + 1))).is_positive)
    return Evidence.exact(jump_ok and positive and limit_factor == 1,
                          reference="proved closed form; rationals with bounded denominators "
                                    "are finite in a bounded interval (so q -> oo)",
                          detail=f"jump = (1-Delta_0^2)/(2(m-1)): {jump_ok}; positive: {positive}")


def _farey_neighbours(a: int, q: int, max_m: int) -> tuple[Fraction, Fraction]:
    """Left and right neighbours of ``a/q`` in the Farey sequence of order ``max_m``.

    The neighbours ``b/r`` satisfy ``|a r - b q| = 1`` with the largest ``r <= max_m``:
    ``r = r0 + j q`` from the modular inverse (independent of the figure's enumeration).
    """
    out = []
    for sign in (-1, 1):  # left: a r - b q = 1 ; right: b q - a r = 1
        r0 = (-sign * pow(a, -1, q)) % q or q
        r = r0 + (max_m - r0) // q * q
        out.append(Fraction((a * r + sign) // q, r))
    return out[0], out[1]


def _gap_at_most(a: Fraction, b: Fraction, max_m: int) -> bool:
    """``b - a <= 1/max_m`` in integers (fast for many Fractions)."""
    return (b.numerator * a.denominator - a.numerator * b.denominator) * max_m \
        <= a.denominator * b.denominator


@claim("prosen2011.fig2.inset", paper="000", equation="Fig. 2 (inset)", kind="numeric",
       statement="the inset window Delta in [0.45, 0.55] of Fig. 2 (m <= 300) shows the "
                 "whole graph's structure at a smaller scale: (1) every point is "
                 "(1 - Delta^2)/2 * m/(m-1), the same law as the full range; (2) the tallest "
                 "point is Delta = 1/2, D_Z = 9/16 (table (20)), isolated: no other point with "
                 "m < 19 in the window, as predicted by the Farey neighbours 5/16, 6/17 of 1/3 "
                 "(outside) and 6/19 (inside); (3) at every resolution M = 19..300 the points "
                 "with m <= M leave no gap wider than 1/M in lam/pi (window edges included), "
                 "and the void around 1/3 "
                 "shrinks exactly as 1/(3 q_pm(M)), q_pm the Farey-neighbour denominators")
def _inset() -> Evidence:
    from symness.mpa.figures import FIG2_INSET, FIG2_MAX_M
    from symness.mpa.mazur.bound import dz_fractal

    # Criterion fixed before running.  (1) float64 closed form vs the envelope law evaluated
    # in float64: ~10 roundings of O(1) numbers, error <= 10 eps ~ 2e-15; tolerance 1e-14.
    # (2), (3) are exact statements on the (ell, m) of the plotted points (Fractions).
    data = dz_fractal(FIG2_MAX_M)
    lo, hi = FIG2_INSET
    inside = (data["delta"] >= lo) & (data["delta"] <= hi)
    ells, ms = data["ell"][inside].tolist(), data["m"][inside].tolist()
    delta, dz = data["delta"][inside], data["dz"][inside]
    law = (1 - delta**2) / 2 * data["m"][inside] / (data["m"][inside] - 1)
    error = float(np.max(np.abs(dz - law)))
    points = sorted(Fraction(e, m) for e, m in zip(ells, ms))
    top = int(np.argmax(dz))
    tallest = (ells[top], ms[top]) == (1, 3) and abs(dz[top] - 9 / 16) <= 1e-15
    window = (Fraction(math.acos(hi) / math.pi), Fraction(math.acos(lo) / math.pi))
    left, right = _farey_neighbours(1, 3, 18)
    isolated = (not window[0] <= left and not right <= window[1]
                and min(m for m in ms if m != 3) == 19)
    gaps_ok, void_ok = True, True
    for max_m in range(19, FIG2_MAX_M + 1):
        level = [x for x in points if x.denominator <= max_m]
        edges = [window[0], *level, window[1]]  # a Farey gap <= 1/M also bounds the edge gaps
        gaps_ok &= all(_gap_at_most(a, b, max_m) for a, b in zip(edges, edges[1:]))
        k = level.index(Fraction(1, 3))
        near_l, near_r = _farey_neighbours(1, 3, max_m)
        void_ok &= (k == 0 or level[k - 1] == near_l) and (k + 1 == len(level)
                                                            or level[k + 1] == near_r)
    return Evidence.numeric(error, 1e-14, reference="envelope law (proved closed form), table "
                            "(20), Farey-neighbour formula (modular inverse)",
                            detail=f"{len(ms)} points in [{lo}, {hi}], m <= {FIG2_MAX_M}; "
                                   f"max |D_Z - law| = {error:.0e}",
                            requires={"tallest point Delta = 1/2, D_Z = 9/16": tallest,
                                      "isolated: no m < 19 besides 1/3": isolated,
                                      "gaps <= 1/M for M = 19..300": gaps_ok,
                                      "void around 1/3 = Farey neighbours": void_ok})
