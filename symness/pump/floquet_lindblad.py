"""Independent cross-check: the full Floquet-Redfield steady state at finite small amplitudes.

The exact approach (11) is the ``eps -> 0`` limit of a dynamics.  Here that
dynamics is solved directly, without projecting onto the conserved operators:

* the drive (8) enters exactly, as the Floquet matrix ``L_nm = (i n w - eta_d n^2)
  delta_nm + L_{n-m}`` (Methods, "Floquet formulation") with ``L_{+-1} = -i eps_d
  [H^(+-), .]``.  The ``-eta_d n^2`` is the phase diffusion of a drive of
  linewidth ``eta_d`` (Fourier mode ``n`` of the drive phase decays at
  ``eta_d n^2``); it is what the regulator ``(L0 - eta)^-1`` stands for, and
  turns the drive's delta functions into Lorentzians;
* the phonons enter through the full (non-secular) Redfield generator of the
  same bath, built from all matrix elements of ``A_j`` (no restriction to
  degenerate pairs), with the Lamb shift;
* ``H0`` enters exactly; harmonics ``|n| <= harmonics`` are kept.

Translation by one site combined with a half-period shift is a symmetry, so
the Floquet component ``sigma_n`` only has entries ``<a|sigma_n|b>`` with
``k_a - k_b = n pi``; the linear system on those entries is solved densely
(``n = 4, 6``).  As ``eps -> 0`` at fixed ``eps_d/eps_ph``, ``sigma_0`` must
converge to the zero mode of ``L^Q``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.linalg as sla

from symness.models.xxz_ring import eigensystem
from symness.pump.couplings import couplings
from symness.pump.model import PumpParams
from symness.validation import SolverError, require_int

__all__ = ["FloquetSteadyState", "floquet_redfield_steady_state"]


@dataclass(frozen=True)
class FloquetSteadyState:
    """``sigma_0`` (time-averaged density matrix, eigenbasis of ``H0``) and checks."""

    sigma0: np.ndarray
    residual: float
    harmonics: int
    dimension: int


def floquet_redfield_steady_state(params: PumpParams, *, harmonics: int = 1) -> FloquetSteadyState:
    """Solve the truncated Floquet-Redfield equations for the periodic steady state.

    Parameters
    ----------
    params : PumpParams
        Finite amplitudes ``eps_d``, ``eps_ph`` (``n <= 6``: the system is dense).
    harmonics : int
        Floquet components ``|n| <= harmonics`` are kept (1 or 2).

    Raises
    ------
    SolverError
        If the relative residual of the solve exceeds 1e-9.
    """
    require_int(params.n, "n", minimum=4, maximum=6)
    harmonics = require_int(harmonics, "harmonics", minimum=1, maximum=3)
    es = eigensystem(params.ring)
    cp = couplings(params, es)
    energy, mom, n = es.energy, es.momentum, params.n
    a0 = cp.phonon.ops[0]
    gam = cp.phonon.gamma(energy[None, :] - energy[:, None])[..., 0, 0]  # Gamma(E_l - E_k)
    at = gam * a0
    same_k = mom[:, None] == mom[None, :]
    kmat = n * np.where(same_k, a0 @ at, 0)  # sum_j A_j At_j
    x1, x2 = cp.drive.ops  # already carry eps_d
    h_plus, h_minus = (x2 + 1j * x1) / 2, (x2 - 1j * x1) / 2

    sectors = list(range(-harmonics, harmonics + 1))
    entries = {}
    for s in sectors:
        q = (s * n // 2) % n
        a, b = np.nonzero((mom[:, None] - mom[None, :]) % n == q)
        entries[s] = (a, b)
    offsets = np.cumsum([0] + [len(entries[s][0]) for s in sectors])
    dim = int(offsets[-1])
    mat = np.zeros((dim, dim), dtype=complex)
    omega, eta = float(params.omega), float(params.eta_d)
    for i, s in enumerate(sectors):
        a, b = entries[s]
        rows = slice(offsets[i], offsets[i + 1])
        block = n * (at[np.ix_(a, a)] * a0[np.ix_(b, b)].T
                     + a0[np.ix_(a, a)] * at[np.ix_(b, b)].conj())
        block -= kmat[np.ix_(a, a)] * (b[:, None] == b[None, :])
        block -= (a[:, None] == a[None, :]) * kmat[np.ix_(b, b)].conj()
        block[np.diag_indices_from(block)] += (-1j * (energy[a] - energy[b]) + 1j * s * omega
                                               - eta * s**2)
        mat[rows, rows] = block
        for shift, h in ((-1, h_plus), (1, h_minus)):  # sigma_s <- L_{-shift} sigma_{s+shift}
            t = s + shift
            if t not in entries:
                continue
            c, d = entries[t]
            j = sectors.index(t)
            cols = slice(offsets[j], offsets[j + 1])
            mat[rows, cols] = (-1j * h[np.ix_(a, c)] * (b[:, None] == d[None, :])
                               + 1j * (a[:, None] == c[None, :]) * h[np.ix_(d, b)].T)
    zero = sectors.index(0)
    a, b = entries[0]
    trace_row = offsets[zero] + int(np.flatnonzero(a == b)[0])
    system = mat.copy()
    system[trace_row, :] = 0
    system[trace_row, offsets[zero] + np.flatnonzero(a == b)] = 1
    rhs = np.zeros(dim, dtype=complex)
    rhs[trace_row] = 1
    x = sla.solve(system, rhs, check_finite=False)
    residual = float(np.linalg.norm(mat @ x) / (np.linalg.norm(mat) * np.linalg.norm(x)))
    if residual > 1e-9:
        raise SolverError(f"Floquet-Redfield solve residual {residual:.1e} > 1e-9")
    sigma0 = np.zeros((len(energy), len(energy)), dtype=complex)
    sigma0[a, b] = x[offsets[zero]:offsets[zero + 1]]
    return FloquetSteadyState(sigma0=sigma0, residual=residual, harmonics=harmonics, dimension=dim)
