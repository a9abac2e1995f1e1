"""Every XXZ builder of the package is the one XXZChain in its paper's normalisation.

Each wrapper is compared at two sizes with an independent construction: the Kronecker sum
written out in ``test_xxz_chain._kron_chain`` (numpy), or for the exact builders the
closed form of H (2) per basis state (``sz sz`` counts aligned minus anti-aligned bonds,
the hopping swaps anti-aligned neighbours with amplitude 2).
"""

from fractions import Fraction

import flint
import numpy as np
import pytest
import sympy

from symness.exact.delta_field import rational_delta
from symness.ghd.junction_ed import open_hamiltonian
from symness.models import thermal_reservoirs, xxz_boundary_driven, xxz_disordered, xxz_ring
from symness.mpa.algebra import derivation, theorem
from symness.mpa.open_points import point_i_exact, point_ii_traces
from symness.operators.pauli_matrix import to_sparse
from symness.pump.currents import xxz_hamiltonian
from symness.tba import exact_diag
from tests.models.test_xxz_chain import _kron_chain

TOL = 1e-13
SIZES = (3, 6)


def _close(a, b) -> bool:
    a = a.toarray() if hasattr(a, "toarray") else np.asarray(a)
    return np.abs(a - b).max() < TOL


@pytest.mark.parametrize("n", SIZES)
def test_boundary_driven_prosen_eq2(n):
    assert _close(xxz_boundary_driven.hamiltonian(n, 0.37), _kron_chain(n, 0.37))


@pytest.mark.parametrize("n", SIZES)
def test_disordered_mendoza_eq1_halves_the_end_fields(n):
    model = xxz_disordered.DisorderedXXZ(n, 0.3, h=2.0, seed=7, exchange=0.9)
    f = model.fields.copy()
    f[0], f[-1] = f[0] / 2, f[-1] / 2           # eq. (1): each bond carries h_i / 2
    expected = _kron_chain(n, 0.3, 0.9, f, scale=0.5)
    assert _close(xxz_disordered.hamiltonian(model), expected)
    bonds = sum(xxz_disordered.embed(e, i, n).toarray()
                for i, e in enumerate(xxz_disordered.bond_terms(model)))
    assert np.abs(bonds - expected).max() < TOL


@pytest.mark.parametrize("n", SIZES)
def test_thermal_reservoirs_clean_chain(n):
    assert _close(thermal_reservoirs._spin_chain_hamiltonian(n, 1.3, -0.6),
                  _kron_chain(n, -0.6, 1.3, scale=0.5))


@pytest.mark.parametrize("n", SIZES)
def test_ring_lange_eq7_delta_is_an_energy(n):
    ring = xxz_ring.XXZRing(n, exchange=1.0, delta=0.8, field=-1.3)
    expected = _kron_chain(n, 0.8, 1.0, [1.3] * n, ring=True, scale=0.5)  # - B sum S^z
    assert _close(xxz_ring.hamiltonian(ring), expected)
    # J/2 (S+S- + h.c.) + Delta SzSz
    other = xxz_ring.XXZRing(n, exchange=0.7, delta=0.8, field=0.0)
    assert _close(xxz_ring.hamiltonian(other), _kron_chain(n, 0.8 / 0.7, 0.7, ring=True,
                                                           scale=0.5))
    assert _close(xxz_hamiltonian(ring), _kron_chain(n, 0.8, 1.0, ring=True, scale=0.5))


@pytest.mark.parametrize("n", SIZES)
def test_tba_ring_and_bonds(n):
    expected = _kron_chain(n, 0.5, ring=True, scale=0.5)
    assert _close(exact_diag.ThermalRing(n, 0.5).hamiltonian, expected)
    assert _close(sum(exact_diag.bond(0.5, j, n) for j in range(n)), expected)
    assert _close(exact_diag.local_bond(0.5), _kron_chain(2, 0.5, scale=0.5))


@pytest.mark.parametrize("n", (4, 8))
def test_ghd_open_chain(n):
    assert _close(open_hamiltonian(n, -0.3), _kron_chain(n, -0.3, scale=0.5))


@pytest.mark.parametrize("n", SIZES)
def test_mpa_exact_hamiltonian_is_eq2(n):
    h = theorem.hamiltonian(n, Fraction(2, 3))
    assert _close(to_sparse(h), _kron_chain(n, 2 / 3))
    delta = sympy.Symbol("Delta")
    assert derivation.bond_hamiltonian(delta) == sympy.Matrix(
        [[delta, 0, 0, 0], [0, -delta, 2, 0], [0, 2, -delta, 0], [0, 0, 0, delta]])


def _closed_form(n):
    """H (2) per basis state: (zz diagonal count, swapped states with amplitude 2)."""
    for b in range(2**n):
        bits = [(b >> (n - 1 - j)) & 1 for j in range(n)]
        anti = [j for j in range(n - 1) if bits[j] != bits[j + 1]]
        yield b, n - 1 - 2 * len(anti), [b ^ (3 << (n - 2 - j)) for j in anti]


@pytest.mark.parametrize("n", SIZES)
def test_point_i_modular_parts(n):
    xy, zz = point_i_exact._hamiltonian_parts(n)
    p = point_i_exact.PRIME
    for b, count, swaps in _closed_form(n):
        assert zz[b, b] == count % p
        assert sorted(r for r in range(2**n) if int(xy[r, b]) != 0) == sorted(swaps)
        assert all(int(xy[r, b]) == 2 for r in swaps)


@pytest.mark.parametrize("n", (3, 4))
def test_point_ii_sector_blocks(n):
    field = rational_delta(Fraction(3, 7))
    sectors = point_ii_traces._sectors(n)
    blocks = point_ii_traces._hamiltonian(n, sectors, field)
    for b, count, swaps in _closed_form(n):
        s = b.bit_count()
        i = sectors[s].index(b)
        assert blocks[s][i, i] == flint.fmpq(3, 7) * count
        for r in swaps:
            assert blocks[s][sectors[s].index(r), i] == 2


@pytest.mark.parametrize(("i", "n"), [(0, 2), (1, 3)])
def test_mps_exact_bond_is_eq1(i, n):
    from symness.mps.exact_identities import bond_exact

    J, delta = sympy.symbols("J Delta", real=True)
    fields = sympy.symbols(f"h0:{n}", real=True)
    values = {J: sympy.Rational(9, 10), delta: sympy.Rational(3, 10)}
    values.update({h: sympy.Rational(k + 1, 7) for k, h in enumerate(fields)})
    exact = bond_exact(i, n, J, delta, fields).subs(values)
    # eq. (1): J (sx sx + sy sy + Delta sz sz) + h_i/2 sz_i + h_{i+1}/2 sz_{i+1}, written out
    local = _kron_chain(2, 0.3, 0.9, [(i + 1) / 14, (i + 2) / 14], scale=0.5)
    expected = np.kron(np.kron(np.eye(2**i), local), np.eye(2 ** (n - i - 2)))
    assert np.abs(np.array(exact, dtype=complex) - expected).max() < TOL


@pytest.mark.parametrize("n", (3, 5))
def test_pump_energy_current_bonds(n):
    from symness.pump.currents import energy_current
    from tests.models.test_xxz_chain import _site

    ring = xxz_ring.XXZRing(n, exchange=1.0, delta=0.8, field=-1.3)

    def h(s):  # J/2 (S+S- + h.c.) + Delta Sz Sz - (B/2)(Sz_s + Sz_{s+1}), written out
        j, k = s % n, (s + 1) % n
        xy = sum(_site({j: a, k: a}, n, 0.5) for a in "XY")
        return xy + 0.8 * _site({j: "Z", k: "Z"}, n, 0.5) + 1.3 / 2 * (
            _site({j: "Z"}, n, 0.5) + _site({k: "Z"}, n, 0.5))

    expected = sum(1j * (h(s - 1) @ h(s) - h(s) @ h(s - 1)) for s in range(n))
    assert _close(energy_current(ring), expected)


@pytest.mark.parametrize("n", SIZES)
def test_paper_001_xxz_tensor_is_the_chain(n):
    # paper 001 builds every model from the general tensor alpha (nearest_neighbour); its XXZ
    # case alpha = diag(1, 1, Delta) (xxz_field) is the XXZChain in Pauli normalisation
    from symness.models.nearest_neighbour import field_hamiltonian, interaction_hamiltonian
    from symness.models.xxz_chain import XXZChain
    from symness.models.xxz_chain import hamiltonian as chain_hamiltonian
    from symness.models.xxz_field import coupling_tensor

    h = field_hamiltonian(n, 0.7) + interaction_hamiltonian(n, coupling_tensor(1.3))
    assert _close(h, chain_hamiltonian(XXZChain(n, 1.3, field=0.7)).toarray())
    assert _close(h, _kron_chain(n, 1.3, fields=[0.7] * n))
