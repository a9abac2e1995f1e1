"""The conventions the current maxima depend on, each against the paper's formula (issue 19).

Operators of eqs. (8), (9), (18) at n = 4 are rebuilt here from Kronecker
products of ``S = sigma/2`` with the paper's 1-based site labels (independent of
:mod:`symness.models.xxz_ring`); the readings of :mod:`symness.pump.hypotheses`
are checked against the identity they rest on (``L^Q = eps_ph^2 L_ph + eps_d^2 L_d``).
"""

import math
from functools import reduce

import numpy as np
import pytest

from symness.models.xxz_ring import spin_operator
from symness.pump import hypotheses as hyp
from symness.pump.model import PumpParams, drive_channels, phonon_coupling
from symness.pump.system import SPIN_CURRENT_DENSITY, observable_densities
from symness.validation import ParameterError

N = 4
PAULI = {"x": np.array([[0, 1], [1, 0]], complex), "y": np.array([[0, -1j], [1j, 0]]),
         "z": np.array([[1, 0], [0, -1]], complex)}


def _s(axis: str, site: int) -> np.ndarray:
    """``S^axis`` on the paper's site ``site`` (1-based, periodic), ``S = sigma/2``."""
    site = (site - 1) % N
    factors = [PAULI[axis] / 2 if k == site else np.eye(2) for k in range(N)]
    return reduce(np.kron, factors)


def _dot(i: int, j: int) -> np.ndarray:
    return sum(_s(a, i) @ _s(a, j) for a in "xyz")


def test_site_ordering_matches_the_kronecker_construction():
    for site in range(1, N + 1):
        assert np.allclose(spin_operator("z", site - 1, N).toarray(), _s("z", site))
        assert np.allclose(spin_operator("x", site - 1, N).toarray(), _s("x", site))


@pytest.mark.parametrize("j", [1.0, 0.7])
def test_drive_operators_are_eq8(j):
    """(8): ``Hd/eps_d = sin(wt) J sum (-1)^(j+1) S_j.S_j+1 + cos(wt) J sum (-1)^j Sz_j``."""
    x1, x2 = drive_channels(PumpParams(n=N, j=j))
    ref1 = j * sum((-1) ** (s + 1) * _dot(s, s + 1) for s in range(1, N + 1))
    ref2 = j * sum((-1) ** s * _s("z", s) for s in range(1, N + 1))
    assert np.allclose(x1.toarray(), ref1, atol=1e-15)
    assert np.allclose(x2.toarray(), ref2, atol=1e-15)


def test_phonon_operator_is_eq9():
    """(9): ``A_1 = J (S_1.S_2 + gamma_m (Sx_1 Sz_2 + Sz_1 Sx_2))``, gamma_m = 1 (and 0.3)."""
    for gamma in (1.0, 0.3):
        op = phonon_coupling(PumpParams(n=N, j=1.3, gamma_m=gamma)).toarray()
        ref = 1.3 * (_dot(1, 2) + gamma * (_s("x", 1) @ _s("z", 2) + _s("z", 1) @ _s("x", 2)))
        assert np.allclose(op, ref, atol=1e-15)


def test_spin_current_is_eq18():
    """(18): ``J_S = i J/2 sum (S+_j S-_j+1 - S-_j S+_j+1)``; the observable is ``J_S/N``."""
    from symness.models.xxz_ring import XXZRing

    assert set(SPIN_CURRENT_DENSITY) == {"XY", "YX"}
    plus = [None] + [_s("x", s) + 1j * _s("y", s) for s in range(1, N + 1)]
    minus = [None] + [_s("x", s) - 1j * _s("y", s) for s in range(1, N + 1)]
    ref = 0.5j * sum(plus[s] @ minus[s % N + 1] - minus[s] @ plus[s % N + 1]
                     for s in range(1, N + 1))
    obs = observable_densities(XXZRing(n=N, delta=0.8, field=-1.0), lambda op: op.toarray())
    assert np.allclose(obs["spin_current"] * N, ref, atol=1e-15)
    # eq. (17): J_H = C3 - B J_S, densities
    assert np.allclose(obs["heat_current"], obs["c3"] + obs["spin_current"], atol=1e-15)


def test_equal_drive_scale_is_the_uniform_reading_at_r_times_f():
    """``X_i -> f X_i`` multiplies the drive rates by f^2: state at r = printed state at f r."""
    params = PumpParams(n=6)
    scaled = hyp.ReadingSystem(params, drive_scale=(2.0, 2.0))
    printed = hyp.ReadingSystem(params)
    for r in (0.7, 1.6):
        _, a = scaled.exact(r)
        _, b = printed.exact(2 * r)
        for key in ("energy", "heat_current", "spin_current"):
            assert abs(a[key] - b[key]) <= 1e-10 * max(abs(b[key]), 1e-3), key


def test_lean_and_dense_readings_agree_for_an_unequal_drive_scale():
    """The Pauli reading of (8), ``(4, 2)``, solved by the lean and the dense solver (n = 8)."""
    params = PumpParams(n=8)
    lean = hyp.LeanPump(params, drive_scale=(4.0, 2.0))
    dense = hyp.ReadingSystem(params, drive_scale=(4.0, 2.0))
    _, a = lean.exact(0.8)
    _, b = dense.exact(0.8)
    _, printed = hyp.ReadingSystem(params).exact(0.8)
    assert abs(a["heat_current"] - b["heat_current"]) <= 1e-10 * abs(b["heat_current"])
    # and it is not a rescaling of the printed drive at this r (would be x2 to x4 in r)
    assert abs(b["heat_current"] - printed["heat_current"]) > 1e-2 * abs(printed["heat_current"])


def test_reading_system_applies_parameter_changes():
    reading = hyp.READINGS[hyp.READING_KEYS.index("eta_d = 0.4")]
    system = hyp.reading_system(reading, PumpParams(n=6))
    assert float(system.params.eta_d) == 0.4 and float(system.params.eta_ph) == 0.4
    gauss = hyp.READINGS[hyp.READING_KEYS.index("Gaussian exp(-x^2/2eta^2)")]
    assert math.isclose(float(hyp.reading_system(gauss, PumpParams(n=6)).params.eta_ph),
                        0.4 * math.sqrt(2))
    with pytest.raises(ParameterError, match="key"):
        hyp.run_reading("no such reading")
