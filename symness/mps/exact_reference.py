"""Exact NESS of a small boundary-driven chain: the independent reference for the MPS solver.

Direct sparse LU solve of ``L vec(rho) = 0`` with one row replaced by ``tr rho = 1``
(row-major vectorisation of :mod:`symness.lindblad.liouvillian`).  Feasible for ``L <= 7``
on this machine (``4**L`` unknowns); the result carries its residual ``||L rho||``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spl

from symness.lindblad.liouvillian import apply_liouvillian, liouvillian
from symness.models.thermal_reservoirs import DISSIPATOR
from symness.models.xxz_disordered import (
    energy_current_operator,
    energy_density_operator,
    hamiltonian,
    magnetization_operator,
    spin_current_operator,
)
from symness.mps.lindblad_tebd import BoundaryDrivenChain, full_jumps
from symness.validation import ParameterError

__all__ = ["ExactNess", "exact_ness", "sector_values", "observable_values", "MAX_LENGTH"]

#: Largest chain solved exactly by the direct method.
MAX_LENGTH = 7


@dataclass(frozen=True)
class ExactNess:
    """Exact profiles and currents (same keys as :func:`symness.mps.lindblad_tebd.observables`)."""

    rho: np.ndarray
    values: dict[str, np.ndarray]
    residual: float


def exact_ness(chain: BoundaryDrivenChain) -> ExactNess:
    """Solve the NESS of ``chain`` exactly (``L <= MAX_LENGTH``) and evaluate its observables."""
    m = chain.model
    if m.L > MAX_LENGTH:
        raise ParameterError(f"'L' must be <= {MAX_LENGTH} for the exact solver (got {m.L})")
    ham = hamiltonian(m)
    jumps = full_jumps(chain)
    gen = liouvillian(ham, jumps, dissipator=DISSIPATOR).tolil()
    d = 2**m.L
    gen[0, :] = 0
    gen[0, np.arange(d) * (d + 1)] = 1.0
    rhs = np.zeros(d * d, dtype=complex)
    rhs[0] = 1.0
    rho = spl.spsolve(sp.csc_matrix(gen), rhs).reshape(d, d)
    rho = (rho + rho.conj().T) / 2
    residual = float(np.linalg.norm(apply_liouvillian(ham, jumps, rho, dissipator=DISSIPATOR)))
    return ExactNess(rho=rho, values=observable_values(chain, rho), residual=residual)


def sector_values(chain: BoundaryDrivenChain) -> dict[str, np.ndarray]:
    """Observables of the exact NESS from the U(1)-sector solver (``L <= 10``).

    :func:`symness.lindblad.steady_state.steady_state` with ``method="sector"`` (GMRES in the
    weak-U(1) block, with its checks); keys of :func:`observable_values`.
    """
    from symness.lindblad.steady_state import steady_state

    ss = steady_state(hamiltonian(chain.model), full_jumps(chain), dissipator=DISSIPATOR,
                      method="sector")
    return observable_values(chain, ss.rho)


def observable_values(chain: BoundaryDrivenChain, rho: np.ndarray) -> dict[str, np.ndarray]:
    """Profiles and currents of a dense ``rho`` (keys of :func:`.lindblad_tebd.observables`)."""
    m = chain.model

    def ev(ops):
        return np.array([op.multiply(rho.T).sum().real for op in ops])   # tr(O rho)

    return {
        "sz": ev([magnetization_operator(i, m.L) for i in range(m.L)]),
        "energy": ev([energy_density_operator(i, m) for i in range(m.L - 1)]),
        "spin_current": ev([spin_current_operator(i, m) for i in range(m.L - 1)]),
        "energy_current": ev([energy_current_operator(i, m) for i in range(1, m.L - 1)]),
    }
