"""The sparse Liouvillian against a naive dense reference written here from the definition.

Reference: for every matrix unit E_ab the image L(E_ab) is computed with plain
matrix products from dL/dt = -i[H, rho] + w sum_k (L rho L^† - (1/2){L^†L, rho}),
and stored as column a*d + b (row-major vectorisation, as documented in
symness.lindblad.liouvillian).  Nothing from the library is used to build it.
"""

import numpy as np
import pytest

from symness.lindblad.liouvillian import apply_liouvillian, liouvillian
from symness.validation import ParameterError

WEIGHTS = {"prosen": 2.0, "standard": 1.0}  # Prosen (2011) eq. (1) vs GKSL


def reference_liouvillian(h, jumps, weight):
    d = h.shape[0]
    out = np.zeros((d * d, d * d), dtype=complex)
    for a in range(d):
        for b in range(d):
            e = np.zeros((d, d), dtype=complex)
            e[a, b] = 1.0
            image = -1j * (h @ e - e @ h)
            for op in jumps:
                dag = op.conj().T
                image += weight * (op @ e @ dag - 0.5 * (dag @ op @ e + e @ dag @ op))
            for c in range(d):
                for f in range(d):
                    out[c * d + f, a * d + b] = image[c, f]
    return out


def random_problem(rng, d, n_jumps):
    x = rng.normal(size=(d, d)) + 1j * rng.normal(size=(d, d))
    h = x + x.conj().T
    jumps = [rng.normal(size=(d, d)) + 1j * rng.normal(size=(d, d)) for _ in range(n_jumps)]
    return h, jumps


@pytest.mark.parametrize("dissipator", sorted(WEIGHTS))
@pytest.mark.parametrize("d,n_jumps,seed", [(2, 1, 0), (3, 2, 1), (4, 3, 2), (5, 0, 3)])
def test_liouvillian_matches_naive_reference(dissipator, d, n_jumps, seed):
    h, jumps = random_problem(np.random.default_rng(seed), d, n_jumps)
    expected = reference_liouvillian(h, jumps, WEIGHTS[dissipator])
    error = np.abs(liouvillian(h, jumps, dissipator=dissipator).toarray() - expected).max()
    print(f"max |L - L_ref| = {error:.1e}")
    assert error < 1e-12 * max(1.0, np.abs(expected).max())


@pytest.mark.parametrize("dissipator", sorted(WEIGHTS))
def test_apply_liouvillian_matches_naive_reference(dissipator):
    rng = np.random.default_rng(7)
    h, jumps = random_problem(rng, 4, 2)
    rho = rng.normal(size=(4, 4)) + 1j * rng.normal(size=(4, 4))
    expected = (reference_liouvillian(h, jumps, WEIGHTS[dissipator]) @ rho.reshape(-1))
    got = apply_liouvillian(h, jumps, rho, dissipator=dissipator).reshape(-1)
    assert np.abs(got - expected).max() < 1e-12 * np.abs(expected).max()


def test_trace_preservation():
    # d/dt tr(rho) = 0 for any rho: vec(1)^T L = 0 (a property of the definition).
    h, jumps = random_problem(np.random.default_rng(3), 3, 2)
    gen = liouvillian(h, jumps, dissipator="prosen").toarray()
    assert np.abs(np.eye(3).reshape(-1) @ gen).max() < 1e-12 * np.abs(gen).max()


def test_dissipator_must_be_named():
    with pytest.raises(TypeError):
        liouvillian(np.eye(2), [])  # keyword-only and required
    with pytest.raises(ParameterError, match="'dissipator'"):
        liouvillian(np.eye(2), [], dissipator="lindblad")


@pytest.mark.peers
def test_matches_qutip_liouvillian_up_to_vectorisation():
    qutip = pytest.importorskip("qutip")
    h, jumps = random_problem(np.random.default_rng(11), 4, 2)
    ours = liouvillian(h, jumps, dissipator="standard").toarray()
    theirs = qutip.liouvillian(qutip.Qobj(h), [qutip.Qobj(a) for a in jumps]).full()
    # qutip stacks columns: vec_col(rho) = vec_row(rho^T); P maps row-major to column-major.
    d = 4
    perm = np.array([b * d + a for a in range(d) for b in range(d)])
    assert np.abs(ours - theirs[np.ix_(perm, perm)]).max() < 1e-12 * np.abs(ours).max()
