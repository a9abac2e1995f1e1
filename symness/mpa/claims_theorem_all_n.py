"""Claims: the theorem of Prosen (2011) for every n; open point (i) at orders p = 2, 3, 4."""

from __future__ import annotations

from symness.claims import Evidence, claim
from symness.mpa.boundary_proof import (
    boundary_identities,
    reduction_identities,
    site_letters,
    split_form,
)
from symness.mpa.eps_expansion import order_residuals

__all__: list[str] = []


@claim("prosen2011.theorem.boundary-all-n", paper="000", equation="(12), (14)", kind="exact",
       statement="for every n >= 4, all lam and c: the terms of [H, Z] with sz on sites 1, 2 "
                 "(resp. n-1, n) equal -sz_1 (resp. +sz_n), from the three-site edge blocks of "
                 "(10) with <L| (resp. |R>) and <R|A_s = delta_s0 <R|, A_s|L> = delta_s0 |L>; "
                 "with (13) in the bulk this is (12) for every n")
def _boundary_all_n() -> Evidence:
    results = {"left": boundary_identities("left"), "right": boundary_identities("right")}
    letters = site_letters()
    failed = [f"{side} {b}" for side, res in results.items() for b, ok in res.items() if not ok]
    failed += [name for name, ok in letters.items() if not ok]
    return Evidence.exact(not failed, reference="explicit 8x8 commutators (sympy) contracted "
                          "with <L|A A A, A A A|R> of (11), symbolic lam, c",
                          detail=f"failed: {failed}" if failed else
                          f"{sum(len(r) for r in results.values())} edge words, "
                          f"{len(letters)} vector identities")


@claim("prosen2011.theorem.reduction-all-n", paper="000", equation="(a'), (b')", kind="exact",
       statement="(a') and (b') hold for every n: D+-, [., sz_1 - sz_n] and {., sz_1 - sz_n} "
                 "split into site-1 and site-n parts (symbolic a, M, b), Z carries only 1, s+ on "
                 "site 1 and 1, s- on site n (by (14)), and the single-site identities hold for "
                 "Z in {1, s+_1, s-_n, s+_1 s-_n}")
def _reduction_all_n() -> Evidence:
    identities = reduction_identities()
    letters = site_letters()
    split = split_form()
    failed = [k for k, ok in {**identities, **letters}.items() if not ok]
    if not split:
        failed.append("split form")
    return Evidence.exact(not failed, reference="2x2 and 8x8 symbolic matrices (sympy)",
                          detail=f"failed: {failed}" if failed else
                          f"split form, {len(letters)} letter identities, "
                          f"{len(identities)} single-site identities")


@claim("prosen2011.open-point-i.orders", paper="000", equation="(i) after the theorem",
       kind="numeric", statement="open point (i) at p = 2, 3, 4: G = P D on the traceless "
       "commutant does not depend on p, so its nonsingularity fixes the commutant part of "
       "rho(p) uniquely at every order; with it, D rho(p) lies in Im ad_H for p = 0..4 "
       "(n = 3..6, Delta = 1/2, 1, 3/7, mu = 1; float64)")
def _open_point_i_orders() -> Evidence:
    # error model: the commutant solve loses a factor cond(G) = 1/singular_ratio, and D, P act
    # on 2^n x 2^n matrices: relative residual <= 2^n eps / singular_ratio per order
    worst, details = 0.0, []
    for n in range(3, 7):
        ratios, largest = [], 0.0
        for delta in (0.5, 1.0, 3 / 7):
            residuals, ratio = order_residuals(n, delta, 1.0, 4)
            worst = max(worst, max(residuals) / (2**n * 2.0**-52 / ratio))
            ratios.append(ratio)
            largest = max(largest, max(residuals))
        details.append(f"n={n}: min sigma ratio {min(ratios):.2e}, residuals <= {largest:.0e}")
    return Evidence.numeric(worst, 1.0, reference="||P D rho(p)|| / ||D rho(p)|| (eps_expansion, "
                            "independent of the ansatz); error = residual / (2^n eps / ratio)",
                            detail="; ".join(details))
