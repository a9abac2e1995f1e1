"""Benchmark wrapper for ``mazur-fractal`` (collected only with ``pytest --bench``)."""

from symness.benchmarks import load_all


def test_mazur_fractal():
    table = load_all()["mazur-fractal"].run(quick=False)
    print(table)
    ratio = float(table.rows[-1][3].removeprefix(">= "))
    assert ratio > 1, "the closed form must beat iterating T'"
