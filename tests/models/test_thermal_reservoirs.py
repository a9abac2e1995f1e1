import numpy as np
import pytest

from symness.lindblad.liouvillian import liouvillian
from symness.models import thermal_reservoirs as tr
from symness.validation import ParameterError


def _random_rho(d, seed):
    rng = np.random.default_rng(seed)
    a = rng.normal(size=(d, d)) + 1j * rng.normal(size=(d, d))
    rho = a @ a.conj().T
    return rho / np.trace(rho)


@pytest.mark.parametrize("kind", ["gibbs", "linear", "auxiliary"])
@pytest.mark.parametrize("side", ["left", "right"])
def test_jumps_give_the_reset_dissipator(kind, side):
    # reference: closed form gamma (R ⊗ tr_2 rho - rho) (PZ2009 §2.4)
    res = tr.Reservoir(kind, beta=0.6, mu=0.25, rate=1.7, aux_length=4)
    target = res.target(1.0, 0.8)
    local = res.jumps(1.0, 0.8)
    assert len(local) == 16
    jumps = [np.kron(j, np.eye(2)) if side == "left" else np.kron(np.eye(2), j) for j in local]
    rho = _random_rho(8, 1)
    lhs = (liouvillian(np.zeros((8, 8)), jumps, dissipator=tr.DISSIPATOR) @ rho.reshape(-1))
    err = np.abs(lhs.reshape(8, 8) - tr.reset_dissipator(target, 1.7, rho, side)).max()
    print(kind, side, err)
    assert err < 1e-13


def test_targets_are_states_with_magnetisation_symmetry():
    m = np.diag([1.0, 0.0, 0.0, -1.0])
    for kind in ("gibbs", "linear", "auxiliary"):
        r = tr.Reservoir(kind, beta=0.5, mu=0.2).target(1.0, 1.5)
        assert abs(np.trace(r) - 1) < 1e-14
        assert np.linalg.eigvalsh(r).min() > 0
        assert np.abs(r @ m - m @ r).max() < 1e-14


def test_magnetization_bath_fixes_sigma_z():
    # analytic limit: a lone spin relaxes to <sigma^z> = mu
    res = tr.Reservoir("magnetization", mu=0.3, rate=0.7)
    gen = liouvillian(np.zeros((2, 2)), res.jumps(1, 1), dissipator=tr.DISSIPATOR).toarray()
    w, v = np.linalg.eig(gen)
    rho = v[:, np.argmin(abs(w))].reshape(2, 2)
    rho /= np.trace(rho)
    assert abs((rho[0, 0] - rho[1, 1]).real - 0.3) < 1e-13


def test_linear_target_refuses_large_beta():
    with pytest.raises(ParameterError, match="beta"):
        tr.Reservoir("linear", beta=20).target(1, 1)


@pytest.mark.parametrize("kwargs", [dict(kind="hot"), dict(rate=0), dict(kind="magnetization",
                                                                          mu=2)])
def test_bad_reservoir(kwargs):
    with pytest.raises(ParameterError):
        tr.Reservoir(**kwargs)
