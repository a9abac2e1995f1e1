"""Zero mode of ``L^Q`` when the magnetisation sectors are nearly decoupled (large ``|B|``).

``H0`` and the drive (8) conserve ``S^z``; only the ``gamma_m`` term of the
phonon coupling (9) changes it, by one, and hands the bath an energy of order
``|B|``.  The broadened phonon spectrum ``A(w) ~ exp(-(w - w_ph)^2 / eta^2)``
makes these inter-sector rates exponentially small at large fields (Methods:
"transition rates connecting sectors with different magnetization are strongly
suppressed"): at n = 8, B = 4 the slowest sector exit rate is 4.5e-21, the
intra-sector rates are of order one.  The zero mode is then unique but its
sector weights are fixed by rates below the float64 resolution of the whole
matrix, whose bordered LU reports pivot ratios 1e-17 .. 1e-22 (indistinguishable
from a degenerate kernel) and, forced, returns a wrong state (max error 1.0 at
n = 6, B = 4 against a 256-bit solve).  Measured after the balancing below:
pivot ratios 1e-8 (n = 6), 1e-7 (n = 8), 7e-4 .. 3e-3 (n = 12) at |B| = 3, 4.

Here ``L^Q = L_intra + L_inter`` is assembled in two parts, each trace
preserving on its own: ``L_intra`` from the ``S^z``-conserving matrix elements
of every coupling (block diagonal in the sector ``M`` of the pair), ``L_inter``
from the ``S^z``-changing ones (gains between neighbouring sectors and the
matching losses).  For pairs ``(a, b)`` of equal magnetisation (every conserved
pair away from accidental cross-sector degeneracies) the mixed terms vanish, so
the split is exact.  Two solvers use it:

* :func:`sector_zero_mode` (the method): aggregation fixes the scales, then one
  LU solves the exact equations.  (i) ``y_M``: zero mode of each block
  ``L_intra[M, M]`` (its bordered-LU pivot ratio measures uniqueness *within* a
  sector); (ii) ``xi``: stationary vector of the reduced chain
  ``R[M', M] = Tr_{M'} L_inter[M', M] y_M`` by GTH elimination (sums of positive
  numbers only: exponentially small rates keep their relative accuracy);
  (iii) the balanced system: unknowns ``x_M / xi_M``, rows of sector ``M``
  divided by ``xi_M``, and in each sector one population equation replaced by
  the sector balance ``Tr_M (L x) = Tr_M (L_inter x) = 0`` (an identity, since
  ``Tr_M L_intra = 0``; its loss part is taken as minus the gains into the other
  sectors, so no rounding leak of the large intra-sector rates enters) divided
  by ``xi_M`` times the exit rate of ``M``.  This is exactly equivalent to
  ``L^Q x = 0``; after balancing its pivot ratio measures true degeneracy.
* :func:`aggregation_iteration` (cross-check): the classic two-timescale
  fixed point (iterative aggregation-disaggregation), ``L_intra[M, M] y_M =
  -(L_inter x)_M / xi_M`` alternated with (ii) until ``y`` stops changing.

The zero mode is unique iff every block has a unique zero mode and the reduced
chain is irreducible; both are checked, and a failure raises.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from symness.pump.couplings import Channels
from symness.pump.exact_steady_state import (
    PIVOT_RATIO,
    BorderedSystem,
    DegeneratePairs,
    ExactSteadyState,
    bordered_system,
    checked_state,
    factorize,
    real_form,
)
from symness.validation import SolverError

__all__ = ["split_by_magnetisation", "sector_blocks", "reduced_stationary",
           "sector_zero_mode", "aggregation_iteration"]



def split_by_magnetisation(ch: Channels, sector: np.ndarray) -> tuple[Channels, Channels]:
    """``ch`` restricted to its ``S^z``-conserving and to its ``S^z``-changing matrix elements."""
    same = sector[:, None] == sector[None, :]
    return (replace(ch, ops=tuple(np.where(same, op, 0) for op in ch.ops)),
            replace(ch, ops=tuple(np.where(same, 0, op) for op in ch.ops)))


def sector_blocks(pairs: DegeneratePairs, sector: np.ndarray) -> dict[int, slice] | None:
    """Contiguous position range of each magnetisation sector, or ``None`` if a pair mixes two.

    Pairs are sorted by ``a`` and eigenstates by sector, so each sector is one range.
    """
    sa, sb = sector[pairs.a], sector[pairs.b]
    if np.any(sa != sb):
        return None
    blocks = {}
    for mag in np.unique(sa):
        idx = np.flatnonzero(sa == mag)
        blocks[int(mag)] = slice(int(idx[0]), int(idx[-1]) + 1)
    return blocks


def reduced_stationary(rates: np.ndarray) -> np.ndarray:
    """Stationary vector of a continuous-time chain, ``rates[i, j]`` = rate ``j -> i``.

    Grassmann-Taksar-Heyman elimination (only additions of non-negative numbers,
    so the result has the relative accuracy of the rates however small they are).

    Raises
    ------
    SolverError
        If the chain is reducible (some state cannot be left towards the rest):
        the stationary vector is then not unique.
    """
    q = np.array(rates, dtype=float).T.copy()  # q[i, j]: rate i -> j
    np.fill_diagonal(q, 0.0)
    size = len(q)
    out_rate = np.zeros(size)
    for k in range(size - 1, 0, -1):
        out_rate[k] = q[k, :k].sum()
        if not out_rate[k] > 0:
            raise SolverError(f"sector chain reducible (state {k} has no exit); "
                               "steady state not unique")
        q[:k, :k] += np.outer(q[:k, k], q[k, :k]) / out_rate[k]
    pi = np.zeros(size)
    pi[0] = 1.0
    for k in range(1, size):
        pi[k] = pi[:k] @ q[:k, k] / out_rate[k]
    return pi / pi.sum()


def _reduced_rates(l_inter: np.ndarray, blocks: dict[int, slice], pops: dict[int, np.ndarray],
                   ys: dict[int, np.ndarray]) -> np.ndarray:
    """``R[M', M] = Tr_{M'} (L_inter[:, M] y_M)`` (gains only; checked to be non-negative)."""
    mags = list(blocks)
    rates = np.zeros((len(mags), len(mags)))
    for j, mag in enumerate(mags):
        flow = l_inter[:, blocks[mag]] @ ys[mag]
        for i, target in enumerate(mags):
            rates[i, j] = flow[pops[target]].real.sum()
        gain = np.delete(rates[:, j], j)
        if gain.min() < -1e-12 * max(gain.max(), 0):
            raise SolverError(f"negative inter-sector rate {gain.min():.1e} out of sector {mag}")
    return np.clip(rates, 0.0, None)


@dataclass(frozen=True)
class _Sectors:
    """Blocks, intra-sector zero modes ``y_M`` and their factorisations."""

    blocks: dict[int, slice]
    pops: dict[int, np.ndarray]
    systems: dict[int, BorderedSystem]

    def weights(self, l_inter: np.ndarray, ys: dict[int, np.ndarray]):
        """Reduced rates and stationary sector weights ``xi`` for the sector states ``ys``."""
        rates = _reduced_rates(l_inter, self.blocks, self.pops, ys)
        return rates, reduced_stationary(rates)

    def assemble(self, xi: np.ndarray, ys: dict[int, np.ndarray], size: int) -> np.ndarray:
        """``x`` with ``x_M = xi_M y_M``."""
        x = np.zeros(size, dtype=complex)
        for weight, (mag, sl) in zip(xi, self.blocks.items()):
            x[sl] = weight * ys[mag]
        return x


def _sectors(l_intra: np.ndarray, pairs: DegeneratePairs, sector: np.ndarray) -> _Sectors:
    blocks = sector_blocks(pairs, sector)
    if blocks is None:
        raise ValueError("pairs mix magnetisation sectors: L^Q does not split by sector")
    systems, pops = {}, {}
    for mag, sl in blocks.items():
        if np.any(l_intra[sl, :sl.start]) or np.any(l_intra[sl, sl.stop:]):
            raise ValueError(f"l_intra couples sector {mag} to other sectors")
        sub = DegeneratePairs(a=pairs.a[sl], b=pairs.b[sl], tol=pairs.tol,
                              smallest_gap_above_tol=pairs.smallest_gap_above_tol)
        systems[mag] = bordered_system(l_intra[sl, sl], sub)
        pops[mag] = sl.start + sub.populations
    worst = min(s.pivot_ratio for s in systems.values())
    if worst < PIVOT_RATIO:
        raise SolverError(f"a magnetisation sector has a degenerate zero mode (pivot ratio "
                           f"{worst:.1e}); steady state not unique")
    return _Sectors(blocks=blocks, pops=pops, systems=systems)


def sector_zero_mode(l_intra: np.ndarray, l_inter: np.ndarray, pairs: DegeneratePairs,
                     sector: np.ndarray) -> ExactSteadyState:
    """Zero mode of ``L_intra + L_inter`` from the balanced system (module docstring).

    Parameters
    ----------
    l_intra, l_inter : (P, P) complex arrays
        ``L^Q`` from the ``S^z``-conserving and from the ``S^z``-changing matrix
        elements of the couplings, on the pair basis of ``pairs``.
    pairs : DegeneratePairs
        Conserved pairs, all of equal magnetisation (``sector[a] == sector[b]``).
    sector : (D,) int array
        Magnetisation sector of every eigenstate.

    Raises
    ------
    SolverError
        If a sector block has a degenerate zero mode, the sector chain is
        reducible, the balanced system's pivot ratio is below ``PIVOT_RATIO``,
        or the final residual exceeds 1e-10.
    """
    sec = _sectors(l_intra, pairs, sector)
    ys = {mag: s.solve() for mag, s in sec.systems.items()}
    rates, xi = sec.weights(l_inter, ys)
    exit_rate = rates.sum(axis=0) - np.diag(rates)
    if not (np.all(exit_rate > 0) and np.all(xi > 0)):
        raise SolverError("an inter-sector rate underflows float64 (field too large for "
                           "this phonon broadening); sector weights not resolved")
    scale = np.zeros(pairs.size)
    for weight, sl in zip(xi, sec.blocks.values()):
        scale[sl] = weight
    lq = l_intra + l_inter
    balanced = lq * (scale[None, :] / scale[:, None])
    form = real_form(pairs)
    pop = pairs.populations
    system = form.matrix(balanced, pop)
    del balanced
    # sector balance rows: Tr_M (L_inter x), loss part = - gains into the other sectors
    trace_rows = np.zeros((len(xi), pairs.size), dtype=complex)
    for i, target in enumerate(sec.blocks):
        trace_rows[i] = l_inter[sec.pops[target]].sum(axis=0)
    for j, sl in enumerate(sec.blocks.values()):
        trace_rows[j, sl] = -(trace_rows[:, sl].sum(axis=0) - trace_rows[j, sl])
    balance = form.columns(trace_rows * scale[None, :]).real
    for i, weight in enumerate(xi):
        balance[i] /= weight * exit_rate[i]
    rows = [int(p[0]) for p in sec.pops.values()]
    system[rows] = balance
    big = int(np.argmax(xi))  # the largest sector's balance is implied by the others
    system[rows[big]] = 0
    system[rows[big], pop] = scale[pop]  # Tr x = 1
    lu = factorize(system, form, rows[big])
    if lu.pivot_ratio < PIVOT_RATIO:
        raise SolverError(f"balanced L^Q has a degenerate zero mode (pivot ratio "
                           f"{lu.pivot_ratio:.1e}); steady state not unique")
    x = scale * lu.solve()
    worst = min(lu.pivot_ratio, min(s.pivot_ratio for s in sec.systems.values()))
    detail = (f"sectors={len(xi)};min_sector_weight={xi.min():.1e};"
              f"min_exit_rate={exit_rate.min():.1e}")
    return checked_state(lq, pairs, x, method="sectors", pivot_ratio=worst, detail=detail)


def aggregation_iteration(l_intra: np.ndarray, l_inter: np.ndarray, pairs: DegeneratePairs,
                          sector: np.ndarray, *, tol: float = 1e-12,
                          max_iterations: int = 200) -> tuple[np.ndarray, int]:
    """Zero mode by iterative aggregation-disaggregation (independent of the balanced LU).

    Returns ``(x, iterations)``.  Converges when the inter-sector rates are small
    compared with the intra-sector relaxation (large ``|B|``); raises otherwise.
    """
    sec = _sectors(l_intra, pairs, sector)
    ys = {mag: s.solve() for mag, s in sec.systems.items()}
    for iteration in range(1, max_iterations + 1):
        _, xi = sec.weights(l_inter, ys)
        x = sec.assemble(xi, ys, pairs.size)
        flow = l_inter @ x
        change = 0.0
        for weight, (mag, sl) in zip(xi, sec.blocks.items()):
            new = sec.systems[mag].solve(-flow[sl] / weight)
            change = max(change, float(np.abs(new - ys[mag]).max()))
            ys[mag] = new
        if change < tol:
            return sec.assemble(sec.weights(l_inter, ys)[1], ys, pairs.size), iteration
    raise SolverError(f"sector aggregation did not converge in {max_iterations} "
                       f"iterations (last change {change:.1e})")
