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


@table("prosen2011b_current", description="exact NESS current J(n) of the maximally driven "
                                          "XXZ chain, eps = 1, Delta = 1/2, 7/10, 1, 3/2")
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
                        "Delta = 1: n^2 J -> pi^2/eps (claim strong_drive.xxx_amplitude); "
                        "Delta = 1/2: constant (3-level auxiliary space); Delta = 7/10: "
                        "still drifting at n = 2000; Delta = 3/2: J ~ exp(-n arccosh Delta)"])
