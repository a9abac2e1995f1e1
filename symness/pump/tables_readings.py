"""Table of the readings of the paper's normalisations (issue 19): maxima and Fig. 5 values."""

from __future__ import annotations

from symness.outputs import Table, table
from symness.pump.hypotheses import (
    FIG5_FIELDS,
    FIG5_WINDOWS,
    READINGS,
    read_cache,
    run_reading,
    verdict,
)
from symness.pump.maxima import PAPER_WINDOW

__all__ = ["readings_table", "READING_COLUMNS"]

READING_COLUMNS = ("reading", "drive rates x (N = 12)", "r* J_H n=8", "r* J_H n=10",
                   "r* J_H n=12", "r* J_S n=8", "r* J_S n=10", "r* J_S n=12", "max J_S/N",
                   "min C3/N", "J_H/N B=-2", "eta_ph 0.1 change", "maxima in window",
                   "Fig. 5 in windows")


def _cell(value: float, digits: int) -> str:
    return f"{value:.{digits}f}" if value == value else "-"


def reading_rows(rows: list[dict]) -> list[list]:
    """One row per reading of :data:`symness.pump.hypotheses.READINGS` from the cache ``rows``."""
    out = []
    for reading in READINGS:
        v = verdict(reading, rows)
        factor = f"{reading.rate_factor(12):.4g}" if reading.uniform else "not uniform"
        out.append([reading.key, factor]
                   + [_cell(v.heat_rstar.get(n, float("nan")), 2) for n in (8, 10, 12)]
                   + [_cell(v.spin_rstar.get(n, float("nan")), 2) for n in (8, 10, 12)]
                   + [f"{v.fig5['max J_S/N']:.2e}", f"{v.fig5['min C3/N']:.2e}",
                      f"{v.fig5['J_H/N at B=-2']:.2e}", _cell(v.eta_change, 2),
                      "yes" if v.maxima_in_window else "no",
                      "yes" if all(v.fig5_in_windows.values()) else
                      "no (" + ", ".join(k for k, ok in v.fig5_in_windows.items() if not ok) + ")"])
    return out


@table("lange2017-maximum-hypotheses", slow=True,
       description="each reading of the normalisations of (8), (9), (20), (21): maxima of "
                   "J_H (B = -1) and J_S (B = 0) and the Fig. 5 values at (eps_d/eps_ph)^2 = 2.5")
def readings_table() -> Table:
    """Rows from ``tables/lange2017_maximum_points.csv``; what is missing is solved first.

    About 3 CPU minutes per non-uniform reading (:func:`symness.pump.hypotheses.run_reading`).
    """
    for reading in READINGS:
        if not reading.uniform or reading.key == "printed":
            run_reading(reading.key)
    rows = reading_rows(read_cache())
    lo, hi = PAPER_WINDOW
    return Table(
        title="Readings of the paper's normalisations: where the current maxima lie (exact "
              "approach (11))",
        columns=READING_COLUMNS, rows=rows,
        command="symness table lange2017-maximum-hypotheses "
                "--write tables/lange2017_maximum_hypotheses",
        parameters={"paper_window": [round(lo, 3), round(hi, 3)],
                    "fig5_fields": list(FIG5_FIELDS), "fig5_ratio_squared": 2.5},
        notes=("r*: Brent search (xatol 1e-3) on the exact steady state; a uniform reading's "
               "r* is the printed r* / sqrt(s) and its Fig. 5 values the printed ones at "
               "r = sqrt(2.5 s). N = 12: lean solver (dense below).",
               f"Paper: maxima at eps_d/eps_ph ~ 1, window [{lo:.2f}, {hi:.2f}]. Fig. 5 "
               "windows (panel (b) ticks, written before the run): "
               + ", ".join(f"{k} in [{a}, {b}]" for k, (a, b) in FIG5_WINDOWS.items())
               + f"; fields {FIG5_FIELDS}.",
               "Not a rescaling of r: an axis in (eps_d/eps_ph)^2 leaves a maximum where it "
               "is in eps_d/eps_ph = 1 (1^2 = 1), so it cannot move r* to 1.",
               "eta_ph 0.1 change: largest relative change of J_H/N and J_S/N at B = -1, "
               "(eps_d/eps_ph)^2 = 2.5, from eta_ph = 0.4 to 0.1 (Methods: 'similar results'; "
               "claim lange2017.robustness.eta uses 1/3); uniform readings only."))
