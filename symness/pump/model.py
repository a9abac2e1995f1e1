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
from scipy.interpolate import PPoly, make_interp_spline

from symness.models.xxz_ring import HEISENBERG, XXZRing, bond_operator, ring_sum, spin_operator
from symness.validation import ParameterError, require_int, require_real

__all__ = ["PumpParams", "phonon_spectrum", "phonon_gamma", "phonon_lamb_shift",
           "lamb_shift_direct", "lamb_shift_error", "LambShiftTable", "LAMB_SAFETY",
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
    upper, lower = _gamma_halves(nu, omega_ph, t_ph, eta)
    return np.where(nu >= 0, upper, lower)


#: Safety factor on the measured error of the Lamb-shift table (:class:`LambShiftTable`):
#: the interpolation error is sampled at the midpoints between knots, where a spline's
#: error on a uniform grid peaks, and the quadrature's on every 4th of them.  Measured on
#: seven baths (defaults; T = 0.02, 2, 5; eta = 0.05 ... 30): the largest error at 5100
#: random nu (against the quadrature at 2N nodes) is 0.5-1.0 x the unscaled estimate.
LAMB_SAFETY = 4.0
#: Knots of the table per ``min(eta_ph, 2 pi T_ph)`` (step rounded to a power of two, below).
_KNOTS_PER_SCALE = 64
#: Knots of the outer table (``|nu| > edge``, uniform in ``1/nu``) on each side of ``1/nu = 0``.
_OUTER_KNOTS = 256
#: Degree of the interpolating splines.
_DEGREE = 5
#: Elements ``nu x nodes`` handled at once when building the table.
_BLOCK = 2**18


def _gamma_norm(omega_ph: float, eta: float) -> float:
    """``2 pi / (w_ph eta sqrt(pi))``: ``gamma = norm x bose x Gaussian`` (:func:`phonon_gamma`)."""
    return 2 * math.pi / (omega_ph * eta * math.sqrt(math.pi))


def _bose(x: np.ndarray, t_ph: float) -> np.ndarray:
    """``x / (1 - e^{-x/T})`` (``T`` at ``x = 0``), the bosonic factor of :func:`phonon_gamma`."""
    safe = np.where(x == 0, 1.0, x)
    with np.errstate(over="ignore"):
        return np.where(x == 0, t_ph, safe / -np.expm1(-safe / t_ph))


def _gamma_halves(x: np.ndarray, omega_ph: float, t_ph: float, eta: float):
    """``(g+(x), g-(x))``: :func:`phonon_gamma` on ``x >= 0`` and on ``x <= 0``, continued.

    ``gamma(x) = 2 pi x / (1 - e^{-x/T}) a(|x|)`` with the Gaussian ``a(|x|)`` centred at
    ``+-omega_ph``: ``g+`` keeps ``exp(-(x - w)^2/eta^2)``, ``g-`` keeps ``exp(-(x + w)^2/eta^2)``.
    Both are smooth (entire Gaussians times a factor with poles at ``x = 2 pi i T m``), so
    ``gamma = g+`` on ``x >= 0`` and ``g-`` on ``x <= 0`` has its one kink at 0.
    """
    norm = _gamma_norm(omega_ph, eta)
    bose = norm * _bose(x, t_ph)
    return (bose * np.exp(-(((x - omega_ph) / eta) ** 2)),
            bose * np.exp(-(((x + omega_ph) / eta) ** 2)))


def _gamma_jump(nu: np.ndarray, omega_ph: float, t_ph: float, eta: float) -> np.ndarray:
    """``g+(nu) - g-(nu)`` without cancellation (``O(nu)`` at 0, where the halves meet)."""
    norm = _gamma_norm(omega_ph, eta)
    absnu = np.abs(nu)
    return (norm * _bose(nu, t_ph) * np.sign(nu) * np.exp(-(((absnu - omega_ph) / eta) ** 2))
            * -np.expm1(-4 * omega_ph * absnu / eta**2))


def _log_abs(nu: np.ndarray) -> np.ndarray:
    """``log|nu|``, 0 at ``nu = 0`` (it multiplies :func:`_gamma_jump`, which is 0 there)."""
    return np.where(nu == 0, 0.0, np.log(np.abs(np.where(nu == 0, 1.0, nu))))


def _integration_edge(omega_ph: float, eta: float) -> float:
    """``s``: ``gamma`` is below 1e-30 of its peak beyond ``omega_ph + 9 eta``; ``s`` is past it."""
    return omega_ph + 9 * eta + math.pi / 10


def _quadrature_nodes(omega_ph: float, t_ph: float, eta: float) -> int:
    """Gauss-Legendre nodes per sub-interval: ``max(48, 4 s/eta, 8 sqrt(s/T))``, a multiple of 8.

    Measured (``S`` against 1600 nodes): the defaults (``s/eta`` = 12) reach 1e-14 at 48
    nodes (56 used); ``w_ph = 1, T = 5, eta = 0.05`` needs 96 (144 used); ``eta = 30,
    T = 1`` needs 96 (the factor ``x/(1 - e^{-x/T})`` near 0 on a long interval; 136 used).
    """
    edge = _integration_edge(omega_ph, eta)
    return int(8 * math.ceil(max(48.0, 4 * edge / eta, 8 * math.sqrt(edge / t_ph)) / 8))


def _knot_step(t_ph: float, eta: float) -> float:
    """Spacing of the table's knots: the power of two at or below ``min(eta, 2 pi T)/64``.

    ``eta``: width of the Gaussians; ``2 pi T``: distance of the poles of the Bose factor
    from the real axis.  Measured interpolation errors (against :func:`lamb_shift_direct`
    at 2N nodes, 3300 random ``nu``): 3.5e-14 (defaults), 4e-14 (``T = 0.02``), 1e-14
    (``eta = 30``), within :attr:`LambShiftTable.error` in each case.
    """
    return 2.0 ** math.floor(math.log2(min(eta, 2 * math.pi * t_ph) / _KNOTS_PER_SCALE))


def lamb_shift_direct(nu, omega_ph: float, t_ph: float, eta: float, *, nodes: int | None = None,
                      smooth: bool = False) -> np.ndarray:
    """``S(nu)`` of :func:`phonon_lamb_shift` by quadrature at every ``nu`` (no table).

    With ``s`` = :func:`_integration_edge` and ``gamma = g+`` on ``[0, s]``, ``g-`` on
    ``[-s, 0]`` (:func:`_gamma_halves`), each half is written with its singularity
    subtracted, ``P int_a^b g(x)/(nu - x) dx = int_a^b (g(x) - g(nu))/(nu - x) dx
    + g(nu) log|(nu - a)/(nu - b)|``.  The remainders are smooth (difference quotients of
    smooth functions); they are integrated by Gauss-Legendre on ``[a, nu]`` and ``[nu, b]``
    (``nu`` an end point: the rounding of ``g(x) - g(nu)`` is not amplified by a node next
    to ``nu``).  The two logarithms combine into ``(g+ - g-)(nu) log|nu|``, the
    ``nu log|nu|`` cusp of ``S`` at 0 (``gamma`` has a kink there); ``smooth=True`` leaves
    it out (the smooth rest that the table interpolates).
    """
    nu = np.asarray(nu, dtype=float)
    flat = nu.ravel()
    edge = _integration_edge(omega_ph, eta)
    nodes = nodes or _quadrature_nodes(omega_ph, t_ph, eta)
    x0, w0 = np.polynomial.legendre.leggauss(nodes)
    x0, w0 = (x0 + 1) / 2, w0 / 2  # on [0, 1]
    out = np.empty(flat.shape)
    step = max(1, _BLOCK // (4 * nodes))
    for start in range(0, flat.size, step):
        v = flat[start:start + step]
        g_nu = _gamma_halves(v, omega_ph, t_ph, eta)
        up, down = np.clip(v, 0.0, edge), np.clip(v, -edge, 0.0)
        zero, total = np.zeros_like(v), np.zeros_like(v)
        for lo, hi, half in ((zero, up, 0), (up, zero + edge, 0),
                             (zero - edge, down, 1), (down, zero, 1)):
            x = lo[:, None] + (hi - lo)[:, None] * x0[None, :]
            diff = v[:, None] - x
            quotient = np.where(diff == 0, 0.0, (_gamma_halves(x, omega_ph, t_ph, eta)[half]
                                                 - g_nu[half][:, None])
                                / np.where(diff == 0, 1.0, diff))
            total += (quotient @ w0) * (hi - lo)
        total += g_nu[1] * np.log(np.abs(v + edge)) - g_nu[0] * np.log(np.abs(v - edge))
        if not smooth:
            total += _gamma_jump(v, omega_ph, t_ph, eta) * _log_abs(v)
        out[start:start + step] = total / (2 * math.pi)
    return out.reshape(nu.shape)


@dataclass(frozen=True)
class LambShiftTable:
    """Splines of ``S(nu)`` and their measured error.

    ``inner``: the smooth part of ``S`` (without the ``nu log|nu|`` cusp) on
    ``|nu| <= edge``; ``outer``: ``S`` as a function of ``1/nu`` on ``|nu| >= edge``
    (``S -> 0`` as ``nu -> inf``).  ``error`` bounds ``|S_table - S|`` for every ``nu``:
    :data:`LAMB_SAFETY` x (largest interpolation error at the midpoints between knots +
    largest change of the quadrature from ``N`` to ``2N`` nodes, sampled at every 4th
    midpoint).
    """

    inner: PPoly
    outer: PPoly
    edge: float
    step: float
    nodes: int
    error: float


def _midpoints(knots: np.ndarray) -> np.ndarray:
    return (knots[1:] + knots[:-1]) / 2


@lru_cache(maxsize=16)
def _lamb_shift_table(omega_ph: float, t_ph: float, eta: float) -> LambShiftTable:
    """Build the :class:`LambShiftTable` of one bath (values from :func:`lamb_shift_direct`).

    The knots are exact multiples of a power of two (``step`` of :func:`_knot_step`;
    ``1/nu`` on the outer side likewise scaled), so the table is the same in every
    environment and no two knots come close.  The earlier table joined three grids with
    ``np.unique`` and kept knot pairs 1.7e-16 and 7e-16 apart (``nu = +-0.2``, which
    ``linspace`` and ``geomspace`` round differently); its cubic spline oscillated with
    amplitude 1e-2 around ``|nu| ~ 0.2``, which moved the pump's observables by ~1e-6
    relative with how numpy rounds ``linspace`` (``pump exact --n 8``: 3e-7 in J_H
    between two environments, against a printed error of 1e-13).
    """
    args = (float(omega_ph), float(t_ph), float(eta))
    nodes = _quadrature_nodes(*args)
    step = _knot_step(t_ph, eta)
    count = math.ceil(2 * _integration_edge(omega_ph, eta) / step)
    knots = step * np.arange(-count, count + 1, dtype=float)
    edge = float(knots[-1])
    inner = make_interp_spline(knots, lamb_shift_direct(knots, *args, nodes=nodes, smooth=True),
                               k=_DEGREE)
    inv = np.arange(-_OUTER_KNOTS, _OUTER_KNOTS + 1, dtype=float) / (_OUTER_KNOTS * edge)
    outer_values = np.zeros(inv.shape)
    nonzero = inv != 0
    outer_values[nonzero] = lamb_shift_direct(1 / inv[nonzero], *args, nodes=nodes)
    outer = make_interp_spline(inv, outer_values, k=_DEGREE)
    # a-posteriori error: interpolation at the midpoints, quadrature by N -> 2N nodes
    mid = _midpoints(knots)
    mid_inv = _midpoints(inv)
    exact_mid = lamb_shift_direct(mid, *args, nodes=nodes, smooth=True)
    exact_out = lamb_shift_direct(1 / mid_inv, *args, nodes=nodes)
    interpolation = max(float(np.abs(inner(mid) - exact_mid).max()),
                        float(np.abs(outer(mid_inv) - exact_out).max()))
    finer = lamb_shift_direct(mid[::4], *args, nodes=2 * nodes, smooth=True)
    quadrature = float(np.abs(finer - exact_mid[::4]).max())
    return LambShiftTable(inner=PPoly.from_spline(inner), outer=PPoly.from_spline(outer),
                          edge=edge, step=step, nodes=nodes,
                          error=LAMB_SAFETY * (interpolation + quadrature))


def phonon_lamb_shift(nu: np.ndarray, omega_ph: float, t_ph: float, eta: float) -> np.ndarray:
    """Principal part ``S(nu) = (1/2pi) P int gamma(x) / (nu - x) dx`` of the phonon bath.

    ``Gamma(nu) = int_0^inf dt e^{i nu t} <X(t)X(0)> = gamma(nu)/2 + i S(nu)``.
    Interpolated from the :class:`LambShiftTable` of the bath (built once, from
    :func:`lamb_shift_direct`): ``|nu| <= edge``: the spline of the smooth part plus the
    cusp ``(g+ - g-)(nu) log|nu| / 2pi`` in closed form; beyond: the spline in ``1/nu``.
    Its error is at most :func:`lamb_shift_error` (checked against ``quad(weight="cauchy")``
    in the tests).
    """
    table = _lamb_shift_table(float(omega_ph), float(t_ph), float(eta))
    nu = np.asarray(nu, dtype=float)
    inside = np.abs(nu) <= table.edge
    near = np.where(inside, nu, 0.0)
    cusp = _gamma_jump(near, float(omega_ph), float(t_ph), float(eta)) * _log_abs(near)
    far = table.outer(np.where(inside, 0.0, 1.0 / np.where(inside, 1.0, nu)))
    return np.where(inside, table.inner(near) + cusp / (2 * math.pi), far)


def lamb_shift_error(omega_ph: float, t_ph: float, eta: float) -> float:
    """Bound on ``|phonon_lamb_shift - S|`` at any ``nu`` (:attr:`LambShiftTable.error`)."""
    return _lamb_shift_table(float(omega_ph), float(t_ph), float(eta)).error


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
