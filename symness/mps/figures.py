"""Figures 1(b) (coarse), 2(a), 2(b), 3, 4(a) and 4(b) of Mendoza-Arenas et al. (2019).

Current scaling ``j ~ L^-gamma``.

Each figure is a resumable sweep (:mod:`symness.mps.sweep`) whose JSON-lines results live
next to the figure (``tables/mendoza2019_figN*.jsonl``); rerunning the command only computes
missing tasks.  Exponents are least-squares slopes of ``log |<j>|`` against ``log L`` over the
disorder average, with error bars from a bias-corrected bootstrap over realisations (1000
resamples, fixed seed) combined with the bond-dimension systematic (:data:`CHI_ACCEPT`,
:func:`chi_slope_systematic`); the CSV also gives the local exponent between the two largest
sizes (finite-size drift).  The sizes are small (this machine: 2 shared cores; the paper's
Fig. 2(a) inset shows ``L = 32``, its bond dimensions are in the missing Supplemental
Material). Sizes, realisations and bond dimensions (:data:`SIZES`, :data:`SEEDS`,
:data:`MAX_L`, :data:`SEEDS_BY_SIZE`, :data:`CHI_BY_SIZE`): Fig. 2(b) ``L = 8, 12`` x 16, ``L =
16`` x 16, ``L = 24`` x 16 for ``h = 0.3, 0.6`` and x 15 for ``h = 0.9`` (seeds 0-12, 14, 15),
``L = 32`` x 16 for ``h = 0.3`` and x 16 for ``h = 0.6``, ``L = 64`` x 6 for ``h = 0.3``
(``chi = 32``, 64 from ``L = 16``, 96 at ``h = 0.9, L = 24``, 128 at ``L = 32`` and 64: at
64 and 96 runs stayed above the uniformity tolerance or changed by 0.086 from chi/2); Fig. 3
``L = 8, 12, 16, 24`` x 4 (energy; ``chi = 16, 32, 64, 64``) and x 2 (spin;
``chi = 16, 16, 32, 64``); Fig. 4 ``L = 8, 12`` x 8 (``chi = 32``, 64 at ``L = 12``); Fig. 4(b)
``L = 8, 12`` x 8 and ``L = 16`` x 4 (``chi = 32, 64, 96``); the coarse Fig. 1(b) ``Delta =
1/2, 3/2, 2`` at ``L = 8, 12`` x 16 (``chi = 32``) and ``L = 16`` x 4 (``chi = 64``; ``Delta =
1`` is Fig. 2(b)). Every task converged under its criterion. The exponents are finite-size
estimates (the CSV records sizes, realisations, non-converged runs, the ``chi`` dependence, the
bulk non-uniformity relative to ``|j|``, the bond dimension and the settings per figure).

Criterion scale.  Figs. 2(b) and 4 use ``atol = 1e-5``, below every current, so their
tolerances are relative to ``|j|``.  An earlier Fig. 2(b) at ``atol = 1e-3`` (above its
``|j| ~ 2e-4`` at ``h = 0.9``) accepted states whose bulk non-uniformity was up to 0.27 of
``|j|``; those records stay in the cache and are not used.  A point whose runs stay
stationary above the uniformity tolerance carries a truncation bias and gets a larger
``chi`` for all its realisations (never only for the failed ones).

Documented choices (the Supplemental Material is missing): reservoirs ``"linear"`` (first-order
reduced Gibbs target), rate 1; energy drive ``beta_L = +0.1, beta_R = -0.1``; spin drive
(Fig. 3) ``beta = 0, mu_L = -mu_R = 0.1``; finite magnetisation (Fig. 4) ``mu_L = 2/5, mu_R = 3/5``
on top of the energy drive (mean ``<s^z>`` about 0.125; the bias drives a spin current of the
same sign as the energy current in every realisation).  With ``mu_L = mu_R = 1/2`` alone the
spin current is thermoelectric and its sign depends on the realisation (``j^S = -4.3e-4 /
+4.6e-5`` at L = 8, ``h = 1/2``), so that drive is not used.  At ``L = 16``, ``chi = 64``, three
of the four Fig. 4 runs tried did not converge by ``t_max`` (energy current non-uniformity
0.08-0.13: the field part of ``j^E`` carries ``h_i j^S``, larger than ``j^E``).  At
``chi = 96`` the ``h = 0.5`` runs converge (seeds 0, 1, 3 in 326, 171, 118 s, uniformity
<= 0.044) and ``h = 0.9`` seed 0 in 854 s, but seeds 1 and 3 at ``h = 0.9`` were still
unconverged after 55 and 44 min (three runs sharing two cores) and were stopped for time, so
Fig. 4 stops at ``L = 12`` (the converged ``L = 16`` records stay in the cache, unused: a
subset chosen by run time would favour the easy realisations).
The spin-driven runs of Fig. 3 judge the spin current only, with an
absolute floor ``atol = 1e-6`` below their ``|j^S| ~ 1e-4`` (:data:`SPIN_SETTINGS`).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np

from symness.mps.convergence import Criterion
from symness.mps.sweep import current_key, load_results, run_sweep, task_key
from symness.outputs import atomic_write_png, atomic_write_text, figure
from symness.validation import ParameterError

__all__ = ["SIZES", "MAX_L", "SEEDS", "SETTINGS", "ENERGY_SETTINGS", "SPIN_SETTINGS",
           "FIG2_SETTINGS", "FIG2_DELTA", "FIG2_HS", "FIG4_SETTINGS", "CHI_BY_SIZE",
           "SEEDS_BY_SIZE", "by_size", "CHI_ACCEPT", "TROTTER_REL", "systematic", "cached",
           "chi_slope_systematic", "curve", "exponent", "fit_with_errors", "diffusive_boundary",
           "DRIVES", "target_cache", "target_tasks",
           "fig3_tasks", "mean_profiles", "FIG2A_SIZES", "FIG2A_INSET_L",
           "fig4_tasks", "FIG4_HS", "fig4b_tasks", "FIG4B_DELTA", "FIG4B_H", "fig1b_tasks",
           "FIG1B_DELTAS", "energy_boundary", "phase_diagram", "phase_diagram_records",
           "fig2_spec", "fig2_tasks", "relative_nonuniformity", "scan", "task_spec"]

#: sizes and realisations per figure
SIZES = {"fig2": (8, 12, 16, 24, 32, 64), "fig3": (8, 12, 16, 24), "fig3-spin": (8, 12, 16, 24),
         "fig4": (8, 12), "fig4b": (8, 12, 16), "fig2_targets": (8, 12, 16),
         "fig1b": (8, 12, 16)}
#: largest size per disorder strength where it is below the figure's: Fig. 2(b) at L = 32,
#: chi = 64 leaves a stationary truncation bias above the uniformity tolerance for h = 0.6
#: (0.07-0.11 of |j| in all four runs to the earlier absolute criterion; a run to the
#: relative one was stopped after 20 min, unconverged); h = 0.3 converges (0.04).  L = 64
#: (chi = 128, 50-106 min per realisation on a shared core) only at h = 0.3
MAX_L = {"fig2": {"3/5": 32, "9/10": 24}}
SEEDS = {"fig2": (0, 1, 2, 3), "fig3": (0, 1, 2, 3), "fig3-spin": (0, 1),
         "fig4": tuple(range(8)), "fig4b": tuple(range(8)), "fig2_targets": (0, 1, 2, 3),
         "fig1b": (0, 1, 2, 3)}
#: realisations per size, or per (h, size), where they differ from :data:`SEEDS` (more where
#: a run is cheap)
SEEDS_BY_SIZE = {"fig2": {8: tuple(range(16)),
                          12: tuple(range(16)),
                          16: tuple(range(16)),
                          24: tuple(range(13)) + (14, 15),
                          ("3/10", 24): tuple(range(16)),
                          ("3/5", 24): tuple(range(16)),
                          ("3/10", 32): tuple(range(16)),
                          ("3/5", 32): tuple(range(16)),
                          ("3/10", 64): tuple(range(6))},
                 "fig4b": {16: (0, 1, 2, 3)},
                 "fig1b": {8: tuple(range(16)), 12: tuple(range(16))}}
#: chi acceptance: a point (one h, one L) enters the exponent fits only if the mean over its
#: realisations of the relative change of the current between chi/2 and chi is at most
#: this; the same mean is its chi systematic (error model: the truncation error of the chi
#: run is at most the chi/2 -> chi change, i.e. it at least halves per doubling of chi)
CHI_ACCEPT = 0.1
#: relative Trotter error bound of a bulk current at the figures' dt = 0.1 (order 2): five
#: times the largest value measured on the exact L = 8 NESS of every figure's chain
#: (symness.mps.tables_trotter, tables/mendoza2019_trotter_current.md); added to every
#: point's chi systematic (coherent), since dt is a convergence parameter like chi
TROTTER_REL = 7e-3
#: QR update and coarse warm stage (symness.mps.tebd, symness.mps.transport: same fixed
#: point, 3x fewer steps); both currents judged (finite magnetisation, Fig. 4)
SETTINGS = {"chi": 16, "dt": 0.1, "order": 2, "warmup_dt": 0.25, "chi_ramp": True,
            "update": "qr", "warm_stage": "coarse", "check_interval": 5.0, "t_max": 4000.0,
            "criterion": {"stationary_tol": 1e-3, "uniform_tol": 5e-2, "atol": 1e-3}}
#: energy drive (Figs. 2(b), 3): the energy current is judged (the disorder-induced spin
#: current, ~1e-4, is not driven)
ENERGY_SETTINGS = dict(SETTINGS, criterion=dict(SETTINGS["criterion"], currents=["energy"]))
#: Fig. 2(b): the energy drive at chi = 32 (Delta = 1, h = 0.3 is nearly ballistic: its
#: operator entanglement grows fastest with L), relative to |j| (atol below every current)
FIG2_SETTINGS = dict(ENERGY_SETTINGS, chi=32,
                     criterion=dict(ENERGY_SETTINGS["criterion"], atol=1e-5))
#: Fig. 2(b): anisotropy and disorder strengths
FIG2_DELTA, FIG2_HS = 1, ("3/10", "3/5", "9/10")
#: Fig. 4(a): disorder strengths
FIG4_HS = ("1/2", "9/10")
#: Fig. 4(b): anisotropy and disorder strength (paper: spin and energy diffusion)
FIG4B_DELTA, FIG4B_H = "7/4", "3/5"
#: coarse Fig. 1(b) (energy-transport phase diagram): anisotropies beside Fig. 2(b)'s
#: Delta = 1 (whose points come from the Fig. 2(b) cache) on Fig. 2(b)'s h grid, at
#: L = 8, 12 (16 realisations) and 16 (4, chi = 64)
FIG1B_DELTAS = ("1/2", "3/2", "2")
#: Fig. 4 (finite magnetisation): chi = 32
FIG4_SETTINGS = dict(SETTINGS, chi=32, criterion=dict(SETTINGS["criterion"], atol=1e-5))
#: bond dimension per size, or per (h, size), where it differs from the figure's settings:
#: Fig. 3 at L = 16 stayed in 2.5-5% truncation noise at chi = 16, at L = 24 at chi = 32 (one
#: energy run: not converged by t_max = 4000, 643 s); chi = 64 converged all six L = 24 runs
#: (54-369 s).  Fig. 2(b) at L = 16, h = 0.9: one of four chi = 32 runs stayed above the
#: relative uniformity 0.05 until t_max; chi = 64 converged all twelve L = 16 runs (8-70 s).
#: Fig. 2(b) at L = 24, h = 0.9, chi = 64: one run ended at t_max stationary (6e-4) but at
#: uniformity 0.065, another was still unconverged after 20 min; chi = 96 converged all four
#: (582-1054 s, uniformity <= 0.047).  Fig. 4 at L = 12, h = 0.9: a chi = 32 run stayed at an
#: energy non-uniformity of 0.29 until t_max; chi = 64 converged all four (11-28 s).  Fig. 4
#: at L = 16 is not in the figure (module docstring).  Fig. 3 energy at L = 12 (chi = 16) and
#: 16 (chi = 32) failed the chi acceptance (mean chi/2 -> chi change 0.17, 0.13): chi = 32, 64.
#: Fig. 2(b) at L = 32, h = 0.3: chi = 64 converged (seeds 0-3) with a mean chi/2 -> chi
#: change of 0.086; chi = 128 (session 16, rule fixed before the runs) converged seeds 0-15
#: with changes 0.000-0.037 (mean 0.021) in 225-569 s each
CHI_BY_SIZE = {"fig2": {16: 64, 24: 64, ("9/10", 24): 96, 32: 128, 64: 128},
               "fig3": {12: 32, 16: 64, 24: 64}, "fig3-spin": {16: 32, 24: 64}, "fig4": {12: 64},
               "fig4b": {12: 64, 16: 96}, "fig1b": {16: 64}}
#: spin drive (Fig. 3): the spin current is judged, with an absolute floor below |j^S|
SPIN_SETTINGS = dict(SETTINGS, criterion={"stationary_tol": 1e-3, "uniform_tol": 5e-2,
                                          "atol": 1e-6, "currents": ["spin"]})


def _res(beta, mu) -> dict:
    return {"kind": "linear", "beta": str(beta), "mu": str(mu), "rate": "1", "aux_length": 6}


def task_spec(L: int, delta, h, seed: int, left: dict, right: dict, settings: dict) -> dict:
    """One sweep task of a figure (the record format of :mod:`symness.mps.sweep`)."""
    return {"L": L, "delta": str(delta), "h": str(h), "seed": seed, "J": "1", "left": left,
            "right": right, "settings": settings}


def fig2_spec(L: int, h: str, seed: int, chi: int) -> dict:
    """A Fig. 2(b) task: ``Delta = 1``, energy drive, :data:`FIG2_SETTINGS` at ``chi``."""
    return task_spec(L, FIG2_DELTA, h, seed, *ENERGY, dict(FIG2_SETTINGS, chi=chi))


def fig2_tasks() -> list[dict]:
    """The tasks of Fig. 2(b) (sizes, seeds, ``chi`` and ``MAX_L`` of this module)."""
    return _specs("fig2", FIG2_DELTA, FIG2_HS, *ENERGY, FIG2_SETTINGS)


def fig3_tasks(kind: str) -> list[dict]:
    """The tasks of Fig. 3 (``Delta = 3/2, h = 3/5``): ``kind`` ``"energy"`` or ``"spin"``."""
    if kind == "energy":
        return _specs("fig3", "3/2", ("3/5",), *ENERGY, ENERGY_SETTINGS)
    return _specs("fig3-spin", "3/2", ("3/5",), *SPIN, SPIN_SETTINGS)


def fig4_tasks() -> list[dict]:
    """The tasks of Fig. 4(a) (``Delta = 1``, ``h = 1/2, 9/10``, finite magnetisation)."""
    return _specs("fig4", 1, FIG4_HS, *MAGNETISED, FIG4_SETTINGS)


def fig4b_tasks() -> list[dict]:
    """The tasks of Fig. 4(b) (``Delta = 7/4``, ``h = 3/5``, finite magnetisation)."""
    return _specs("fig4b", FIG4B_DELTA, (FIG4B_H,), *MAGNETISED, FIG4_SETTINGS)


def fig1b_tasks() -> list[dict]:
    """The tasks of the coarse Fig. 1(b): energy drive at :data:`FIG1B_DELTAS` x :data:`FIG2_HS`.

    ``Delta = 1`` is Fig. 2(b) (:func:`fig2_tasks`), not repeated here.
    """
    return [s for delta in FIG1B_DELTAS
            for s in _specs("fig1b", delta, FIG2_HS, *ENERGY, FIG2_SETTINGS)]


def by_size(table: dict, fig: str, h, L: int, default):
    """Look up ``table[fig]`` at ``(h, L)``, else at ``L``, else return ``default``.

    The tables are :data:`CHI_BY_SIZE` and :data:`SEEDS_BY_SIZE`.
    """
    entries = table.get(fig, {})
    return entries.get((str(h), L), entries.get(L, default))


def _specs(fig, delta, hs, left, right, settings=SETTINGS) -> list[dict]:
    def at(h, L):
        return dict(settings, chi=by_size(CHI_BY_SIZE, fig, h, L, settings["chi"]))

    return [task_spec(L, delta, h, s, left, right, at(h, L))
            for h in hs for L in SIZES[fig] for s in by_size(SEEDS_BY_SIZE, fig, h, L, SEEDS[fig])
            if L <= MAX_L.get(fig, {}).get(str(h), L)]


def exponent(sizes: np.ndarray, currents: dict[int, np.ndarray], *, resamples: int = 1000,
             seed: int = 0) -> tuple[float, float]:
    """``gamma`` of ``|<j>| ~ L^-gamma`` and its bootstrap standard error over realisations.

    The bootstrap is bias-corrected: with ``n`` realisations at a size, a resampled mean
    ``m*`` enters as ``m + sqrt(n / (n - 1)) (m* - m)``, since the plain bootstrap variance of
    a mean is ``(n - 1) / n`` of the unbiased ``s^2 / n`` (half at ``n = 2``).  Every size
    needs ``n >= 2`` (:func:`curve` does not fit a point with one realisation).
    """
    small = [int(L) for L in sizes if len(currents[L]) < 2]
    if small:
        raise ParameterError(f"'currents' needs at least 2 realisations per size for an error "
                             f"(one at L = {small})")
    rng = np.random.default_rng(seed)
    logs = np.log(sizes)

    def fit(means):
        return -np.polyfit(logs, np.log(np.abs(means)), 1)[0]

    means = {L: np.mean(currents[L]) for L in sizes}
    inflate = {L: np.sqrt(len(currents[L]) / (len(currents[L]) - 1)) for L in sizes}
    gamma = fit(np.array([means[L] for L in sizes]))
    boots = [fit(np.array([means[L] + inflate[L] * (np.mean(rng.choice(currents[L],
                                                                        size=len(currents[L])))
                                                   - means[L]) for L in sizes]))
             for _ in range(resamples)]
    return float(gamma), float(np.std(boots))


def chi_slope_systematic(sizes: np.ndarray, rel: np.ndarray) -> float:
    """Largest shift of the fitted ``gamma`` from relative current errors ``|d_L| <= rel_L``.

    The least-squares slope of ``log |j|`` on ``log L`` is ``sum_L w_L log|j_L|`` with
    ``w_L = (x_L - mean x) / sum (x - mean x)^2``, ``x = log L``; a relative error ``d_L``
    shifts ``log|j_L|`` by ``log(1 + d_L) ~ d_L``, so the shift is at most
    ``sum_L |w_L| rel_L`` (signs chosen coherently: the truncation error of every size may
    have one sign).  Two sizes give ``(rel_1 + rel_2) / log(L_2 / L_1)``.
    """
    x = np.log(np.asarray(sizes, dtype=float))
    w = (x - x.mean()) / np.sum((x - x.mean()) ** 2)
    return float(np.sum(np.abs(w) * np.asarray(rel, dtype=float)))


def scan(name: str, specs: list[dict], outdir: Path) -> list[dict]:
    """Run (or resume) the sweep of a figure; returns the records of ``specs``.

    A task that did not converge by ``t_max`` is recorded once (``"status": "failed"``), not
    rerun, and left out of the averages (the CSV counts the realisations per size).
    """
    path = Path(outdir) / f"mendoza2019_{name}.jsonl"
    run_sweep(specs, path, workers=1, retries=0, progress=True, rerun_failed=False)
    keys = {r["key"]: r for r in load_results(path)}
    return [keys[task_key(s)] for s in specs]


def relative_nonuniformity(record: dict, kind: str) -> float:
    """Bulk ``(max - min) / |j|`` of the ``kind`` current of a converged sweep record.

    The criterion reports it relative to ``max(|j|, atol)``; this rescales it to ``|j|``.
    """
    res = record["result"]
    atol = record["spec"].get("settings", {}).get("criterion", {}).get("atol", Criterion.atol)
    j = abs(res[current_key(kind)])
    return res["convergence"]["uniformity"][kind] * max(j, atol) / j


def _series(records, h, kind) -> tuple[np.ndarray, dict[int, np.ndarray], dict[int, dict]]:
    """Sizes, currents per size (converged realisations) and per-size extras.

    Extras: ``chi_sys`` (mean over realisations of the relative change of ``j`` from
    ``chi/2`` to ``chi``: the chi systematic of the point, :data:`CHI_ACCEPT`), ``chi_max``
    (its largest value), ``failed`` (non-converged count), ``spread`` (largest bulk
    non-uniformity relative to ``|j|``; the criterion's is relative to ``max(|j|, atol)``)
    and ``chis`` (the bond dimensions of the converged runs joined by "/").
    """
    key = current_key(kind)
    data: dict[int, list[float]] = {}
    chi_dep: dict[int, list[float]] = {}
    spread: dict[int, list[float]] = {}
    failed: dict[int, int] = {}
    chis: dict[int, set[int]] = {}
    for r in records:
        if r["spec"]["h"] != str(h):
            continue
        L = r["spec"]["L"]
        if r["status"] != "ok":
            failed[L] = failed.get(L, 0) + 1
            continue
        res = r["result"]
        data.setdefault(L, []).append(res[key])
        chi_dep.setdefault(L, []).append(abs(res["chi_dependence"][f"rel_change_{kind}"]))
        spread.setdefault(L, []).append(relative_nonuniformity(r, kind))
        chis.setdefault(L, set()).add(r["spec"]["settings"]["chi"])
    sizes = np.array(sorted(data))
    extras = {L: {"chi_sys": float(np.mean(chi_dep[L])), "chi_max": max(chi_dep[L]),
                  "failed": failed.get(L, 0), "spread": max(spread[L]),
                  "chis": "/".join(map(str, sorted(chis[L])))} for L in data}
    return sizes, {L: np.array(v) for L, v in data.items()}, extras


def fit_with_errors(sizes: np.ndarray, cur: dict[int, np.ndarray],
                    chi_sys: dict[int, float]) -> dict[str, float]:
    """``gamma`` over all sizes and between the two largest, each with its errors.

    ``*_stat``: bootstrap over realisations (:func:`exponent`); ``*_chi``: the systematic
    (:func:`chi_slope_systematic` of the per-size relative systematic ``chi_sys``, which
    :func:`curve` gives as :func:`systematic`: chi change + Trotter bound); ``*_err``: both
    added in quadrature.
    """
    out = {}
    for name, part in (("gamma", sizes), ("gamma_two_largest_L", sizes[-2:])):
        gamma, stat = exponent(part, cur) if len(part) >= 2 else (float("nan"),) * 2
        chi = chi_slope_systematic(part, [chi_sys[L] for L in part]) if len(part) >= 2 \
            else float("nan")
        out |= {name: gamma, f"{name}_stat": stat, f"{name}_chi": chi,
                f"{name}_err": float(np.hypot(stat, chi))}
    return out


def systematic(extra: dict) -> float:
    """Relative systematic error of one point: its chi systematic plus :data:`TROTTER_REL`."""
    return extra["chi_sys"] + TROTTER_REL


def curve(records: list[dict], h, kind: str) -> dict:
    """One curve of a figure with its chi acceptance and exponent fits.

    Keys: ``sizes``, ``currents``, ``extras`` (:func:`_series`), ``accepted`` (sizes passing
    :data:`CHI_ACCEPT` with at least two realisations: one has no realisation error) and
    ``fit`` (:func:`fit_with_errors` over the accepted sizes).
    """
    sizes, cur, extras = _series(records, h, kind)
    accepted = np.array([L for L in sizes if extras[L]["chi_sys"] <= CHI_ACCEPT
                         and len(cur[L]) >= 2], dtype=int)
    fit = fit_with_errors(accepted, cur, {L: systematic(extras[L]) for L in sizes})
    return {"sizes": sizes, "currents": cur, "extras": extras, "accepted": accepted,
            "fit": fit}


def diffusive_boundary(hs: list[float], fits: list[dict]) -> tuple[float, float]:
    """Disorder strength ``h_c`` where ``gamma(h)`` crosses 1, and its error.

    Linear interpolation between the two grid points that bracket ``gamma = 1``; the error
    propagates the fits' ``gamma_err`` (``sigma_h = (h_2 - h_1) sqrt((1 - g_2)^2 s_1^2 +
    (1 - g_1)^2 s_2^2) / (g_2 - g_1)^2``; the interpolation itself is not in it).  Returns
    ``(nan, nan)`` when no pair of neighbours brackets 1.
    """
    for (h1, f1), (h2, f2) in zip(zip(hs, fits), zip(hs[1:], fits[1:])):
        g1, g2 = f1["gamma"], f2["gamma"]
        if (g1 - 1) * (g2 - 1) <= 0 and g1 != g2:
            hc = h1 + (h2 - h1) * (1 - g1) / (g2 - g1)
            err = (h2 - h1) * np.hypot((1 - g2) * f1["gamma_err"],
                                       (1 - g1) * f2["gamma_err"]) / (g2 - g1) ** 2
            return float(hc), float(err)
    return float("nan"), float("nan")


def cached(name: str, specs: list[dict], outdir: Path | None = None) -> list[dict]:
    """The cached records of ``specs`` (no computation); raises if one is missing."""
    outdir = Path(__file__).resolve().parents[2] / "tables" if outdir is None else outdir
    path = Path(outdir) / f"mendoza2019_{name}.jsonl"
    keys = {r["key"]: r for r in load_results(path)} if path.exists() else {}
    missing = [s for s in specs if task_key(s) not in keys]
    if missing:
        raise ParameterError(f"{len(missing)} of {len(specs)} tasks of {path.name} are not "
                             f"cached (first: L={missing[0]['L']}, h={missing[0]['h']}, seed "
                             f"{missing[0]['seed']}); run 'symness figure mendoza2019-{name}'")
    return [keys[task_key(s)] for s in specs]


def _draw(name: str, outdir: Path, curves: list[tuple[str, list[dict], str, str]],
          title: str, notes: tuple[str, ...] = ()) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    fig, ax = plt.subplots(figsize=(4.5, 3.5), dpi=100)
    ticks: set[int] = set()
    rejected = False
    lines = ["label,L,mean_abs_current,current_err_stat,current_err_chi,n_realisations,"
             "n_not_converged,chi_accepted,gamma,gamma_err,gamma_stat,gamma_chi,"
             "gamma_two_largest_L,gamma_two_largest_L_err,gamma_two_largest_L_stat,"
             "gamma_two_largest_L_chi,mean_rel_change_chi/2_to_chi,"
             "max_rel_change_chi/2_to_chi,max_rel_nonuniformity,chi"]
    for label, records, h, kind in curves:
        c = curve(records, h, kind)
        sizes, cur, extras, accepted, fit = (c[k] for k in ("sizes", "currents", "extras",
                                                             "accepted", "fit"))
        means = np.array([abs(np.mean(cur[L])) for L in sizes])
        sem = np.array([np.std(cur[L], ddof=1) / np.sqrt(len(cur[L])) if len(cur[L]) > 1
                        else np.nan for L in sizes])  # unbiased; none from one realisation
        sys = np.array([systematic(extras[L]) for L in sizes]) * means
        ok = np.isin(sizes, accepted)
        bars = ax.errorbar(sizes[ok], means[ok], yerr=np.hypot(sem, sys)[ok], fmt="o", ms=4,
                           capsize=2, label=f"{label}: γ={fit['gamma']:.2f}±"
                                            f"{fit['gamma_err']:.2f}")
        if (~ok).any():
            rejected = True
            ax.errorbar(sizes[~ok], means[~ok], yerr=np.hypot(np.nan_to_num(sem), sys)[~ok],
                        fmt="x", ms=5, capsize=2, color=bars[0].get_color())
        if len(accepted) >= 2:
            line = np.polyfit(np.log(sizes[ok]), np.log(means[ok]), 1)  # slope -gamma
            ax.plot(sizes[ok], np.exp(np.polyval(line, np.log(sizes[ok]))), "--", lw=1,
                    color=bars[0].get_color())
        ticks.update(int(L) for L in sizes)
        f = fit
        lines += [f"{label},{L},{m:.10g},{e:.3g},{y:.3g},{len(cur[L])},{extras[L]['failed']},"
                  f"{int(L in accepted)},{f['gamma']:.4f},{f['gamma_err']:.4f},"
                  f"{f['gamma_stat']:.4f},{f['gamma_chi']:.4f},{f['gamma_two_largest_L']:.4f},"
                  f"{f['gamma_two_largest_L_err']:.4f},{f['gamma_two_largest_L_stat']:.4f},"
                  f"{f['gamma_two_largest_L_chi']:.4f},{extras[L]['chi_sys']:.3g},"
                  f"{extras[L]['chi_max']:.3g},{extras[L]['spread']:.3g},{extras[L]['chis']}"
                  for L, m, e, y in zip(sizes, means, sem, sys)]
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xticks(sorted(ticks), [str(L) for L in sorted(ticks)])
    ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
    ax.set_xlabel("L")
    ax.set_ylabel("|⟨j⟩| (mean; bars: s.e.m. ⊕ χ systematic)", fontsize=8)
    ax.set_title(title + (f"; ×: χ change > {CHI_ACCEPT:g}, not fitted" if rejected else ""),
                 fontsize=8)
    ax.legend(fontsize=7)
    fig.tight_layout()
    png, csv = Path(outdir) / f"mendoza2019_{name}.png", Path(outdir) / f"mendoza2019_{name}.csv"
    atomic_write_png(png, fig)
    plt.close(fig)
    settings = (f"settings {FIG2_SETTINGS}" if name in ("fig2", "fig2_targets") else
                f"settings {FIG4_SETTINGS}" if name in ("fig4", "fig4b") else
                f"settings {SETTINGS}; criterion of the energy drive "
                f"{ENERGY_SETTINGS['criterion']}, of the spin drive "
                f"{SPIN_SETTINGS['criterion']}")
    seeds = (f"seeds {SEEDS[name]}" if name != "fig3" else
             f"seeds {SEEDS['fig3']} (energy), {SEEDS['fig3-spin']} (spin)")
    if name in SEEDS_BY_SIZE:
        seeds += f", by size {SEEDS_BY_SIZE[name]}"
    if name in CHI_BY_SIZE:
        settings += f"; chi by size {CHI_BY_SIZE[name]}"
    if name in MAX_L:
        settings += f"; largest L by h {MAX_L[name]}"
    if name == "fig2_targets":
        settings += f"; drives {DRIVES}"
    header = (f"# regenerate: symness figure mendoza2019-{name.replace('_', '-')}\n"
              f"# sizes {SIZES[name]}, "
              f"{seeds}, {settings}\n# chi acceptance: mean chi/2 -> chi change <= "
              f"{CHI_ACCEPT:g} (chi_accepted); gamma_err = gamma_stat (bootstrap) ⊕ gamma_chi "
              f"(systematic, coherent: chi change + Trotter bound {TROTTER_REL:g}; "
              "current_err_chi likewise)\n" + "".join(f"# {n}\n" for n in notes))
    atomic_write_text(csv, header + "\n".join(lines) + "\n")
    return [png, csv]


ENERGY = (_res("1/10", 0), _res("-1/10", 0))
SPIN = (_res(0, "1/10"), _res(0, "-1/10"))
MAGNETISED = (_res("1/10", "2/5"), _res("-1/10", "3/5"))


@figure("mendoza2019-fig2", description="Fig. 2(b): energy-current scaling, Delta=1, several h")
def fig2(outdir: Path) -> list[Path]:
    """Energy current against L at Delta = 1 for h = 0.3, 0.6, 0.9 (zero magnetisation)."""
    recs = scan("fig2", fig2_tasks(), outdir)
    hc, err = energy_boundary(recs)["hc"]
    note = (f"diffusive-subdiffusive boundary (gamma = 1, linear interpolation of the "
            f"exponents, each h on its sizes): h_c = {hc:.2f} ± {err:.2f}; paper "
            "(L ~ 100): h_c ≈ 0.6 (claim mendoza2019.fig2b-hc)")
    return _draw("fig2", outdir, [(f"h={h}", recs, h, "energy") for h in FIG2_HS],
                 "Fig. 2(b): energy current, Δ=1", notes=(note,))


#: target/drive comparison at Fig. 2(b)'s h = 0.6: the figure's drive (linear target,
#: beta = +-0.1), the edge-gibbs target with the same drive, and a one-sided drive (linear,
#: beta_L = 0.2, beta_R = 0: same beta_L - beta_R, carries half of the equal-reservoir
#: spurious current, symness.mps.reservoir_equilibrium)
DRIVES = {"linear +-0.1": ENERGY,
          "edge-gibbs +-0.1": (dict(_res("1/10", 0), kind="edge-gibbs"),
                               dict(_res("-1/10", 0), kind="edge-gibbs")),
          "linear 0.2 | 0": (_res("1/5", 0), _res(0, 0))}
TARGET_SIZES, TARGET_SEEDS = SIZES["fig2_targets"], SEEDS["fig2_targets"]


def target_cache(drive: str) -> str:
    """Cache name of a :data:`DRIVES` entry: the figure's own drive shares Fig. 2(b)'s."""
    return "fig2" if DRIVES[drive] == ENERGY else "fig2_targets"


def target_tasks(drive: str) -> list[dict]:
    """Fig. 2(b) tasks at ``h = 3/5`` (sizes ``TARGET_SIZES``, seeds ``TARGET_SEEDS``)."""
    return [task_spec(L, FIG2_DELTA, "3/5", s, *DRIVES[drive],
                      dict(FIG2_SETTINGS,
                           chi=by_size(CHI_BY_SIZE, "fig2", "3/5", L, FIG2_SETTINGS["chi"])))
            for L in TARGET_SIZES for s in TARGET_SEEDS]


@figure("mendoza2019-fig2-targets", description="Fig. 2(b) at h=0.6 with three reservoir "
                                                "targets/drives: does gamma depend on them?")
def fig2_targets(outdir: Path) -> list[Path]:
    """Energy current against L at ``Delta = 1, h = 0.6`` for the drives of :data:`DRIVES`.

    The figure's own drive shares the Fig. 2(b) cache; the others are cached in
    ``mendoza2019_fig2_targets.jsonl``.
    """
    curves = [(drive, scan(target_cache(drive), target_tasks(drive), outdir), "3/5", "energy")
              for drive in DRIVES]
    return _draw("fig2_targets", outdir, curves, "Fig. 2(b) drives, Δ=1, h=0.6")


def mean_profiles(records: list[dict], h: str, L: int) -> dict[str, np.ndarray]:
    """Disorder-averaged ``<eps_{k,k+1}>`` and ``<s^z_k>`` of the converged runs at ``(h, L)``."""
    runs = [r["result"]["values"] for r in records if r["status"] == "ok"
            and r["spec"]["h"] == str(h) and r["spec"]["L"] == L]
    if not runs:
        raise ParameterError(f"no converged run at h={h}, L={L}")
    return {k: np.mean([np.asarray(v[k]) for v in runs], axis=0) for k in ("energy", "sz")}


#: Fig. 2(a): the sizes of the energy profiles (h = 0.6) and of the magnetisation inset (the
#: paper's inset is at L = 32, reached here only for h = 0.3; L = 24 has every h)
FIG2A_SIZES, FIG2A_INSET_L = (8, 12, 16, 24), 24


@figure("mendoza2019-fig2a", description="Fig. 2(a): energy profiles at h=0.6 (L=8-24) and "
                                         "magnetisation profiles at L=24 (from the Fig. 2(b) "
                                         "cache)")
def fig2a(outdir: Path) -> list[Path]:
    """Energy profiles against ``x = (k-1)/(L-2)`` and magnetisation profiles (inset)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    recs = scan("fig2", fig2_tasks(), outdir)
    fig, (ax, inset) = plt.subplots(1, 2, figsize=(7.5, 3.2), dpi=100)
    lines = ["panel,h,L,x,value"]
    for L in FIG2A_SIZES:
        e = mean_profiles(recs, "3/5", L)["energy"]
        x = np.arange(L - 1) / (L - 2)
        ax.plot(x, e, "o-", ms=3, lw=1, label=f"L={L}")
        lines += [f"energy,3/5,{L},{xi:.6g},{v:.8g}" for xi, v in zip(x, e)]
    for h in FIG2_HS:
        m = mean_profiles(recs, h, FIG2A_INSET_L)["sz"]
        x = np.arange(FIG2A_INSET_L) / (FIG2A_INSET_L - 1)
        inset.plot(x, m, "o-", ms=3, lw=1, label=f"h={h}")
        lines += [f"sz,{h},{FIG2A_INSET_L},{xi:.6g},{v:.8g}" for xi, v in zip(x, m)]
    ax.set_xlabel("x = (k-1)/(L-2)")
    ax.set_ylabel("⟨ε_{k,k+1}⟩ (disorder mean)", fontsize=8)
    ax.set_title("Fig. 2(a): energy profiles, Δ=1, h=0.6, β=±0.1", fontsize=8)
    inset.set_xlabel("x = (k-1)/(L-1)")
    inset.set_ylabel("⟨s^z_k⟩ (disorder mean)", fontsize=8)
    inset.set_title(f"magnetisation, L={FIG2A_INSET_L}", fontsize=8)
    ax.legend(fontsize=7)
    inset.legend(fontsize=7)
    fig.tight_layout()
    png, csv = Path(outdir) / "mendoza2019_fig2a.png", Path(outdir) / "mendoza2019_fig2a.csv"
    atomic_write_png(png, fig)
    plt.close(fig)
    atomic_write_text(csv, "# regenerate: symness figure mendoza2019-fig2a (from the Fig. 2(b) "
                      "cache)\n" + "\n".join(lines) + "\n")
    return [png, csv]


@figure("mendoza2019-fig3", description="Fig. 3: Delta=1.5, h=0.6: energy vs spin transport")
def fig3(outdir: Path) -> list[Path]:
    """Energy current (thermal drive) and spin current (mu drive) at Delta = 3/2, h = 3/5."""
    recs_e = scan("fig3-energy", fig3_tasks("energy"), outdir)
    recs_s = scan("fig3-spin", fig3_tasks("spin"), outdir)
    return _draw("fig3", outdir, [("energy", recs_e, "3/5", "energy"),
                                  ("spin", recs_s, "3/5", "spin")],
                 "Fig. 3: Δ=1.5, h=0.6")


@figure("mendoza2019-fig4", description="Fig. 4(a): finite magnetisation, Delta=1, h=0.5, 0.9")
def fig4(outdir: Path) -> list[Path]:
    """Energy and spin currents at finite magnetisation, Delta = 1, h = 0.5 and 0.9."""
    hs = FIG4_HS
    recs = scan("fig4", fig4_tasks(), outdir)
    curves = [(f"{k} h={h}", recs, h, k) for h in hs for k in ("energy", "spin")]
    return _draw("fig4", outdir, curves, "Fig. 4(a): finite magnetisation, Δ=1")


@figure("mendoza2019-fig4b", description="Fig. 4(b): finite magnetisation, Delta=1.75, h=0.6")
def fig4b(outdir: Path) -> list[Path]:
    """Energy and spin currents at finite magnetisation, Delta = 7/4, h = 3/5."""
    recs = scan("fig4b", fig4b_tasks(), outdir)
    curves = [(f"{k} h={FIG4B_H}", recs, FIG4B_H, k) for k in ("energy", "spin")]
    return _draw("fig4b", outdir, curves, "Fig. 4(b): finite magnetisation, Δ=1.75")


def energy_boundary(records: list[dict]) -> dict:
    """Energy exponents at :data:`FIG2_HS` and their ``gamma_E = 1`` crossing.

    ``{"fits": {h: fit}, "hc": (h_c, err)}``: the fits are :func:`curve`'s (chi-accepted
    sizes of each ``h``), ``h_c`` is :func:`diffusive_boundary` (``nan`` when ``gamma_E = 1``
    is not crossed on the grid).
    """
    fits = {h: curve(records, h, "energy")["fit"] for h in FIG2_HS}
    return {"fits": fits, "hc": diffusive_boundary([float(Fraction(h)) for h in FIG2_HS],
                                                   [fits[h] for h in FIG2_HS])}


def phase_diagram(records: dict[str, list[dict]]) -> dict[str, dict]:
    """Energy exponents of the coarse Fig. 1(b): ``{delta: energy_boundary(its records)}``.

    ``records`` maps each anisotropy (a string, as in the task specs) to its sweep records
    (:func:`energy_boundary`).
    """
    return {delta: energy_boundary(recs) for delta, recs in records.items()}


def phase_diagram_records(loader) -> dict[str, list[dict]]:
    """The coarse Fig. 1(b)'s records per anisotropy through ``loader(name, specs)``.

    ``Delta = 1`` is Fig. 2(b) restricted to the sizes of Fig. 1(b); the other anisotropies
    are the ``fig1b`` sweep.  ``loader`` is :func:`scan` (computing) or :func:`cached`.
    """
    recs = loader("fig1b", fig1b_tasks())
    by_delta = {d: [r for r in recs if r["spec"]["delta"] == d] for d in FIG1B_DELTAS}
    fig2 = loader("fig2", [t for t in fig2_tasks() if t["L"] in SIZES["fig1b"]])
    return {str(FIG2_DELTA): fig2} | by_delta


@figure("mendoza2019-fig1b", description="coarse Fig. 1(b): energy exponent vs h and Delta")
def fig1b(outdir: Path) -> list[Path]:
    """gamma_E against h for Delta = 1/2, 1, 3/2, 2 (L = 8, 12, 16) and the h_c per Delta."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    diagram = phase_diagram(phase_diagram_records(lambda n, s: scan(n, s, outdir)))
    fig, ax = plt.subplots(figsize=(4.5, 3.5), dpi=100)
    hs = [float(Fraction(h)) for h in FIG2_HS]
    lines = ["delta,h,gamma_E,gamma_err,gamma_stat,gamma_chi,h_c,h_c_err"]
    for delta, d in sorted(diagram.items(), key=lambda kv: Fraction(kv[0])):
        g = [d["fits"][h] for h in FIG2_HS]
        ax.errorbar(hs, [f["gamma"] for f in g], yerr=[f["gamma_err"] for f in g],
                    marker="o", capsize=2, label=f"Δ={float(Fraction(delta)):g}")
        hc, hc_err = d["hc"]
        lines += [f"{delta},{h},{f['gamma']:.2f},{f['gamma_err']:.2f},{f['gamma_stat']:.2f},"
                  f"{f['gamma_chi']:.2f},{hc:.2f},{hc_err:.2f}" for h, f in zip(FIG2_HS, g)]
    ax.axhline(1, color="k", lw=0.5, ls="--")
    ax.set_xlabel("disorder h")
    ax.set_ylabel("γ_E  (|j^E| ~ L^-γ, L = 8-16)")
    ax.set_title("coarse Fig. 1(b): energy transport, β_L = -β_R = 0.1")
    ax.legend(fontsize=7)
    fig.tight_layout()
    png, csv = Path(outdir) / "mendoza2019_fig1b.png", Path(outdir) / "mendoza2019_fig1b.csv"
    atomic_write_png(png, fig)
    plt.close(fig)
    atomic_write_text(csv, "# regenerate: symness figure mendoza2019-fig1b (Delta = 1 from the "
                      f"Fig. 2(b) cache)\n# sizes {SIZES['fig1b']}, seeds {SEEDS['fig1b']} "
                      f"(Delta = 1: Fig. 2(b)'s), settings {FIG2_SETTINGS}, chi by size "
                      f"{CHI_BY_SIZE['fig1b']}; "
                      f"gamma_err = bootstrap ⊕ systematic (chi change + Trotter bound "
                      f"{TROTTER_REL:g}); h_c: gamma_E = 1 crossing\n"
                      + "\n".join(lines) + "\n")
    return [png, csv]
