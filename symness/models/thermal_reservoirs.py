"""Boundary reservoirs of the XXZ chain: two-site thermal resets and single-spin baths.

Two-site thermal reservoirs (Prosen & Žnidarič, J. Stat. Mech. (2009) P02035, §2.4; used by
Mendoza-Arenas et al. (2019), eq. (2)).  Given a target two-site state
``R = sum_m r_m |psi_m><psi_m|`` (``tr R = 1``), the 16 Lindblad operators::

    L_{m,l} = sqrt(gamma r_m / 2) |psi_m><psi_l|,      m, l = 1..4

with the dissipator ``D[L] rho = 2 L rho L^† - {L^† L, rho}`` (``dissipator="prosen"``) sum to
the reset dissipator::

    sum_{m,l} D[L_{m,l}] rho = gamma (R ⊗ tr_{two sites}(rho) - rho)

(exact claim ``mendoza2019.reset-identity``), so the two edge spins, alone, relax to ``R`` at
rate ``gamma``.  The paper's targets are in its missing Supplemental Material; here the target
is a parameter (``kind``), recorded in every output:

``"gibbs"``      ``R ∝ exp(-beta eps + mu (s^z_1 + s^z_2))``, ``eps`` the clean XXZ bond
                 ``J (s^x s^x + s^y s^y + Delta s^z s^z)`` (no disorder field on the reservoir
                 bond), spin-1/2 units, ``J`` the argument ``exchange``;
``"linear"``     its first order in ``beta`` and ``mu``: ``R = (1 - beta eps~ + mu (s^z_1 +
                 s^z_2)) / 4`` with ``eps~`` the traceless part of ``eps``; this is also the
                 exact first-order reduced Gibbs state of any longer clean chain;
``"auxiliary"``  the reduced state on the two central sites of the Gibbs state
                 ``exp(-beta H_m + mu M_m)`` of a clean open chain of ``m`` sites
                 (``aux_length``, even);
``"edge-gibbs"`` ``R ∝ exp(-beta H_edge + mu (s^z_1 + s^z_2))`` with ``H_edge`` the terms of the
                 chain's Hamiltonian supported on the two reservoir sites, disorder fields
                 included: for eq. (1) of Mendoza-Arenas et al. (2019) on the left edge
                 ``eps_{1,2} + (h_2/2) s^z_2`` (site 1 carries ``h_1/2``, site 2 its whole
                 field ``h_2``), mirrored on the right.  The other kinds use the clean bond, so
                 at ``beta_L = beta_R`` they are out of equilibrium with a disordered edge.
                 To first order in ``beta`` its target is the reduced state of the chain's
                 Gibbs state ``(1 - beta H) / 2^L`` up to the exchange term of the bond that
                 the reset cuts, which no two-site target can hold.

``mu`` is the dimensionless product (beta times chemical potential), so a magnetisation can
be imposed at infinite temperature.

Single-spin magnetisation baths (Prosen & Žnidarič (2009), eq. (7); paper 000, eq. (3) with
``Gamma = eps/2``)::

    L_1 = sqrt(Gamma (1 + mu)) sigma^+,   L_2 = sqrt(Gamma (1 - mu)) sigma^-

with the same ``"prosen"`` dissipator; alone, the spin relaxes to ``<sigma^z> = mu``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import reduce

import numpy as np
import scipy.linalg as la

from symness.models.xxz_chain import XXZChain, hamiltonian
from symness.models.xxz_disordered import SPIN, bond_term
from symness.operators.sparse import PAULI
from symness.validation import ParameterError, require_choice, require_int, require_real

__all__ = ["KINDS", "EDGE_KINDS", "DISSIPATOR", "Reservoir", "reset_jumps", "reset_dissipator",
           "gibbs_target", "linear_target", "auxiliary_target", "partial_trace_edge"]

#: Reservoir kinds: the three two-site targets and the single-spin bath of PZ (2009) eq. (7).
KINDS = ("gibbs", "linear", "auxiliary", "edge-gibbs", "magnetization")
#: Kinds whose target depends on the edge fields (:meth:`Reservoir.target`, ``edge_fields``).
EDGE_KINDS = ("edge-gibbs",)
#: Dissipator convention of every jump operator built here.
DISSIPATOR = "prosen"


def _spin_chain_hamiltonian(m: int, exchange: float, delta: float) -> np.ndarray:
    """Dense clean XXZ chain ``sum eps_{i,i+1}`` on ``m`` sites (no field), spin normalisation."""
    return hamiltonian(XXZChain(m, delta, exchange=exchange, normalisation="spin")).toarray()


def _magnetization(m: int) -> np.ndarray:
    sz = SPIN["z"]
    return sum(reduce(np.kron, [sz if k == i else np.eye(2) for k in range(m)])
               for i in range(m))


def gibbs_target(exchange, delta, beta, mu, edge_fields=(0, 0)) -> np.ndarray:
    """Two-site Gibbs state ``exp(-beta eps + mu (s^z_1 + s^z_2)) / Z``.

    ``eps`` is the clean bond, or with ``edge_fields = (z_1, z_2)`` the bond plus the fields
    ``z_1 s^z_1 + z_2 s^z_2`` (``"edge-gibbs"``, module docstring).
    """
    z1, z2 = (2 * float(z) for z in edge_fields)        # bond_term carries half of each field
    x = -float(beta) * bond_term(exchange, delta, z1, z2) + float(mu) * _magnetization(2)
    r = la.expm(x)
    return r / np.trace(r).real


def linear_target(exchange, delta, beta, mu) -> np.ndarray:
    """First order in ``beta``, ``mu`` of :func:`gibbs_target`; raises if not positive."""
    eps = bond_term(exchange, delta, 0, 0)
    eps = eps - np.trace(eps) / 4 * np.eye(4)
    r = (np.eye(4) - float(beta) * eps + float(mu) * _magnetization(2)) / 4
    if np.linalg.eigvalsh(r).min() < 0:
        raise ParameterError(f"'beta'={beta}, 'mu'={mu} too large: the first-order target "
                             "is not a density matrix (negative eigenvalue)")
    return r


def auxiliary_target(exchange, delta, beta, mu, m: int) -> np.ndarray:
    """Reduced state on the central two sites of the Gibbs state of a clean ``m``-site chain."""
    m = require_int(m, "aux_length", minimum=2, maximum=12)
    if m % 2:
        raise ParameterError(f"'aux_length' must be even (got {m})")
    x = -float(beta) * _spin_chain_hamiltonian(m, float(exchange), float(delta)) \
        + float(mu) * _magnetization(m)
    w, v = np.linalg.eigh(x)
    rho = (v * np.exp(w - w.max())) @ v.conj().T
    rho = rho / np.trace(rho).real
    left = 2 ** (m // 2 - 1)
    t = rho.reshape(left, 4, left, left, 4, left)
    return np.einsum("aibajb->ij", t)


def _eigh_by_magnetization(target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Eigen-decomposition with eigenvectors of definite magnetisation when ``[R, M] = 0``.

    Then every jump ``|psi_m><psi_l|`` changes the magnetisation by a definite amount (the
    U(1) structure the sector solver uses); otherwise a plain ``eigh``.
    """
    d = target.shape[0]
    n = int(round(np.log2(d)))
    ups = np.array([n - bin(b).count("1") for b in range(d)])
    # off-sector entries at the rounding level of an eigendecomposition (auxiliary target)
    # count as zero: the blocks then define the eigenbasis
    if np.abs(target[ups[:, None] != ups[None, :]]).max(initial=0.0) > 1e-14:
        return np.linalg.eigh(target)
    values, vectors = np.zeros(d), np.zeros((d, d), dtype=complex)
    for q in np.unique(ups):
        idx = np.flatnonzero(ups == q)
        w, v = np.linalg.eigh(target[np.ix_(idx, idx)])
        values[idx] = w
        vectors[np.ix_(idx, idx)] = v
    return values, vectors


def reset_jumps(target: np.ndarray, gamma) -> list[np.ndarray]:
    """Return the ``d**2`` jumps ``sqrt(gamma r_m / 2)|psi_m><psi_l|`` (``"prosen"`` dissipator).

    Parameters
    ----------
    target : (d, d) Hermitian array with unit trace and nonnegative spectrum
    gamma : float
        Reset rate ``gamma > 0``.
    """
    gamma = float(require_real(gamma, "rate", minimum=0, open_minimum=True))
    r, psi = _eigh_by_magnetization(np.asarray(target, dtype=complex))
    if r.min() < -1e-12 or abs(r.sum() - 1) > 1e-12:
        raise ParameterError("'target' must be a density matrix (unit trace, spectrum >= 0)")
    r = np.clip(r, 0, None)
    d = len(r)
    return [np.sqrt(gamma * r[m] / 2) * np.outer(psi[:, m], psi[:, k].conj())
            for m in range(d) for k in range(d)]


def partial_trace_edge(rho: np.ndarray, width: int, side: str) -> np.ndarray:
    """Trace out the ``width`` leftmost (``side="left"``) or rightmost sites of ``rho``."""
    d = rho.shape[0]
    k = 2**width
    rest = d // k
    if side == "left":
        return np.einsum("aiaj->ij", rho.reshape(k, rest, k, rest))
    return np.einsum("iaja->ij", rho.reshape(rest, k, rest, k))


def reset_dissipator(target: np.ndarray, gamma, rho: np.ndarray, side: str) -> np.ndarray:
    """Return ``gamma (R ⊗ tr_edge(rho) - rho)``, the reset on the left or right edge."""
    width = int(round(np.log2(target.shape[0])))
    reduced = partial_trace_edge(rho, width, side)
    full = np.kron(target, reduced) if side == "left" else np.kron(reduced, target)
    return float(gamma) * (full - rho)


@dataclass(frozen=True)
class Reservoir:
    """One boundary reservoir.

    Attributes
    ----------
    kind : str
        One of :data:`KINDS` (module docstring).
    beta : Fraction or float
        Inverse temperature of the target (ignored by ``"magnetization"``).
    mu : Fraction or float
        ``beta`` times the chemical potential for the thermal kinds; the target
        ``<sigma^z>`` in ``[-1, 1]`` for ``"magnetization"``.
    rate : Fraction or float
        Coupling ``gamma`` (thermal) or ``Gamma`` (magnetisation), ``> 0``.
    aux_length : int
        Length ``m`` of the auxiliary chain (``"auxiliary"`` only), even, 2..12 (any
        value in 2..12 is accepted and ignored by the other kinds).
    """

    kind: str = "linear"
    beta: Fraction | float = 0
    mu: Fraction | float = 0
    rate: Fraction | float = 1
    aux_length: int = 6

    def __post_init__(self) -> None:
        require_choice(self.kind, "kind", KINDS)
        require_real(self.beta, "beta")
        require_real(self.rate, "rate", minimum=0, open_minimum=True)
        if self.kind == "magnetization":
            require_real(self.mu, "mu", minimum=-1, maximum=1)
        else:
            require_real(self.mu, "mu")
        require_int(self.aux_length, "aux_length", minimum=2, maximum=12)
        if self.kind == "auxiliary" and self.aux_length % 2:
            raise ParameterError(f"'aux_length' must be even in [2, 12] for kind 'auxiliary' "
                                 f"(got {self.aux_length})")

    @property
    def width(self) -> int:
        """Number of chain sites the reservoir acts on (1 or 2)."""
        return 1 if self.kind == "magnetization" else 2

    def target(self, exchange, delta, edge_fields=None) -> np.ndarray:
        """Target state of the edge sites (module docstring), ``2**width`` square.

        ``edge_fields = (z_1, z_2)``: the ``s^z`` coefficients of the two reservoir sites in
        ``H_edge`` (site order), required by the kinds of :data:`EDGE_KINDS`, ignored by the
        others.
        """
        if self.kind in EDGE_KINDS:
            if edge_fields is None:
                raise ParameterError(f"reservoir kind {self.kind!r} needs 'edge_fields' "
                                     "(the fields of its two sites)")
            return gibbs_target(exchange, delta, self.beta, self.mu, edge_fields)
        if self.kind == "magnetization":
            return (PAULI["I"] + float(self.mu) * PAULI["Z"]) / 2
        if self.kind == "gibbs":
            return gibbs_target(exchange, delta, self.beta, self.mu)
        if self.kind == "linear":
            return linear_target(exchange, delta, self.beta, self.mu)
        return auxiliary_target(exchange, delta, self.beta, self.mu, self.aux_length)

    def jumps(self, exchange, delta, edge_fields=None) -> list[np.ndarray]:
        """Local jump operators on the ``width`` edge sites (``"prosen"`` dissipator).

        ``edge_fields``: see :meth:`target`.
        """
        if self.kind == "magnetization":
            g, mu = float(self.rate), float(self.mu)
            return [np.sqrt(g * (1 + mu)) * PAULI["+"], np.sqrt(g * (1 - mu)) * PAULI["-"]]
        return reset_jumps(self.target(exchange, delta, edge_fields), self.rate)

    def describe(self) -> dict:
        """Plain parameters for provenance records."""
        return {"kind": self.kind, "beta": str(self.beta), "mu": str(self.mu),
                "rate": str(self.rate), "aux_length": self.aux_length,
                "dissipator": DISSIPATOR}
