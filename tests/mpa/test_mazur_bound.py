import math

import pytest
import sympy as sp

from symness.exact.cos_field import to_sympy
from symness.mpa.mazur.bound import (
    coprime_pairs,
    dz_by_iteration,
    dz_closed_form,
    dz_fractal,
    dz_jordan,
    dz_resolvent,
)
from symness.validation import ParameterError


def test_pi_over_3_is_nine_sixteenths():
    # reference: the paper, text before (20): D_Z(1/2) = 9/16
    assert to_sympy(dz_jordan(1, 3), 3) == sp.Rational(9, 16)
    assert to_sympy(dz_resolvent(1, 3), 3) == sp.Rational(9, 16)


def test_iteration_float_and_mp():
    # reference: closed form (independent exact method); float iteration to rtol 1e-13
    exact = float(dz_closed_form(2, 7))
    assert math.isclose(dz_by_iteration(2, 7), exact, rel_tol=1e-11)
    assert abs(dz_by_iteration(2, 7, dps=30, rtol=1e-25) - dz_closed_form(2, 7).evalf(40)) < 1e-23


def test_fractal_counts_and_values():
    # reference: number of points is sum of Euler phi(m), m = 2..N
    data = dz_fractal(50)
    assert data["dz"].size == sum(sp.totient(m) for m in range(2, 51))
    i = list(zip(data["ell"].tolist(), data["m"].tolist())).index((1, 4))
    assert math.isclose(data["dz"][i], 1 / 3, rel_tol=1e-15)  # table (20)
    ell, m = coprime_pairs(6)
    assert list(zip(ell.tolist(), m.tolist()))[:4] == [(1, 2), (1, 3), (2, 3), (1, 4)]


@pytest.mark.parametrize("ell,m", [(2, 4), (0, 3), (3, 3), (1, 1)])
def test_bad_lambda_rejected(ell, m):
    with pytest.raises(ParameterError):
        dz_jordan(ell, m)
