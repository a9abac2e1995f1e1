"""Golden-rule transition rates of eqs. (20)-(21) and the generalised forces (10).

For a GGE diagonal in the common eigenbasis ``|m>`` of ``H0`` and the charges,
eq. (10) needs only the rate matrix ``W[k, m]`` (transition ``m -> k``):

* drive (20): ``2 pi eps_d^2 (|<k|H+|m>|^2 L(E_k - E_m - w) + |<k|H-|m>|^2 L(E_k - E_m + w))``
  with the Lorentzian ``L(x) = (1/pi) eta_d / (x^2 + eta_d^2)``;
* phonons (21): ``2 pi eps_ph^2 sum_j |<k|A_j|m>|^2 [(n_B(E_m - E_k) + 1) A(E_m - E_k)
  + n_B(E_k - E_m) A(E_k - E_m)]``.

Both are written here as total rates (sum over sites); the paper's (20) and
(21) are per site (divided by ``n``), which does not change any ratio.
This is an independent implementation (textbook golden rule from the paper's
formulas) of the population block of ``L^Q`` built in
:mod:`symness.pump.exact_steady_state`; the tests compare the two.

The forces: ``g_i = Tr(C_i L rho0) = sum_{m,k} rho_m W_km (C_{i,k} - C_{i,m})``,
``chi_ii' = <C_i C_i'> - <C_i><C_i'>`` (``= -Tr(C_i d rho0/d lambda_i')``) and
``F = -chi^-1 g`` so that ``d lambda / dt = F`` (the sign makes ``F`` point to
the stable fixed point, as in Fig. 2).
"""

from __future__ import annotations

import math

import numpy as np

from symness.pump.model import PumpParams, phonon_spectrum

__all__ = ["drive_rates", "phonon_rates", "rate_matrix", "force_terms", "forces"]


def _lorentzian(x: np.ndarray, eta: float) -> np.ndarray:
    return eta / math.pi / (x**2 + eta**2)


def _phonon_bracket(nu: np.ndarray, p: PumpParams) -> np.ndarray:
    """``(n_B(nu) + 1) A(nu) + n_B(-nu) A(-nu)`` of eq. (21), ``nu = E_m - E_k``.

    At ``nu = 0`` the limit ``T_ph A'(0+)`` is used (both terms are 0 * inf there).
    """
    t, w0, eta = float(p.t_ph), float(p.omega_ph), float(p.eta_ph)
    safe = np.where(nu == 0, 1.0, nu)
    n_b = 1.0 / np.expm1(safe / t)
    n_b_neg = 1.0 / np.expm1(-safe / t)
    value = (n_b + 1) * phonon_spectrum(safe, w0, eta) + n_b_neg * phonon_spectrum(-safe, w0, eta)
    limit = t * math.exp(-(w0**2) / eta**2) / (w0 * eta * math.sqrt(math.pi))
    return np.where(nu == 0, limit, value)


def phonon_rates(p: PumpParams, energy: np.ndarray, a0: np.ndarray) -> np.ndarray:
    """Eq. (21) total rates ``W[k, m]`` from ``a0 = <k|A_0|m>`` (translation: ``x n``)."""
    nu = energy[None, :] - energy[:, None]  # E_m - E_k
    return (2 * math.pi * float(p.eps_ph) ** 2 * p.n * np.abs(a0) ** 2
            * _phonon_bracket(nu, p))


def drive_rates(p: PumpParams, energy: np.ndarray, x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """Eq. (20) rates ``W[k, m]`` from the eigenbasis matrices of ``X1, X2`` (no ``eps_d``)."""
    h_plus = (x2 + 1j * x1) / 2
    h_minus = (x2 - 1j * x1) / 2
    de = energy[:, None] - energy[None, :]  # E_k - E_m
    eta, w = float(p.eta_d), float(p.omega)
    return 2 * math.pi * float(p.eps_d) ** 2 * (
        np.abs(h_plus) ** 2 * _lorentzian(de - w, eta)
        + np.abs(h_minus) ** 2 * _lorentzian(de + w, eta))


def rate_matrix(p: PumpParams, energy: np.ndarray, a0: np.ndarray, x1: np.ndarray,
                x2: np.ndarray) -> np.ndarray:
    """Total ``W[k, m]`` (drive + phonons), diagonal set to zero."""
    w = phonon_rates(p, energy, a0)
    if float(p.eps_d) != 0:
        w = w + drive_rates(p, energy, x1, x2)
    np.fill_diagonal(w, 0.0)
    return w


def force_terms(lam: np.ndarray, charges: np.ndarray, w: np.ndarray):
    """``rho``, ``g = Tr(C L rho0)``, ``chi`` and ``dg/dlambda`` for the GGE (1).

    Parameters
    ----------
    lam : (n_c,) array
        Lagrange parameters ``lambda_i``.
    charges : (n_c, D) array
        Eigenvalues ``C_{i,m}`` in the common eigenbasis.
    w : (D, D) array
        Rate matrix ``W[k, m]``.
    """
    expo = -lam @ charges
    rho = np.exp(expo - expo.max())
    rho /= rho.sum()
    mean = charges @ rho
    # v_{i,m} = sum_k W_km (C_{i,k} - C_{i,m})
    out_rate = w.sum(axis=0)
    v = charges @ w - charges * out_rate[None, :]
    g = v @ rho
    centred = charges - mean[:, None]
    chi = (centred * rho) @ centred.T
    jac = -(v * rho) @ centred.T
    return rho, g, chi, jac


def forces(lam: np.ndarray, charges: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Generalised forces ``F = -chi^-1 g`` of eq. (10), ``d lambda/dt = F``."""
    _, g, chi, _ = force_terms(lam, charges, w)
    return -np.linalg.solve(chi, g)
