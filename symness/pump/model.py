"""The weakly driven, weakly open XXZ ring of Lange, Lenarcic & Rosch (2017), eqs. (7)-(9).

Normalisation: spin-1/2 operators, ``J`` the exchange, sites 0-based (the paper's
1-based site ``j`` is index ``j - 1`` here).

* ``H0`` of eq. (7): :mod:`symness.models.xxz_ring`.
* Drive (8): ``Hd(t) = eps_d (sin(w t) X1 + cos(w t) X2)`` with
  ``X1 = J sum_j (-1)^(j+1) S_j . S_{j+1}`` and ``X2 = J sum_j (-1)^j Sz_j``
  (1-based ``j``), equivalently ``Hd = eps_d (e^{i w t} H^(-) + e^{-i w t} H^(+))``,
  ``H^(+) = (X2 + i X1)/2 = (H^(-))^dagger``.
* Phonons (9): ``eps_ph sum_j A_j (a_j + a_j^dagger)`` with
  ``A_j = J (S_j . S_{j+1} + gamma_m (Sx_j Sz_{j+1} + Sz_j Sx_{j+1}))``, one
  independent Einstein phonon per site at temperature ``T_ph``.

Choices where the paper is silent (stated, see the issue): the drive's delta
function is broadened by the regulator ``eta_d`` of ``(L0 - eta)^-1`` (Methods:
Lorentzian of width ``eta = 0.1 J``), whose principal part (a second-order AC
Stark shift inside degenerate multiplets) is kept; the phonon bath keeps its
principal-value (Lamb-shift) part as well (Methods, "integrals of the type
int A(w')/(w - w') n_B(w') dw'").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
from scipy.interpolate import CubicSpline

from symness.models.xxz_ring import HEISENBERG, XXZRing, bond_operator, ring_sum, spin_operator
from symness.validation import ParameterError, require_int, require_real

__all__ = ["PumpParams", "phonon_spectrum", "phonon_gamma", "phonon_lamb_shift",
           "drive_channels", "phonon_coupling", "drive_gamma"]

Real = Fraction | float


@dataclass(frozen=True)
class PumpParams:
    """Validated parameters of the pumped ring (defaults: Figs. 3-6 of the paper).

    Attributes
    ----------
    n : int
        Sites, even (the staggered drive (8) needs it), ``4 <= n <= 14``.
    j, delta, field : real
        ``J > 0``, ``Delta``, ``B`` of eq. (7).
    eps_d, eps_ph : real
        Drive and phonon amplitudes (only their ratio matters as both -> 0).
    omega : real
        Drive frequency ``w > 0`` (``1.6 w_ph`` in the paper).
    omega_ph, t_ph : real
        Einstein-phonon frequency and temperature (``> 0``).
    gamma_m : real
        Relativistic S^z-relaxing coupling of eq. (9) (1 in the paper).
    eta_ph : real
        Gaussian broadening of the phonon spectral function (0.4 J).
    eta_d : real
        Lorentzian width of the drive's delta function (0.1 J).
    """

    n: int = 12
    j: Real = 1.0
    delta: Real = 0.8
    field: Real = -1.0
    eps_d: Real = 1.0
    eps_ph: Real = 1.0
    omega: Real = 1.6
    omega_ph: Real = 1.0
    t_ph: Real = 1.0
    gamma_m: Real = 1.0
    eta_ph: Real = 0.4
    eta_d: Real = 0.1

    def __post_init__(self) -> None:
        require_int(self.n, "n", minimum=4, maximum=14)
        if self.n % 2:
            raise ParameterError(f"'n' must be even in [4, 14] for the staggered drive (8) "
                                 f"(got {self.n})")
        require_real(self.j, "j", minimum=0, open_minimum=True)
        require_real(self.delta, "delta")
        require_real(self.field, "field")
        require_real(self.eps_d, "eps_d", minimum=0)
        require_real(self.eps_ph, "eps_ph", minimum=0, open_minimum=True)
        for name in ("omega", "omega_ph", "t_ph", "eta_ph", "eta_d"):
            require_real(getattr(self, name), name, minimum=0, open_minimum=True)
        require_real(self.gamma_m, "gamma_m")

    @property
    def ring(self) -> XXZRing:
        """The unperturbed ring ``H0`` of eq. (7)."""
        return XXZRing(n=self.n, exchange=self.j, delta=self.delta, field=self.field)

    def with_(self, **changes) -> "PumpParams":
        """Copy with changed fields (validated again)."""
        return replace(self, **changes)


def phonon_spectrum(w: np.ndarray, omega_ph: float, eta: float) -> np.ndarray:
    """Broadened Einstein-phonon spectral function of the Methods.

    ``A(w) = Theta(w) w / (w_ph eta sqrt(pi)) exp(-(w - w_ph)^2 / eta^2)``,
    normalised so that ``int A dw -> 1`` as ``eta -> 0``.
    """
    w = np.asarray(w, dtype=float)
    return np.where(w > 0, w / (omega_ph * eta * math.sqrt(math.pi))
                    * np.exp(-((w - omega_ph) ** 2) / eta**2), 0.0)


def phonon_gamma(nu: np.ndarray, omega_ph: float, t_ph: float, eta: float) -> np.ndarray:
    """Bath rate ``gamma(nu) = int dt e^{i nu t} <X(t) X(0)>`` for ``X = a + a^dagger``.

    ``nu`` is the energy handed to the bath: ``gamma(nu) = 2 pi [(n_B(nu) + 1) A(nu)
    + n_B(-nu) A(-nu)]`` (the bracket of eq. (21)), written as
    ``2 pi nu / (1 - e^{-nu/T}) a(|nu|)`` with ``A(w) = w a(w)``, which is smooth
    at ``nu = 0`` and obeys detailed balance ``gamma(-nu) = e^{-nu/T} gamma(nu)``.
    """
    nu = np.asarray(nu, dtype=float)
    absnu = np.abs(nu)
    a = np.exp(-((absnu - omega_ph) ** 2) / eta**2) / (omega_ph * eta * math.sqrt(math.pi))
    safe = np.where(nu == 0, 1.0, nu)
    bose = np.where(nu == 0, t_ph, safe / -np.expm1(-safe / t_ph))
    return 2 * math.pi * bose * a


#: Moments kept in the large-|nu| expansion of the Lamb shift.
_TAIL_MOMENTS = 6


@lru_cache(maxsize=16)
def _lamb_shift_table(omega_ph: float, t_ph: float, eta: float):
    """Spline of ``S(nu)`` for ``|nu| <= nu_max`` and the moments for the tail.

    The principal value is written with the singularity subtracted,
    ``P int_{-s}^{s} g(x)/(x - nu) dx = int (g(x) - g(nu))/(x - nu) dx
    + g(nu) log|(s - nu)/(s + nu)|``, and the smooth remainder is integrated by
    Gauss-Legendre on ``[-s, 0]`` and ``[0, s]`` (``g`` has a kink at 0), vectorised
    over the whole table.  Checked against ``quad(weight="cauchy")`` in the tests.
    """
    support = omega_ph + 9 * eta  # gamma < 1e-30 of its peak beyond this
    edge = support + math.pi / 10  # integration edge, never a table point
    fine = np.linspace(-support - 1, support + 1, int(100 * (support + 1)) * 2 + 1)
    coarse = np.geomspace(support + 1.05, 25 * support, 200)
    # S has a nu log|nu| cusp at 0 (gamma has a kink there): grade the mesh towards 0
    graded = np.geomspace(1e-7, 0.2, 120)
    grid = np.unique(np.concatenate([-coarse[::-1], fine, coarse, graded, -graded]))
    nodes, weights = np.polynomial.legendre.leggauss(400)
    x = np.concatenate([(nodes - 1) * edge / 2, (nodes + 1) * edge / 2])
    w = np.concatenate([weights, weights]) * edge / 2
    gx = phonon_gamma(x, omega_ph, t_ph, eta)
    gnu = phonon_gamma(grid, omega_ph, t_ph, eta)
    diff = x[None, :] - grid[:, None]
    close = np.abs(diff) < 1e-12
    quotient = np.where(close, 0.0, (gx[None, :] - gnu[:, None]) / np.where(close, 1.0, diff))
    pv = quotient @ w + gnu * np.log(np.abs((edge - grid) / (edge + grid)))
    moments = np.array([(x**k * gx) @ w for k in range(_TAIL_MOMENTS)]) / (2 * math.pi)
    return CubicSpline(grid, -pv / (2 * math.pi)), moments, grid[-1]


def phonon_lamb_shift(nu: np.ndarray, omega_ph: float, t_ph: float, eta: float) -> np.ndarray:
    """Principal part ``S(nu) = (1/2pi) P int gamma(x) / (nu - x) dx`` of the phonon bath.

    ``Gamma(nu) = int_0^inf dt e^{i nu t} <X(t)X(0)> = gamma(nu)/2 + i S(nu)``.
    Tabulated once per bath with ``scipy.integrate.quad`` (Cauchy weight) and a
    cubic spline; beyond the table (``|nu| > 25 (w_ph + 9 eta)``) the expansion
    ``S = sum_k m_k / nu^(k+1)``, ``m_k = (1/2pi) int x^k gamma``, with six terms.
    """
    spline, moments, nu_max = _lamb_shift_table(float(omega_ph), float(t_ph), float(eta))
    nu = np.asarray(nu, dtype=float)
    inside = np.abs(nu) <= nu_max
    safe = np.where(inside, nu_max, nu)
    tail = sum(m / safe ** (k + 1) for k, m in enumerate(moments))
    return np.where(inside, spline(np.clip(nu, -nu_max, nu_max)), tail)


def phonon_coupling(params: PumpParams, site: int = 0) -> sp.csr_matrix:
    """``A_site / J``-scaled operator of eq. (9): ``J (S.S + gamma_m (Sx Sz + Sz Sx))``."""
    coeffs = dict(HEISENBERG)
    coeffs[("x", "z")] = float(params.gamma_m)
    coeffs[("z", "x")] = float(params.gamma_m)
    return float(params.j) * bond_operator(coeffs, site, params.n)


def drive_channels(params: PumpParams) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """``(X1, X2)`` of eq. (8) without ``eps_d``: ``Hd = eps_d (sin(wt) X1 + cos(wt) X2)``.

    With 0-based sites the paper's ``(-1)^(j+1)`` (bond) is ``(-1)^j`` and its
    ``(-1)^j`` (site) is ``-(-1)^j``.  Requires even ``n`` (staggering on a ring).
    """
    n = params.n
    if n % 2:
        raise ParameterError(f"'n' must be even for the staggered drive (8) (got {n})")
    jj = float(params.j)
    x1 = jj * ring_sum(lambda s: bond_operator(HEISENBERG, s, n), n, stagger=True)
    x2 = -jj * ring_sum(lambda s: spin_operator("z", s, n), n, stagger=True)
    return x1.tocsr(), x2.tocsr()


def drive_gamma(nu: np.ndarray, omega: float, eta: float) -> np.ndarray:
    """Matrix ``Gamma_ab(nu) = int_0^inf dt e^{(i nu - eta) t} <f_a(t) f_b(t - tau)>_t``.

    ``f = (sin(w t), cos(w t))``; time-averaged correlations ``C_11 = C_22 =
    cos(w tau)/2``, ``C_12 = -C_21 = sin(w tau)/2``.  The factor ``e^{-eta tau}`` is
    the regulator of ``(L0 - eta)^-1``: it turns the delta functions of eq. (20)
    into Lorentzians ``(1/pi) eta / (x^2 + eta^2)``.  Shape ``nu.shape + (2, 2)``.
    """
    nu = np.asarray(nu, dtype=float)
    plus = 1.0 / (eta - 1j * (nu + omega))
    minus = 1.0 / (eta - 1j * (nu - omega))
    out = np.empty(nu.shape + (2, 2), dtype=complex)
    out[..., 0, 0] = out[..., 1, 1] = (plus + minus) / 4
    out[..., 0, 1] = (plus - minus) / 4j
    out[..., 1, 0] = -out[..., 0, 1]
    return out
