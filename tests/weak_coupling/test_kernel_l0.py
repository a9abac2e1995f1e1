from math import comb

from symness.weak_coupling import kernel_l0 as k0


def test_kernel_dimension_is_central_binomial():
    # dim Ker L0 = sum_k C(n, k)^2 = C(2n, n) (Vandermonde), e.g. 6 for n = 2 (text before (74))
    for n in range(1, 7):
        assert len(k0.kernel_units(n)) == comb(2 * n, n)


def test_mask_superoperator_is_a_projector():
    m = k0.mask_superoperator(2)
    assert m * m == m and m.rank() == 6


def test_far_projection_counts_cases():
    # N = 4: m = 0 with pair (2, 3) and m = 2 with pair (0, 1); 9 Pauli products, 256 units
    cases, bad = k0.far_projection_124(4)
    assert (cases, bad) == (2 * 9 * 256, 0)
