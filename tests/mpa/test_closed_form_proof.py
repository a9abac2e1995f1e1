"""The general-m proof of D_Z = m sin^2(pi ell/m)/(2(m-1)) and its mutation tests.

Each mutation alters one ingredient of one step (an entry formula of T, the
recurrence solution, the closed form, the slope-to-D_Z relation, the power-sum
weights) and the step must then fail; the unaltered proof is the claim
``prosen2011.mazur.closed-form`` (run by tests/test_claims.py).
"""

import pytest
import sympy as sp

from symness.mpa.mazur import closed_form_analysis as analysis
from symness.mpa.mazur import closed_form_proof as proof
from symness.mpa.mazur.bound import dz_closed_form, dz_formula
from symness.mpa.transfer.matrices import inner_entries


def _up_floor_mutated(r, cos2, sin2, c2, half):
    diag, _, down = inner_entries(r, cos2, sin2, c2, half)
    return diag, c2 * half * sin2(2 * (r // 2)), down  # floor(r/2) instead of floor((r+1)/2)


def _down_shifted(r, cos2, sin2, c2, half):
    diag, up, _ = inner_entries(r, cos2, sin2, c2, half)
    return diag, up, half / c2 * sin2(2 * (r // 2) + 3)


def _diag_mutated(r, cos2, sin2, c2, half):
    _, up, down = inner_entries(r, cos2, sin2, c2, half)
    return cos2(r + 1), up, down


_N, _T = analysis._N, analysis._T  # n and t > 0 of the limit step


def _down_negative(r, cos2, sin2, c2, half):
    diag, up, down = inner_entries(r, cos2, sin2, c2, half)
    return diag, up, -down


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
    # block induction: T'_{RR} = 2, a spurious L->R entry, wrong L-row or corner polynomial
    ("block_powers", {"transfer": lambda: sp.Matrix([[1, analysis._U, 0],
                                                     [0, analysis._B, analysis._V], [0, 0, 2]])}),
    ("block_powers", {"transfer": lambda: sp.Matrix([[1, analysis._U, analysis._U * analysis._V],
                                                     [0, analysis._B, analysis._V], [0, 0, 1]])}),
    ("block_powers", {"s": lambda x, n: x**n}),
    ("block_powers", {"w": lambda x, n: (x**n - n * x + n) / (x - 1) ** 2}),
    # limit: wrong corner polynomial, an eigenvalue outside (-1, 1), slope, a negative entry
    ("cesaro_limit", {"w": analysis.s_closed}),
    ("cesaro_limit", {"w": lambda x, n: 2 * analysis.w_closed(x, n)}),
    ("cesaro_limit", {"cases": lambda: [(sp.exp(_T), [(_N, _N, sp.exp(_N * _T))])]}),
    ("cesaro_limit", {"slope_to_dz": lambda a: 1 / (2 * a)}),
    ("cesaro_limit", {"entries": _down_negative}),
    # Schur induction: wrong sign or wrong use of the next pivot
    ("schur_lemma", {"pivot_step": lambda a, p, x: a + p / x}),
    ("schur_lemma", {"pivot_step": lambda a, p, x: a - p * x}),
])
def test_mutated_step_fails(step, kwargs):
    assert proof.STEPS[step](**kwargs) is False


def test_cheap_mutations_fail():
    # the full mutation set is slow (sympy trig simplification); these run in the fast suite
    assert proof.recurrence() and not proof.recurrence(y=lambda j: (j + 2) / (2 * j + 1))
    assert not proof.identification(slope_to_dz=lambda a: 1 / (2 * a))
    assert not proof.cut(entries=_up_floor_mutated)


@pytest.mark.parametrize("update", [lambda q, x0, x1: x0 + q * x1,
                                    lambda q, x0, x1: x0 - (q + 1) * x1])
def test_mutated_euclid_fails(update):
    assert proof.STEPS["bezout"](update=update, max_m=30) is False


def test_bezout_coefficients_against_modular_inverse():
    # independent reference: Python's pow(ell, -1, m) (modular inverse)
    for m in range(2, 60):
        for ell in range(1, m):
            g, a, b = analysis.bezout_coefficients(ell, m)
            if g == 1:
                assert a * ell + b * m == 1 and (a - pow(ell, -1, m)) % m == 0


def test_bezout_rejects_bad_input():
    from symness.validation import ParameterError

    with pytest.raises(ParameterError, match="m"):
        analysis.bezout_coefficients(1, 0)


def test_numerics_use_the_proved_formula():
    # reference: table (20) of the paper, D_Z(cos(pi/4)) = 1/3; dz_closed_form goes through
    # dz_formula, the expression identified in the proof's last step
    assert dz_closed_form(1, 4) == sp.Rational(1, 3)
    assert dz_formula(4, sp.Rational(1, 2)) == sp.Rational(1, 3)
