"""Cross-check of (17) against the refined Lindblad NESS (symness.mpa.exact_ness.lindblad_check)."""

import numpy as np

from symness.mpa.exact_ness.eps_expansion import second_order
from symness.mpa.exact_ness.lindblad_check import cross_check


def test_refined_lindblad_limit_matches_eq17_at_delta2():
    # reference: (17) from the transfer matrices (mpmath); order 2 from the evenness in eps
    r = cross_check(5, 2, 1, levels=3)
    assert r.error_m < 1e-8 and r.error_c < 1e-8  # Richardson remainder O(eps^4) ~ 1e-8
    assert abs(r.order - 2) < 0.01
    assert r.contraction < 1e-3 and r.residual < 1e-28


def test_refined_lindblad_limit_matches_eps_expansion_where_float64_fails():
    # reference: the eps-expansion (7) solved in the eigenbasis of H (independent of the
    # Lindblad solver and of the MPA); Delta = 2, n = 7: S = 6e7, g = 7e-5, where the plain
    # float64 solve was off by 2e-3 in C (tables/prosen2011_lindblad_check, before refinement)
    n, delta, mu = 7, 2, 0.3
    r = cross_check(n, delta, mu, levels=3, eps0=0.01 / 16)
    ref = second_order(n, delta, mu, singular_values=False)
    off = ~np.eye(n, dtype=bool)
    err_m = np.max(np.abs(r.magnetization - ref.magnetization)) / np.max(np.abs(ref.magnetization))
    err_c = (np.max(np.abs(r.correlation[off] - ref.correlation[off]))
             / np.max(np.abs(ref.correlation[off])))
    assert err_m < 1e-9 and err_c < 1e-9
