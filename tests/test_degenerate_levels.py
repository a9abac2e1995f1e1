"""``perturbation.degenerate.degenerate_levels`` against a brute-force grouping."""

import numpy as np
import pytest

from symness.perturbation.degenerate import degenerate_levels


def _brute_force(energies, tol, sectors):
    """Independent grouping: union of every pair chained by gaps <= tol (O(d^2) closure)."""
    d = len(energies)
    parent = list(range(d))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(d):
        for j in range(d):
            if sectors[i] != sectors[j]:
                continue
            lo, hi = sorted((energies[i], energies[j]))
            between = [e for e, s in zip(energies, sectors) if s == sectors[i] and lo <= e <= hi]
            if np.all(np.diff(np.sort(between)) <= tol):
                parent[find(i)] = find(j)
    return {frozenset(k for k in range(d) if find(k) == r) for r in set(map(find, range(d)))}


@pytest.mark.parametrize("seed", range(5))
def test_levels_match_a_brute_force_closure(seed):
    rng = np.random.default_rng(seed)
    base = rng.choice(np.arange(8.0), size=30)            # planted degeneracies
    energies = base + rng.uniform(-1e-12, 1e-12, size=30)  # round-off splitting
    sectors = rng.integers(0, 3, size=30)
    levels = degenerate_levels(energies, 1e-9, sectors=sectors)
    assert {frozenset(g.tolist()) for g in levels.groups()} == _brute_force(energies, 1e-9,
                                                                             sectors)
    assert levels.spread < 3e-12 and levels.gap >= 1.0 - 3e-12


def test_a_chain_of_small_gaps_is_one_level_and_the_gap_is_reported():
    levels = degenerate_levels([0.0, 0.6e-9, 1.2e-9, 0.5], 1e-9)
    assert levels.count == 2 and levels.spread == pytest.approx(1.2e-9)
    assert levels.gap == pytest.approx(0.5 - 1.2e-9)
