"""Prosen & Ilievski's optimal Mazur bound next to Prosen's D_Z and the GHD Drude weight.

Prosen & Ilievski, PRL 111, 057203 (2013) (no seed text): quasi-local charges built
from the Lax operator of complex spin raise the infinite-temperature spin Drude
weight bound at ``Delta = cos(pi l/m)`` to

    d_PI(l, m) = sin^2(pi l/m) / sin^2(pi/m) * (1 - (m / 2 pi) sin(2 pi/m)),

in the normalisation of paper 000's ``D_Z`` (both equal 1 at ``Delta = 0``; GHD's
``D`` of :mod:`symness.ghd.drude` is ``d/8``).  With paper 000's (20),
``D_Z = m sin^2(pi l/m) / (2 (m - 1))``, the ratio depends on ``m`` only:

    R(m) = d_PI / D_Z = 2 (m - 1) (1 - (m / 2 pi) sin(2 pi/m)) / (m sin^2(pi/m)),

``R(2) = 1``, ``R(m) = 4/3 - 4/(3m) + O(m^-2)`` and ``R -> 4/3`` as ``m -> oo``
(claims ``prosen_ilievski2013.*``).  ``d_PI`` here is the paper's closed form, checked
against GHD (an independent theory) and ``D_Z`` (paper 000's exact Jordan-form value
from :mod:`symness.mpa`); the quasi-local charges themselves are constructed, and the
bound re-optimised over them, in :mod:`symness.quasilocal` (claims in
:mod:`.claims_quasilocal`).
"""

from __future__ import annotations

import mpmath
import sympy as sp

from symness.validation import ParameterError, require_int

__all__ = ["d_pi", "ratio", "ratio_symbolic"]

_M = sp.Symbol("m", positive=True)


def _check(ell: int, m: int) -> None:
    m = require_int(m, "m", minimum=2)
    ell = require_int(ell, "ell", minimum=1, maximum=m - 1)
    if sp.gcd(ell, m) != 1:
        raise ParameterError(f"'ell' must be coprime to m = {m} (got {ell})")


def d_pi(ell: int, m: int, *, dps: int = 30) -> mpmath.mpf:
    """``d_PI(l, m)`` at ``mpmath`` working precision ``dps`` (normalised to 1 at ``Delta = 0``)."""
    _check(ell, m)
    with mpmath.workdps(dps):
        x = mpmath.pi / m
        return +(mpmath.sin(ell * x) ** 2 / mpmath.sin(x) ** 2
                 * (1 - m / (2 * mpmath.pi) * mpmath.sin(2 * x)))


def ratio_symbolic() -> sp.Expr:
    """``R(m) = d_PI / D_Z`` as a sympy expression in the symbol ``m``."""
    return (2 * (_M - 1) * (1 - _M / (2 * sp.pi) * sp.sin(2 * sp.pi / _M))
            / (_M * sp.sin(sp.pi / _M) ** 2))


def ratio(m: int, *, dps: int = 30) -> mpmath.mpf:
    """``R(m)`` at ``mpmath`` precision ``dps``."""
    m = require_int(m, "m", minimum=2)
    with mpmath.workdps(dps):
        x = mpmath.pi / m
        return +(2 * (m - 1) * (1 - m / (2 * mpmath.pi) * mpmath.sin(2 * x))
                 / (m * mpmath.sin(x) ** 2))
