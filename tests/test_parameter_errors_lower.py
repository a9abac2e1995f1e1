"""Input errors are ParameterErrors naming the input (issue 22 item 6), lower layers and papers."""

import numpy as np
import pytest

from symness.mpa.mazur.iteration import literal_trajectory
from symness.mps.pauli_basis import operator_weights
from symness.perturbation.series import DegenerateSeries
from symness.validation import ParameterError
from symness.weak_coupling.sum_rule import sum_rule_sides


def test_unsorted_checkpoints():
    with pytest.raises(ParameterError, match="'checkpoints'"):
        literal_trajectory(1, 3, [8, 4])


def test_a_non_hermitian_operator():
    with pytest.raises(ParameterError, match="Hermitian"):
        operator_weights(np.array([[0, 1], [0, 0]]))


def test_pieces_of_different_shapes():
    with pytest.raises(ParameterError, match="'pieces'"):
        DegenerateSeries([np.zeros((4, 4)), np.zeros((4, 4)), np.zeros((9, 9))])


def test_sum_rule_needs_alpha_plus():
    alpha = np.diag([1.0, -1.0, 1.0])
    with pytest.raises(ParameterError, match="'alpha'"):
        sum_rule_sides(np.eye(4) / 4, 2, alpha, 1.0, 0.5)


def test_a_ring_too_small_for_the_density():
    from symness.models.xxz_ring import XXZRing
    from symness.pump.charges import charge_density, density_operator

    with pytest.raises(ParameterError, match="'n'"):
        density_operator(charge_density(6), XXZRing(n=3))


def test_the_finite_size_tail_needs_three_sizes():
    from symness.tba.finite_size import geometric_tail

    with pytest.raises(ParameterError, match="'values'"):
        geometric_tail((1.0, 2.0))
