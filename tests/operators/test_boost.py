"""The one boost construction (symness.operators.boost) and its two paper wrappers.

References: ``[B, H] = -sum_l [h_l, h_{l+1}]`` (telescoping the double sum, any bond);
conservation ``[H, Q_k] = 0`` exactly on an 8-site ring for Q_2 .. Q_5 of both papers;
the closed form (16) of Lange et al. for C_3 (written out independently in
``pump.charges.heat_current_density_eq16``); the continuity equation for the current.
"""

from fractions import Fraction

import pytest
import sympy

from symness.models.xxz_chain import pauli_hamiltonian
from symness.operators.boost import boost_commutator, current_placements
from symness.operators.pauli import PauliSum, commutator, local_sum
from symness.pump import charges as pump_charges
from symness.tba import lattice_charges as lc

J, DELTA, H1, H2 = sympy.symbols("J Delta h1 h2", real=True)


def _operator(density: dict, length: int, start: int = 0) -> PauliSum:
    return PauliSum(length, {("I" * start + w).ljust(length, "I"): c for w, c in density.items()})


def _ring(density: dict, n: int) -> PauliSum:
    width = max(len(w) for w in density)
    return local_sum(_operator(density, width), n, periodic=True)


@pytest.mark.parametrize("bond", [
    {"XX": J / 4, "YY": J / 4, "ZZ": DELTA / 4},
    {"XX": 1, "YY": 1, "ZZ": DELTA, "ZI": H1, "IZ": H2},       # fields inside the bond
])
def test_boost_of_h_is_minus_the_bond_commutator(bond):
    got = boost_commutator(bond, bond)
    expected = -commutator(_operator(bond, 3), _operator(bond, 3, 1))  # density of [B, H]
    assert _ring(got, 7) == local_sum(expected, 7, periodic=True)


@pytest.mark.parametrize("order", [2, 3, 4, 5])
def test_tba_charges_commute_with_h_on_an_8_site_ring(order):
    delta = Fraction(3, 10)
    h = pauli_hamiltonian(8, delta, Fraction(1, 4), boundary="ring")    # (XX + YY + D ZZ)/4
    assert commutator(h, _ring(lc.local_charge(order, delta), 8)).is_zero()
    assert not commutator(h, _ring({"XY": 1}, 8)).is_zero()               # the check can fail


@pytest.mark.parametrize("order", [2, 3, 4, 5])
def test_pump_charges_commute_with_h_on_an_8_site_ring(order):
    values = {pump_charges.J: 1, pump_charges.DELTA: sympy.Rational(7, 5)}
    density = {w: c.subs(values) for w, c in pump_charges.charge_density(order).items()}
    h = _ring({w: c.subs(values) for w, c in pump_charges.bond_density().items()}, 8)
    assert commutator(h, _ring(density, 8)).is_zero()


def test_pump_c3_is_the_closed_form_eq16():
    c3, eq16 = pump_charges.charge_density(3), pump_charges.heat_current_density_eq16()
    assert all(sympy.simplify(c3.get(w, 0) - eq16.get(w, 0)) == 0 for w in set(c3) | set(eq16))


def test_tba_q2_is_minus_the_energy_current():
    # Q_2 = i[B, Q_1] (no vacuum shift needed: the energy current vanishes on all-up)
    delta = Fraction(1, 2)
    h = {"XX": Fraction(1, 4), "YY": Fraction(1, 4), "ZZ": delta / 4}
    energy_current = sympy.I * commutator(_operator(h, 3), _operator(h, 3, 1))
    assert _operator(lc.local_charge(2, delta), 3) == -energy_current


def test_current_obeys_the_continuity_equation():
    # j_0 - T j_0 = i [sum_r h_r, q_0] for q = the energy density h (window of 5 sites)
    h = {"XX": 1, "YY": 1, "ZZ": DELTA}
    j = current_placements(h, h)
    j0 = sum((_operator({w: c}, 5, 2 + off) for (off, w), c in j.items()), PauliSum(5))
    j1 = sum((_operator({w: c}, 5, 3 + off) for (off, w), c in j.items()), PauliSum(5))
    q0 = _operator(h, 5, 2)
    rhs = sympy.I * commutator(sum((_operator(h, 5, r) for r in (1, 2, 3)), PauliSum(5)), q0)
    assert j0 - j1 == rhs


def test_non_conserved_density_is_refused():
    with pytest.raises(ValueError, match="not conserved"):
        boost_commutator({"XY": 1}, {"XX": 1, "YY": 1, "ZZ": DELTA})
    with pytest.raises(ValueError, match="not conserved"):
        current_placements({"Z": 1, "XZ": 1}, {"XX": 1, "YY": 1, "ZZ": DELTA})
