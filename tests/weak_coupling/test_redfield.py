import math

import numpy as np
import pytest

from symness.validation import ParameterError
from symness.weak_coupling import redfield as rf
from symness.weak_coupling.chain import full_liouvillian, tilted_ising_chain


def test_spectrum_obeys_kms_b8():
    # (B8): Phi~(-w) = Phi~(w) e^{beta w}; c = (Phi~(2h) + Phi~(-2h))/2 = g, d = Phi~(0) = g
    w, beta, g = np.linspace(-3, 3, 13), 0.7, 1.3
    assert np.allclose(rf.spectrum(-w, beta, g), rf.spectrum(w, beta, g) * np.exp(beta * w),
                       rtol=1e-14)
    assert rf.spectrum(0.0, beta, g) == pytest.approx(g)
    assert (rf.spectrum(2.0, beta, g) + rf.spectrum(-2.0, beta, g)) / 2 == pytest.approx(g)


def test_local_redfield_generator_is_the_papers_16():
    # two constructions of (16): column-by-column bath map here, sparse Kronecker in chain.py
    chain = tilted_ising_chain(3, math.pi / 3)
    for lam in (0.0, 0.05):
        dense = rf.redfield_liouvillian(chain, lam, local=True)
        assert np.abs(dense - full_liouvillian(chain, lam).toarray()).max() < 1e-14


def test_redfield_state_is_a_density_matrix():
    rho = rf.redfield_steady_state(tilted_ising_chain(2, math.pi / 4), 0.01)
    assert np.trace(rho) == pytest.approx(1.0, abs=1e-12)
    assert np.linalg.eigvalsh(rho).min() > 0


def test_bad_input():
    with pytest.raises(ParameterError, match="'n'"):
        rf.redfield_steady_state(tilted_ising_chain(6, 0.3), 0.01)
    with pytest.raises(ParameterError, match="'lam'"):
        rf.redfield_steady_state(tilted_ising_chain(2, 0.3), -0.01)
    with pytest.raises(ParameterError, match="'c'"):
        rf.redfield_s(tilted_ising_chain(2, 0.3, c=2.0, d=1.0), 0.01)
