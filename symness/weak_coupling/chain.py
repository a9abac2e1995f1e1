"""A spin chain between two local heat baths: the pieces L0, L1, L2 of eqs. (16)-(19).

Normalisation (Ishida & Sugita (2022), Sec. IV, hbar = 1, Pauli matrices), field frame::

    L0 rho = -i [h sum_l sigma^z_l, rho]                                     (17), (69)
    L1 rho = -i [H_I + Hbar_SB, rho]                                         (18), (70)
    L2 rho = D_L rho + D_R rho                                               (19), (B2)
    Hbar_SB = -cos(theta_b) (t_L sigma^{z'}_1 + t_R sigma^{z'}_N)            (B20)

with ``H_I = sum_l sum_jk alpha_jk sigma^j_l sigma^k_{l+1}`` and the baths of
:mod:`.baths` on the end spins, coupled through ``sigma^{z'}`` at angle ``theta_b``.
For the tilted Ising chain ``alpha`` is (108)-(110) and ``theta_b = theta`` (the bath
coupling has the same form as the spin-spin coupling, Fig. 3).  Sites are 0-based
here (paper site ``l`` is index ``l - 1``).  Bath temperatures enter as
``t = tanh(h / T)``; local temperatures are read off ``t_l = -<sigma^z_l>`` (eq. (100)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from symness.lindblad.liouvillian import liouvillian
from symness.lindblad.steady_state import steady_state
from symness.models.nearest_neighbour import (
    field_hamiltonian,
    interaction_hamiltonian,
    validate_coupling,
)
from symness.models.tilted_ising import coupling_tensor
from symness.operators.sparse import site_operator
from symness.perturbation.hamiltonian import UNIT_ROUNDOFF, zeroth_order_with_condition
from symness.validation import ParameterError, require_int, require_real
from symness.weak_coupling.baths import (
    BathConstants,
    bath_superoperator,
    coupling_operator,
    mean_field_coefficient,
    s_operator,
)

__all__ = ["WeakCouplingChain", "tilted_ising_chain", "pieces", "full_liouvillian",
           "bath_pairs", "steady_state_at",
           "edge_hamiltonian", "zeroth_order_state",
           "local_t", "temperature_from_t", "zeroth_order_with_tolerance", "UNIT_ROUNDOFF"]


@dataclass(frozen=True)
class WeakCouplingChain:
    """Validated parameters of the chain of eqs. (68)-(70) with two baths (Appendix B).

    Attributes
    ----------
    n : int
        Number of spins, ``n >= 2``.
    alpha : 3x3 symmetric array
        Coupling tensor ``alpha_jk`` (rows x, y, z).
    theta_b : float
        Angle of the bath coupling operator ``sigma^{z'}`` (B1), radians.
    h : float
        Field, nonzero.
    temperature_left, temperature_right : float
        Bath temperatures ``T_L, T_R > 0`` (``t = tanh(h / T)``).
    left, right : BathConstants
        Spectral constants ``c, d`` of each bath.
    """

    n: int
    alpha: np.ndarray = field(repr=False)
    theta_b: float
    h: float = 1.0
    temperature_left: float = 1.5
    temperature_right: float = 0.5
    left: BathConstants = BathConstants()
    right: BathConstants = BathConstants()

    def __post_init__(self) -> None:
        require_int(self.n, "n", minimum=2, maximum=10)
        object.__setattr__(self, "alpha", validate_coupling(self.alpha))
        require_real(self.theta_b, "theta_b")
        if float(require_real(self.h, "h")) == 0:
            raise ParameterError("'h' must be nonzero (paper: we assume h != 0)")
        require_real(self.temperature_left, "temperature_left", minimum=0, open_minimum=True)
        require_real(self.temperature_right, "temperature_right", minimum=0, open_minimum=True)

    @property
    def t_left(self) -> float:
        """``t_L = tanh(h / T_L)``."""
        return math.tanh(float(self.h) / float(self.temperature_left))

    @property
    def t_right(self) -> float:
        """``t_R = tanh(h / T_R)``."""
        return math.tanh(float(self.h) / float(self.temperature_right))


def tilted_ising_chain(n: int, theta: float, *, h: float = 1.0, temperature_left: float = 1.5,
                       temperature_right: float = 0.5, c: float = 1.0,
                       d: float = 1.0) -> WeakCouplingChain:
    """Build the tilted Ising chain (104)-(110) with baths of the same coupling form (Fig. 3)."""
    consts = BathConstants(c=c, d=d)
    return WeakCouplingChain(n=n, alpha=coupling_tensor(theta), theta_b=theta, h=h,
                             temperature_left=temperature_left,
                             temperature_right=temperature_right, left=consts, right=consts)


def edge_hamiltonian(chain: WeakCouplingChain) -> sp.csr_matrix:
    """``Hbar_SB = <X>_L X_1 + <X>_R X_N`` of (B19)-(B20)."""
    x = coupling_operator(chain.theta_b)
    n = chain.n
    return (mean_field_coefficient(chain.theta_b, chain.t_left) * site_operator(x, 0, n)
            + mean_field_coefficient(chain.theta_b, chain.t_right) * site_operator(x, n - 1, n))


def bath_pairs(chain: WeakCouplingChain) -> list[tuple[sp.csr_matrix, sp.csr_matrix]]:
    """``[(X_1, S_L), (X_N, S_R)]``: ``L2 rho = -sum([X, S rho] + h.c.)`` of (19), (B2)."""
    n, x = chain.n, coupling_operator(chain.theta_b)
    out = []
    for site, t, consts in ((0, chain.t_left, chain.left), (n - 1, chain.t_right, chain.right)):
        s = s_operator(chain.theta_b, t, float(consts.c), float(consts.d))
        out.append((site_operator(x, site, n), site_operator(s, site, n)))
    return out


def pieces(chain: WeakCouplingChain) -> list[sp.csr_matrix]:
    """``[L0, L1, L2]`` of eqs. (17)-(19) as sparse superoperators (row-major vec)."""
    n = chain.n
    h0 = field_hamiltonian(n, chain.h)
    h1 = interaction_hamiltonian(n, chain.alpha) + edge_hamiltonian(chain)
    l0 = liouvillian(h0, [], dissipator="standard")
    l1 = liouvillian(h1, [], dissipator="standard")
    l2 = (bath_superoperator(chain.theta_b, chain.t_left, chain.left, 0, n)
          + bath_superoperator(chain.theta_b, chain.t_right, chain.right, n - 1, n))
    return [l0, l1, l2.tocsr()]


def full_liouvillian(chain: WeakCouplingChain, lam: float) -> sp.csr_matrix:
    """``L = L0 + lam L1 + lam^2 L2`` of eq. (16)."""
    l0, l1, l2 = pieces(chain)
    return (l0 + lam * l1 + lam**2 * l2).tocsr()


def steady_state_at(chain: WeakCouplingChain, lam: float) -> np.ndarray:
    """Steady state of the full Liouvillian (16) at finite ``lam`` by a direct dense solve.

    Limited to ``n <= 6`` (dense ``4096 x 4096``); the solve and its checks are
    :func:`symness.lindblad.steady_state.steady_state` (given the generator).  Returns the
    ``d x d`` density matrix.
    """
    lam = float(require_real(lam, "lam", minimum=0, open_minimum=True))
    require_int(chain.n, "n", minimum=2, maximum=6)
    return steady_state(generator=full_liouvillian(chain, lam)).rho


def local_t(rho: np.ndarray, n: int) -> np.ndarray:
    """``t_l = -<sigma^z_l>`` for each site (eq. (100)); ``rho`` is ``d x d``."""
    return np.array([-np.real(np.trace(site_operator("Z", j, n) @ rho)) for j in range(n)])


#: Largest relative error of a local temperature accepted from the rounding of ``t``.
TEMPERATURE_RTOL = 1e-6


def temperature_from_t(t, h: float = 1.0):
    """Local temperature ``T = h / artanh(t)`` from ``t = tanh(beta h)`` (eq. (100)).

    Near ``|t| = 1`` (``h/T`` large) ``T`` is ill-conditioned: a rounding ``u = 2**-53``
    of ``t`` changes it by ``u / ((1 - t^2) artanh|t|)`` relatively.  Above
    :data:`TEMPERATURE_RTOL` (``|t| > 1/2`` only; ``t = 0`` is ``T = inf``) this raises
    ``ParameterError`` naming ``h`` instead of returning ``T = 0`` (issue 24).
    """
    t = np.asarray(t, dtype=float)
    a = np.abs(t)
    inside = (a > 0.5) & (a < 1)
    safe = np.where(inside, a, 0.75)
    bound = np.where(inside, UNIT_ROUNDOFF / ((1 - safe**2) * np.arctanh(safe)),
                     np.where(a >= 1, np.inf, 0.0))
    if np.any(bound > TEMPERATURE_RTOL):
        site = int(np.argmax(bound))
        raise ParameterError(
            f"'h' = {h:g}: t = tanh(h/T) = 1 - {1 - abs(float(np.ravel(t)[site])):.1e} at site "
            f"{site + 1} is at the float64 limit, so T = h/artanh(t) would carry a relative "
            f"error above {TEMPERATURE_RTOL:g}; keep h/T below about 13")
    with np.errstate(divide="ignore"):
        return h / np.arctanh(t)


def zeroth_order_state(chain: WeakCouplingChain, *, degenerate: str = "effective") -> np.ndarray:
    """``rho_0`` of (45)-(47) through the engine's Hamiltonian route (any ``n <= 10``).

    ``degenerate="effective"`` handles chains whose levels ``E_{n,k}`` coincide (free
    fermion chains); it equals the paper's (47) whenever identity (44) holds.
    """
    return zeroth_order_with_tolerance(chain, degenerate=degenerate)[0]


def zeroth_order_with_tolerance(chain: WeakCouplingChain, *,
                                degenerate: str = "effective") -> tuple[np.ndarray, float]:
    """``(rho_0, tol)``: :func:`zeroth_order_state` and a float64 bound on its ``<O>``.

    ``tol = 10 sqrt(d) u kappa`` bounds the rounding error of ``<O>`` for ``||O|| <= 1``:
    ``kappa`` from :func:`~symness.perturbation.hamiltonian.zeroth_order_with_condition`
    bounds the Frobenius error of ``rho_0`` in units of ``u``; ``sqrt(d)`` turns it into a
    trace-norm error, and 10 covers the modest constants of the SVD and eigensolver
    backward errors (Golub & Van Loan, Sec. 8.6, 8.7).
    """
    n = chain.n
    h0 = field_hamiltonian(n, chain.h)
    h1 = interaction_hamiltonian(n, chain.alpha) + edge_hamiltonian(chain)
    rho, kappa = zeroth_order_with_condition(h0, h1, bath_pairs(chain), degenerate=degenerate)
    return rho, 10 * math.sqrt(2**n) * UNIT_ROUNDOFF * kappa
