"""Benchmark ``perturbation`` (collected only with ``pytest --bench``)."""

from symness.weak_coupling.bench import run


def test_perturbation_benchmark():
    table = run(quick=False)
    print(table)
    # the engine and the extrapolated baseline agree on the profile (O(lam^2) baseline error)
    for row in table.rows:
        if row[7] != "-":
            assert float(row[7]) < 1e-3
            assert float(row[6]) < 1e-10
