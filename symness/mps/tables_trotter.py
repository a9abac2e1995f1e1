"""Table: the Trotter error of the figures' bulk NESS currents (issue 17, item 2).

Every figure of Mendoza-Arenas et al. (2019) evolves to its NESS with second-order TEBD at
``dt = 0.1`` (:data:`symness.mps.figures.SETTINGS`); the fixed point of the Trotterised map
differs from the NESS by ``O(dt^2)``.  For each figure's chain at ``L = 8`` (the smallest size
of every figure; reservoirs, ``Delta``, ``h`` and drive as in the figure) the TEBD fixed point
at ``dt`` and ``dt/2`` is compared with the exact NESS of the U(1)-sector solver
(:func:`symness.mps.exact_reference.sector_values`).  ``chi = 256 = 4^4`` keeps every
Schmidt value at ``L = 8`` (no truncation), so the difference is the Trotter error alone
(plus the stationarity of the run, ``1e-8`` per check interval).  The error of the bulk mean
of the judged current (:func:`symness.mps.transport.bulk_currents`) relative to ``|j|`` is
tabulated; its ratio between ``dt`` and ``dt/2`` tests the ``dt^2`` law.

Error model of the figures: the Trotter error is a bulk (local) property of the generator,
so its relative size does not grow with ``L``; :data:`symness.mps.figures.TROTTER_REL`,
five times the largest measured value, is added to every figure point's bond-dimension
systematic (:func:`symness.mps.figures.systematic`).  The runs are cached in
``tables/mendoza2019_trotter_current.jsonl``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from symness.mps import figures as F
from symness.mps.figures import TROTTER_REL
from symness.mps.sweep import chain_from_spec, load_results, run_sweep, task_key
from symness.outputs import Table, table

__all__ = ["L", "DTS", "SEEDS", "CASES", "CACHE", "settings", "specs", "relative_errors"]

L = 8
#: the figures' time step and its half (:data:`symness.mps.figures.SETTINGS`)
DTS = (F.SETTINGS["dt"], F.SETTINGS["dt"] / 2)
SEEDS = (0, 1)
CACHE = Path("tables") / "mendoza2019_trotter_current.jsonl"
#: (figure, Delta, h, reservoirs, judged current)
CASES = tuple([("fig2", F.FIG2_DELTA, h, F.ENERGY, "energy") for h in F.FIG2_HS]
              + [("fig3", "3/2", "3/5", F.ENERGY, "energy"),
                 ("fig3-spin", "3/2", "3/5", F.SPIN, "spin")]
              + [("fig4", 1, h, F.MAGNETISED, "spin") for h in F.FIG4_HS]
              + [("fig4b", F.FIG4B_DELTA, F.FIG4B_H, F.MAGNETISED, "spin")])


def settings(dt: float, current: str) -> dict:
    """No truncation at ``L = 8``, no ramps, stationarity ``1e-8``, ``current`` judged."""
    return {"chi": 4 ** (L // 2), "trunc_weight": 0.0, "dt": dt, "order": F.SETTINGS["order"],
            "warmup_dt": None, "chi_ramp": False, "update": "qr", "check_interval": 5.0,
            "t_max": 4000.0,
            "criterion": {"stationary_tol": 1e-8, "uniform_tol": 0.1, "atol": 1e-12,
                          "currents": [current]}}


def _spec(case: tuple, seed: int, dt: float) -> dict:
    _, delta, h, (left, right), current = case
    return F.task_spec(L, delta, h, seed, left, right, settings(dt, current))


def specs() -> list[dict]:
    """All TEBD tasks: every case, seed and time step."""
    return [_spec(c, s, dt) for c in CASES for s in SEEDS for dt in DTS]


def relative_errors(records: dict[str, dict], case: tuple, seed: int) -> list[float]:
    """``(j_TEBD(dt) - j_exact) / |j_exact|`` of the bulk mean current, for each of :data:`DTS`."""
    from symness.mps.exact_reference import sector_values
    from symness.mps.sweep import current_key
    from symness.mps.transport import bulk_currents

    kind = case[-1]
    chain = chain_from_spec(_spec(case, seed, DTS[0]))
    exact = float(np.mean(bulk_currents(chain, sector_values(chain))[kind]))
    return [(records[task_key(_spec(case, seed, dt))]["result"][current_key(kind)] - exact)
            / abs(exact) for dt in DTS]


@table("mendoza2019_trotter_current", slow=True,
       description="Trotter error of the figures' bulk NESS currents at dt=0.1 and 0.05 "
                   "(second order, L=8, exact sector NESS)")
def trotter_current() -> Table:
    """Run (or resume) the TEBD tasks and compare with the exact NESS (module docstring)."""
    run_sweep(specs(), CACHE, workers=1, retries=0, progress=True, rerun_failed=False)
    records = {r["key"]: r for r in load_results(CACHE)}
    rows = []
    for case in CASES:
        for seed in SEEDS:
            e1, e2 = relative_errors(records, case, seed)
            rows.append([case[0], str(case[1]), str(case[2]), case[-1], seed, f"{e1:+.2e}",
                         f"{e2:+.2e}", f"{e1 / e2:.2f}"])
    return Table(title=f"Relative Trotter error of the bulk NESS current, L={L}, order "
                       f"{F.SETTINGS['order']}",
                 columns=["figure", "Delta", "h", "current", "seed", f"rel_err_dt{DTS[0]}",
                          f"rel_err_dt{DTS[1]}", "ratio (4 for dt^2)"],
                 rows=rows, command="symness table mendoza2019_trotter_current",
                 parameters={"L": L, "settings(dt)": settings(DTS[0], "energy"),
                             "seeds": SEEDS, "TROTTER_REL": TROTTER_REL},
                 notes=["exact: symness.mps.exact_reference.sector_values; chi = 256 keeps "
                        "every Schmidt value at L = 8, so the error is the Trotter error",
                        f"the figures add TROTTER_REL = {TROTTER_REL:g} (5x the largest "
                        "|rel_err_dt0.1|) to every point's chi systematic"])
