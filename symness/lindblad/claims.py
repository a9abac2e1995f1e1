"""Foundation claims: the driven XXZ steady state and the solvers that compute it.

The model is Prosen (2011), eqs. (1)-(3) (:mod:`symness.models.xxz_boundary_driven`).
"""

from __future__ import annotations

import importlib.util
from fractions import Fraction

import numpy as np

from symness import tolerance
from symness.claims import Evidence, claim
from symness.lindblad.steady_state import steady_state
from symness.models.xxz_boundary_driven import (
    DISSIPATOR,
    XXZDrive,
    current_operators,
    hamiltonian,
    jump_operators,
)

#: Tolerated deviation of the fitted order of ``<J>/eps - mu/2`` from 2 (three eps in a
#: ratio 1:2:4; the eps**4 term bends the fit by ~ (c4/c2) eps**2, well below this).
ORDER_TOLERANCE = 0.02


def _solve(params: XXZDrive, method: str = "auto"):
    return steady_state(hamiltonian(params.n, params.delta), jump_operators(params),
                        dissipator=DISSIPATOR, method=method)


def _current_over_eps(params: XXZDrive) -> float:
    ss = _solve(params)
    return ss.expect(current_operators(params.n)[0]) / float(params.eps)


#: (n, Delta, mu, eps values): several n and Delta on both sides of |Delta| = 1.  For
#: Delta > 1 the eps**2 coefficient grows superexponentially with n (Prosen's "shrinking
#: perturbative border"), so smaller eps are used there.
_WEAK_COUPLING_CASES = (
    (4, Fraction(1, 2), 1, (0.01, 0.02, 0.04)),
    (6, Fraction(1, 2), Fraction(1, 2), (0.01, 0.02, 0.04)),
    (5, 1, 1, (0.01, 0.02, 0.04)),
    (6, Fraction(3, 2), 1, (0.001, 0.002, 0.004)),
)


@claim("prosen2011.foundation.current-weak-coupling", paper="000", equation="text after (14)",
       kind="numeric",
       statement="<J_j>/eps -> mu/2 as eps -> 0, with error O(eps^2) (J is odd in eps: "
                 "rho(-eps) = conj(rho(eps)) and J is imaginary), for several n and Delta")
def _current_weak_coupling() -> Evidence:
    worst_order, details = 0.0, []
    for n, delta, mu, epsilons in _WEAK_COUPLING_CASES:
        errors = [abs(_current_over_eps(XXZDrive(n, delta, mu, eps)) - float(mu) / 2)
                  for eps in epsilons]
        slope = np.polyfit(np.log(epsilons), np.log(errors), 1)[0]
        worst_order = max(worst_order, abs(slope - 2))
        details.append(f"n={n} D={delta} mu={mu}: err(eps={epsilons[0]})={errors[0]:.1e} "
                       f"order={slope:.4f}")
    return Evidence.numeric(worst_order, ORDER_TOLERANCE,
                            reference="Prosen (2011) <J_j> = mu eps/2 + O(eps^2); "
                                      "error = max |fitted order - 2|",
                            detail="; ".join(details))


@claim("prosen2011.foundation.current-continuity", paper="000", equation="(2)-(3)", kind="numeric",
       statement="in the steady state the current is the same on every bond, since "
                 "d sigma^z_j/dt = 4 (J_{j-1} - J_j) in the bulk")
def _current_continuity() -> Evidence:
    params = XXZDrive(7, Fraction(1, 2), 1, Fraction(1, 10))
    ss = _solve(params)
    currents = np.array([ss.expect(j) for j in current_operators(params.n)])
    spread = float(np.ptp(currents) / abs(currents).max())
    return Evidence.numeric(spread, tolerance.STEADY_STATE_RESIDUAL,
                            reference="continuity equation of (2)",
                            detail=f"n=7: <J_j> = {currents[0]:.12f} on all bonds, "
                                   f"{ss.iterations} GMRES iterations")


def _method_agreement(n: int, methods: tuple[str, str]) -> Evidence:
    params = XXZDrive(n, Fraction(1, 2), Fraction(1, 2), Fraction(1, 5))
    first, second = (_solve(params, method) for method in methods)
    error = float(np.abs(first.rho - second.rho).max())
    return Evidence.numeric(
        error, tolerance.PEER_AGREEMENT,
        reference=f"{methods[1]} LU of the full 4^n Liouvillian",
        detail=f"n={n}: max |rho_{methods[0]} - rho_{methods[1]}|; "
               f"{first.method} {first.seconds:.2f}s ({first.iterations} it), "
               f"{second.method} {second.seconds:.2f}s; residual "
               f"{first.checks.residual:.1e}")


@claim("foundation.sector-solver", paper="foundation", equation="U(1) block", kind="cross-check",
       statement="the U(1)-sector GMRES steady state equals the sparse LU of the full "
                 "Liouvillian (n = 6)")
def _sector_vs_sparse() -> Evidence:
    return _method_agreement(6, ("sector", "sparse"))


@claim("foundation.sector-solver-n7", paper="foundation", equation="U(1) block",
       kind="cross-check", slow=True,
       statement="the U(1)-sector GMRES steady state equals the sparse LU of the full "
                 "Liouvillian at n = 7 (16,384 unknowns; the LU takes ~10 s, n = 8 > 10 min)")
def _sector_vs_sparse_n7() -> Evidence:
    return _method_agreement(7, ("sector", "sparse"))


@claim("foundation.solver-checks-n10", paper="foundation", equation="U(1) block",
       kind="numeric", slow=True,
       statement="at n = 10 (184,756 unknowns) the sector solver returns a state with "
                 "relative residual below tolerance, trace 1, Hermitian and positive")
def _solver_checks_n10() -> Evidence:
    ss = _solve(XXZDrive(10, Fraction(1, 2), 1, Fraction(1, 1000)))
    c = ss.checks
    return Evidence.numeric(c.relative_residual, tolerance.STEADY_STATE_RESIDUAL,
                            reference="||L(rho)||_F / (||L|| bound ||rho||_F)",
                            detail=f"{ss.seconds:.1f}s, {ss.iterations} it, trace err "
                                   f"{c.trace_error:.1e}, herm err {c.hermiticity_error:.1e}, "
                                   f"min eig {c.min_eigenvalue:.2e}")


def _qutip_steady_state(params: XXZDrive) -> np.ndarray:
    import qutip

    dims = [[2] * params.n, [2] * params.n]
    h = qutip.Qobj(hamiltonian(params.n, params.delta), dims=dims)
    # qutip uses the standard dissipator: D_prosen[L] = D_standard[sqrt(2) L].
    c_ops = [qutip.Qobj(np.sqrt(2) * op, dims=dims) for op in jump_operators(params)]
    return qutip.steadystate(h, c_ops).full()


if importlib.util.find_spec("qutip") is not None:  # peer cross-check: needs symness[peers]

    @claim("prosen2011.foundation.qutip-steadystate",
           paper="000", equation="(1)-(3)", kind="cross-check",
           statement="the steady state agrees with qutip.steadystate on the same model, "
                     "n <= 6")
    def _qutip_agreement() -> Evidence:
        worst, parts = 0.0, []
        for n, delta, mu, eps in ((3, Fraction(1, 2), 1, Fraction(1, 10)),
                                  (5, 1, Fraction(1, 2), Fraction(1, 100)),
                                  (6, Fraction(3, 2), Fraction(-1, 3), Fraction(1, 2))):
            params = XXZDrive(n, delta, mu, eps)
            error = float(np.abs(_solve(params).rho - _qutip_steady_state(params)).max())
            worst = max(worst, error)
            parts.append(f"n={n}: {error:.1e}")
        return Evidence.numeric(worst, tolerance.PEER_AGREEMENT,
                                reference="qutip.steadystate (standard dissipator, sqrt(2) L)",
                                detail="max |rho - rho_qutip|: " + ", ".join(parts))
