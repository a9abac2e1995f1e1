"""From the microscopic system-bath model to the local master equation (16) (Ishida & Sugita, II).

The Redfield (Born-Markov) generator of eqs. (5)-(9) for the chain ``H_S = H0 + lam H_I``
(10), one bath at each end coupled through ``X = sigma^{z'}`` (B1) of the edge spin::

    L_R rho = -i [H_S + lam Hbar_SB, rho] + lam^2 sum_baths D rho                  (5)
    D rho  = -( X S rho - S rho X + rho S^† X - X rho S^† )                          (7)
    S      = sum_pq Xi(E_p - E_q) |E_p><E_p| X |E_q><E_q|                            (8), (13)

with ``E_p, |E_p>`` the eigenpairs of the *whole* ``H_S`` (not only of the edge field).
The bath enters through ``Xi(w) = Phi~(w) / 2`` (B6) with the imaginary part dropped (text
after (B8)); we take the KMS-consistent spectrum ``Phi~_beta(w) = 2 g / (1 + e^{beta w})``
(B8) with constant ``g``, for which ``c = d = g`` in (B32)-(B33).  The paper's local
generator (16) replaces ``H_S`` in (8) by the edge field ``H_e`` (12): the two differ
by ``O(lam)`` in ``S``, i.e. ``O(lam^3)`` in the generator.

The symbolic part derives (B3) from (13) and (B9)-(B12) from (B3) with (B6), (B8).
"""

from __future__ import annotations

import numpy as np
import sympy

from symness.lindblad.liouvillian import liouvillian
from symness.lindblad.steady_state import steady_state
from symness.models.nearest_neighbour import field_hamiltonian, interaction_hamiltonian
from symness.operators.sparse import site_operator
from symness.validation import ParameterError, require_int, require_real
from symness.weak_coupling.baths import bath_map, coupling_operator, s_from_ab
from symness.weak_coupling.chain import WeakCouplingChain, edge_hamiltonian

__all__ = ["spectrum", "spectral_s", "redfield_s", "redfield_liouvillian", "local_s",
           "redfield_steady_state", "xi_symbols", "s_from_eq13", "paper_b3",
           "b3_to_b9_residual"]


# ---------------------------------------------------------------- symbolic: (13) -> (B3) -> (B9)

def xi_symbols(h) -> dict:
    """``{w: Xi(w)}`` for ``w = 0, +-2h``: undetermined bath response symbols (14)."""
    return {0: sympy.Symbol("Xi_0"), 2 * h: sympy.Symbol("Xi_p"), -2 * h: sympy.Symbol("Xi_m")}


def s_from_eq13(theta, h, xi: dict, n: int = 1) -> sympy.Matrix:
    """``S`` of (13) built from the eigenbasis of ``H0 = h sum_l sigma^z_l`` on ``n`` spins.

    ``X = sigma^{z'}`` acts on site 0.  ``H0`` is diagonal, so ``|E_p>`` are basis states.
    """
    d = 2**n
    x = sympy.kronecker_product(coupling_operator(theta, exact=True), sympy.eye(2**(n - 1)))
    energy = [h * (n - 2 * bin(p).count("1")) for p in range(d)]
    return sympy.Matrix(d, d, lambda p, q: xi[sympy.expand(energy[p] - energy[q])] * x[p, q]
                        if x[p, q] != 0 else 0)


def paper_b3(theta, h, xi: dict) -> sympy.Matrix:
    """``S`` as printed in (B3)."""
    c, s = sympy.cos(theta), sympy.sin(theta)
    return sympy.Matrix([[xi[0] * c, -xi[2 * h] * s], [-xi[-2 * h] * s, -xi[0] * c]])


def b3_to_b9_residual(theta, h, beta) -> sympy.Matrix:
    """(B3) with ``Xi = Phi~/2`` (B6, no imaginary part) and KMS (B8), minus (B9)-(B12).

    ``Phi~(2h)`` and ``Phi~(0)`` are free symbols; ``Phi~(-2h) = Phi~(2h) e^{2 beta h}``.
    """
    phi_p, phi_0 = sympy.symbols("Phi_p Phi_0", positive=True)
    phi_m = phi_p * sympy.exp(2 * beta * h)                                  # (B8)
    xi = {0: phi_0 / 2, 2 * h: phi_p / 2, -2 * h: phi_m / 2}                 # (B6)
    a = (phi_p + phi_m) / 2 * sympy.sin(theta)                               # (B10)
    b = phi_0 * sympy.cos(theta)                                             # (B11)
    t = sympy.tanh(beta * h)                                                 # (B12)
    diff = paper_b3(theta, h, xi) - s_from_ab(a, b, t, exact=True)
    return diff.applyfunc(lambda e: sympy.simplify(e.rewrite(sympy.exp)))


# ---------------------------------------------------------------- numeric Redfield generator

def spectrum(omega, beta: float, g: float = 1.0):
    """``Phi~_beta(w) = 2 g / (1 + e^{beta w})``: positive, KMS (B8), ``c = d = g``."""
    return 2 * g / (1 + np.exp(beta * np.asarray(omega, dtype=float)))


def spectral_s(ham: np.ndarray, x: np.ndarray, beta: float, g: float = 1.0) -> np.ndarray:
    """``S = sum_pq Xi(E_p - E_q) |E_p><E_p| X |E_q><E_q|`` (13), ``Xi = Phi~ / 2`` (B6)."""
    energies, vecs = np.linalg.eigh(ham)
    xe = vecs.conj().T @ x @ vecs
    xi = spectrum(energies[:, None] - energies[None, :], beta, g) / 2
    return vecs @ (xi * xe) @ vecs.conj().T


def _betas(chain: WeakCouplingChain) -> tuple[float, float]:
    return 1 / float(chain.temperature_left), 1 / float(chain.temperature_right)


def _system_hamiltonian(chain: WeakCouplingChain, lam: float) -> np.ndarray:
    return (field_hamiltonian(chain.n, chain.h)
            + lam * interaction_hamiltonian(chain.n, chain.alpha)).toarray()


def _edge_x(chain: WeakCouplingChain) -> list[np.ndarray]:
    x = coupling_operator(chain.theta_b)
    return [site_operator(x, site, chain.n).toarray() for site in (0, chain.n - 1)]


def _check_constants(chain: WeakCouplingChain) -> float:
    g = float(chain.left.c)
    if not (g == chain.left.d == chain.right.c == chain.right.d):
        raise ParameterError("'c', 'd' must be equal for both baths (the Redfield model uses "
                             "Phi~ = 2g/(1+e^{beta w}), c = d = g)")
    return g


def redfield_s(chain: WeakCouplingChain, lam: float) -> list[np.ndarray]:
    """``[S_L, S_R]`` of (8), (13) in the eigenbasis of ``H_S = H0 + lam H_I``."""
    g = _check_constants(chain)
    ham = _system_hamiltonian(chain, lam)
    return [spectral_s(ham, x, beta, g) for x, beta in zip(_edge_x(chain), _betas(chain))]


def local_s(chain: WeakCouplingChain) -> list[np.ndarray]:
    """``[S_L, S_R]`` of the local approximation (12): (13) with ``H0`` alone (lam = 0)."""
    return redfield_s(chain, 0.0)


def _dissipator(x: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Matrix of ``rho -> D rho`` (7) on row-major ``vec``, built column by column."""
    d = x.shape[0]
    cols = np.empty((d * d, d * d), dtype=complex)
    for k in range(d * d):
        unit = np.zeros(d * d, dtype=complex)
        unit[k] = 1.0
        cols[:, k] = bath_map(unit.reshape(d, d), x, s).ravel()
    return cols


def redfield_liouvillian(chain: WeakCouplingChain, lam: float, *,
                         local: bool = False) -> np.ndarray:
    """Dense ``L_R`` of (5) (``local=True``: ``S`` of (12), i.e. the paper's (16))."""
    lam = float(require_real(lam, "lam", minimum=0))
    ham = _system_hamiltonian(chain, lam) + lam * edge_hamiltonian(chain).toarray()
    gen = liouvillian(ham, [], dissipator="standard").toarray()
    s_ops = local_s(chain) if local else redfield_s(chain, lam)
    for x, s in zip(_edge_x(chain), s_ops):
        gen = gen + lam**2 * _dissipator(x, s)
    return gen


def redfield_steady_state(chain: WeakCouplingChain, lam: float, *,
                          local: bool = False) -> np.ndarray:
    """Steady state of :func:`redfield_liouvillian` (``n <= 5``, dense), ``d x d``.

    The Redfield generator is not completely positive, so positivity is not among
    the checks of :func:`symness.lindblad.steady_state.steady_state` (given the generator).
    """
    lam = float(require_real(lam, "lam", minimum=0, open_minimum=True))
    require_int(chain.n, "n", minimum=2, maximum=5)
    return steady_state(generator=redfield_liouvillian(chain, lam, local=local),
                        positive=False).rho
