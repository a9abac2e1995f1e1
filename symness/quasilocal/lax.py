"""Lax operator of the XXZ chain with a complex-spin auxiliary space (Prosen & Ilievski 2013).

Prosen & Ilievski, PRL 111, 057203 (2013) (no seed text; conventions re-derived and
checked in :mod:`symness.quasilocal.charges` against the Hamiltonian).  Paper 000's
chain ``H = sum 2 sigma^+ sigma^- + 2 sigma^- sigma^+ + Delta sigma^z sigma^z`` at
``Delta = cos(eta)``, ``eta = pi l/m``, has the Lax operator

    L(phi, s) = [[sin(phi + eta S^z), sin(eta) S^-], [sin(eta) S^+, sin(phi - eta S^z)]],

the ``2 x 2`` matrix in the physical spin (``|up>``, ``|down>``; the ``(0, 1)`` entry
multiplies ``sigma^+ = |up><down|``) of operators on the auxiliary highest-weight
module of ``U_q(sl2)`` with complex spin ``s``:

    S^z |k> = (s - k) |k>,  S^+ |k+1> = [k+1]_q |k>,  S^- |k> = [2s - k]_q |k+1>,

``[x]_q = sin(x eta) / sin(eta)``.  At ``eta = pi l/m``, ``[m]_q = 0``, so the levels
``k >= m`` span a submodule and the quotient on ``k = 0 .. m-1`` is an ``m``-dimensional
representation for every complex ``s``: that is the auxiliary space used here.
"""

from __future__ import annotations

import math

import numpy as np

from symness.validation import ParameterError, require_int

__all__ = ["anisotropy_angle", "lax", "lax_s_derivative"]


def anisotropy_angle(ell: int, m: int) -> float:
    """``eta = pi l/m`` for coprime ``1 <= l < m`` (``Delta = cos eta``), validated."""
    m = require_int(m, "m", minimum=2)
    ell = require_int(ell, "ell", minimum=1, maximum=m - 1)
    if math.gcd(ell, m) != 1:
        raise ParameterError(f"'ell' must be coprime to m = {m} (got {ell})")
    return math.pi * ell / m


def _entries(phi: complex, s: complex, eta: float, m: int, derivative: bool) -> np.ndarray:
    k = np.arange(m)
    out = np.zeros((2, 2, m, m), dtype=complex)
    if derivative:  # d/ds of each entry
        out[0, 0][k, k] = eta * np.cos(phi + eta * (s - k))
        out[1, 1][k, k] = -eta * np.cos(phi - eta * (s - k))
        out[0, 1][k[1:], k[:-1]] = 2 * eta * np.cos((2 * s - k[:-1]) * eta)
    else:
        out[0, 0][k, k] = np.sin(phi + eta * (s - k))
        out[1, 1][k, k] = np.sin(phi - eta * (s - k))
        out[0, 1][k[1:], k[:-1]] = np.sin((2 * s - k[:-1]) * eta)  # sin(eta) S^-
        out[1, 0][k[:-1], k[1:]] = np.sin((k[:-1] + 1) * eta)  # sin(eta) S^+
    return out


def lax(phi: complex, s: complex, ell: int, m: int) -> np.ndarray:
    """``L(phi, s)`` as an array ``[a, b, k, k']``: physical ``|a><b|``, auxiliary ``<k|.|k'>``.

    Parameters
    ----------
    phi : complex
        Spectral parameter.
    s : complex
        Complex auxiliary spin.
    ell, m : int
        ``Delta = cos(pi l/m)``, ``2 <= m``, ``1 <= l < m`` coprime; auxiliary dimension ``m``.
    """
    return _entries(complex(phi), complex(s), anisotropy_angle(ell, m), m, derivative=False)


def lax_s_derivative(phi: complex, s: complex, ell: int, m: int) -> np.ndarray:
    """``d L(phi, s) / ds`` in the layout of :func:`lax` (exact derivative of each entry)."""
    return _entries(complex(phi), complex(s), anisotropy_angle(ell, m), m, derivative=True)
