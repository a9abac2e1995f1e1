"""Closed forms at the free-fermion point Delta = 0 (gamma = pi/2), used as references.

Jordan-Wigner maps H = sum (s^x s^x + s^y s^y) to fermions (down spins on the all-up
reference) with dispersion e(k) = cos k, lattice velocity v(k) = -sin k, and charges
q_1(k) = cos k, q_2(k) = sin k cos k (the paper's recursion q_2 = -(sin gamma/2) dq_1/dlambda
written in k with e^{ik} = sinh(lambda + i pi/4)/sinh(lambda - i pi/4)).  A stationary
state is a mode occupation n(k); then

    <q_n> = int dk/2pi q_n(k) n(k),   <j_n> = int dk/2pi q_n(k) v(k) n(k),
    <s^z> = 1/2 - int dk/2pi n(k),    <j^z> = -int dk/2pi v(k) n(k).

Thermal: n(k) = 1/(1 + exp(beta (cos k + h))), beta f = -beta h/2 - int dk/2pi
ln(1 + exp(-beta (cos k + h))).  LQSS (16): n_zeta(k) = n_L(k) if v(k) > zeta else n_R(k):
for |zeta| < 1 the set {v > zeta} is the arc k in (pi - a, 2 pi + a) with a = arcsin(-zeta).
Domain wall (n_L = 0, n_R = 1): <s^z> = -arcsin(zeta)/pi, <j^z> = sqrt(1 - zeta^2)/pi,
<q_1> = <q_2> = <j_1> = <j_2> = 0 for |zeta| < 1.

The k integrals use Gauss-Legendre on the arcs (smooth integrands): machine precision.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

__all__ = ["fermi", "mode_average", "thermal_observables", "lqss_observables",
           "domain_wall_closed_form", "beta_free_energy"]

_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(200)


def _integrate(g: Callable[[np.ndarray], np.ndarray], a: float, b: float) -> float:
    k = 0.5 * (b - a) * _NODES + 0.5 * (a + b)
    return float(0.5 * (b - a) * np.sum(_WEIGHTS * g(k)))


def fermi(beta: float, h: float = 0.0) -> Callable[[np.ndarray], np.ndarray]:
    """Thermal occupation n(k) = 1/(1 + exp(beta (cos k + h)))."""
    return lambda k: 0.5 * (1.0 - np.tanh(0.5 * beta * (np.cos(k) + h)))


_QUANTITIES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "q1": np.cos,
    "q2": lambda k: np.sin(k) * np.cos(k),
    "sz": lambda k: -np.ones_like(k),
    "j1": lambda k: -np.cos(k) * np.sin(k),
    "j2": lambda k: -np.sin(k) ** 2 * np.cos(k),
    "jz": np.sin,
}


def mode_average(occupations: list[tuple[Callable, float, float]]) -> dict[str, float]:
    """All observables for an occupation given piecewise as (n(k), k_start, k_end) arcs."""
    out = {}
    for key, q in _QUANTITIES.items():
        total = sum(_integrate(lambda k, n=n: q(k) * n(k), a, b) for n, a, b in occupations)
        out[key] = total / (2 * math.pi) + (0.5 if key == "sz" else 0.0)
    return out


def thermal_observables(beta: float, h: float = 0.0) -> dict[str, float]:
    """Observables of the thermal state at Delta = 0."""
    return mode_average([(fermi(beta, h), -math.pi, math.pi)])


def beta_free_energy(beta: float, h: float = 0.0) -> float:
    """Beta f per site at Delta = 0."""
    return -beta * h / 2 - _integrate(
        lambda k: np.logaddexp(0.0, -beta * (np.cos(k) + h)), -math.pi, math.pi) / (2 * math.pi)


def lqss_observables(zeta: float, n_left: Callable, n_right: Callable) -> dict[str, float]:
    """Observables on the ray ``zeta`` of the LQSS (16) at Delta = 0."""
    if zeta <= -1:
        return mode_average([(n_left, -math.pi, math.pi)])
    if zeta >= 1:
        return mode_average([(n_right, -math.pi, math.pi)])
    a = math.asin(-zeta)
    return mode_average([(n_left, math.pi - a, 2 * math.pi + a), (n_right, a, math.pi - a)])


def domain_wall_closed_form(zeta: float) -> dict[str, float]:
    """Domain-wall profiles at Delta = 0 in closed form (|zeta| < 1)."""
    c = math.sqrt(max(0.0, 1 - zeta**2))
    return {"q1": 0.0, "q2": 0.0, "sz": -math.asin(max(-1.0, min(1.0, zeta))) / math.pi,
            "j1": 0.0, "j2": 0.0, "jz": c / math.pi}
