"""The N-spin temperature-gradient sum rule, Ishida & Sugita (2022), eqs. (149)-(152).

With the bath coupling of the same form as the spin-spin coupling (``alpha^z_1 =
-alpha_zz t_L``, ``alpha^z_N = -alpha_zz t_R``), the zeroth-order state obeys (150)::

    t_N - t_1 = (alpha_zz / alpha_+) { sum_{l=2}^{N-1} ( <sigma^z_{l-1} rho^A_{l,l+1}>
                 - <rho^A_{l-1,l} sigma^z_{l+1}> ) - t_L <rho^A_{1,2}> + t_R <rho^A_{N-1,N}> }

with ``alpha_+ = alpha_xx + alpha_yy``, ``rho^A_{l,m} = sigma^x_l sigma^x_m + sigma^y_l sigma^y_m``
(79) and ``t_l = -<sigma^z_l>``.  Paper sites are 1-based; the functions take a
``d x d`` density matrix of ``n`` spins (site 0 = paper site 1).
"""

from __future__ import annotations

import numpy as np

from symness.operators.sparse import site_operator
from symness.validation import ParameterError

__all__ = ["rho_a", "sum_rule_sides"]


def rho_a(left: int, right: int, n: int):
    """``rho^A_{l,m} = sigma^x_l sigma^x_m + sigma^y_l sigma^y_m`` (79), 0-based sites."""
    return (site_operator("X", left, n) @ site_operator("X", right, n)
            + site_operator("Y", left, n) @ site_operator("Y", right, n))


def _expect(op, rho) -> float:
    return float(np.real((op.multiply(rho.T)).sum()))


def sum_rule_sides(rho: np.ndarray, n: int, alpha: np.ndarray, t_left: float,
                   t_right: float) -> tuple[float, float]:
    """``(LHS, RHS)`` of eq. (150) evaluated on the state ``rho``.

    ``alpha`` is the 3x3 coupling tensor (rows x, y, z); requires ``alpha_+ != 0``.
    """
    alpha_plus = alpha[0, 0] + alpha[1, 1]
    if alpha_plus == 0:
        raise ParameterError("'alpha' must have alpha_+ = alpha_xx + alpha_yy != 0 "
                             "for eq. (150)")
    z = [site_operator("Z", j, n) for j in range(n)]
    lhs = -_expect(z[n - 1], rho) + _expect(z[0], rho)
    bulk = sum(_expect(z[j - 1] @ rho_a(j, j + 1, n), rho)
               - _expect(rho_a(j - 1, j, n) @ z[j + 1], rho) for j in range(1, n - 1))
    edges = -t_left * _expect(rho_a(0, 1, n), rho) + t_right * _expect(rho_a(n - 2, n - 1, n), rho)
    return lhs, float(alpha[2, 2] / alpha_plus * (bulk + edges))
