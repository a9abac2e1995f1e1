"""Benchmark ``ness`` (collected only with ``pytest --bench``): runs and prints the table.

The table reports the ratio qutip/symness and peak memory; no timed assertion.
The steady states of the two libraries must agree (PEER_AGREEMENT).
"""

from symness import tolerance
from symness.lindblad.bench import run
from symness.outputs import render


def test_ness_benchmark_quick():
    table = run(quick=True)
    print(render(table, "text"))
    col = table.columns.index("max|rho-rho_qutip|")
    diffs = [float(row[col]) for row in table.rows if row[col] != "-"]
    assert all(d < tolerance.PEER_AGREEMENT for d in diffs)
    assert {row[0] for row in table.rows} == {6, 7, 8}
