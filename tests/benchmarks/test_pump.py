"""Benchmark ``pump`` (collected only with ``pytest --bench``); reports, never asserts times."""

from symness.outputs import render
from symness.pump.bench import run


def test_pump_benchmark_quick():
    table = run(quick=True)
    print(render(table, "text"))
    assert [row[0] for row in table.rows] == [6, 8, 10]


def test_pump_size_benchmark_quick():
    from symness.pump.bench import run_size

    table = run_size(quick=True)
    print(render(table, "text"))
    # pair counts: tables/lange2017_count; a third row (n = 14) comes from the cached run
    assert [row[:2] for row in table.rows][:2] == [[6, 68], [8, 296]]
    assert all(row[0] == 14 for row in table.rows[2:])
