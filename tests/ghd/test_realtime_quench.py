"""Pure-state TEBD of the Neel | Bell-pairs junction (``ghd.realtime_quench``).

Reference: exact Krylov evolution of ``ghd.junction_ed`` (independent of tenpy).
"""

import numpy as np
import pytest

from symness.ghd.junction_ed import junction_energy_current
from symness.ghd.realtime_quench import BELL_GATE, quench_tebd
from symness.validation import ParameterError


def test_tebd_matches_krylov_evolution_on_eight_sites():
    times = (0.5, 1.0)
    run = quench_tebd(8, 0.5, times, chi=64, dt=0.05)
    exact = junction_energy_current(8, 0.5, np.array([0.0, 0.5, 1.0]))[1:]
    b = 8 // 2 - 1  # junction bond (b, b + 1); j1[:, s - 1] is the current across site s
    tebd = 0.5 * (run.j1[:, b - 1] + run.j1[:, b])
    # order-4 Trotter at dt = 0.05, no truncation (chi = 2^4): ~1e-9
    assert np.max(np.abs(tebd - exact)) < 1e-8


def test_bell_gate_is_unitary_and_makes_the_bell_pair():
    assert BELL_GATE @ BELL_GATE.T == pytest.approx(np.eye(4), abs=1e-15)
    assert BELL_GATE[:, 0] == pytest.approx(np.array([1, 0, 0, -1]) / np.sqrt(2))


def test_length_must_be_a_multiple_of_four():
    with pytest.raises(ParameterError, match="length"):
        quench_tebd(10, 0.5, (0.1,), chi=8)
