"""Independent counts of the conserved |n><m| (Fig. 3 caption)."""

from fractions import Fraction

import numpy as np
import pytest

from symness.models.xxz_ring import XXZRing, hamiltonian
from symness.pump.level_count import exact_level_pair_count, sector_level_counts
from symness.validation import ParameterError


def test_two_site_ring_by_hand():
    # n = 2, Delta = 0: the ring has bonds (0,1) and (1,0), so the hopping is 1;
    # B = 0: levels |uu>, |dd> at 0 and (|ud> +- |du>)/sqrt 2 at +-1 -> 2^2 + 1 + 1 = 6;
    # B = 1: |uu> at -1, |dd> at +1, the S^z = 0 pair at +-1 -> two doublets, 2 * 2^2 = 8
    assert exact_level_pair_count(2, 0, 0) == 6
    assert exact_level_pair_count(2, 0, 1) == 8


def test_exact_equals_dense_diagonalisation_n5():
    # third method: eigvalsh of the full 32 x 32 H0, no sectors
    ring = XXZRing(n=5, delta=0.8, field=-1.0)
    energy = np.sort(np.linalg.eigvalsh(hamiltonian(ring).toarray()))
    sizes = np.diff(np.flatnonzero(np.r_[True, np.diff(energy) > 1e-9, True]))
    assert exact_level_pair_count(5, Fraction(4, 5), -1) == int((sizes**2).sum())


@pytest.mark.parametrize("n", [4, 6, 8])
def test_exact_equals_sector_count(n):
    ring = XXZRing(n=n, delta=0.8, field=-1.0)
    assert exact_level_pair_count(n, Fraction(4, 5), -1) == sector_level_counts(ring)[0]


def test_equal_momentum_count_is_at_most_all_and_at_least_populations():
    ring = XXZRing(n=6, delta=0.8, field=-1.0)
    all_pairs, equal_k = sector_level_counts(ring)
    assert 2**6 <= equal_k < all_pairs


def test_bad_size_is_rejected():
    with pytest.raises(ParameterError, match="'n'"):
        exact_level_pair_count(13, Fraction(4, 5), -1)


def test_sector_count_is_tolerance_independent_at_n8():
    ring = XXZRing(n=8, delta=0.8, field=-1.0)
    counts = {sector_level_counts(ring, tol) for tol in (1e-11, 1e-9, 1e-7)}
    assert len(counts) == 1 and np.all([c[0] % 2 == 0 for c in counts])
