"""One parameter point of the pump, prepared once and solved for many ``eps_d/eps_ph``.

Everything that does not depend on the amplitudes is computed once: the
eigensystem, the eigenbasis matrices of the couplings and observables, the
``L^Q`` parts ``L_ph`` and ``L_d`` (``L^Q = eps_ph^2 L_ph + eps_d^2 L_d``) and the
golden-rule rate parts ``W_ph``, ``W_d``.  Both steady states therefore depend
only on ``r = eps_d/eps_ph`` (dividing ``L^Q rho = 0`` or ``chi F = 0`` by
``eps_ph^2``), which the claims check by solving at two overall amplitudes.

Observables are densities (divided by ``n``): ``energy`` = ``<H0>/n``,
``heat_current`` = ``<J_H>/n = (<C3> - B <J_S>)/n`` (eq. (17)), ``spin_current``,
``c3``, ``c4``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from symness.models.xxz_ring import XXZRing, hamiltonian
from symness.pump import charges as charge_ops
from symness.pump.cost import require_point_fits
from symness.pump.couplings import Couplings, couplings
from symness.pump.exact_steady_state import (
    DegeneratePairs,
    ExactSteadyState,
    degenerate_pairs,
    generator_q,
    zero_mode,
)
from symness.pump.forces import drive_rates, phonon_rates
from symness.pump.gge import CommonBasis, GGESolution, common_basis, diagonal_values, solve_gge
from symness.pump.model import PumpParams
from symness.pump.sector_steady_state import sector_blocks, sector_zero_mode, split_by_magnetisation
from symness.validation import ParameterError

__all__ = ["PumpSystem", "observable_densities", "OBSERVABLES", "GGE_SIZES", "SPIN_CURRENT_DENSITY"]

#: ``J_S`` of eq. (18) in Pauli words: ``i J/2 (S+S- - S-S+) = J/4 (XY - YX)``.
SPIN_CURRENT_DENSITY = {"XY": charge_ops.J / 4, "YX": -charge_ops.J / 4}

OBSERVABLES = ("energy", "heat_current", "spin_current", "c3", "c4")
#: Truncations of the paper: N_C = 2 (C1, C2), 4 (C1-C3, J_S^c), 6 (C1-C5, J_S^c).
GGE_SIZES = (2, 4, 6)
#: Equal steps in eps_d used when Newton from the thermal start does not converge.
_CONTINUATION_STEPS = 10


def observable_densities(ring: XXZRing, transform: Callable) -> dict:
    """The :data:`OBSERVABLES` densities, each operator mapped by ``transform`` and divided by n.

    ``heat_current`` is ``(C3 - B J_S)/n`` (eq. (17); ``C3`` = eq. (16), claim eq16).
    """
    n = ring.n
    js = transform(charge_ops.density_operator(SPIN_CURRENT_DENSITY, ring))
    c3 = transform(charge_ops.charge_operator(ring, 3))
    return {"energy": transform(hamiltonian(ring)) / n,
            "heat_current": (c3 - float(ring.field) * js) / n,
            "spin_current": js / n, "c3": c3 / n,
            "c4": transform(charge_ops.charge_operator(ring, 4)) / n}


@dataclass
class PumpSystem:
    """Amplitude-independent data of one parameter point (``eps_d``, ``eps_ph`` ignored)."""

    params: PumpParams
    _cache: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        require_point_fits(self.params)  # before any eigensystem is built (issue 24)

    @cached_property
    def couplings(self) -> Couplings:
        """Channels at unit amplitudes ``eps_d = eps_ph = 1``."""
        return couplings(self.params.with_(eps_d=1.0, eps_ph=1.0))

    @cached_property
    def observables(self) -> dict[str, np.ndarray]:
        """Eigenbasis matrices of the observables (densities: divided by ``n``)."""
        return observable_densities(self.params.ring, self.couplings.eigen.to_eigenbasis)

    # ---- exact approach (11) -------------------------------------------------------------
    @cached_property
    def pairs(self) -> DegeneratePairs:
        """Equal-momentum degenerate pairs (the conserved operators kept)."""
        return degenerate_pairs(self.couplings.eigen)

    @cached_property
    def lq_parts(self) -> tuple[np.ndarray, ...]:
        """``L^Q`` parts at unit amplitudes: ``(L_ph, L_d)``, or ``(L_ph_intra, L_ph_inter, L_d)``.

        The three-part form (phonon part split into its ``S^z``-conserving and
        ``S^z``-changing matrix elements, :mod:`symness.pump.sector_steady_state`)
        is used whenever no conserved pair mixes magnetisation sectors (``B != 0``);
        ``L_ph`` is then their sum.
        """
        cp = self.couplings
        parts = [cp.phonon]
        if sector_blocks(self.pairs, cp.eigen.sector) is not None:
            parts = list(split_by_magnetisation(cp.phonon, cp.eigen.sector))
        return tuple(generator_q(cp, self.pairs, (ch,)) for ch in parts + [cp.drive])

    def generator(self, eps_d: float, eps_ph: float = 1.0) -> np.ndarray:
        """``L^Q = eps_ph^2 L_ph + eps_d^2 L_d`` (a new dense array)."""
        _check_amplitudes(eps_d, eps_ph)
        *l_ph, l_d = self.lq_parts
        lq = eps_d**2 * l_d
        for part in l_ph:
            lq += eps_ph**2 * part
        return lq

    def exact(self, eps_d: float, eps_ph: float = 1.0) -> tuple[ExactSteadyState, dict]:
        """Zero mode of ``eps_ph^2 L_ph + eps_d^2 L_d`` and the observables.

        The bordered LU of the whole matrix is tried first; if it reports a
        degenerate kernel and the sectors split, the two-timescale solution
        decides (unique: its result; degenerate: it raises too).
        """
        try:
            state = zero_mode(self.generator(eps_d, eps_ph), self.pairs)
        except RuntimeError:
            *l_ph, l_d = self.lq_parts
            if len(l_ph) == 1:
                raise
            state = sector_zero_mode(eps_ph**2 * l_ph[0] + eps_d**2 * l_d, eps_ph**2 * l_ph[1],
                                     self.pairs, self.couplings.eigen.sector)
        return state, {k: state.expect(v) for k, v in self.observables.items()}

    # ---- truncated GGE -------------------------------------------------------------------
    def _gge_data(self, n_c: int):
        if n_c not in self._cache:
            if n_c not in GGE_SIZES:
                raise ParameterError(f"'n_c' must be one of {GGE_SIZES} (got {n_c})")
            widest = n_c - 1 if n_c > 2 else 2  # C_k has a k-site density
            if self.params.n < widest + widest % 2:
                raise ParameterError(f"'n_c' = {n_c} needs a ring of n >= {widest + widest % 2} "
                                     f"sites (C_{widest} has a {widest}-site density; got "
                                     f"n = {self.params.n})")
            ring, es = self.params.ring, self.couplings.eigen
            local = [es.to_eigenbasis(charge_ops.charge_operator(ring, i))
                     for i in range(1, (n_c - 1 if n_c > 2 else 2) + 1)]
            js = self.observables["spin_current"] * self.params.n
            basis = common_basis(es, local, js)
            rows = [diagonal_values(basis, c) for c in local]
            if n_c > 2:
                rows.append(diagonal_values(basis, js))  # J_S^c: diagonal part of J_S
            cp = self.couplings
            a0 = basis.rotate(cp.phonon.ops[0])
            x1, x2 = (basis.rotate(op) for op in cp.drive.ops)
            w_ph = phonon_rates(self.params.with_(eps_ph=1.0), es.energy, a0)
            w_d = drive_rates(self.params.with_(eps_d=1.0), es.energy, x1, x2)
            for w in (w_ph, w_d):
                np.fill_diagonal(w, 0.0)
            obs = {k: diagonal_values(basis, v) for k, v in self.observables.items()}
            self._cache[n_c] = (np.array(rows), w_ph, w_d, obs, basis)
        return self._cache[n_c]

    def gge(self, n_c: int, eps_d: float, eps_ph: float = 1.0,
            lam0: np.ndarray | None = None) -> tuple[GGESolution, dict]:
        """Stationary truncated GGE with ``n_c`` charges and its observables."""
        _check_amplitudes(eps_d, eps_ph)
        rows, w_ph, w_d, obs, _ = self._gge_data(n_c)
        if lam0 is None:  # thermal start: beta H0 = beta (C2 - B C1)
            lam0 = np.zeros(len(rows))
            lam0[0], lam0[1] = -float(self.params.field) / float(self.params.t_ph), \
                1.0 / float(self.params.t_ph)
        try:
            sol = solve_gge(rows, eps_ph**2 * w_ph + eps_d**2 * w_d, lam0)
        except RuntimeError:
            # continuation in the drive from the thermal state (which solves eps_d = 0);
            # needed at large |B| where Newton from the thermal start leaves the basin
            lam, steps = lam0, 0
            for frac in np.linspace(0, 1, _CONTINUATION_STEPS + 1)[1:]:
                step_sol = solve_gge(rows, eps_ph**2 * w_ph + (frac * eps_d) ** 2 * w_d, lam)
                lam, steps = step_sol.lam, steps + 1
            sol = replace(step_sol, continuation=steps)
        return sol, {k: sol.expect(v) for k, v in obs.items()}

    def gge_charges(self, n_c: int) -> np.ndarray:
        """Eigenvalues ``C_{i,m}`` of the ``n_c`` charges in the common basis (row 0: S^z)."""
        return self._gge_data(n_c)[0]

    def gge_rates(self, n_c: int) -> tuple[np.ndarray, np.ndarray]:
        """Golden-rule rate matrices ``(W_ph, W_d)`` at unit amplitudes in the common basis."""
        return self._gge_data(n_c)[1:3]

    def gge_basis(self, n_c: int) -> CommonBasis:
        """Return the simultaneous eigenbasis used for ``n_c`` charges."""
        return self._gge_data(n_c)[4]


def _check_amplitudes(eps_d: float, eps_ph: float) -> None:
    if not (np.isfinite(eps_d) and eps_d >= 0):
        raise ParameterError(f"'eps_d' must be a finite number >= 0 (got {eps_d})")
    if not (np.isfinite(eps_ph) and eps_ph > 0):
        raise ParameterError(f"'eps_ph' must be a finite number > 0 (got {eps_ph})")
