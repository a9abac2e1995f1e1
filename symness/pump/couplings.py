"""The perturbations of eqs. (8)-(9) in the eigenbasis of ``H0``, as second-order channels.

A channel set is a list of operators ``A_alpha`` (eigenbasis matrices), a matrix
function ``Gamma_{alpha beta}(nu)`` (one-sided Fourier transform of the
time-averaged correlation of the "bath" factors) and a multiplicity.  With it
the second-order (Born-Markov, time-averaged = Floquet sector n = 0) generator
is the Redfield form

    L2 rho = sum_alpha (At_alpha rho A_alpha + A_alpha rho At_alpha^dagger
                        - A_alpha At_alpha rho - rho At_alpha^dagger A_alpha),
    (At_alpha)_kl = sum_beta Gamma_{alpha beta}(E_l - E_k) (A_beta)_kl,

which is ``-P L1 (L0 - eta)^-1 L1 P`` of eqs. (6), (11) written out in the
eigenbasis (Breuer & Petruccione, ch. 3.3; here for two classical drive
channels and one quantum phonon bath per site).

* Phonons: one channel ``A_0`` of :func:`symness.pump.model.phonon_coupling`,
  ``Gamma(nu) = eps_ph^2 (gamma(nu)/2 + i S(nu))``, multiplicity ``n``
  (translation invariance: ``sum_j <a|A_j|c><d|A_j|b> = n <a|A_0|c><d|A_0|b>``
  whenever ``k_a - k_c + k_d - k_b = 0``, which holds for equal-momentum pairs).
* Drive: channels ``eps_d X1, eps_d X2`` with :func:`symness.pump.model.drive_gamma`.

Both are therefore total rates; eqs. (20) and (21) are these divided by ``n``
(rates per site), which leaves ``eps_d/eps_ph`` meaning the same in both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from symness.models.xxz_ring import Eigensystem, eigensystem
from symness.pump.model import (
    PumpParams,
    drive_channels,
    drive_gamma,
    phonon_coupling,
    phonon_gamma,
    phonon_lamb_shift,
)

__all__ = ["Channels", "Couplings", "couplings", "scale_drive"]


@dataclass(frozen=True)
class Channels:
    """Operators ``A_alpha`` (eigenbasis), ``Gamma_{alpha beta}(nu)`` and a multiplicity."""

    ops: tuple[np.ndarray, ...]
    gamma: Callable[[np.ndarray], np.ndarray]  # nu.shape -> nu.shape + (k, k)
    multiplicity: float
    #: ``2 Re Gamma(nu)`` for a single-operator channel (skips the Lamb shift where
    #: only the rate enters, e.g. the gain terms of ``L^Q``).
    rate: Callable[[np.ndarray], np.ndarray] | None = None


@dataclass(frozen=True)
class Couplings:
    """``H0`` eigensystem plus the phonon and drive channels of one parameter point."""

    params: PumpParams
    eigen: Eigensystem
    phonon: Channels
    drive: Channels

    @property
    def energy(self) -> np.ndarray:
        """Eigenvalues ``E_a`` of ``H0``."""
        return self.eigen.energy

    def channel_sets(self) -> tuple[Channels, ...]:
        """Return the channel sets with a non-zero amplitude."""
        return (self.phonon,) + ((self.drive,) if float(self.params.eps_d) != 0 else ())


def _hermitian(eigen: Eigensystem, op) -> np.ndarray:
    """Eigenbasis matrix of a Hermitian ``op``, made exactly Hermitian in floating point.

    Then ``A_ak A_ka = |A_ak|^2`` exactly, which keeps exponentially small decay
    rates (large fields) free of rounding leaks from the Lamb shift.
    """
    m = eigen.to_eigenbasis(op)
    return (m + m.conj().T) / 2


def couplings(params: PumpParams, eigen: Eigensystem | None = None, *,
              to_eigenbasis: Callable = _hermitian) -> Couplings:
    """Build the channels of eqs. (8)-(9) for ``params`` (eigensystem reused if given).

    ``to_eigenbasis(eigen, op)`` makes the eigenbasis matrices (default: dense,
    exactly Hermitian; :func:`symness.pump.lean_steady_state.hermitian_blocks`
    keeps only the non-zero S^z-sector blocks).
    """
    eigen = eigen or eigensystem(params.ring)
    p = params
    eps_ph2 = float(p.eps_ph) ** 2

    def ph_gamma(nu):
        g = eps_ph2 * (phonon_gamma(nu, float(p.omega_ph), float(p.t_ph), float(p.eta_ph)) / 2
                       + 1j * phonon_lamb_shift(nu, float(p.omega_ph), float(p.t_ph),
                                                float(p.eta_ph)))
        return g[..., None, None]

    def ph_rate(nu):
        return eps_ph2 * phonon_gamma(nu, float(p.omega_ph), float(p.t_ph), float(p.eta_ph))

    phonon = Channels(ops=(to_eigenbasis(eigen, phonon_coupling(p)),), gamma=ph_gamma,
                      multiplicity=float(p.n), rate=ph_rate)
    x1, x2 = drive_channels(p)
    eps_d = float(p.eps_d)
    drive = Channels(ops=(eps_d * to_eigenbasis(eigen, x1), eps_d * to_eigenbasis(eigen, x2)),
                     gamma=lambda nu: drive_gamma(nu, float(p.omega), float(p.eta_d)),
                     multiplicity=1.0)
    return Couplings(params=p, eigen=eigen, phonon=phonon, drive=drive)


def scale_drive(cp: Couplings, scale: tuple[float, float]) -> Couplings:
    """``cp`` with the drive operators ``(X1, X2)`` of eq. (8) multiplied by ``scale``.

    ``(f, f)`` multiplies every drive rate by ``f^2``; unequal factors change the
    drive's shape (e.g. Pauli matrices in (8): ``(4, 2)``).  ``(1, 1)`` returns ``cp``
    itself (no copy of the operators: the lean solver's memory at n = 14).
    """
    if tuple(scale) == (1.0, 1.0):
        return cp
    ops = tuple(f * op for f, op in zip(scale, cp.drive.ops))
    return replace(cp, drive=replace(cp.drive, ops=ops))
