"""Table: open point (ii) of Prosen (2011) decided exactly for n <= 10 (trace certificate)."""

from __future__ import annotations

from symness.mpa.tables import as_int
from symness.outputs import Table, table

__all__ = ["open_point_ii_table"]


@table("prosen2011-open-point-ii-exact", slow=True,
       description="open point (ii): D rho(2) in Im ad_H decided exactly per magnetisation "
                   "sector, n <= max_n, Delta = 1/2, 1, 3/7, sqrt(3)-1 (Prosen 2011)")
def open_point_ii_table(*, max_n=10) -> Table:
    """One row per (n, Delta): how every sector was decided and the answer."""
    from symness.mpa.open_points.point_ii_traces import FIELDS, trace_certificate

    max_n = as_int(max_n, "max_n", minimum=3, maximum=12)
    rows = []
    for n in range(3, max_n + 1):
        for field in FIELDS:
            cert = trace_certificate(n, field)
            factored = "; ".join(f"s={r.down} ({r.size}): {r.method.rsplit(': ', 1)[1]}"
                                 for r in cert.sectors if r.method.startswith("factored"))
            cyclic = sum(r.method.startswith("cyclic") for r in cert.sectors)
            rows.append([n, field.label.removeprefix("Delta = "), field.degree,
                         max(r.size for r in cert.sectors), cyclic, factored or "-",
                         "yes" if cert.in_image else "NO"])
    return Table(
        title="Open point (ii) of Prosen (2011), exactly: D rho(2) in Im ad_H, mu = 1",
        columns=["n", "Delta", "[Q(Delta):Q]", "largest sector", "sectors by cyclic vector",
                 "sectors by factored charpoly: s (dim): multiple factors deg^mult",
                 "D rho(2) in Im ad_H"],
        rows=rows, command=f"symness table prosen2011-open-point-ii-exact --set max_n={max_n} "
                           "--write tables/prosen2011_open_point_ii_exact",
        parameters={"max_n": max_n},
        notes=["per sector s (number of down spins, dim = binomial(n, s)): X_s in Im ad_{H_s} "
               "iff X_s is orthogonal (tr(A^T B)) to the commutant of H_s; cyclic vector "
               "(Krylov matrix of full rank mod 2^61-1, so H_s non-derogatory): the N_s "
               "conditions tr(H_s^k X_s) = 0, k < N_s; otherwise the characteristic "
               "polynomial is factored over Q and the commutant built exactly on each "
               "multiple factor (symness.mpa.open_points.point_ii_traces)",
               "exact arithmetic: python-flint fmpq/fmpz matrices; sqrt(3)-1 in Q(t), "
               "t^2 + 2t - 2 = 0, in the regular representation (the result holds for both "
               "roots t = -1 +- sqrt(3))",
               "cross-checks: Sylvester rank test on full matrices agrees for n <= 7 at "
               "rational Delta (claims prosen2011.open_point_ii_exact, _n9); CPU times: "
               "symness bench open-point-ii-exact"])
