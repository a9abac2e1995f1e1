"""Claims on the Mazur bound D_Z, Prosen (2011) eqs. (19)-(20) and Fig. 2."""

from __future__ import annotations

from math import gcd

import mpmath
import numpy as np
import sympy as sp

from symness.claims import Evidence, claim
from symness.exact.cos_field import enclosure, to_sympy
from symness.exact.spectral import jordan_block_sizes
from symness.mpa.mazur.bound import (
    dz_by_iteration,
    dz_by_squaring,
    dz_closed_form,
    dz_closed_form_exact,
    dz_fractal,
    dz_jordan,
    dz_resolvent,
    inner_spectrum_inside_unit_interval,
)
from symness.mpa.mazur.closed_form_proof import prove_closed_form
from symness.mpa.mazur.iteration import (
    dz_by_float_squaring,
    squaring_error_model,
    stratified_sample,
)
from symness.mpa.transfer.matrices import (
    L,
    R,
    inner,
    inner_entries,
    reduced_transfer_matrices,
    transfer_matrices_exact,
    transfer_matrices_symbolic,
)

#: Table (20) of the paper: (ell, m) -> D_Z(cos(pi ell / m)).
TABLE_20 = {
    (1, 2): sp.Integer(1),
    (1, 3): sp.Rational(9, 16),
    (1, 4): sp.Rational(1, 3),
    (1, 5): 5 * (5 - sp.sqrt(5)) / 64,
    (2, 5): 5 * (5 + sp.sqrt(5)) / 64,
    (1, 6): sp.Rational(3, 20),
}
#: Overshoots of D_BA over table (20) quoted in the text, in percent, for m = 3..6.
BETHE_OVERSHOOT_PERCENT = {3: 4, 4: 9, 5: 13, 6: 15}
_X = sp.Symbol("x")


def _pairs(max_m: int):
    return [(ell, m) for m in range(2, max_m + 1) for ell in range(1, m) if gcd(ell, m) == 1]


@claim("prosen2011.eq20.table", paper="000", equation="(20)", kind="exact",
       statement="the Jordan decomposition of T' reproduces table (20) exactly "
                 "(1, 9/16, 1/3, 5(5-sqrt5)/64, 5(5+sqrt5)/64, 3/20)")
def _table_20() -> Evidence:
    bad = []
    for (ell, m), paper in TABLE_20.items():
        value = to_sympy(dz_jordan(ell, m), m)
        if sp.minimal_polynomial(value - paper, _X) != _X:
            bad.append(f"{ell}/{m}: {value} != {paper}")
    return Evidence.exact(not bad, reference="table (20) of the paper",
                          detail="; ".join(bad) or "6 entries, minimal_polynomial(D - paper) == x")


@claim("prosen2011.eq20.pi-over-3", paper="000", equation="(20)", kind="exact",
       statement="at Delta = 1/2, T' is the printed 4x4 matrix with Jordan form "
                 "diag(J_2(1), 5/8, -1/8) and <L|T'^n|R> ~ 4n/9, so D_Z = 9/16")
def _pi_over_3() -> Evidence:
    t, _ = transfer_matrices_exact(1, 3)
    q = sp.Rational
    printed = sp.Matrix([[1, 0, q(1, 2), 0], [0, 1, 0, 0], [0, q(1, 2), q(1, 4), q(3, 8)],
                         [0, 0, q(3, 8), q(1, 4)]])
    domain = t.domain
    blocks = {z: jordan_block_sizes(t, domain.convert(z)) for z in (1, q(5, 8), q(-1, 8))}
    from symness.exact.spectral import spectral_part

    slope = to_sympy(spectral_part(t, domain.one).nilpotent.to_list()[L][R], 3)
    ok = (t.to_Matrix() == printed and blocks == {1: (2,), q(5, 8): (1,), q(-1, 8): (1,)}
          and slope == q(4, 9) and to_sympy(dz_jordan(1, 3), 3) == q(9, 16))
    return Evidence.exact(ok, reference="the matrix and Jordan form printed before (20)",
                          detail=f"blocks={blocks}, slope={slope}")


def _resolvent_vs_jordan(max_m: int) -> Evidence:
    bad = [f"{ell}/{m}" for ell, m in _pairs(max_m)
           if not dz_jordan(ell, m) == dz_resolvent(ell, m) == dz_closed_form_exact(ell, m)]
    return Evidence.exact(not bad, reference="Jordan decomposition of T' vs resolvent of the "
                          "inner block vs closed form m sin^2(pi ell/m)/(2(m-1))",
                          detail=f"{len(_pairs(max_m))} coprime ell/m, m <= {max_m}; "
                                 f"equal in Q(2cos(2pi/m))" + (f"; differ: {bad}" if bad else ""))


@claim("prosen2011.mazur.jordan-vs-resolvent", paper="000", equation="(19)",
       kind="cross-check", statement="two independent exact methods (Jordan decomposition, "
       "resolvent continued fraction) and the closed form agree exactly for m <= 7")
def _jordan_vs_resolvent_fast() -> Evidence:
    return _resolvent_vs_jordan(7)


@claim("prosen2011.mazur.jordan-vs-resolvent-m12", paper="000", equation="(19)",
       kind="cross-check", slow=True, statement="Jordan, resolvent and closed form agree "
       "exactly for every coprime ell/m with m <= 12")
def _jordan_vs_resolvent_slow() -> Evidence:
    return _resolvent_vs_jordan(12)


@claim("prosen2011.mazur.closed-form", paper="000", equation="(19)-(20)", kind="exact",
       statement="for every m >= 2 and coprime ell: D_Z(cos(pi ell/m)) = "
                 "m sin^2(pi ell/m)/(2(m-1)); twelve steps (pair products and cut of T' for "
                 "general r and m, block structure, T'^n by induction in n with noncommuting "
                 "blocks, <L|T'^n|R> as a Cesaro sum, its limit s_n/n -> u(1-B)^-1 v by "
                 "sympy.limit per eigenvalue, Schur pivots by induction, recurrence "
                 "y_j = (j+1)/(2j), pivots x_r = sin^2(r lam) y_{m-r}, Bezout coefficients by "
                 "extended Euclid, non-vanishing and spectrum of B in (-1, 1), D_Z = x_1) "
                 "checked symbolically")
def _closed_form_all_m() -> Evidence:
    steps = prove_closed_form()
    failed = [name for name, ok in steps.items() if not ok]
    return Evidence.exact(not failed, reference="symbolic proof in general m, ell, r, n (sympy), "
                          "symness.mpa.mazur.closed_form_proof; by hand: spectral theorem for the "
                          "symmetrised B, linearity of finite sums of limits, Euclid terminates",
                          detail=f"failed steps: {failed}" if failed else
                          f"{len(steps)} steps: " + ", ".join(steps))


@claim("prosen2011.mazur.iteration-30-digits", paper="000", equation="(19)", kind="numeric",
       statement="for every coprime ell/m, m <= 12, iterating T' (n = 2^k by squaring, arb balls) "
                 "reproduces the exact D_Z to better than 1e-45, the stopping rule's bound")
def _iteration_digits() -> Evidence:
    worst = 0.0
    for ell, m in _pairs(12):
        value, _ = dz_by_squaring(ell, m, digits=40)
        exact = enclosure(dz_closed_form_exact(ell, m), m, 512)
        worst = max(worst, float(abs(value - exact).upper()))
    # model: doubling stops when |D_2n - D_n| < 10^-(digits+5) = 1e-45; the truncation error
    # decays like rho^n, so |D_2n - D| <= |D_2n - D_n| once rho^n < 1/2; ball radius ~1e-150.
    # (The achieved error is ~ the square of the bound: one doubling squares rho^n.)
    return Evidence.numeric(worst, 1e-45, reference="exact D_Z (certified arb enclosure)",
                            precision="arb, 597 bits", detail="45 points, m <= 12")


@claim("prosen2011.mazur.symmetry", paper="000", equation="(20)", kind="exact",
       statement="D_Z(Delta) = D_Z(-Delta): T is invariant under lam -> pi - lam "
                 "(symbolically), and T' at ell and m-ell coincide exactly for m <= 12")
def _symmetry() -> Evidence:
    lam = sp.Symbol("lambda")
    t, _ = transfer_matrices_symbolic(12, lam)
    symbolic_ok = (t.subs(lam, sp.pi - lam) - t).applyfunc(sp.simplify) == sp.zeros(12, 12)
    exact_ok = all(transfer_matrices_exact(ell, m)[0] == transfer_matrices_exact(m - ell, m)[0]
                   for ell, m in _pairs(12))
    return Evidence.exact(symbolic_ok and exact_ok, reference="eq. (15), lam -> pi - lam",
                          detail=f"symbolic d=12: {symbolic_ok}; exact m<=12: {exact_ok}")


@claim("prosen2011.mazur.positive", paper="000", equation="(19)", kind="exact",
       statement="for rational lam/pi with |Delta| < 1 the limit (19) exists and D_Z > 0: "
                 "sin(pi ell/m) != 0, and (checked exactly for m <= 12) eigenvalue 1 of T' is "
                 "one 2x2 Jordan block while the inner block has spectrum in (-1, 1)")
def _positive() -> Evidence:
    bad = [f"{ell}/{m}" for ell, m in _pairs(12) if not inner_spectrum_inside_unit_interval(ell, m)]
    return Evidence.exact(not bad, reference="exact pivots of 1 -/+ B (signs by arb), "
                          "closed form m sin^2(pi ell/m)/(2(m-1)) > 0",
                          detail=f"45 points m <= 12; failures: {bad}" if bad else
                          "45 points m <= 12; Jordan block (2,) asserted in dz_jordan")


@claim("prosen2011.mazur.isotropic-zero", paper="000", equation="(19)", kind="exact",
       statement="at Delta = +-1, T closes on H_3 and <L|T^n|R> = n(n-1)/8 (∝ n^2), "
                 "so n/(4<L|T^n|R>) = 2/(n-1) -> 0")
def _isotropic() -> Evidence:
    n = sp.Symbol("n", positive=True, integer=True)
    results = []
    for lam in (sp.Integer(0), sp.pi):
        t, _ = transfer_matrices_symbolic(6, lam, sp.Integer(1))
        closes = all(t[i, j] == 0 for i in range(3) for j in range(3, 6))  # <H_3| T kills rest
        t3 = t[:3, :3]
        overlap = sp.simplify((t3**n)[L, R])
        results.append(closes and sp.simplify(overlap - n * (n - 1) / 8) == 0
                       and sp.limit(n / (4 * overlap), n, sp.oo) == 0)
    return Evidence.exact(all(results), reference="symbolic matrix power (sympy)",
                          detail="Delta = 1 and Delta = -1")


@claim("prosen2011.mazur.gapped-zero", paper="000", equation="(19)", kind="exact",
       statement="for |Delta| > 1 (lam = i eta, c = i) every entry of T is >= 0 for every "
                 "inner index r (both parities, general r) and every truncation, so "
                 "<L|T^n|R> >= cosh^(2(n-2))(eta)/4 and n/(4<L|T^n|R>) -> 0: D_Z = 0")
def _gapped() -> Evidence:
    eta = sp.Symbol("eta", positive=True)
    k = sp.Symbol("k", integer=True, positive=True)
    n = sp.Symbol("n", integer=True, positive=True)
    cos2 = lambda x: sp.cos(x * sp.I * eta) ** 2  # noqa: E731  cosh^2(x eta)
    sin2 = lambda x: sp.sin(x * sp.I * eta) ** 2  # noqa: E731  -sinh^2(x eta)
    # inner entries T_rr, T_{r,r+1}, T_{r+1,r} at r = 2k-1 and r = 2k, c^2 = -1 (the builders'
    # own formula): cosh^2, sinh^2/2, sinh^2/2
    inner_ok = all(x.is_nonnegative for r in (2 * k - 1, 2 * k)
                   for x in inner_entries(r, cos2, sin2, sp.Integer(-1), sp.Rational(1, 2)))
    t, _ = reduced_transfer_matrices(5, cos2, sin2, sp.Integer(-1), one=sp.Integer(1),
                                     zero=sp.Integer(0))
    boundary_ok = (t[L][L] == t[R][R] == 1 and t[L][inner(1)] == t[inner(1)][R] == sp.Rational(1, 2)
                   and all(t[L][j] == 0 for j in range(5) if j not in (L, inner(1)))
                   and all(t[i][R] == 0 for i in range(5) if i not in (R, inner(1))))
    # all entries >= 0: <L|T^n|R> >= the single path L -> 1 (n-2 times) -> R
    path = t[L][inner(1)] * t[inner(1)][inner(1)] ** (n - 2) * t[inner(1)][R]
    path_ok = sp.simplify(path - sp.cosh(eta) ** (2 * (n - 2)) / 4) == 0
    # cosh^2(eta) = 1 + y with y = sinh^2(eta) > 0, and n / (1 + y)^(n-2) -> 0
    y = sp.Symbol("y", positive=True)
    limit_ok = (sp.simplify(sp.cosh(eta) ** 2 - 1 - sp.sinh(eta) ** 2) == 0
                and sp.limit(n / (1 + y) ** (n - 2), n, sp.oo) == 0)
    ok = inner_ok and boundary_ok and path_ok and limit_ok
    return Evidence.exact(ok, reference="symbolic entries of (15) at lam = i eta, c = i, "
                          "general r (sympy)", detail=f"inner >= 0: {inner_ok}, boundary: "
                          f"{boundary_ok}, path: {path_ok}, limit: {limit_ok}")


@claim("prosen2011.mazur.bethe-ansatz", paper="000", equation="text after (20)", kind="exact",
       statement="D_BA = 1 - sin(2 lam)/(2 lam) at lam = pi/m overshoots table (20) by "
                 "4%, 9%, 13%, 15% for m = 3..6 (rounded to integer percent)")
def _bethe() -> Evidence:
    import flint

    found = {}
    saved = flint.ctx.prec
    flint.ctx.prec = 200
    try:
        for m in BETHE_OVERSHOOT_PERCENT:
            lam = flint.arb.pi() / m
            dba = 1 - (2 * lam).sin() / (2 * lam)
            dz = enclosure(dz_closed_form_exact(1, m), m, 200)
            percent = 100 * (dba / dz - 1)
            rounded = (percent + flint.arb(1) / 2).floor()
            found[m] = int(rounded.unique_fmpz()) if rounded.unique_fmpz() is not None else None
    finally:
        flint.ctx.prec = saved
    return Evidence.exact(found == BETHE_OVERSHOOT_PERCENT,
                          reference="text after (20); arb enclosures decide the rounding",
                          detail=f"overshoot % = {found}")


@claim("prosen2011.fig2.float-accuracy", paper="000", equation="Fig. 2", kind="numeric",
       statement="the float64 fractal D_Z (closed form) for all coprime ell/m, m <= 300, "
                 "matches a 30-digit mpmath evaluation within the round-off bound 6 eps")
def _fig2_accuracy() -> Evidence:
    data = dz_fractal(300)
    worst = 0.0
    with mpmath.workdps(30):
        for ell, m, dz in zip(data["ell"].tolist(), data["m"].tolist(), data["dz"].tolist()):
            ref = mpmath.mpf(m) / (2 * (m - 1)) * mpmath.sinpi(mpmath.mpf(ell) / m) ** 2
            worst = max(worst, float(abs((dz - ref) / ref)))
    # round-off model: argument pi*l/m (folded to <= pi/2) 1.5 eps, so sin 1.5 eps + 1 ulp;
    # squared: 5 eps; times m and divided by 2(m-1): +1 eps.  Bound 6 eps = 1.3e-15.
    return Evidence.numeric(worst, 6 * 2.0**-52, reference="mpmath dps=30 of the closed form",
                            detail=f"{data['dz'].size} points")


@claim("prosen2011.fig2.vs-iteration", paper="000", equation="Fig. 2", kind="cross-check",
       statement="the closed form used for Fig. 2 agrees with the paper's method (iterating T' "
                 "in float64) to 1e-10 relative on every coprime ell/m with m <= 12")
def _fig2_vs_iteration() -> Evidence:
    worst = 0.0
    for ell, m in _pairs(12):
        worst = max(worst, abs(dz_by_iteration(ell, m) / float(dz_closed_form(ell, m)) - 1))
    # 1e-10: the float64 iteration accumulates round-off over ~m^2 steps (measured ~1e-12)
    return Evidence.numeric(worst, 1e-10, reference="float64 iteration of T' (paper's method)",
                            detail=f"{len(_pairs(12))} points")


def _iteration_sample(per_stratum: int) -> Evidence:
    """Paper's iteration (float64 T'^(2^k)) vs the proved closed form on a stratified sample.

    Pass/fail per point: relative error <= :func:`squaring_error_model` (an a-priori
    round-off bound, fixed before the runs); the evidence is the worst ratio
    error/bound (tolerance 1).  The error law is the least-squares slope of
    log(median error per stratum) against log(median m per stratum).
    """
    strata: dict[int, list] = {}
    with mpmath.workdps(30):
        for ell, m in stratified_sample(300, 10, per_stratum):
            value, k = dz_by_float_squaring(ell, m)
            exact = mpmath.mpf(m) / (2 * (m - 1)) * mpmath.sinpi(mpmath.mpf(ell) / m) ** 2
            error = float(abs(value - exact) / exact)
            strata.setdefault((m - 2) * 10 // 299, []).append(
                (m, error, error / squaring_error_model(m, k)))
    medians = np.array([np.median(np.array(rows)[:, :2], axis=0) for rows in strata.values()])
    usable = medians[:, 1] > 0
    slope = np.polyfit(np.log(medians[usable, 0]), np.log(medians[usable, 1]), 1)[0]
    worst = [max(r[2] for r in rows) for _, rows in sorted(strata.items())]
    count = sum(len(rows) for rows in strata.values())
    return Evidence.numeric(max(worst), 1.0, reference="proved closed form (mpmath dps=30); "
                            "bound per point (2k+1)(m+1)eps + 4eps (round-off model of k "
                            "squarings of the nonnegative T')",
                            detail=f"{count} points, 10 strata of m in [2, 300]; error law: "
                                   f"median relative error ~ m^{slope:.1f} (the bound grows as "
                                   f"m log m); worst error/bound per stratum "
                                   f"{[f'{w:.2f}' for w in worst]}")


@claim("prosen2011.fig2.iteration-sample", paper="000", equation="Fig. 2", kind="cross-check",
       statement="the paper's method (iterating T', float64, n = 2^k) agrees with the proved "
                 "closed form within the a-priori round-off bound on a stratified sample of 50 "
                 "points (5 per tenth of m in [2, 300])")
def _fig2_iteration_fast() -> Evidence:
    return _iteration_sample(5)


@claim("prosen2011.fig2.iteration-sample-1000", paper="000", equation="Fig. 2",
       kind="cross-check", slow=True,
       statement="the paper's method (iterating T', float64, n = 2^k) agrees with the proved "
                 "closed form within the a-priori round-off bound on a stratified sample of "
                 "1000 points (100 per tenth of m in [2, 300]), with the measured error law")
def _fig2_iteration_slow() -> Evidence:
    return _iteration_sample(100)


__all__ = ["TABLE_20", "BETHE_OVERSHOOT_PERCENT"]
