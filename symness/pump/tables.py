"""Tables of Lange, Lenarcic & Rosch (2017): conserved-operator count, phonon-width robustness."""

from __future__ import annotations

import math
from fractions import Fraction

from symness.models.xxz_ring import XXZRing, eigensystem
from symness.outputs import Table, table
from symness.pump.exact_steady_state import multiplet_count
from symness.pump.level_count import exact_level_pair_count, sector_level_counts
from symness.pump.model import PumpParams
from symness.pump.system import PumpSystem
from symness.validation import require_int

__all__ = ["count_table", "COUNT_COLUMNS", "eta_table", "eta_rows", "ETA_COLUMNS"]

COUNT_COLUMNS = ("n", "exact E_n=E_m (flint)", "sectors E_n=E_m", "package E_n=E_m",
                 "sectors equal k", "package equal k (solver)")


def count_row(n: int, delta: Fraction = Fraction(4, 5), field: Fraction = Fraction(-1)) -> list:
    """One row of :func:`count_table`: the exact count and the two float64 counts of each kind."""
    ring = XXZRing(n=n, delta=float(delta), field=float(field))
    sectors_all, sectors_k = sector_level_counts(ring)
    es = eigensystem(ring)
    return [n, exact_level_pair_count(n, delta, field), sectors_all,
            multiplet_count(es, same_momentum=False)[0], sectors_k, multiplet_count(es)[0]]


@table("lange2017-count", slow=True,
       description="number of conserved |n><m| (E_n = E_m; and of equal momentum) of H0, "
                   "Delta = 4/5, B = -1, exact and two float64 algorithms (Fig. 3 caption)")
def count_table(*, max_n=12) -> Table:
    """Counts for even ``n = 4 .. max_n`` (``max_n = 12``: about 5 CPU minutes, exact part).

    Column 2 is exact (characteristic polynomials per S^z sector, square-free
    parts and their gcds, :func:`symness.pump.level_count.exact_level_pair_count`);
    columns 3-6 group float64 levels within 1e-9 (sector algorithm of
    :mod:`symness.pump.level_count` and the package eigensystem).  The caption of
    Fig. 3 says 7969 at n = 12.
    """
    max_n = require_int(max_n, "max_n", minimum=4, maximum=12)
    rows = [count_row(n) for n in range(4, max_n + 1, 2)]
    return Table(title="Conserved operators |n><m| of H0 (J = 1, Delta = 4/5, B = -1)",
                 columns=COUNT_COLUMNS, rows=rows,
                 command=f"symness table lange2017-count --max-n {max_n} "
                         "--write tables/lange2017_count",
                 parameters={"delta": "4/5", "field": "-1", "max_n": max_n},
                 notes=("Fig. 3 caption: 7969 conservation laws at N = 12 (odd; every count "
                        "here is a sum of squares over 2^n states, hence even).",))


#: Fields and broadenings of the robustness check (Methods: "similar results ... for
#: eta = 0.1 J for magnetic fields up to |B| = 2 J").
ETA_FIELDS = (-1.0, -2.0)
ETAS = (0.4, 0.1)


def eta_rows(n: int) -> list[list]:
    """Exact steady state (11) at ``(eps_d/eps_ph)^2 = 2.5`` for every field and phonon width."""
    rows = []
    for field in ETA_FIELDS:
        for eta in ETAS:
            system = PumpSystem(PumpParams(n=n, field=field, eta_ph=eta))
            _, obs = system.exact(math.sqrt(2.5))
            rows.append([n, field, eta] + [obs[k] for k in ETA_COLUMNS[3:]])
    return rows


ETA_COLUMNS = ("n", "field", "eta_ph", "energy", "heat_current", "spin_current")


@table("lange2017-eta", slow=True,
       description="exact steady state at eta_ph = 0.4 and 0.1, B = -1, -2, "
                   "(eps_d/eps_ph)^2 = 2.5 (Lange et al. 2017, Methods)")
def eta_table(*, n=12) -> Table:
    """Densities ``<H0>/N``, ``<J_H>/N``, ``<J_S>/N`` for the phonon widths 0.4 and 0.1.

    n = 12 takes about 3 CPU minutes (four prepared systems).
    """
    n = require_int(n, "n", minimum=6, maximum=12)
    return Table(title="Robustness to the phonon broadening eta_ph (exact approach)",
                 columns=ETA_COLUMNS, rows=eta_rows(n),
                 command=f"symness table lange2017-eta --n {n} --write tables/lange2017_eta",
                 parameters={"n": n, "ratio_squared": 2.5})
