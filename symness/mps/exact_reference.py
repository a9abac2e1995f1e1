"""Exact NESS of a small boundary-driven chain: the independent reference for the MPS solver.

Both references are :func:`symness.lindblad.steady_state.steady_state` (with its checks):
the direct sparse LU of ``L vec(rho) = 0`` with one row replaced by ``tr rho = 1``
(:func:`exact_ness`, ``L <= 7``: ``4**L`` unknowns) and the U(1)-sector GMRES
(:func:`sector_values`, ``L <= 10``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

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
    """Solve the NESS of ``chain`` exactly (``L <= MAX_LENGTH``) and evaluate its observables.

    :func:`symness.lindblad.steady_state.steady_state` with ``method="sparse"`` (sparse LU of
    the full generator with the trace row), so the reference carries that solver's checks
    (trace, Hermiticity, positivity, residual).
    """
    from symness.lindblad.steady_state import steady_state

    m = chain.model
    if m.n > MAX_LENGTH:
        raise ParameterError(f"'L' must be <= {MAX_LENGTH} for the exact solver (got {m.n})")
    ss = steady_state(hamiltonian(m), full_jumps(chain), dissipator=DISSIPATOR, method="sparse")
    return ExactNess(rho=ss.rho, values=observable_values(chain, ss.rho),
                     residual=float(ss.checks.residual))


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
        "sz": ev([magnetization_operator(i, m.n) for i in range(m.n)]),
        "energy": ev([energy_density_operator(i, m) for i in range(m.n - 1)]),
        "spin_current": ev([spin_current_operator(i, m) for i in range(m.n - 1)]),
        "energy_current": ev([energy_current_operator(i, m) for i in range(1, m.n - 1)]),
    }
