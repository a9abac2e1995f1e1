"""Taylor coefficients of the exact steady state in lam, independent of the engine (Sec. III).

The steady state of ``L(lam) = L0 + lam L1 + lam^2 L2`` (16) is a rational function of
``lam`` (it solves a linear system with polynomial entries), regular at ``lam = 0`` with
``rho(0) = rho_0``, so ``rho(lam) = sum_m lam^m rho_m`` (21) inside the disc up to its
nearest pole ``R``.  Cauchy's formula on the circle ``|lam| = r < R`` with the trapezoidal
rule on ``K`` points ``lam_j = r exp(2 pi i (j + 1/2) / K)`` gives the central
finite-difference formula

    c_m = (1/K) sum_j rho(lam_j) lam_j^{-m} = rho_m + sum_{k >= 1} rho_{m+kK} r^{kK}

(the aliasing sum decays as ``(r / R)^K``).  The steady state at complex ``lam`` comes from
a sparse LU solve of ``L(lam)`` with one population row replaced by the trace.

Error model, per order ``m`` (max-norm of the matrix elements):

* rounding: each solve is backward stable, so ``||delta rho(lam_j)|| <= u kappa_1(A_j)
  ||rho(lam_j)||``, ``kappa_1`` estimated by ``scipy.sparse.linalg.onenormest``; the mean
  of the ``K`` terms carries at most the largest error, divided by ``r^m``;
* aliasing: estimated by the difference between the ``K`` and ``K/2`` rules (the ``K/2``
  aliasing error is the square root of the ``K`` one, so this over-estimates the latter).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla

from symness.perturbation.series import trace_vector
from symness.validation import require_int, require_real
from symness.weak_coupling.chain import UNIT_ROUNDOFF, WeakCouplingChain, pieces

__all__ = ["ContourCoefficients", "steady_state_complex", "contour_coefficients"]


@dataclass(frozen=True)
class ContourCoefficients:
    """``coefficients[m]`` (``vec`` of ``rho_m``), and per order the two error estimates."""

    coefficients: list[np.ndarray]
    rounding: list[float]
    aliasing: list[float]

    def tolerance(self, m: int) -> float:
        """``rounding + aliasing`` for order ``m`` (max-norm of the matrix elements)."""
        return self.rounding[m] + self.aliasing[m]


def steady_state_complex(gen) -> tuple[np.ndarray, float]:
    """``(vec rho, kappa_1)``: unit-trace kernel vector of a (complex) generator by sparse LU."""
    dim = gen.shape[0]
    system = sp.lil_matrix(gen, dtype=complex)
    system[0, :] = trace_vector(dim).reshape(1, -1)
    system = system.tocsc()
    lu = spla.splu(system)
    rhs = np.zeros(dim, dtype=complex)
    rhs[0] = 1.0
    inverse = spla.LinearOperator((dim, dim), matvec=lu.solve, dtype=complex,
                                  rmatvec=lambda v: lu.solve(v, trans="H"))
    kappa = float(spla.onenormest(system) * spla.onenormest(inverse))
    return lu.solve(rhs), kappa


def _trapezoid(values: np.ndarray, lams: np.ndarray, m: int) -> np.ndarray:
    return (values * lams[:, None] ** (-m)).mean(axis=0)


def contour_coefficients(chain: WeakCouplingChain, *, radius: float, points: int = 32,
                         max_order: int = 4) -> ContourCoefficients:
    """Taylor coefficients ``rho_0 .. rho_{max_order}`` of the exact steady state of (16).

    ``points`` must be even (the ``points/2`` rule gives the aliasing estimate).
    """
    radius = float(require_real(radius, "radius", minimum=0, open_minimum=True))
    points = require_int(points, "points", minimum=4)
    if points % 2:
        points += 1
    max_order = require_int(max_order, "max_order", minimum=0, maximum=points // 2 - 1)
    l0, l1, l2 = pieces(chain)
    lams = radius * np.exp(2j * np.pi * (np.arange(points) + 0.5) / points)
    values, worst = [], 0.0
    for lam in lams:
        vec, kappa = steady_state_complex(l0 + lam * l1 + lam**2 * l2)
        values.append(vec)
        worst = max(worst, UNIT_ROUNDOFF * kappa * float(np.abs(vec).max()))
    values = np.array(values)
    # the even-indexed points form a rotated K/2 grid: a K/2 rule at no extra solve
    half = lams[::2]
    coeffs, rounding, aliasing = [], [], []
    for m in range(max_order + 1):
        full = _trapezoid(values, lams, m)
        coarse = _trapezoid(values[::2], half, m)
        coeffs.append(full)
        rounding.append(worst / radius**m)
        aliasing.append(float(np.abs(full - coarse).max()))
    return ContourCoefficients(coefficients=coeffs, rounding=rounding, aliasing=aliasing)
