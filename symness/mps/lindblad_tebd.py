"""The boundary-driven disordered chain as a sum of two-site Lindblad pieces.

``L = sum_{b=0}^{L-2} L_b`` with ``L_b rho = -i [eps_{b,b+1}, rho]`` (eq. (1) of Mendoza-Arenas
et al. (2019), bond terms carrying half of each site field) plus, on the first and last bond,
the reservoir dissipators of :mod:`symness.models.thermal_reservoirs` (``"prosen"``
normalisation).  The pieces are returned in the Pauli basis of
:mod:`symness.mps.pauli_basis` for TEBD, and the same jumps are embedded in the full Hilbert
space for the exact reference solver.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from symness.lindblad.liouvillian import liouvillian
from symness.models.thermal_reservoirs import DISSIPATOR, Reservoir
from symness.models.xxz_disordered import (
    DisorderedXXZ,
    bond_term,
    embed,
    energy_current_local,
    spin_current_local,
)
from symness.mps.pauli_basis import operator_weights, superoperator_to_pauli
from symness.validation import ParameterError

__all__ = ["BoundaryDrivenChain", "bond_generators", "edge_fields", "full_jumps", "observables"]


@dataclass(frozen=True)
class BoundaryDrivenChain:
    """The disordered chain (1) between a left and a right reservoir (eq. (2))."""

    model: DisorderedXXZ
    left: Reservoir
    right: Reservoir

    def __post_init__(self) -> None:
        need = self.left.width + self.right.width + 2
        if self.model.n < need:
            raise ParameterError(f"'L' must be >= {need} so that bulk bonds exist "
                                 f"(got {self.model.n})")

    @property
    def spin_bonds(self) -> range:
        """Bonds ``(k, k+1)`` whose spin current is fixed by bulk continuity (0-based)."""
        return range(self.left.width - 1, self.model.n - self.right.width)

    @property
    def energy_sites(self) -> range:
        """Sites ``i`` whose energy current ``j^E_i`` is fixed by bulk continuity (0-based)."""
        return range(self.left.width, self.model.n - self.right.width)

    def describe(self) -> dict:
        """Plain parameters for provenance, under the paper's names ``L`` and ``J``."""
        m = self.model
        return {"L": m.n, "delta": str(m.delta), "h": str(m.h), "seed": m.seed,
                "J": str(m.exchange),
                "left": self.left.describe(), "right": self.right.describe(),
                "hamiltonian": "eq. (1), spin-1/2 operators, bond terms carry h_i/2"}


def edge_fields(model: DisorderedXXZ) -> tuple[tuple[float, float], tuple[float, float]]:
    """``s^z`` coefficients of the two edge sites in ``H_edge`` (left pair, right pair).

    ``H_edge``: the terms of eq. (1) supported on the two sites, ``eps_{1,2} + (h_2/2) s^z_2``
    on the left (site 1 carries ``h_1/2``, site 2 its whole field), mirrored on the right
    (:mod:`symness.models.thermal_reservoirs`, kind ``"edge-gibbs"``).
    """
    f = model.fields
    return (f[0] / 2, f[1]), (f[-2], f[-1] / 2)


def _local_jumps(chain: BoundaryDrivenChain) -> list[tuple[int, np.ndarray]]:
    """``(first_site, jump)`` of both reservoirs."""
    m = chain.model
    left_fields, right_fields = edge_fields(m)
    out = [(0, j) for j in chain.left.jumps(m.exchange, m.delta, left_fields)]
    out += [(m.n - chain.right.width, j)
            for j in chain.right.jumps(m.exchange, m.delta, right_fields)]
    return out


def bond_generators(chain: BoundaryDrivenChain) -> list[np.ndarray]:
    """Pauli-basis ``L_b`` (16x16, real) of the ``L - 1`` bonds."""
    m = chain.model
    f = m.fields
    eye2 = np.eye(2)
    gens = []
    for b in range(m.n - 1):
        jumps = []
        for first, jump in _local_jumps(chain):
            width = int(round(np.log2(jump.shape[0])))
            if width == 2 and first == b:
                jumps.append(jump)
            elif width == 1 and b == 0 and first == 0:
                jumps.append(np.kron(jump, eye2))
            elif width == 1 and b == m.n - 2 and first == m.n - 1:
                jumps.append(np.kron(eye2, jump))
        ham = bond_term(m.exchange, m.delta, f[b], f[b + 1])
        gens.append(superoperator_to_pauli(liouvillian(ham, jumps, dissipator=DISSIPATOR), 2))
    return gens


def full_jumps(chain: BoundaryDrivenChain) -> list[sp.csr_matrix]:
    """Embed the reservoir jumps in ``(C^2)^L`` (``"prosen"`` dissipator)."""
    return [embed(j, first, chain.model.n) for first, j in _local_jumps(chain)]


def observables(chain: BoundaryDrivenChain) -> dict[str, list[tuple[int, np.ndarray]]]:
    """Local operators as ``(first_site, Pauli weights)`` for :func:`symness.mps.mps.expectations`.

    Keys: ``"sz"`` (``s^z_i``, all sites), ``"energy"`` (``eps_{i,i+1}``, all bonds),
    ``"spin_current"`` (``j^S`` on all bonds), ``"energy_current"`` (``j^E_i``,
    ``i = 1..L-2``).
    """
    m = chain.model
    f = m.fields
    sz = np.diag([0.5, -0.5]).astype(complex)
    js = operator_weights(spin_current_local(m.exchange))
    return {
        "sz": [(i, operator_weights(sz)) for i in range(m.n)],
        "energy": [(i, operator_weights(bond_term(m.exchange, m.delta, f[i], f[i + 1])))
                   for i in range(m.n - 1)],
        "spin_current": [(i, js) for i in range(m.n - 1)],
        "energy_current": [(i - 1, operator_weights(energy_current_local(m.exchange, m.delta,
                                                                         f[i])))
                           for i in range(1, m.n - 1)],
    }
