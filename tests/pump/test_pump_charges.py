"""Boost-operator charges against the numeric ring operators."""

import numpy as np
import pytest

from symness.models.xxz_ring import XXZRing, hamiltonian
from symness.pump import charges as ch
from symness.pump.currents import heat_current_eq16


def test_c3_operator_equals_eq16_numerically():
    ring = XXZRing(n=7, delta=0.8)
    diff = ch.charge_operator(ring, 3) - heat_current_eq16(ring)
    assert abs(diff).max() < 1e-14


@pytest.mark.parametrize("order", [3, 4, 5])
def test_charges_commute_with_h0_in_a_field_and_each_other(order):
    # independent of the symbolic commutator: sparse float64 matrices, n = 8 (> support 5)
    ring = XXZRing(n=8, delta=0.8, field=-1.0)
    h = hamiltonian(ring)
    c = ch.charge_operator(ring, order)
    c3 = ch.charge_operator(ring, 3)
    assert abs(h @ c - c @ h).max() < 1e-12
    assert abs(c3 @ c - c @ c3).max() < 1e-12
    assert abs(c - c.conj().T).max() < 1e-14


def test_boost_refuses_non_conserved_density():
    with pytest.raises(ValueError, match="not that of a conserved"):
        ch.boost({"XY": ch.J})  # spin-current-like density, not conserved


def test_densities_have_the_support_of_their_order():
    for order in (3, 4, 5):
        assert max(len(w) for w in ch.charge_density(order)) == order
    assert np.isclose(float(ch.charge_density(4)["ZZ"].subs({ch.J: 1, ch.DELTA: 0.5})), -0.125)


def test_word_matrix_matches_kronecker_products():
    # reference: products of site_operator (Kronecker construction)
    from symness.operators.pauli_matrix import word_matrix
    from symness.operators.sparse import site_operator

    letters = {0: "Y", 2: "Z", 3: "X", 4: "Y"}
    ref = site_operator("Y", 0, 5)
    for site in (2, 3, 4):
        ref = ref @ site_operator(letters[site], site, 5)
    assert abs(word_matrix(letters, 5) - ref).max() == 0.0  # exactly equal
