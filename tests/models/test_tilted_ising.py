import math

import numpy as np
import pytest

from symness.models import generic_anisotropic, tilted_ising, transverse_ising, xxz_field, xy
from symness.models.nearest_neighbour import (
    field_hamiltonian,
    interaction_hamiltonian,
    validate_coupling,
)
from symness.operators.sparse import site_operator
from symness.validation import ParameterError


@pytest.mark.parametrize("theta", [0.0, 0.4, math.pi / 4, math.pi / 2])
def test_field_frame_is_a_rotation_of_the_lab_frame(theta):
    # (104) in the lab frame vs (105) in the field frame: same spectrum (independent rotation)
    n, lam, h = 3, 0.3, 1.0
    lab = sum(lam * site_operator("Z", j, n) @ site_operator("Z", j + 1, n) for j in range(n - 1))
    lab = lab + sum(h * (math.cos(theta) * site_operator("Z", j, n)
                         + math.sin(theta) * site_operator("X", j, n)) for j in range(n))
    frame = (field_hamiltonian(n, h)
             + lam * interaction_hamiltonian(n, tilted_ising.coupling_tensor(theta)))
    assert np.allclose(np.linalg.eigvalsh(lab.toarray()), np.linalg.eigvalsh(frame.toarray()))


def test_tilted_ising_tensor_equations_108_110():
    a = tilted_ising.coupling_tensor(0.7)
    c, s = math.cos(0.7), math.sin(0.7)
    assert a[2, 2] == pytest.approx(c * c) and a[0, 0] == pytest.approx(s * s)
    assert a[0, 2] == a[2, 0] == pytest.approx(-c * s) and a[1, 1] == 0


def test_alpha_zz_of_the_other_models():
    assert transverse_ising.coupling_tensor()[2, 2] == 0
    assert xy.coupling_tensor(1.0, 0.5)[2, 2] == 0
    assert xxz_field.coupling_tensor(0.5)[2, 2] == 0.5
    assert generic_anisotropic.coupling_tensor()[2, 2] != 0
    assert np.all(generic_anisotropic.coupling_tensor() != 0)


def test_interaction_two_sites_explicit():
    alpha = generic_anisotropic.coupling_tensor()
    pauli = [np.array([[0, 1], [1, 0]]), np.array([[0, -1j], [1j, 0]]), np.diag([1, -1])]
    ref = sum(alpha[i, j] * np.kron(pauli[i], pauli[j]) for i in range(3) for j in range(3))
    assert np.allclose(interaction_hamiltonian(2, alpha).toarray(), ref)


def test_validation():
    with pytest.raises(ParameterError, match="symmetric"):
        validate_coupling([[0, 1, 0], [0, 0, 0], [0, 0, 0]])
    with pytest.raises(ParameterError, match="3x3"):
        validate_coupling([[1, 0], [0, 1]])
    with pytest.raises(ParameterError, match="'field' must be nonzero"):
        field_hamiltonian(2, 0)
