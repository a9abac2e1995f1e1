"""The Mazur bound of the quasi-local charges, optimised over the family ``Zt(phi)``.

The normalised bound of a finite set of charges ``{Zt(phi_i), Zt(phi_i)^†}``
(:mod:`.kernel`: ``j = i c / 4``, ``K = conj(c) c' G / 4``, ``(J, J)/n = 1/2``) is

    d_N = 2 j^† K^-1 j / ((J, J)/n) = sum_ij (G^-1)_ij,

normalised like paper 000's ``D_Z`` (1 at ``Delta = 0``).  Two evaluations of its
supremum over the strip ``S = {|Re phi - pi/2| < pi/(2m)}``:

* :func:`grid_bound`: ``phi_i`` on a grid of ``S`` (Chebyshev nodes in ``Re phi``,
  ``asinh``-uniform nodes in ``Im phi``), the Gram system solved in ball arithmetic
  (python-flint ``acb_mat``, rigorous radius): a lower bound that grows with the grid.
* :func:`weight_bound` (float64 Gauss rule; :func:`weight_bound_mp` the same at
  ``mpmath`` precision, the independent check): the weight ``w(phi) = |sin phi|^-4``
  (Prosen & Ilievski's optimal density, in our normalisation) solves
  ``int_S G(phi, phi') w(phi') dA' = g`` with ``g`` independent of ``phi``; by
  Cauchy-Schwarz in the ``G`` inner product no combination of family members beats
  ``int_S w dA / g``, and ``w`` attains it.

The kernel is the closed form of :mod:`.kernel`; ``l`` enters only through
``1/sin^2(eta)``, so every bound here is ``sin^2(pi l/m)`` times a function of ``m``.
"""

from __future__ import annotations

import math
from functools import lru_cache

import mpmath
import numpy as np

from symness.quasilocal.kernel import chebyshev_ratio
from symness.quasilocal.lax import anisotropy_angle
from symness.validation import ParameterError, require_int

__all__ = ["grid_points", "grid_bound", "reduced_grid_bound", "observed_exponent_ratio",
           "predicted_gap", "spacing_exponent_ratio", "strip_rule",
           "weight_response", "weight_bound", "weight_bound_mp"]


def grid_points(m: int, level: int) -> list:
    """``(2k+1) x (4k+1)`` points of the strip for ``level = k``, as flint ``acb`` balls.

    ``Re phi - pi/2 = a cos(pi (2i+1) / (2 nx))`` (Chebyshev, dense at the edges
    ``+-a``, ``a = pi/(2m)``); ``Im phi = sinh(T (2j/(ny-1) - 1))``, ``T = asinh(2k)``.
    """
    from flint import acb, arb

    level = require_int(level, "level", minimum=1, maximum=8)
    nx, ny = 2 * level + 1, 4 * level + 1
    half = arb.pi() / (2 * m)
    span = arb(2 * level).asinh()
    xs = [half * (arb.pi() * (2 * i + 1) / (2 * nx)).cos() for i in range(nx)]
    ys = [(span * (arb(2 * j) / (ny - 1) - 1)).sinh() for j in range(ny)]
    return [acb(arb.pi() / 2 + x, y) for x in xs for y in ys]


def _reduced_gram(points: list, m: int):
    """``sin^2(eta) G(phi_i, phi_j) / 2`` (independent of ``l``) as an ``acb_mat``."""
    from flint import acb_mat

    sines = [p.sin() for p in points]
    cosines = [p.cos() for p in points]
    rows = []
    for si, ci in zip(sines, cosines):
        si, ci = si.conjugate(), ci.conjugate()
        for sj, cj in zip(sines, cosines):
            rows.append(si * sj * chebyshev_ratio(si * sj - ci * cj, m))  # -cos(conj+phi')
    return acb_mat(len(points), len(points), rows)


@lru_cache(maxsize=None)
def reduced_grid_bound(m: int, level: int, prec: int = 256):
    """``2 d_N / sin^2(eta)`` on :func:`grid_points` ``(m, level)``, an ``arb`` ball.

    Raises
    ------
    ParameterError
        The ball is wider than ``1e-20`` (raise ``prec``).
    """
    from flint import acb_mat, ctx

    m = require_int(m, "m", minimum=2)
    saved = ctx.prec
    ctx.prec = int(prec)
    try:
        points = grid_points(m, level)
        solution = _reduced_gram(points, m).solve(acb_mat(len(points), 1, [1] * len(points)))
        total = sum((solution[i, 0] for i in range(len(points))), 0 * solution[0, 0]).real
    finally:
        ctx.prec = saved
    if total.rad() > 1e-20:
        raise ParameterError(f"'prec' = {prec} bits too low for level {level} (radius "
                             f"{float(total.rad()):.1e})")
    return total


def grid_bound(ell: int, m: int, level: int) -> float:
    """Optimised bound ``d_N`` on the grid of ``level`` (float of the ball's midpoint)."""
    eta = anisotropy_angle(ell, m)
    return math.sin(eta) ** 2 / 2 * float(reduced_grid_bound(m, level).mid())


def observed_exponent_ratio(gaps: list[float]) -> float:
    """``ln(d_2/d_3) / ln(d_1/d_2)`` of three gaps ``d_1 > d_2 > d_3 > 0`` (coarse to fine).

    On the grids of levels ``k, 2k, 4k`` (``nx - 1 = 2k``: node spacing ``M/4, M/2, M``)
    geometric convergence in the number of nodes gives 2 (see :func:`predicted_gap`),
    algebraic convergence ``d ~ M^-p`` gives 1.
    """
    d1, d2, d3 = (float(g) for g in gaps)
    if not d1 > d2 > d3 > 0:
        raise ParameterError(f"'gaps' must decrease and stay positive (got {gaps})")
    return math.log(d2 / d3) / math.log(d1 / d2)


def predicted_gap(coarse: float, middle: float, exponent_ratio: float) -> float:
    """Gap on the finest of three grids predicted from the two coarser ones.

    Error model of the grid bound (written before the levels 1, 2, 4 were run): the
    relative gap ``d = (d_PI - b)/d_PI`` is the squared residual of approximating the
    optimal combination ``int_S w Z dA`` by charges at the grid points, bounded by the
    squared error of the grid's own product rule.  Both rules converge geometrically
    with constants independent of the node number: Chebyshev nodes in ``Re phi``
    (``nx = 2k+1``; error ``~ rho^-2 nx`` for an integrand analytic in a Bernstein
    ellipse), and in ``t = asinh(Im phi)`` the trapezoid-like uniform nodes
    (spacing ``h = 2 asinh(2k)/(4k)``, error ``~ exp(-2 pi d / h)``) with the cut
    ``|Im phi| <= 2k`` (weight ``~ exp(-4 |Im phi|)``, error ``~ exp(-8k)``).  So
    ``ln d = A - B g(k)`` with ``g`` linear in ``k`` (Chebyshev, cut) or ``g = 1/h``
    (spacing); on levels ``1, 2, 4`` the increments of ``g`` have the ratio
    ``[g(4) - g(2)] / [g(2) - g(1)]`` = 2 (linear) or 1.85 (``1/h``,
    :func:`spacing_exponent_ratio`).  The prediction uses ``exponent_ratio`` (the
    slower, 1.85, for an upper estimate): ``d_3 = d_2 (d_2/d_1)^exponent_ratio``.
    """
    if not coarse > middle > 0:
        raise ParameterError(f"'coarse' > 'middle' > 0 required (got {coarse}, {middle})")
    return middle * (middle / coarse) ** exponent_ratio


def spacing_exponent_ratio(levels: tuple[int, int, int] = (1, 2, 4)) -> float:
    """``[g(k3) - g(k2)] / [g(k2) - g(k1)]`` for ``g = 1/h``, ``h = 2 asinh(2k)/(4k)``."""
    g = [2 * k / math.asinh(2 * k) for k in levels]
    return (g[2] - g[1]) / (g[1] - g[0])


def strip_rule(m: int, nx: int = 40, ny: int = 160, y_max: float = 10.0):
    """Gauss-Legendre product rule on the strip: points ``phi`` and weights (numpy).

    ``Re phi``: ``nx`` nodes on ``(-a, a)``; ``Im phi = sinh(t)``, ``ny`` nodes in
    ``t`` on ``(-asinh(y_max), asinh(y_max))`` (the integrands decay like
    ``exp(-4 |Im phi|)``, ``e^-40`` at the default cut).
    """
    half = math.pi / (2 * m)
    gx, wx = np.polynomial.legendre.leggauss(nx)
    gt, wt = np.polynomial.legendre.leggauss(ny)
    span = math.asinh(y_max)
    y, wy = np.sinh(span * gt), wt * span * np.cosh(span * gt)
    points = np.pi / 2 + half * gx[:, None] + 1j * y[None, :]
    return points.ravel(), (half * wx[:, None] * wy[None, :]).ravel()


def weight_response(phi, m: int, **rule) -> np.ndarray:
    """``sin^2(eta)/2 int_S G(phi, phi') w(phi') dA'`` at each ``phi`` (float64 rule)."""
    points, weights = strip_rule(m, **rule)
    sines = np.sin(points)
    s1 = np.conj(np.sin(np.asarray(phi, dtype=complex)))[..., None]
    c1 = np.conj(np.cos(np.asarray(phi, dtype=complex)))[..., None]
    ratio = chebyshev_ratio(s1 * sines - c1 * np.cos(points), m)
    return (s1 * sines * ratio * weights / np.abs(sines) ** 4).sum(axis=-1)


def weight_bound(ell: int, m: int, **rule) -> float:
    """``int_S w / (G w)(pi/2)``, float64 Gauss rule :func:`strip_rule`."""
    eta = anisotropy_angle(ell, m)
    points, weights = strip_rule(m, **rule)
    integral = float(weights @ np.abs(np.sin(points)) ** -4)
    return integral * math.sin(eta) ** 2 / (2 * float(weight_response(np.pi / 2, m, **rule).real))


def _strip_integral(function, m: int):
    """``int_S f dA`` over the strip (``mpmath.quad``, tanh-sinh, split at ``Im phi = 0``)."""
    half = mpmath.pi / (2 * m)
    return mpmath.quad(lambda x, y: function(mpmath.pi / 2 + x + 1j * y),
                       [-half, half], [-mpmath.inf, 0, mpmath.inf])


def weight_bound_mp(ell: int, m: int, *, dps: int = 20):
    """:func:`weight_bound` by ``mpmath.quad`` (tanh-sinh) at precision ``dps``.

    ``dps = 20``: four digits beyond float64, so the result is a reference for the float64
    Gauss rule (agreement to 1e-13 at ``ell, m = 1, 3``, a slow test); pass more for more.
    """
    eta = anisotropy_angle(ell, m)
    with mpmath.workdps(dps):
        def response(p):
            s2 = mpmath.sin(p)  # phi = pi/2: conj(sin phi) = 1, conj(cos phi) = 0
            return s2 * chebyshev_ratio(s2, m) / abs(s2) ** 4
        integral = _strip_integral(lambda p: abs(mpmath.sin(p)) ** -4, m).real
        return +(integral * mpmath.sin(eta) ** 2 / (2 * _strip_integral(response, m).real))
