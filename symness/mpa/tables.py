"""Tables of Prosen (2011): the exact Mazur bound (20), extended to every coprime ell/m."""

from __future__ import annotations

from fractions import Fraction
from math import gcd

import sympy as sp

from symness.exact.cos_field import enclosure, to_sympy
from symness.mpa.mazur.bound import (
    dz_by_squaring,
    dz_closed_form,
    dz_closed_form_exact,
    dz_jordan,
    dz_resolvent,
)
from symness.outputs import Table, table
from symness.validation import ParameterError, parse_number, require_int

__all__ = ["mazur_table", "as_int"]


def as_int(value, name: str, *, minimum: int, maximum: int | None = None) -> int:
    """Accept an int or its text (from ``--set key=value``) and validate it."""
    if isinstance(value, str):
        number = parse_number(value, name)
        if number.denominator != 1:
            raise ParameterError(f"'{name}' must be an integer (got {value!r})")
        value = int(number)
    return require_int(value, name, minimum=minimum, maximum=maximum)


@table("prosen2011-mazur", aliases=("mazur",),
       description="exact Mazur bound D_Z(cos(pi ell/m)) for all coprime ell/m, "
                   "m <= max_m (Prosen 2011, (19)-(20))")
def mazur_table(*, max_m=12) -> Table:
    """Exact D_Z at every coprime ``ell/m``, ``2 <= m <= max_m`` (default 12).

    Each value is computed by the exact Jordan decomposition of T' (the paper's
    method), checked equal in ``Q(2 cos(2 pi/m))`` to the resolvent method and to
    the closed form ``m sin^2(pi ell/m)/(2(m-1))``, and compared with iteration
    of T' (n = 2^k by squaring in ``arb`` balls): the column ``iteration error``
    is a rigorous upper bound of ``|D_n - D_Z|`` at the final n.
    """
    max_m = as_int(max_m, "max_m", minimum=2, maximum=40)
    x = sp.Symbol("x")
    rows = []
    for m in range(2, max_m + 1):
        for ell in (k for k in range(1, m) if gcd(k, m) == 1):
            value = dz_jordan(ell, m)
            if not value == dz_resolvent(ell, m) == dz_closed_form_exact(ell, m):
                raise ArithmeticError(f"exact methods disagree at ell/m = {ell}/{m}")
            expr = sp.expand(to_sympy(value, m))
            iterated, n = dz_by_squaring(ell, m, digits=40)
            error = abs(iterated - enclosure(value, m, 512)).upper()
            if not error < 1e-30:
                raise ArithmeticError(f"iteration disagrees with D_Z at {ell}/{m}: {error}")
            rows.append([m, ell, f"pi*{ell}/{m}", str(sp.cos(sp.pi * sp.Rational(ell, m))),
                         str(expr), str(dz_closed_form(ell, m)),
                         str(sp.minimal_polynomial(expr, x)),
                         str(sp.N(expr, 40)), f"{float(error):.1e}", n])
    return Table(
        title=f"Mazur bound D_Z(cos(pi ell/m)), Prosen (2011) eq. (19), all coprime ell/m, "
              f"m <= {max_m}",
        columns=["m", "ell", "lambda", "Delta", "D_Z (exact, in Q(cos(2pi/m)))",
                 "m sin^2(pi ell/m)/(2(m-1))", "minimal polynomial",
                 "D_Z (40 digits)", "iteration error", "iteration n"],
        rows=rows, command=f"symness table mazur --set max_m={max_m} --write tables/mazur_dz",
        parameters={"max_m": max_m},
        notes=["D_Z from the Jordan decomposition of T' = T|H_{m+1}; equal exactly to the "
               "resolvent [(1-B)^-1]_11 method and to m sin^2(pi ell/m)/(2(m-1)).",
               "iteration error: rigorous bound on |D_n - D_Z|, D_n = 1/(2<L|T'^n|1>) from "
               "T'^n at n = 2^k (arb ball arithmetic).",
               "D_Z(Delta) = D_Z(-Delta): rows ell and m-ell coincide."])


@table("prosen2011-gapped-profile", slow=True,
       description="M_j for |Delta| > 1 at n up to 1000, adaptive mpmath (Prosen 2011, (17))")
def gapped_profile_table(*, n=1000, delta="11/10") -> Table:
    """M_j (15 digits) at ``|Delta| > 1``; precision doubled until the digits are stable."""
    import mpmath

    from symness.mpa.transfer.profiles import (
        ProfileParams,
        magnetization_profile,
        magnetization_profile_adaptive,
    )

    n = as_int(n, "n", minimum=2, maximum=5000)
    delta_value = parse_number(str(delta), "delta")
    params = ProfileParams(n, delta_value, 1)
    profile, dps, change = magnetization_profile_adaptive(params)
    digits = [mpmath.nstr(x, 15) for x in profile]
    # independent confirmation: recompute at twice the final precision, compare the digits
    check = magnetization_profile(params, dps=2 * dps)
    with mpmath.workdps(2 * dps):
        scale = max(abs(x) for x in check)
        changed = sum(a != mpmath.nstr(b if abs(b) > scale * mpmath.mpf(10) ** -(dps // 4)
                                       else mpmath.mpf(0), 15)
                      for a, b in zip(digits, check))
    if changed:
        raise ArithmeticError(f"{changed} reported values change at dps={2 * dps}")
    rows = [[j, digits[j - 1]] for j in range(1, n + 1)]
    return Table(title=f"M_j = <sz_j>/eps^2 at Delta = {delta_value}, n = {n}, mu = 1",
                 columns=["j", "M_j"], rows=rows,
                 command=f"symness table prosen2011-gapped-profile --set n={n} --set "
                         f"delta={delta_value} --write tables/prosen2011_gapped_profile_n{n}"
                         + ("" if delta_value == Fraction(11, 10) else f"_delta{delta_value}"),
                 parameters={"n": n, "delta": str(delta_value), "mu": 1},
                 notes=[f"working precision dps={dps}; largest relative change against "
                        f"dps={dps // 2}: {change:.1e} (sites below 10^-(dps/4) of the scale "
                        "excluded)",
                        f"recomputed at dps={2 * dps}: all {n} reported 15-digit values are "
                        "unchanged"])


@table("prosen2011-profile-closed-forms", slow=True,
       description="closed forms of M_j at every Delta = cos(pi ell/m), m <= max_m "
                   "(Prosen 2011, (17))")
def profile_closed_forms_table(*, max_m=6) -> Table:
    """M_j/mu in closed form from the spectral decomposition of T', each checked exactly.

    One row per coprime ``ell <= m/2`` (T', hence M_j, is the same at ``ell`` and
    ``m - ell``, claim ``prosen2011.mazur.symmetry``).  Each closed form is
    compared in ``Q(2 cos(2 pi/m))`` with ``<L|T'^(j-1) V' T'^(n-j)|R>`` for
    every ``2 <= n <= 10`` and every site.
    """
    from symness.mpa.transfer.matrices import transfer_matrices_exact
    from symness.mpa.transfer.profile_spectral import spectral_profile
    from symness.mpa.transfer.profiles import _exact_power_rows

    max_m = as_int(max_m, "max_m", minimum=2, maximum=8)
    rows = []
    for m in range(2, max_m + 1):
        for ell in (k for k in range(1, m // 2 + 1) if gcd(k, m) == 1):
            closed = spectral_profile(ell, m)
            t, v = transfer_matrices_exact(ell, m)
            for size in range(2, 11):
                lefts, rights = _exact_power_rows(t, size)
                for site in range(1, size + 1):
                    if (lefts[site - 1] * v * rights[size - site]).to_list()[0][0] != \
                            closed.value(site, size):
                        raise ArithmeticError(f"closed form fails at {ell}/{m}, n={size}, "
                                              f"j={site}")
            rows.append([m, ell, str(sp.cos(sp.pi * sp.Rational(ell, m))), closed.factors(),
                         closed.text()])
    return Table(title="M_j/mu = <sz_j>/(mu eps^2) in closed form at Delta = cos(pi ell/m) "
                       "(Prosen 2011, (17))",
                 columns=["m", "ell", "Delta", "det(x - T')", "M_j / mu"], rows=rows,
                 command=f"symness table prosen2011-profile-closed-forms --set max_m={max_m} "
                         "--write tables/prosen2011_profile_closed_forms",
                 parameters={"max_m": max_m},
                 notes=["derived from the factorisation of det(x - T') over Q(2cos(2pi/m)) and "
                        "the spectral projectors of T' (Chinese remainders); RootSum(f, z -> g) "
                        "is the sum of g over the roots of f (exact: a trace in Q[z]/f)",
                        "each expression checked exactly against mu<L|T'^(j-1) V' T'^(n-j)|R> "
                        "for 2 <= n <= 10 and every site; 0**0 = 1 (m = 2)",
                        "m = 3 reproduces the paper's Delta = 1/2 formula after (17); rows ell "
                        "and m - ell coincide"])

