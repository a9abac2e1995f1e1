"""The vectorised product kernel against the plain double-loop reference kernel."""

import numpy as np
import pytest
import sympy
from hypothesis import example, given
from hypothesis import strategies as st

from symness.operators.pauli import PauliSum, _common_domain
from symness.operators.pauli_kernel import popcount, products, products_reference

DELTA = sympy.Symbol("Delta")

_coefficient = st.sampled_from([1, -1, sympy.Rational(1, 2), sympy.I, -3 * sympy.I / 4,
                                1 + sympy.I, DELTA, sympy.I * DELTA - 2, sympy.sqrt(2)])


@st.composite
def operators(draw, n):
    keys = draw(st.lists(st.tuples(st.integers(0, 2**n - 1), st.integers(0, 2**n - 1)),
                         max_size=12))
    return PauliSum(n, {k: draw(_coefficient) for k in keys})


@pytest.mark.parametrize("select", [None, 0, 1])
@given(data=st.data(), n=st.sampled_from([1, 4, 40, 64]))
@example(data=None, n=2)
def test_vectorised_kernel_equals_reference(select, data, n):
    if data is None:  # pinned: real x real, complex x real, and a cancelling case
        a = PauliSum(n, {"XI": 1, "ZZ": sympy.I, "YY": DELTA})
        b = PauliSum(n, {"YI": 2, "XX": 1, "ZZ": -sympy.I})
    else:
        a, b = data.draw(operators(n)), data.draw(operators(n))
    K, (pa, pb) = _common_domain([a, b])
    fast = PauliSum._raw(n, products(pa, pb, K, select), K)
    slow = PauliSum._raw(n, products_reference(pa, pb, K, select), K)
    assert fast == slow and len(fast) == len(slow)


def test_popcount_matches_python():
    values = [0, 1, 2**63, 2**64 - 1, 0b1011, 123456789]
    counts = popcount(np.array(values, dtype=np.uint64))
    assert counts.tolist() == [v.bit_count() for v in values]
