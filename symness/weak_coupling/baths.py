"""Local weak-coupling heat bath of Ishida & Sugita (2022), Appendix B.

Normalisation: Pauli matrices, hbar = 1, field frame ``H_e = h sigma^z`` on the edge spin.
The spin couples to the bath through ``X = sigma^{z'} = cos(theta) sigma^z - sin(theta)
sigma^x`` (B1).  Dropping the imaginary part of the bath response (text after (B8)),

    S = (1/2) { b sigma^z - a (sigma^x - i t sigma^y) }                     (B9)
    a = c sin(theta),  b = d cos(theta),  t = tanh(beta h)                (B10)-(B12)
    c = (Phi(2h) + Phi(-2h)) / 2,  d = Phi(0)                            (B32)-(B33)

and the bath superoperator is ``D rho = -([X, S rho] + h.c.)`` (B2), i.e.
``D rho = -(X S rho - S rho X + rho S^† X - X rho S^†)``.  ``c, d >= 0`` are free
spectral constants (the KMS condition (B8) fixes ``Phi(+-2h) = c (1 -+ t)``).
The first-order bath term is ``<X>_beta X = -cos(theta) t X`` (B19)-(B20).

The functions here work on numpy arrays and on sympy matrices alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
import sympy

from symness.operators.sparse import site_operator
from symness.validation import require_int, require_real

__all__ = ["BathConstants", "coupling_operator", "s_from_ab", "s_operator", "bath_map",
           "bath_superoperator", "mean_field_coefficient"]


@dataclass(frozen=True)
class BathConstants:
    """Spectral constants ``c = (Phi(2h) + Phi(-2h))/2 >= 0``, ``d = Phi(0) >= 0`` (B32)-(B33)."""

    c: float = 1.0
    d: float = 1.0

    def __post_init__(self) -> None:
        require_real(self.c, "c", minimum=0)
        require_real(self.d, "d", minimum=0)


def _trig(theta):
    if isinstance(theta, sympy.Basic):
        return sympy.cos(theta), sympy.sin(theta)
    theta = float(require_real(theta, "theta"))
    return np.cos(theta), np.sin(theta)


def _pauli(exact: bool):
    if exact:
        return (sympy.Matrix([[0, 1], [1, 0]]), sympy.Matrix([[0, -sympy.I], [sympy.I, 0]]),
                sympy.Matrix([[1, 0], [0, -1]]))
    return (np.array([[0, 1], [1, 0]], dtype=complex), np.array([[0, -1j], [1j, 0]]),
            np.array([[1, 0], [0, -1]], dtype=complex))


def coupling_operator(theta, *, exact: bool = False):
    """``sigma^{z'} = cos(theta) sigma^z - sin(theta) sigma^x`` (B1), a 2x2 matrix."""
    cos, sin = _trig(theta)
    sx, _, sz = _pauli(exact)
    return cos * sz - sin * sx


def s_from_ab(a, b, t, *, exact: bool = False):
    """``S = (b sigma^z - a (sigma^x - i t sigma^y)) / 2`` of (B9), a 2x2 matrix."""
    sx, sy, sz = _pauli(exact)
    i = sympy.I if exact else 1j
    return (b * sz - a * (sx - i * t * sy)) / 2


def s_operator(theta, t, c, d, *, exact: bool = False):
    """``S`` of (B9) with ``a = c sin(theta)``, ``b = d cos(theta)`` (B10)-(B11), (B32)-(B33)."""
    cos, sin = _trig(theta)
    return s_from_ab(c * sin, d * cos, t, exact=exact)


def _adjoint(m):
    return m.H if isinstance(m, sympy.MatrixBase) else m.conj().T


def bath_map(rho, x, s):
    """``D rho = -(X S rho - S rho X + rho S^† X - X rho S^†)`` (B2) for matrices ``x, s, rho``."""
    sd = _adjoint(s)
    return -(x @ s @ rho - s @ rho @ x + rho @ sd @ x - x @ rho @ sd)


def bath_superoperator(theta: float, t: float, constants: BathConstants, site: int,
                       n: int) -> sp.csr_matrix:
    """Sparse ``D`` of (B2) acting on ``vec(rho)`` (row-major) of ``n`` spins, bath at ``site``.

    ``vec(A rho B) = (A ⊗ B^T) vec(rho)`` as in :mod:`symness.lindblad.liouvillian`.
    """
    n = require_int(n, "n", minimum=1)
    site = require_int(site, "site", minimum=0, maximum=n - 1)
    t = float(require_real(t, "t", minimum=-1, maximum=1))
    x = site_operator(coupling_operator(theta), site, n)
    s = site_operator(s_operator(theta, t, float(constants.c), float(constants.d)), site, n)
    sd = s.conj().T.tocsr()
    eye = sp.identity(2**n, dtype=complex, format="csr")
    out = (sp.kron(x @ s, eye) - sp.kron(s, x.T) + sp.kron(eye, (sd @ x).T)
           - sp.kron(x, sd.T))
    return (-out).tocsr()


def mean_field_coefficient(theta, t):
    """``<sigma^{z'}>_beta = -cos(theta) t`` for the bath spin in equilibrium (B19)-(B20)."""
    cos, _ = _trig(theta)
    return -cos * t
