from fractions import Fraction as F
from functools import partial

import numpy as np
import pytest

from symness.ghd.converged import converged_profile, error_digits, format_with_error
from symness.ghd.profiles import two_temperature_states
from symness.tba import free_fermions as ff
from symness.tba.strings import string_content
from symness.validation import ParameterError


@pytest.mark.parametrize("rtol", [1e-6, 1e-9])
def test_error_estimate_bounds_the_true_error_at_free_fermions(rtol):
    # reference: the free-fermion closed forms (Gauss-Legendre in k), independent of the TBA
    zetas = np.array([-0.8, -0.3, 0.0, 0.45, 0.9])
    states = partial(two_temperature_states, string_content(F(1, 2)), 1.0, 2.0)
    conv = converged_profile(states, zetas, rtol=rtol)
    for i, z in enumerate(zetas):
        ref = ff.lqss_observables(z, ff.fermi(1.0), ff.fermi(2.0))
        for key, val in ref.items():
            true = abs(conv.profile.values[key][i] - val)
            assert true <= conv.errors[key] + 1e-15, (key, z, true, conv.errors[key])
    assert max(conv.relative_errors.values()) <= rtol
    print(conv.steps, conv.errors)


def test_digits_follow_the_error():
    assert error_digits(3e-7) == 7 and format_with_error(0.031883412, 3e-7) == "0.0318834"
    assert error_digits(0.0) == 15


def test_bad_tolerance_is_rejected():
    states = partial(two_temperature_states, string_content(F(1, 2)), 1.0, 2.0)
    with pytest.raises(ParameterError, match="rtol"):
        converged_profile(states, np.array([0.0]), rtol=0.5)


@pytest.mark.slow
def test_exact_example2_error_estimate_against_half_the_final_step():
    """Example 2 with the exact GGEs at the default 1e-8 (final step 1/320): the profile
    at half that step moves by less than the estimated errors (measured: q1 6.6e-13 vs
    2.5e-12, q2 3.1e-12 vs 1.3e-11, j2 2.9e-14 vs 4.1e-14).  Reference: the same LQSS on
    a grid twice as fine (about 30 s)."""
    from symness.ghd.example2_exact import exact_quench_states
    from symness.ghd.profiles import profile
    from symness.tba.quadrature import RapidityGrid

    zetas = np.array([-1.2, 0.0, 1.2])
    conv = converged_profile(exact_quench_states, zetas, rtol=1e-8)
    fine = profile(*exact_quench_states(RapidityGrid(step=conv.step / 2, cutoff=15.0)), zetas,
                   tol=1e-12)
    for key, err in conv.errors.items():
        assert np.max(np.abs(fine.values[key] - conv.profile.values[key])) <= err, key
