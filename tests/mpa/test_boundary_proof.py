"""The theorem for every n: mutations of the edge identities of (12) and of (a'), (b').

The unaltered identities are the claims ``prosen2011.theorem.*_all_n``."""

import sympy as sp

from symness.mpa.algebra.boundary_proof import boundary_identities, reduction_identities, split_form


def test_edge_identities_fail_at_a_wrong_anisotropy():
    # mutation: Delta = cos(2 lam) in H instead of cos(lam) (the matrices (11) stay at lam)
    lam = sp.Symbol("lambda")
    assert not all(boundary_identities("left", delta=sp.cos(2 * lam)).values())
    assert not all(boundary_identities("right", delta=2 * sp.cos(lam)).values())


def test_reduction_needs_the_letters_allowed_by_14():
    # reference: the paper's proof of the second order; mutation: s- on site 1 (forbidden
    # by <L|A- = 0 in (14)) violates (a')
    assert all(reduction_identities().values())
    assert not all(reduction_identities(first=("-",), last=()).values())
    assert split_form()
