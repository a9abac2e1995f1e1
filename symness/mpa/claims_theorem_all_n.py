"""Claims: the theorem of Prosen (2011) for every n; open point (i) at orders p = 2, 3, 4."""

from __future__ import annotations

from itertools import product

from symness.claims import Evidence, claim
from symness.mpa.algebra.boundary_proof import (
    boundary_identities,
    reduction_identities,
    site_letters,
    split_form,
)
from symness.mpa.exact_ness.eps_expansion import order_residuals

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


def _entrywise_agree(n: int, d0) -> bool:
    """``M(Delta_0)`` of the sympy construction equals the modular one entry by entry."""
    import sympy as sp

    from symness.mpa.open_points.point_i_exact import PRIME, modular_matrix, symbolic_matrix

    delta = sp.Symbol("Delta")
    exact = symbolic_matrix(n, delta).subs(delta, d0)
    modular = modular_matrix(n, int(sp.numer(d0)) * pow(int(sp.denom(d0)), -1, PRIME) % PRIME)
    return exact.shape == (modular.nrows(), modular.ncols()) and all(
        int(modular[i, j]) == int(sp.numer(v)) * pow(int(sp.denom(v)), -1, PRIME) % PRIME
        for (i, j), v in ((ij, exact[ij]) for ij in product(range(exact.rows), range(exact.cols))))


def _symbolic_delta(sizes, determinant_sizes, mus) -> Evidence:
    import sympy as sp

    from symness.mpa.open_points.point_i_exact import commutant_certificate, symbolic_determinant

    certs = [commutant_certificate(n, mu) for n in sizes for mu in mus]
    failed = [(c.n, str(c.mu)) for c in certs if not c.nonsingular]
    # independent construction (sympy Kronecker products) vs the bit-level one, entrywise at 3/7
    agree = all(_entrywise_agree(n, sp.Rational(3, 7)) for n in (2, 3))
    roots = {n: sorted(set(sp.real_roots(symbolic_determinant(n)))) for n in determinant_sizes}
    # the only real root allowed is Delta = 0 (XX point): there the sectors are derogatory
    # (certificate at Delta_0 = 0 fails), so the generic basis does not apply anyway
    roots_ok = all(set(r) <= {0} for r in roots.values())
    dims = {c.n: c.dimension for c in certs}
    return Evidence.exact(not failed and agree and roots_ok,
                          reference="polynomial identities over Q[Delta] certified by their "
                                    "value mod 2^61-1 at Delta_0 = 3/7; cross-check: sympy "
                                    "Kronecker-product construction of M(Delta)",
                          detail=f"n = {list(sizes)}, mu = {[str(m) for m in mus]}: failures "
                                 f"{failed}; dim K_0 by n: {dims}; entrywise agreement at n = 2, "
                                 f"3: {agree}; real roots of det M(Delta): {roots}")


@claim("prosen2011.open-point-i.symbolic-delta", paper="000", equation="(i) after the theorem",
       kind="exact", statement="open point (i) at a symbolic Delta: over Q(Delta), i.e. for all "
       "but finitely many Delta, G = P D on the traceless commutant is nonsingular for n = 2..6, "
       "mu = 1, so the commutant part of rho(p) is unique at every order p (G does not depend "
       "on p; p = 2 included); basis H^k Pi_s, F H^k Pi_s of the commutant certified (F "
       "commutes with H, every sector non-derogatory, charpolys of sectors s' != s, n-s "
       "coprime) and det M(Delta) != 0, each by its value mod 2^61-1 at Delta_0 = 3/7; "
       "det M(Delta) at n = 3 has no real root")
def _open_point_i_symbolic() -> Evidence:
    from fractions import Fraction

    return _symbolic_delta(range(2, 7), (3,), (Fraction(1),))


@claim("prosen2011.open-point-i.symbolic-delta-n7", paper="000",
       equation="(i) after the theorem", kind="exact", slow=True,
       statement="as prosen2011.open_point_i.symbolic_delta for n = 7 (mu = 1) and n = 2..6 at "
                 "mu = 1/2; det M(Delta) at n = 4 has the single real root Delta = 0 (the XX "
                 "point, where the sectors are derogatory and the generic basis does not apply)")
def _open_point_i_symbolic_slow() -> Evidence:
    from fractions import Fraction

    first = _symbolic_delta((7,), (4,), (Fraction(1),))
    second = _symbolic_delta(range(2, 7), (), (Fraction(1, 2),))
    return Evidence.exact(first.ok and second.ok, reference=first.reference,
                          detail=f"{first.detail} | {second.detail}")
