"""Benchmark ``strong-drive`` (collected only with ``pytest --bench``): runs and prints the table.

No timed assertion.  Checked: every solve agrees with the MPA within the claims'
tolerance (PEER_AGREEMENT), the measured peak memory stays below the estimate made
before the solve, the baseline ratios are 1 at their own rows, and n = 14 is refused.
"""

from symness import tolerance
from symness.outputs import render
from symness.strong_drive.bench import run


def test_strong_drive_benchmark_quick():
    table = run(quick=True)
    print(render(table, "text"))
    rows = {(row[0], row[3]): dict(zip(table.columns, row)) for row in table.rows}
    assert set(rows) == {(6, "qutip"), (8, "sector"), (10, "sector"), (14, "sector")}
    assert rows[(14, "sector")]["peak RSS GiB (before the solve)"].startswith("refused")
    solved = [r for key, r in rows.items() if key[0] != 14]
    assert all(float(r["max|rho_MPA - rho|"]) < tolerance.PEER_AGREEMENT for r in solved)
    assert all(float(r["peak RSS GiB (before the solve)"].split()[0]) <= float(r["estimate GiB"])
               for r in solved if r["solver"] == "sector")
    assert rows[(10, "sector")]["CPU / CPU(sector, n=10)"] == "1"
    assert rows[(6, "qutip")]["CPU / CPU(qutip, n=6)"] == "1"
