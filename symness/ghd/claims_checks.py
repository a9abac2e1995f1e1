"""Claims of Bertini et al. (2016), issue 18: the closed-form domain wall, and accuracy control.

* the LQSS domain-wall profiles at Delta = cos(pi/nu) equal the closed form of Collura, De
  Luca and Viti (``ghd.cdv``), an independent derivation;
* the front of the domain wall, sin(pi/nu), shrinks to zero as Delta -> 1 (the paper:
  "the effective velocities of quasiparticles shrink to zero in the limit Delta -> 1").
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import partial

import numpy as np

from symness.claims import Evidence, claim
from symness.ghd.cdv import domain_wall_profile
from symness.ghd.converged import converged_profile
from symness.ghd.profiles import domain_wall_states
from symness.tba.strings import string_content

#: Rays as fractions of the light cone sin(pi/nu) (inside, near the edge, outside).
_FRACTIONS = np.array([-1.2, -0.9, -0.5, 0.0, 0.3, 0.7, 0.97, 1.1])


def cdv_deviation(nu: int, rtol: float) -> tuple[float, float]:
    """Max |GHD - closed form| of s^z, j^z over the rays, and the GHD error estimate."""
    zetas = _FRACTIONS * math.sin(math.pi / nu)
    conv = converged_profile(partial(domain_wall_states, string_content(Fraction(1, nu))),
                             zetas, rtol=rtol)
    ref = domain_wall_profile(nu, zetas)
    dev = max(float(np.max(np.abs(conv.profile.values[k] - ref[k]))) for k in ref)
    return dev, max(conv.errors[k] for k in ref)


@claim("bertini2016.ghd.cdv-domain-wall", paper="003",
       equation="Example 3; Collura-De Luca-Viti PRB 97 081111", kind="cross-check",
       statement="domain wall at Delta = cos(pi/nu), nu = 3, 4, 5, 6, 8, 12, 16: the LQSS "
                 "profiles equal the closed form <s^z> = -(nu/2pi) arcsin(zeta), <j^z> = "
                 "(nu/2pi)(sqrt(1 - zeta^2) - cos(pi/nu)) inside |zeta| < sin(pi/nu), -+1/2 "
                 "and 0 outside, within the GHD error estimate of a rtol = 1e-9 profile, on "
                 "rays from -1.2 to 1.1 sin(pi/nu): the front moves at sin(pi/nu) (0.87 at "
                 "nu = 3 down to 0.20 at nu = 16), shrinking to zero as Delta -> 1")
def _cdv() -> Evidence:
    worst, detail, within = 0.0, [], []
    for nu in (3, 4, 5, 6, 8, 12, 16):
        dev, est = cdv_deviation(nu, 1e-9)
        worst = max(worst, dev)
        # the deviation must also lie within the solver's own error estimate (+ rounding)
        within.append(dev <= est + 1e-14)
        detail.append(f"nu={nu}: {dev:.1e} (estimate {est:.1e})")
    return Evidence.numeric(worst, 1e-9, "closed form (Collura, De Luca, Viti 2018)",
                            detail="; ".join(detail),
                            requires={"deviation <= the GHD error estimate at every nu":
                                      all(within)})


def cdy_density_current(dressing, n: int) -> tuple[float, float]:
    """<q_n> and <j_n> in the Castro-Alvaredo-Doyon-Yoshimura form (PRX 6, 041065 (2016)).

    <q_n> = -(1/2pi) sum_j int sigma_j theta_j k'_j (q_n)_j^dr dlambda and
    <j_n> = -(1/2pi) sum_j int sigma_j theta_j e'_j (q_n)_j^dr dlambda: the bare momentum or
    energy derivative against the *dressed charge*, where eqs. (3), (14) integrate the bare
    charge against the dressed derivatives.  Equal because sigma theta (1 + T sigma theta)^-1
    is a symmetric operator (T_jk(lambda - mu) = T_kj(mu - lambda)); computed with a separate
    linear solve for q^dr.
    """
    from symness.tba.bare import bare_charge, bare_charge_derivative, bare_momentum_derivative

    state = dressing.state
    content, lam = state.content, dressing.lam
    weight = dressing.sigma * state.filling
    q_dr = dressing.dress(bare_charge(content, lam, n))
    grid = state.grid
    density = -float(np.sum(grid.integrate(weight * bare_momentum_derivative(content, lam)
                                           * q_dr))) / (2 * np.pi)
    current = -float(np.sum(grid.integrate(weight * bare_charge_derivative(content, lam, 1)
                                           * q_dr))) / (2 * np.pi)
    return density, current


@claim("bertini2016.check3.cdy", paper="003", equation="Check 3, (3), (14)",
       kind="cross-check",
       statement="the densities and currents (3), (14) of q_1, q_2, q_3 equal the "
                 "Castro-Alvaredo-Doyon-Yoshimura expressions (bare derivative against the "
                 "dressed charge) in thermal states (Delta = 1/2, 1/sqrt 2; beta = 1, h = 0.3) "
                 "and on LQSS rays (two temperatures and domain wall, zeta = 0.3)")
def _cdy() -> Evidence:
    from symness.ghd.lqss import solve_ray
    from symness.ghd.profiles import two_temperature_states
    from symness.tba.charges import charge_current, charge_density
    from symness.tba.dressing import Dressing
    from symness.tba.quadrature import Convolution, RapidityGrid
    from symness.tba.thermal import thermal_state

    grid = RapidityGrid(step=0.05, cutoff=15.0)
    dressings = []
    for g in (Fraction(1, 3), Fraction(1, 4)):
        content = string_content(g)
        kernel = Convolution(content, grid)
        dressings.append(Dressing(thermal_state(content, 1.0, 0.3, grid=grid), kernel))
        for left, right in (two_temperature_states(content, 1.0, 2.0, grid),
                            domain_wall_states(content, grid)):
            dressings.append(solve_ray(0.3, left, right, kernel=kernel, tol=1e-12).dressing)
    err = 0.0
    for d in dressings:
        for n in (1, 2, 3):
            q, j = cdy_density_current(d, n)
            err = max(err, abs(q - charge_density(d, n)), abs(j - charge_current(d, n)))
    # both sides use the same grid; they differ by the GMRES residuals (1e-14 relative)
    return Evidence.numeric(err, 1e-12, "Castro-Alvaredo, Doyon, Yoshimura (2016)",
                            detail=f"{len(dressings)} states x 3 charges")


@claim("bertini2016.example1.thermal-states", paper="003", equation="Example 1, (3)",
       kind="cross-check", slow=True,
       statement="the purification-TEBD junction of Example 1 (Delta = 1/2, beta_L = 1, "
                 "beta_R = 2, L = 48, imaginary time from infinite temperature): far from the "
                 "junction (beyond the light cone 1.19 t + 4 sites) and >= 8 sites from the "
                 "open ends, q1 equals the TBA thermal energy density of its half to 1e-5 "
                 "(criterion fixed before the run: imaginary-time Trotter 1.3e-6, truncation, "
                 "exponentially small tails)")
def _example1_thermal_states() -> Evidence:
    from symness.ghd.realtime_ex1 import ex1_runs, thermal_bulk_error
    from symness.outputs import repository_tables

    run = ex1_runs(repository_tables(), names=("chi64",))["chi64"]
    err, bonds = thermal_bulk_error(run)
    return Evidence.numeric(err, 1e-5, "TBA thermal state (tba.thermal), independent of TEBD",
                            detail=f"{bonds} bonds at t = 2 (cached run, chi = {run.chi})",
                            requires={"at least 8 bonds compared": bonds >= 8})
