from symness.benchmarks import load_all


def test_bench_mps_quick():
    table = load_all()["mps"].run(quick=True)
    print(table)
    seconds = table.columns.index("seconds")
    assert table.rows and all(r[seconds] != "-" for r in table.rows)
    # the QR route is compared side by side with the SVD route on the same state
    assert {r[3] for r in table.rows if r[0].startswith("one step")} == {"svd", "qr"}
