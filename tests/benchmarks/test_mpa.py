"""Benchmark wrappers for ``mazur-fractal`` and ``open-point-ii-exact`` (``pytest --bench``)."""

from symness.benchmarks import load_all


def test_mazur_fractal():
    table = load_all()["mazur-fractal"].run(quick=False)
    print(table)
    assert float(table.rows[0][5]) < 1e-14  # closed form vs long double and mpmath
    measured = next(row for row in table.rows if row[0].startswith("(i) "))
    assert float(measured[4].split()[1]) > 1, "the closed form must beat iterating T'"


def test_open_point_ii_exact():
    table = load_all()["open-point-ii-exact"].run(quick=False)
    print(table)
    assert all(row[2] == "yes" for row in table.rows)  # both exact deciders: in Im ad_H
