"""Table: closed forms of the two-point function C_{j,k} (17), Prosen (2011)."""

from __future__ import annotations

from math import gcd

import sympy as sp

from symness.mpa.tables import as_int
from symness.mpa.transfer.correlation_spectral import (
    SpectralCorrelation,
    isotropic_correlation,
    isotropic_matrices,
    spectral_correlation,
    transfer_matrix_correlation,
)
from symness.mpa.transfer.matrices import transfer_matrices_exact
from symness.outputs import Table, table

__all__ = ["correlation_closed_forms_table", "correlation_expression"]

_J, _K, _N = sp.symbols("j k n", integer=True, positive=True)
_CHECK_SIZES = range(2, 11)


def correlation_expression(closed: SpectralCorrelation) -> sp.Expr | None:
    """C_{j,k}/mu^2 as one sympy expression in j, k, n, or None (a nonlinear factor)."""
    if any(c.factor.degree() != 1 for c in closed.components):
        return None
    return closed.expression(_J, _K, _N)


def _check(closed: SpectralCorrelation, t, v, expr: sp.Expr | None, label: str) -> None:
    """Raise unless the closed form (and its sympy expression) equals the TM products."""
    dom = t.domain
    for n in _CHECK_SIZES:
        reference = transfer_matrix_correlation(t, v, n)
        if closed.values(n) != reference:
            raise ArithmeticError(f"closed form of C_jk fails at {label}, n={n}")
        if expr is not None and any(
                sp.expand(expr.subs({_J: j, _K: k, _N: n}) - dom.to_sympy(x)) != 0
                for (j, k), x in reference.items()):
            raise ArithmeticError(f"sympy expression of C_jk fails at {label}, n={n}")


@table("prosen2011-correlation-closed-forms", slow=True,
       description="closed forms of C_{j,k} at Delta = 1 and every Delta = cos(pi ell/m), "
                   "m <= max_m (Prosen 2011, (17))")
def correlation_closed_forms_table(*, max_m=6) -> Table:
    """C_{j,k}/mu^2 in closed form from the spectral decomposition of T', each checked exactly.

    One row for ``Delta = 1`` and one per coprime ``ell <= m/2`` (T', V' and hence
    C_{j,k} coincide at ``ell`` and ``m - ell``).  Each closed form is compared in
    ``Q(2 cos(2 pi/m))`` with ``<L|T'^(j-1) V' T'^(k-j-1) V' T'^(n-k)|R>`` for every
    ``2 <= n <= 10`` and every ``j < k``; so is the single sympy expression where
    every factor of det(x - T') is linear.
    """
    max_m = as_int(max_m, "max_m", minimum=2, maximum=8)
    cases = [(0, 1, "1", isotropic_correlation(), isotropic_matrices())]
    for m in range(2, max_m + 1):
        for ell in (k for k in range(1, m // 2 + 1) if gcd(k, m) == 1):
            cases.append((ell, m, str(sp.cos(sp.pi * sp.Rational(ell, m))),
                          spectral_correlation(ell, m), transfer_matrices_exact(ell, m)))
    rows = []
    for ell, m, delta, closed, (t, v) in cases:
        expr = correlation_expression(closed)
        _check(closed, t, v, expr, f"ell/m = {ell}/{m}")
        rows.append([m, ell, delta, closed.factors(), closed.text(),
                     "" if expr is None else str(expr)])
    return Table(title="C_{j,k}/mu^2 = <sz_j sz_k>/(mu^2 eps^2), j < k, in closed form at "
                       "Delta = cos(pi ell/m) (Prosen 2011, (17))",
                 columns=["m", "ell", "Delta", "det(x - T')", "C_{j,k} / mu^2",
                          "sympy expression (all factors linear)"],
                 rows=rows,
                 command=f"symness table prosen2011-correlation-closed-forms --set max_m={max_m} "
                         "--write tables/prosen2011_correlation_closed_forms",
                 parameters={"max_m": max_m},
                 notes=["derived from the factorisation of det(x - T') over Q(2cos(2pi/m)) and "
                        "the spectral projectors of T' (Chinese remainders): a sum over triples "
                        "of components weighted by functions of j-1, k-j-1, n-k; RootSum(f, z -> "
                        "g) is the sum of g over the roots of f",
                        "each expression checked exactly against mu^2<L|T'^(j-1) V' T'^(k-j-1) "
                        "V' T'^(n-k)|R> for 2 <= n <= 10 and every j < k; 0**0 = 1",
                        "row m = 1, ell = 0 is Delta = 1 (T on H_3): C_{j,k} = -mu^2/4, the "
                        "paper's formula after (17); the paper prints no C_{j,k} at Delta = 1/2",
                        "rows ell and m - ell coincide"])
