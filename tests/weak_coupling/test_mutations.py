"""Mutation checks: each large-size claim of paper 001 fails when the formula it checks is altered.

The mutations are applied with ``monkeypatch`` to the code path the claim runs; the fast
tests run it at the sizes of the fast twins (N = 3..5), the slow ones at the claim's own
size (N = 6).  Each test first runs the unaltered check, which must pass (else a failure
under the mutation would prove nothing).
"""

import pytest

from symness.perturbation.series import DegenerateSeries
from symness.weak_coupling import chain as chain_module
from symness.weak_coupling import claims, profiles
from symness.weak_coupling.baths import s_operator
from symness.weak_coupling.sum_rule import sum_rule_sides


def _edge_sign_flipped(rho, n, alpha, t_left, t_right):
    """(150) with the edge terms -t_L <rho^A_12> + t_R <rho^A_N-1,N> of opposite sign."""
    return sum_rule_sides(rho, n, alpha, -t_left, -t_right)


def _b_flipped(theta, t, c, d, **kwargs):
    """S of (B9) with the opposite sign of b = d cos(theta) (B11)."""
    return s_operator(theta, t, c, -d, **kwargs)


def _fails(check, *args, monkeypatch, target, name, mutant):
    """Run ``check(*args)`` unaltered (must pass), then with ``target.name = mutant``."""
    assert check(*args).ok
    monkeypatch.setattr(target, name, mutant)
    evidence = check(*args)
    print(f"{check.__name__}{args}: error {evidence.error:.2e} tol {evidence.tolerance:.2e}; "
          f"{evidence.detail}")
    return not evidence.ok


def _trace_condition_broken(monkeypatch):
    """rho_2 of the engine with Tr rho_2 = 1e-2 instead of the trace condition (63)."""
    original = DegenerateSeries._next_order

    def mutant(self, m):
        out = original(self, m)
        return out + 1e-2 * self._orders[0] if m == 2 else out

    return mutant


def test_sum_rule_and_condition_fail_with_the_edge_sign_of_150_flipped(monkeypatch):
    # the code of ishida2022.eq150-alpha-zz-n10, at N = 5
    assert _fails(claims._condition_and_sum_rule, 5, monkeypatch=monkeypatch, target=claims,
                  name="sum_rule_sides", mutant=_edge_sign_flipped)


def test_series_order_fails_when_rho_2_breaks_the_trace_condition(monkeypatch):
    # the code of ishida2022.series-order-n6 (_series_errors), at N = 3
    assert _fails(claims._series_order, monkeypatch=monkeypatch, target=DegenerateSeries,
                  name="_next_order", mutant=_trace_condition_broken(monkeypatch))


def test_fig5_fails_when_the_engine_bath_has_b_of_the_opposite_sign(monkeypatch):
    # the engine's L2 only (bath_pairs); the full Liouvillian keeps the correct (B9)
    assert _fails(claims._fig5, 4, monkeypatch=monkeypatch, target=chain_module,
                  name="s_operator", mutant=_b_flipped)


def test_fig6_fails_with_the_edge_sign_of_150_flipped(monkeypatch):
    assert _fails(claims._fig6, 4, monkeypatch=monkeypatch, target=profiles,
                  name="sum_rule_sides", mutant=_edge_sign_flipped)


@pytest.mark.slow
def test_series_order_n6_fails_when_rho_2_breaks_the_trace_condition(monkeypatch):
    assert _fails(claims._series_order_n6, monkeypatch=monkeypatch, target=DegenerateSeries,
                  name="_next_order", mutant=_trace_condition_broken(monkeypatch))


@pytest.mark.slow
def test_fig5_n6_fails_when_the_engine_bath_has_b_of_the_opposite_sign(monkeypatch):
    assert _fails(claims._fig5, 6, monkeypatch=monkeypatch, target=chain_module,
                  name="s_operator", mutant=_b_flipped)


@pytest.mark.slow
def test_fig6_n6_fails_with_the_edge_sign_of_150_flipped(monkeypatch):
    assert _fails(claims._fig6, 6, monkeypatch=monkeypatch, target=profiles,
                  name="sum_rule_sides", mutant=_edge_sign_flipped)
