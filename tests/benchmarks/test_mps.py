from symness.benchmarks import load_all


def test_bench_mps_quick():
    table = load_all()["mps"].run(quick=True)
    print(table)
    assert table.rows and all(r[4] != "-" for r in table.rows)
