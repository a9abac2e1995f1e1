from pathlib import Path

import numpy as np
import pytest

from symness.mps.figures import exponent, relative_nonuniformity
from symness.validation import ParameterError


def test_exponent_recovers_a_power_law():
    # reference: exact power law j = 0.3 L^-1.5 with multiplicative scatter symmetric in seeds
    sizes = np.array([8, 16, 32])
    cur = {L: 0.3 * L**-1.5 * np.array([0.9, 1.1, 1.0]) for L in sizes}
    gamma, err = exponent(sizes, cur)
    assert abs(gamma - 1.5) < 1e-12
    assert 0 < err < 0.2
    flat = {L: np.full(3, 0.3 * L**-0.5) for L in sizes}
    assert exponent(sizes, flat)[1] < 1e-12  # identical realisations: no spread


def _record(j, uniformity, atol=None):
    settings = {} if atol is None else {"criterion": {"atol": atol}}
    return {"spec": {"settings": settings},
            "result": {"j_energy": j, "convergence": {"uniformity": {"energy": uniformity}}}}


def test_relative_nonuniformity_rescales_from_the_criterion_scale_to_the_current():
    # reference: definition (max - min) / max(|j|, atol) of symness.mps.convergence
    # a current below atol: the criterion's 0.05 of 1e-3 is 0.25 of |j| = 2e-4
    assert np.isclose(relative_nonuniformity(_record(-2e-4, 0.05, atol=1e-3), "energy"), 0.25)
    # a current above atol: the criterion already measured relative to |j|
    assert np.isclose(relative_nonuniformity(_record(3e-3, 0.05, atol=1e-3), "energy"), 0.05)
    # no atol in the settings: the Criterion default 1e-5
    assert np.isclose(relative_nonuniformity(_record(1e-6, 0.5), "energy"), 5.0)


def test_scan_returns_recorded_tasks_without_computing(tmp_path):
    # reference: records written by hand into the cache (run_sweep skips recorded tasks, a
    # failed one too, so nothing is computed); the records come back in the order of the specs
    import json

    from symness.mps.figures import fig2_spec, scan
    from symness.mps.sweep import task_key
    failed, ok = fig2_spec(24, "9/10", 0, 64), fig2_spec(24, "9/10", 1, 64)
    rows = [{"key": task_key(ok), "spec": ok, "status": "ok", "result": {}},
            {"key": task_key(failed), "spec": failed, "status": "failed", "error": "t_max"}]
    (tmp_path / "mendoza2019_t.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert [r["status"] for r in scan("t", [failed, ok], tmp_path)] == ["failed", "ok"]


def test_chi_by_size_takes_a_disorder_strength_and_size_pair_first():
    # reference: CHI_BY_SIZE["fig2"] gives L = 24 chi = 64, but (h = 0.9, L = 24) chi = 96
    from symness.mps.figures import ENERGY, FIG2_SETTINGS, _specs
    chi = {(s["h"], s["L"]): s["settings"]["chi"]
           for s in _specs("fig2", 1, ("3/5", "9/10"), *ENERGY, FIG2_SETTINGS)}
    assert chi[("3/5", 24)] == 64 and chi[("9/10", 24)] == 96
    assert chi[("3/5", 8)] == chi[("9/10", 8)] == FIG2_SETTINGS["chi"]


def test_fig2_spec_is_a_figure_task_and_target_benchmark_records_are_cached():
    # reference: the task list the figure itself runs (fig2_tasks); the target benchmark
    # reads its tasks from the figure's committed cache, so every one of them must have a
    # finished record there (a rerun only reports them)
    from symness.mps.bench import target_specs
    from symness.mps.figures import CHI_BY_SIZE, by_size, fig2_spec, fig2_tasks
    from symness.mps.sweep import load_results, task_key
    keys = {task_key(s) for s in fig2_tasks()}
    chi = by_size(CHI_BY_SIZE, "fig2", "3/10", 32, None)
    assert task_key(fig2_spec(32, "3/10", 2, chi)) in keys
    assert task_key(fig2_spec(32, "3/10", 2, 16)) not in keys
    cache = Path(__file__).resolve().parents[2] / "tables" / "mendoza2019_fig2.jsonl"
    ok = {r["key"] for r in load_results(cache) if r["status"] == "ok"}
    assert {task_key(s) for s in target_specs(32, 64)} <= ok


def test_max_l_drops_only_the_listed_disorder_strengths():
    # reference: MAX_L["fig2"] stops h = 0.6 at L = 32 and 0.9 at L = 24; h = 0.3 keeps
    # every size
    from symness.mps.figures import fig2_tasks
    specs = fig2_tasks()
    sizes = {h: sorted({s["L"] for s in specs if s["h"] == h}) for h in ("3/10", "3/5", "9/10")}
    assert sizes == {"3/10": [8, 12, 16, 24, 32, 64], "3/5": [8, 12, 16, 24, 32],
                     "9/10": [8, 12, 16, 24]}
    # 16 realisations at L = 8, 12, 16 (3 h each), at L = 24 16 for h = 0.3, 0.6 and 15 for
    # h = 0.9 (seeds 0-12, 14, 15), at L = 32 16 for h = 0.3 and 16 for h = 0.6, 6 at L = 64
    # (h = 0.3)
    assert len(specs) == 16 * 3 * 3 + 16 * 2 + 15 + 16 + 16 + 6


def test_chi_slope_systematic_two_sizes_closed_form():
    # reference: two sizes, slope = (log j2 - log j1) / log(L2/L1); coherent errors r1, r2
    # shift it by at most (r1 + r2) / log(L2 / L1) (hand-derived, docstring)
    import numpy as np

    from symness.mps.figures import chi_slope_systematic

    assert np.isclose(chi_slope_systematic(np.array([24, 32]), [0.05, 0.11]),
                      0.16 / np.log(32 / 24))
    assert chi_slope_systematic(np.array([8, 16, 32]), [0, 0, 0]) == 0.0


def test_chi_slope_systematic_bounds_a_real_shift():
    # reference: refit after shifting every log current by its bound, all sign patterns
    import numpy as np

    from symness.mps.figures import chi_slope_systematic

    sizes = np.array([8, 12, 16, 24])
    rel = np.array([0.02, 0.05, 0.03, 0.1])
    j = sizes**-0.7
    x = np.log(sizes)
    worst = max(abs(np.polyfit(x, np.log(j * np.exp(s * rel)), 1)[0] + 0.7)
                for s in np.array(np.meshgrid(*[[-1, 1]] * 4)).reshape(4, -1).T)
    bound = chi_slope_systematic(sizes, rel)
    assert np.isclose(worst, bound)  # the coherent choice of signs attains the bound


def test_fig2_seeds_by_size():
    # reference: SEEDS_BY_SIZE["fig2"] gives 16 realisations at L <= 16, a (h, L) entry
    # before an L entry, SEEDS elsewhere
    from symness.mps.figures import SEEDS, SEEDS_BY_SIZE, fig2_tasks

    per_size = {}
    for s in fig2_tasks():
        per_size.setdefault((s["h"], s["L"]), set()).add(s["seed"])
    table = SEEDS_BY_SIZE["fig2"]
    for (h, L), seeds in per_size.items():
        assert seeds == set(table.get((h, L), table.get(L, SEEDS["fig2"])))


def test_by_size_takes_a_disorder_strength_and_size_pair_first():
    # reference: the lookup order stated in the docstring, on a hand-made table
    from symness.mps.figures import by_size
    table = {"f": {8: "L", ("3/5", 8): "hL"}}
    assert by_size(table, "f", "3/5", 8, "d") == "hL"
    assert by_size(table, "f", "9/10", 8, "d") == "L"
    assert by_size(table, "f", "3/5", 12, "d") == "d"
    assert by_size(table, "g", "3/5", 8, "d") == "d"


def test_diffusive_boundary_interpolates_and_propagates():
    # reference: hand interpolation 0.6 + 0.3 * (1 - 0.7) / (1.1 - 0.7) = 0.825 and the
    # propagated error 0.3 * hypot(0.1 * 0.1, 0.3 * 0.1) / 0.4^2 (docstring formula)
    import numpy as np

    from symness.mps.figures import diffusive_boundary

    fits = [{"gamma": 0.3, "gamma_err": 0.1}, {"gamma": 0.7, "gamma_err": 0.1},
            {"gamma": 1.1, "gamma_err": 0.1}]
    hc, err = diffusive_boundary([0.3, 0.6, 0.9], fits)
    assert np.isclose(hc, 0.825) and np.isclose(err, 0.3 * np.hypot(0.01, 0.03) / 0.16)
    assert np.isnan(diffusive_boundary([0.3, 0.6], fits[:2])[0])


def test_exponent_error_is_bias_corrected_for_small_samples():
    # reference: closed form.  Two sizes, x = log L: gamma's error is the quadrature sum of
    # the per-size relative errors of the means over log(L2/L1); with two realisations
    # (1 +- d) the unbiased standard error of the mean is d (s = d sqrt 2), the plain
    # bootstrap gives d / sqrt 2
    sizes = np.array([16, 64])
    d = 0.01
    cur = {16: np.array([1 - d, 1 + d]), 64: np.array([0.25, 0.25])}
    _, err = exponent(sizes, cur, resamples=20000)
    assert abs(err - d / np.log(4)) < 0.03 * d / np.log(4)


def test_exponent_refuses_a_single_realisation():
    with pytest.raises(ParameterError, match="at least 2 realisations"):
        exponent(np.array([8, 16]), {8: np.array([1.0, 1.1]), 16: np.array([0.5])})


def test_curve_does_not_fit_a_point_with_one_realisation():
    # reference: the rule of symness.mps.figures.curve (one realisation has no realisation
    # error); the point stays in the sizes, the fit uses the other two
    from symness.mps.figures import curve

    def rec(L, seed, j):
        return {"status": "ok",
                "spec": {"h": "3/10", "L": L, "seed": seed,
                         "settings": {"chi": 32, "criterion": {"atol": 1e-5}}},
                "result": {"j_energy": j, "chi_dependence": {"rel_change_energy": 0.01},
                           "convergence": {"uniformity": {"energy": 0.01}}}}

    records = [rec(8, s, 1e-3 * (1 + 0.01 * s)) for s in range(3)]
    records += [rec(16, s, 5e-4 * (1 + 0.01 * s)) for s in range(3)] + [rec(32, 0, 2.5e-4)]
    c = curve(records, "3/10", "energy")
    assert list(c["sizes"]) == [8, 16, 32] and list(c["accepted"]) == [8, 16]
    assert abs(c["fit"]["gamma"] - 1.0) < 0.01 and np.isfinite(c["fit"]["gamma_err"])
