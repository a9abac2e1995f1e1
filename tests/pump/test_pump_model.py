"""Bath and drive correlation functions of the pump model (eqs. (8), (9), (20), (21))."""

import math

import numpy as np
import pytest
from scipy.integrate import quad

from symness.pump.forces import _phonon_bracket
from symness.pump.model import (
    PumpParams,
    drive_gamma,
    phonon_gamma,
    phonon_spectrum,
)
from symness.validation import ParameterError

W0, T, ETA = 1.0, 1.0, 0.4


def test_phonon_gamma_detailed_balance():
    nu = np.linspace(0.01, 4, 50)
    ratio = phonon_gamma(-nu, W0, T, ETA) / phonon_gamma(nu, W0, T, ETA)
    assert np.abs(ratio - np.exp(-nu / T)).max() < 1e-13


def test_phonon_gamma_equals_bracket_of_eq21():
    # independent: the paper's bracket (n_B + 1) A(nu) + n_B(-nu) A(-nu) written term by term
    p = PumpParams(n=4)
    nu = np.array([-2.3, -1.0, -1e-3, 0.0, 1e-3, 0.7, 1.6])
    err = np.abs(phonon_gamma(nu, W0, T, ETA) - 2 * math.pi * _phonon_bracket(nu, p)).max()
    assert err < 1e-12


def test_spectrum_is_normalised_for_narrow_broadening():
    total = quad(lambda w: float(phonon_spectrum(np.array(w), W0, 0.05)), 0, 3)[0]
    assert abs(total - 1) < 1e-3  # -> 1 as eta -> 0 (O(eta^2) correction)


@pytest.mark.parametrize("nu", [-2.0, -0.3, 0.0, 1.1, 1.6])
def test_drive_gamma_against_time_integral(nu):
    # reference: direct numerical integral of e^{(i nu - eta) t} C_ab(t) for the
    # time-averaged correlations C_11 = C_22 = cos(w t)/2, C_12 = -C_21 = sin(w t)/2
    w, eta = 1.6, 0.1
    corr = {(0, 0): lambda t: math.cos(w * t) / 2, (0, 1): lambda t: math.sin(w * t) / 2,
            (1, 0): lambda t: -math.sin(w * t) / 2, (1, 1): lambda t: math.cos(w * t) / 2}
    g = drive_gamma(np.array(nu), w, eta)
    for (a, b), c in corr.items():
        re = quad(lambda t: math.exp(-eta * t) * math.cos(nu * t) * c(t), 0, 400, limit=4000)[0]
        im = quad(lambda t: math.exp(-eta * t) * math.sin(nu * t) * c(t), 0, 400, limit=4000)[0]
        assert abs(g[a, b] - (re + 1j * im)) < 1e-6


@pytest.mark.parametrize("kw", [dict(eps_ph=0), dict(t_ph=-1), dict(eta_d=0), dict(n=2),
                                dict(eps_d=-0.1)])
def test_bad_parameters_raise(kw):
    with pytest.raises(ParameterError):
        PumpParams(**kw)
