"""Exact Pauli algebra: identities, properties, and agreement with matrices.

References used here: the defining Pauli relations (textbook), matrices built
independently in this file with numpy ``kron`` of 2x2 blocks, and
:mod:`symness.operators.sparse`.
"""

from fractions import Fraction
from functools import reduce

import numpy as np
import pytest
import sympy
from hypothesis import example, given
from hypothesis import strategies as st

from symness.operators import sparse
from symness.operators.pauli import (
    PauliSum,
    anticommutator,
    commutator,
    from_labels,
    hs_inner,
    identity,
    label_of,
    local_sum,
    parse_label,
    sigma,
    site_product,
    sum_all,
    zero,
)
from symness.validation import ParameterError

I = sympy.I  # noqa: E741 - the imaginary unit
DELTA = sympy.Symbol("Delta")
N = 3

# --------------------------------------------------------------- reference
# Independent dense matrices: kron of 2x2 blocks, site 0 leftmost (written here, not imported).
_BLOCK = {
    "I": np.eye(2), "X": np.array([[0, 1], [1, 0]]), "Y": np.array([[0, -1j], [1j, 0]]),
    "Z": np.diag([1, -1]),
}


def dense_reference(op: PauliSum, values: dict | None = None) -> np.ndarray:
    total = np.zeros((2**op.n, 2**op.n), dtype=complex)
    for label, c in op.labelled_terms().items():
        c = complex(sympy.N(c.subs(values or {}), 20))
        total += c * reduce(np.kron, [_BLOCK[ch] for ch in label])
    return total


# ---------------------------------------------------------------- strategies
_rational = st.fractions(min_value=-3, max_value=3, max_denominator=4)


@st.composite
def coefficients(draw, symbolic=True):
    re, im = draw(_rational), draw(_rational)
    c = sympy.Rational(re.numerator, re.denominator) + I * sympy.Rational(im.numerator,
                                                                         im.denominator)
    if symbolic and draw(st.booleans()):
        c += draw(st.integers(-2, 2)) * DELTA
    return c


@st.composite
def pauli_sums(draw, n=N, max_terms=5, symbolic=True):
    keys = draw(st.lists(st.tuples(st.integers(0, 2**n - 1), st.integers(0, 2**n - 1)),
                         max_size=max_terms))
    return PauliSum(n, {k: draw(coefficients(symbolic)) for k in keys})


X0, Y0, Z0 = (sigma(a, 0, N) for a in "xyz")

# ----------------------------------------------------------- exact identities


@pytest.mark.parametrize("j", range(N))
def test_sigma_plus_minus_anticommutator_is_identity(j):
    sp, sm = sigma("+", j, N), sigma("-", j, N)
    assert sp * sm + sm * sp == identity(N)
    assert anticommutator(sp, sm) == 1
    assert sp * sp == 0 and sm * sm == 0
    assert sp * sm == (1 + sigma("z", j, N)) / 2  # projector on up: σ+σ- = |up><up|
    assert sp.adjoint() == sm


@pytest.mark.parametrize("j", range(N))
@pytest.mark.parametrize("a,b,c", [("x", "y", "z"), ("y", "z", "x"), ("z", "x", "y")])
def test_su2_commutators(a, b, c, j):
    sa, sb, sc = (sigma(s, j, N) for s in (a, b, c))
    assert commutator(sa, sb) == 2 * I * sc
    assert sa * sb == I * sc  # σa σb = i ε_abc σc
    assert commutator(sa, sb) == sa * sb - sb * sa


@pytest.mark.parametrize("a", "xyz")
@pytest.mark.parametrize("b", "xyz")
def test_pauli_anticommutation(a, b):
    expected = 2 * identity(N) if a == b else zero(N)
    assert anticommutator(sigma(a, 1, N), sigma(b, 1, N)) == expected


@pytest.mark.parametrize("a", "xyz+-")
@pytest.mark.parametrize("b", "xyz+-")
def test_site_operators_at_different_sites_commute(a, b):
    for i in range(N):
        for j in range(N):
            if i != j:
                assert commutator(sigma(a, i, N), sigma(b, j, N)).is_zero()


def test_commutator_can_be_nonzero():
    # guards the test above against a commutator that always returns zero
    assert not commutator(sigma("+", 0, N), sigma("-", 0, N)).is_zero()
    assert commutator(sigma("+", 0, N), sigma("-", 0, N)) == sigma("z", 0, N)


def is_exact_zero(expr) -> bool:
    """Zero as a polynomial in Delta whose coefficients are algebraic numbers (minpoly test)."""
    t = sympy.Symbol("t")
    return all(sympy.minimal_polynomial(c, t) == t
               for c in sympy.Poly(sympy.expand(expr), DELTA).all_coeffs())


def test_algebraic_coefficients_are_exact():
    c, s = sympy.cos(sympy.pi / 7), sympy.sqrt(2)
    a = PauliSum(2, {"XZ": c, "YY": s * DELTA})
    # (c XZ + s D YY)^2 = c^2 + 2 D^2 + c s D {XZ, YY}; (XZ)(YY) = (XY)(ZY) = (iZ)(-iX) = ZX
    # and (YY)(XZ) = (-iZ)(iX) = ZX, so the cross term is 2 c s D ZX.
    sq = a * a
    assert sq.domain.is_PolynomialRing and sq.domain.domain.is_AlgebraicField
    assert set(sq.labelled_terms()) == {"II", "ZX"}
    assert is_exact_zero(sq.trace_normalized() - c**2 - 2 * DELTA**2)
    assert is_exact_zero(sq.coefficient("ZX") - 2 * c * s * DELTA)
    assert not is_exact_zero(sq.coefficient("ZX"))
    assert is_exact_zero(hs_inner(a, a) - c**2 - 2 * DELTA**2)


def test_cos_pi_over_5_is_reduced_exactly():
    c = sympy.cos(sympy.pi / 5)  # (1 + sqrt 5)/4: c^2 = c/2 + 1/4
    a = PauliSum(1, {"X": c})
    assert a * a - c / 2 == sympy.Rational(1, 4)


def test_labels_round_trip_and_site_order():
    assert label_of(*parse_label("XYZI"), 4) == "XYZI"
    assert parse_label("XI") == (1, 0)  # bit j <-> site j
    assert from_labels("Z", start=2, n=3) == sigma("z", 2, 3)
    assert from_labels("+-", start=1, n=3) == sigma("+", 1, 3) * sigma("-", 2, 3)
    assert site_product({0: "x", 2: "y"}, 3) == PauliSum(3, {"XIY": 1})


def test_shift_and_periodic_local_sum():
    h = PauliSum(2, {"XX": 1, "YY": 1, "ZZ": DELTA})
    ring = local_sum(h, 5, periodic=True)
    assert ring.shift(1) == ring and ring.shift(-3) == ring
    assert len(ring) == 15
    chain = local_sum(h, 5, periodic=False)
    assert len(chain) == 12 and chain.shift(1) != chain
    assert from_labels("X", start=4, n=5).shift(1) == sigma("x", 0, 5)  # wraps
    with pytest.raises(ParameterError, match="'k'"):
        from_labels("X", start=4, n=5).shift(1, periodic=False)
    assert from_labels("ZX", start=4, n=5, periodic=True) == site_product({4: "z", 0: "x"}, 5)


def test_trace_support_and_subs():
    a = PauliSum(4, {"IIII": 3, "IXZI": DELTA})
    assert a.trace_normalized() == 3
    assert a.support() == (1, 2) and a.max_weight() == 2
    b = a.subs(DELTA, sympy.Rational(1, 2))
    assert b.domain == sympy.QQ and b.coefficient("IXZI") == sympy.Rational(1, 2)
    assert a.free_symbols == {DELTA} and not b.free_symbols
    assert (a * DELTA - a * DELTA).is_zero()
    assert (a - DELTA * from_labels("XZ", start=1, n=4)).simplify().domain == sympy.QQ


def test_sum_all_equals_repeated_addition():
    ops = [PauliSum(2, {"XZ": DELTA}), sigma("+", 1, 2), PauliSum(2, {"XZ": -DELTA, "YY": 1})]
    assert sum_all(ops) == ops[0] + ops[1] + ops[2]
    assert sum_all([], 2).is_zero()
    with pytest.raises(ParameterError, match="'n'"):
        sum_all([])


def test_bad_input_is_refused():
    with pytest.raises(TypeError, match="exact"):
        PauliSum(1, {"X": 0.5})
    with pytest.raises(TypeError, match="exact"):
        sigma("x", 0, 2) * 0.5
    with pytest.raises(ParameterError, match="'label'"):
        sigma("w", 0, 2)
    with pytest.raises(ParameterError, match="'j'"):
        sigma("x", 2, 2)
    with pytest.raises(ParameterError, match="different numbers of sites"):
        sigma("x", 0, 2) + sigma("x", 0, 3)
    with pytest.raises(ParameterError, match="'subs'"):
        PauliSum(1, {"Z": DELTA}).to_sparse()
    with pytest.raises(AttributeError):
        sigma("x", 0, 2).n = 3


def test_immutability_of_terms_view():
    a = sigma("x", 0, 2)
    with pytest.raises(TypeError):
        a.terms[(0, 0)] = 1


# -------------------------------------------------------- property tests
ZERO = PauliSum(N)
PIN_A = PauliSum(N, {"XYZ": 1 + I, "ZZI": DELTA})
PIN_B = PauliSum(N, {"YXI": sympy.Rational(1, 2), "ZII": -I})


@given(pauli_sums(), pauli_sums(), pauli_sums())
@example(PIN_A, PIN_B, sigma("+", 0, N))
@example(ZERO, PIN_A, PIN_B)
def test_associativity(a, b, c):
    assert (a * b) * c == a * (b * c)


@given(pauli_sums(), pauli_sums(), pauli_sums())
@example(PIN_A, PIN_B, PIN_B)
def test_distributivity(a, b, c):
    assert a * (b + c) == a * b + a * c
    assert (b + c) * a == b * a + c * a


@given(pauli_sums(), pauli_sums())
@example(PIN_A, PIN_B)
@example(sigma("+", 1, N), sigma("-", 1, N))
def test_adjoint_of_product_and_commutators(a, b):
    assert (a * b).adjoint() == b.adjoint() * a.adjoint()
    assert commutator(a, b) == a * b - b * a
    assert anticommutator(a, b) == a * b + b * a
    assert a.dag().dag() == a


@given(pauli_sums())
@example(PIN_A)
@example(ZERO)
def test_hs_inner_is_positive_definite(a):
    norm = sympy.expand(hs_inner(a, a))
    # |c|^2 summed: a sum of squares of real polynomials in Delta; check it at Delta = 0, 1, 7/3
    for value in (0, 1, sympy.Rational(7, 3)):
        v = norm.subs(DELTA, value)
        assert v.is_real and v >= 0
        assert (v == 0) == a.subs(DELTA, value).is_zero()
    # (A, A) = 2^-n tr(A^† A) computed through the product
    assert sympy.expand(norm - (a.adjoint() * a).trace_normalized()) == 0


# ----------------------------------------------------------- matrices
@pytest.mark.parametrize("label", ["x", "y", "z", "+", "-"])
@pytest.mark.parametrize("j", range(4))
def test_to_sparse_matches_sparse_module(label, j):
    reference = sparse.site_operator({"x": "X", "y": "Y", "z": "Z"}.get(label, label), j, 4)
    diff = sigma(label, j, 4).to_sparse() - reference
    assert abs(diff).max() == 0.0  # exactly equal: entries are 0, ±1, ±i, 1/2-free


@given(pauli_sums(n=3, max_terms=6), pauli_sums(n=3, max_terms=6))
@example(PIN_A, PIN_B)
def test_to_sparse_agrees_with_dense_reference_and_products(a, b):
    values = {DELTA: sympy.Rational(3, 7)}
    ma, mb = a.to_sparse(values).toarray(), b.to_sparse(values).toarray()
    np.testing.assert_allclose(ma, dense_reference(a, values), atol=1e-13)
    np.testing.assert_allclose((a * b).to_sparse(values).toarray(), ma @ mb, atol=1e-12)
    np.testing.assert_allclose(a.adjoint().to_sparse(values).toarray(), ma.conj().T, atol=1e-13)
    hs = complex(sympy.N(hs_inner(a, b).subs(values)))
    assert abs(hs - np.trace(ma.conj().T @ mb) / 8) < 1e-12


# --------------------------------------------------------------- physics
def xxz_open(n: int) -> PauliSum:
    density = from_labels("XX") + from_labels("YY") + DELTA * from_labels("ZZ")
    return local_sum(density, n, periodic=False)


@pytest.mark.parametrize("n", [2, 3, 5, 8])
def test_xxz_conserves_total_sz_for_symbolic_delta(n):
    h = xxz_open(n)
    sz = sum_all((sigma("z", j, n) for j in range(n)), n)
    assert h.domain.is_PolynomialRing and h.domain.symbols == (DELTA,)
    assert commutator(h, sz).is_zero()
    # S^x is conserved only at the isotropic point Delta = 1 (SU(2)): the check can fail
    sx = sum_all((sigma("x", j, n) for j in range(n)), n)
    assert not commutator(h, sx).is_zero()
    assert commutator(h.subs(DELTA, 1), sx).is_zero()


def test_xxz_matches_model_module_matrix():
    from symness.models.xxz_boundary_driven import hamiltonian

    h = xxz_open(4).to_sparse({DELTA: sympy.Rational(1, 3)})
    assert abs(h - hamiltonian(4, Fraction(1, 3))).max() < 1e-14
