"""Where the pumped currents are largest as functions of ``r = eps_d/eps_ph`` (Figs. 3, 4).

The paper: the heat current "takes its largest value for eps_ph ~ eps_d" (text
on Fig. 3) and the spin current at B = 0 "is again maximal for eps_d/eps_ph ~ 1"
(Fig. 4 caption).  ``L^Q = eps_ph^2 L_ph + eps_d^2 L_d`` (eq. (11)), so a
convention that multiplies every drive rate by ``s`` moves a maximum from
``r*`` to ``r*/sqrt(s)`` and changes nothing else: the position is the one
number that tests the relative normalisation of (20) and (21).

Two independent locators: :func:`exact_maximum` (bounded Brent search on the
exact solver, tolerance ``xatol``) and :func:`grid_maximum` (vertex of the
parabola through the largest grid value and its two neighbours, e.g. from a
cached figure table); :func:`rate_factor` is the drive-rate factor that would
put ``r*`` at the paper's ``r = 1``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy.optimize import minimize_scalar

from symness.pump.couplings import Couplings
from symness.pump.exact_steady_state import DegeneratePairs, ExactSteadyState, zero_mode
from symness.pump.system import OBSERVABLES, PumpSystem
from symness.validation import ParameterError, require_choice

__all__ = ["exact_maximum", "grid_maximum", "rate_factor", "extrapolate", "PAPER_WINDOW",
           "without_principal_parts", "FixedParts"]

#: The paper's "eps_d/eps_ph ~ 1" read generously: a maximum inside [1/sqrt 2, sqrt 2] agrees.
PAPER_WINDOW = (2**-0.5, 2**0.5)

def exact_maximum(system: PumpSystem, observable: str, *, bracket: tuple[float, float] = (0.5, 6.0),
                  xatol: float = 1e-3) -> tuple[float, float, int]:
    """``(r*, value at r*, solves)``: maximum of ``|<observable>|`` of the exact steady state (11).

    Bounded Brent search (``scipy.optimize.minimize_scalar``) inside ``bracket``;
    ``r*`` is accurate to ``xatol`` if the maximum is interior and unique there.
    """
    require_choice(observable, "observable", OBSERVABLES)
    lo, hi = bracket
    if not 0 < lo < hi:
        raise ParameterError(f"'bracket' must satisfy 0 < lo < hi (got {bracket})")
    res = minimize_scalar(lambda r: -abs(system.exact(r)[1][observable]), bounds=(lo, hi),
                          method="bounded", options={"xatol": xatol})
    return float(res.x), float(-res.fun), int(res.nfev)


def grid_maximum(ratios: Sequence[float], values: Sequence[float]) -> tuple[float, float]:
    """``(r*, value)``: vertex of the parabola through the largest ``|value|`` and its neighbours.

    Raises ``ParameterError`` if the largest value is at an end of the grid (no
    interior maximum).
    """
    r, v = np.asarray(ratios, float), np.abs(np.asarray(values, float))
    order = np.argsort(r)
    r, v = r[order], v[order]
    i = int(np.argmax(v))
    if i == 0 or i == len(r) - 1:
        raise ParameterError(f"'values' has its maximum at the end of the grid (r = {r[i]})")
    c2, c1, c0 = np.polyfit(r[i - 1:i + 2], v[i - 1:i + 2], 2)
    vertex = -c1 / (2 * c2)
    return float(vertex), float(np.polyval([c2, c1, c0], vertex))


def rate_factor(r_star: float, r_paper: float = 1.0) -> float:
    """Factor ``s = (r*/r_paper)^2`` on every drive rate that moves ``r*`` to ``r_paper``."""
    return (r_star / r_paper) ** 2


def extrapolate(sizes: Sequence[int], values: Sequence[float]) -> dict[str, tuple[float, float]]:
    """``n -> infinity`` limits of ``r*(n)`` from the last three sizes under three models.

    Returns ``{model: (limit, rms residual)}``.  ``"1/n"`` and ``"1/n^2"``:
    least-squares line of ``r*`` against ``n^-1`` or ``n^-2`` (intercept; two
    parameters for three points, so the residual says how well the model fits);
    ``"geometric"``: ``r* = r_inf + a q^n`` through the three points exactly (Aitken's
    delta-squared, equal size steps; residual 0 by construction; ``nan`` if the
    differences do not shrink).  The spread of the limits is the model error.
    """
    n, r = np.asarray(sizes[-3:], float), np.asarray(values[-3:], float)
    if len(n) != 3 or not np.allclose(np.diff(n), n[1] - n[0]):
        raise ParameterError(f"'sizes' must end with three equally spaced sizes (got {sizes})")
    out = {}
    for power, name in ((1, "1/n"), (2, "1/n^2")):
        x = n ** -float(power)
        coef = np.polyfit(x, r, 1)
        rms = float(np.sqrt(np.mean((np.polyval(coef, x) - r) ** 2)))
        out[name] = (float(coef[1]), rms)
    d1, d2 = r[1] - r[0], r[2] - r[1]
    out["geometric"] = (float(r[2] - d2**2 / (d2 - d1)) if abs(d2) < abs(d1) else float("nan"),
                        0.0)
    return out


def without_principal_parts(cp: Couplings) -> Couplings:
    """``cp`` with every ``Gamma(nu)`` replaced by its Hermitian part (channel indices).

    What remains are the golden-rule rates of (20)-(21) alone: the phonon Lamb
    shift and the drive's AC Stark shift (principal parts, which the package keeps
    and the rates (20)-(21) do not show) are dropped.
    """
    def hermitian(gamma):
        def part(nu):
            m = gamma(nu)
            return (m + np.conj(np.swapaxes(m, -1, -2))) / 2
        return part

    return replace(cp, phonon=replace(cp.phonon, gamma=hermitian(cp.phonon.gamma)),
                   drive=replace(cp.drive, gamma=hermitian(cp.drive.gamma)))


@dataclass(frozen=True)
class FixedParts:
    """``exact(r)`` like :meth:`PumpSystem.exact` from given dense parts ``L_ph``, ``L_d``."""

    l_ph: np.ndarray
    l_d: np.ndarray
    pairs: DegeneratePairs
    observables: dict

    def exact(self, ratio: float) -> tuple[ExactSteadyState, dict[str, float]]:
        """Zero mode of ``L_ph + ratio^2 L_d`` (bordered LU) and the observables."""
        state = zero_mode(self.l_ph + ratio**2 * self.l_d, self.pairs)
        return state, {k: state.expect(v) for k, v in self.observables.items()}
