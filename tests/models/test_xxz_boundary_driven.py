"""The driven XXZ chain of Prosen (2011), eqs. (2)-(3): operators and parameter validation."""

import math
from fractions import Fraction

import numpy as np
import pytest

from symness.models.xxz_boundary_driven import (
    XXZDrive,
    current_operators,
    hamiltonian,
    jump_operators,
)
from symness.operators.sparse import sigma_x, sigma_y, sigma_z
from symness.validation import ParameterError


@pytest.mark.parametrize("n,delta", [(2, 0.5), (4, -1.3), (5, 2.0)])
def test_hamiltonian_is_the_xyz_form_of_eq_2(n, delta):
    # Second form of (2): sum_j (sx sx + sy sy + Delta sz sz), built from Pauli matrices.
    ref = sum(sigma_x(j, n) @ sigma_x(j + 1, n) + sigma_y(j, n) @ sigma_y(j + 1, n)
              + delta * sigma_z(j, n) @ sigma_z(j + 1, n) for j in range(n - 1))
    assert abs(hamiltonian(n, delta) - ref).max() < 1e-14


@pytest.mark.parametrize("n", [3, 5])
def test_continuity_equation(n):
    # i[H, sigma^z_j] = 4 (J_{j-1} - J_j) in the bulk: [sigma^+, sigma^z] = -2 sigma^+ and the
    # hopping 2 sigma^+ sigma^- of (2) give 2 * 2 (Heisenberg equation of motion).
    h = hamiltonian(n, 0.7)
    cur = current_operators(n)
    for j in range(1, n - 1):
        sz = sigma_z(j, n)
        lhs = 1j * (h @ sz - sz @ h)
        assert abs(lhs - 4 * (cur[j - 1] - cur[j])).max() < 1e-14


def test_jumps_of_eq_3():
    p = XXZDrive(3, Fraction(1, 2), Fraction(1, 3), Fraction(1, 10))
    l1, l2, l3, l4 = (a.toarray() for a in jump_operators(p))
    sp_ = np.array([[0, 1], [0, 0]])
    eye4 = np.eye(4)
    assert np.allclose(l1, math.sqrt((1 + 1 / 3) * 0.1 / 2) * np.kron(sp_, eye4), atol=1e-15)
    assert np.allclose(l2, math.sqrt((1 - 1 / 3) * 0.1 / 2) * np.kron(sp_.T, eye4), atol=1e-15)
    assert np.allclose(l3, math.sqrt((1 - 1 / 3) * 0.1 / 2) * np.kron(eye4, sp_), atol=1e-15)
    assert np.allclose(l4, math.sqrt((1 + 1 / 3) * 0.1 / 2) * np.kron(eye4, sp_.T), atol=1e-15)


@pytest.mark.parametrize("kwargs,name", [
    (dict(n=1), "'n'"), (dict(n=2.0), "'n'"), (dict(n=True), "'n'"),
    (dict(mu=Fraction(3, 2)), "'mu'"), (dict(mu=-1.01), "'mu'"),
    (dict(eps=0), "'eps'"), (dict(eps=-1), "'eps'"), (dict(eps=math.inf), "'eps'"),
    (dict(delta=math.nan), "'delta'"), (dict(delta=math.inf), "'delta'"),
    (dict(delta="1/2"), "'delta'"),
])
def test_bad_parameters_name_themselves(kwargs, name):
    base = dict(n=4, delta=Fraction(1, 2), mu=1, eps=Fraction(1, 10))
    with pytest.raises(ParameterError, match=name):
        XXZDrive(**(base | kwargs))


def test_good_parameters_are_kept_exact():
    p = XXZDrive(4, Fraction(1, 2), -1, Fraction(1, 1000))
    assert p.delta == Fraction(1, 2) and p.eps == Fraction(1, 1000)
    with pytest.raises(TypeError):
        XXZDrive(4, 0.5, 1, 0.1, bias=2)  # misspelt keyword
