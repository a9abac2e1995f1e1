"""The exact weak-coupling steady state: the zero mode of ``L^Q`` of eq. (11).

Every conserved operator of ``H0`` is a combination of ``|a><b|`` with
``E_a = E_b`` (the set Q of the paper).  The steady state of the n = 0 Floquet
sector commutes with translations (the drive is invariant under a translation
combined with a half-period time shift, the phonons under translations), so
only pairs of equal momentum enter; all their coherences are kept (different
S^z sectors included: gamma_m breaks S^z conservation).  On that set

    (L^Q rho)_ab = sum_{cd} [gain]_{ab,cd} rho_cd - sum_c K_ac rho_cb - sum_d rho_ad K^*_bd,
    gain_{ab,cd} = m sum_{alpha beta} [Gamma_ab(E_c - E_a) (A_b)_ac (A_a)_db
                                       + conj(Gamma_ab(E_c - E_a)) (A_a)_ac (A_b)_db],
    K_ac = m sum_{alpha beta, k} (A_alpha)_ak Gamma_{alpha beta}(E_c - E_k) (A_beta)_kc,

the channel form of :mod:`symness.pump.couplings` restricted to Q.  This is the
degenerate second-order perturbation theory of ``L0 + eps L1`` around
``ker L0`` (an engine in ``symness/perturbation`` would provide
``-P L1 L0^-1 L1 P`` generically; here the eigenbasis form is used directly
because it is what makes N = 12 feasible).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import scipy.linalg as sla

from symness import tolerance
from symness.models.xxz_ring import Eigensystem
from symness.perturbation.degenerate import degenerate_levels
from symness.pump.couplings import Channels, Couplings
from symness.validation import SolverError

__all__ = ["DegeneratePairs", "degenerate_pairs", "generator_q", "ExactSteadyState",
           "exact_steady_state", "zero_mode", "DEGENERACY_TOL", "degeneracy_spread",
           "multiplet_count", "BorderedSystem", "bordered_system", "checked_state",
           "PIVOT_RATIO", "RealForm", "real_form", "factorize", "gain_rows", "loss_entries",
           "state_with_checks", "border", "pair_index", "real_vector", "lamb_shift_residual"]

#: Two levels closer than this (in units of J) are treated as degenerate: the package's
#: one degeneracy tolerance (n = 14: spread 8.7e-15, smallest gap above it 2.0e-8).
DEGENERACY_TOL = tolerance.DEGENERACY

#: Smallest |pivot| / largest |pivot| of the bordered LU accepted as a unique zero mode.
#: Measured (n = 8): ~0.1 for unique steady states, ~1e-11 for the doubly degenerate
#: kernel at B = 0 without drive (strong symmetry), so 1e-8 separates them by 3 decades.
#: At large |B| the smallest pivot is the (physically tiny) inter-sector relaxation rate
#: instead; :mod:`symness.pump.sector_steady_state` handles that case.
PIVOT_RATIO = 1e-8

#: Rows of the pair set handled at once when assembling the gain matrix.
_CHUNK = 512


@dataclass(frozen=True)
class DegeneratePairs:
    """Pairs ``(a, b)`` with ``k_a = k_b`` and ``|E_a - E_b| <= tol``.

    ``index[(a, b)]`` is the position of a pair; ``populations`` lists the
    positions with ``a == b``.
    """

    a: np.ndarray
    b: np.ndarray
    tol: float
    smallest_gap_above_tol: float

    @property
    def size(self) -> int:
        """Number of conserved operators ``|a><b|`` kept."""
        return len(self.a)

    @property
    def populations(self) -> np.ndarray:
        """Positions of the diagonal pairs ``(a, a)``."""
        return np.flatnonzero(self.a == self.b)


def _multiplets(energy: np.ndarray, labels: np.ndarray, tol: float):
    """Levels of equal ``labels`` (momentum) chained by energy gaps ``<= tol``.

    Returns the index arrays (each sorted by energy) and the smallest gap above ``tol``
    (:func:`symness.perturbation.degenerate.degenerate_levels`).
    """
    levels = degenerate_levels(energy, tol, sectors=labels)
    return levels.groups(), levels.gap


def multiplet_count(eigen: Eigensystem, tol: float = DEGENERACY_TOL, *,
                    same_momentum: bool = True) -> tuple[int, float]:
    """``sum_multiplets d^2`` (number of conserved ``|a><b|``) and the smallest gap above tol.

    With ``same_momentum=False`` the multiplets are those of ``H0`` alone (the
    count of the paper's caption, "7969" at n = 12, which is a sum of squares
    over 2^n states and hence has the parity of 2^n).
    """
    labels = eigen.momentum if same_momentum else np.zeros_like(eigen.momentum)
    groups, gap = _multiplets(eigen.energy, labels, tol)
    return int(sum(len(g) ** 2 for g in groups)), gap


def degeneracy_spread(eigen: Eigensystem, tol: float = DEGENERACY_TOL, *,
                      same_momentum: bool = True) -> float:
    """Largest energy spread inside a multiplet (how degenerate the "degenerate" levels are)."""
    labels = eigen.momentum if same_momentum else np.zeros_like(eigen.momentum)
    groups, _ = _multiplets(eigen.energy, labels, tol)
    return max(float(np.ptp(eigen.energy[g])) for g in groups)


def degenerate_pairs(eigen: Eigensystem, tol: float = DEGENERACY_TOL) -> DegeneratePairs:
    """List the conserved ``|a><b|`` of equal momentum (translation-invariant part of Q)."""
    groups, gap = _multiplets(eigen.energy, eigen.momentum, tol)
    a = np.concatenate([np.repeat(g, len(g)) for g in groups])
    b = np.concatenate([np.tile(g, len(g)) for g in groups])
    order = np.lexsort((b, a))
    return DegeneratePairs(a=a[order], b=b[order], tol=tol, smallest_gap_above_tol=gap)


def _loss_matrix(ch: Channels, energy: np.ndarray, a: np.ndarray, c: np.ndarray) -> np.ndarray:
    """``K_ac`` for the listed pairs (``E_a = E_c``)."""
    out = np.zeros(len(a), dtype=complex)
    step = _chunk(len(energy))
    for start in range(0, len(a), step):
        sl = slice(start, start + step)
        gam = ch.gamma(energy[c[sl], None] - energy[None, :])  # (p, k, al, be)
        rows = [op[a[sl], :] for op in ch.ops]
        cols = [op[:, c[sl]].T for op in ch.ops]
        for al, row in enumerate(rows):
            for be, col in enumerate(cols):
                # A_ak A_kc first: for a = c it is exactly |A_ak|^2 (Hermitian A), so the
                # Lamb shift cannot leak into the (possibly tiny) decay rate by rounding
                out[sl] += np.einsum("pk,pk->p", row * col, gam[..., al, be])
    return ch.multiplicity * out


def _chunk(dim: int) -> int:
    """Rows per block: ``_CHUNK``, fewer when ``chunk x 2^n`` temporaries would pass 2^22."""
    return max(64, min(_CHUNK, 2**22 // dim))


def gain_rows(ch: Channels, energy: np.ndarray, pairs: DegeneratePairs,
              rows: np.ndarray | slice) -> np.ndarray:
    """Rows ``rows`` (pair positions) of the gain part of one channel set (all pair columns)."""
    a, b = pairs.a, pairs.b
    nu = energy[None, a] - energy[a[rows], None]  # E_c - E_a, rows p, columns q
    lefts = [op[np.ix_(a[rows], a)] for op in ch.ops]  # (A)_{a_p c_q}
    rights = [op[np.ix_(b, b[rows])].T for op in ch.ops]  # (A)_{d_q b_p}
    if len(ch.ops) == 1 and ch.rate is not None:  # Gamma + Gamma^* = rate
        return ch.multiplicity * (ch.rate(nu) * lefts[0] * rights[0])
    out = np.zeros(nu.shape, dtype=complex)
    gam = ch.gamma(nu)
    for al in range(len(ch.ops)):
        for be in range(len(ch.ops)):
            g = gam[..., al, be]
            out += g * lefts[be] * rights[al] + g.conj() * lefts[al] * rights[be]
    return ch.multiplicity * out


def _gain_matrix(ch: Channels, energy: np.ndarray, pairs: DegeneratePairs) -> np.ndarray:
    out = np.zeros((pairs.size, pairs.size), dtype=complex)
    step = _chunk(len(energy))
    for start in range(0, pairs.size, step):
        sl = slice(start, start + step)
        out[sl] = gain_rows(ch, energy, pairs, sl)
    return out


def loss_entries(ch: Channels, energy: np.ndarray, pairs: DegeneratePairs,
                 index: dict[tuple[int, int], int]) -> tuple[list, list, list]:
    """``(rows, columns, values)`` of the loss part ``-K rho - rho K^dagger`` of one channel set.

    Entries repeat (they add up); their order is that of the pair list.
    """
    k = _loss_matrix(ch, energy, pairs.a, pairs.b)  # K_ac for every pair (a, c)
    rows, cols, vals = [], [], []
    for p_ac, (x, c) in enumerate(zip(pairs.a, pairs.b)):
        # - K_ac rho_cb  ->  row (a, b), column (c, b) for every b in the multiplet
        # - rho_ad conj(K_bd): row (a, b), column (a, d), with (b, d) = (x, c)
        for other in _partners(pairs, c):
            rows += [index[(int(x), other)], index[(other, int(x))]]
            cols += [index[(int(c), other)], index[(other, int(c))]]
            vals += [-k[p_ac], -np.conj(k[p_ac])]
    return rows, cols, vals


def lamb_shift_residual(cp: Couplings, pairs: DegeneratePairs, error: float,
                        x: np.ndarray) -> float:
    """Bound on ``||dL^Q x||_1`` when the phonon Lamb shift is off by at most ``error``.

    The Lamb shift ``S`` enters ``L^Q`` only through ``K_ac`` of the phonons (the gain
    terms use the rate ``gamma``; the drive's ``Gamma`` is in closed form):
    ``|dK_ac| <= eps_ph^2 error m sum_k |A_ak| |A_kc|``.  Every loss entry of ``L^Q`` is a
    sum of ``-K`` and ``-K^*`` terms, so the loss entries ``E`` of the channel ``|A|`` with
    ``Gamma = eps_ph^2 error`` (all of one sign: no cancellation) bound ``|dL^Q|``
    entrywise, and ``||dL^Q x||_1 <= ||E |x| ||_1``.
    """
    ch = cp.phonon
    bound = float(cp.params.eps_ph) ** 2 * float(error)
    absolute = Channels(ops=tuple(np.abs(op) for op in ch.ops),
                        gamma=lambda nu: np.full(np.shape(nu) + (1, 1), bound),
                        multiplicity=ch.multiplicity)
    _, cols, vals = loss_entries(absolute, cp.energy, pairs, pair_index(pairs))
    # ||E |x| ||_1 sums every entry |E_rc| |x_c| once, whatever its row
    return float((np.abs(np.asarray(vals)) * np.abs(x)[np.asarray(cols, dtype=int)]).sum())


def generator_q(cp: Couplings, pairs: DegeneratePairs,
                channels: tuple[Channels, ...] | None = None) -> np.ndarray:
    """Dense matrix of ``L^Q`` of eq. (11) on the pair basis (``rho_ab`` coefficients).

    ``channels`` defaults to all channel sets of ``cp`` (phonons, and the drive
    if ``eps_d != 0``); pass one set to get its part alone (``L^Q`` is
    ``eps_ph^2 L_ph + eps_d^2 L_d``).
    """
    energy = cp.energy
    index = pair_index(pairs)
    lq = np.zeros((pairs.size, pairs.size), dtype=complex)
    for ch in cp.channel_sets() if channels is None else channels:
        lq += _gain_matrix(ch, energy, pairs)
        rows, cols, vals = loss_entries(ch, energy, pairs, index)
        np.add.at(lq, (np.array(rows, dtype=int), np.array(cols, dtype=int)), np.array(vals))
    return lq


def _partners(pairs: DegeneratePairs, a: int) -> list[int]:
    """States ``b`` with ``(a, b)`` in the pair set (the multiplet of ``a``)."""
    lo, hi = np.searchsorted(pairs.a, [a, a + 1])
    return [int(v) for v in pairs.b[lo:hi]]


@dataclass(frozen=True)
class ExactSteadyState:
    """Zero mode of ``L^Q``: ``rho = sum_p x_p |a_p><b_p|`` with checks.

    ``method`` is ``"direct"`` (bordered LU of the whole ``L^Q``) or ``"sectors"``
    (:mod:`symness.pump.sector_steady_state`); ``pivot_ratio`` is the smallest
    pivot ratio of the LU factorisations that established uniqueness.
    """

    pairs: DegeneratePairs
    x: np.ndarray
    residual: float
    hermiticity: float
    min_population: float
    min_eigenvalue: float
    method: str = "direct"
    pivot_ratio: float = float("nan")
    detail: str = ""

    def expect(self, op_eigenbasis: np.ndarray) -> float:
        """``Tr(rho O)`` for ``O`` given in the eigenbasis of ``H0``."""
        return float(np.real(np.sum(self.x * op_eigenbasis[self.pairs.b, self.pairs.a])))

    def populations(self) -> np.ndarray:
        """``rho_aa`` for every eigenstate (in eigenstate order)."""
        pop = self.pairs.populations
        out = np.zeros(int(self.pairs.a.max()) + 1)
        out[self.pairs.a[pop]] = self.x[pop].real
        return out


def exact_steady_state(cp: Couplings, pairs: DegeneratePairs | None = None) -> ExactSteadyState:
    """Build ``L^Q`` for ``cp`` and return its zero mode (see :func:`zero_mode`)."""
    pairs = pairs or degenerate_pairs(cp.eigen)
    return zero_mode(generator_q(cp, pairs), pairs)


def pair_index(pairs: DegeneratePairs) -> dict[tuple[int, int], int]:
    """Position of each pair ``(a, b)`` in the pair list."""
    return {(int(u), int(v)): p for p, (u, v) in enumerate(zip(pairs.a, pairs.b))}


def _swap(pairs: DegeneratePairs, index: dict[tuple[int, int], int]) -> np.ndarray:
    """Position of ``(b, a)`` for each pair ``(a, b)`` (the set is closed under the swap)."""
    return np.array([index[(int(v), int(u))] for u, v in zip(pairs.a, pairs.b)], dtype=int)


def real_vector(x: np.ndarray, up: np.ndarray, low: np.ndarray) -> np.ndarray:
    """Real-form variables of a Hermitian pair vector: ``Re x``, and ``Im x[up]`` at ``low``."""
    y = x.real.copy()
    y[low] = x[up].imag
    return y


@dataclass(frozen=True)
class BorderedSystem:
    """Real LU of ``L^Q`` with one population equation replaced by ``Tr rho = 1``.

    ``L^Q`` maps Hermitian matrices to Hermitian matrices, so it is factorised
    as a real-linear map on ``(rho_aa, Re rho_ab, Im rho_ab)`` (``a < b``): a real
    LU of the same size, four times cheaper than the complex one.
    """

    lu: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    low: np.ndarray
    row: int
    pivot_ratio: float

    def solve(self, rhs: np.ndarray | None = None) -> np.ndarray:
        """``x`` with ``L^Q x = rhs`` (Hermitian ``rhs``, default 0) and ``Tr x = 1``.

        The equation of population ``row`` is not imposed (it is the trace of the
        others when ``Tr(rhs) = 0``).
        """
        real = (np.zeros(len(self.lu[1])) if rhs is None
                else real_vector(rhs, self.up, self.low))
        real[self.row] = 1
        y = sla.lu_solve(self.lu, real, check_finite=False)
        x = y.astype(complex)
        x[self.up] = y[self.up] + 1j * y[self.low]
        x[self.low] = y[self.up] - 1j * y[self.low]
        return x


@dataclass(frozen=True)
class RealForm:
    """``L^Q`` as a real-linear map on ``(rho_aa, Re rho_ab, Im rho_ab)`` (``a < b``).

    ``up``/``low`` are the positions of ``(a, b)``, ``a < b``, and of ``(b, a)``;
    variable ``up`` holds ``Re rho_ab``, variable ``low`` holds ``Im rho_ab``.
    """

    up: np.ndarray
    low: np.ndarray

    def columns(self, m: np.ndarray) -> np.ndarray:
        """Rows ``m`` (complex, pair columns) acting on the real variables (complex result)."""
        out = m.copy()  # y_up -> x_up = x_low = 1; y_low -> x_up = i, x_low = -i
        out[..., self.up] = m[..., self.up] + m[..., self.low]
        out[..., self.low] = 1j * (m[..., self.up] - m[..., self.low])
        return out

    def matrix(self, lq: np.ndarray, pop: np.ndarray) -> np.ndarray:
        """The real matrix of ``lq``: rows ``Re`` (populations, ``up``) and ``Im`` (``low``)."""
        system = np.empty(lq.shape)
        rows = self.complex_rows(pop)
        self.fill(system, rows, lq[rows])
        return system

    def complex_rows(self, pop: np.ndarray) -> np.ndarray:
        """Pair rows whose complex equations give every real row: populations and ``up``."""
        return np.sort(np.concatenate([pop, self.up]))

    def fill(self, system: np.ndarray, rows: np.ndarray, m: np.ndarray) -> None:
        """Write the real rows of complex rows ``m`` (pair rows ``rows``) into ``system``.

        A population or ``up`` row gives its real part in place; an ``up`` row also
        gives its imaginary part as row ``low``.
        """
        cols = self.columns(m)
        system[rows] = cols.real
        if not len(self.up):  # populations only
            return
        at = np.minimum(np.searchsorted(self.up, rows), len(self.up) - 1)
        is_up = self.up[at] == rows
        system[self.low[at[is_up]]] = cols[is_up].imag


def real_form(pairs: DegeneratePairs) -> RealForm:
    """Index maps of the real form for the pair set ``pairs`` (closed under ``a <-> b``)."""
    up = np.flatnonzero(pairs.a < pairs.b)
    return RealForm(up=up, low=_swap(pairs, pair_index(pairs))[up])


def factorize(system: np.ndarray, form: RealForm, row: int) -> BorderedSystem:
    """LU of a real bordered ``system`` (``row``: the equation with right-hand side 1)."""
    with warnings.catch_warnings():  # an exactly singular system is reported by the caller
        warnings.simplefilter("ignore", sla.LinAlgWarning)
        lu = sla.lu_factor(system, check_finite=False, overwrite_a=True)
    diag = np.abs(np.diag(lu[0]))
    ratio = float(diag.min() / diag.max()) if diag.max() > 0 else 0.0
    return BorderedSystem(lu=lu, up=form.up, low=form.low, row=row, pivot_ratio=ratio)


def bordered_system(lq: np.ndarray, pairs: DegeneratePairs) -> BorderedSystem:
    """Factorise ``lq`` (pair basis of ``pairs``) in the real form with the trace border."""
    pop = pairs.populations
    form = real_form(pairs)
    system = form.matrix(lq, pop)
    return factorize(system, form, border(system, pop))


def border(system: np.ndarray, pop: np.ndarray) -> int:
    """Replace the first population equation of ``system`` by ``Tr rho = 1``; return its row."""
    row = int(pop[0])
    system[row, :] = 0
    system[row, pop] = 1
    return row


def zero_mode(lq: np.ndarray, pairs: DegeneratePairs) -> ExactSteadyState:
    """Solve ``L^Q x = 0`` with ``Tr rho = 1`` (bordered dense LU, real form).

    Raises
    ------
    SolverError
        If the residual ``||L^Q x|| / (||L^Q|| ||x||)`` exceeds 1e-10 or the
        zero mode is not unique (LU pivot ratio below ``PIVOT_RATIO``).
    """
    system = bordered_system(lq, pairs)
    if system.pivot_ratio < PIVOT_RATIO:
        raise SolverError(f"L^Q has a degenerate zero mode (pivot ratio "
                           f"{system.pivot_ratio:.1e}); steady state not unique")
    return checked_state(lq, pairs, system.solve(), method="direct",
                         pivot_ratio=system.pivot_ratio)


def checked_state(lq: np.ndarray, pairs: DegeneratePairs, x: np.ndarray, *, method: str,
                  pivot_ratio: float, detail: str = "") -> ExactSteadyState:
    """Wrap a zero mode ``x`` of ``lq`` with its checks; raise if its residual exceeds 1e-10."""
    residual = float(np.linalg.norm(lq @ x) / (np.linalg.norm(lq) * np.linalg.norm(x)))
    return state_with_checks(pairs, x, residual, method=method, pivot_ratio=pivot_ratio,
                             detail=detail)


def state_with_checks(pairs: DegeneratePairs, x: np.ndarray, residual: float, *, method: str,
                      pivot_ratio: float, detail: str = "") -> ExactSteadyState:
    """Wrap a zero mode ``x`` with its relative ``residual``; raise if it exceeds 1e-10."""
    if residual > 1e-10:
        raise SolverError(f"L^Q zero mode residual {residual:.1e} > 1e-10")
    index = pair_index(pairs)
    herm = float(np.abs(x - x[_swap(pairs, index)].conj()).max())
    pop = pairs.populations
    return ExactSteadyState(pairs=pairs, x=x, residual=residual, hermiticity=herm,
                            min_population=float(x[pop].real.min()),
                            min_eigenvalue=_min_eigenvalue(pairs, x, index), method=method,
                            pivot_ratio=pivot_ratio, detail=detail)


def _min_eigenvalue(pairs: DegeneratePairs, x: np.ndarray,
                    index: dict[tuple[int, int], int]) -> float:
    """Smallest eigenvalue of rho (block diagonal over the multiplets)."""
    out, seen = np.inf, set()
    for a in pairs.a[pairs.populations]:
        if int(a) in seen:
            continue
        members = _partners(pairs, int(a))
        seen.update(members)
        block = np.array([[x[index[(u, v)]] for v in members] for u in members])
        out = min(out, float(np.linalg.eigvalsh((block + block.conj().T) / 2).min()))
    return out
