"""Local-observable-preserving truncation (White et al. 2018) in the Pauli-basis MPS.

Reference: the full coefficient tensor of the state before the truncation, contracted
densely; the preserved quantities are its coefficients with identities on all sites right
of the bond's second site (operators supported on sites <= l+1) or left of its first site.
"""

import numpy as np
import pytest

from symness.mps import tebd
from symness.mps.mps import PauliMPS


def _state(rng, dims=(1, 4, 16, 24, 16, 4, 1)):
    tensors = []
    for a, b in zip(dims[:-1], dims[1:]):
        t = 0.3 * rng.normal(size=(a, 4, b))
        t[:, 0, :] += np.eye(a, b)                       # identity component dominant
        tensors.append(t)
    return PauliMPS(tensors=tensors, center=2)


@pytest.mark.parametrize("update", ["svd", "qr"])
@pytest.mark.parametrize("absorb_right", [True, False])
def test_truncation_keeps_every_operator_on_either_side_of_the_bond(update, absorb_right):
    rng = np.random.default_rng(5)
    mps = _state(rng)
    bond = 2
    theta = np.tensordot(mps.tensors[bond], mps.tensors[bond + 1], axes=(2, 0))
    before = mps.coefficients()
    traces = tebd._partial_traces(mps, bond)
    guess = mps.tensors[bond + 1] if absorb_right else mps.tensors[bond]
    chi = 16                                                  # theta has rank 64: truncated
    out = {}
    for local in (True, False):
        trunc = tebd.Truncation(chi=chi, trunc_weight=0.0, update=update, preserve_local=local)
        left, right, disc = tebd._split(theta, trunc, absorb_right, guess, traces)
        assert left.shape[2] <= chi
        tensors = list(mps.tensors)
        tensors[bond], tensors[bond + 1] = left, right
        after = PauliMPS(tensors).coefficients()
        approx = np.tensordot(left, right, axes=(2, 0))
        err = np.linalg.norm(approx - theta) ** 2 / np.linalg.norm(theta) ** 2
        assert disc == pytest.approx(err, rel=1e-8)          # reported = true discarded weight
        out[local] = (before, after, err)
    before, after, err = out[True]
    scale = np.abs(before).max()
    # operators on sites 0..3 (identity on 4, 5) and on sites 2..5 (identity on 0, 1)
    assert np.abs(after[..., 0, 0] - before[..., 0, 0]).max() < 1e-12 * scale
    assert np.abs(after[0, 0] - before[0, 0]).max() < 1e-12 * scale
    assert err > 1e-3                                        # a real truncation happened
    _, plain, _ = out[False]                                 # the plain rule changes them
    assert np.abs(plain[..., 0, 0] - before[..., 0, 0]).max() > 1e-6 * scale


def test_chi_below_16_is_refused_for_the_local_rule():
    with pytest.raises(ValueError, match="chi"):
        tebd.Truncation(chi=8, preserve_local=True)
