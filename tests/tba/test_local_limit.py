"""Tests of the K -> oo local-charge GGE (``symness.tba.local_limit``).

Expected values come from independent sources: a truncated GGE solved by the Yang-Yang
equations with charge sources (``thermal.gge_state``, a different solver that never uses
the decoupled form), the exact local charges of the product states (``lattice_charges``,
exact rationals), and the closed form int s = 1/2.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from symness.tba import lattice_charges as lc
from symness.tba import string_charge as sc
from symness.tba.charges import charge_density
from symness.tba.dressing import Dressing
from symness.tba.local_limit import local_limit_state, s_convolution
from symness.tba.quadrature import RapidityGrid
from symness.tba.strings import string_content
from symness.tba.truncated_gge import initial_values, quench_gge
from symness.validation import ParameterError

CONTENT = string_content(Fraction(1, 3))
GRID = RapidityGrid(step=0.05, cutoff=12.0)


def test_s_convolution_of_a_constant_and_of_a_gaussian():
    """s * 1 = 1/2 (int s = 1/2); s * e^{-l^2} at 0 against scipy quad of the same integral."""
    from scipy.integrate import quad

    lam, g = GRID.points, CONTENT.gamma
    assert np.max(np.abs(s_convolution(np.ones_like(lam), GRID.step, g) - 0.5)) < 1e-13
    ref = quad(lambda m: math.exp(-m * m) / (2 * g * math.cosh(math.pi * m / g)), -30, 30)[0]
    value = s_convolution(np.exp(-lam ** 2), GRID.step, g)[lam.size // 2]
    assert abs(value - ref) < 1e-12


def test_a_truncated_gge_is_its_own_local_limit():
    """Fed the rho_1^h of the K = 2 Neel GGE (Yang-Yang solver), it returns that GGE.

    Criterion fixed before the run: max_j |delta theta_j rho_j^t| / max rho^t <= 1e-9
    (both solvers converge to ~1e-13; the dressing to 1e-14 relative).
    """
    gge = quench_gge(CONTENT, lc.NEEL, 2, grid=GRID).state
    total = Dressing(gge).total_density
    limit = local_limit_state(CONTENT, (1 - gge.filling[0]) * total[0], GRID)
    err = np.max(np.abs((limit.state.filling - gge.filling) * total)) / np.max(total)
    assert err < 1e-9
    assert limit.hole_error < 1e-12


@pytest.mark.parametrize("pair, state", [(sc.NEEL_PAIR, lc.NEEL), (sc.BELL_PAIR, lc.BELL)])
def test_local_limit_of_the_exact_hole_density_has_the_exact_local_charges(pair, state):
    """<q_n> of the limit = exact <psi0|q_n|psi0>, n = 1 .. 7 (the charges see rho_1^h only).

    Criterion fixed before the run: relative 1e-8 at step 0.025, the accuracy of the exact
    states' own charges (4e-9, claim bertini2016.example2.exact-gge); measured 4.1e-9.
    """
    grid = RapidityGrid(step=0.025, cutoff=12.0)
    exact = sc.exact_state(CONTENT, pair, grid=grid)
    limit = local_limit_state(CONTENT, exact.hole_density[0], grid)
    targets = initial_values(CONTENT, state, (1, 3, 5, 7))
    dressing = Dressing(limit.state)
    for n, t in targets.items():
        assert abs(charge_density(dressing, n) - float(t)) <= 1e-8 * max(1.0, abs(float(t)))
    # and it is not the exact state: the 2-strings differ (quasi-local information)
    assert np.max(np.abs(limit.state.filling[1] - exact.state.filling[1])) > 0.1


def test_bad_input_is_refused():
    with pytest.raises(ParameterError, match="gamma/pi"):
        local_limit_state(string_content(Fraction(1, 4)), np.ones(GRID.size), GRID)
    with pytest.raises(ParameterError, match="hole_density"):
        local_limit_state(CONTENT, np.ones(3), GRID)
