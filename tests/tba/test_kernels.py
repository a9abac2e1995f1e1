from fractions import Fraction as F

import numpy as np
import pytest
from scipy.integrate import quad

from symness.tba.kernels import (
    a_derivative,
    a_function,
    a_integral,
    kernel_integrals,
    kernel_matrix_function,
)
from symness.tba.strings import string_content


@pytest.mark.parametrize("n,v", [(1, 1), (2, 1), (1, -1), (3, -1), (5, 1)])
def test_integral_closed_form_against_quadrature(n, v):
    gamma = np.pi * 2 / 7
    num, _ = quad(lambda x: a_function(n, v, gamma, np.array(x)), -np.inf, np.inf,
                  epsabs=1e-13, epsrel=1e-13, limit=200)
    print("quad vs closed form:", abs(num - a_integral(n, v, gamma)))
    assert abs(num - a_integral(n, v, gamma)) < 1e-10


@pytest.mark.parametrize("order", [1, 2, 3])
def test_derivatives_against_finite_differences(order):
    gamma, lam, h = np.pi / 3, np.linspace(-2, 2, 9), 1e-3
    lower = a_derivative(2, 1, gamma, lam - h, order - 1)
    upper = a_derivative(2, 1, gamma, lam + h, order - 1)
    fd = (upper - lower) / (2 * h)
    assert np.max(np.abs(fd - a_derivative(2, 1, gamma, lam, order))) < 1e-4


def test_kernel_integrals_match_quadrature_of_the_kernel_functions():
    c = string_content(F(2, 5))
    lam = np.linspace(-40, 40, 160001)
    numeric = np.trapezoid(kernel_matrix_function(c, lam), lam, axis=-1)
    assert np.max(np.abs(numeric - kernel_integrals(c))) < 1e-8


def test_free_fermion_kernels_vanish():
    c = string_content(F(1, 2))
    assert np.all(kernel_matrix_function(c, np.linspace(-3, 3, 7)) == 0.0)
