"""Table: profiles (17) against the Lindblad NESS and the eps-expansion, Prosen (2011)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from symness import tolerance
from symness.lindblad.steady_state import SteadyStateError
from symness.mpa.exact_ness.eps_expansion import second_order
from symness.mpa.exact_ness.lindblad_check import cross_check, profile_scale, sector_level_gap
from symness.mpa.tables import as_int
from symness.mpa.transfer.profiles import ProfileParams, correlation_matrix, magnetization_profile
from symness.outputs import Table, table

__all__ = ["lindblad_check_table", "DELTAS", "MUS"]

DELTAS = (Fraction(1, 2), Fraction(1), Fraction(11, 10), Fraction(2))
MUS = (Fraction(1), Fraction(3, 10))


def eps_expansion_errors(n: int, delta, mu) -> tuple[float, float, str]:
    """Relative max errors of M_j, C_{j,k} from (7) against (17), and the clustering.

    The clustering is reported as "smallest gap between distinct levels /
    largest spread inside a degenerate level" (unambiguous when gap >> spread).
    At Delta = 2, n >= 9 the splittings reach ~1e-11, so the cluster tolerance
    is lowered to 1e-11 there.
    """
    params = ProfileParams(n, delta, mu)
    m_tm = np.array([float(x) for x in magnetization_profile(params)])
    c_tm = correlation_matrix(params)
    tol = 1e-11 if abs(delta) > 1 and n >= 9 else tolerance.DEGENERACY
    res = second_order(n, delta, mu, cluster_tol=tol, singular_values=False)
    off = ~np.eye(n, dtype=bool)
    err_m = float(np.max(np.abs(res.magnetization - m_tm)) / np.max(np.abs(m_tm)))
    err_c = float(np.max(np.abs(res.correlation[off] - c_tm[off])) / np.max(np.abs(c_tm[off])))
    margin = f"{res.basis.min_gap:.1e} / {res.basis.max_spread:.1e}"
    return err_m, err_c, margin


@table("prosen2011-lindblad-check", slow=True,
       description="M_j, C_jk of (17) vs the exact Lindblad NESS (Richardson in eps^2) and the "
                   "eps-expansion (7), n <= max_n (Prosen 2011)")
def lindblad_check_table(*, max_n=10, levels=8) -> Table:
    """Every (n, Delta, mu) of issue 3's grid: Lindblad extrapolation and eps -> 0 expansion."""
    max_n = as_int(max_n, "max_n", minimum=4, maximum=10)
    levels = as_int(levels, "levels", minimum=3, maximum=8)
    rows = []
    for n in range(4, max_n + 1):
        scale, gap = {}, {}
        for delta in DELTAS:
            scale[delta], gap[delta] = profile_scale(n, delta), sector_level_gap(n, delta)
            for mu in MUS:
                pert_m, pert_c, margin = eps_expansion_errors(n, delta, mu)
                try:
                    r = cross_check(n, delta, mu, levels=levels)
                    order = "-" if r.order is None else f"{r.order:.3f}"
                    lind = [f"{r.eps:.2e}", order, f"{r.raw_error_m:.1e}",
                            f"{r.error_m:.1e}", f"{r.error_c:.1e}", f"{r.estimate:.1e}",
                            f"{r.steps} / {r.contraction:.0e} / {r.residual:.0e}"]
                except SteadyStateError as exc:
                    lind = ["-", "-", "-", "-", "-", "-", f"solver fails: {str(exc)[:60]}"]
                rows.append([n, str(delta), str(mu), f"{scale[delta]:.3e}", f"{gap[delta]:.2e}",
                             *lind, f"{pert_m:.1e}", f"{pert_c:.1e}", margin])
    return Table(
        title="M_j = lim <sz_j>/eps^2 and C_jk = lim <sz_j sz_k>/eps^2 of (17) against the "
              "exact NESS of (1)-(3) and the eps-expansion (7) (Prosen 2011)",
        columns=["n", "Delta", "mu", "S = max|M_j(mu=1)|", "g (level gap)", "eps (kept pair)",
                 "order in eps", "error M (raw)", "error M (Richardson)",
                 "error C (Richardson)", "internal estimate",
                 "refinement: steps / contraction / residual", "error M (eps-expansion)",
                 "error C (eps-expansion)", "level gap / cluster spread"],
        rows=rows,
        command=f"symness table prosen2011-lindblad-check --set max_n={max_n} --set "
                f"levels={levels} --write tables/prosen2011_lindblad_check",
        parameters={"max_n": max_n, "levels": levels},
        notes=["errors: max over sites of |value - (17)| divided by max_j |M_j| (resp. "
               "max_{j<k} |C_jk|); (17) from the transfer matrices in mpmath (30 digits)",
               "Lindblad: exact NESS (symness.lindblad.refinement: float64 sector solves refined "
               "against a double-double residual to a relative correction < 1e-20) at "
               f"eps_i = 0.01 2^-i / sqrt(S), i < {levels}; Richardson in eps^2 "
               "((4 f(eps/2) - f(eps))/3, the expansion is even in eps by time reversal); the "
               "pair whose Richardson value agrees best with the next one is kept; that "
               "difference is the internal estimate",
               "order in eps: log2 of successive differences of <sz_j>/eps^2 at the three "
               "largest eps and the site of largest |M_j| (2 = even expansion)",
               "eps-expansion: (7) solved in the eigenbasis of H to p = 2 with the commutant "
               "parts fixed by the solvability condition "
               "(symness.mpa.exact_ness.eps_expansion), no extrapolation; cluster "
               f"tolerance {tolerance.DEGENERACY:g} (1e-11 at Delta = 2, n >= 9)",
               "refinement (worst over the solves of a row): most steps / largest ratio of "
               "successive corrections / largest final ||L(rho)||_F / ||rho||_F in "
               "double-double; the inner solve is in the eigenbasis of H where the damping is "
               "below 1e3 u max|H_ij| (here Delta = 2, n = 10)",
               "g: smallest spacing of distinct levels of H in one magnetisation sector "
               "(spacings below 1e3 u max|E| count as degeneracies); model parameters are the "
               "float64 values passed (mu = 0.3 and the jump amplitudes rounded once)"])


@table("prosen2011-open-point-i", slow=True,
       description="open point (i) at p = 2: nonsingularity of P D on the commutant of H, and "
                   "the unique rho(2) against (9), n <= max_n (Prosen 2011)")
def open_point_i_table(*, max_n=10) -> Table:
    """sigma_min/sigma_max of G and ``||rho(2) - (9)||`` for n = 3..max_n, four Delta."""
    import math

    from symness.mpa.open_points.point_i import uniqueness_test

    max_n = as_int(max_n, "max_n", minimum=3, maximum=10)
    deltas = {"1/2": 0.5, "1": 1.0, "3/7": 3 / 7, "sqrt(3)-1": math.sqrt(3) - 1}
    rows = []
    for n in range(3, max_n + 1):
        for name, delta in deltas.items():
            r = uniqueness_test(n, delta, 1.0)
            rows.append([n, name, r.commutant_dimension, f"{r.singular_ratio:.3e}",
                         f"{r.deviation_from_eq9:.1e}", f"{r.min_gap:.2e}",
                         f"{r.max_spread:.1e}"])
    return Table(
        title="Open point (i) of Prosen (2011) at p = 2: G = P D on the traceless commutant K_0 "
              "of H, mu = 1",
        columns=["n", "Delta", "dim K_0", "sigma_min/sigma_max of G",
                 "||rho(2) - (9)|| / ||(9)||", "smallest level gap", "largest cluster spread"],
        rows=rows, command=f"symness table prosen2011-open-point-i --set max_n={max_n} "
                           "--write tables/prosen2011_open_point_i",
        parameters={"max_n": max_n},
        notes=["G: <Q_j, D Q_k> over an orthonormal basis of the traceless commutant (entries "
               "inside degenerate eigenspaces of H, eigenvectors of definite magnetisation), "
               "block diagonal in the charge; float64 SVD. Nonzero sigma_min: the alpha_k of "
               "(i) are unique",
               "rho(2): (7) solved from H and D alone "
               "(symness.mpa.exact_ness.eps_expansion), compared with the traceless part "
               "of (9) built from Z (10); agreement also shows "
               "D rho(2) in Im ad_H (open point (ii))",
               f"degenerate levels grouped at tolerance {tolerance.DEGENERACY:g}: smallest gap "
               ">> largest spread"])
