"""Overlaps and Gram kernel of the quasi-local charges, at finite ``n`` and ``n -> oo``.

Prosen & Ilievski, PRL 111, 057203 (2013), in our own derivation (checked against
dense charges in the tests).  The normalised charge

    Zt(phi) = (Z(phi) - eta cos(phi) sin(phi)^(n-1) S^z) / sin(phi)^n
            = c(phi) sum_{x<y} sigma^-_x <1| Mt_{x+1} .. Mt_{y-1} |1> sigma^+_y,
    c(phi) = 2 eta sin(eta) / sin(phi)^2,

(``Z`` of :mod:`.charges`; ``S^z = sum sigma^z_x`` is conserved and orthogonal to the
current, so dropping it changes no bound) is a string whose middle ``Mt = L(phi, 0) /
sin(phi)`` acts on the auxiliary levels ``k = 1 .. m-1``.  With the Hilbert-Schmidt
product ``(A, B) = 2^-n tr A^† B``, strings of different ends are orthogonal and

    (Zt(phi), Zt(phi')) = conj(c) c' / 4  sum_{r=0}^{n-2} (n-1-r) <1|E^r|1>,
    E_{k k'} = sum_ab conj(Mt^{ab}_{kk'}(phi)) Mt^{ab}_{kk'}(phi') / 2,

``E`` tridiagonal on ``k = 1 .. m-1`` (the difference ``k - k'`` of the two copies is
conserved, and both start at 1).  Hence, per site as ``n -> oo``,

    K(phi, phi') = conj(c) c' G(phi, phi') / 4,   G = <1|(1 - E)^-1|1>,
    j(phi) = (J, Zt(phi)) / n -> i c(phi) / 4,   (J, J) / n -> 1/2,

(``J = sum_x J_x``, ``J_x = i (sigma^+_x sigma^-_{x+1} - h.c.)`` of
:func:`symness.models.xxz_boundary_driven.current_operators`)

when the spectral radius of ``E(phi, phi)`` is below 1: the strip
``|Re phi - pi/2| < pi/(2m)`` (quasi-locality).  ``Zt(phi)^†`` carries the opposite
strings, is orthogonal to every ``Zt``, and has the conjugate overlap, so the family
``{Zt, Zt^†}`` bounds the Drude weight by twice the bound of ``{Zt}``.

Closed form (found numerically, checked against the continued fraction in claim
``prosen_ilievski2013.kernel_closed_form``): with ``u = conj(phi) + phi' - pi``,

    G(phi, phi') = 2 conj(sin phi) sin phi' U_{m-2}(cos u) / (sin^2(eta) U_{m-1}(cos u)),

``U_k`` the Chebyshev polynomials of the second kind (``U_{m-2}/U_{m-1} =
sin((m-1)u)/sin(mu)``): ``l`` enters only through ``1/sin^2(eta)``.  At ``phi = phi' =
pi/2``, ``1/G = m sin^2(eta) / (2 (m - 1))``, paper 000's ``D_Z`` (20).
"""

from __future__ import annotations

import math

import numpy as np

from symness.quasilocal.lax import anisotropy_angle, lax

__all__ = ["string_transfer", "string_kernel", "corner_resolvent", "prefactor", "gram_finite",
           "strip_half_width", "closed_form_kernel", "chebyshev_ratio"]


def strip_half_width(m: int) -> float:
    """``pi / (2m)``: ``Zt(phi)`` is quasi-local for ``|Re phi - pi/2| <`` this."""
    return math.pi / (2 * m)


def prefactor(phi, ell: int, m: int):
    """``c(phi) = 2 eta sin(eta) / sin(phi)^2`` (numpy arrays or scalars)."""
    eta = anisotropy_angle(ell, m)
    return 2 * eta * math.sin(eta) / np.sin(phi) ** 2


def string_transfer(phi1: complex, phi2: complex, ell: int, m: int) -> np.ndarray:
    """``E(phi1, phi2)`` on levels ``1 .. m-1``, from the Lax operator (dense, generic)."""
    a = lax(phi1, 0, ell, m)[:, :, 1:, 1:] / np.sin(phi1)
    b = lax(phi2, 0, ell, m)[:, :, 1:, 1:] / np.sin(phi2)
    return 0.5 * np.einsum("abkl,abkl->kl", a.conj(), b)


def corner_resolvent(diagonal, hops, one):
    """``<1|(1 - E)^-1|1>``, tridiagonal ``E``: ``diagonal``, ``hops[k] = E_{k,k+1} E_{k+1,k}``.

    A continued fraction; works for numpy arrays (elementwise) and exact field elements.
    """
    tail = one - diagonal[-1]
    for d, h in zip(diagonal[-2::-1], hops[::-1]):
        tail = one - d - h / tail
    return one / tail


def string_kernel(phi1, phi2, ell: int, m: int):
    """``G(phi1, phi2) = <1|(1 - E)^-1|1>`` elementwise on numpy arrays (float64).

    ``E_kk = [conj(sin(phi1 - eta k)) sin(phi2 - eta k) + conj(sin(phi1 + eta k))
    sin(phi2 + eta k)] / (2 conj(sin phi1) sin phi2)`` and ``E_{k,k+1} E_{k+1,k} =
    sin^2(k eta) sin^2((k+1) eta) / (4 |..|^2)``, a continued fraction in ``k``.
    """
    eta = anisotropy_angle(ell, m)
    phi1, phi2 = np.asarray(phi1, dtype=complex), np.asarray(phi2, dtype=complex)
    norm = np.conj(np.sin(phi1)) * np.sin(phi2)
    ks = range(1, m)
    diagonal = [0.5 * (np.conj(np.sin(phi1 - eta * k)) * np.sin(phi2 - eta * k)
                       + np.conj(np.sin(phi1 + eta * k)) * np.sin(phi2 + eta * k)) / norm
                for k in ks]
    hops = [0.25 * (math.sin(k * eta) * math.sin((k + 1) * eta)) ** 2 / norm**2
            for k in range(1, m - 1)]
    return corner_resolvent(diagonal, hops, 1.0)


def gram_finite(phi1: complex, phi2: complex, ell: int, m: int, n: int) -> complex:
    """``(Zt(phi1), Zt(phi2))`` on ``n`` open sites, exactly summed over string lengths."""
    e = string_transfer(phi1, phi2, ell, m)
    vec = np.zeros(m - 1, dtype=complex)
    vec[0] = 1.0
    total = 0j
    for r in range(n - 1):
        total += (n - 1 - r) * vec[0]
        vec = vec @ e
    return complex(np.conj(prefactor(phi1, ell, m)) * prefactor(phi2, ell, m) * total / 4)


def chebyshev_ratio(c, m: int):
    """``U_{m-2}(c) / U_{m-1}(c)`` by the three-term recurrence (works for numpy, flint, mpmath)."""
    previous, current = 1 + 0 * c, 2 * c  # U_0, U_1
    for _ in range(m - 2):
        previous, current = current, 2 * c * current - previous
    return previous / current


def closed_form_kernel(phi1, phi2, ell: int, m: int):
    """The closed form of ``G(phi1, phi2)`` (module docstring), elementwise on numpy arrays."""
    eta = anisotropy_angle(ell, m)
    phi1, phi2 = np.asarray(phi1, dtype=complex), np.asarray(phi2, dtype=complex)
    ratio = chebyshev_ratio(-np.cos(np.conj(phi1) + phi2), m)
    return 2 * np.conj(np.sin(phi1)) * np.sin(phi2) * ratio / math.sin(eta) ** 2
