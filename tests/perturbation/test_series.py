import math

import numpy as np
import pytest
import scipy.sparse as sp
import sympy

from symness.lindblad.liouvillian import liouvillian
from symness.models import transverse_ising
from symness.perturbation.kernel import KernelError
from symness.perturbation.series import DegenerateSeries, NonDegeneracyError
from symness.weak_coupling.chain import (
    WeakCouplingChain,
    pieces,
    steady_state_at,
    tilted_ising_chain,
)


@pytest.fixture(scope="module")
def engine3():
    return DegenerateSeries(pieces(tilted_ising_chain(3, math.pi / 4)))


def test_qubit_decay_closed_form():
    # L0 = -i[sz,.], L1 = -i[0.3 sz,.], L2 = amplitude damping: steady state |down><down|
    sz, sm = np.diag([1.0, -1.0]), np.array([[0, 0], [1.0, 0]])
    ps = [liouvillian(sz, [], dissipator="standard"),
          liouvillian(0.3 * sz, [], dissipator="standard"),
          liouvillian(0 * sz, [sm], dissipator="standard")]
    rho = DegenerateSeries(ps).order(0).reshape(2, 2)
    assert np.allclose(rho, np.diag([0.0, 1.0]), atol=1e-14)


def test_projector_algebra(engine3):
    p0, p1, q0, q1 = (engine3.projector(w).toarray() for w in ("P0", "P1", "Q0", "Q1"))
    l0, l1 = (engine3.pieces[i].toarray() for i in (0, 1))
    eye = np.eye(len(p0))
    checks = {
        "P0^2": np.abs(p0 @ p0 - p0).max(), "P1^2": np.abs(p1 @ p1 - p1).max(),
        "P0 L0, L0 P0 (30)": max(np.abs(p0 @ l0).max(), np.abs(l0 @ p0).max()),
        "P1 P0 = P1": np.abs(p1 @ p0 - p1).max(),
        "1 = Q0 + Q1 + P1 (37)": np.abs(q0 + q1 + p1 - eye).max(),
        "P1 L1 P0 = 0 (42)": np.abs(p1 @ l1 @ p0).max(),
        "Q1 L0 = 0": np.abs(q1 @ l0).max(),
    }
    print(checks)
    assert max(checks.values()) < 1e-12


def test_reduced_inverses(engine3):
    rng = np.random.default_rng(2)
    x = rng.normal(size=engine3.dim) + 1j * rng.normal(size=engine3.dim)
    q0, q1 = engine3.projector("Q0"), engine3.projector("Q1")
    l0, l1 = engine3.pieces[0], engine3.pieces[1]
    g0 = engine3.g0(x)
    g1 = engine3.g1(x)
    assert np.abs(l0 @ g0 - q0 @ x).max() < 1e-12          # Q0 L0 Q0 G0 x = Q0 x
    assert np.abs(q0 @ g0 - g0).max() < 1e-12              # G0 maps into Im Q0 (40)
    assert np.abs(q1 @ (l1 @ g1) - q1 @ x).max() < 1e-12   # Q1 L1 Q1 G1 x = Q1 x
    assert np.abs(q1 @ g1 - g1).max() < 1e-12


def test_each_order_solves_the_order_equation(engine3):
    # eq. (49): sum_n L_n rho_{m-n} = 0 for every m, and the trace conditions (63)
    rho = [engine3.order(m) for m in range(4)]
    for m in range(4):
        lhs = sum(engine3.pieces[n] @ rho[m - n] for n in range(min(m, 2) + 1))
        print(m, np.abs(lhs).max())
        assert np.abs(lhs).max() < 1e-10
    traces = [complex(engine3.trace @ r) for r in rho]
    assert abs(traces[0] - 1) < 1e-14 and max(abs(t) for t in traces[1:]) < 1e-12


def test_series_against_full_liouvillian_at_small_lambda(engine3):
    chain = tilted_ising_chain(3, math.pi / 4)
    exact = steady_state_at(chain, 1e-3)
    err = np.abs(engine3.series(2, 1e-3).reshape(8, 8) - exact).max()
    print("m=2 error at lam=1e-3", err)
    assert err < 1e-7


def test_exact_and_numeric_engines_agree_for_two_spins():
    # cos(theta) = 3/5, t_L = 1/2, t_R = 3/4: exact sympy pieces vs float64 pieces
    from symness.weak_coupling import two_spin as ts

    r = sympy.Rational
    subs = {ts.C: r(3, 5), ts.S: r(4, 5), ts.TL: r(1, 2), ts.TR: r(3, 4), ts.CL: 1, ts.CR: 1,
            ts.DL: 1, ts.DR: 1, ts.H: 1}
    ex = DegenerateSeries([p.subs(subs) for p in ts.tilted_ising_engine().pieces], exact=True)
    chain = tilted_ising_chain(2, math.atan2(4, 3), temperature_left=1 / math.atanh(0.5),
                               temperature_right=1 / math.atanh(0.75))
    num = DegenerateSeries(pieces(chain))
    for m in range(2):
        a = np.array(ex.order(m).evalf(), dtype=complex).ravel()
        err = np.abs(a - num.order(m)).max()
        print("order", m, "exact vs float64", err)
        assert err < 1e-12


def test_degenerate_levels_raise_then_effective_converges():
    chain = WeakCouplingChain(n=4, alpha=transverse_ising.coupling_tensor(), theta_b=math.pi / 2)
    with pytest.raises(NonDegeneracyError, match="identity \\(44\\)"):
        DegenerateSeries(pieces(chain)).order(0)
    eff = DegenerateSeries(pieces(chain), degenerate="effective")
    errs = [np.abs(eff.order(0).reshape(16, 16) - steady_state_at(chain, lam)).max()
            for lam in (1e-2, 1e-3)]
    print("effective zeroth order vs full:", errs)
    assert errs[1] < 3e-4 and 5 < errs[0] / errs[1] < 20     # O(lam) convergence


def test_non_unique_steady_state_raises():
    ps = pieces(tilted_ising_chain(2, math.pi / 4))
    with pytest.raises(KernelError, match="not unique"):
        DegenerateSeries([ps[0], ps[1], sp.csr_matrix(ps[2].shape)]).order(0)


def test_input_validation():
    with pytest.raises(ValueError, match="at least"):
        DegenerateSeries([np.eye(4), np.eye(4)])
    with pytest.raises(ValueError, match="shape"):
        DegenerateSeries([np.eye(4), np.eye(4), np.eye(9)])
    with pytest.raises(ValueError, match="degenerate"):
        DegenerateSeries([np.eye(4)] * 3, degenerate="maybe")


def test_two_level_problem_of_paper_000():
    # Prosen's driven XXZ chain: L = L0 + eps L1 with no L2.  Passing L2 = 0 the engine's
    # Ker P0 L1 P0 is one-dimensional and the series converges at orders 1, 2, 3 to the
    # exact null vector (independent: SVD of the full generator).
    from fractions import Fraction

    from symness.models.xxz_boundary_driven import DISSIPATOR, XXZDrive, hamiltonian, jump_operators

    params = XXZDrive(n=3, delta=Fraction(1, 2), mu=Fraction(1, 2), eps=1)
    l0 = liouvillian(hamiltonian(3, params.delta), [], dissipator=DISSIPATOR)
    l1 = liouvillian(0 * hamiltonian(3, params.delta), jump_operators(params),
                     dissipator=DISSIPATOR)
    engine = DegenerateSeries([l0, l1, sp.csr_matrix(l0.shape)])
    assert engine.kernel1.dim == 1
    errors = []
    for eps in (1e-2, 5e-3):
        _, _, vh = np.linalg.svd((l0 + eps * l1).toarray())
        exact = vh[-1].conj() / vh[-1].conj().reshape(8, 8).trace()
        errors.append([np.abs(engine.series(m, eps) - exact).max() for m in range(3)])
    slopes = [math.log2(errors[0][m] / errors[1][m]) for m in range(3)]
    print("slopes", slopes)
    assert all(abs(s - (m + 1)) < 0.1 for m, s in enumerate(slopes))
