"""The functions a_n^v(lambda) and the string-string scattering kernels T_jk.

Normalisation (rapidities as in paper eq. (2), no rescaling):

    a_n^v(lambda) = (1/pi) v sin(n gamma) / (cosh(2 lambda) - v cos(n gamma))
                  = (1/pi) Im coth(lambda - i x/2),   x = n gamma + (1 - v) pi/2,

so that the 1-string has a_1 = (1/2pi) |dk/dlambda| for the magnon momentum k of eq. (2).
When sin(x) = 0 the function is set to zero (Takahashi 1999, Sec. 9.2: "a_j = 0 if n_j/p0
is an integer"); the would-be delta function only relabels quantum numbers.  Its
integral over the real line is int a_n^v = 1 - (x mod 2pi)/pi (zero when x = 0 mod pi).

The kernel between species j and k (Takahashi 1999, eq. (9.41)):

    T_jk = (1 - delta_{n_j n_k}) a_{|n_j - n_k|}^{v_j v_k} + 2 a_{|n_j - n_k| + 2}^{v_j v_k}
           + ... + 2 a_{n_j + n_k - 2}^{v_j v_k} + a_{n_j + n_k}^{v_j v_k}.

It is stored as a list of (coefficient, n, v) terms so that values, derivatives and
integrals use the same closed forms.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from symness.tba.strings import StringContent

__all__ = ["angle", "a_function", "a_derivative", "a_integral", "kernel_terms",
           "kernel_matrix_function", "kernel_integrals"]


def angle(n: int, parity: int, gamma: float) -> float:
    """Return the angle x = n gamma + (1 - v) pi/2, reduced to [0, 2 pi)."""
    return math.fmod(n * gamma + (0.0 if parity == 1 else math.pi), 2 * math.pi)


def _is_degenerate(x: float) -> bool:
    """Return True when sin(x) = 0 (x a multiple of pi, up to float rounding of rational gamma)."""
    return min(abs(x), abs(x - math.pi), abs(x - 2 * math.pi)) < 1e-12


@lru_cache(maxsize=64)
def _coth_derivative_polynomial(order: int) -> np.polynomial.Polynomial:
    """Polynomial P_m with d^m/dz^m coth(z) = P_m(coth z), from d coth/dz = 1 - coth^2."""
    poly = np.polynomial.Polynomial([0.0, 1.0])
    one_minus_sq = np.polynomial.Polynomial([1.0, 0.0, -1.0])
    for _ in range(order):
        poly = poly.deriv() * one_minus_sq
    return poly


def a_derivative(n: int, parity: int, gamma: float, lam: np.ndarray, order: int) -> np.ndarray:
    """Evaluate the ``order``-th derivative of a_n^v at real ``lam`` (order 0 is a_n^v itself).

    Uses a = (1/pi) Im coth(lambda - i x/2) and the exact polynomial form of the
    derivatives of coth, so every charge q_{n,j} is evaluated in closed form.
    """
    x = angle(n, parity, gamma)
    lam = np.asarray(lam, dtype=float)
    if _is_degenerate(x):
        return np.zeros_like(lam)
    if order == 0:  # sin x / (cosh 2l - cos x), written with e^{-2|l|} to avoid overflow
        e = np.exp(-2 * np.abs(lam))
        return 2 * np.sin(x) * e / (1 - 2 * np.cos(x) * e + e * e) / np.pi
    coth = 1.0 / np.tanh(lam - 0.5j * x)
    return _coth_derivative_polynomial(order)(coth).imag / np.pi


def a_function(n: int, parity: int, gamma: float, lam: np.ndarray) -> np.ndarray:
    """a_n^v(lambda) = (1/pi) v sin(n gamma)/(cosh 2 lambda - v cos(n gamma))."""
    return a_derivative(n, parity, gamma, lam, 0)


def a_integral(n: int, parity: int, gamma: float) -> float:
    """Integral of a_n^v over the real line: 1 - (x mod 2 pi)/pi, or 0 if sin x = 0."""
    x = angle(n, parity, gamma)
    return 0.0 if _is_degenerate(x) else 1.0 - x / math.pi


def kernel_terms(content: StringContent, j: int, k: int) -> list[tuple[int, int, int]]:
    """Terms (coefficient, n, v) of T_jk for 0-based species indices ``j``, ``k``."""
    nj, nk = content.lengths[j], content.lengths[k]
    v = content.parities[j] * content.parities[k]
    terms = []
    if nj != nk:
        terms.append((1, abs(nj - nk), v))
    terms += [(2, n, v) for n in range(abs(nj - nk) + 2, nj + nk, 2)]
    terms.append((1, nj + nk, v))
    return terms


def kernel_matrix_function(content: StringContent, lam: np.ndarray, order: int = 0) -> np.ndarray:
    """T_jk(lam) (or its ``order``-th derivative) for all species: shape (s, s, *lam.shape)."""
    s = content.species
    lam = np.asarray(lam, dtype=float)
    out = np.zeros((s, s) + lam.shape)
    for j in range(s):
        for k in range(j, s):
            val = sum(c * a_derivative(n, v, content.gamma, lam, order)
                      for c, n, v in kernel_terms(content, j, k))
            out[j, k] = out[k, j] = val
    return out


def kernel_integrals(content: StringContent) -> np.ndarray:
    """Matrix I_jk = integral of T_jk over the real line (closed form)."""
    s = content.species
    out = np.zeros((s, s))
    for j in range(s):
        for k in range(s):
            out[j, k] = sum(c * a_integral(n, v, content.gamma)
                            for c, n, v in kernel_terms(content, j, k))
    return out
