"""Claims of Mendoza-Arenas, Žnidarič, Varma, Goold, Clark & Scardicchio, PRB 99, 094435 (2019).

Exact identities (reservoirs, currents, continuity), the MPS/TEBD NESS solver against the
exact solver (tolerance shrinking with ``dt`` and ``chi``, measured Trotter order), and
reference numbers of Prosen & Žnidarič, J. Stat. Mech. (2009) P02035.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import numpy as np

from symness.claims import Evidence, claim
from symness.lindblad.liouvillian import liouvillian
from symness.models.thermal_reservoirs import (
    DISSIPATOR,
    Reservoir,
    gibbs_target,
    reset_dissipator,
    reset_jumps,
)
from symness.models.xxz_disordered import DisorderedXXZ
from symness.mps import exact_identities as ei
from symness.mps.convergence import Criterion
from symness.mps.exact_reference import exact_ness, sector_values
from symness.mps.lindblad_tebd import BoundaryDrivenChain
from symness.mps.transport import NessSettings, solve_ness

P = "002"


@claim("mendoza2019.reset-identity", paper=P, equation="(2), PZ2009 §2.4", kind="exact",
       statement="the 16 jumps sqrt(gamma r_m/2)|psi_m><psi_l| sum to gamma(R⊗tr_2 rho - rho)")
def _reset_identity() -> Evidence:
    ok, detail = ei.reset_identity_holds()
    return Evidence.exact(ok, "symbolic identity over QQ<I>[gamma, r_m, rho_ij]", detail)


@claim("mendoza2019.eq4-three-spin", paper=P, equation="(4)", kind="exact",
       statement="i[eps_{i-1,i}, eps_{i,i+1}] equals the three-spin form of j^E_i")
def _energy_current_form() -> Evidence:
    return Evidence.exact(ei.energy_current_form_holds(), "sympy, symbolic J, Delta, h_i",
                          "8x8 exact matrices")


@claim("mendoza2019.continuity", paper=P, equation="(3)-(4)", kind="exact",
       statement="d s^z_i/dt = j^S_{i-1} - j^S_i and d eps_{i,i+1}/dt = j^E_i - j^E_{i+1}")
def _continuity() -> Evidence:
    spin_ok, energy_ok = ei.continuity_holds()
    return Evidence.exact(spin_ok and energy_ok, "sympy, symbolic J, Delta, h_0..h_3",
                          f"spin {spin_ok}, energy {energy_ok} (bulk of L=4; local identity)")


def _reservoirs() -> list[tuple[str, Reservoir]]:
    return [("gibbs", Reservoir("gibbs", beta=0.7, mu=0.3, rate=1.3)),
            ("linear", Reservoir("linear", beta=0.4, mu=-0.2, rate=0.8)),
            ("auxiliary", Reservoir("auxiliary", beta=0.9, mu=0.1, rate=1.0, aux_length=6))]


@claim("mendoza2019.reset-numeric", paper=P, equation="(2), PZ2009 §2.4", kind="cross-check",
       statement="the built jump operators reproduce the closed-form reset on a 3-site chain")
def _reset_numeric() -> Evidence:
    rng = np.random.default_rng(7)
    a = rng.normal(size=(8, 8)) + 1j * rng.normal(size=(8, 8))
    rho = a @ a.conj().T
    rho /= np.trace(rho)
    err = 0.0
    for _, res in _reservoirs():
        target = res.target(1.0, 1.5)
        jumps = [np.kron(j, np.eye(2)) for j in reset_jumps(target, res.rate)]
        gen = liouvillian(np.zeros((8, 8)), jumps, dissipator=DISSIPATOR)
        lhs = (gen @ rho.reshape(-1)).reshape(8, 8)
        err = max(err, np.abs(lhs - reset_dissipator(target, res.rate, rho, "left")).max())
    return Evidence.numeric(err, 1e-13, "closed form gamma(R⊗tr rho - rho), random rho",
                            detail="gibbs, linear, auxiliary targets")


@claim("mendoza2019.targets", paper=P, equation="(2), targets", kind="cross-check",
       statement="auxiliary target with m=2 is the bond Gibbs state; linear target is its "
                 "first order (error O(beta^2))")
def _targets() -> Evidence:
    aux2 = Reservoir("auxiliary", beta=0.8, mu=0.3, aux_length=2).target(1.0, 1.5)
    e_aux = np.abs(aux2 - gibbs_target(1.0, 1.5, 0.8, 0.3)).max()
    errs = [np.abs(Reservoir("linear", beta=b, mu=b / 2).target(1.0, 1.5)
                   - gibbs_target(1.0, 1.5, b, b / 2)).max() for b in (0.02, 0.01)]
    slope = np.log2(errs[0] / errs[1])
    return Evidence.numeric(max(e_aux, abs(slope - 2) / 10), 1e-2,
                            "exact Gibbs state (scipy expm); second-order remainder",
                            detail=f"aux(m=2) err {e_aux:.1e}; linear remainder slope {slope:.3f}")


def _thermal_chain(h, seed=3, L=6) -> BoundaryDrivenChain:
    return BoundaryDrivenChain(DisorderedXXZ(L, 1.5, h=h, seed=seed),
                               Reservoir("linear", beta=0.5, mu=0.2),
                               Reservoir("linear", beta=-0.5, mu=-0.1))


def _magnet_chain(h, seed=3, L=6) -> BoundaryDrivenChain:
    return BoundaryDrivenChain(DisorderedXXZ(L, 1.5, h=h, seed=seed),
                               Reservoir("magnetization", mu=0.3),
                               Reservoir("magnetization", mu=-0.3))


def _settings(dt, order=2, chi=64, tol=1e-7) -> NessSettings:
    # tight stationarity so that the Trotter and truncation errors, not the finite
    # evolution time, dominate the comparison; uniformity is itself O(dt^order)
    return NessSettings(chi=chi, dt=dt, order=order, warmup_dt=None, chi_ramp=False,
                        trunc_weight=0.0,
                        check_interval=5.0, t_max=3000.0,
                        criterion=Criterion(stationary_tol=tol, uniform_tol=0.1))


@lru_cache(maxsize=8)
def _exact(kind: str, h: float):
    chain = _thermal_chain(h) if kind == "thermal" else _magnet_chain(h)
    return chain, exact_ness(chain)


def _error(kind: str, h: float, settings: NessSettings) -> float:
    chain, ref = _exact(kind, h)
    res = solve_ness(chain, settings)
    return max(np.abs(np.array(res.values[k]) - ref.values[k]).max() for k in ref.values)


@claim("mendoza2019.mps-vs-exact-thermal", paper=P, equation="(2)-(4)", kind="cross-check",
       statement="TEBD NESS of a disordered L=6 chain with two-site thermal reservoirs matches "
                 "the exact NESS (profiles and currents)")
def _mps_vs_exact_thermal() -> Evidence:
    err = _error("thermal", 0.8, _settings(0.1))
    # tolerance: 2nd-order Trotter fixed-point error ~ c dt^2 with c ~ 5e-3 (measured slope 2
    # in mendoza2019.trotter-order-2); factor 4 margin
    return Evidence.numeric(err, 2e-4, "exact sparse LU NESS (symness.mps.exact_reference)",
                            detail="L=6, Delta=1.5, h=0.8, seed 3, chi=64, dt=0.1, order 2")


@claim("mendoza2019.mps-vs-exact-magnetization", paper=P, equation="PZ2009 (7)",
       kind="cross-check", slow=True,
       statement="TEBD NESS with single-spin baths matches the exact NESS, clean and disordered")
def _mps_vs_exact_magnet() -> Evidence:
    errs = [_error("magnet", h, _settings(0.2, order=4, tol=1e-5)) for h in (0.0, 0.8)]
    return Evidence.numeric(max(errs), 2e-4, "exact sparse LU NESS",
                            detail=f"L=6, Delta=1.5, h=0 / 0.8: errors {errs[0]:.1e}, "
                                   f"{errs[1]:.1e} (order 4, dt=0.2)")


def _order(order: int, dts: tuple[float, float]) -> Evidence:
    errs = [_error("thermal", 0.8, _settings(dt, order=order, tol=1e-9)) for dt in dts]
    slope = float(np.log(errs[0] / errs[1]) / np.log(dts[0] / dts[1]))
    return Evidence.numeric(abs(slope - order), 0.35, f"theoretical Trotter order {order}",
                            detail=f"dt={dts}: errors {errs[0]:.2e}, {errs[1]:.2e}; "
                                   f"log-log slope {slope:.2f}")


@claim("mendoza2019.trotter-order-2", paper=P, equation="TEBD", kind="numeric", slow=True,
       statement="the NESS error of 2nd-order TEBD scales as dt^2 (log-log slope)")
def _order2() -> Evidence:
    return _order(2, (0.2, 0.1))


@claim("mendoza2019.trotter-order-4", paper=P, equation="TEBD", kind="numeric", slow=True,
       statement="the NESS error of 4th-order (Suzuki) TEBD scales as dt^4 (log-log slope)")
def _order4() -> Evidence:
    return _order(4, (0.5, 0.25))


@claim("mendoza2019.chi-convergence", paper=P, equation="TEBD", kind="numeric", slow=True,
       statement="the NESS error decreases monotonically with the bond dimension chi")
def _chi() -> Evidence:
    # fixed evolution time t = 200 (the exact chain relaxes by t ~ 60): at small chi the
    # truncated map has no exact fixed point (truncation noise), so the strict criterion is
    # not used; the error against the exact NESS is what is measured
    from symness.mps.mps import product_state
    from symness.mps.transport import evolve_to_ness

    chain, ref = _exact("thermal", 0.8)
    chis, errs = (4, 8, 16, 32), []
    for chi in chis:
        mps = product_state([np.eye(2) / 2] * chain.model.n)
        _, values = evolve_to_ness(chain, mps, _settings(0.25, order=4, chi=chi, tol=1e-12),
                                   chi=chi, strict=False, t_limit=200.0)
        errs.append(max(np.abs(values[k] - ref.values[k]).max() for k in ref.values))
    monotone = all(b < a for a, b in zip(errs, errs[1:]))
    return Evidence.numeric(errs[-1], 1e-3, "exact sparse LU NESS; monotone decrease",
                            detail="chi=" + ", ".join(f"{c}: {e:.1e}" for c, e in zip(chis, errs)),
                            requires={"error decreases with chi": monotone})


@claim("mendoza2019.exact-reference", paper=P, equation="(2)", kind="cross-check",
       statement="the direct-LU exact NESS agrees with symness.lindblad.steady_state (L=6)")
def _exact_reference() -> Evidence:
    from symness.lindblad.steady_state import steady_state
    from symness.models.xxz_disordered import hamiltonian
    from symness.mps.lindblad_tebd import full_jumps

    chain, ref = _exact("thermal", 0.8)
    other = steady_state(hamiltonian(chain.model), full_jumps(chain), dissipator=DISSIPATOR)
    err = float(np.abs(other.rho - ref.rho).max())
    return Evidence.numeric(err, 1e-10, f"lindblad.steady_state (method {other.method})",
                            detail=f"L=6 disordered, thermal reservoirs; LU residual "
                                   f"{ref.residual:.1e}")


def _sector_settings(chi: int, kind: str) -> NessSettings:
    # order 4, dt = 0.25: the Trotter error is below the truncation error here (chi = 32 at
    # L = 8 gave 7.0e-5 at dt = 0.25 and 7.4e-5 at dt = 0.5); magnetisation baths drive no
    # energy current (clean: zero by symmetry), so only the spin current is judged.
    # stationary_tol 1e-5: under truncation noise (window mode) the block-mean drift is only
    # resolved down to noise/sqrt(window), i.e. ~1e-4 * scale at chi = 16 (measured L = 10)
    currents = ("spin",) if kind == "magnet" else ("spin", "energy")
    return NessSettings(chi=chi, dt=0.25, order=4, warmup_dt=None, chi_ramp=False,
                        check_interval=5.0, t_max=1000.0,
                        criterion=Criterion(stationary_tol=1e-5, uniform_tol=0.1, atol=1e-3,
                                            noise_tol=1e-3, currents=currents))


#: currents judged relative to |j| against the exact NESS: the figures accept a state as the
#: NESS at a bulk current non-uniformity of 5% of |j|, so the method must reach that here
CURRENT_RTOL = 0.05


def _deviations(chain: BoundaryDrivenChain, values: dict, ref: dict,
                currents: tuple[str, ...] = ("spin", "energy")) -> tuple[float, float]:
    """``(largest |error| of the profiles sz, energy; largest relative error of the bulk j)``.

    The bulk currents named in ``currents`` (the driven ones, those the NESS criterion
    judges; bonds/sites fixed by continuity) are compared relative to the exact bulk mean
    ``|j|``.  Single-spin baths drive no energy current: on a disordered chain the fields
    leave a small thermoelectric ``j^E`` (``h_i j^S`` terms) that no criterion resolves
    relative to itself, so only ``j^S`` is judged there.
    """
    from symness.mps.transport import bulk_currents

    profile = max(np.abs(np.array(values[k]) - ref[k]).max() for k in ("sz", "energy"))
    got = bulk_currents(chain, {k: np.asarray(v) for k, v in values.items()})
    want = bulk_currents(chain, ref)
    current = max(np.abs(got[k] - want[k]).max() / abs(np.mean(want[k])) for k in currents)
    return float(profile), float(current)


def _vs_sector(L: int, cases: tuple[tuple[str, float], ...],
               chis: tuple[int, ...]) -> dict[tuple, tuple[float, float]]:
    """``{(kind, h, chi): (profile error, relative current error)}`` against the sector solver."""
    errs = {}
    for kind, h in cases:
        chain = (_thermal_chain if kind == "thermal" else _magnet_chain)(h, L=L)
        ref = sector_values(chain)
        for chi in chis:
            settings = _sector_settings(chi, kind)
            res = solve_ness(chain, settings)
            errs[kind, h, chi] = _deviations(chain, res.values, ref,
                                             settings.criterion.currents)
    return errs


def _sector_evidence(errs: dict, profile_tol: float, L: int, chi: int,
                     shrink_chis: tuple[int, ...] = ()) -> Evidence:
    """Both errors against their tolerances (profiles absolute, currents :data:`CURRENT_RTOL`).

    The reported error is the larger of ``profile / profile_tol`` and ``current /
    CURRENT_RTOL`` (tolerance 1), each stated in the detail; with ``shrink_chis`` the
    profile error must also shrink with ``chi``, and the detail says whether it did.
    """
    pairs = sorted({(k, h) for k, h, _ in errs})
    shrinks = all(errs[k, h, a][0] > errs[k, h, b][0] for k, h in pairs
                  for a, b in zip(shrink_chis, shrink_chis[1:]))
    profile = max(errs[k, h, chi][0] for k, h in pairs)
    current = max(errs[k, h, chi][1] for k, h in pairs)
    ratio = max(profile / profile_tol, current / CURRENT_RTOL)
    detail = (f"L={L}, Delta=1.5, seed 3, order 4, dt=0.25; profiles |TEBD - exact| (tol "
              f"{profile_tol:g}), bulk currents relative to |j| (tol {CURRENT_RTOL:g}): "
              + "; ".join(f"{k} h={h}: " + ", ".join(
                  f"chi={c} {errs[k, h, c][0]:.1e} / {errs[k, h, c][1]:.1e}"
                  for c in sorted({c for kk, hh, c in errs if (kk, hh) == (k, h)}))
                  for k, h in pairs))
    requires = {"profile error shrinks with chi": shrinks} if shrink_chis else {}
    return Evidence.numeric(ratio, 1.0, "symness.lindblad.steady_state (sector GMRES, weak "
                            "U(1)); error = max(profile/tol, current/tol)", detail=detail,
                            requires=requires)


@claim("mendoza2019.mps-vs-exact-magnetization-l8", paper=P, equation="PZ2009 (7)",
       kind="cross-check", slow=True,
       statement="TEBD NESS with single-spin baths at L=8 matches the exact sector-solver "
                 "NESS, clean and disordered: profiles within 2e-3 with an error that shrinks "
                 "with chi, the bulk spin current (the driven one) within 5% of |j|")
def _mps_vs_exact_magnet_l8() -> Evidence:
    # profile tolerance 2e-3: measured clean 9.5e-4 (chi=16) -> 1.1e-4 (chi=32), disordered
    # h=0.8 6.2e-3 -> 1.3e-3 (the disordered chain stays in a truncation-noise cycle: window
    # mode); 43 + 67 s
    chis = (16, 32)
    errs = _vs_sector(8, (("magnet", 0.0), ("magnet", 0.8)), chis)
    return _sector_evidence(errs, 2e-3, 8, chis[-1], shrink_chis=chis)


@claim("mendoza2019.mps-vs-exact-l8", paper=P, equation="(2)-(4)", kind="cross-check",
       slow=True,
       statement="TEBD NESS at L=8 matches the exact sector-solver NESS (disordered chain, "
                 "two-site thermal reservoirs): profiles within 1e-3, bulk currents within 5% "
                 "of |j|")
def _mps_vs_exact_l8() -> Evidence:
    # measured (chi=16, order 4, dt=0.25): 4.6e-4 thermal/disordered; chi=32 gives 7.0e-5
    # (dt=0.25) and 7.4e-5 (dt=0.5): truncation-dominated, so the chi=16 run is the claim
    errs = _vs_sector(8, (("thermal", 0.8),), (16,))
    return _sector_evidence(errs, 1e-3, 8, 16)


@claim("mendoza2019.mps-vs-exact-l10", paper=P, equation="(2)-(4), PZ2009 (7)",
       kind="cross-check", slow=True,
       statement="TEBD NESS at L=10 matches the exact sector-solver NESS: clean chain with "
                 "thermal reservoirs and with single-spin baths (chi=16); profiles within "
                 "3e-3, bulk currents within 5% of |j|")
def _mps_vs_exact_l10() -> Evidence:
    # measured max errors at chi = 16 / 32 / 64: thermal clean 5.1e-4 / 1.3e-4 / 1.6e-5,
    # magnetisation clean 1.3e-3 / 1.1e-3 / 1.4e-4 (a plateau from 16 to 32 in <s^z>, the
    # same at dt = 0.125 and at order 2: truncation); the disordered chains need chi >= 32
    # at L=10 (thermal 2.7e-4 / 5.4e-5, magnetisation 4.9e-3 / 5.5e-4 at chi = 32 / 64):
    # table mendoza2019_mps_vs_exact_L10
    errs = _vs_sector(10, (("thermal", 0.0), ("magnet", 0.0)), (16,))
    return _sector_evidence(errs, 3e-3, 10, 16)


def _pz2009(delta: str, mu: str, reference: float, tol: float, *, relative: bool,
            chi: int, chi_ramp: bool) -> Evidence:
    """PZ2009's quantity from a live TEBD run at ``n = 16`` against ``reference``.

    (:mod:`symness.mps.prosen_znidaric` settings with ``chi``, ``chi_ramp``; order 4,
    ``dt = 0.1`` in Pauli time units.)
    """
    from symness.mps import prosen_znidaric as pz
    from symness.mps.sweep import chain_from_spec, settings_from_spec

    n = 16
    spec = pz.spec(n, delta, mu, dict(pz.SETTINGS, chi=chi, chi_ramp=chi_ramp))
    res = solve_ness(chain_from_spec(spec), settings_from_spec(spec))
    value = pz.pz_quantity(delta, n, res.j_spin, np.array(res.values["sz"]))
    err = abs(value - reference) / (abs(reference) if relative else 1.0)
    return Evidence.numeric(err, tol, f"PZ2009 ({reference:g}, Delta={delta}, mu={mu})",
                            detail=f"n={n}, chi={chi}, order 4, dt=0.1 (Pauli time): "
                                   f"value {value:.5f}{' (relative error)' if relative else ''}")


@claim("mendoza2019.pz2009-ballistic", paper=P, equation="PZ2009 (7), Delta=1/2",
       kind="numeric", slow=True,
       statement="Prosen & Žnidarič (2009): at Delta=0.5, mu=0.22 (Pauli units, single-spin "
                 "baths, rate 1) the NESS current is j ≈ 0.18 (n=16)")
def _pz_ballistic() -> Evidence:
    # tolerance: the reference is quoted to two digits (half a unit: 0.005); measured j at
    # n=16: 0.18168 (chi=16, 9 s), 0.18116 (chi=32), n=32: 0.18062, n=64: 0.18157 (chi=32;
    # table mendoza2019_pz2009); exact (sector solver) n=8: 0.18451, n=10: 0.18244
    return _pz2009("1/2", "11/50", 0.18, 5e-3, relative=False, chi=16, chi_ramp=False)


def _pz_cached(n: int, chi: int) -> tuple[float, float]:
    """PZ2009's diffusive quantity and its chi/2 -> chi change from the table's cache."""
    from pathlib import Path

    from symness.mps import prosen_znidaric as pz
    from symness.mps.sweep import load_results, task_key

    cache = Path(__file__).resolve().parents[2] / pz.CACHE
    records = {r["key"]: r for r in load_results(cache) if r["status"] == "ok"}
    return pz.tebd_quantity(records[task_key(pz.spec(n, "3/2", "1/50", chi=chi))])


@claim("mendoza2019.pz2009-diffusive", paper=P, equation="PZ2009 (7), Delta=3/2",
       kind="numeric", slow=True,
       statement="Prosen & Žnidarič (2009): at Delta=1.5, mu=0.02 (Pauli units, single-spin "
                 "baths, rate 1) j/(S_3 - S_{n-2}) ≈ 1.15/(n - 4) at n=16 (diffusion), within "
                 "an error model of quote precision + chi + finite size")
def _pz_diffusive() -> Evidence:
    # error model (relative), fixed before the comparison: the quote "1.15" (half a unit of
    # its last digit, 0.005/1.15) + the chi error of the live n = 16 run (its chi/2 -> chi
    # change) + the finite-size error of n = 16 against the large-n value PZ2009 fitted,
    # estimated by the n = 16 -> 32 change of the quantity plus the chi error of the n = 32
    # run (chi = 64, table mendoza2019_pz2009's cache).  The n = 32 chi error (4.7%)
    # dominates: the comparison is no tighter than the n = 32 run's chi convergence
    from symness.mps import prosen_znidaric as pz
    from symness.mps.sweep import chain_from_spec, settings_from_spec

    spec = pz.spec(16, "3/2", "1/50")
    res = solve_ness(chain_from_spec(spec), settings_from_spec(spec))
    value = pz.pz_quantity("3/2", 16, res.j_spin, np.array(res.values["sz"]))
    chi16 = abs(res.chi_dependence["rel_change_spin"])
    value32, chi32 = _pz_cached(32, 64)
    size = abs(value32 - value) / abs(value)
    tol = 0.005 / 1.15 + chi16 + size + abs(chi32)
    err = abs(value - 1.15) / 1.15
    return Evidence.numeric(err, tol, "PZ2009 (1.15, Delta=3/2, mu=1/50)",
                            detail=f"n=16 (chi=32, order 4, dt=0.1 Pauli time): {value:.4f}, "
                                   f"relative deviation {err:.3f}; tolerance = quote "
                                   f"{0.005 / 1.15:.4f} + chi(16) {chi16:.4f} + n=16->32 "
                                   f"{size:.4f} (n=32: {value32:.4f}) + chi(32) {abs(chi32):.4f}")


@lru_cache(maxsize=None)
def _clean_gamma(label: str, sizes: tuple[int, ...] = (8, 16, 24)) -> tuple[float, str]:
    """Live TEBD exponent of one :data:`symness.mps.tables.CASES` case (table settings)."""
    from symness.mps import tables
    from symness.mps.sweep import current_key, run_task

    kind = next(case[1] for case in tables.CASES if case[0] == label)
    specs = tables.case_specs(label, sizes)
    cur = np.array([run_task(s)["result"][current_key(kind)] for s in specs])
    gamma, _ = tables.power_law(np.array([s["L"] for s in specs]), cur)
    return gamma, f"{label}: gamma={gamma:.3f} (L={','.join(map(str, sizes))})"


@claim("mendoza2019.clean-exponents", paper=P, equation="clean XXZ, PZ2009 (7), (2)",
       kind="numeric", slow=True,
       statement="clean XXZ NESS at infinite temperature, zero magnetisation: spin transport "
                 "ballistic (gamma=0) at Delta=0.5 and diffusive (gamma=1) at Delta=1.5; "
                 "energy transport ballistic (gamma=0) at Delta=1.5; |j| ~ L^-gamma")
def _clean_exponents() -> Evidence:
    # tolerance 0.1 on gamma: separates the three regimes (0, 1/2, 1) by 4 tolerances.
    # Expected values are the literature's (the paper's refs.; PZ2009 for Delta=1.5 spin).
    # Settings of table mendoza2019_clean_exponents (chi=32), L = 8, 16, 24 (46-80 s);
    # that table extends the fit to larger L
    from symness.mps.tables import CASES

    cases = [(label, expected) for label, _, _, expected in CASES if label != "spin Delta=1"]
    fits = [_clean_gamma(label) for label, _ in cases]
    err = max(abs(gamma - expected) for (gamma, _), (_, expected) in zip(fits, cases))
    return Evidence.numeric(err, 0.1, "literature exponents 0 (ballistic), 1 (diffusive)",
                            detail="; ".join(d for _, d in fits))


@claim("mendoza2019.clean-superdiffusive", paper=P, equation="clean XXZ, PZ2009 (7)",
       kind="numeric", slow=True,
       statement="clean XXZ at the isotropic point Delta=1: spin transport superdiffusive: the "
                 "local exponent between the two largest sizes of table "
                 "mendoza2019_clean_exponents (L = 48, 64) is 1/2 within its finite-size drift")
def _clean_superdiffusive() -> Evidence:
    # error model, fixed before the comparison: the local slope gamma(L1, L2) between
    # consecutive sizes still drifts toward its limit; the remaining distance of the last one
    # is taken to be at most the last increment gamma(48,64) - gamma(32,48) plus the chi
    # systematic of the two sizes (chi_slope_systematic of their chi/2 -> chi changes).  The
    # live run of L = 8, 16, 24 (the old claim: 0.34) is far from the limit and not used
    from pathlib import Path

    from symness.mps.figures import chi_slope_systematic
    from symness.mps.sweep import current_key, load_results, task_key
    from symness.mps.tables import case_specs

    cache = Path(__file__).resolve().parents[2] / "tables" / "mendoza2019_clean_exponents.jsonl"
    records = {r["key"]: r for r in load_results(cache) if r["status"] == "ok"}
    sizes = (32, 48, 64)
    recs = [records[task_key(s)] for s in case_specs("spin Delta=1", sizes)]
    j = np.array([abs(r["result"][current_key("spin")]) for r in recs])
    chi = [abs(r["result"]["chi_dependence"]["rel_change_spin"]) for r in recs]
    local = -np.diff(np.log(j)) / np.diff(np.log(sizes))
    tol = abs(local[1] - local[0]) + chi_slope_systematic(np.array(sizes[1:]), chi[1:])
    return Evidence.numeric(abs(local[1] - 0.5), tol, "literature gamma = 1/2 (superdiffusive)",
                            detail=f"local slopes 32-48 {local[0]:.3f}, 48-64 {local[1]:.3f}; "
                                   f"chi/2 -> chi changes {', '.join(f'{c:.3f}' for c in chi)} "
                                   f"(L = 32, 48, 64); tolerance = drift + chi systematic")


def _target_kinds() -> tuple[str, ...]:
    from symness.models.thermal_reservoirs import KINDS

    return tuple(k for k in KINDS if k != "magnetization")


@claim("mendoza2019.equal-reservoirs-clean", paper=P, equation="(2), reservoirs",
       kind="cross-check",
       statement="at equal reservoirs (beta_L = beta_R = 0.1) the clean chain carries no bulk "
                 "current, for every two-site target (reflection symmetry; L=6, Delta=1)")
def _equal_reservoirs_clean() -> Evidence:
    # tolerance 1e-9 of the driven current: the sector solver's relative residual is ~1e-15
    # and the currents are differences of O(1) traces, so rounding stays far below it
    from symness.mps.reservoir_equilibrium import spurious_ratio

    model = DisorderedXXZ(n=6, delta=1, h=0, seed=0)
    runs = {k: spurious_ratio(k, model) for k in _target_kinds()}
    err = max(max(r.energy_ratio, abs(r.equal_spin / r.driven_energy)) for r in runs.values())
    return Evidence.numeric(err, 1e-9, "reflection symmetry (zero current)",
                            detail="; ".join(f"{k}: |j^E_eq/j^E_dr| {r.energy_ratio:.1e}"
                                             for k, r in runs.items()))


@claim("mendoza2019.equal-reservoirs", paper=P, equation="(2), reservoirs", kind="numeric",
       slow=True,
       statement="at equal reservoirs (beta_L = beta_R = 0.1, mu = 0) a disordered chain "
                 "carries a spurious bulk energy current (no two-site reset holds the cut "
                 "bond's exchange correlation); it stays below 10% of the current of the "
                 "antisymmetric drive beta_L = -beta_R = 0.1 for every target (gibbs, linear, "
                 "auxiliary, edge-gibbs; L=8, Delta=1, h=0.6, seeds 0-2)")
def _equal_reservoirs() -> Evidence:
    # criterion fixed before the runs: 0.1, twice the figures' 5% acceptance tolerance (a
    # one-sided drive beta_R = 0 carries half of this ratio as a bias; the figures'
    # antisymmetric drive cancels it at first order, module symness.mps.reservoir_equilibrium)
    from symness.mps.reservoir_equilibrium import spurious_ratio

    runs = {(k, s): spurious_ratio(k, DisorderedXXZ(n=8, delta=1, h=Fraction(3, 5), seed=s))
            for k in _target_kinds() for s in (0, 1, 2)}
    worst = {k: max(runs[k, s].energy_ratio for s in (0, 1, 2)) for k in _target_kinds()}
    spin = {k: max(abs(runs[k, s].equal_spin) for s in (0, 1, 2)) for k in _target_kinds()}
    return Evidence.numeric(max(worst.values()), 0.1,
                            "equilibrium: zero current (ratio to the driven current)",
                            detail="; ".join(f"{k}: |j^E_eq/j^E_dr| <= {worst[k]:.3f}, "
                                             f"|j^S_eq| <= {spin[k]:.1e}"
                                             for k in _target_kinds()))


def _fits(name: str, tasks: list[dict], curves: list[tuple[str, str]],
          max_l: int | None = None) -> dict[tuple[str, str], dict]:
    """``{(h, kind): fit}`` of figure ``name`` from its cache (χ-accepted sizes <= ``max_l``)."""
    from symness.mps.figures import cached, curve

    tasks = [t for t in tasks if max_l is None or t["L"] <= max_l]
    records = cached(name, tasks)
    return {(h, kind): curve(records, h, kind)["fit"] for h, kind in curves}


def _sig(fit_a: dict, fit_b: dict) -> tuple[float, float]:
    """``(gamma_b - gamma_a, combined error)`` of two fits (errors added in quadrature)."""
    return fit_b["gamma"] - fit_a["gamma"], float(np.hypot(fit_a["gamma_err"],
                                                           fit_b["gamma_err"]))


def _fmt(fit: dict) -> str:
    return (f"{fit['gamma']:.2f} ± {fit['gamma_err']:.2f} (stat {fit['gamma_stat']:.2f}, "
            f"chi {fit['gamma_chi']:.2f})")


@claim("mendoza2019.fig2b-ordering", paper=P, equation="Fig. 2(b)", kind="numeric",
       statement="Fig. 2(b), Delta=1: energy transport slows with disorder: the exponent of "
                 "|j^E| ~ L^-gamma increases from h=0.3 to 0.6 to 0.9, each step by at least "
                 "its combined error (bootstrap ⊕ chi systematic; cached TEBD, L <= 24)")
def _fig2b_ordering() -> Evidence:
    # criterion fixed before the fits: significance >= 1 (one combined standard error) for
    # each step; all three curves on the sizes they shared when registered (L <= 24), each
    # on its chi-accepted sizes (symness.mps.figures.CHI_ACCEPT)
    from symness.mps.figures import FIG2_HS, fig2_tasks

    fits = _fits("fig2", fig2_tasks(), [(h, "energy") for h in FIG2_HS], max_l=24)
    steps = [_sig(fits[a, "energy"], fits[b, "energy"]) for a, b in zip(FIG2_HS, FIG2_HS[1:])]
    worst = max(err / abs(diff) for diff, err in steps)
    return Evidence.numeric(worst, 1.0, "paper Fig. 2(b): current decreases faster with L at "
                            "larger h; error = combined error / step",
                            requires={"gamma increases at every step":
                                      all(diff > 0 for diff, _ in steps)},
                            detail="; ".join(f"h={h}: gamma={_fmt(fits[h, 'energy'])}"
                                             for h in FIG2_HS))


@claim("mendoza2019.fig2b-hc", paper=P, equation="Fig. 2(b)", kind="numeric",
       statement="Fig. 2(b), Delta=1: the paper's diffusive-subdiffusive boundary h_c ≈ 0.6 "
                 "(L ≈ 100) is NOT reproduced at the sizes reached (L <= 64 at h = 0.3, 32 at "
                 "0.6, 24 at 0.9): the crossing of gamma_E = 1 lies "
                 "above 0.6 by more than two errors (bootstrap ⊕ chi and Trotter "
                 "systematics; cached TEBD)")
def _fig2b_hc() -> Evidence:
    # criterion fixed (session 13 notes) before the L <= 32 fits of h = 0.6 and 0.9 were
    # computed: (h_c - 0.6) / sigma_hc > 2, sigma_hc propagated from the gamma_err of the
    # two bracketing fits (symness.mps.figures.diffusive_boundary).  Realisations added
    # since by rules fixed before each session's runs (contiguous seeds finished by a
    # cutoff); session 18: L = 32, h = 0.6 to 16, L = 64, h = 0.3 to 6
    from symness.mps.figures import FIG2_HS, cached, energy_boundary, fig2_tasks

    paper_hc = 0.6
    found = energy_boundary(cached("fig2", fig2_tasks()))
    hc, err = found["hc"]
    crossed = bool(np.isfinite(hc))
    return Evidence.numeric(2 * err / abs(hc - paper_hc) if crossed else float("nan"), 1.0,
                            f"paper Fig. 2(b): h_c ≈ {paper_hc}; error = 2 sigma / |h_c - "
                            f"{paper_hc}|",
                            requires={"gamma_E = 1 is crossed on the h grid": crossed,
                                      f"h_c above {paper_hc}": crossed and hc > paper_hc},
                            detail=f"h_c = {hc:.2f} ± {err:.2f}; "
                                   + "; ".join(f"h={h}: gamma={_fmt(found['fits'][h])}"
                                               for h in FIG2_HS))


@claim("mendoza2019.fig2b-weak-disorder", paper=P, equation="Fig. 2(b)", kind="numeric",
       statement="Fig. 2(b), Delta=1, h=0.3: the paper's energy diffusion below h_c ≈ 0.6 "
                 "(gamma_E = 1 at L ≈ 100) is NOT reached at L <= 64: the local exponent "
                 "between L = 32 and 64 lies below 1 by more than two errors (bootstrap ⊕ chi "
                 "and Trotter systematics; cached TEBD, chi = 128 at L = 32 and 64)")
def _fig2b_weak_disorder() -> Evidence:
    # criterion fixed (session 15 notes) before the L = 64 realisations 1-3 were run:
    # (1 - gamma_{32-64}) / err > 2, err = bootstrap ⊕ coherent chi + Trotter systematic of
    # the two sizes (symness.mps.figures.fit_with_errors).  Session 16 (rules in its notes,
    # fixed before the runs): L = 32 moved from chi = 64 to 128 once seeds 0-3 converged
    # there, with the realisations 0-15 finished by the cutoff (all 16).  Session 18 (same
    # rule): L = 64 seeds 4 and 5 added (6 realisations).  Session 19: the sizes are named
    # (32 and 64), not "the two largest accepted", which L = 96 changes
    from symness.mps.figures import cached, curve, fig2_tasks, fit_with_errors, systematic

    found = curve(cached("fig2", fig2_tasks()), "3/10", "energy")
    pair = np.array([L for L in (32, 64) if L in found["accepted"]])
    accepted = len(pair) == 2
    local = fit_with_errors(pair, found["currents"],  # NaN unless both are accepted
                            {L: systematic(found["extras"][L]) for L in pair})
    gamma, err = local["gamma"], local["gamma_err"]
    below = gamma < 1
    return Evidence.numeric(2 * err / (1 - gamma) if below else float("nan"), 1.0,
                            "paper Fig. 2(b): gamma_E = 1 at h = 0.3; error = 2 sigma / "
                            "(1 - gamma_{32-64})",
                            requires={"local exponent below 1": below,
                                      "L = 32 and 64 are chi-accepted": accepted},
                            detail=f"gamma_32-64 = {gamma:.2f} ± {err:.2f} (stat "
                                   f"{local['gamma_stat']:.2f}, chi "
                                   f"{local['gamma_chi']:.2f}); all sizes: "
                                   f"{_fmt(found['fit'])}")


@claim("mendoza2019.fig3-asymmetry", paper=P, equation="Fig. 3", kind="numeric",
       statement="Fig. 3, Delta=1.5, h=0.6: spin transport is subdiffusive (gamma_S > 1) and "
                 "slower than energy transport (gamma_S > gamma_E), each by at least two "
                 "combined errors (bootstrap ⊕ chi systematic; cached TEBD, L <= 24)")
def _fig3_asymmetry() -> Evidence:
    # criterion fixed before the fits: two combined standard errors for both inequalities.
    # The paper's third statement, energy diffusion (gamma_E = 1), is not claimed: at L <= 24
    # gamma_E stays below 1 (README, paper-002 section)
    from symness.mps.figures import cached, curve, fig3_tasks

    fit_e = curve(cached("fig3-energy", fig3_tasks("energy")), "3/5", "energy")["fit"]
    fit_s = curve(cached("fig3-spin", fig3_tasks("spin")), "3/5", "spin")["fit"]
    diff, err = _sig(fit_e, fit_s)
    sub = (fit_s["gamma"] - 1) / fit_s["gamma_err"]
    worst = max(2 * err / abs(diff), 2 / abs(sub))
    return Evidence.numeric(worst, 1.0, "paper Fig. 3: energy diffusive, spin subdiffusive; "
                            "error = 2 x combined error / margin",
                            requires={"gamma_S > gamma_E": diff > 0, "gamma_S > 1": sub > 0},
                            detail=f"gamma_E = {_fmt(fit_e)}; gamma_S = {_fmt(fit_s)}; "
                                   f"gamma_S - gamma_E = {diff:.2f} ± {err:.2f}; "
                                   f"(gamma_S - 1)/err = {sub:.1f}")


@claim("mendoza2019.fig4a-equal", paper=P, equation="Fig. 4(a)", kind="numeric",
       statement="Fig. 4(a), Delta=1, finite magnetisation: energy and spin currents scale "
                 "alike: |gamma_E - gamma_S| within two combined errors at h=0.5 and h=0.9 "
                 "(cached TEBD)")
def _fig4a_equal() -> Evidence:
    # criterion fixed before the fits: two combined standard errors (bootstrap ⊕ chi)
    from symness.mps.figures import FIG4_HS, fig4_tasks

    curves = [(h, k) for h in FIG4_HS for k in ("energy", "spin")]
    fits = _fits("fig4", fig4_tasks(), curves)
    ratios = []
    for h in FIG4_HS:
        diff, err = _sig(fits[h, "energy"], fits[h, "spin"])
        ratios.append(abs(diff) / (2 * err))
    return Evidence.numeric(max(ratios), 1.0, "paper Fig. 4(a): equal transport dynamics; "
                            "error = |difference| / (2 x combined error)",
                            detail="; ".join(f"h={h}: gamma_E={_fmt(fits[h, 'energy'])}, "
                                             f"gamma_S={_fmt(fits[h, 'spin'])}"
                                             for h in FIG4_HS))


@claim("mendoza2019.target-independence", paper=P, equation="Fig. 2(b), (2)", kind="numeric",
       statement="the Fig. 2(b) exponent at Delta=1, h=0.6 (L = 8, 12, 16, 4 realisations) "
                 "does not depend on the reservoir target (linear, edge-gibbs) or the drive "
                 "(beta = +-0.1 or 0.2 | 0) beyond two combined errors (cached TEBD)")
def _target_independence() -> Evidence:
    # criterion fixed before the runs: |gamma_x - gamma_figure| <= 2 combined errors
    # (bootstrap ⊕ chi, errors of the same realisations treated as independent: conservative)
    from symness.mps.figures import DRIVES, cached, curve, target_cache, target_tasks

    fits = {d: curve(cached(target_cache(d), target_tasks(d)), "3/5", "energy")["fit"]
            for d in DRIVES}
    base = fits["linear +-0.1"]
    ratios = [abs(d) / (2 * e) for d, e in (_sig(base, f) for f in list(fits.values())[1:])]
    return Evidence.numeric(max(ratios), 1.0, "the figure's drive (linear target, beta = "
                            "+-0.1); error = |difference| / (2 x combined error)",
                            detail="; ".join(f"{d}: gamma={_fmt(f)}" for d, f in fits.items()))


@claim("mendoza2019.fig2a-gradient", paper=P, equation="Fig. 2(a)", kind="numeric",
       statement="Fig. 2(a), Delta=1, h=0.6: the energy drive builds an energy gradient across "
                 "the chain: the disorder-averaged bulk energy profile (0.1 <= x <= 0.9) rises "
                 "from the colder (beta_L = 0.1) to the hotter end and a straight line explains "
                 "at least 90% of its variance, at every L = 8-24 (cached TEBD)")
def _fig2a_gradient() -> Evidence:
    # criterion fixed as the qualitative statement of the paper: R^2 >= 0.9 and a positive
    # slope (energy density higher at the beta_R = -0.1 end)
    from symness.mps.figures import FIG2A_SIZES, cached, fig2_tasks, mean_profiles

    records = cached("fig2", [t for t in fig2_tasks() if t["h"] == "3/5"])
    worst, rising, parts = 0.0, True, []
    for L in FIG2A_SIZES:
        e = mean_profiles(records, "3/5", L)["energy"]
        x = np.arange(L - 1) / (L - 2)
        bulk = (x >= 0.1) & (x <= 0.9)
        slope, icpt = np.polyfit(x[bulk], e[bulk], 1)
        resid = e[bulk] - (slope * x[bulk] + icpt)
        r2 = 1 - np.sum(resid**2) / np.sum((e[bulk] - e[bulk].mean()) ** 2)
        worst, rising = max(worst, (1 - r2) / 0.1), rising and slope > 0
        parts.append(f"L={L}: slope {slope:.4f}, R^2 {r2:.3f}")
    return Evidence.numeric(worst, 1.0, "paper Fig. 2(a): energy gradient across the lattice; "
                            "error = (1 - R^2) / 0.1", detail="; ".join(parts),
                            requires={"positive slope at every L": rising})


@claim("mendoza2019.fig4b-equal", paper=P, equation="Fig. 4(b)", kind="numeric",
       statement="Fig. 4(b), Delta=1.75, h=0.6, finite magnetisation: energy and spin currents "
                 "scale alike: |gamma_E - gamma_S| within two combined errors (bootstrap ⊕ chi "
                 "systematic; cached TEBD, L = 8, 12, 16); the paper's diffusion (gamma = 1) "
                 "is reported in the detail, not required")
def _fig4b_equal() -> Evidence:
    # criterion fixed before the runs (notes of session 9): two combined standard errors
    from symness.mps.figures import FIG4B_H, fig4b_tasks

    fits = _fits("fig4b", fig4b_tasks(), [(FIG4B_H, k) for k in ("energy", "spin")])
    fe, fs = fits[FIG4B_H, "energy"], fits[FIG4B_H, "spin"]
    diff, err = _sig(fe, fs)
    dev_e, dev_s = ((f["gamma"] - 1) / f["gamma_err"] for f in (fe, fs))
    return Evidence.numeric(abs(diff) / (2 * err), 1.0, "paper Fig. 4(b): equal transport "
                            "dynamics; error = |difference| / (2 x combined error)",
                            detail=f"gamma_E={_fmt(fe)}, gamma_S={_fmt(fs)}; "
                                   f"(gamma_E - 1)/err = {dev_e:.1f}, (gamma_S - 1)/err = "
                                   f"{dev_s:.1f}")


@claim("mendoza2019.fig1b-delta-trend", paper=P, equation="Fig. 1(b)", kind="numeric",
       statement="Fig. 1(b): the paper's growth of the energy diffusive-subdiffusive boundary "
                 "h_c with Delta (L ≈ 100) is NOT seen at L <= 16: at h = 0.6 and 0.9 gamma_E "
                 "at Delta = 2 is not below its Delta = 1 value by two combined errors, the "
                 "test for seeing it fixed before the runs (coarse diagram, Delta = 1/2, 1, "
                 "3/2, 2; bootstrap ⊕ chi systematic; cached TEBD)")
def _fig1b_delta_trend() -> Evidence:
    # the criterion for seeing the paper's trend was fixed before the runs (session 14):
    # gamma_E(Delta = 1) - gamma_E(Delta = 2) > 2 combined errors at h = 0.6 and at 0.9.  It
    # failed (README); this claim registers that outcome (session 19) with the same test: it
    # fails if the decrease exceeds two combined errors at either h
    from symness.mps.figures import FIG2_DELTA, cached, phase_diagram, phase_diagram_records

    diagram = phase_diagram(phase_diagram_records(cached))
    low, high = diagram[str(FIG2_DELTA)]["fits"], diagram["2"]["fits"]
    margins = {h: _sig(high[h], low[h]) for h in ("3/5", "9/10")}  # gamma(1) - gamma(2)
    return Evidence.numeric(max(d / (2 * e) for d, e in margins.values()), 1.0,
                            "paper Fig. 1(b): h_c grows with Delta, so gamma_E falls with "
                            "Delta at fixed h; error = decrease / (2 x combined error)",
                            detail="; ".join(f"h={h}: gamma_E(1) - gamma_E(2) = {d:.2f} ± {e:.2f}"
                                             for h, (d, e) in margins.items()))
