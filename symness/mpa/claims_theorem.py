"""Claims on the theorem of Prosen (2011): (8), (9), (10), (12), (a'), (b'), open point (ii)."""

from __future__ import annotations

import math

from symness.claims import Evidence, claim
from symness.mpa.open_points import image_test
from symness.mpa.theorem import (
    check_conservation_law,
    check_first_order,
    check_local_relations,
    check_second_order,
    z_operator,
)

__all__: list[str] = []


def _conservation(sizes) -> Evidence:
    sizes = list(sizes)
    ok = {n: check_conservation_law(z_operator(n)) for n in sizes}
    return Evidence.exact(all(ok.values()), reference="exact Pauli-string algebra over QQ[Delta]",
                          detail=f"symbolic Delta, n = {sizes[0]}..{sizes[-1]}: {ok}")


@claim("prosen2011.eq12", paper="000", equation="(10), (12)", kind="exact",
       statement="Z of (10) satisfies [H, Z] = -sz_1 + sz_n for symbolic Delta, n = 2..6")
def _eq12() -> Evidence:
    return _conservation(range(2, 7))


@claim("prosen2011.eq12_n8", paper="000", equation="(10), (12)", kind="exact", slow=True,
       statement="Z of (10) satisfies [H, Z] = -sz_1 + sz_n for symbolic Delta, n = 7, 8")
def _eq12_slow() -> Evidence:
    return _conservation(range(7, 9))


def _orders(sizes) -> Evidence:
    sizes = list(sizes)
    ok = {n: (check_first_order(z), check_second_order(z)) for n in sizes
          for z in [z_operator(n)]}
    return Evidence.exact(all(all(v) for v in ok.values()),
                          reference="exact Pauli algebra, symbolic Delta and mu",
                          detail=f"(first, second) order by n: {ok}")


@claim("prosen2011.eq8_eq9", paper="000", equation="(7)-(9)", kind="exact",
       statement="(8) and (9) solve the recurrence (7) for p = 1, 2 (symbolic Delta, mu; "
                 "n = 2..4)")
def _eq8_eq9() -> Evidence:
    return _orders(range(2, 5))


@claim("prosen2011.eq8_eq9_n6", paper="000", equation="(7)-(9)", kind="exact", slow=True,
       statement="(8) and (9) solve the recurrence (7) for p = 1, 2 (symbolic Delta, mu; "
                 "n = 5, 6)")
def _eq8_eq9_slow() -> Evidence:
    return _orders(range(5, 7))


@claim("prosen2011.theorem.local_relations", paper="000", equation="(a'), (b')", kind="exact",
       statement="[Z, sz_1 - sz_n] = (D+ + D-)Z and {Z, sz_1 - sz_n} = (D+ - D-)Z/2 for "
                 "symbolic Delta, n = 2..6")
def _local() -> Evidence:
    ok = {n: all(check_local_relations(z_operator(n)).values()) for n in range(2, 7)}
    return Evidence.exact(all(ok.values()), reference="exact Pauli algebra", detail=str(ok))


_DELTAS = {"1/2": 0.5, "1": 1.0, "3/7": 3 / 7, "sqrt(3)-1": math.sqrt(3) - 1}


def _open_point(sizes, mus) -> Evidence:
    worst, margin, details = 0.0, math.inf, []
    for n in sizes:
        for name, delta in _DELTAS.items():
            for mu in mus:
                r = image_test(n, delta, mu)
                worst = max(worst, r.relative_commutant_part)
                margin = min(margin, r.min_cluster_gap / max(r.max_cluster_spread, 1e-300))
        details.append(f"n={n}")
    # 1e-12: float64 diagonalisation of a 2^n matrix; the measured values are ~1e-15
    return Evidence.numeric(worst, 1e-12, reference="eigenspace projection sum_E P_E X P_E "
                            "(dense float64)", detail=f"{', '.join(details)}; Delta in "
                            f"{list(_DELTAS)}, mu in {list(mus)}; min gap/spread = {margin:.1e}")


@claim("prosen2011.open_point_ii", paper="000", equation="(ii) after the theorem",
       kind="numeric", statement="D rho(2) is orthogonal to every operator commuting with H "
       "(so in Im ad_H), n = 3..5, Delta = 1/2, 1, 3/7, sqrt(3)-1")
def _open_point_fast() -> Evidence:
    return _open_point(range(3, 6), (1.0,))


@claim("prosen2011.open_point_ii_n10", paper="000", equation="(ii) after the theorem",
       kind="numeric", slow=True, statement="D rho(2) is orthogonal to the commutant of H for "
       "n = 6..10, Delta = 1/2, 1, 3/7, sqrt(3)-1, mu = 1")
def _open_point_slow() -> Evidence:
    return _open_point(range(6, 11), (1.0,))


def _exact_open_point(sizes) -> Evidence:
    from fractions import Fraction

    from symness.mpa.open_points_exact import image_certificate

    deltas = (Fraction(1, 2), Fraction(1), Fraction(3, 7))
    results = {(n, str(d)): image_certificate(n, d) for n in sizes for d in deltas}
    return Evidence.exact(all(results.values()), reference="exact rank test of the Sylvester "
                          "equation per magnetisation sector (python-flint fmpq_mat)",
                          detail=f"n = {list(sizes)}, Delta = 1/2, 1, 3/7, mu = 1; "
                                 f"failures: {[k for k, v in results.items() if not v]}")


@claim("prosen2011.open_point_ii_exact", paper="000", equation="(ii) after the theorem",
       kind="exact", statement="exactly: D rho(2) in Im ad_H for n = 3..5 at Delta = 1/2, 1, 3/7")
def _exact_open_point_fast() -> Evidence:
    return _exact_open_point(range(3, 6))


@claim("prosen2011.open_point_ii_exact_n7", paper="000", equation="(ii) after the theorem",
       kind="exact", slow=True, statement="exactly: D rho(2) in Im ad_H for n = 6, 7 at "
       "Delta = 1/2, 1, 3/7 (n = 8 at Delta = 1/2 took 288 s, run by hand)")
def _exact_open_point_slow() -> Evidence:
    return _exact_open_point(range(6, 8))
