"""Claims on the closed forms of the two-point function C_{j,k} (17), Prosen (2011)."""

from __future__ import annotations

import mpmath
import sympy as sp

from symness.claims import Evidence, claim
from symness.exact.cos_field import enclosure
from symness.mpa.transfer.correlation_spectral import (
    isotropic_correlation,
    isotropic_matrices,
    spectral_correlation,
    transfer_matrix_correlation,
)
from symness.mpa.transfer.matrices import transfer_matrices_exact
from symness.mpa.transfer.profiles import ProfileParams, correlation_matrix

__all__: list[str] = []
_J, _K, _N = sp.symbols("j k n", integer=True, positive=True)


def _agrees(closed, t, v, sizes=range(2, 9)) -> bool:
    """Closed form == <L|T^(j-1) V T^(k-j-1) V T^(n-k)|R> for every n in sizes, j < k."""
    return all(closed.values(n) == transfer_matrix_correlation(t, v, n) for n in sizes)


def _spectral_correlations(pairs) -> dict:
    return {f"{ell}/{m}": _agrees(spectral_correlation(ell, m), *transfer_matrices_exact(ell, m))
            for ell, m in pairs}


@claim("prosen2011.eq17.correlation-closed-forms", paper="000", equation="(17)", kind="exact",
       statement="the closed form of C_{j,k} from the spectral decomposition of T' equals the "
                 "transfer-matrix C_{j,k} for 2 <= n <= 8, all j < k, at Delta = cos(pi ell/m), "
                 "m = 2..4; at Delta = 1 it is -mu^2/4 for symbolic j, k, n (paper, after (17))")
def _correlation_closed_forms() -> Evidence:
    checked = _spectral_correlations([(1, 2), (1, 3), (1, 4)])
    iso = isotropic_correlation()
    checked["Delta=1 vs TM"] = _agrees(iso, *isotropic_matrices())
    # paper, text after (17): C_{j,k} = -mu^2/4 at Delta = 1
    checked["Delta=1 == -1/4"] = sp.simplify(iso.expression(_J, _K, _N) + sp.Rational(1, 4)) == 0
    return Evidence.exact(all(checked.values()), reference="exact T', V' products over "
                          "Q(2cos(2pi/m)); paper's C_{j,k} = -mu^2/4 at Delta = 1",
                          detail=str(checked))


@claim("prosen2011.eq17.correlation-closed-forms-m6", paper="000", equation="(17)",
       kind="exact", statement="as prosen2011.eq17.correlation_closed_forms for ell/m = 1/5, "
                               "2/5, 1/6")
def _correlation_closed_forms_m6() -> Evidence:
    checked = _spectral_correlations([(1, 5), (2, 5), (1, 6)])
    return Evidence.exact(all(checked.values()), reference="exact T', V' products over "
                          "Q(2cos(2pi/m)), 2 <= n <= 8, all j < k", detail=str(checked))


@claim("prosen2011.eq17.correlation-closed-forms-vs-numeric", paper="000", equation="(17)",
       kind="cross-check",
       statement="the closed forms of C_{j,k} at n = 40 (m = 3..6) agree with the mpmath "
                 "transfer-matrix C_{j,k} on the generic truncation d = 2 + n/2 + 1 (not H_{m+1})")
def _correlation_vs_numeric() -> Evidence:
    n, error, scale = 40, 0.0, 0.0
    for ell, m in ((1, 3), (1, 4), (1, 5), (1, 6)):
        closed = spectral_correlation(ell, m)
        delta = float(sp.cos(sp.pi * sp.Rational(ell, m)))
        numeric = correlation_matrix(ProfileParams(n, delta, 1))
        for (j, k), value in closed.values(n).items():
            exact = float(mpmath.mpf(enclosure(value, m, 128).mid()))
            error = max(error, abs(exact - numeric[j - 1, k - 1]))
            scale = max(scale, abs(exact))
    return Evidence.numeric(error / scale, 1e-12, reference="mpmath (17) on d = 2 + n/2 + 1, "
                            "dps 30", detail=f"max |C| = {scale:.3g}, n = {n}, all j < k")
