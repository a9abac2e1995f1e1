"""The one XXZ chain (symness.models.xxz_chain) against independent constructions.

References: the explicit Kronecker sum ``sum_bonds J (x x + y y + Delta z z) + sum_j h_j z_j``
written out here with numpy (``_kron_chain``), and the exact Pauli-sum form converted by
:func:`symness.operators.pauli_matrix.to_sparse` (a different code path: bit operations on
Pauli strings).  Float agreement to 1e-13 (entries O(10), a few additions each).
"""

from fractions import Fraction
from functools import reduce

import numpy as np
import pytest
import sympy

from symness.models.xxz_chain import (
    XXZChain,
    bond,
    bond_matrix,
    hamiltonian,
    pauli_hamiltonian,
    pauli_parts,
)
from symness.operators.pauli_matrix import exact_entries, to_sparse
from symness.validation import ParameterError

SIGMA = {"I": np.eye(2), "X": np.array([[0, 1], [1, 0]]), "Y": np.array([[0, -1j], [1j, 0]]),
         "Z": np.diag([1.0, -1.0])}


def _site(letters: dict[int, str], n: int, scale: float) -> np.ndarray:
    mats = [scale * SIGMA[letters[j]] if j in letters else SIGMA["I"] for j in range(n)]
    return reduce(np.kron, mats).astype(complex)


def _kron_chain(n, delta, exchange=1.0, fields=None, ring=False, scale=1.0) -> np.ndarray:
    """Independent reference: the Kronecker sum written out."""
    h = np.zeros((2**n, 2**n), dtype=complex)
    for j in range(n if ring else n - 1):
        k = (j + 1) % n
        for a, c in (("X", 1.0), ("Y", 1.0), ("Z", delta)):
            h += exchange * c * _site({j: a, k: a}, n, scale)
    for j, f in enumerate(fields if fields is not None else [0.0] * n):
        h += f * _site({j: "Z"}, n, scale)
    return h


CASES = [  # (n, delta, exchange, uniform field, per-site fields?, boundary, normalisation)
    (3, 0.3, 1.0, 0.0, False, "open", "pauli"),
    (6, -1.7, 0.7, 0.0, False, "open", "pauli"),
    (4, 0.8, 1.0, -0.37, False, "ring", "spin"),
    (7, 1.3, 1.1, 0.2, False, "ring", "pauli"),
    (3, 0.5, 1.0, 0.0, True, "open", "spin"),
    (6, 0.3, 0.9, 0.0, True, "open", "spin"),
    (5, -0.4, 1.0, 0.1, True, "ring", "spin"),
]


@pytest.mark.parametrize(("n", "delta", "exchange", "field", "disordered", "boundary", "norm"),
                         CASES)
def test_hamiltonian_equals_kron_sum(n, delta, exchange, field, disordered, boundary, norm):
    fields = tuple(np.random.default_rng(n).uniform(-2, 2, n)) if disordered else None
    chain = XXZChain(n, delta, exchange=exchange, field=field, fields=fields, boundary=boundary,
                     normalisation=norm)
    total = [field + (fields[j] if fields else 0.0) for j in range(n)]
    expected = _kron_chain(n, delta, exchange, total, boundary == "ring",
                           1.0 if norm == "pauli" else 0.5)
    assert np.abs(hamiltonian(chain).toarray() - expected).max() < 1e-13


@pytest.mark.parametrize(("n", "boundary", "norm"),
                         [(2, "open", "pauli"), (5, "open", "spin"), (3, "ring", "pauli"),
                          (6, "ring", "spin")])
def test_exact_pauli_form_equals_sparse_hamiltonian(n, boundary, norm):
    exact = pauli_hamiltonian(n, Fraction(3, 7), Fraction(5, 4), boundary=boundary,
                              normalisation=norm, field=Fraction(-1, 3))
    chain = XXZChain(n, 3 / 7, exchange=1.25, field=-1 / 3, boundary=boundary,
                     normalisation=norm)
    assert np.abs(to_sparse(exact).toarray() - hamiltonian(chain).toarray()).max() < 1e-13


def test_pauli_parts_are_the_xy_and_zz_sums_with_integer_entries():
    xy, zz = pauli_parts(4)
    entries_xy, entries_zz = exact_entries(xy), exact_entries(zz)
    # H_zz is diagonal: (#aligned - #anti-aligned bonds); H_xy swaps anti-aligned neighbours
    # with amplitude 2 (x x + y y = 2 (s+ s- + s- s+)); closed forms checked state by state
    for b in range(16):
        bits = [(b >> (3 - j)) & 1 for j in range(4)]
        anti = [j for j in range(3) if bits[j] != bits[j + 1]]
        assert entries_zz.get((b, b), 0) == 3 - 2 * len(anti)
        for j in anti:
            assert entries_xy[b ^ (3 << (2 - j)), b] == 2
    assert len(entries_xy) == sum(len([j for j in range(3) if ((b >> (3 - j)) & 1)
                                      != ((b >> (2 - j)) & 1)]) for b in range(16))


def test_symbolic_delta_and_exact_only():
    delta = sympy.Symbol("Delta")
    h = pauli_hamiltonian(2, delta)
    assert exact_entries(h)[(0, 0)] == delta and exact_entries(h)[(1, 2)] == 2
    with pytest.raises(ParameterError, match="delta"):
        pauli_hamiltonian(3, 0.5)


def test_bond_matrix_of_the_ring_wraps():
    chain = XXZChain(4, 0.6, boundary="ring", normalisation="spin")
    wrap = _kron_chain(4, 0.6, scale=0.5, ring=True) - _kron_chain(4, 0.6, scale=0.5)
    assert np.abs(bond_matrix(chain, 3).toarray() - wrap).max() < 1e-15
    with pytest.raises(ParameterError, match="index"):
        bond_matrix(XXZChain(4, 0.6), 3)        # open chain: bonds 0, 1, 2


def test_bond_with_fields_is_the_two_site_kron_sum():
    expected = _kron_chain(2, 0.3, 0.7, [0.11, -0.4], scale=0.5)
    assert np.abs(bond(0.3, 0.7, "spin", (0.11, -0.4)) - expected).max() < 1e-15


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"n": 1, "delta": 1}, "n"), ({"n": 2, "delta": 1, "boundary": "ring"}, "n"),
    ({"n": 3, "delta": float("inf")}, "delta"), ({"n": 3, "delta": 1, "exchange": 0}, "exchange"),
    ({"n": 3, "delta": 1, "boundary": "periodic"}, "boundary"),
    ({"n": 3, "delta": 1, "normalisation": "half"}, "normalisation"),
    ({"n": 3, "delta": 1, "fields": (0.1, 0.2)}, "fields"),
    ({"n": 3, "delta": 1, "fields": (0.1, 0.2, float("nan"))}, "fields"),
])
def test_bad_parameters_raise_parameter_error(kwargs, name):
    with pytest.raises(ParameterError, match=name):
        XXZChain(**kwargs)
