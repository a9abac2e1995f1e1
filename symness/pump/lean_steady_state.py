"""The exact steady state (11) at n = 14 in about 10 GiB: sector blocks and real-form rows.

:class:`symness.pump.system.PumpSystem` holds every eigenbasis matrix dense
(``2^n x 2^n`` complex: 4 GiB each at n = 14; three couplings and five
observables) and four dense complex ``L^Q`` matrices (``P x P``, ``P = 18212``
equal-momentum pairs at n = 14: 4.9 GiB each), about 32 GiB in all.  This module
computes the same zero mode with

* the couplings as their non-zero S^z-sector blocks (:class:`BlockOperator`):
  ``H0`` conserves S^z, ``X1``, ``X2`` and the observables conserve it and the
  phonon operator of eq. (9) changes it by at most one, so 43 of the 225 blocks
  of ``A_0`` and 15 of ``X1``, ``X2`` are kept (1.7 GiB and 0.6 GiB each at n = 14);
* the observables reduced at once to their values on the pairs (``P`` numbers);
* ``L^Q`` built row block by row block directly in the real form
  (:class:`symness.pump.exact_steady_state.RealForm`, float64, 2.5 GiB at
  n = 14) as two parts ``L_ph``, ``L_d`` (``L^Q = eps_ph^2 L_ph + eps_d^2 L_d``)
  and one working copy, factorised in place (LAPACK ``getrf``, ``overwrite_a``).

The residual is measured in the real form with the unbordered parts,
``||L y|| / (||L||_F ||y||)``.  Only the direct (bordered LU) route is
implemented: a degenerate or nearly degenerate kernel (strong fields, where
:mod:`symness.pump.sector_steady_state` is needed) raises ``SolverError``.
The test suite checks this solver against :meth:`PumpSystem.exact` at n = 8, 10.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.sparse as sp

from symness.models.xxz_ring import Eigensystem, eigensystem
from symness.pump.cost import LEAN_ROWS, require_lean_fits
from symness.pump.couplings import couplings, scale_drive
from symness.pump.exact_steady_state import (
    PIVOT_RATIO,
    DegeneratePairs,
    ExactSteadyState,
    border,
    degenerate_pairs,
    factorize,
    gain_rows,
    loss_entries,
    pair_index,
    real_form,
    real_vector,
    state_with_checks,
)
from symness.pump.model import PumpParams
from symness.pump.system import observable_densities
from symness.validation import ParameterError, SolverError

__all__ = ["BlockOperator", "hermitian_blocks", "LeanPump"]



@dataclass(frozen=True)
class BlockOperator:
    """Eigenbasis matrix ``<a|O|b>`` kept as its non-zero S^z-sector blocks.

    ``blocks[(ma, mb)]`` is the ``ma x mb`` sector block in the eigenstate order
    of the sectors; ``sector`` and ``local`` are those of the eigensystem.
    Indexing supports the forms the channel code uses: ``O[rows, :]``,
    ``O[:, cols]`` and ``O[np.ix_(rows, cols)]`` (dense results).
    """

    blocks: dict
    sector: np.ndarray
    local: np.ndarray

    @property
    def nbytes(self) -> int:
        """Bytes held by the blocks."""
        return sum(b.nbytes for b in self.blocks.values())

    def take(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Dense ``O[np.ix_(rows, cols)]`` (complex)."""
        out = np.zeros((len(rows), len(cols)), dtype=complex)
        r_sec, c_sec = self.sector[rows], self.sector[cols]
        r_groups = {int(m): np.flatnonzero(r_sec == m) for m in np.unique(r_sec)}
        c_groups = {int(m): np.flatnonzero(c_sec == m) for m in np.unique(c_sec)}
        for (ma, mb), block in self.blocks.items():
            if ma in r_groups and mb in c_groups:
                ri, ci = r_groups[ma], c_groups[mb]
                out[np.ix_(ri, ci)] = block[np.ix_(self.local[rows[ri]], self.local[cols[ci]])]
        return out

    def values(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Elementwise ``O[rows[i], cols[i]]``."""
        out = np.zeros(len(rows), dtype=complex)
        r_sec, c_sec = self.sector[rows], self.sector[cols]
        for (ma, mb), block in self.blocks.items():
            hit = np.flatnonzero((r_sec == ma) & (c_sec == mb))
            out[hit] = block[self.local[rows[hit]], self.local[cols[hit]]]
        return out

    def __getitem__(self, key) -> np.ndarray:
        rows, cols = key
        everything = np.arange(len(self.sector))
        if isinstance(rows, slice) and rows == slice(None):
            return self.take(everything, np.asarray(cols))
        if isinstance(cols, slice) and cols == slice(None):
            return self.take(np.asarray(rows), everything)
        rows, cols = np.asarray(rows), np.asarray(cols)
        if rows.ndim == 2 and cols.ndim == 2:  # np.ix_ form
            return self.take(rows.ravel(), cols.ravel())
        raise TypeError("BlockOperator supports O[rows, :], O[:, cols] and O[np.ix_(rows, cols)]")

    def __rmul__(self, factor: float) -> "BlockOperator":
        if factor == 1:
            return self
        return BlockOperator({k: factor * b for k, b in self.blocks.items()}, self.sector,
                             self.local)


def hermitian_blocks(eigen: Eigensystem, op: sp.spmatrix) -> BlockOperator:
    """Non-zero sector blocks of a Hermitian ``op`` in the eigenbasis, made exactly Hermitian.

    A block is kept when ``op`` has a structurally non-zero entry between the two
    S^z sectors; ``(O_ab + O_ba^dagger)/2`` as in
    :func:`symness.pump.couplings.couplings` (the dense route).
    """
    op = sp.csr_matrix(op)
    blocks = {}
    for ma in eigen.sector_slices:
        rows = op[eigen.states[ma]]
        for mb in eigen.sector_slices:
            sub = rows[:, eigen.states[mb]]
            if sub.nnz:
                blocks[(ma, mb)] = eigen.vectors[ma].conj().T @ (sub @ eigen.vectors[mb])
    for (ma, mb) in blocks:
        if ma < mb:
            upper = (blocks[(ma, mb)] + blocks[(mb, ma)].conj().T) / 2
            blocks[(ma, mb)], blocks[(mb, ma)] = upper, upper.conj().T.copy()
        elif ma == mb:
            blocks[(ma, ma)] = (blocks[(ma, ma)] + blocks[(ma, ma)].conj().T) / 2
    return BlockOperator(blocks, eigen.sector, eigen.local)


@dataclass
class LeanPump:
    """The exact approach (11) at one parameter point, memory-lean (module docstring).

    ``parts`` (``L_ph``, ``L_d`` in the real form, bordered-free) are built once;
    :meth:`exact` solves for any ``r = eps_d/eps_ph``.
    """

    params: PumpParams
    #: Factors of the drive operators ``(X1, X2)`` (:func:`.couplings.scale_drive`).
    drive_scale: tuple[float, float] = (1.0, 1.0)

    @cached_property
    def eigen(self) -> Eigensystem:
        """Eigensystem of ``H0`` (checked against the memory first)."""
        require_lean_fits(self.params.n)
        return eigensystem(self.params.ring)

    @cached_property
    def pairs(self) -> DegeneratePairs:
        """Equal-momentum degenerate pairs (the conserved operators kept)."""
        pairs = degenerate_pairs(self.eigen)
        require_lean_fits(self.params.n, pairs.size)
        return pairs

    @cached_property
    def observables(self) -> dict[str, np.ndarray]:
        """Values ``O[b_p, a_p]`` on the pairs of the densities of :class:`PumpSystem`."""
        es, b, a = self.eigen, self.pairs.b, self.pairs.a
        return observable_densities(self.params.ring,
                                    lambda op: hermitian_blocks(es, op).values(b, a))

    @cached_property
    def parts(self) -> tuple[np.ndarray, np.ndarray]:
        """``(L_ph, L_d)`` at unit amplitudes, real form (float64 ``P x P`` each)."""
        cp = scale_drive(couplings(self.params.with_(eps_d=1.0, eps_ph=1.0), self.eigen,
                                   to_eigenbasis=hermitian_blocks), self.drive_scale)
        pairs, form = self.pairs, real_form(self.pairs)
        index = pair_index(pairs)
        rows = form.complex_rows(pairs.populations)
        out = []
        for ch in (cp.phonon, cp.drive):
            r, c, v = loss_entries(ch, cp.energy, pairs, index)
            loss = sp.csr_matrix((v, (r, c)), shape=(pairs.size,) * 2)
            system = np.empty((pairs.size,) * 2)
            for start in range(0, len(rows), LEAN_ROWS):
                chunk = rows[start:start + LEAN_ROWS]
                block = gain_rows(ch, cp.energy, pairs, chunk)
                block += loss[chunk].toarray()
                form.fill(system, chunk, block)
            out.append(system)
        return out[0], out[1]

    def exact(self, ratio: float) -> tuple[ExactSteadyState, dict[str, float]]:
        """Zero mode of ``L_ph + ratio^2 L_d`` (bordered real LU, in place) and the observables."""
        if not (np.isfinite(ratio) and ratio >= 0):
            raise ParameterError(f"'ratio' must be a finite number >= 0 (got {ratio})")
        l_ph, l_d = self.parts
        pairs, form = self.pairs, real_form(self.pairs)
        work = np.empty(l_ph.shape, order="F")  # Fortran order: getrf factorises in place
        np.multiply(l_d, ratio**2, out=work)
        work += l_ph
        norm = float(np.linalg.norm(work))
        system = factorize(work, form, border(work, pairs.populations))
        del work  # overwritten by the LU factors (held by ``system``)
        pivot_ratio = system.pivot_ratio
        if pivot_ratio < PIVOT_RATIO:
            raise SolverError(f"L^Q has a degenerate zero mode (pivot ratio {pivot_ratio:.1e}); "
                              "the lean solver has no sector route")
        x = system.solve()
        del system
        y = real_vector(x, form.up, form.low)
        residual = float(np.linalg.norm(l_ph @ y + ratio**2 * (l_d @ y))
                         / (norm * np.linalg.norm(y)))
        state = state_with_checks(pairs, x, residual, method="lean", pivot_ratio=pivot_ratio)
        return state, {k: float(np.real(np.sum(x * v))) for k, v in self.observables.items()}
