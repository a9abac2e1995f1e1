from symness.ghd.bench import run


def test_ghd_benchmark_runs_and_reports_ratios():
    tab = run(quick=True)
    print("\n".join(" | ".join(map(str, r)) for r in tab.rows))
    assert all(float(r[3]) > 0 for r in tab.rows)
