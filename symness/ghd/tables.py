"""Tables of Bertini et al. (2016): the spin Drude weight side by side with its bounds."""

from __future__ import annotations

import math
from fractions import Fraction

from symness.outputs import Table, table


@table("bertini2016_drude", description="spin Drude weight at beta=0: GHD vs Prosen-Ilievski "
                                        "vs Prosen's Mazur bound D_Z (paper 000, (20))")
def drude_table() -> Table:
    """8 D from GHD, the closed form, and D_Z, normalised to 1 at Delta = 0."""
    from symness.ghd.claims import MAZUR_TABLE
    from symness.ghd.drude import prosen_ilievski, spin_drude_weight

    rows = []
    for (p, m), dz in MAZUR_TABLE.items():
        ghd = 8 * spin_drude_weight(Fraction(p, m))
        exact = 8 * prosen_ilievski(p, m)
        rows.append([f"pi*{p}/{m}", f"{math.cos(math.pi * p / m):.6f}", f"{ghd:.12f}",
                     f"{exact:.12f}", f"{abs(ghd - exact):.1e}", str(dz), f"{float(dz):.6f}"])
    return Table(title="Spin Drude weight at infinite temperature, normalised D(Delta=0) = 1",
                 columns=["gamma", "Delta", "8D (GHD)", "8D (Prosen-Ilievski)", "|diff|",
                          "D_Z (000, (20))", "D_Z"],
                 rows=rows, command="symness table bertini2016_drude --write "
                                    "tables/bertini2016_drude",
                 notes=["D = lim (1/t) int_0^t sum_x <j_x(s) j_0> at beta = 0, spin-1/2 "
                        "current, J = 1; D(Delta=0) = 1/8; Prosen-Ilievski: (1/8) "
                        "sin^2(pi l/m)/sin^2(pi/m) (1 - (m/2pi) sin(2pi/m))",
                        "D_Z < 8D strictly except at Delta = 0 (paper 000 table (20))"])


@table("bertini2016_example2_gge",
       description="Neel and Bell-pair quenches at Delta=1/2: truncated GGEs K=1..5, "
                   "multipliers, next-charge prediction, GHD energy current at zeta=0")
def example2_gge_table() -> Table:
    """Convergence of the truncated GGEs of Example 2 in the number K of charges."""
    import numpy as np

    from symness.ghd.profiles import profile
    from symness.tba import lattice_charges as lc
    from symness.tba.charges import charge_density
    from symness.tba.dressing import Dressing
    from symness.tba.quadrature import RapidityGrid
    from symness.tba.strings import string_content
    from symness.tba.truncated_gge import initial_values, quench_gge

    content, grid = string_content(Fraction(1, 3)), RapidityGrid(step=0.025, cutoff=16.0)
    rows = []
    for k in (1, 2, 3, 4, 5):
        states = {}
        for st in (lc.NEEL, lc.BELL):
            gge = quench_gge(content, st, k, grid=grid)
            states[st.name] = gge.state
            nxt = 2 * k + 1
            exact = initial_values(content, st, [nxt])[nxt]
            pred = charge_density(Dressing(gge.state), nxt)
            rows.append([str(k), st.name,
                         ", ".join(f"b{n}={b:+.6f}" for n, b in gge.multipliers.items()),
                         f"q{nxt}", str(exact), f"{pred:.6f}", f"{gge.residual:.1e}", ""])
        center = profile(states["neel"], states["bell"], np.array([0.0]))
        rows[-1][-1] = rows[-2][-1] = f"{center.values['j1'][0]:.6f}"
    return Table(title="Example 2: truncated GGEs of the Neel and Bell-pair quenches "
                       "(Delta = 1/2, gamma = pi/3)",
                 columns=["K", "state", "multipliers", "next charge", "exact <psi0|q|psi0>",
                          "GGE prediction", "fit residual", "GHD j_1(zeta=0)"],
                 rows=rows, command="symness table bertini2016_example2_gge --write "
                                    "tables/bertini2016_example2_gge",
                 notes=["GGE exp(-sum beta_n Q_n), n = 1, 3, .., 2K-1 (even charges vanish by "
                        "time reversal, mu = 0 by spin flip); Q_n from the boost operator "
                        "(tba.lattice_charges), Q_1 = H - Delta L/4",
                        "truncated-GGE approximation: quasi-local charges are missing, the "
                        "next-charge column shows how far from the exact steady state it is",
                        "j_1(0): energy current at the junction from (14)-(16) with the Neel "
                        "GGE on the left and the Bell GGE on the right; rapidity grid h = 0.025"])


@table("bertini2016_example2_junction", slow=True,
       description="Neel | Bell junction, Delta=1/2: exact short-time energy current at the "
                   "junction (open chains L=12, 16, 20) next to GHD j_1(0) of truncated GGEs")
def example2_junction_table() -> Table:
    """Qualitative check of Example 2: ED j_E(t) at the junction vs GHD <j_1>(zeta = 0)."""
    import numpy as np

    from symness.ghd.junction_ed import junction_energy_current
    from symness.ghd.profiles import profile, quench_states
    from symness.tba.quadrature import RapidityGrid
    from symness.tba.strings import string_content

    times = np.linspace(0.0, 9.0, 37)
    sizes = (12, 16, 20)
    ed = {n: junction_energy_current(n, 0.5, times) for n in sizes}
    content, grid = string_content(Fraction(1, 3)), RapidityGrid(step=0.05, cutoff=13.0)
    ghd = {k: profile(*quench_states(content, grid, k), np.array([0.0])).values["j1"][0]
           for k in (1, 2, 3, 4)}
    rows = [[f"{t:.2f}", *(f"{ed[n][i]:.6f}" for n in sizes)] for i, t in enumerate(times)]
    window = (times >= 3.0) & (times <= 6.0)
    return Table(title="Example 2 at the junction: exact energy current j_E(t), open chains",
                 columns=["t", *(f"ED L={n}" for n in sizes)], rows=rows,
                 command="symness table bertini2016_example2_junction --write "
                         "tables/bertini2016_example2_junction",
                 notes=["Neel on sites 0..L/2-1, (|up up> - |down down>)/sqrt2 pairs on the "
                        "rest; j_E = <(j_b + j_{b+1})/2> at the junction bond b = L/2 - 1, "
                        "j_l = i[h_{l-1,l}, h_{l,l+1}] (ghd.junction_ed)",
                        "mean over 3 <= t <= 6: " + ", ".join(
                            f"L={n} {ed[n][window].mean():.4f}" for n in sizes)
                        + "; the edges disturb the junction from t ~ 5 (L=16), ~ 6.5 (L=20)",
                        "GHD <j_1>(0) with truncated GGEs (Q_1 .. Q_{2K-1}): "
                        + ", ".join(f"K={k}: {v:.4f}" for k, v in ghd.items()),
                        "qualitative only: same sign and order of magnitude; t and L too small "
                        "to resolve the truncation (the paper's TEBD reaches t = 10, L = 100)"])


@table("bertini2016_example2_exact_qa",
       description="Example 2: the rejected quench-action Neel candidate (BDWC overlaps "
                   "continued to Delta=1/2) against the exact local charges")
def example2_quench_action_table() -> Table:
    """The quench-action candidate for the Neel state against exact <q_n>: rejected."""
    from symness.tba import lattice_charges as lc
    from symness.tba import quench_action as qa
    from symness.tba.charges import charge_density
    from symness.tba.dressing import Dressing
    from symness.tba.quadrature import RapidityGrid
    from symness.tba.strings import string_content
    from symness.tba.truncated_gge import initial_values

    content = string_content(Fraction(1, 3))
    charges = (1, 3, 5, 7)
    exact = initial_values(content, lc.NEEL, charges)
    candidate = qa.neel_bdwc_candidate(content)
    solved = [qa.zero_magnetisation_state(content, candidate,
                                          grid=RapidityGrid(step=step, cutoff=12.0))
              for step in (0.025, 0.0125)]
    values = [{n: charge_density(Dressing(st), n) for n in charges} for st in solved]
    rows = [[f"q{n}", str(exact[n]), f"{values[1][n]:.9f}",
             f"{abs(values[1][n] - values[0][n]):.0e}",
             f"{values[1][n] - float(exact[n]):+.4f}"] for n in charges]
    return Table(title="Example 2, exact steady state: the quench-action Neel candidate "
                       "(BDWC overlaps continued to Delta = 1/2) is rejected",
                 columns=["charge", "exact <Neel|q_n|Neel>", "candidate GGE",
                          "grid error", "candidate - exact"],
                 rows=rows, command="symness table bertini2016_example2_exact_qa --write "
                                    "tables/bertini2016_example2_exact_qa",
                 notes=[f"candidate: tba.quench_action with h^2 = tanh(mu+i g/2) tanh(mu-i g/2)"
                        f"/(4 sinh^2 2mu), g = pi/3, Takahashi-Suzuki strings, S^z multiplier "
                        f"h = {solved[1].h:.10f} fixed by <s^z> = 0; grid error = change "
                        f"from step 0.025 to 0.0125",
                        "decisive check: an exact GGE reproduces every <q_n> of the product "
                        "state (tba.lattice_charges, exact rationals); the candidate misses "
                        "q1 by 20 %, so it is not the Neel steady state",
                        "the exact steady state is built by string-charge duality instead "
                        "(tba.string_charge, tables/bertini2016_example2_exact_charges)"])


@table("bertini2016_example2_exact_charges",
       description="Example 2: the exact Neel and Bell-pair GGEs (string-charge duality) "
                   "against the exact initial values of the local charges q1..q11")
def example2_exact_charges_table() -> Table:
    """Every local charge of the exact GGEs against the product-state values (none imposed)."""
    from symness.tba import lattice_charges as lc
    from symness.tba import string_charge as sc
    from symness.tba.charges import spin_density
    from symness.tba.dressing import Dressing
    from symness.tba.quadrature import RapidityGrid
    from symness.tba.strings import string_content
    from symness.tba.truncated_gge import initial_values

    content = string_content(Fraction(1, 3))
    charges = (1, 3, 5, 7, 9, 11)
    rows, checks, sz = [], [], 0.0
    for pair, state in ((sc.NEEL_PAIR, lc.NEEL), (sc.BELL_PAIR, lc.BELL)):
        exact = initial_values(content, state, charges)
        states = [sc.exact_state(content, pair, grid=RapidityGrid(step=h, cutoff=12.0))
                  for h in (0.05, 0.025)]
        errs = [sc.charge_check(st, exact) for st in states]
        checks.append(states[1].bt3_residual)
        sz = max(sz, abs(spin_density(Dressing(states[1].state))))
        for n in charges:
            rows.append([state.name, f"q{n}", str(exact[n]), f"{errs[0][n]:+.1e}",
                         f"{errs[1][n]:+.1e}", f"{abs(errs[1][n] / float(exact[n])):.1e}"
                         if exact[n] else "-"])
    return Table(title="Example 2: exact GGEs of the Neel and Bell-pair quenches (Delta = 1/2) "
                       "against the exact local charges",
                 columns=["state", "charge", "exact <psi0|q|psi0>", "GGE - exact (h = 0.05)",
                          "GGE - exact (h = 0.025)", "relative (h = 0.025)"],
                 rows=rows, command="symness table bertini2016_example2_exact_charges --write "
                                    "tables/bertini2016_example2_exact_charges",
                 notes=["GGE: tba.string_charge (string-charge duality of the spin-1/2 and "
                        "spin-1 transfer-matrix families, closure eta_3 = 1/eta_2); no local "
                        "charge is imposed, so every row is an independent check",
                        f"even charges vanish exactly (time reversal); <s^z> = 0 to {sz:.0e}; "
                        "residual of the species-3 Bethe-Takahashi equation (not imposed): "
                        + ", ".join(f"{c:.0e}" for c in checks),
                        "the truncated GGE K = 5, which fits q1 .. q9, misses the Neel q11 by 4 % "
                        "(tables/bertini2016_example2_gge)"])


@table("bertini2016_example2_exact", slow=True,
       description="Example 2 with the exact GGEs: junction energy current against TEBD "
                   "(L=48, t<=8), the truncated GGEs K=1..6 and their K->oo local limit")
def example2_exact_table() -> Table:
    """j_E(zeta = 0) from the exact GGEs beside the truncated-GGE sequence and TEBD/ED."""
    import numpy as np

    from symness.ghd.example2_exact import exact_profile, local_limit_states, tebd_junction
    from symness.ghd.profiles import profile
    from symness.ghd.realtime_ex1 import fit_intercept
    from symness.ghd.realtime_quench import EX2
    from symness.tba.lattice_charges import BELL, NEEL
    from symness.tba.quadrature import RapidityGrid
    from symness.tba.strings import string_content
    from symness.tba.truncated_gge import quench_gge_sequence

    exact = exact_profile(np.array([0.0]), steps=(0.025, 0.0125))
    j_exact, j_err = exact.values["j1"][0], exact.errors["j1"]
    rows = [["exact GGE (string-charge duality)", f"{j_exact:.7f}", f"{j_err:.0e}",
             f"{j_exact - j_exact:+.4f}"]]
    content, grid = string_content(Fraction(1, 3)), RapidityGrid(step=0.025, cutoff=13.0)
    chains = [quench_gge_sequence(content, st, 6, grid=grid) for st in (NEEL, BELL)]
    for k, (neel, bell) in enumerate(zip(*chains), start=1):
        val = profile(neel.state, bell.state, np.array([0.0])).values["j1"][0]
        rows.append([f"truncated GGE K = {k} (Q1 .. Q{2 * k - 1})", f"{val:.5f}", "-",
                     f"{val - j_exact:+.4f}"])
    limit = profile(*local_limit_states(grid), np.array([0.0])).values["j1"][0]
    rows.append(["K -> oo local limit (tba.local_limit)", f"{limit:.5f}", "-",
                 f"{limit - j_exact:+.4f}"])
    tebd = tebd_junction()
    best, rough = max(tebd), min(tebd)
    for t, val, other in zip(EX2["times"], tebd[best], tebd[rough]):
        if t >= 4:
            rows.append([f"TEBD L = 48, chi = {best}, t = {t:g}", f"{val:.4f}",
                         f"{abs(val - other):.0e}", f"{val - j_exact:+.4f}"])
    late = [v for t, v in zip(EX2["times"], tebd[best]) if t >= 4]
    late_times = tuple(t for t in EX2["times"] if t >= 4)
    j_inf, j_inf_err = fit_intercept(late_times, np.array(late)[:, None])
    return Table(title="Example 2 (Delta = 1/2, Neel | Bell pairs): energy current at the "
                       "junction, j_E(zeta = 0)",
                 columns=["method", "j_E(0)", "error estimate", "minus exact GGE"],
                 rows=rows, command="symness table bertini2016_example2_exact --write "
                                    "tables/bertini2016_example2_exact",
                 notes=["exact GGE: LQSS (16) with the exact Neel and Bell-pair GGEs "
                        "(ghd.example2_exact); error = change from rapidity step 0.025 to "
                        "0.0125; truncated GGEs and local limit at step 0.025, grid error not "
                        "estimated here (<= 3e-5, tables/bertini2016_example2_limit)",
                        "TEBD error column: |chi 128 - chi 64|; the finite-t drift is not "
                        f"included: TEBD over t = 4 .. 8 spans {min(late):.4f} .. "
                        f"{max(late):.4f} (mean {np.mean(late):.4f}); ED L = 20: -0.032 .. "
                        "-0.033 for t = 4 .. 5.75 (tables/bertini2016_example2_junction)",
                        f"finite-t model j(t) = j_oo + c/t fitted to TEBD t = 4 .. 8 "
                        f"(ghd.realtime_ex1.fit_intercept): j_oo = {j_inf[0]:.4f} +- "
                        f"{j_inf_err[0]:.4f}, {abs(j_inf[0] - j_exact) / j_inf_err[0]:.1f} "
                        "standard errors from the exact GGE value (indicative, not a claim)",
                        "criterion fixed before the exact value was computed (commit d57ea4b): "
                        "|j_E^GGE(0) - mean TEBD(t = 4..8)| <= 3e-3 (claim "
                        "bertini2016.example2.exact-junction)"])


@table("bertini2016_example2_exact_profiles", slow=True,
       description="Example 2 with the exact GGEs: LQSS profiles of q1, j1 on rays against "
                   "pure-state TEBD at t = 4, 6, 8 (L=48) and the truncated GGE K=4")
def example2_exact_profiles_table() -> Table:
    """One row per (observable, ray): exact-GGE LQSS, truncated K = 4, TEBD at t = 4, 6, 8."""
    import numpy as np

    from symness.ghd.example2_exact import exact_profile
    from symness.ghd.profiles import profile, quench_states
    from symness.ghd.realtime_ex1 import OBSERVABLES, RAYS, run_on_rays
    from symness.ghd.realtime_quench import ex2_runs
    from symness.tba.quadrature import RapidityGrid
    from symness.tba.strings import string_content

    exact = exact_profile(RAYS)
    trunc = profile(*quench_states(string_content(Fraction(1, 3)),
                                   RapidityGrid(step=0.025, cutoff=13.0), 4), RAYS).values
    runs = ex2_runs()
    best = runs[max(runs)]
    shown = (4.0, 6.0, 8.0)
    rows, worst = [], {}
    for key in OBSERVABLES:
        tebd = run_on_rays(best, key, shown)
        worst[key] = float(np.max(np.abs(tebd[8.0] - exact.values[key])))
        for i, z in enumerate(RAYS):
            rows.append([key, f"{z:+.1f}", f"{exact.values[key][i]:.5f}",
                         f"{trunc[key][i]:.4f}", *(f"{tebd[t][i]:.4f}" for t in shown)])
    return Table(title="Example 2 (Delta = 1/2, Neel | Bell pairs): LQSS with the exact GGEs "
                       f"against pure-state TEBD (L = {best.length}, chi = {best.chi})",
                 columns=["observable", "zeta", "exact GGE", "truncated K=4",
                          *(f"TEBD t={t:g}" for t in shown)],
                 rows=rows, command="symness table bertini2016_example2_exact_profiles "
                                    "--write tables/bertini2016_example2_exact_profiles",
                 notes=["exact GGE: ghd.example2_exact, rapidity-grid error (step 0.05 -> "
                        "0.025) " + ", ".join(f"{k} {v:.0e}" for k, v in exact.errors.items()
                                              if k in OBSERVABLES),
                        "TEBD on x = zeta t by linear interpolation (lattice oscillations not "
                        "averaged); largest |TEBD(t = 8) - exact GGE| over the rays: "
                        + ", ".join(f"{k} {v:.4f}" for k, v in worst.items())])


@table("bertini2016_example2_limit", slow=True,
       description="Example 2: truncated GGEs K=1..6 against their K->oo local limit (exact "
                   "1-string holes, local-GGE strings) and the exact states; junction j_E, q1")
def example2_limit_table() -> Table:
    """What the truncated-GGE sequence converges to (ghd.example2_exact.truncation_sequence)."""
    from symness.ghd.example2_exact import CUTOFF, truncation_sequence
    from symness.outputs import round_to_error
    from symness.tba.quadrature import RapidityGrid

    coarse, fine = (truncation_sequence(RapidityGrid(step=h, cutoff=CUTOFF))
                    for h in (0.05, 0.025))
    rows = []
    for c, f in zip(coarse, fine):
        row = [f.label]
        for key in ("j1", "q1"):
            err = abs(f.junction[key] - c.junction[key])
            row += [round_to_error(f.junction[key], err), f"{err:.0e}"]
        row += [f"{f.distances[(s, k)]:.2g}" if f.distances[(s, k)] > 1e-10 else "0"
                for s in ("neel", "bell") for k in ("holes", "limit", "exact")]
        rows.append(row)
    return Table(title="Example 2 (Delta = 1/2): the truncated GGEs converge to the local-charge "
                       "limit, not to the exact steady state",
                 columns=["boundary states", "j_E(0)", "grid err", "q1(0)", "grid err",
                          "Neel |rho1h-D1|", "Neel |rho1-lim|", "Neel |rho1-exact|",
                          "Bell |rho1h-D1|", "Bell |rho1-lim|", "Bell |rho1-exact|"],
                 rows=rows, command="symness table bertini2016_example2_limit --write "
                                    "tables/bertini2016_example2_limit",
                 notes=["junction values: LQSS (14)-(16) at zeta = 0, Neel GGE left, Bell-pair "
                        "GGE right; grid err = change from rapidity step 0.05 to 0.025 (values "
                        "at 0.025, cutoff 12, printed to that change)",
                        "distances: sup over lambda of the 1-string densities; D1 = exact "
                        "rho_1^h (string-charge duality), 'lim' = the K -> oo local limit "
                        "(tba.local_limit: local-charge GGE with rho_1^h = D1, ln eta_2 = "
                        "s * ln(1 + eta_1), eta_3 = 1/eta_2), 'exact' = exact steady state",
                        "K = 6 (Q_1 .. Q_11): the Newton fit of the multipliers fails, "
                        "the scaled Levenberg-Marquardt fit (truncated_gge.fit_gge_scaled) "
                        "is used",
                        "the local charges fix rho_1^h only; the exact states share it with "
                        "the local limit but not their strings: eta_2 of the exact Neel state "
                        "has a double pole at 0, and rho_1 differs by the distances above; "
                        "j_E(0) differs by 0.0128 (claim bertini2016.example2.local-limit)"])
