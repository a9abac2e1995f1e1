"""Cross-check of (17) against the exact Lindblad steady state of (1)-(3).

Order in eps: with ``rho = sum_p (i eps)^p rho(p)`` (6), ``rho(1)`` has no
``sz`` component (Z contains no ``sz_j``), so ``<sz_j> = -eps^2 tr(sz_j
rho(2)) + O(eps^4)`` and ``M_j = lim <sz_j>/eps^2`` (likewise ``C_{j,k}``).
The remainder is measured to be O(eps^2) relative, so two solves at ``eps``
and ``eps/2`` are combined by Richardson extrapolation
``(4 f(eps/2) - f(eps)) / 3``.  ``eps`` is scaled down by ``sqrt(max |M_j|)``
because the perturbative radius shrinks as ``|M_j|`` grows (``|Delta| > 1``).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from symness.lindblad.steady_state import steady_state
from symness.models.xxz_boundary_driven import (
    XXZDrive,
    hamiltonian,
    jump_operators,
    magnetization_operators,
)
from symness.mpa.profiles import ProfileParams, correlation_matrix, magnetization_profile

__all__ = ["CrossCheck", "cross_check"]


@dataclass(frozen=True)
class CrossCheck:
    """Extrapolated Lindblad values against (17).

    ``error_m``/``error_c`` are max absolute errors divided by ``max_j |M_j|``
    and ``max_{j<k} |C_{j,k}|`` (relative to the profile's scale); ``raw_error_m``
    is the same for the unextrapolated value at ``eps/2``.
    """

    n: int
    delta: Fraction
    mu: Fraction
    eps: float
    error_m: float
    error_c: float
    raw_error_m: float
    scale: float


def _scaled(n, delta, mu, eps):
    p = XXZDrive(n, delta, mu, eps)
    ss = steady_state(hamiltonian(n, delta), jump_operators(p), dissipator="prosen")
    sz = magnetization_operators(n)
    m = np.array([ss.expect(o) for o in sz]) / eps**2
    c = np.full((n, n), np.nan)
    for j in range(n):
        for k in range(j + 1, n):
            c[j, k] = c[k, j] = ss.expect(sz[j] @ sz[k]) / eps**2
    return m, c


def cross_check(n: int, delta, mu, *, eps0: float = 0.02) -> CrossCheck:
    """Compare M_j, C_{j,k} of (17) with Richardson-extrapolated ``<sz>/eps^2`` of the NESS."""
    params = ProfileParams(n, delta, mu)
    m_tm = np.array([float(x) for x in magnetization_profile(params)])
    c_tm = correlation_matrix(params)
    scale = max(1.0, float(np.max(np.abs(m_tm))))
    eps = eps0 / np.sqrt(scale)
    m1, c1 = _scaled(n, delta, mu, eps)
    m2, c2 = _scaled(n, delta, mu, eps / 2)
    m_ex, c_ex = (4 * m2 - m1) / 3, (4 * c2 - c1) / 3
    off = ~np.eye(n, dtype=bool)
    m_scale, c_scale = float(np.max(np.abs(m_tm))), float(np.max(np.abs(c_tm[off])))
    return CrossCheck(n=n, delta=Fraction(delta), mu=Fraction(mu), eps=float(eps),
                      error_m=float(np.max(np.abs(m_ex - m_tm))) / m_scale,
                      error_c=float(np.max(np.abs(c_ex[off] - c_tm[off]))) / c_scale,
                      raw_error_m=float(np.max(np.abs(m2 - m_tm))) / m_scale, scale=scale)
