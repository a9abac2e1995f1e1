"""Claims on transfer matrices (15)-(16) and profiles (17), Prosen (2011), Fig. 1."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import sympy as sp
from sympy.physics.quantum import TensorProduct

from symness.claims import Evidence, claim
from symness.exact.cos_field import to_sympy
from symness.mpa.algebra.cubic import aux_matrices
from symness.mpa.transfer.matrices import L, R, transfer_matrices_exact, transfer_matrices_symbolic
from symness.mpa.transfer.profile_aux import correlations_from_aux, profile_from_aux
from symness.mpa.transfer.profiles import (
    ProfileParams,
    correlation_matrix,
    delta_half_closed_form,
    isotropic_closed_form,
    magnetization_profile_adaptive,
    magnetization_profile_exact,
)
from symness.tolerance import mp_tolerance

__all__: list[str] = []
_J, _N = sp.symbols("j n", integer=True, positive=True)
_A, _B, _K = sp.symbols("a b k", integer=True, nonnegative=True)
_MU = sp.Symbol("mu")


@claim("prosen2011.eq15.reduction", paper="000", equation="(15)-(16)", kind="exact",
       statement="T~ = sum_s (1 - |s|/2) A_s (x) A_s and V~ = 1/2 sum_s s A_s (x) A_s leave the "
                 "diagonal subspace K invariant and reduce to T, V of (15)-(16) (symbolic lam, c, "
                 "d = 7)")
def _reduction() -> Evidence:
    d = 7
    a = aux_matrices(d)
    t_full = TensorProduct(a["0"], a["0"]) + (TensorProduct(a["+"], a["+"])
                                              + TensorProduct(a["-"], a["-"])) / 2
    v_full = (TensorProduct(a["+"], a["+"]) - TensorProduct(a["-"], a["-"])) / 2
    t, v = transfer_matrices_symbolic(d)
    diag = [nu * d + nu for nu in range(d)]
    ok = True
    for full, reduced in ((t_full, t), (v_full, v)):
        for nu in range(d):
            column = full[:, diag[nu]]
            off = [column[i] for i in range(d * d) if i not in diag]
            ok &= all(sp.simplify(x) == 0 for x in off)
            ok &= all(sp.simplify(column[diag[mu]] - reduced[mu, nu]) == 0 for mu in range(d))
    return Evidence.exact(ok, reference="tensor products of the matrices (11) (sympy)",
                          detail="K invariant, T~|K = T, V~|K = V")


@claim("prosen2011.eq17.isotropic", paper="000", equation="(17)", kind="exact",
       statement="at Delta = 1 T, V close on H_3 and, for symbolic j, n: M_j = mu(n+1-2j)/4, "
                 "C_{j,k} = -mu^2/4")
def _isotropic() -> Evidence:
    t6, v6 = transfer_matrices_symbolic(6, sp.Integer(0), sp.Integer(1))
    closes = all(t6[i, j] == 0 and v6[i, j] == 0 for i in range(3) for j in range(3, 6))
    t, v = t6[:3, :3], v6[:3, :3]
    m_j = (_MU * (t**_A * v * t**_B)[L, R]).subs({_A: _J - 1, _B: _N - _J})
    c_jk = _MU**2 * (t**_A * v * t**_K * v * t**_B)[L, R]
    ok = closes and sp.simplify(m_j - isotropic_closed_form(_J, _N, _MU)) == 0 and \
        sp.simplify(c_jk + _MU**2 / 4) == 0
    return Evidence.exact(ok, reference="text after (17)", detail="symbolic matrix powers")


@claim("prosen2011.eq17.delta-half", paper="000", equation="(17)", kind="exact",
       statement="at Delta = 1/2, M_j equals the printed closed form for symbolic j, n "
                 "(Jordan powers of T', V'), and the exact TM profile for all n <= 12")
def _delta_half() -> Evidence:
    t, v = (x.to_Matrix() for x in transfer_matrices_exact(1, 3))
    m_j = (_MU * (t**_A * v * t**_B)[L, R]).subs({_A: _J - 1, _B: _N - _J})
    symbolic = sp.simplify(sp.expand(m_j - delta_half_closed_form(_J, _N, _MU))) == 0
    finite = all(magnetization_profile_exact(n, 1, 3)[j - 1] == delta_half_closed_form(j, n, 1)
                 for n in range(2, 13) for j in range(1, n + 1))
    return Evidence.exact(symbolic and finite, reference="formula after (17)",
                          detail=f"symbolic: {symbolic}; n <= 12 exact: {finite}")


#: Rational Delta of the numeric-vs-exact check: lam/pi irrational (1/3, 4/5), 1/2 = cos(pi/3),
#: and gapped (11/10, 2).
NUMERIC_VS_EXACT_DELTAS = (sp.Rational(1, 3), sp.Rational(1, 2), sp.Rational(4, 5),
                           sp.Rational(11, 10), sp.Integer(2))


@claim("prosen2011.eq17.numeric-vs-exact", paper="000", equation="(17)", kind="cross-check",
       statement="mpmath profiles (n = 13) and correlations (n = 7) from the reduced T, V "
                 "(15)-(16) agree with exact Fractions from T~, V~ built directly from the "
                 "matrices (11) (d^2-dimensional, polynomial gauge) at Delta = 1/3, 1/2, 4/5, "
                 "11/10, 2")
def _numeric_vs_exact() -> Evidence:
    # Error model, fixed before the run (errors relative to the largest |value|, the scale):
    # M_j: returned at the adaptive working precision dps (30 or 60 digits here); tolerance
    #      mp_tolerance(dps) = 10^-(dps-5).  C_jk: dps 30 internally, output rounded to float64
    #      (eps/2 of the value <= eps/2 of the scale); tolerance eps = 2.2e-16 (factor 2).
    # Errors are measured in exact Fractions (mpf and float values converted exactly).
    worst, detail = 0.0, []
    for delta in NUMERIC_VS_EXACT_DELTAS:
        rational = Fraction(int(delta.p), int(delta.q))
        exact_m = profile_from_aux(13, rational)
        numeric_m, dps, _ = magnetization_profile_adaptive(ProfileParams(13, delta, 1))
        err_m = max(abs(_exact_fraction(a) - b) for a, b in zip(numeric_m, exact_m))
        rel_m = float(err_m / max(abs(x) for x in exact_m))
        exact_c = correlations_from_aux(7, rational)
        numeric_c = correlation_matrix(ProfileParams(7, delta, 1))
        err_c = max(abs(Fraction(float(numeric_c[j - 1, k - 1])) - v)
                    for (j, k), v in exact_c.items())
        rel_c = float(err_c / max(abs(x) for x in exact_c.values()))
        worst = max(worst, rel_m / mp_tolerance(dps), rel_c / 2.0**-52)
        detail.append(f"Delta={delta}: M {rel_m:.0e} (dps {dps}), C {rel_c:.0e}")
    half = [sp.Rational(x.numerator, x.denominator) for x in profile_from_aux(13, Fraction(1, 2))]
    same = [sp.nsimplify(a) for a in magnetization_profile_exact(13, 1, 3)] == half
    return Evidence.numeric(worst, 1.0,
                            reference="exact T~, V~ from (11) (Fractions); error = max of "
                                      "rel. error / 10^-(dps-5) (M_j) and / eps (C_jk)",
                            precision="mpmath adaptive (M_j), dps 30 -> float64 (C_jk)",
                            detail="; ".join(detail) + "; exact (15)-(16) at Delta=1/2 equals "
                                                       f"the T~ route exactly: {same}",
                            requires={"n = 13 profile from T~, V~ = closed form (exact)": same})


def _exact_fraction(x: mpmath.mpf) -> Fraction:
    """The exact binary value of an mpf."""
    sign, man, exp, _ = x._mpf_
    value = Fraction(int(man) * 2**exp) if exp >= 0 else Fraction(int(man), 2**-exp)
    return -value if sign else value


@claim("prosen2011.eq17.gapped-precision", paper="000", equation="(17), Fig. 1(c)",
       kind="numeric", statement="for |Delta| > 1 (Delta = 1.1, 2; n = 60) doubling the mpmath "
       "precision does not change the 15 reported digits of M_j")
def _gapped_precision() -> Evidence:
    worst, detail = 0.0, []
    for delta in (sp.Rational(11, 10), sp.Integer(2)):
        _, dps, change = magnetization_profile_adaptive(ProfileParams(60, delta, 1), digits=15)
        worst = max(worst, change)
        detail.append(f"Delta={delta}: dps={dps}")
    return Evidence.numeric(worst, 1e-17, reference="same computation at half the precision",
                            precision="mpmath adaptive", detail="; ".join(detail))


def _lindblad(points, *, tol: float, levels: int = 3, eps0: float = 0.01) -> Evidence:
    from symness.mpa.exact_ness.lindblad_check import cross_check

    worst, orders, contraction, residual, rows = 0.0, [], 0.0, 0.0, []
    for n, delta, mu in points:
        r = cross_check(n, delta, mu, levels=levels, eps0=eps0)
        worst = max(worst, r.error_m, r.error_c)
        if r.order is not None:  # None: eps^2 term below float64 resolution of <sz>/eps^2
            orders.append(r.order)
        contraction, residual = max(contraction, r.contraction), max(residual, r.residual)
        rows.append(f"({n},{delta},{mu}): {r.error_m:.0e}/{r.error_c:.0e}")
    # tolerance: Richardson leaves O(eps^4), ~1e-8 relative at eps0 = 0.01 (eps0^4), up to 3e-6
    # (n = 6, Delta = 1/2, mu = 0.3) where the eps^4 coefficient is large; the refined solve
    # itself is accurate to ~1e-20 relative (double-double residual)
    return Evidence.numeric(worst, tol, reference="exact NESS of (1)-(3) (lindblad.refinement: "
                            "float64 solves refined with a double-double residual), Richardson "
                            "in eps^2", precision="double-double residual",
                            detail=f"max relative error of M and C; measured order in eps "
                                   f"{min(orders):.3f}..{max(orders):.3f} ({len(orders)} of "
                                   f"{len(points)} rows resolved; eps_0 = {eps0:g}/sqrt(S)"
                                   f", {levels} values of eps); worst contraction "
                                   f"per refinement step {contraction:.0e}, final residual "
                                   f"{residual:.0e}; (n,Delta,mu): err M/err C: "
                                   f"{'; '.join(rows)}")


def _grid(sizes, deltas=None):
    from symness.mpa.tables_lindblad import DELTAS, MUS

    return [(n, d, mu) for n in sizes for d in (deltas or DELTAS) for mu in MUS]


@claim("prosen2011.eq17.vs-lindblad", paper="000", equation="(17)", kind="cross-check",
       statement="<sz_j>/eps^2 -> M_j and <sz_j sz_k>/eps^2 -> C_{j,k} of the exact NESS, "
                 "Richardson in eps^2 (n = 4, 6; Delta = 1/2, 1, 1.1, 2; mu = 1, 0.3)")
def _vs_lindblad() -> Evidence:
    return _lindblad(_grid((4, 6)), tol=1e-5)


@claim("prosen2011.eq17.vs-lindblad-n10", paper="000", equation="(17)", kind="cross-check",
       slow=True, statement="as prosen2011.eq17.vs_lindblad for n = 8 (full grid) and n = 10 "
                            "(Delta = 1/2, mu = 0.3; Delta = 1.1, mu = 1) (full grid n <= 10: "
                            "tables/prosen2011_lindblad_check)")
def _vs_lindblad_slow() -> Evidence:
    from fractions import Fraction

    # eps_0 = 1e-5: at 0.01 eps is not small against the level gap g (g = 9e-4, 1e-4 at
    # Delta = 1/2, n = 8, 10) and the O(eps^4) remainder reaches 1e-3 (mu = 0.3)
    return _lindblad(_grid((8,)) + [(10, Fraction(1, 2), Fraction(3, 10)),
                                    (10, Fraction(11, 10), Fraction(1))], tol=1e-6, eps0=1e-5)


@claim("prosen2011.eq17.vs-lindblad-delta2", paper="000", equation="(17)", kind="cross-check",
       slow=True, statement="as prosen2011.eq17.vs_lindblad at Delta = 2, n = 8, 9, 10, mu = 1, "
                            "0.3, where max_j M_j reaches 5e19 and the level gap 2e-11 "
                            "(eps = 4.5e-14 .. 1.1e-14 at n = 10)")
def _vs_lindblad_delta2() -> Evidence:
    from fractions import Fraction

    # eps_0 = 0.01/32: at 0.01 the O(eps^4) Richardson remainder is 9e-5 at n = 10, mu = 0.3
    # (eps/g ~ 0.08 there); it falls by 2^-4 per halving
    return _lindblad(_grid((8, 9, 10), (Fraction(2),)), tol=1e-6, eps0=0.01 / 32)


def _eps_expansion(points) -> Evidence:
    from symness.mpa.tables_lindblad import eps_expansion_errors

    worst, rows = 0.0, []
    for n, delta, mu in points:
        err_m, err_c, clusters = eps_expansion_errors(n, delta, mu)
        # float64 eigenbasis: the error grows like 1/g^2 (g the smallest level gap: >= 1e-5 for
        # Delta <= 1.1, n <= 10, but ~1e-8 at Delta = 2, n = 9 and ~1e-11 at n = 10)
        tol = 1e-4 if delta == 2 and n >= 9 else 1e-7
        worst = max(worst, max(err_m, err_c) / tol)
        rows.append(f"n={n},Delta={delta},mu={mu}: {max(err_m, err_c):.0e} ({clusters})")
    return Evidence.numeric(worst, 1.0, reference="eps-expansion (7) solved in the eigenbasis "
                            "of H (symness.mpa.exact_ness.eps_expansion)", precision="float64",
                            detail="error/tolerance; tolerance 1e-7 (1e-4 at Delta = 2, n >= 9); "
                                   "relative errors (level gap / cluster spread): "
                                   + "; ".join(rows))


@claim("prosen2011.eq17.vs-eps-expansion", paper="000", equation="(7), (17)",
       kind="cross-check", statement="M_j, C_{j,k} of (17) equal -tr(sz_j rho(2))/2^n, "
       "-tr(sz_j sz_k rho(2))/2^n from the recurrence (7) solved in the eigenbasis of H with "
       "the commutant parts fixed by solvability (n = 3..7, Delta = 1/2, 1, 1.1, 2, mu = 1, 0.3)")
def _vs_eps_expansion() -> Evidence:
    return _eps_expansion(_grid(range(3, 8)))


@claim("prosen2011.eq17.vs-eps-expansion-n10", paper="000", equation="(7), (17)",
       kind="cross-check", slow=True, statement="as prosen2011.eq17.vs_eps_expansion for "
       "n = 8, 9 (full grid) and n = 10 (Delta = 1/2, 1, mu = 1)")
def _vs_eps_expansion_slow() -> Evidence:
    from fractions import Fraction

    return _eps_expansion(_grid((8, 9)) + _grid((10,), (Fraction(1, 2), Fraction(1)))[::2])


def _spectral_closed_forms(pairs) -> Evidence:
    from symness.mpa.transfer.profile_spectral import spectral_profile

    checked = {}
    for ell, m in pairs:
        closed = spectral_profile(ell, m)
        ok = all(magnetization_profile_exact(n, ell, m)[j - 1]
                 == sp.expand(to_sympy(closed.value(j, n), m))
                 for n in range(2, 9) for j in range(1, n + 1))
        checked[f"{ell}/{m}"] = ok
    return Evidence.exact(all(checked.values()), reference="exact T', V' profile over "
                          "Q(2cos(2pi/m)), 2 <= n <= 8, every site", detail=str(checked))


@claim("prosen2011.eq17.closed-forms", paper="000", equation="(17)", kind="exact",
       statement="the closed form of M_j from the spectral decomposition of T' (factors of "
                 "det(x - T') over Q(2cos(2pi/m)), Chinese-remainder projectors) equals the "
                 "transfer-matrix profile, Delta = cos(pi ell/m), m = 2..4")
def _closed_forms() -> Evidence:
    return _spectral_closed_forms([(1, 2), (1, 3), (1, 4)])


@claim("prosen2011.eq17.closed-forms-m6", paper="000", equation="(17)", kind="exact",
       slow=True, statement="as prosen2011.eq17.closed_forms for ell/m = 1/5, 2/5, 1/6 (m = 7, "
                            "8: tables/prosen2011_profile_closed_forms)")
def _closed_forms_slow() -> Evidence:
    return _spectral_closed_forms([(1, 5), (2, 5), (1, 6)])
