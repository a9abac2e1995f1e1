"""Claims on the optimal Mazur bound d_PI (Prosen & Ilievski 2013; no seed text).

Registered under paper ``"003"`` (whose Drude weight the bound saturates) with ids
``prosen_ilievski2013.*``.  References: paper 000's exact ``D_Z`` by the Jordan form
of its transfer matrix (:func:`symness.mpa.mazur.bound.dz_jordan`) and the GHD
Drude weight (:func:`symness.ghd.drude.spin_drude_weight`), both used read-only.
"""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import sympy as sp

from symness.claims import Evidence, claim
from symness.strong_drive.optimal_mazur import _M, d_pi, ratio, ratio_symbolic

#: Working precision of the ratio comparison; tolerance = 1e5 ulps of it.
DPS = 30
RATIO_TOLERANCE = 1e-25
#: GHD on the fine rapidity grid (step 0.025, cutoff 16) vs d_PI, in d = 8 D units: the
#: ghd package's own tolerance for this comparison (1e-10 on D, claim
#: bertini2016.drude.prosen_ilievski_all), times 8.
GHD_TOLERANCE = 8e-10
MAX_M = 12


def coprime_cases(max_m: int = MAX_M) -> list[tuple[int, int]]:
    """``(l, m)``, ``2 <= m <= max_m``, ``1 <= l <= m/2`` coprime (``l -> m - l`` is a symmetry)."""
    return [(ell, m) for m in range(2, max_m + 1) for ell in range(1, m // 2 + 1)
            if math.gcd(ell, m) == 1]


@claim("bertini2016.prosen-ilievski2013.ratio-limit",
       paper="003", equation="d_PI / D_Z", kind="exact",
       statement="R(m) = d_PI/D_Z -> 4/3 as m -> oo, R(m) = 4/3 - 4/(3m) + O(m^-2), R(2) = 1 "
                 "(sympy limit and series of the closed forms)")
def _ratio_limit() -> Evidence:
    r = ratio_symbolic()
    limit = sp.limit(r, _M, sp.oo)
    x = sp.Symbol("x", positive=True)  # x = 1/m
    series = sp.series(r.subs(_M, 1 / x), x, 0, 2).removeO()
    first = sp.simplify(series - (sp.Rational(4, 3) - sp.Rational(4, 3) * x))
    at_two = sp.simplify(r.subs(_M, 2))
    return Evidence.exact(limit == sp.Rational(4, 3) and first == 0 and at_two == 1,
                          reference="closed forms of d_PI and D_Z (000, (20))",
                          detail=f"limit={limit}, series={series}, R(2)={at_two}")


@claim("bertini2016.prosen-ilievski2013.ratio-monotone", paper="003", equation="d_PI / D_Z",
       kind="numeric",
       statement="R(m) increases strictly with m and stays below 4/3 for m = 2..10^4")
def _ratio_monotone() -> Evidence:
    values = [ratio(m, dps=DPS) for m in range(2, 10**4 + 1)]
    steps = [b - a for a, b in zip(values, values[1:])]
    gap = mpmath.mpf(4) / 3 - values[-1]
    return Evidence.numeric(0.0, 0.0, reference="R(m) closed form",
                            precision=f"mpmath dps={DPS}",
                            detail=f"min step {mpmath.nstr(min(steps), 3)}, 4/3 - R(10^4) = "
                                   f"{mpmath.nstr(gap, 3)} (~ 4/(3 10^4))",
                            requires={"R(m) strictly increasing": bool(min(steps) > 0),
                                      "R(m) < 4/3": bool(gap > 0)})


@claim("bertini2016.prosen-ilievski2013.ratio-vs-jordan", paper="003", equation="d_PI / D_Z",
       kind="numeric", slow=True,
       statement="d_PI(l,m) / D_Z(l,m), with paper 000's exact Jordan-form D_Z, equals R(m) "
                 "for every coprime l/m, m <= 12: the gain of the quasi-local charges over "
                 "the local ones is independent of l")
def _ratio_vs_jordan() -> Evidence:
    from symness.exact.cos_field import to_sympy
    from symness.mpa.mazur.bound import dz_jordan

    worst = mpmath.mpf(0)
    with mpmath.workdps(DPS):
        for ell, m in coprime_cases():
            dz = mpmath.mpf(sp.N(to_sympy(dz_jordan(ell, m), m), DPS + 5))
            worst = max(worst, abs(d_pi(ell, m, dps=DPS) / dz - ratio(m, dps=DPS)))
    return Evidence.numeric(float(worst), RATIO_TOLERANCE,
                            reference="D_Z by the Jordan form of T' (symness.mpa)",
                            precision=f"mpmath dps={DPS}",
                            detail=f"{len(coprime_cases())} pairs l <= m/2; R(12) = "
                                   f"{mpmath.nstr(ratio(12), 10)}")


@claim("bertini2016.prosen-ilievski2013.ghd",
       paper="003", equation="d_PI vs GHD", kind="cross-check",
       slow=True,
       statement="the GHD Drude weight 8 D (fine rapidity grid) equals d_PI for every "
                 "coprime l/m, m <= 12 (the default grid is off by up to 1.8e-7 at m = 12)")
def _ghd() -> Evidence:
    from symness.ghd.drude import spin_drude_weight
    from symness.tba.quadrature import RapidityGrid

    grid = RapidityGrid(step=0.025, cutoff=16.0)
    errors = {(ell, m): abs(8 * spin_drude_weight(Fraction(ell, m), grid=grid)
                            - float(d_pi(ell, m)))
              for ell, m in coprime_cases()}
    (ell, m), worst = max(errors.items(), key=lambda kv: kv[1])
    return Evidence.numeric(worst, GHD_TOLERANCE, reference="GHD (symness.ghd), grid h=0.025",
                            detail=f"worst at l/m = {ell}/{m}")
