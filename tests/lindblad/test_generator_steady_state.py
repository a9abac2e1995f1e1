"""``generator_steady_state``: the steady state of a generator given as a superoperator."""

import numpy as np
import pytest
import scipy.sparse as sp

from symness.lindblad.liouvillian import liouvillian
from symness.lindblad.steady_state import (
    SteadyStateError,
    generator_steady_state,
    hermitian_basis,
    steady_state,
)
from symness.models.xxz_boundary_driven import XXZDrive, hamiltonian, jump_operators
from symness.validation import ParameterError


def test_hermitian_basis_is_unitary():
    t = hermitian_basis(3).toarray()
    assert np.allclose(t.conj().T @ t, np.eye(9))


def test_matches_the_dense_lindblad_solve_of_the_same_chain():
    # independent reference: steady_state's dense LU of (H, jumps), another linear system
    h, jumps = hamiltonian(3, 0.5), jump_operators(XXZDrive(n=3, delta=0.5, mu=0.4, eps=0.7))
    reference = steady_state(h, jumps, dissipator="prosen", method="dense")
    ss = generator_steady_state(liouvillian(h, jumps, dissipator="prosen"))
    assert np.abs(ss.rho - reference.rho).max() < 1e-12
    assert ss.checks.passed and ss.method == "generator"


def test_a_non_unique_steady_state_is_refused():
    # two decoupled qubits, each pumped: unique; one qubit left undamped: not unique
    up = np.array([[0, 1], [0, 0]])
    gen = liouvillian(np.zeros((4, 4)), [np.kron(up, np.eye(2))], dissipator="standard")
    with pytest.raises(SteadyStateError):
        generator_steady_state(gen)


def test_a_generator_that_breaks_hermiticity_is_refused():
    gen = sp.identity(4, dtype=complex) * 1j - sp.csr_matrix(
        liouvillian(np.zeros((2, 2)), [np.array([[0, 1], [0, 0]])], dissipator="standard"))
    with pytest.raises(SteadyStateError, match="Hermiticity"):
        generator_steady_state(gen)


def _chain():
    h, jumps = hamiltonian(3, 0.5), jump_operators(XXZDrive(n=3, delta=0.5, mu=0.4, eps=0.7))
    return h, jumps, liouvillian(h, jumps, dissipator="prosen")


def test_the_one_entry_point_takes_either_form():
    # both paths of steady_state on the same chain; reference: the dense LU of (H, jumps)
    h, jumps, gen = _chain()
    reference = steady_state(h, jumps, dissipator="prosen", method="dense")
    ss = steady_state(generator=gen)
    assert ss.method == "generator" and ss.checks.passed
    assert np.abs(ss.rho - reference.rho).max() < 1e-12


def test_positive_false_is_passed_to_the_generator_solve():
    _, _, gen = _chain()
    assert steady_state(generator=gen, positive=False).checks.passed


@pytest.mark.parametrize(("kwargs", "name"), [
    ({}, "neither"),
    ({"generator": "G", "hamiltonian": "H"}, "not both"),
    ({"generator": "G", "jumps": ["L"]}, "not both"),
    ({"generator": "G", "dissipator": "prosen"}, "not both"),
    ({"generator": "G", "method": "sparse"}, "method"),
    ({"hamiltonian": "H", "positive": False}, "positive"),
    ({"hamiltonian": "H"}, "dissipator"),
])
def test_bad_combinations_raise_parameter_error(kwargs, name):
    h, jumps, gen = _chain()
    values = {"G": gen, "H": h, "L": jumps[0]}
    kwargs = {k: ([values[x] for x in v] if isinstance(v, list) else values.get(v, v))
              for k, v in kwargs.items()}
    with pytest.raises(ParameterError, match=name):
        steady_state(**kwargs)
