"""Open point (i) of Prosen (2011) at p = 2: the commutant part of rho(2) is unique.

(7) fixes ``rho(2)`` only up to ``sum_k alpha_k Q_k`` with ``[H, Q_k] = 0``.
The paper states (checked there for n <= 6) that a unique set ``alpha_k``
makes ``D rho~(2)`` lie in ``Im ad_H``, i.e. ``<Q_j, D(rho(2) + sum_k alpha_k
Q_k)> = 0`` for all j has a unique solution.  The identity is excluded on both
sides (``tr D x = 0`` makes its row vanish, and ``tr rho(2) = 0`` is the
normalisation), so uniqueness is: ``G = P D`` restricted to the traceless
commutant ``K_0`` is nonsingular.  :func:`symness.mpa.exact_ness.eps_expansion.commutant_map`
builds G per charge block in an orthonormal basis of ``K_0`` (the degenerate
eigenspaces of H), and its singular values are reported.

Given uniqueness, the solution must be (9): the traceless part of
``mu^2 W^2/2 - mu [Z, Z^dag]/2`` (``W = Z - Z^dag``) is compared with the
``rho(2)`` that :func:`~symness.mpa.exact_ness.eps_expansion.second_order` obtains from H
and D alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from symness.mpa.exact_ness.eps_expansion import second_order
from symness.mpa.open_points.point_ii import z_dense

__all__ = ["UniquenessResult", "uniqueness_test"]


@dataclass(frozen=True)
class UniquenessResult:
    """``sigma_min/sigma_max`` of G, ``dim K_0``, and ``||rho(2) - (9)|| / ||(9)||``."""

    n: int
    delta: float
    mu: float
    singular_ratio: float
    commutant_dimension: int
    deviation_from_eq9: float
    min_gap: float
    max_spread: float


def uniqueness_test(n: int, delta: float, mu: float = 1.0) -> UniquenessResult:
    """Singular values of G and the comparison of the unique rho(2) with (9) (``|delta| <= 1``)."""
    res = second_order(n, delta, mu)
    z = z_dense(n, delta)
    w = z - z.T
    eq9 = mu**2 / 2 * (w @ w) - mu / 2 * (z @ z.T - z.T @ z)
    eq9 -= np.trace(eq9) / 2**n * np.eye(2**n)
    return UniquenessResult(n=n, delta=float(delta), mu=float(mu),
                            singular_ratio=float(res.singular_ratio),
                            commutant_dimension=res.commutant_dimension,
                            deviation_from_eq9=float(np.linalg.norm(res.rho2 - eq9)
                                                     / np.linalg.norm(eq9)),
                            min_gap=res.basis.min_gap, max_spread=res.basis.max_spread)
