"""Claims on the number of conserved operators |n><m| (Fig. 3 caption: "7969" at N = 12)."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

from symness.claims import Evidence, claim
from symness.models.xxz_ring import XXZRing, eigensystem
from symness.pump.exact_steady_state import multiplet_count
from symness.pump.level_count import exact_level_pair_count, sector_level_counts

PAPER = "004"
#: Written by ``symness table lange2017-count --max-n 12 --write tables/lange2017_count``.
COUNT_TABLE = Path(__file__).resolve().parents[2] / "tables" / "lange2017_count.csv"
CAPTION_COUNT = 7969


def _float_counts(n: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """``((sectors all, sectors equal k), (package all, package equal k))`` at Fig. 3's H0."""
    ring = XXZRing(n=n, delta=0.8, field=-1.0)
    es = eigensystem(ring)
    return sector_level_counts(ring), (multiplet_count(es, same_momentum=False)[0],
                                       multiplet_count(es)[0])


@claim("lange2017.count.small", paper=PAPER, equation="Fig. 3 caption, Methods (set Q)",
       kind="cross-check",
       statement="n = 4..10: the number of |n><m| with E_n = E_m counted exactly (integer "
                 "characteristic polynomials, square-free parts, gcds) equals both float64 "
                 "counts (S^z-sector eigh; package eigensystem), and the equal-momentum "
                 "counts of the two float64 algorithms agree")
def _count_small() -> Evidence:
    rows, ok = [], True
    for n in (4, 6, 8, 10):
        exact = exact_level_pair_count(n, Fraction(4, 5), -1)
        (sec_all, sec_k), (pkg_all, pkg_k) = _float_counts(n)
        ok &= exact == sec_all == pkg_all and sec_k == pkg_k
        rows.append(f"n={n}: {exact} (equal k: {sec_k})")
    return Evidence.exact(ok, reference="exact count by flint vs two float64 groupings at 1e-9",
                          detail="; ".join(rows))


@claim("lange2017.fig3.count", paper=PAPER, equation="Fig. 3 caption", kind="cross-check",
       slow=True,
       statement="n = 12, Delta = 4/5, B = -1: the exact number of |n><m| with E_n = E_m "
                 "(cached exact table) equals both float64 counts recomputed here; the "
                 "solver keeps the equal-momentum subset; the caption's 7969 is neither")
def _count_n12() -> Evidence:
    with COUNT_TABLE.open(newline="") as handle:
        rows = {int(r["n"]): r for r in csv.DictReader(ln for ln in handle
                                                        if not ln.startswith("#"))}
    exact = int(rows[12]["exact E_n=E_m (flint)"])
    (sec_all, sec_k), (pkg_all, pkg_k) = _float_counts(12)
    ok = exact == sec_all == pkg_all and sec_k == pkg_k and CAPTION_COUNT not in (exact, sec_k)
    return Evidence.exact(ok, reference=f"exact count cached in {COUNT_TABLE.name}; caption "
                                        f"{CAPTION_COUNT}",
                          detail=f"E_n = E_m: exact {exact}, sectors {sec_all}, package "
                                 f"{pkg_all}; equal momentum (kept by the solver): sectors "
                                 f"{sec_k}, package {pkg_k}; 2^12 = 4096 populations")
