"""Table: the TEBD domain wall against GHD under both error models (``ghd.realtime_check``)."""

from __future__ import annotations

from symness.outputs import Table, table


@table("bertini2016_realtime_dw", slow=True,
       description="domain wall, Delta=1/2: TEBD vs GHD deviation D(t), TEBD error budget, "
                   "and the verdict of error models 1 and 2")
def realtime_dw_table() -> Table:
    """One row per (error model, time): bulk, D(t), truncation and Trotter errors."""
    from symness.ghd.realtime import DW_FIRST, DW_SECOND
    from symness.ghd.realtime_check import bulk_model1, bulk_model2, compare_domain_wall, passes

    rows, notes = [], []
    for model, data, bulk in ((1, DW_FIRST, bulk_model1), (2, DW_SECOND, bulk_model2)):
        cmp = compare_domain_wall(data, bulk)
        for k, t in enumerate(cmp.times):
            rows.append([str(model), str(data.length), f"{t:g}", f"{bulk(t):.1f}",
                         f"{cmp.deviation[k]:.3f}", f"{cmp.chi_error[k]:.0e}",
                         f"{cmp.trotter_error[k]:.0e}"])
        notes.append(f"model {model}: fit D = {cmp.amplitude:.3f} t^({-cmp.exponent:+.2f}); "
                     f"{'PASS' if passes(cmp) else 'FAIL'} (needs D decreasing, p >= 1/2, "
                     f"TEBD errors <= D/3); GHD error {cmp.ghd_error:.0e}")
    return Table(title="Domain wall at Delta = 1/2: TEBD (tenpy, chi = 64 vs 32) against the "
                       "LQSS profiles of s^z and j^z",
                 columns=["model", "L", "t", "bulk |x| <=", "D(t)", "chi error",
                          "Trotter error"],
                 rows=rows, command="symness table bertini2016_realtime_dw --write "
                                    "tables/bertini2016_realtime_dw",
                 notes=["D(t) = max over bulk sites/bonds of |TEBD - GHD| (s^z, j^z); "
                        "model 1: bulk 0.75 t (fixed first); model 2: bulk sin(pi/3) t - "
                        "3 t^(1/3) (fixed after model 1 failed, before its runs)", *notes])
