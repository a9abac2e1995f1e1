"""Tables of Bertini et al. (2016): the spin Drude weight side by side with its bounds."""

from __future__ import annotations

import math
from fractions import Fraction

from symness.outputs import Table, table


@table("bertini2016_drude", description="spin Drude weight at beta=0: GHD vs Prosen-Ilievski "
                                        "vs Prosen's Mazur bound D_Z (paper 000, (20))")
def drude_table() -> Table:
    """8 D from GHD, the closed form, and D_Z, normalised to 1 at Delta = 0."""
    from symness.ghd.claims import MAZUR_TABLE
    from symness.ghd.drude import prosen_ilievski, spin_drude_weight

    rows = []
    for (p, m), dz in MAZUR_TABLE.items():
        ghd = 8 * spin_drude_weight(Fraction(p, m))
        exact = 8 * prosen_ilievski(p, m)
        rows.append([f"pi*{p}/{m}", f"{math.cos(math.pi * p / m):.6f}", f"{ghd:.12f}",
                     f"{exact:.12f}", f"{abs(ghd - exact):.1e}", str(dz), f"{float(dz):.6f}"])
    return Table(title="Spin Drude weight at infinite temperature, normalised D(Delta=0) = 1",
                 columns=["gamma", "Delta", "8D (GHD)", "8D (Prosen-Ilievski)", "|diff|",
                          "D_Z (000, (20))", "D_Z"],
                 rows=rows, command="symness table bertini2016_drude --write "
                                    "tables/bertini2016_drude",
                 notes=["D = lim (1/t) int_0^t sum_x <j_x(s) j_0> at beta = 0, spin-1/2 "
                        "current, J = 1; D(Delta=0) = 1/8; Prosen-Ilievski: (1/8) "
                        "sin^2(pi l/m)/sin^2(pi/m) (1 - (m/2pi) sin(2pi/m))",
                        "D_Z < 8D strictly except at Delta = 0 (paper 000 table (20))"])
