"""Spin Drude weight at infinite temperature from generalized hydrodynamics.

Normalisation: D = lim_{t->oo} (1/t) int_0^t ds sum_x <j^z_x(s) j^z_0(0)>_{beta=0} (the
"Drude self-weight" per site, spin-1/2 current j^z = s^x s^y - s^y s^x, J = 1; the
physical Drude weight is beta/2 times this).  GHD gives (Ilievski & De Nardis, PRL 119,
020602 (2017); Bulchandani et al., PRB 97, 045407 (2018))

    D = sum_j int dlambda rho_j(lambda) (1 - theta_j) v_j(lambda)^2 (m_j^dr)^2,

with m_j = n_j the bare magnetisation and m^dr its dressing.  At beta = 0 the fillings are
constant, so m^dr is a constant vector (``tba.dressing.dress_constant``); at h = 0 it is
obtained as the limit mu = beta h -> 0 (evaluated at mu = +-eps and by Richardson
extrapolation in eps^2, D being even in mu).  Free fermions: D = int dk/2pi sin^2 k / 4 = 1/8.

Prosen & Ilievski (PRL 111, 057203 (2013)) closed form at Delta = cos(pi l/m), in this
normalisation:  D = (1/8) sin^2(pi l/m)/sin^2(pi/m) (1 - (m/2pi) sin(2pi/m)).
Prosen's bound D_Z (paper 000, eq. (20)) is normalised to D_Z(Delta = 0) = 1, i.e. it is
compared with 8 D.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from symness.tba.bare import magnetisation
from symness.tba.dressing import Dressing, dress_constant
from symness.tba.quadrature import RapidityGrid
from symness.tba.strings import string_content
from symness.tba.thermal import infinite_temperature_state

__all__ = ["spin_drude_weight", "prosen_ilievski", "FREE_FERMION_DRUDE"]

#: D at Delta = 0 in the normalisation of this module.
FREE_FERMION_DRUDE = 0.125


def _drude_at_mu(gamma_over_pi: Fraction, mu: float, grid: RapidityGrid) -> float:
    content = string_content(gamma_over_pi)
    state = infinite_temperature_state(content, mu, grid=grid)
    d = Dressing(state)
    mdr = dress_constant(state, magnetisation(content))
    integrand = d.root_density * (1 - state.filling) * d.velocity**2 * mdr[:, None] ** 2
    return float(np.sum(grid.integrate(integrand)))


def spin_drude_weight(gamma_over_pi: Fraction, *, grid: RapidityGrid | None = None,
                      eps: float = 1e-3) -> float:
    """GHD spin Drude weight D (module normalisation) at beta = 0, h = 0.

    Richardson extrapolation D(0) = (4 D(eps) - D(2 eps))/3 (D is even in mu, smooth).
    """
    grid = grid or RapidityGrid(step=0.05, cutoff=14.0)
    d1 = _drude_at_mu(gamma_over_pi, eps, grid)
    d2 = _drude_at_mu(gamma_over_pi, 2 * eps, grid)
    return (4 * d1 - d2) / 3


def prosen_ilievski(p: int, m: int) -> float:
    """Return (1/8) sin^2(pi p/m)/sin^2(pi/m) (1 - (m/2pi) sin(2pi/m)) at Delta = cos(pi p/m)."""
    return (FREE_FERMION_DRUDE * math.sin(math.pi * p / m) ** 2 / math.sin(math.pi / m) ** 2
            * (1 - m / (2 * math.pi) * math.sin(2 * math.pi / m)))
