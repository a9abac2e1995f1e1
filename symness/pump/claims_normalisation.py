"""Claims on the drive normalisation of eq. (20) and the position of the current maxima."""

from __future__ import annotations

import math

import numpy as np
import sympy

from symness.claims import Evidence, claim
from symness.pump import drive_normalisation as dn
from symness.pump.hypotheses import READINGS
from symness.pump.maxima import PAPER_WINDOW, exact_maximum, rate_factor
from symness.pump.model import PumpParams
from symness.pump.system import PumpSystem

PAPER = "004"


@claim("lange2017.eq20.normalisation", paper=PAPER, equation="(8), (19), (20)", kind="exact",
       statement="from (8), H^(+-) = (X2 +- i X1)/2; the second-order Floquet rate built "
                 "from the definitions (19) equals the golden rule (20) with these H^(+-) "
                 "(Lorentzian width eta), and is 1/4 of (20) with H^(+-) = X2 +- i X1")
def _drive_normalisation() -> Evidence:
    x1, x2 = sympy.symbols("X1 X2", real=True)
    h_plus, h_minus = dn.drive_fourier_components(x1, x2)
    printed = (sympy.simplify(h_plus - (x2 + sympy.I * x1) / 2) == 0
               and sympy.simplify(h_minus - (x2 - sympy.I * x1) / 2) == 0)
    _, _, _, _, a1, b1, a2, b2 = dn.TWO_LEVEL_SYMBOLS
    # <k|X_i|m> = conj(<m|X_i|k>) = a_i - i b_i
    elements = {x1: a1 - sympy.I * b1, x2: a2 - sympy.I * b2}
    floquet = dn.floquet_two_level_rate()
    golden = dn.golden_rule_rate(h_plus.subs(elements), h_minus.subs(elements))
    equal = sympy.simplify(sympy.expand_complex(floquet - golden)) == 0
    unhalved = dn.golden_rule_rate(2 * h_plus.subs(elements), 2 * h_minus.subs(elements))
    ratio = sympy.simplify(sympy.expand_complex(unhalved / floquet))
    return Evidence.exact(printed and equal and ratio == 4,
                          reference="sympy: Fourier integrals of (8); Floquet matrices of (19) "
                                    "for a two-level system, -P L1 (L0 - eta)^-1 L1 P",
                          detail=f"H^(+) = {h_plus}; Floquet rate - (20) = 0: {equal}; "
                                 f"(20) with X2 +- i X1 / Floquet rate = {ratio}")


def _maxima_evidence(n: int) -> Evidence:
    found, notes = [], []
    for field, observable in ((-1.0, "heat_current"), (0.0, "spin_current")):
        r_star, value, solves = exact_maximum(PumpSystem(PumpParams(n=n, field=field)),
                                              observable, bracket=(0.3, 12.0))
        found.append(r_star)
        readings = ", ".join(f"{r.key}: {r_star / math.sqrt(r.rate_factor(n)):.2f}"
                             for r in READINGS if r.uniform and r.key != "printed")
        notes.append(f"{observable} (B={field:g}): r* = {r_star:.2f} (|value|/N = {value:.2e}, "
                     f"{solves} solves), drive rates x{rate_factor(r_star):.1f} would put it "
                     f"at 1; r* under other readings: {readings}")
    outside = all(not PAPER_WINDOW[0] <= r <= PAPER_WINDOW[1] for r in found)
    # Brent's bracket accuracy (xatol = 1e-3) is the measured error; the verdict fails if a
    # maximum fell inside the paper's window (then the discrepancy would be gone)
    return Evidence.numeric(1e-3, 1e-3,
                            reference="paper: maxima at eps_d/eps_ph ~ 1 (Fig. 3 text, Fig. 4 "
                                      "caption); window [0.71, 1.41]",
                            detail=f"n={n}, exact (11): " + "; ".join(notes),
                            requires={"every maximum outside the paper's window": outside})


@claim("lange2017.fig3-4.maxima-n10", paper=PAPER, equation="Fig. 3 text, Fig. 4 caption",
       kind="numeric", slow=True,
       statement="with the normalisation printed in (20)-(21) the maxima of J_H (B = -1) and "
                 "J_S (B = 0) versus eps_d/eps_ph lie outside [0.71, 1.41], at 3.30 and 2.14, "
                 "unlike the paper's ~1 (n = 10, exact approach, Brent search to 1e-3); "
                 "drive rates x4 (H^(+-) without the 1/2) would put them at 1.65 and 1.07. "
                 "Not explained by any tested reading (lange2017.maxima.readings)")
def _maxima_n10() -> Evidence:
    return _maxima_evidence(10)


#: The drift claim's bound on the n = 14 parabola's error, decided before the n = 14 run:
#: comparable to the n = 12 -> 14 drift (0.08) that the geometric model of n = 8, 10, 12
#: predicted (the measured drift is 0.31).
PARABOLA_TOLERANCE = 0.05


def _drift_data() -> tuple[list[int], list[float], float, str]:
    """``r*(n)`` of J_H (B = -1) for n = 8, 10, 12 (Brent) and 14 (cached parabola); its error."""
    from symness.pump.beyond import read_points
    from symness.pump.lean_steady_state import LeanPump
    from symness.pump.maxima import grid_maximum

    cached = sorted((r["ratio"], r["heat_current"]) for r in read_points()
                    if r["n"] == 14 and r["field"] == -1.0 and r["ratio"] >= 2)
    if len(cached) < 3:
        raise RuntimeError("tables/lange2017_n14.csv lacks three n = 14 points with ratio >= 2 "
                           "(symness pump large --n 14 --values 1,2,2.5,3,3.5)")
    grid = [r for r, _ in cached]
    sizes, stars = [8, 10, 12, 14], []
    for n in sizes[:-1]:
        lean = LeanPump(PumpParams(n=n, field=-1.0))
        stars.append(exact_maximum(lean, "heat_current", bracket=(0.3, 12.0))[0])
    # the same parabola on the same grid at n = 12, against its Brent maximum: the error model
    at_12 = [lean.exact(r)[1]["heat_current"] for r in grid]
    error = abs(grid_maximum(grid, at_12)[0] - stars[-1])
    stars.append(grid_maximum(grid, [v for _, v in cached])[0])
    return sizes, stars, error, f"n = 14 grid {grid}"


@claim("lange2017.maxima.drift", paper=PAPER, equation="Fig. 3 text", kind="numeric",
       slow=True,
       statement="finite-size drift of the J_H maximum (B = -1, exact approach (11)): r*(n) = "
                 "5.15, 3.30, 2.86, 2.55 for n = 8, 10, 12 (Brent, lean solver) and 14 "
                 "(parabola through the cached points; its error, calibrated by the same "
                 "parabola against Brent at n = 12, within 0.05) decreases with n and, at the "
                 "paper's own size n = 12, lies outside the paper's window [0.71, 1.41]. The "
                 "n -> infinity limit is NOT determined by n <= 14: fits of n = 10, 12, 14 in "
                 "1/n, 1/n^2 and geometric give 0.69, 1.79, 1.84, on both sides of 1.41")
def _maxima_drift() -> Evidence:
    from symness.pump.maxima import extrapolate

    sizes, stars, error, grid = _drift_data()
    limits = extrapolate(sizes, stars)
    values = [v for v, _ in limits.values()]
    decreasing = all(a > b for a, b in zip(stars, stars[1:]))
    lo, hi = PAPER_WINDOW
    outside_12 = not lo <= stars[sizes.index(12)] <= hi
    return Evidence.numeric(error, PARABOLA_TOLERANCE,
                            reference="paper: J_H largest for eps_ph ~ eps_d (window "
                                      "[0.71, 1.41]); Brent maximum at n = 12 for the "
                                      "parabola's error",
                            detail="r*(n): " + ", ".join(f"{n}: {r:.3f}" for n, r in
                                                         zip(sizes, stars))
                            + f" (n = 14 parabola error {error:.3f}; {grid}); n -> inf from "
                              "n = 10, 12, 14: "
                            + ", ".join(f"{k} {v:.2f} (rms residual {e:.3f})"
                                        for k, (v, e) in limits.items()),
                            requires={"r*(n) decreasing": decreasing,
                                      "r*(12) outside the paper's window": outside_12,
                                      "the limits straddle the window's upper edge (not "
                                      "determined)": min(values) < hi < max(values)})


#: Largest relative shift of r* from dropping the principal parts that still leaves them
#: irrelevant to the discrepancy: the paper's ~1 needs a shift by a factor of 2 or more.
PRINCIPAL_TOLERANCE = 0.1


@claim("lange2017.maxima.principal-parts", paper=PAPER, equation="(20), (21), Methods",
       kind="numeric",
       statement="dropping the principal parts (phonon Lamb shift, drive AC Stark shift), "
                 "which the rates (20)-(21) do not contain, moves the maxima of J_H (B = -1) "
                 "and J_S (B = 0) by less than 10% (n = 8, exact approach, Brent search): "
                 "they do not explain the position of the maximum")
def _principal_parts() -> Evidence:
    from symness.pump.exact_steady_state import generator_q
    from symness.pump.maxima import FixedParts, without_principal_parts

    shifts, notes, changes = [], [], []
    for field, observable in ((-1.0, "heat_current"), (0.0, "spin_current")):
        system = PumpSystem(PumpParams(n=8, field=field))
        kept = exact_maximum(system, observable, bracket=(0.3, 12.0))[0]
        cp = without_principal_parts(system.couplings)
        bare = FixedParts(generator_q(cp, system.pairs, (cp.phonon,)),
                          generator_q(cp, system.pairs, (cp.drive,)), system.pairs,
                          system.observables)
        dropped = exact_maximum(bare, observable, bracket=(0.3, 12.0))[0]
        full = system.generator(1.0)
        changes.append(float(np.linalg.norm(bare.l_ph + bare.l_d - full) / np.linalg.norm(full)))
        shifts.append(abs(dropped - kept) / kept)
        notes.append(f"{observable} (B={field:g}): r* = {kept:.3f} with, {dropped:.3f} without "
                     f"(L^Q changes by {changes[-1]:.1e} relative)")
    return Evidence.numeric(max(shifts), PRINCIPAL_TOLERANCE,
                            reference="the same solver with Gamma replaced by its Hermitian "
                                      "part (rates only)", detail="n=8: " + "; ".join(notes),
                            requires={"the principal parts change L^Q (> 1e-3 relative)":
                                      min(changes) > 1e-3})
