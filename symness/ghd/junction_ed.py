"""Exact short-time dynamics of the Neel | Bell-pairs junction on a small open chain.

A qualitative check of Example 2 only: the open chain of ``n`` sites (H = sum_l h_{l,l+1},
spin-1/2, J = 1) starts in |Neel>_{0..n/2-1} (x) prod (|up up> - |down down>)/sqrt 2 on the
pairs (n/2, n/2+1), ...; the state is propagated exactly (Krylov, ``expm_multiply``) and
the energy current at the junction bond b = n/2 - 1 is measured,

    j_E(t) = <(j_b + j_{b+1})/2>,     j_l = i [h_{l-1,l}, h_{l,l+1}]

(the current of eq. (13) for q_l = h_{l,l+1}: d h_l/dt = j_l - j_{l+1}; positive towards
larger site index), to be set against the GHD value <j_1>(zeta = 0).  The edges of the open
chain send their own perturbations, which reach the junction at t ~ (n/2)/v_max, and the
junction relaxes to its t -> oo value only as a power of t: this is not a quantitative test.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse.linalg as spla

from symness.models.xxz_chain import XXZChain, hamiltonian
from symness.tba.exact_diag import bond
from symness.validation import ParameterError, require_int, require_real

__all__ = ["initial_state", "open_hamiltonian", "junction_energy_current"]


def initial_state(n: int) -> np.ndarray:
    """|up down ... up down> (x) ((|up up> - |down down>)/sqrt 2)^{(x) n/4} on n sites."""
    n = require_int(n, "n", minimum=4, maximum=20)
    if n % 4:
        raise ParameterError(f"'n' must be a multiple of 4 (two equal halves of pairs) (got {n})")
    neel_pair = np.array([0.0, 1.0, 0.0, 0.0])  # |up down>, |0> = up leftmost
    bell_pair = np.array([1.0, 0.0, 0.0, -1.0]) / np.sqrt(2)
    psi = np.array([1.0])
    for pair in [neel_pair] * (n // 4) + [bell_pair] * (n // 4):
        psi = np.kron(psi, pair)
    return psi.astype(complex)


def open_hamiltonian(n: int, delta: float):
    """H = sum_{l=0}^{n-2} h_{l,l+1} on the open chain (sparse).

    The open :class:`~symness.models.xxz_chain.XXZChain`, spin normalisation, exchange 1.
    """
    return hamiltonian(XXZChain(n, delta, normalisation="spin"))


def junction_energy_current(n: int, delta: float, times: np.ndarray) -> np.ndarray:
    """<j_E>(t) at the junction for the times ``times`` (uniformly spaced, from 0)."""
    delta = float(require_real(delta, "delta", minimum=-1, maximum=1))
    times = np.asarray(times, dtype=float)
    ham = open_hamiltonian(n, delta)
    b = n // 2 - 1
    h = [bond(delta, left, n) for left in (b - 1, b, b + 1)]
    current = 0.5j * ((h[0] @ h[1] - h[1] @ h[0]) + (h[1] @ h[2] - h[2] @ h[1]))
    states = spla.expm_multiply(-1j * ham, initial_state(n), start=times[0], stop=times[-1],
                                num=times.size, endpoint=True)
    return np.array([np.vdot(s, current @ s).real for s in states])
