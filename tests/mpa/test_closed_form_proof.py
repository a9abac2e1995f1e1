"""The general-m proof of D_Z = m sin^2(pi ell/m)/(2(m-1)) and its mutation tests.

Each mutation alters one ingredient of one step (an entry formula of T, the
recurrence solution, the closed form, the slope-to-D_Z relation, the power-sum
weights) and the step must then fail; the unaltered proof is the claim
``prosen2011.mazur.closed-form`` (run by tests/test_claims.py).
"""

import pytest
import sympy as sp

from symness.mpa import closed_form_proof as proof
from symness.mpa.mazur_bound import dz_closed_form, dz_formula
from symness.mpa.transfer_matrix import inner_entries


def _up_floor_mutated(r, cos2, sin2, c2, half):
    diag, _, down = inner_entries(r, cos2, sin2, c2, half)
    return diag, c2 * half * sin2(2 * (r // 2)), down  # floor(r/2) instead of floor((r+1)/2)


def _down_shifted(r, cos2, sin2, c2, half):
    diag, up, _ = inner_entries(r, cos2, sin2, c2, half)
    return diag, up, half / c2 * sin2(2 * (r // 2) + 3)


def _diag_mutated(r, cos2, sin2, c2, half):
    _, up, down = inner_entries(r, cos2, sin2, c2, half)
    return cos2(r + 1), up, down


@pytest.mark.slow
@pytest.mark.parametrize("step,kwargs", [
    ("pair_products", {"entries": _up_floor_mutated}),
    ("pair_products", {"entries": _down_shifted}),
    ("pair_products", {"entries": _diag_mutated}),
    ("cut", {"entries": _up_floor_mutated}),
    ("cut", {"entries": _down_shifted}),
    ("pivots", {"entries": _diag_mutated}),
    ("pivots", {"entries": _down_shifted}),
    ("pivots", {"y": lambda j: (j + 2) / (2 * j + 1)}),
    ("recurrence", {"y": lambda j: (j + 2) / (2 * j + 1)}),
    ("recurrence", {"y": lambda j: (j + 1) / (2 * j + 1)}),
    ("nonvanishing", {"y": lambda j: (1 - j) / (2 * j)}),
    ("identification", {"y": lambda j: (j + 2) / (2 * j + 1)}),
    ("identification", {"formula": lambda m, s2: m * s2 / (2 * m)}),
    ("identification", {"slope_to_dz": lambda a: 1 / (2 * a)}),
    ("power_sum", {"coefficient": lambda n, b: n - b}),
    ("power_sum", {"coefficient": lambda n, b: n - 2 - b}),
])
def test_mutated_step_fails(step, kwargs):
    assert proof.STEPS[step](**kwargs) is False


def test_cheap_mutations_fail():
    # the full mutation set is slow (sympy trig simplification); these run in the fast suite
    assert proof.recurrence() and not proof.recurrence(y=lambda j: (j + 2) / (2 * j + 1))
    assert not proof.identification(slope_to_dz=lambda a: 1 / (2 * a))
    assert not proof.cut(entries=_up_floor_mutated)


def test_numerics_use_the_proved_formula():
    # reference: table (20) of the paper, D_Z(cos(pi/4)) = 1/3; dz_closed_form goes through
    # dz_formula, the expression identified in the proof's last step
    assert dz_closed_form(1, 4) == sp.Rational(1, 3)
    assert dz_formula(4, sp.Rational(1, 2)) == sp.Rational(1, 3)
