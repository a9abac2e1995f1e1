"""Tables of the strongly driven chain (Prosen 2011b) and of the optimal Mazur bound."""

from __future__ import annotations

import math
from fractions import Fraction

from symness.outputs import Table, table

F = Fraction

#: Chain lengths and anisotropies of the current table.
SIZES = (8, 16, 32, 64, 125, 250, 500, 1000, 2000)
DELTAS = (F(1, 2), F(7, 10), F(1), F(3, 2))
#: Absolute accuracy of a transfer-matrix current (float64 cancellation in Im <s+ s->,
#: module :mod:`.transfer`): J is the difference of terms of order one.
CURRENT_FLOOR = 1e-16


def format_current(value: float) -> str:
    """``value`` with the significant digits its absolute floor allows (at most 10)."""
    if abs(value) < 100 * CURRENT_FLOOR:
        return f"< {100 * CURRENT_FLOOR:.0e} (float64 floor)"
    digits = min(10, int(math.log10(abs(value) / CURRENT_FLOOR)))
    return f"{value:.{digits}g}"


@table("prosen2011-strong-drive-current", aliases=("prosen2011b_current",),
       description="exact NESS current J(n) of the maximally driven XXZ chain, eps = 1, "
                   "Delta = 1/2, 7/10, 1, 3/2")
def current_table() -> Table:
    """``<J>`` against ``n`` from the MPA (transfer matrices), and ``n^2 J`` at ``Delta = 1``."""
    from symness.strong_drive.model import StrongDrive
    from symness.strong_drive.transfer import profiles

    rows = []
    for n in SIZES:
        row: list[object] = [n]
        for delta in DELTAS:
            if delta > 1 and n > 64:
                row.append("-")  # coefficients overflow / J below the floor long before
                continue
            row.append(format_current(float(profiles(StrongDrive(n, delta, 1)).current[n // 2])))
        j_xxx = float(profiles(StrongDrive(n, 1, 1)).current[n // 2])
        row.append(f"{n * n * j_xxx:.10g}")
        rows.append(row)
    return Table(title="Current of the maximally driven XXZ chain, eps = 1 (Prosen 2011b MPA)",
                 columns=["n", *(f"J (Delta={d})" for d in DELTAS), "n^2 J (Delta=1)"],
                 rows=rows, command="symness table prosen2011b_current --write "
                                    "tables/prosen2011b_current",
                 notes=["J on the middle bond; float64 transfer matrices, relative error "
                        "~1e-12, absolute floor ~1e-16",
                        "Delta = 1: n^2 J -> pi^2/eps "
                        "(claim prosen2011.strong-drive.xxx-amplitude); "
                        "Delta = 1/2: constant (3-level auxiliary space); Delta = 7/10: "
                        "still drifting at n = 2000; Delta = 3/2: J ~ exp(-n arccosh Delta)"])


@table("prosen2011-optimal-mazur-bounds", aliases=("prosen_ilievski2013_bounds",), slow=True,
       description="Drude-weight bounds side by side, m <= 12: Prosen's D_Z (000, (20)), the "
                   "optimal Prosen-Ilievski d_PI, the bound of the constructed quasi-local "
                   "charges (optimal weight and grid-optimised), and GHD; ratio d_PI/D_Z")
def bounds_table() -> Table:
    """``D_Z`` (Jordan form), ``d_PI``, the quasi-local charges' bounds, ``8 D`` (GHD), ratios."""
    import mpmath

    from symness.exact.cos_field import to_sympy
    from symness.ghd.drude import spin_drude_weight
    from symness.mpa.mazur.bound import dz_jordan
    from symness.quasilocal.optimise import grid_bound, weight_bound
    from symness.strong_drive.claims_mazur import coprime_cases
    from symness.strong_drive.optimal_mazur import d_pi, ratio
    from symness.tba.quadrature import RapidityGrid

    grid = RapidityGrid(step=0.025, cutoff=16.0)
    rows = []
    for ell, m in coprime_cases():
        dz_exact = to_sympy(dz_jordan(ell, m), m)
        dz = mpmath.mpf(str(dz_exact.evalf(30)))
        dpi = d_pi(ell, m)
        ghd = 8 * spin_drude_weight(F(ell, m), grid=grid)
        charges = weight_bound(ell, m, nx=100, ny=400)
        on_grid = grid_bound(ell, m, 3)
        rows.append([m, ell, f"{math.cos(math.pi * ell / m):.12f}", str(dz_exact),
                     mpmath.nstr(dz, 12), mpmath.nstr(dpi, 12), f"{charges:.13f}",
                     f"{abs(charges / float(dpi) - 1):.0e}", f"{on_grid:.{_digits(on_grid, dpi)}f}",
                     f"{(float(dpi) - on_grid) / float(dpi):.1e}", f"{ghd:.10f}",
                     f"{abs(ghd - float(dpi)):.0e}", mpmath.nstr(dpi / dz, 12),
                     mpmath.nstr(ratio(m), 12)])
    return Table(title="Spin Drude weight at infinite temperature: bounds and exact value, "
                       "normalised to 1 at Delta = 0",
                 columns=["m", "l", "Delta", "D_Z exact (000, (20))", "D_Z", "d_PI (2013)",
                          "d_Z(phi) optimal weight", "|rel. diff|", "d_Z(phi) grid 7x13",
                          "rel. gap", "8D (GHD)", "|GHD - d_PI|", "d_PI/D_Z", "R(m)"],
                 rows=rows, command="symness table prosen_ilievski2013_bounds --write "
                                    "tables/prosen_ilievski2013_bounds",
                 notes=["l <= m/2 (Delta -> -Delta leaves all three unchanged)",
                        "D_Z by the Jordan form of paper 000's transfer matrix (symness.mpa); "
                        "d_PI = sin^2(pi l/m)/sin^2(pi/m) (1 - (m/2pi) sin(2pi/m)) (closed "
                        "form, mpmath 30 digits); 8D: GHD on the rapidity grid h = 0.025, "
                        "cutoff 16 (accurate to ~1e-11)",
                        "R(m) = 2(m-1)(1 - (m/2pi) sin(2pi/m))/(m sin^2(pi/m)) = d_PI/D_Z for "
                        "every l; R(2) = 1, R -> 4/3 (claims prosen_ilievski2013.*)",
                        "d_Z(phi): Mazur bound of the quasi-local charges Z(phi), "
                        "Z(phi)^dagger built from the complex-spin Lax operator "
                        "(symness.quasilocal): 'optimal weight' = the charge int |sin phi|^-4 "
                        "Z(phi) over the strip |Re phi - pi/2| < pi/(2m) (Gauss rule 100 x 400, "
                        "float64, accurate to ~1e-14 relative; claim "
                        "prosen_ilievski2013.optimal_weight); 'grid' = the Gram system of 91 "
                        "charges on a 7 x 13 grid of the strip solved in ball arithmetic (a "
                        "lower bound; the relative gap shrinks geometrically with the grid, "
                        "claim prosen_ilievski2013.optimal_bound_grid); l enters both as the "
                        "exact factor sin^2(pi l/m)",
                        "Z(pi/2) alone gives D_Z exactly (claim "
                        "prosen_ilievski2013.single_charge_dz)"])


def _digits(value: float, reference) -> int:
    """Decimals of a lower bound ``value`` that its gap to ``reference`` leaves meaningful."""
    gap = max(abs(float(reference) - value), 1e-15)
    return max(2, min(13, int(-math.log10(gap)) + 1))
