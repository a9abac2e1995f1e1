"""Benchmark ``strong-drive``: the MPA against the exact sector solver at the largest n.

Too slow for a claim at ``n = 12`` (about 2 min CPU and 2 GB on one core), so it is a
benchmark: the error ``max |rho_MPA - rho_sector|`` with the solver's time and GMRES
iterations, against the solver at ``n = 10`` in the same run (quick: ``n = 8, 10``).
"""

from __future__ import annotations

from fractions import Fraction

from symness.benchmarks import benchmark
from symness.outputs import Table

__all__ = ["run", "CASES"]

#: (n, Delta, eps) of the full run; the quick run keeps n <= 10.
CASES = ((8, Fraction(1, 2), Fraction(1)), (10, Fraction(1), Fraction(1, 2)),
         (11, Fraction(1, 2), Fraction(1)), (12, Fraction(1), Fraction(1, 2)))


@benchmark("strong-drive", description="maximally driven chain: MPA vs exact sector solver "
                                       "up to n = 12 (error, solver time, ratio to n = 10)")
def run(*, quick: bool) -> Table:
    """Compare the MPA with the sector solver for :data:`CASES` (quick: ``n <= 10``)."""
    from symness.strong_drive.claims import compare_with_sector
    from symness.strong_drive.model import StrongDrive

    cases = [c for c in CASES if not quick or c[0] <= 10]
    results = {c: compare_with_sector(StrongDrive(*c)) for c in cases}
    base = next(seconds for (n, _, _), (_, seconds, _) in results.items() if n == 10)
    rows = [(n, str(delta), str(eps), f"{error:.1e}", f"{seconds:.1f}", iterations,
             f"{seconds / base:.1f}") for (n, delta, eps), (error, seconds, iterations)
            in results.items()]
    return Table(title="Strongly driven XXZ chain: MPA (Prosen 2011b) vs exact sector solver",
                 columns=("n", "Delta", "eps", "max|rho_MPA - rho|", "solver wall s",
                          "GMRES it", "wall / wall(n=10)"),
                 rows=rows, command="symness bench strong-drive" + (" --quick" if quick else ""),
                 notes=("tolerance of the claims: 1e-8 (PEER_AGREEMENT); wall times on a "
                        "shared machine are context only",))
