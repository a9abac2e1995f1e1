"""Benchmark ``pump`` (collected only with ``pytest --bench``); reports, never asserts times."""

from symness.outputs import render
from symness.pump.bench import run


def test_pump_benchmark_quick():
    table = run(quick=True)
    print(render(table, "text"))
    assert [row[0] for row in table.rows] == [6, 8, 10]
