"""Claims of Bertini, Collura, De Nardis & Fagotti, PRL 117, 207201 (2016): TBA side.

Each claim compares the TBA of ``symness.tba`` with an independent reference: free spins
at infinite temperature, free fermions at Delta = 0 (k-space integrals), exact
diagonalisation of periodic rings (``tba.exact_diag``), the high-temperature series
(cumulants from exact traces).
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from symness.claims import Evidence, claim
from symness.tba import free_fermions as ff
from symness.tba.charges import charge_current, charge_density, observables
from symness.tba.dressing import Dressing
from symness.tba.exact_diag import ThermalRing, continuity_current, embed, local_bond, q2_density
from symness.tba.quadrature import RapidityGrid, refined
from symness.tba.strings import string_content
from symness.tba.thermal import gge_state, infinite_temperature_state, thermal_state

F = Fraction


@claim("bertini2016.tba.infinite-temperature", paper="003", equation="TBA (SM [37])",
       kind="cross-check",
       statement="at beta = 0 the string TBA gives beta f = -ln(2 cosh(mu/2)) and "
                 "<s^z> = tanh(mu/2)/2 (free spins), gamma = pi/nu and general rational")
def _infinite_temperature() -> Evidence:
    err = 0.0
    for g in (F(1, 2), F(1, 3), F(1, 4), F(1, 6), F(2, 5), F(3, 7)):
        content = string_content(g)
        for mu in (0.0, 0.7, -1.3):
            st = infinite_temperature_state(content, mu)
            obs = observables(Dressing(st))
            err = max(err, abs(st.beta_free_energy + math.log(2 * math.cosh(mu / 2))),
                      abs(obs["sz"] - 0.5 * math.tanh(mu / 2)))
    return Evidence.numeric(err, 1e-12, "free spins: Z = (2 cosh(mu/2))^L",
                            detail="gamma/pi in {1/2,1/3,1/4,1/6,2/5,3/7}")


@claim("bertini2016.tba.free-fermions", paper="003", equation="(3), (14)", kind="cross-check",
       statement="at Delta = 0 thermal densities and currents of q1, q2, s^z and beta f "
                 "equal the free-fermion k-space integrals")
def _free_fermions() -> Evidence:
    content = string_content(F(1, 2))
    err = 0.0
    for beta, h in ((0.5, 0.0), (2.0, 0.3), (5.0, -0.2)):
        st = thermal_state(content, beta, h)
        obs, ref = observables(Dressing(st)), ff.thermal_observables(beta, h)
        err = max(err, abs(st.beta_free_energy - ff.beta_free_energy(beta, h)),
                  *(abs(obs[k] - ref[k]) for k in obs))
    return Evidence.numeric(err, 1e-12, "Jordan-Wigner fermions, Gauss-Legendre in k")


def _ed_cases():
    return [(F(1, 3), 0.5, 0.0), (F(1, 3), 1.0, 0.3), (F(1, 4), 1.0, 0.0),
            (F(2, 5), 0.5, -0.4)]


@claim("bertini2016.tba.free-energy-vs-ed", paper="003", equation="TBA (SM [37])",
       kind="cross-check",
       statement="beta f and the energy density from the string TBA agree with exact "
                 "diagonalisation of periodic rings L = 8, 10, 12 within the finite-size error")
def _free_energy_vs_ed() -> Evidence:
    worst_ratio, worst_err, worst_aitken = 0.0, 0.0, 0.0
    for g, beta, h in _ed_cases():
        content = string_content(g)
        st = thermal_state(content, beta, h)
        tba = (st.beta_free_energy, charge_density(Dressing(st), 1))
        vals = {}
        for n in (8, 10, 12):
            ring = ThermalRing.cached(n, content.delta)
            energy = ring.thermal_average(embed(local_bond(content.delta), n), beta, h)
            vals[n] = (ring.beta_free_energy(beta, h), energy - content.delta / 4)
        for i in range(2):
            fs = abs(vals[12][i] - vals[10][i])  # finite-size estimate (exponential in L)
            worst_err = max(worst_err, abs(tba[i] - vals[12][i]))
            worst_ratio = max(worst_ratio, abs(tba[i] - vals[12][i]) / fs)
            d1, d2 = vals[10][i] - vals[8][i], vals[12][i] - vals[10][i]
            aitken = vals[12][i] - d2 * d2 / (d2 - d1)  # exponential extrapolation in L
            worst_aitken = max(worst_aitken, abs(tba[i] - aitken))
    # the TBA must be closer to L = 12 than L = 10 is: ratio < 1 (exponential convergence)
    return Evidence.numeric(worst_ratio, 1.0, "ED, periodic rings L = 10, 12",
                            detail=f"max |TBA - ED(12)| = {worst_err:.1e}, |TBA - ED "
                                   f"extrapolated (Aitken 8,10,12)| = {worst_aitken:.1e}; "
                                   "error column = |TBA - ED(12)| / |ED(12) - ED(10)|")


def _cumulants(delta: float, order: int, n: int = 9) -> list[float]:
    """Cumulants per site kappa_1 .. kappa_order of H/L from exact traces (exact for < n)."""
    ham = ThermalRing(n, delta).hamiltonian.toarray()
    moments, power = [], np.eye(2**n)
    for _ in range(order):
        power = power @ ham
        moments.append(np.trace(power).real / 2**n)
    cumulants = []
    for k in range(1, order + 1):
        c = moments[k - 1] - sum(math.comb(k - 1, i - 1) * cumulants[i - 1] * moments[k - i - 1]
                                 for i in range(1, k))
        cumulants.append(c)
    return [c / n for c in cumulants]


@claim("bertini2016.tba.high-temperature", paper="003", equation="TBA (SM [37])",
       kind="cross-check",
       statement="beta f from the TBA matches the high-temperature series "
                 "-ln 2 - sum_n kappa_n (-beta)^n/n! to order 6 (kappa from exact traces), "
                 "with kappa_2 = (2 + Delta^2)/16")
def _high_temperature() -> Evidence:
    err = 0.0
    for g in (F(1, 3), F(2, 5)):
        content = string_content(g)
        kap = _cumulants(content.delta, 6)
        err = max(err, abs(kap[1] - (2 + content.delta**2) / 16))
        for beta in (0.05, 0.1):
            series = -math.log(2) - sum(kap[n - 1] * (-beta) ** n / math.factorial(n)
                                        for n in range(1, 7))
            err = max(err, abs(thermal_state(content, beta).beta_free_energy - series))
    # the truncation error is ~ kappa_7 beta^7/7! < 1e-11 at beta = 0.1
    return Evidence.numeric(err, 1e-10, "series from Tr H^n on a 9-site ring (exact to n = 8)")


@claim("bertini2016.check1", paper="003", equation="Check 1, (14)", kind="numeric",
       statement="the energy current equals the second charge: <j_1> = -<q_2> from (14) in "
                 "thermal states (Q_2 = -J_E in our sign convention), any beta, h, Delta")
def _check1() -> Evidence:
    err = 0.0
    for g in (F(1, 3), F(1, 4), F(2, 5)):
        content = string_content(g)
        for beta, h in ((0.3, 0.0), (1.0, 0.5), (3.0, -0.2)):
            d = Dressing(thermal_state(content, beta, h))
            err = max(err, abs(charge_current(d, 1) + charge_density(d, 2)))
    return Evidence.numeric(err, 1e-12, "TBA identity; operator identity Q_2 = -J_E in ED")


def fig1_values(gamma, betas, sizes) -> tuple[list[float], list[list[float]]]:
    """Thermal <j_2> from (14) (traceless current + vacuum constant) and from ring ED.

    Returns the TBA values per beta and the ED values per size (outer) and beta (inner).
    """
    content = string_content(gamma)
    delta = content.delta
    j2 = continuity_current(q2_density(delta), delta)
    vac = j2[0, 0].real  # <up...up| j_2 |up...up>: (14) vanishes in the reference state
    tba = [charge_current(Dressing(thermal_state(content, beta)), 2) + vac for beta in betas]
    ed = [ThermalRing.cached(n, delta).thermal_averages(embed(j2, n), betas) for n in sizes]
    return tba, ed


def fig1_ed_comparison(betas, gammas, sizes) -> tuple[float, float, list]:
    """<j_2> (traceless current) from (14) + vacuum constant vs ED; returns errors."""
    rows, worst_ratio, worst = [], 0.0, 0.0
    for g in gammas:
        tba, ed = fig1_values(g, betas, sizes)
        for i, beta in enumerate(betas):
            fs = abs(ed[-1][i] - ed[-2][i])
            worst = max(worst, abs(tba[i] - ed[-1][i]))
            worst_ratio = max(worst_ratio, abs(tba[i] - ed[-1][i]) / max(fs, 1e-13))
            rows.append((g, beta, tba[i], ed[-1][i], fs))
    return worst_ratio, worst, rows


def fig1_finite_size(betas, gammas, sizes=(10, 12, 14)) -> list[tuple]:
    """Rows (gamma, beta, TBA, ED(L_max), FiniteSizeEstimate) of the beta <= 5 check."""
    from symness.tba.finite_size import geometric_tail

    rows = []
    for g in gammas:
        tba, ed = fig1_values(g, betas, sizes)
        for i, beta in enumerate(betas):
            rows.append((g, beta, tba[i], ed[-1][i], geometric_tail(tuple(e[i] for e in ed))))
    return rows


@claim("bertini2016.fig1", paper="003", equation="Fig. 1, (14)", kind="cross-check",
       statement="thermal <j_2^(1/2)> from (14) agrees with exact diagonalisation of rings "
                 "(L = 10, 12) within the finite-size error, beta <= 1")
def _fig1() -> Evidence:
    ratio, worst, _ = fig1_ed_comparison((0.25, 0.5, 1.0), (F(1, 3), F(1, 4)), (10, 12))
    return Evidence.numeric(ratio, 1.0, "ED rings L = 10, 12",
                            detail=f"max |TBA - ED(12)| = {worst:.1e}; error column = that "
                                   "over |ED(12) - ED(10)|")


@claim("bertini2016.fig1.low-temperature", paper="003", equation="Fig. 1, (14)",
       kind="cross-check", slow=True,
       statement="thermal <j_2^(1/2)> from (14) agrees with ED of rings L = 10, 12, 14 for "
                 "beta = 2, 3, 4, 5 (the paper's beta <= 5) at Delta = cos(pi/3), cos(pi/4), "
                 "within the finite-size error of ED(14) estimated from the geometric decay "
                 "of the differences across sizes (tba.finite_size, fixed before the run)")
def _fig1_slow() -> Evidence:
    rows = fig1_finite_size((2.0, 3.0, 4.0, 5.0), (F(1, 3), F(1, 4)))
    # TBA grid error <= 1e-11 (claim bertini2016.tba.grid-convergence, beta <= 5)
    ratio = max(abs(tba - ed) / (est.error + 1e-11) for _, _, tba, ed, est in rows)
    worst = max(rows, key=lambda r: abs(r[2] - r[3]))
    return Evidence.numeric(
        ratio, 1.0, "ED rings L = 10, 12, 14 (geometric finite-size tail)",
        detail=f"largest |TBA - ED(14)| = {abs(worst[2] - worst[3]):.1e} (gamma = "
               f"pi*{worst[0]}, beta = {worst[1]:g}, estimate {worst[4].error:.1e}); "
               f"ratios r of size differences {min(r[4].ratio for r in rows):.2f} .. "
               f"{max(r[4].ratio for r in rows):.2f}",
        requires={"exponential regime (r < 1) at every beta": all(r[4].ratio < 1
                                                                   for r in rows)})


@claim("bertini2016.tba.grid-convergence", paper="003", equation="TBA (SM [37])",
       kind="numeric",
       statement="the default rapidity grid resolves beta f to 1e-11 (difference to a grid "
                 "with half the step and larger cutoff), gamma = pi/nu, nu <= 6, beta <= 5")
def _grid_convergence() -> Evidence:
    err = 0.0
    for nu in (3, 6):
        content = string_content(F(1, nu))
        for beta in (1.0, 5.0):
            coarse = thermal_state(content, beta)
            fine = thermal_state(content, beta, grid=refined(RapidityGrid()))
            err = max(err, abs(coarse.beta_free_energy - fine.beta_free_energy))
    return Evidence.numeric(err, 1e-11, "same solver on a refined grid")


@claim("bertini2016.tba.gge", paper="003", equation="(3), GGE", kind="cross-check",
       statement="generalized Gibbs states exp(-beta_1 Q_1 - beta_2 Q_2 + mu S^z): free-fermion "
                 "mode occupations at Delta = 0, and <q_n> = d(beta f)/d beta_n (Delta = 1/2, "
                 "cos(2pi/5))")
def _gge() -> Evidence:
    content = string_content(F(1, 2))
    d = Dressing(gge_state(content, {1: 0.7, 2: 1.3}, 0.2))
    obs = observables(d)
    ref = ff.mode_average([(lambda k: 1 / (1 + np.exp(0.7 * np.cos(k) + 1.3 * np.sin(k)
                                                       * np.cos(k) + 0.2)), -math.pi, math.pi)])
    err_ff = max(abs(obs[k] - ref[k]) for k in obs)
    err_fd, eps = 0.0, 1e-4
    for g in (F(1, 3), F(2, 5)):
        content, betas = string_content(g), {1: 0.8, 2: 0.6}
        obs = observables(Dressing(gge_state(content, betas)))
        for n, key in ((1, "q1"), (2, "q2")):
            up, down = dict(betas), dict(betas)
            up[n] += eps
            down[n] -= eps
            deriv = (gge_state(content, up).beta_free_energy
                     - gge_state(content, down).beta_free_energy) / (2 * eps)
            deriv -= content.delta / 4 if n == 1 else 0.0
            err_fd = max(err_fd, abs(deriv - obs[key]))
    # central difference with eps = 1e-4: truncation ~ eps^2 * f''' ~ 1e-9
    # free fermions must agree to 1e-12 (closed form); the reported error is the FD check
    return Evidence.numeric(err_fd, 1e-9, "free fermions (k-space); derivative of the free energy",
                            detail=f"free fermions {err_ff:.1e}; thermodynamic consistency "
                                   f"{err_fd:.1e}",
                            requires={"free fermions to 1e-12": err_ff < 1e-12})


@claim("bertini2016.tba.lattice-charges", paper="003", equation="(3), recursion after (3)",
       kind="cross-check",
       statement="the lattice charges Q_3, Q_5 built with the boost operator (tba.lattice_"
                 "charges) are those of the TBA: thermal <q_3>, <q_5> from (3) agree with ED "
                 "of rings L = 10, 12 within the finite-size error (Delta = 1/2, beta = +-0.5)")
def _lattice_charges() -> Evidence:
    from symness.tba import lattice_charges as lc

    content = string_content(F(1, 3))
    ops = {(n, size): lc.ring_operator(lc.local_charge(n, F(1, 2)), size).to_sparse()
           for n in (3, 5) for size in (10, 12)}
    worst_ratio, worst = 0.0, 0.0
    for beta in (0.5, -0.5):
        d = Dressing(gge_state(content, {1: beta}))
        for n in (3, 5):
            ed = [ThermalRing.cached(size, 0.5).thermal_average(ops[n, size], beta) / size
                  for size in (10, 12)]
            err = abs(charge_density(d, n) - ed[1])
            worst = max(worst, err)
            worst_ratio = max(worst_ratio, err / abs(ed[1] - ed[0]))
    return Evidence.numeric(worst_ratio, 1.0, "ED, periodic rings L = 10, 12",
                            detail=f"max |TBA - ED(12)| = {worst:.1e}; error column = that "
                                   "over |ED(12) - ED(10)|")


@claim("bertini2016.example2.gge", paper="003", equation="Example 2, (3)", kind="numeric",
       statement="truncated GGEs exp(-sum_{n odd <= 2K-1} beta_n Q_n), K = 1, 2, 3, of the "
                 "Neel and Bell-pair quenches at Delta = 1/2 reproduce the exact initial "
                 "values <psi_0|q_n|psi_0> (Neel <h> = -1/8, Bell <h> = +1/16 per site); "
                 "fitted on the grid h = 0.025, evaluated on the refined grid h = 0.0125 (the "
                 "Neel K = 3 fillings need h <= 0.025: at h = 0.05 the error is 1.4e-7)")
def _example2_gge() -> Evidence:
    from symness.tba import lattice_charges as lc
    from symness.tba.truncated_gge import quench_gge

    content, grid = string_content(F(1, 3)), RapidityGrid(step=0.025, cutoff=16.0)
    fine = refined(grid)
    err, detail = 0.0, []
    for state in (lc.NEEL, lc.BELL):
        gge = quench_gge(content, state, 3, grid=grid)
        d = Dressing(gge_state(content, gge.multipliers, grid=fine))
        for n, exact in gge.targets.items():
            err = max(err, abs(charge_density(d, n) - float(exact)))
        energy = charge_density(d, 1) + content.delta / 4
        detail.append(f"{state.name}: <h> = {energy:.15f}, multipliers "
                      + ", ".join(f"b{n}={b:.6f}" for n, b in gge.multipliers.items()))
    return Evidence.numeric(err, 1e-10, "exact rationals from the lattice charges (boost)",
                            detail="; ".join(detail))
