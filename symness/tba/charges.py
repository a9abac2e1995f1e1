"""Expectation values of charge densities and currents in a macrostate.

Paper eq. (3):   <q>   = sum_j int q_j(lambda) rho_j(lambda) dlambda,
paper eq. (14):  <j_q> = sum_j int q_j(lambda) v_j(lambda) rho_j(lambda) dlambda,

with the lattice currents defined by eq. (13), j_{l+1}[Q] - j_l[Q] = i [q_l, H], i.e.
j_l is the flow from site l - 1 into site l (increasing site index is positive).  The
charges are Q_n^(1/2) with single-particle eigenvalues q_{n,j} (``bare.bare_charge``;
n = 1 is H - Delta L/4) and the magnetisation s^z = 1/2 - (down-spin density).
"""

from __future__ import annotations

import numpy as np

from symness.tba.bare import bare_charge, magnetisation
from symness.tba.dressing import Dressing

__all__ = ["charge_density", "charge_current", "spin_density", "spin_current", "OBSERVABLES",
           "observables"]

#: Observables of a GHD profile (paper 003), in column order.
OBSERVABLES = ("q1", "q2", "sz", "j1", "j2", "jz")


def _integrate(d: Dressing, values: np.ndarray) -> float:
    return float(np.sum(d.state.grid.integrate(values)))


def charge_density(d: Dressing, n: int) -> float:
    """<q_n> per site, paper eq. (3)."""
    return _integrate(d, bare_charge(d.state.content, d.lam, n) * d.root_density)


def charge_current(d: Dressing, n: int) -> float:
    """<j_n> = <j[Q_n]> per site, paper eq. (14)."""
    return _integrate(d, bare_charge(d.state.content, d.lam, n) * d.velocity * d.root_density)


def spin_density(d: Dressing) -> float:
    """<s^z_l> = 1/2 - sum_j n_j int rho_j."""
    nj = magnetisation(d.state.content)[:, None]
    return 0.5 - _integrate(d, nj * d.root_density)


def spin_current(d: Dressing) -> float:
    """<j^z_l> (current of S^z) = -sum_j n_j int v_j rho_j."""
    nj = magnetisation(d.state.content)[:, None]
    return -_integrate(d, nj * d.velocity * d.root_density)


def observables(dressing, extra: tuple[int, ...] = ()) -> dict[str, float]:
    """Evaluate :data:`OBSERVABLES` (and q_n, j_n for n in ``extra``) in one macrostate."""
    out = {"q1": charge_density(dressing, 1), "q2": charge_density(dressing, 2),
           "sz": spin_density(dressing), "j1": charge_current(dressing, 1),
           "j2": charge_current(dressing, 2), "jz": spin_current(dressing)}
    for n in extra:
        out[f"q{n}"], out[f"j{n}"] = charge_density(dressing, n), charge_current(dressing, n)
    return out
