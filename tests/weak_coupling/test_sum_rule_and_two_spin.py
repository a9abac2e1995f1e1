import numpy as np
import pytest
import sympy

from symness.models import tilted_ising
from symness.weak_coupling import two_spin as ts
from symness.weak_coupling.sum_rule import sum_rule_sides


def test_sum_rule_is_not_satisfied_by_a_product_of_local_equilibria():
    # rho_PLE has no rho^A correlations: RHS = 0 but LHS = t_N - t_1 != 0 (eq. (121) residue)
    t = [0.2, 0.4, 0.7]
    rho = np.diag([1.0])
    for tl in t:
        rho = np.kron(rho, np.diag([1 - tl, 1 + tl]) / 2)
    lhs, rhs = sum_rule_sides(rho, 3, tilted_ising.coupling_tensor(0.6), 0.1, 0.9)
    assert lhs == pytest.approx(0.5) and rhs == pytest.approx(0.0, abs=1e-15)


def test_sum_rule_needs_alpha_plus():
    with pytest.raises(ValueError, match="alpha_"):
        sum_rule_sides(np.eye(4) / 4, 2, np.diag([1.0, -1.0, 1.0]), 0.1, 0.2)


def test_vanishes_on_circle():
    assert ts.vanishes_on_circle(ts.S**2 + ts.C**2 - 1)
    assert ts.vanishes_on_circle((ts.S**3 + ts.S * ts.C**2 - ts.S) / (1 + ts.C))
    assert not ts.vanishes_on_circle(ts.S - ts.C)


def test_superop_of_commutator_against_direct_product():
    ham = ts.pauli2("x", "z") + 2 * ts.pauli2("z", "0")
    rho = ts.RHO_A + ts.pauli2("y", "y") / 3
    assert ts.apply(ts.commutator(ham), rho) == -sympy.I * (ham * rho - rho * ham)
