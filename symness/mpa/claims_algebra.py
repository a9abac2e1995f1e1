"""Claims on the cubic algebra (13) and the boundary conditions (14), Prosen (2011)."""

from __future__ import annotations

from math import gcd

import sympy as sp

from symness.claims import Evidence, claim
from symness.mpa.algebra.cubic import (
    check_boundary_conditions,
    check_cubic_relations_exact,
    prove_cubic_relations,
)
from symness.mpa.algebra.derivation import compare_with_13

__all__: list[str] = []


@claim("prosen2011.eq13.all-lambda", paper="000", equation="(13)", kind="exact",
       statement="the matrices (11) satisfy the eight cubic relations (13) for all lam, c and "
                 "all matrix indices (parity patterns of generic rows + boundary rows L, R, 1..6)")
def _eq13_all() -> Evidence:
    result = prove_cubic_relations()
    failed = [k for k, v in result.items() if not all(v.values())]
    return Evidence.exact(not failed, reference="exact polynomial reduction modulo "
                          "sin^2+cos^2=1 (sympy)", detail=f"failed: {failed}" if failed else
                          "8 relations x {parity 0, 1} generic + boundary rows")


def _exact_truncations(max_m: int) -> Evidence:
    pairs = [(ell, m) for m in range(2, max_m + 1) for ell in range(1, m) if gcd(ell, m) == 1]
    bad = [f"{ell}/{m}" for ell, m in pairs if not check_cubic_relations_exact(ell, m)]
    return Evidence.exact(not bad, reference="exact arithmetic in Q(2cos(pi/(2m)))",
                          detail=f"{len(pairs)} values of Delta = cos(pi ell/m), m <= {max_m}"
                                 + (f"; failed {bad}" if bad else ""))


@claim("prosen2011.eq13.truncations", paper="000", equation="(13)", kind="exact",
       statement="(13) holds exactly on truncations at Delta = cos(pi ell/m), m <= 3")
def _eq13_trunc() -> Evidence:
    return _exact_truncations(3)


@claim("prosen2011.eq13.truncations-m8", paper="000", equation="(13)", kind="exact", slow=True,
       statement="(13) holds exactly on truncations at Delta = cos(pi ell/m), m <= 8")
def _eq13_trunc_slow() -> Evidence:
    return _exact_truncations(8)


@claim("prosen2011.eq13.derivation", paper="000", equation="(13)", kind="exact",
       statement="the 3-site trace conditions under (12) span exactly the same space of cubic "
                 "words as the eight relations (13) (rank 8 each and stacked), for symbolic "
                 "Delta and at Delta = 0, 1/2, 1, 2")
def _eq13_derivation() -> Evidence:
    results = {str(d): compare_with_13(d) for d in
               (sp.Symbol("Delta"), 0, sp.Rational(1, 2), 1, 2)}
    ok = all(set(r.values()) == {8} for r in results.values())
    return Evidence.exact(ok, reference="explicit 8x8 commutators and traces (sympy)",
                          detail="; ".join(f"Delta={k}: {v['stacked']}" for k, v in
                                           results.items()))


@claim("prosen2011.eq14", paper="000", equation="(14)", kind="exact",
       statement="the matrices (11) satisfy the boundary conditions (14) for all lam, c")
def _eq14() -> Evidence:
    result = check_boundary_conditions()
    failed = [k for k, v in result.items() if not v]
    return Evidence.exact(not failed, reference="symbolic lam, c (sympy)",
                          detail=f"failed: {failed}" if failed else f"{len(result)} conditions")
