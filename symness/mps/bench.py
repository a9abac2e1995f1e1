"""Benchmark ``mps``: TEBD NESS cost against L and chi, and time-to-accuracy against exact.

One disordered realisation (``Delta = 1, h = 0.6``, seed 0, linear reservoirs
``beta = +-0.5``), all on one core (``OMP_NUM_THREADS=1``; two BLAS threads on the shared
2-core machine, with other jobs running, were measured 25-250x slower per step:
oversubscription; two cores are better used by two realisations in parallel).  Blocks, each with
ratios to its first row (seconds are context only):

1. Side by side at an exactly solvable size (``L = 8`` quick, ``10`` full): the exact NESS of
   the U(1)-sector solver :func:`symness.lindblad.steady_state.steady_state`, the former TEBD
   route (full SVD, ``warm_stage="both"``) and the fast route (QR update of Unfried et al.
   (2023), ``warm_stage="coarse"``), 2nd order ``dt = 0.1`` and 4th order ``dt = 0.25``;
   error = relative error of the bulk energy current against the exact NESS.
2. End-to-end cost of the fast route against ``L`` (fixed ``chi``) and ``chi`` (fixed ``L``);
   the exponents of ``seconds ~ L^a`` and ``~ chi^b`` (log-log fit) are in the notes, with
   those of the seconds per step.  Only the latter are robust (their spread below is the
   load of the shared machine): the number of steps is
   decided by when the truncation noise of the bulk current dips under the tolerance, and a
   rounding-level change of the route moves it by up to 10x.  Measured side by side in
   session 18: ``L = 24, chi = 32`` took 1430 steps with the code just before session 17's
   Gram SVD and scipy QR (d05ecff) and 13930 after, currents 0.25% apart (a chi too small
   for L = 24: non-uniformity 0.10); at the figures' chi the same change moved the steps of
   a Fig. 2(b) task by up to 1.8x (session 17).  Two runs of the same code give the same
   steps.  So the end-to-end exponents of one scan (``L^3.33 chi^1.23`` in session 13,
   ``L^4.6-5.1 chi^0.1-0.2`` in session 18) are not a cost law.  Per step (two runs of
   session 18 on a loaded machine): ``L^1.15-1.62`` (``L = 8-24, chi = 32``) and
   ``chi^0.97-1.06`` (``L = 12, chi = 16-64``, below the ``chi^3`` of large ``chi``).
3. One Trotter step at the largest size, SVD against QR route (same state, the routes
   alternating for 5 rounds, 2 quick; medians and the range of the per-round ratios); in
   full mode also at ``L = 32, chi = 128`` (3 rounds), the sweeps' bond dimension.
4. Full mode: the target ``L = 32, chi = 64`` end to end (fast route), with the SVD-route
   total estimated as its measured per-step cost times the steps of the fast run, and the
   largest ``L`` reachable in one hour at ``chi = 64`` extrapolated from the measured
   ``L = 32`` run and the ``L`` exponent (labelled as an extrapolation).

Benchmark ``mps-hour`` measures the largest ``L`` reached in an hour: the same
realisation and settings at ``chi = 64`` for ``L = 48`` and ``64``, one task per core (the two
cores of the issue), each with a wall-time limit of 3600 s (``NessSettings.wall_max``); a run
that hits the limit is reported as not reached.  Its tasks are cached in
``tables/mendoza2019_bench_mps_hour.jsonl`` (a rerun only reports them).

Benchmark ``mps-plateau`` asks whether that non-uniformity is truncation or slow relaxation:
the ``L = 32, chi = 64`` run is continued past convergence (criterion never met, final stage
``t_max = 700``) and every check is logged (:func:`uniformity_history`, cached in
``tables/mendoza2019_bench_mps_plateau.jsonl``); the table gives per 100 time units of the
final stage the mean and spread of the bulk energy current and the non-uniformity of the
8-check average.  Measured: ``j_E = -2.182e-3`` with block means within 0.2% from ``t = 100``
to 700, the averaged non-uniformity 0.12 -> 0.09 by ``t = 300`` and flat after, snapshot
values jittering in 0.09-0.22: a stationary truncation bias, not relaxation.

Benchmark ``mps-target`` is the issue's target under the criterion the figures use, not the
loosened one: the linear-response drive of Fig. 2(b) (``beta = +-0.1``) at ``L = 32,
chi = 64``, bulk energy current uniform to 5% of ``|j|`` and stationary to 1e-3, with the
exact sector solver side by side at ``L = 10`` (:func:`run_target`).  Measured: 4 of 4
realisations at ``h = 0.3`` converged in 64-114 s (ratio to 600 s: 0.11-0.19); at ``L = 10``
TEBD (``chi = 32``) reaches the exact bulk current to 1.4e-3 in ~2 s against ~13 s.

The NESS criterion (:mod:`symness.mps.convergence`) tolerances used here are stated in the
parameters: uniformity 0.25 and noise 0.05 because the truncated fixed point has a
stationary current non-uniformity set by ``chi`` (measured at ``L = 32``: 0.33 at
``chi = 32``, 0.16 at ``chi = 64``, with ``d eps_i / dt`` five times smaller than the
current divergence, i.e. a truncation bias, not slow relaxation); it is reported per row.
The truncation also breaks the U(1) symmetry of the NESS (measured at ``L = 32, chi = 64``:
``|<sigma^x_i>|`` up to 3e-4, exactly 0 in the NESS), the same size as the bias: a
charge-conserving (block-sparse) truncation is the natural next step.  The local-observable-
preserving truncation (``NessSettings(preserve_local=True)``, :mod:`symness.mps.tebd`) removes
the truncation's own continuity violation, but at ``L = 16, chi = 32`` the truncated map
still does not settle (window noise ~1e-2, non-uniformity 0.02-0.06), so it is not used here.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from symness.benchmarks import benchmark
from symness.lindblad.steady_state import steady_state
from symness.models.thermal_reservoirs import DISSIPATOR, Reservoir
from symness.models.xxz_disordered import DisorderedXXZ, energy_current_operator, hamiltonian
from symness.mps.convergence import Criterion, NotConvergedError, nonuniformity
from symness.mps.lindblad_tebd import BoundaryDrivenChain, bond_generators, full_jumps
from symness.mps.mps import PauliMPS, product_state
from symness.mps.sweep import load_results, run_sweep, task_key
from symness.mps.tebd import GateCache, Truncation, apply_stages, merge_stages, stages
from symness.mps.transport import NessResult, NessSettings, solve_ness
from symness.outputs import Table, atomic_write_text

__all__ = ["run", "run_hour", "run_plateau", "run_target", "step_seconds", "fast_settings",
           "hour_spec", "target_specs",
           "uniformity_history", "HOUR_CACHE", "PLATEAU_CACHE"]

CRITERION = Criterion(stationary_tol=2e-3, uniform_tol=0.25, atol=1e-3, noise_tol=0.05)
COLUMNS = ["case", "L", "chi", "route", "seconds", "steps", "ratio", "error_or_uniformity"]


def _chain(L: int) -> BoundaryDrivenChain:
    return BoundaryDrivenChain(DisorderedXXZ(L, 1, h=0.6, seed=0),
                               Reservoir("linear", beta=0.5), Reservoir("linear", beta=-0.5))


def fast_settings(chi: int, *, order: int = 2, dt: float = 0.1) -> NessSettings:
    """QR update, coarse warm stage, ``warmup_dt = 0.25``, the benchmark criterion."""
    return NessSettings(chi=chi, dt=dt, order=order, warmup_dt=0.25 if dt < 0.25 else None,
                        criterion=CRITERION, update="qr", warm_stage="coarse")


def _svd_settings(chi: int) -> NessSettings:
    """The route before the speedups: full SVD, both phases in the warm stage."""
    return replace(fast_settings(chi), update="svd", warm_stage="both")


def _log(msg: str) -> None:
    print(f"[bench mps] {msg}", file=sys.stderr, flush=True)


def _progress(report) -> None:
    if len(report.means["spin"]) % 10 == 0:
        _log(f"  t={report.time:g} {report.mode} uniformity={report.uniformity} "
             f"stationarity={report.stationarity} noise={report.noise}")


def _solve(L: int, settings: NessSettings) -> NessResult:
    res = solve_ness(_chain(L), settings, progress=_progress if L >= 24 else None)
    _log(f"L={L} chi={settings.chi} {settings.update}/{settings.warm_stage} order "
         f"{settings.order}: {res.seconds:.1f} s, {res.truncation['steps']} steps, "
         f"j_E={res.j_energy:.6g}, uniformity={res.convergence['uniformity']}")
    return res


def _ramped_state(L: int, chi: int, cache: GateCache) -> PauliMPS:
    mps = product_state([np.eye(2) / 2] * L)
    trunc = Truncation(chi=chi, trunc_weight=1e-13)
    seq = merge_stages(stages(2) * 10)
    while min(mps.bond_dimensions[3:-3]) < min(chi, 4 ** 3):
        apply_stages(mps, cache, seq, 0.1, trunc)
    return mps


def step_seconds(L: int, chi: int, *, steps: int = 3, rounds: int = 1, dt: float = 0.1,
                 updates: tuple[str, ...] = ("svd", "qr")) -> dict[str, list[float]]:
    """Seconds per 2nd-order step of each update route, on the same saturated state.

    The routes alternate for ``rounds`` rounds of ``steps`` steps each (a load change on a
    shared machine then hits both alike); one entry per round.
    """
    chain = _chain(L)
    cache = GateCache(bond_generators(chain))
    start_state = _ramped_state(L, chi, cache)
    seq = merge_stages(stages(2) * steps)
    out: dict[str, list[float]] = {update: [] for update in updates}
    for _ in range(rounds):
        for update in updates:
            mps = PauliMPS([t.copy() for t in start_state.tensors], center=start_state.center)
            trunc = Truncation(chi=chi, trunc_weight=1e-13, update=update)
            start = time.perf_counter()
            apply_stages(mps, cache, seq, dt, trunc)
            out[update].append((time.perf_counter() - start) / steps)
    return out


def _exponent(x: list[float], y: list[float]) -> float:
    return float(np.polyfit(np.log(x), np.log(y), 1)[0])


def _row(case: str, L: int, res: NessResult, base: float, value: str) -> list:
    return [case, L, res.settings["chi"], res.settings["update"], round(res.seconds, 2),
            res.truncation["steps"], round(res.seconds / base, 3), value]


def _uniformity(res: NessResult) -> str:
    u = res.convergence["uniformity"]
    return f"u_E={u['energy']:.2f} u_S={u['spin']:.2f}"


def _exact_current(chain: BoundaryDrivenChain) -> tuple[float, float]:
    """Seconds of the exact U(1)-sector NESS of ``chain`` and its mean bulk energy current."""
    t0 = time.perf_counter()
    ref = steady_state(hamiltonian(chain.model), full_jumps(chain), dissipator=DISSIPATOR)
    t_exact = time.perf_counter() - t0
    return t_exact, float(np.mean([ref.expect(energy_current_operator(i, chain.model))
                                   for i in chain.energy_sites]))


def _exact_block(L: int) -> list[list]:
    t_exact, j_ref = _exact_current(_chain(L))
    rows = [[f"exact U(1)-sector NESS L={L}", L, "-", "exact", round(t_exact, 2), "-", 1.0,
             f"j_E={j_ref:.6e}"]]
    for case, settings in (("TEBD before (svd, both), order 2 dt=0.1", _svd_settings(32)),
                           ("TEBD fast (qr, coarse), order 2 dt=0.1", fast_settings(32)),
                           ("TEBD fast (qr), order 4 dt=0.25", fast_settings(32, order=4,
                                                                              dt=0.25))):
        res = _solve(L, settings)
        err = abs(res.j_energy - j_ref) / abs(j_ref)
        rows.append(_row(case, L, res, t_exact, f"err_E={err:.1e}"))
    return rows


def _scaling_block(label: str, cases: list[tuple[int, int]]) -> tuple[list[list], float, float]:
    """Rows of a scan and the exponents of its seconds and of its seconds per step.

    A case that does not converge is a row saying so (not in the fits).
    """
    rows, xs, secs, per_step = [], [], [], []
    for L, chi in cases:
        start = time.perf_counter()
        try:
            res = _solve(L, replace(fast_settings(chi), t_max=1500.0))
        except NotConvergedError as exc:
            rows.append([f"TEBD fast, {label} scan", L, chi, "qr",
                         round(time.perf_counter() - start, 2), "-", "-",
                         f"NOT CONVERGED by t=1500: {str(exc)[:160]}"])
            continue
        secs.append(res.seconds)
        per_step.append(res.seconds / res.truncation["steps"])
        xs.append(L if label == "L" else chi)
        rows.append(_row(f"TEBD fast, {label} scan", L, res, secs[0], _uniformity(res)))
    if len(xs) < 2:
        return rows, float("nan"), float("nan")
    return rows, _exponent(xs, secs), _exponent(xs, per_step)


def _step_block(L: int, chi: int, rounds: int) -> tuple[list[list], float, str]:
    """Per-step SVD-vs-QR rows (medians over rounds), the median ratio, and its note.

    The note gives the median ratio with the range of the per-round ratios.
    """
    s = step_seconds(L, chi, rounds=rounds)
    med = {u: float(np.median(v)) for u, v in s.items()}
    rows = [[f"one step L={L} chi={chi}", L, chi, u, round(med[u], 4), 1,
             round(med[u] / med["svd"], 3), f"median of {rounds} rounds"] for u in ("svd", "qr")]
    ratios = np.array(s["svd"]) / np.array(s["qr"])
    speedup = float(np.median(ratios))
    note = (f"per step at L={L}, chi={chi}: QR route {speedup:.1f}x faster than SVD "
            f"(median; rounds {min(ratios):.1f}-{max(ratios):.1f}x)")
    return rows, speedup, note


@benchmark("mps", description="TEBD NESS: cost vs L and chi; time-to-accuracy vs exact sector")
def run(*, quick: bool) -> Table:
    """Measure the blocks of the module docstring (``quick``: small L and chi only)."""
    rows = _exact_block(8 if quick else 10)
    block, a_L, a_step = _scaling_block("L", [(L, 16 if quick else 32)
                                              for L in ((6, 8, 10) if quick else (8, 12, 16, 24))])
    rows += block
    block, b_chi, b_step = _scaling_block("chi", [(8 if quick else 12, chi)
                                                  for chi in ((16, 32) if quick else (16, 32, 64))])
    rows += block
    step_L, step_chi = (16, 32) if quick else (32, 64)
    block, speedup, step_note = _step_block(step_L, step_chi, rounds=2 if quick else 5)
    rows += block
    notes = [f"cost exponents (fast route, log-log fit of seconds): L^{a_L:.2f} at fixed chi, "
             f"chi^{b_chi:.2f} at fixed L; per step L^{a_step:.2f}, chi^{b_step:.2f} (the step "
             f"count of a run is set by when the truncation noise dips under the tolerance and "
             f"moved by up to 10x under a rounding-level change of the route; the per-step "
             f"exponents do not depend on it, but carry the machine's load)",
             step_note]
    if not quick:
        # the bond dimension of the Fig. 2(b) sweeps at L = 32 and 64
        block, _, step_note = _step_block(32, 128, rounds=3)
        rows += block
        notes.append(step_note)
        # final stage limited to t = 1500 (15000 steps); NotConvergedError propagates
        res = _solve(32, replace(fast_settings(64), t_max=1500.0))
        dep = res.chi_dependence["rel_change_energy"]
        rows.append(_row("target: TEBD fast end to end", 32, res, res.seconds,
                         _uniformity(res) + f" chi_dep_E={dep:.3f}"
                         f" disc_max={res.truncation['discarded_max']:.1e}"))
        svd_total = res.seconds * speedup
        rows.append(["target: SVD route (estimated: steps x measured step ratio)", 32, 64, "svd",
                     round(svd_total, 1), res.truncation["steps"],
                     round(svd_total / res.seconds, 3), "estimate, not run"])
        l_hour = 32 * (3600 / res.seconds) ** (1 / a_L)
        notes.append(f"largest L in one hour at chi=64 (EXTRAPOLATED from the measured L=32 run "
                     f"and seconds ~ L^{a_L:.2f}): L ~ {l_hour:.0f}")
        notes.append(f"L=32 chi=64 result: j_E={res.j_energy:.6e}, j_S={res.j_spin:.3e}, "
                     f"criterion {res.convergence}, truncation {res.truncation}, "
                     f"chi dependence {res.chi_dependence}")
    return Table(title="mps: TEBD NESS cost (ratios to the first row of each block)",
                 columns=COLUMNS, rows=rows,
                 command=f"symness bench mps{' --quick' if quick else ''}",
                 parameters={"delta": 1, "h": 0.6, "seed": 0, "reservoirs": "linear beta=±0.5",
                             "criterion": "stationary 2e-3, uniform 0.25, noise 0.05, atol 1e-3",
                             "threads": "OMP_NUM_THREADS=1"},
                 notes=notes)


HOUR_CACHE = Path("tables") / "mendoza2019_bench_mps_hour.jsonl"


def hour_spec(L: int, chi: int = 64, wall_max: float = 3600.0) -> dict:
    """Sweep task of the benchmark chain :func:`_chain` (``L`` sites).

    Settings: :func:`fast_settings` (``chi``), ``t_max = 1500``, wall-time limit ``wall_max``.
    """
    settings = asdict(replace(fast_settings(chi), t_max=1500.0, wall_max=wall_max))
    settings["criterion"]["currents"] = list(settings["criterion"]["currents"])
    res = {"kind": "linear", "mu": "0", "rate": "1", "aux_length": 6}
    return {"L": L, "delta": "1", "h": "3/5", "seed": 0, "J": "1",
            "left": dict(res, beta="1/2"), "right": dict(res, beta="-1/2"),
            "settings": settings}


@benchmark("mps-hour", description="TEBD NESS: largest L converged within one hour at chi=64 "
                                   "(L=48, 64, one per core)")
def run_hour(*, quick: bool) -> Table:
    """Run (or report) the tasks of the module docstring.

    ``quick``: ``L = 8, 12``, ``chi = 16``, limit 300 s, results in a temporary file.
    """
    sizes, chi, wall = ((8, 12), 16, 300.0) if quick else ((48, 64), 64, 3600.0)
    specs = [hour_spec(L, chi, wall) for L in sizes]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hour.jsonl" if quick else HOUR_CACHE
        run_sweep(specs, path, workers=2, retries=0, progress=True, rerun_failed=False)
        records = {r["key"]: r for r in load_results(path)}
    rows, reached = [], []
    for L, spec in zip(sizes, specs):
        rec = records[task_key(spec)]
        if rec["status"] != "ok":
            rows.append([f"end to end, limit {wall:g} s", L, chi, "qr", f"> {wall:g}", "-", "-",
                         "NOT REACHED: " + rec["error"].split(":")[0]])
            continue
        res = rec["result"]
        reached.append(L)
        rows.append([f"end to end, limit {wall:g} s", L, chi, "qr", round(res["seconds"], 1),
                     res["truncation"]["steps"], round(res["seconds"] / wall, 3),
                     f"u_E={res['convergence']['uniformity']['energy']:.2f} "
                     f"u_S={res['convergence']['uniformity']['spin']:.2f} "
                     f"j_E={res['j_energy']:.4e} "
                     f"chi_dep_E={res['chi_dependence']['rel_change_energy']:.3f}"])
    notes = [f"largest L converged within {wall:g} s (measured, one task per core): "
             f"{max(reached) if reached else 'none'}",
             "ratio = seconds / wall-time limit; criterion as in benchmark mps (loosened "
             "uniformity 0.25: truncation bias, module docstring)"]
    return Table(title=f"mps: largest L within {wall:g} s at chi={chi}", columns=COLUMNS,
                 rows=rows, command=f"symness bench mps-hour{' --quick' if quick else ''}",
                 parameters={"delta": 1, "h": 0.6, "seed": 0, "reservoirs": "linear beta=±0.5",
                             "settings": specs[0]["settings"], "workers": 2},
                 notes=notes)


PLATEAU_CACHE = Path("tables") / "mendoza2019_bench_mps_plateau.jsonl"
#: never met: the run goes on to ``t_max`` and every check is logged
NEVER = Criterion(stationary_tol=1e-9, uniform_tol=1e-9, atol=1e-3, noise_tol=1e-9)


def uniformity_history(L: int, chi: int, t_max: float, *, average: int = 8) -> list[dict]:
    """Bulk currents and their non-uniformity at every check of the benchmark chain.

    The run (:func:`fast_settings`, ``t_max`` for the final stage) never meets its criterion;
    one row per check: stage time ``t``, check count ``n`` within the stage, mean bulk
    currents, snapshot non-uniformity ``u_*`` and that of the ``average``-check mean
    ``uw_*``.  The last row ``{"end": ...}`` holds the solver's final report.
    """
    rows: list[dict] = []

    def log(report) -> None:
        row = {"t": report.time, "n": len(report.means["spin"])}
        for key in ("energy", "spin"):
            values = report.bulk[-1][key]
            row[key] = float(np.mean(values))
            row["u_" + key] = nonuniformity(values, NEVER.atol)
            if len(report.bulk) >= average:
                row["uw_" + key] = nonuniformity(
                    np.mean([b[key] for b in report.bulk[-average:]], axis=0), NEVER.atol)
        rows.append(row)

    try:
        solve_ness(_chain(L), replace(fast_settings(chi), t_max=t_max, criterion=NEVER),
                   progress=log)
    except NotConvergedError as err:
        rows.append({"end": str(err)[:300]})
    return rows


@benchmark("mps-plateau", description="TEBD NESS: L=32 chi=64 continued past convergence: "
                                      "is the current non-uniformity truncation or relaxation?")
def run_plateau(*, quick: bool) -> Table:
    """Blocks of the final stage of :func:`uniformity_history` (``quick``: L=10, chi=16)."""
    L, chi, t_max, block = (10, 16, 60.0, 20.0) if quick else (32, 64, 700.0, 100.0)
    if quick or not PLATEAU_CACHE.exists():
        rows = uniformity_history(L, chi, t_max)
        if not quick:
            atomic_write_text(PLATEAU_CACHE, "".join(json.dumps(r) + "\n" for r in rows))
    else:
        rows = [json.loads(line) for line in PLATEAU_CACHE.read_text().splitlines()]
    checks = [r for r in rows if "t" in r]
    final = checks[max(i for i, r in enumerate(checks) if r["n"] == 1):]
    out = []
    for lo in np.arange(0.0, t_max, block):
        sel = [r for r in final if lo < r["t"] <= lo + block]
        if not sel:
            continue
        j = np.array([r["energy"] for r in sel])
        uw = [r["uw_energy"] for r in sel if "uw_energy" in r]
        snap = [r["u_energy"] for r in sel]
        out.append([f"final stage t in ({lo:g}, {lo + block:g}]", L, chi, "qr", "-", len(sel),
                    "-", f"j_E={j.mean():.5e} sd={j.std():.1e} "
                         f"u_E(8-check mean)={np.mean(uw) if uw else float('nan'):.3f} "
                         f"u_E(snapshot)={min(snap):.2f}..{max(snap):.2f}"])
    return Table(title=f"mps: current non-uniformity against time past convergence (L={L}, "
                       f"chi={chi})", columns=COLUMNS, rows=out,
                 command=f"symness bench mps-plateau{' --quick' if quick else ''}",
                 parameters={"delta": 1, "h": 0.6, "seed": 0, "reservoirs": "linear beta=±0.5",
                             "final-stage t_max": t_max, "threads": "OMP_NUM_THREADS=1"},
                 notes=["steps column: checks in the block (one per 5 time units); the "
                        "criterion is never met, so the run goes on to t_max",
                        f"solver's last report: {rows[-1].get('end', '-')}"])


#: the issue's target: one realisation at L = 32, chi = 64 converged within ten minutes
TARGET_SECONDS = 600.0


def target_specs(L: int, chi: int) -> list[dict]:
    """Fig. 2(b) tasks of the target benchmark: ``h = 0.3`` x the figure's seeds at ``(L, chi)``."""
    from symness.mps.figures import SEEDS, fig2_spec

    return [fig2_spec(L, "3/10", seed, chi) for seed in SEEDS["fig2"]]


@benchmark("mps-target", description="TEBD NESS: L=32, chi=64 within 10 min at the Fig. 2(b) "
                                     "drive and relative criterion; exact side by side at L=10")
def run_target(*, quick: bool) -> Table:
    """The issue's target under the criterion the figures use (not the loosened one above).

    Linear-response drive of Fig. 2(b) (``beta = +-0.1``, ``Delta = 1``), criterion of
    :data:`symness.mps.figures.FIG2_SETTINGS`: bulk energy current uniform to 5% of ``|j|``
    and stationary to 1e-3.  Block 1, side by side at ``L = 10`` (``h = 0.6``, seed 0): the
    exact U(1)-sector NESS against TEBD at ``chi = 32``, error of the bulk energy current.
    Block 2: ``L = 32, chi = 64``, ``h = 0.3`` x 4 realisations, one task per core (two at
    once), ratio = seconds / 600 s.  Its records are in the Fig. 2(b) cache
    (``tables/mendoza2019_fig2.jsonl``; the figure itself uses ``chi = 128`` at this point
    since session 16): a rerun only reports them.  ``quick``: ``L = 8``
    and ``L = 12, chi = 32`` in a temporary file.

    Not at ``h = 0.6``: there ``chi = 64`` leaves a stationary truncation bias of 0.07-0.11
    of ``|j|`` at ``L = 32`` (:data:`symness.mps.figures.MAX_L`), so the 5% criterion is
    never met at this bond dimension, however long the run.
    """
    from symness.mps.figures import fig2_spec, relative_nonuniformity
    from symness.mps.sweep import chain_from_spec, run_task

    L_exact, L, chi = (8, 12, 32) if quick else (10, 32, 64)
    spec = fig2_spec(L_exact, "3/5", 0, 32)
    t_exact, j_ref = _exact_current(chain_from_spec(spec))
    tebd = run_task(spec)["result"]
    err = abs(tebd["j_energy"] - j_ref) / abs(j_ref)
    rows = [[f"exact U(1)-sector NESS L={L_exact}", L_exact, "-", "exact", round(t_exact, 2),
             "-", 1.0, f"j_E={j_ref:.6e}"],
            [f"TEBD Fig. 2(b) settings L={L_exact}", L_exact, 32, "qr", round(tebd["seconds"], 2),
             tebd["truncation"]["steps"], round(tebd["seconds"] / t_exact, 3),
             f"err_E={err:.1e}"]]
    specs = target_specs(L, chi)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "target.jsonl" if quick else Path("tables") / "mendoza2019_fig2.jsonl"
        run_sweep(specs, path, workers=2, retries=0, progress=True, rerun_failed=False)
        records = {r["key"]: r for r in load_results(path)}
    seconds = []
    for s in specs:
        rec = records[task_key(s)]
        case = f"Fig. 2(b) drive h={s['h']} seed {s['seed']}"
        if rec["status"] != "ok":
            rows.append([case, L, chi, "qr", "-", "-", "-",
                         "NOT CONVERGED: " + rec["error"][:120]])
            continue
        res = rec["result"]
        seconds.append(res["seconds"])
        rows.append([case, L, chi, "qr", round(res["seconds"], 1), res["truncation"]["steps"],
                     round(res["seconds"] / TARGET_SECONDS, 3),
                     f"u_E/j_E={relative_nonuniformity(rec, 'energy'):.3f} "
                     f"j_E={res['j_energy']:.4e} "
                     f"chi_dep_E={res['chi_dependence']['rel_change_energy']:.3f}"])
    within = sum(t <= TARGET_SECONDS for t in seconds)
    notes = [f"L={L}, chi={chi}: {within} of {len(specs)} realisations converged within "
             f"{TARGET_SECONDS:g} s" + (f" (median {np.median(seconds):.0f} s, max "
                                        f"{max(seconds):.0f} s)" if seconds else ""),
             "ratio = seconds / 600 s (block 2), / exact seconds (block 1); criterion: bulk "
             "energy current uniform to 0.05 of |j|, stationary to 1e-3 (figures.FIG2_SETTINGS)"]
    return Table(title=f"mps: target L={L}, chi={chi} at the Fig. 2(b) drive and criterion",
                 columns=COLUMNS, rows=rows,
                 command=f"symness bench mps-target{' --quick' if quick else ''}",
                 parameters={"delta": 1, "reservoirs": "linear beta=±0.1",
                             "settings": specs[0]["settings"], "workers": 2,
                             "threads": "OMP_NUM_THREADS=1"},
                 notes=notes)


from symness.mps import bench_linear as _bench_linear  # noqa: E402,F401  (registers "mps-linear")
from symness.mps import bench_u1 as _bench_u1  # noqa: E402,F401  (registers "mps-u1")
