"""The linear-response NESS sweeps against independent constructions.

References: the generator as the Kronecker sum of the bond generators (not the MPO), the
orders ``rho_k`` by a dense linear solve of ``L_0 rho_{k+1} = -L_1 rho_k`` with that
generator, and the exact U(1)-sector NESS (``symness.mps.exact_reference``) for the sum of
the series.
"""

from fractions import Fraction

import numpy as np
import pytest

from symness.models.thermal_reservoirs import Reservoir
from symness.models.xxz_disordered import DisorderedXXZ
from symness.mps import linear_response as lr
from symness.mps.exact_reference import sector_values
from symness.mps.lindblad_tebd import BoundaryDrivenChain, observables
from symness.validation import ParameterError

L = 6


def _chain(kind="linear"):
    def res(beta):
        return Reservoir(kind=kind, beta=Fraction(beta), mu=Fraction(0), rate=1)

    return BoundaryDrivenChain(DisorderedXXZ(n=L, delta=1, h=Fraction(3, 5), seed=0),
                               res("1/10"), res("-1/10"))


def _kron_sum(gens):
    n = len(gens) + 1
    return sum(np.kron(np.kron(np.eye(4**b), g), np.eye(4 ** (n - b - 2)))
               for b, g in enumerate(gens))


def _dense_from_mpo(mpo):
    full = mpo[0][0]
    for w in mpo[1:]:
        full = np.einsum("aQP,abqp->bQqPp", full, w)
        s = full.shape
        full = full.reshape(s[0], s[1] * s[2], s[3] * s[4])
    return full[0]


def _bulk_dense(chain, vec):
    # tr(O X) = sum_P w_P c_P with the operator's Pauli weights embedded at its sites
    obs = observables(chain)

    def value(first, w):
        k = w.ndim
        c = vec.reshape((4,) * L)
        idx = tuple([0] * first + [slice(None)] * k + [0] * (L - first - k))
        return float(np.sum(c[idx] * w))

    energy = np.mean([value(*obs["energy_current"][i - 1]) for i in chain.energy_sites])
    spin = np.mean([value(*obs["spin_current"][b]) for b in chain.spin_bonds])
    return energy, spin


@pytest.mark.slow
def test_mpo_is_the_kronecker_sum_of_the_bond_generators():
    split = lr.split_drive(_chain())
    for gens in (split.base, split.drive):
        assert np.abs(_dense_from_mpo(lr.generator_mpo(gens)) - _kron_sum(gens)).max() < 1e-13


@pytest.mark.slow
def test_orders_match_the_dense_linear_solve_and_sum_to_the_exact_ness():
    chain = _chain()
    split = lr.split_drive(chain)
    a, b = _kron_sum(split.base), _kron_sum(split.drive)
    a[0, 0] += 1.0
    rho = np.zeros(4**L)
    rho[0] = 1.0
    dense = []
    for _ in range(3):
        rho = np.linalg.solve(a, -b @ rho)
        dense.append(_bulk_dense(chain, rho))
    # chi = 64 = 4^3 is the largest bond of L = 6: no truncation, so the sweeps must agree
    # with the dense solve to the local solver's tolerance (GMRES 1e-8, sweeps 1e-6)
    got = lr.linear_response(chain, chi=64, orders=3, tol=1e-9)
    for k, (e, s) in enumerate(dense):
        assert got.orders[k]["energy"] == pytest.approx(e, rel=1e-6, abs=1e-14)
        assert got.orders[k]["spin"] == pytest.approx(s, rel=1e-6, abs=1e-14)
    exact = sector_values(chain)
    e_exact = np.mean(np.asarray(exact["energy_current"])[[i - 1 for i in chain.energy_sites]])
    # the series truncated after order 3 misses order 4: bounded by |order 3| x |o3/o2|
    o2, o3 = got.orders[1]["energy"], got.orders[2]["energy"]
    assert abs(got.current("energy") - e_exact) <= 2 * abs(o3) * abs(o3 / o2) + 1e-12


def test_non_affine_reservoirs_are_refused():
    with pytest.raises(ParameterError, match="linear"):
        lr.split_drive(_chain(kind="gibbs"))
