"""Runs the Pauli-product benchmark (collected only with ``pytest --bench``); no timed assertion."""

from symness.operators.bench import run
from symness.outputs import render


def test_pauli_product_benchmark():
    table = run(quick=True)
    print(render(table, "text"))
    # the two kernels must agree on the size of the product (equality itself is unit-tested)
    assert all(row[3] > 0 for row in table.rows)
