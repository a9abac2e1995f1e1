"""Local charges from the boost operator (``tba.lattice_charges``)."""

import itertools
import math
from fractions import Fraction as F

import numpy as np
import pytest

from symness.operators.pauli import commutator
from symness.tba import lattice_charges as lc
from symness.tba.bare import bare_charge
from symness.tba.exact_diag import q2_density
from symness.tba.strings import string_content

_PAULI = {"I": np.eye(2), "X": np.array([[0, 1], [1, 0]]),
          "Y": np.array([[0, -1j], [1j, 0]]), "Z": np.diag([1.0, -1.0])}


@pytest.mark.parametrize("gamma", [F(1, 2), F(1, 3), F(1, 4), F(2, 5)])
def test_one_magnon_eigenvalues_follow_the_paper_recursion(gamma):
    # reference: q_{n,1}(lambda) = -pi sin g (-sin g/2)^{n-1} a_1^{(n-1)} (paper, after (3))
    content = string_content(gamma)
    delta = {F(1, 2): F(0), F(1, 3): F(1, 2)}.get(gamma, content.delta)
    lam = np.array([-1.1, -0.3, 0.05, 0.6, 2.0])
    k = np.angle(np.sinh(lam + 0.5j * content.gamma) / np.sinh(lam - 0.5j * content.gamma))
    for n in range(1, 6):
        got = [lc.one_magnon_eigenvalue(lc.local_charge(n, delta), kk) for kk in k]
        ref = bare_charge(content, lam, n)[0]
        assert np.max(np.abs(np.array(got) - ref)) < 1e-12 * max(1.0, np.max(np.abs(ref)))


def test_second_charge_is_minus_the_energy_current_density():
    # reference: the 3-site matrix -i[h_{x-1,x}, h_{x,x+1}] of exact_diag, Pauli-decomposed
    mat = q2_density(0.5)
    ref = {}
    for letters in itertools.product("IXYZ", repeat=3):
        p = np.kron(np.kron(_PAULI[letters[0]], _PAULI[letters[1]]), _PAULI[letters[2]])
        c = np.trace(p @ mat).real / 8
        if abs(c) > 1e-14:
            ref["".join(letters).strip("I")] = c
    got = lc.local_charge(2, F(1, 2))
    assert set(got) == set(ref)
    assert all(abs(float(got[s]) - ref[s]) < 1e-15 for s in ref)


@pytest.mark.parametrize("delta", [F(0), F(1, 2), F(3, 10)])
def test_charges_commute_with_h_and_each_other_on_a_ring(delta):
    # exact Pauli algebra on a 10-site ring (supports <= 5 sites: no wrap-around artefacts)
    qs = [lc.ring_operator(lc.local_charge(n, delta), 10) for n in range(1, 5)]
    for a, b in itertools.combinations(qs, 2):
        assert commutator(a, b).is_zero()


def test_the_boost_refuses_a_non_conserved_density():
    with pytest.raises(ValueError, match="not conserved"):
        lc.current({"Z": F(1), "XZ": F(1)}, F(1, 2))


def test_initial_state_values_closed_forms():
    # derived by hand: Neel <h> = -Delta/4, Bell pair (|uu> - |dd>)/sqrt2: <h> = Delta/8,
    # singlet: <h> = -(2 + Delta)/8; q_1 = h - Delta/4; odd currents vanish (time reversal)
    for delta in (F(1, 2), F(3, 10), F(0)):
        q1 = lc.local_charge(1, delta)
        assert lc.expectation(q1, lc.NEEL) == -delta / 2
        assert lc.expectation(q1, lc.BELL) == -delta / 8
        assert lc.expectation(q1, lc.SINGLET) == -(2 + delta) / 8 - delta / 4
        for state in (lc.NEEL, lc.BELL, lc.SINGLET):
            assert lc.expectation(lc.local_charge(2, delta), state) == 0
            assert lc.expectation(lc.local_charge(4, delta), state) == 0


def _pair_vector(state: lc.PairProductState, pairs: int, shift: bool) -> np.ndarray:
    amp = {"neel": {"ud": 1.0}, "bell": {"uu": 2**-0.5, "dd": -(2**-0.5)},
           "singlet": {"ud": 2**-0.5, "du": -(2**-0.5)}}[state.name]
    pair = np.zeros(4)
    for spins, a in amp.items():
        pair[2 * (spins[0] == "d") + (spins[1] == "d")] = a
    psi = np.array([1.0])
    for _ in range(pairs):
        psi = np.kron(psi, pair)
    if shift:  # translate by one site: pairs (1, 2), (3, 4), ..., (L-1, 0)
        n = 2 * pairs
        idx = np.arange(2**n)
        rolled = ((idx >> 1) | ((idx & 1) << (n - 1)))
        out = np.zeros_like(psi)
        out[rolled] = psi
        psi = out
    return psi


@pytest.mark.parametrize("state", [lc.NEEL, lc.BELL, lc.SINGLET])
def test_expectations_against_state_vectors_on_a_ring(state):
    # independent: <psi|Q_n|psi>/L with the ring matrix and the explicit state vector, L = 10
    n_sites = 10
    for n in (3, 5):
        q = lc.local_charge(n, F(1, 2))
        op = lc.ring_operator(q, n_sites).to_sparse()
        vals = [(v.conj() @ (op @ v)).real / n_sites
                for v in (_pair_vector(state, n_sites // 2, s) for s in (False, True))]
        assert math.isclose(vals[0], vals[1], abs_tol=1e-13)  # Q_n translation invariant
        assert abs(vals[0] - float(lc.expectation(q, state))) < 1e-13


@pytest.mark.parametrize("state,occupation", [
    (lc.SINGLET, lambda k: 0.5 - 0.5 * np.cos(k)),  # one fermion per pair in (|2j+1> - |2j>)
    (lc.NEEL, lambda k: 0.5 + 0 * k), (lc.BELL, lambda k: 0.5 + 0 * k)])
def test_free_fermion_mode_integrals(state, occupation):
    # independent reference at Delta = 0: Jordan-Wigner fermions (down spin = particle),
    # <Q_n>/L = int dk/2pi eps_n(k) n(k) with n(k) the translation-averaged occupation of the
    # initial state; uniform grid in k is exact for these trigonometric polynomials
    k = 2 * np.pi * np.arange(64) / 64
    for n in range(1, 8):
        q = lc.local_charge(n, F(0))
        eps = np.array([lc.one_magnon_eigenvalue(q, kk) for kk in k]).real
        assert abs(np.mean(eps * occupation(k)) - float(lc.expectation(q, state))) < 1e-14
