import numpy as np

from symness.mps.figures import exponent, relative_nonuniformity


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


def _spec(L, seed, chi):
    from symness.mps.figures import fig2_spec
    return fig2_spec(L, "9/10", seed, chi)


def test_retry_specs_raise_chi_of_failed_tasks_of_listed_sizes_only():
    from symness.mps.figures import retry_specs
    specs = [_spec(16, 0, 64), _spec(24, 0, 64), _spec(24, 1, 64)]
    records = [{"status": "failed"}, {"status": "failed"}, {"status": "ok"}]
    # size 16 is not listed, the converged L = 24 run is kept: only (24, seed 0) is rerun
    assert retry_specs(specs, records, {24: 96}) == [_spec(24, 0, 96)]
    assert retry_specs(specs, records, {}) == []


def test_scan_replaces_a_failed_record_by_its_second_attempt(tmp_path):
    # reference: records written by hand into the cache (run_sweep skips recorded tasks, so
    # nothing is computed); the retried realisation must come back at chi = 96
    import json

    from symness.mps.figures import scan
    from symness.mps.sweep import task_key
    first, kept, second = _spec(24, 0, 64), _spec(24, 1, 64), _spec(24, 0, 96)
    rows = [{"key": task_key(first), "spec": first, "status": "failed", "error": "t_max"},
            {"key": task_key(kept), "spec": kept, "status": "ok", "result": {}},
            {"key": task_key(second), "spec": second, "status": "ok", "result": {}}]
    (tmp_path / "mendoza2019_t.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    got = scan("t", [first, kept], tmp_path, {24: 96})
    assert [r["spec"] for r in got] == [second, kept]
    assert [r["spec"] for r in scan("t", [first, kept], tmp_path)] == [first, kept]


def test_fig2_spec_is_the_figure_task():
    # reference: the task list of Fig. 2(b) itself; the benchmark and the retry reuse its cache
    from symness.mps.figures import CHI_BY_SIZE, ENERGY, FIG2_SETTINGS, _specs, fig2_spec
    from symness.mps.sweep import task_key
    keys = {task_key(s) for s in _specs("fig2", 1, ("3/10",), *ENERGY, FIG2_SETTINGS)}
    assert task_key(fig2_spec(32, "3/10", 2, CHI_BY_SIZE["fig2"][32])) in keys
    assert task_key(fig2_spec(32, "3/10", 2, 16)) not in keys


def test_max_l_drops_only_the_listed_disorder_strengths():
    # reference: MAX_L["fig2"] stops h = 0.6 and 0.9 at L = 24; h = 0.3 keeps every size
    from symness.mps.figures import ENERGY, FIG2_SETTINGS, SEEDS, SIZES, _specs
    specs = _specs("fig2", 1, ("3/10", "3/5", "9/10"), *ENERGY, FIG2_SETTINGS)
    sizes = {h: sorted({s["L"] for s in specs if s["h"] == h}) for h in ("3/10", "3/5", "9/10")}
    assert sizes == {"3/10": [8, 12, 16, 24, 32], "3/5": [8, 12, 16, 24],
                     "9/10": [8, 12, 16, 24]}
    assert len(specs) == len(SEEDS["fig2"]) * (len(SIZES["fig2"]) * 3 - 2)
