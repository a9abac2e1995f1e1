"""Exact dynamics of the Neel | Bell junction (``ghd.junction_ed``)."""

import numpy as np
import pytest
import scipy.sparse.linalg as spla

from symness.ghd.junction_ed import initial_state, junction_energy_current, open_hamiltonian
from symness.tba.exact_diag import bond


def test_initial_energy_closed_form():
    # derived by hand: Neel bonds -Delta/4 each, junction bond 0, Bell pair bonds +Delta/4,
    # bonds between Bell pairs 0
    n, delta = 12, 0.5
    psi = initial_state(n)
    energy = np.vdot(psi, open_hamiltonian(n, delta) @ psi).real
    assert abs(energy - (-delta / 4 * (n // 2 - 1) + delta / 4 * (n // 4))) < 1e-13


def test_current_is_minus_the_rate_of_the_left_energy():
    # E_left = sum_{l < b} h_l + h_b / 2 changes as -(j_b + j_{b+1})/2 (open edge: j_0 = 0)
    n, delta = 8, 0.5
    b = n // 2 - 1
    e_left = sum(bond(delta, m, n) for m in range(b)) + 0.5 * bond(delta, b, n)
    times = np.linspace(0.0, 0.5, 201)
    states = spla.expm_multiply(-1j * open_hamiltonian(n, delta), initial_state(n), start=0.0,
                                stop=0.5, num=times.size, endpoint=True)
    energy = np.array([np.vdot(s, e_left @ s).real for s in states])
    rate = np.gradient(energy, times, edge_order=2)
    current = junction_energy_current(n, delta, times)
    assert current[0] == pytest.approx(0.0, abs=1e-15)  # real state, imaginary current
    assert np.max(np.abs(rate + current)) < 1e-5  # 2nd-order differences, dt = 2.5e-3


def test_bad_size():
    with pytest.raises(ValueError, match="multiple of 4"):
        initial_state(10)
