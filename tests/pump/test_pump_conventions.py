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


def _synthetic_cache() -> list[dict]:
    """Cache rows for every reading: r* = 4 (J_H) and 2 (J_S) printed, Fig. 5 values by s."""
    rows = []

    def add(reading, quantity, n, fld, value):
        rows.append({"reading": reading, "quantity": quantity, "n": n, "field": fld,
                     "value": value, "solves": 1, "cpu_s": 0.0})

    tags = ["printed"] + [f"printed@{r.rate_factor(12):g}" for r in hyp.READINGS
                          if r.uniform and r.rate_factor(12) != 1.0]
    tags += [r.key for r in hyp.READINGS if not r.uniform]
    for tag in tags:
        for n in (8, 10, 12):
            add(tag, "rstar heat_current", n, -1.0, 4.0)
            add(tag, "rstar spin_current", n, 0.0, 2.0)
        for b in hyp.FIG5_FIELDS:
            for family, scale in (("fig5", 1.0), ("eta0.1", 1.2)):
                if family == "eta0.1" and b not in hyp.ETA_FIELDS:
                    continue
                add(tag, f"{family} heat_current", 12, b, 0.01 * scale)
                add(tag, f"{family} spin_current", 12, b, 0.006 * scale)
                add(tag, f"{family} c3", 12, b, -0.0035)
    return rows


def test_uniform_verdict_moves_the_maxima_by_one_over_sqrt_s():
    rows = _synthetic_cache()
    x4 = hyp.verdict(hyp.READINGS[hyp.READING_KEYS.index("H(+-) without 1/2")], rows)
    assert x4.heat_rstar == {8: 2.0, 10: 2.0, 12: 2.0} and x4.spin_rstar[12] == 1.0
    assert not x4.maxima_in_window  # J_H at 2 is outside [0.71, 1.41]
    assert all(x4.fig5_in_windows.values()) and math.isclose(x4.eta_change, 0.2)
    per_n = hyp.verdict(hyp.READINGS[hyp.READING_KEYS.index("(20) without 1/N")], rows)
    assert math.isclose(per_n.heat_rstar[8], 4 / math.sqrt(8))
    pauli = hyp.verdict(hyp.READINGS[hyp.READING_KEYS.index("sigma in (8)")], rows)
    assert pauli.heat_rstar[12] == 4.0 and math.isnan(pauli.eta_change)


def test_verdict_refuses_an_incomplete_cache():
    rows = [r for r in _synthetic_cache() if r["reading"] != "eta_d = 0.4"
            or not r["quantity"].startswith("fig5")]
    with pytest.raises(RuntimeError, match="lacks Fig. 5"):
        hyp.verdict(hyp.READINGS[hyp.READING_KEYS.index("eta_d = 0.4")], rows)
