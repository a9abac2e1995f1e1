"""Double-double arithmetic and the iteratively refined steady state.

References: exact rational arithmetic (fractions.Fraction, python-flint
fmpq_mat) on the very same float64 inputs, i.e. an independent exact solve of
the same Liouvillian restricted to the U(1) block.
"""

from fractions import Fraction

import flint
import numpy as np
import pytest
import scipy.sparse as sp

from symness.lindblad.double_double import CDD, SparseRows, dd_add, sparse_times, two_prod, two_sum
from symness.lindblad.refinement import liouvillian_dd, refined_steady_state
from symness.lindblad.sectors import detect_sectors
from symness.lindblad.steady_state import SteadyStateError, steady_state
from symness.models.xxz_boundary_driven import (
    DISSIPATOR,
    XXZDrive,
    hamiltonian,
    jump_operators,
    magnetization_operators,
)
from symness.operators.sparse import number_of_up_spins, sigma_x
from symness.validation import ParameterError


def exact(x) -> Fraction:
    return Fraction(float(x))


def test_error_free_transformations_are_exact():
    # reference: the same sums and products in exact rational arithmetic
    rng = np.random.default_rng(0)
    a = rng.normal(size=200) * 10.0 ** rng.integers(-30, 30, size=200)
    b = rng.normal(size=200) * 10.0 ** rng.integers(-30, 30, size=200)
    s, e = two_sum(a, b)
    p, f = two_prod(a, b)
    for i in range(200):
        assert exact(s[i]) + exact(e[i]) == exact(a[i]) + exact(b[i])
        assert exact(p[i]) + exact(f[i]) == exact(a[i]) * exact(b[i])


def test_dd_add_and_sparse_times_reach_double_double_accuracy():
    # reference: exact rational matrix product of the float64 inputs
    rng = np.random.default_rng(1)
    a = sp.random(12, 12, density=0.4, random_state=2, format="csr") * 3.7
    xh = rng.normal(size=(12, 5))
    xl = xh * rng.normal(size=(12, 5)) * 2.0**-60
    xh, xl = dd_add(xh, xl, np.zeros_like(xh), np.zeros_like(xh))  # normalise
    x = CDD(xh, xl, -xh / 3, -xl / 3)
    y = sparse_times(SparseRows.of(a), x)
    dense = a.toarray()
    worst = 0.0
    for i in range(12):
        for j in range(5):
            for part, hi, lo, yh, yl in ((1, xh, xl, y.re_hi, y.re_lo),
                                          (-1, -xh / 3, -xl / 3, y.im_hi, y.im_lo)):
                ref = sum(exact(dense[i, k]) * (exact(hi[k, j]) + exact(lo[k, j]))
                          for k in range(12))
                got = exact(yh[i, j]) + exact(yl[i, j])
                scale = sum(abs(exact(dense[i, k]) * exact(hi[k, j])) for k in range(12))
                if scale:
                    worst = max(worst, float(abs(got - ref) / scale))
    assert worst < 1e-30  # a few u_dd ~ 5e-32 per term


def _model(n, delta, mu, eps):
    return hamiltonian(n, delta), jump_operators(XXZDrive(n, delta, mu, eps))


def _exact_block_steady_state(h, jumps, n):
    """NESS of the same generator in exact rationals: L restricted to the U(1) block, flint."""
    ups = number_of_up_spins(n)
    pairs = [(a, b) for a in range(2**n) for b in range(2**n) if ups[a] == ups[b]]
    pos = {p: i for i, p in enumerate(pairs)}
    size = len(pairs)

    def fr(m):
        d = m.toarray()
        assert not np.any(d.imag)  # Prosen's chain is real
        return [[exact(v) for v in row] for row in d.real]

    hq, lq = fr(h), [fr(a) for a in jumps]
    dim = 2**n
    gq = [[sum(lk[c][a] * lk[c][b] for lk in lq for c in range(dim)) for b in range(dim)]
          for a in range(dim)]
    # real superoperators on the block: D (dissipator, w = 2) and C = [H, .]
    d_mat = [[Fraction(0)] * size for _ in range(size)]
    c_mat = [[Fraction(0)] * size for _ in range(size)]
    for col, (c, d) in enumerate(pairs):  # image of the unit matrix E_cd
        for a in range(dim):
            for lk in lq:
                if lk[a][c]:
                    for b in range(dim):
                        if lk[b][d] and (a, b) in pos:
                            d_mat[pos[(a, b)]][col] += 2 * lk[a][c] * lk[b][d]
            if (a, d) in pos:
                d_mat[pos[(a, d)]][col] -= gq[a][c]
                c_mat[pos[(a, d)]][col] += hq[a][c]
        for b in range(dim):
            if (c, b) in pos:
                d_mat[pos[(c, b)]][col] -= gq[d][b]
                c_mat[pos[(c, b)]][col] -= hq[d][b]
    # X = R + i I: L(X) = [D R + C I] + i [D I - C R]
    big = [d_mat[i] + c_mat[i] for i in range(size)] + \
          [[-v for v in c_mat[i]] + d_mat[i] for i in range(size)]
    # the two real dependencies (Re tr, Im tr of L(X) vanish) -> tr X = 1
    trace = [Fraction(1) if c == d else Fraction(0) for c, d in pairs]
    big[0] = trace + [Fraction(0)] * size
    big[size] = [Fraction(0)] * size + trace
    rhs = [Fraction(1)] + [Fraction(0)] * (2 * size - 1)
    m = flint.fmpq_mat(2 * size, 2 * size, [flint.fmpq(v.numerator, v.denominator)
                                            for row in big for v in row])
    sol = m.solve(flint.fmpq_mat(2 * size, 1, [flint.fmpq(v.numerator, v.denominator)
                                               for v in rhs]))
    value = [Fraction(int(sol[i, 0].p), int(sol[i, 0].q)) for i in range(2 * size)]
    return {p: (value[i], value[size + i]) for i, p in enumerate(pairs)}


@pytest.mark.parametrize("n,eps,inner", [(3, 1e-9, "sector"), (3, 1e-9, "eigenbasis"),
                                         (4, 1e-7, "sector")])
def test_refined_state_equals_exact_rational_solve_and_beats_float64(n, eps, inner):
    # reference: exact rational steady state of the same (binary) generator
    h, jumps = _model(n, 2, 0.3, eps)
    ref = _exact_block_steady_state(h, jumps, n)
    refined = refined_steady_state(h, jumps, dissipator=DISSIPATOR, inner=inner)
    plain = steady_state(h, jumps, dissipator=DISSIPATOR)
    sectors = refined.sectors
    trace = sum(Fraction(float(b.re_hi[i, i])) + Fraction(float(b.re_lo[i, i]))
                for b in refined.blocks for i in range(b.re_hi.shape[0]))
    worst = Fraction(0)
    for idx, blk in zip(sectors.index, refined.blocks):
        for i, a in enumerate(idx):
            for j, b in enumerate(idx):
                got = (exact(blk.re_hi[i, j]) + exact(blk.re_lo[i, j])) / trace
                worst = max(worst, abs(got - ref[(a, b)][0]))
                got = (exact(blk.im_hi[i, j]) + exact(blk.im_lo[i, j])) / trace
                worst = max(worst, abs(got - ref[(a, b)][1]))
    assert float(worst) * 2**n < 1e-26
    d = magnetization_operators(n)[0].diagonal().real  # <sz_1> ~ eps^2 M_1 (17), nonzero
    true = float(sum(exact(d[a]) * ref[(a, a)][0] for a in range(2**n)))
    err_refined = abs(refined.expect_diagonal(d) - true)
    err_plain = abs(float(d @ np.real(np.diag(plain.rho))) - true) / abs(true)
    # the state is resolved to the double-double unit u_dd = 2^-104 of tr rho = 1, so the
    # absolute error of <sz_1> (~1e-18 here) is bounded by u_dd, not by u_dd |<sz_1>|: measured
    # 9.6e-35 (n = 3, sector), 1.5e-33 (n = 3, eigenbasis: relative 4.1e-15, LAPACK-dependent)
    assert err_refined <= 2.0**-104
    assert err_plain > 1e-3  # measured 7e2 (n = 3), 4e-3 (n = 4): float64 alone loses it
    assert refined.residuals[-1] < 1e-28
    assert all(c < 1e-3 for c in refined.contraction[:2])


def test_liouvillian_dd_annihilates_the_exact_steady_state_only():
    # reference: the exact rational NESS (residual ~ u_dd) vs a perturbed state (residual ~ eps)
    n = 3
    h, jumps = _model(n, 2, 1, 0.25)
    ref = _exact_block_steady_state(h, jumps, n)
    sectors = detect_sectors(h, jumps)
    blocks = []
    for idx in sectors.index:
        re = [[ref[(a, b)][0] for b in idx] for a in idx]
        im = [[ref[(a, b)][1] for b in idx] for a in idx]
        hi = np.array([[float(v) for v in row] for row in re])
        lo = np.array([[float(v - Fraction(float(v))) for v in row] for row in re])
        ihi = np.array([[float(v) for v in row] for row in im])
        ilo = np.array([[float(v - Fraction(float(v))) for v in row] for row in im])
        blocks.append(CDD(hi, lo, ihi, ilo))
    res = liouvillian_dd(sectors, 2.0, blocks)
    assert max(r.frobenius() for r in res) < 1e-30
    blocks[1] = blocks[1] + CDD.from_complex(1e-6 * np.eye(3))
    assert max(r.frobenius() for r in liouvillian_dd(sectors, 2.0, blocks)) > 1e-8


def test_eigenbasis_inner_solver_agrees_with_sector_inner_solver():
    # reference: the other inner solver; both refine the same double-double residual
    h, jumps = _model(6, 2, 0.3, 1e-8)
    a = refined_steady_state(h, jumps, dissipator=DISSIPATOR, inner="sector")
    b = refined_steady_state(h, jumps, dissipator=DISSIPATOR, inner="eigenbasis")
    for d in (o.diagonal().real for o in magnetization_operators(6)):
        assert abs(a.expect_diagonal(d) - b.expect_diagonal(d)) <= 1e-14 * abs(a.expect_diagonal(d))


def test_failures_raise():
    h, jumps = _model(4, 2, 0.3, 1e-9)
    with pytest.raises(SteadyStateError, match="after 1 steps"):
        refined_steady_state(h, jumps, dissipator=DISSIPATOR, max_steps=1)
    with pytest.raises(ParameterError, match="magnetisation"):
        refined_steady_state(h, [sigma_x(0, 4)], dissipator=DISSIPATOR)
    with pytest.raises(ParameterError, match="inner"):
        refined_steady_state(h, jumps, dissipator=DISSIPATOR, inner="lu")
