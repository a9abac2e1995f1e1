"""Disordered XXZ spin-1/2 chain of Mendoza-Arenas et al. (2019), eq. (1), and its currents.

Normalisation: spin-1/2 operators ``s^a = sigma^a / 2``, exchange ``J`` (the paper sets
``J = 1``), sites 1-based in the paper and 0-based here (paper site ``i`` is index ``i-1``).
The paper's ``L`` and ``J`` are the fields ``n`` and ``exchange`` here (the lower layers' names)::

    H = sum_{i=1}^{L-1} eps_{i,i+1},
    eps_{i,i+1} = J (s^x_i s^x_{i+1} + s^y_i s^y_{i+1} + Delta s^z_i s^z_{i+1})
                  + (h_i / 2) s^z_i + (h_{i+1} / 2) s^z_{i+1}                  (1)

so each bond carries half of the field of each of its sites and the end sites carry
``h_1 / 2`` and ``h_L / 2``.  The fields ``h_i`` are uniform in ``[-h, h]``, drawn from
``numpy.random.default_rng(seed)`` (one realisation = one seed; reproducible).

Currents (paper eqs. (3)-(4)); continuity equations with ``dA/dt = i[H, A]``::

    j^S_i = J (s^x_i s^y_{i+1} - s^y_i s^x_{i+1}),     d s^z_i / dt = j^S_{i-1} - j^S_i
    j^E_i = i [eps_{i-1,i}, eps_{i,i+1}],             d eps_{i,i+1} / dt = j^E_i - j^E_{i+1}

Three-spin form of the energy current (sites ``a = i-1, b = i, c = i+1``)::

    j^E_i = J^2 [ s^y_a s^z_b s^x_c - s^x_a s^z_b s^y_c
                  + Delta (s^x_a s^y_b s^z_c - s^y_a s^x_b s^z_c
                           + s^z_a s^x_b s^y_c - s^z_a s^y_b s^x_c) ]
            + (h_i / 2) (j^S_{i-1} + j^S_i)

(both identities are exact claims ``mendoza2019.eq4-*`` and ``mendoza2019.continuity-*``).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import reduce

import numpy as np
import scipy.sparse as sp

from symness.models.xxz_chain import XXZChain, bond
from symness.models.xxz_chain import hamiltonian as chain_hamiltonian
from symness.validation import ParameterError, require_int, require_real

__all__ = ["DisorderedXXZ", "disorder_fields", "SPIN", "bond_term", "bond_terms",
           "chain", "hamiltonian", "spin_current_local", "energy_current_local", "embed",
           "magnetization_operator", "spin_current_operator", "energy_current_operator",
           "energy_density_operator", "MAX_L", "MAX_COUPLING"]

#: Spin-1/2 matrices ``s^a = sigma^a / 2`` in the basis (|up>, |down>).
SPIN: dict[str, np.ndarray] = {
    "I": np.eye(2, dtype=complex),
    "x": np.array([[0, 0.5], [0.5, 0]], dtype=complex),
    "y": np.array([[0, -0.5j], [0.5j, 0]], dtype=complex),
    "z": np.array([[0.5, 0], [0, -0.5]], dtype=complex),
}


def disorder_fields(length: int, h, seed: int) -> np.ndarray:
    """Random fields ``h_i`` uniform in ``[-h, h]`` from ``numpy.random.default_rng(seed)``.

    ``h = 0`` gives the clean chain (all zeros) whatever the seed.
    """
    length = require_int(length, "length", minimum=2)
    h = float(require_real(h, "h", minimum=0))
    seed = require_int(seed, "seed", minimum=0)
    return np.random.default_rng(seed).uniform(-h, h, size=length)


#: Longest chain (the MPS solvers' memory grows with ``n``; exact methods stop far earlier).
MAX_L = 10_000
#: Largest ``|Delta|``, ``h``, ``|J|``: the Pauli-basis generators of the MPS solver are real
#: to ``1e-12`` (absolute) only while the couplings times ``2**-53`` stay well below it
#: (measured: ``h = 1e5`` passes, ``h = 1e6`` fails with a complex Pauli matrix).
MAX_COUPLING = 10_000

@dataclass(frozen=True)
class DisorderedXXZ:
    """Validated parameters of eq. (1).

    Attributes
    ----------
    n : int
        Number of sites (the paper's ``L``), ``2 <= n <= MAX_L``.
    delta : Fraction, int or float
        Anisotropy Delta, ``|Delta| <= MAX_COUPLING``.
    h : Fraction, int or float
        Disorder strength, ``0 <= h <= MAX_COUPLING``.
    seed : int
        Seed of the realisation, ``>= 0``.
    exchange : Fraction, int or float
        Exchange ``J`` (the paper's unit, default 1), nonzero, ``|J| <= MAX_COUPLING``.
    """

    n: int
    delta: Fraction | float
    h: Fraction | float = 0
    seed: int = 0
    exchange: Fraction | float = 1

    def __post_init__(self) -> None:
        require_int(self.n, "n", minimum=2, maximum=MAX_L)
        require_real(self.delta, "delta", minimum=-MAX_COUPLING, maximum=MAX_COUPLING)
        require_real(self.h, "h", minimum=0, maximum=MAX_COUPLING)
        require_int(self.seed, "seed", minimum=0)
        require_real(self.exchange, "exchange", minimum=-MAX_COUPLING, maximum=MAX_COUPLING)
        if float(self.exchange) == 0.0:
            raise ParameterError("'exchange' must be nonzero (got 0)")

    @property
    def fields(self) -> np.ndarray:
        """The realisation ``h_0 .. h_{n-1}`` (0-based)."""
        return disorder_fields(self.n, self.h, self.seed)


def _kron(*ops: np.ndarray) -> np.ndarray:
    return reduce(np.kron, ops)


def bond_term(exchange, delta, h_left, h_right) -> np.ndarray:
    """Two-site ``eps_{i,i+1}`` of eq. (1) as a dense 4x4 matrix (site ``i`` first).

    The bond of :func:`symness.models.xxz_chain.bond` (spin normalisation) carrying half of
    each site's field.
    """
    return bond(delta, exchange, "spin", (0.5 * float(h_left), 0.5 * float(h_right)))


def chain(model: DisorderedXXZ) -> XXZChain:
    """Eq. (1) as an :class:`XXZChain`: the paper's end sites carry ``h_1 / 2`` and ``h_L / 2``.

    ``XXZChain`` gives an open end's bond all of that site's field, so the end fields are
    halved here; every bond then carries ``h_i / 2`` of each of its sites, as in (1).
    """
    f = [float(h) for h in model.fields]
    f[0], f[-1] = 0.5 * f[0], 0.5 * f[-1]
    return XXZChain(model.n, model.delta, exchange=model.exchange, fields=tuple(f),
                    normalisation="spin")


def bond_terms(model: DisorderedXXZ) -> list[np.ndarray]:
    """``[eps_{0,1}, ..., eps_{n-2,n-1}]`` (0-based bonds) of eq. (1)."""
    f = model.fields
    return [bond_term(model.exchange, model.delta, f[i], f[i + 1]) for i in range(model.n - 1)]


def embed(local: np.ndarray, first: int, length: int) -> sp.csr_matrix:
    """``1 ⊗ local ⊗ 1`` with ``local`` acting on sites ``first, first+1, ...`` (0-based)."""
    k = int(round(np.log2(local.shape[0])))
    first = require_int(first, "first", minimum=0, maximum=length - k)
    left = sp.identity(2**first, dtype=complex, format="csr")
    right = sp.identity(2 ** (length - first - k), dtype=complex, format="csr")
    return sp.kron(sp.kron(left, sp.csr_matrix(local)), right, format="csr")


def hamiltonian(model: DisorderedXXZ) -> sp.csr_matrix:
    """Sparse ``H = sum_i eps_{i,i+1}`` of eq. (1) on ``(C^2)^n`` (:func:`chain`)."""
    return chain_hamiltonian(chain(model))


def spin_current_local(exchange=1) -> np.ndarray:
    """``j^S = J (s^x ⊗ s^y - s^y ⊗ s^x)`` on two sites (eq. (3)), 4x4; ``exchange`` is ``J``."""
    s = SPIN
    return float(exchange) * (_kron(s["x"], s["y"]) - _kron(s["y"], s["x"]))


def energy_current_local(exchange, delta, h_middle) -> np.ndarray:
    """Three-spin form of ``j^E_i = i[eps_{i-1,i}, eps_{i,i+1}]`` (eq. (4)), 8x8.

    Only the field ``h_i`` of the middle site enters (module docstring).
    """
    s, one = SPIN, SPIN["I"]
    J, delta, hm = float(exchange), float(delta), float(h_middle)
    body = (_kron(s["y"], s["z"], s["x"]) - _kron(s["x"], s["z"], s["y"])
            + delta * (_kron(s["x"], s["y"], s["z"]) - _kron(s["y"], s["x"], s["z"])
                       + _kron(s["z"], s["x"], s["y"]) - _kron(s["z"], s["y"], s["x"])))
    js = spin_current_local(J)
    return J**2 * body + 0.5 * hm * (np.kron(js, one) + np.kron(one, js))


def magnetization_operator(i: int, length: int) -> sp.csr_matrix:
    """``s^z_i`` (0-based) on ``(C^2)^length``."""
    return embed(SPIN["z"], i, length)


def spin_current_operator(i: int, model: DisorderedXXZ) -> sp.csr_matrix:
    """``j^S`` on bond ``(i, i+1)`` (0-based)."""
    return embed(spin_current_local(model.exchange), i, model.n)


def energy_current_operator(i: int, model: DisorderedXXZ) -> sp.csr_matrix:
    """``j^E_i`` centred on site ``i`` (0-based, ``1 <= i <= n-2``)."""
    i = require_int(i, "i", minimum=1, maximum=model.n - 2)
    return embed(energy_current_local(model.exchange, model.delta, model.fields[i]), i - 1, model.n)


def energy_density_operator(i: int, model: DisorderedXXZ) -> sp.csr_matrix:
    """``eps_{i,i+1}`` (0-based bond ``i``)."""
    f = model.fields
    return embed(bond_term(model.exchange, model.delta, f[i], f[i + 1]), i, model.n)
