import numpy as np
import sympy

from symness.lindblad.liouvillian import liouvillian
from symness.models.nearest_neighbour import field_hamiltonian
from symness.perturbation.series import DegenerateSeries
from symness.weak_coupling import projections as pj


def test_p0_mask_is_the_engine_projector():
    # independent reference: the engine's spectral projector onto Ker L0 for 3 spins
    l0 = liouvillian(field_hamiltonian(3, 1.0), [], dissipator="standard")
    p0 = DegenerateSeries([l0, l0 * 0, l0 * 0]).projector("P0").toarray()
    rng = np.random.default_rng(5)
    rho = rng.normal(size=(8, 8)) + 1j * rng.normal(size=(8, 8))
    masked = np.array(pj.p0_mask(sympy.Matrix(rho), 3).evalf(), dtype=complex)
    assert np.abs(masked - (p0 @ rho.reshape(-1)).reshape(8, 8)).max() < 1e-13


def test_partial_trace_against_numpy():
    rng = np.random.default_rng(6)
    rho = rng.integers(-3, 4, size=(8, 8))
    # keep sites (1, 2) of 3: trace site 0
    t = rho.reshape(2, 4, 2, 4)
    expected = t[0, :, 0, :] + t[1, :, 1, :]
    got = np.array(pj.partial_trace_keep(sympy.Matrix(rho), (1, 2), 3), dtype=int)
    assert np.array_equal(got, expected)
