import math

import numpy as np
import pytest

from symness.validation import ParameterError
from symness.weak_coupling.chain import local_t, tilted_ising_chain
from symness.weak_coupling.lambda_expansion import contour_coefficients
from symness.weak_coupling.profiles import two_spin_analytic_t


def test_zeroth_coefficient_is_the_closed_form_111_112():
    # independent of the engine: Cauchy coefficient c_0 of the full (16) vs (111)-(112)
    chain = tilted_ising_chain(2, math.pi / 3)
    cc = contour_coefficients(chain, radius=0.05, points=16, max_order=1)
    t = local_t(cc.coefficients[0].reshape(4, 4), 2)
    t1, t2, _ = two_spin_analytic_t(chain)
    assert abs(t[0] - t1) < 1e-12 and abs(t[1] - t2) < 1e-12
    assert cc.tolerance(0) < 1e-8


def test_bad_input():
    chain = tilted_ising_chain(2, 0.4)
    with pytest.raises(ParameterError, match="'radius'"):
        contour_coefficients(chain, radius=0.0)
    with pytest.raises(ParameterError, match="'max_order'"):
        contour_coefficients(chain, radius=0.05, points=8, max_order=4)
    assert np.isfinite(contour_coefficients(chain, radius=0.05, points=5, max_order=1)
                       .aliasing).all()
