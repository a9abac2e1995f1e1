"""Figures of Bertini et al. (2016): Figs. 1, 2, 4 and the spin Drude weight.

Fig. 1 (thermal <j_2>), Fig. 2 (two temperatures), Fig. 4 (domain wall), and the spin
Drude weight against Prosen's bound (paper 000 Fig. 2).

Anisotropies: the text of Figs. 1-2 does not survive extraction; we use
Delta = cos(pi/3), cos(pi/4), cos(pi/6) and say so in the captions.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import numpy as np

from symness.outputs import atomic_write_png, atomic_write_text, figure

F = Fraction
_GAMMAS = (F(1, 3), F(1, 4), F(1, 6))


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _csv(path: Path, header: str, columns: list[str], rows) -> Path:
    lines = [f"# {header}", ",".join(columns)]
    lines += [",".join(f"{v:.12g}" if isinstance(v, float) else str(v) for v in r) for r in rows]
    return atomic_write_text(path, "\n".join(lines) + "\n")


@figure("bertini2016-fig1", description="thermal <j_2> vs beta: TBA (14) and ED rings L=10,12")
def fig1(outdir: Path) -> list[Path]:
    """Fig. 1: <j_2^(1/2)> (traceless current) in thermal states, beta in [0, 5]."""
    from symness.tba.charges import charge_current
    from symness.tba.dressing import Dressing
    from symness.tba.exact_diag import ThermalRing, continuity_current, embed, q2_density
    from symness.tba.strings import string_content
    from symness.tba.thermal import thermal_state

    plt = _plt()
    fig, ax = plt.subplots(figsize=(5, 3.6))
    rows = []
    betas_tba = np.linspace(0.25, 5.0, 20)
    betas_ed = np.linspace(0.0, 5.0, 51)
    for color, g in enumerate(_GAMMAS):
        content = string_content(g)
        delta = content.delta
        j2 = continuity_current(q2_density(delta), delta)
        vac = j2[0, 0].real
        for n, style in ((10, ":"), (12, "-")):
            ring = ThermalRing.cached(n, delta)
            op = embed(j2, n)
            ed = ring.thermal_averages(op, betas_ed)
            ax.plot(betas_ed, ed, style, lw=1, color=f"C{color}",
                    label=f"ED L={n}, γ=π·{g}" if n == 12 else None)
        tba = [charge_current(Dressing(thermal_state(content, b)), 2) + vac for b in betas_tba]
        ax.plot(betas_tba, tba, "o", ms=3, color=f"C{color}", label=f"TBA (14), γ=π·{g}")
        rows += [(str(g), float(b), float(t)) for b, t in zip(betas_tba, tba)]
    ax.set_xlabel("β")
    ax.set_ylabel("⟨j₂⟩ (traceless, per site)")
    ax.set_title("dotted: ED L=10; lines: ED L=12; dots: TBA", fontsize=8)
    ax.legend(fontsize=6)
    fig.tight_layout()
    out = outdir / "bertini2016_fig1.png"
    paths = [atomic_write_png(out, fig, dpi=110), _csv(outdir / "bertini2016_fig1.csv",
                                  "symness figure bertini2016-fig1: TBA (14) + <vac|j2|vac>",
                                  ["gamma_over_pi", "beta", "j2"], rows)]
    plt.close(fig)
    return paths


#: Target relative error of the profile figures (``ghd.converged``).
FIGURE_RTOL = 1e-8
#: Axis labels of the profile panels (spin-1/2, J = 1; q1 the energy density of H - Delta L/4)
QUANTITY_LABELS = {"q1": "⟨q₁⟩ energy density", "j1": "⟨j₁⟩ energy current",
                   "q2": "⟨q₂⟩ = −⟨j₁⟩", "j2": "⟨j₂⟩", "q3": "⟨q₃⟩", "j3": "⟨j₃⟩",
                   "sz": "⟨s^z⟩", "jz": "⟨j^z⟩ spin current"}
#: What each protocol joins at x = 0 (figure titles)
PROTOCOL_TITLES = {"two-temperature": "two temperatures, β_L = 1 (x < 0), β_R = 2 (x > 0)",
                   "domain-wall": "domain wall, all up (x < 0) | all down (x > 0)"}


def _profile_figure(outdir: Path, name: str, protocol: str, keys, gammas) -> list[Path]:
    from functools import partial

    from symness.ghd.converged import converged_profile, format_with_error
    from symness.ghd.profiles import domain_wall_states, two_temperature_states
    from symness.tba.strings import string_content

    plt = _plt()
    fig, axes = plt.subplots(1, len(keys), figsize=(3.2 * len(keys), 3.0))
    rows, errors = [], []
    zetas = np.linspace(-1.4, 1.4, 141)
    for g in gammas:
        content = string_content(g)
        if protocol == "two-temperature":
            states = partial(two_temperature_states, content, 1.0, 2.0)
        else:
            states = partial(domain_wall_states, content)
        conv = converged_profile(states, zetas, rtol=FIGURE_RTOL)
        prof = conv.profile
        for ax, key in zip(axes, keys):
            ax.plot(zetas, prof.values[key], lw=1, label=f"Δ=cos(π·{g})")
        rows += [(str(g), float(z), *(format_with_error(prof.values[k][i], conv.errors[k])
                                      for k in keys))
                 for i, z in enumerate(zetas)]
        errors.append(f"gamma/pi={g}: " + ", ".join(f"{k} {conv.errors[k]:.0e}" for k in keys))
    for ax, key in zip(axes, keys):
        ax.set_xlabel("ζ = x/t")
        ax.set_ylabel(QUANTITY_LABELS[key], fontsize=8)
    axes[0].legend(fontsize=6)
    fig.suptitle(f"LQSS (16): {PROTOCOL_TITLES[protocol]}", fontsize=8)
    fig.tight_layout()
    paths = [atomic_write_png(outdir / f"{name}.png", fig, dpi=110),
             _csv(outdir / f"{name}.csv", f"symness figure {name.replace('_', '-')}; "
                  f"rtol {FIGURE_RTOL:.0e}, estimated errors " + "; ".join(errors),
                  ["gamma_over_pi", "zeta", *keys], rows)]
    plt.close(fig)
    return paths


@figure("bertini2016-fig2", slow=True,
        description="two temperatures beta_L=1, beta_R=2: LQSS profiles")
def fig2(outdir: Path) -> list[Path]:
    """Fig. 2: profiles of q1, j1, q2 (= -j1), j2 and s^z for three anisotropies."""
    return _profile_figure(outdir, "bertini2016_fig2", "two-temperature",
                           ("q1", "j1", "j2"), _GAMMAS)


@figure("bertini2016-fig4", description="domain wall: magnetisation and spin current profiles")
def fig4(outdir: Path) -> list[Path]:
    """Fig. 4: domain wall at Delta = cos(pi/nu), nu = 2, 3, 4, 6."""
    return _profile_figure(outdir, "bertini2016_fig4", "domain-wall", ("sz", "jz"),
                           (F(1, 2), F(1, 3), F(1, 4), F(1, 6)))


@figure("bertini2016-drude", description="spin Drude weight: GHD, Prosen-Ilievski, Mazur D_Z")
def drude_figure(outdir: Path) -> list[Path]:
    """8 D (GHD) at Delta = cos(pi l/m), m <= 12, with the closed form and D_Z (000 (20))."""
    from symness.ghd.claims import MAZUR_TABLE
    from symness.ghd.drude import prosen_ilievski, spin_drude_weight

    plt = _plt()
    fig, ax = plt.subplots(figsize=(5, 3.6))
    rows = []
    for m in range(2, 13):
        for p in range(1, m):
            if math.gcd(p, m) != 1 or 2 * p > m:
                continue
            d = 8 * spin_drude_weight(F(p, m))
            rows.append((p, m, math.cos(math.pi * p / m), d, 8 * prosen_ilievski(p, m)))
    x = [r[2] for r in rows]
    ax.plot(x, [r[3] for r in rows], "o", ms=3, label="GHD 8D")
    ax.plot(x, [r[4] for r in rows], "x", ms=4, label="Prosen-Ilievski")
    ax.plot([math.cos(math.pi * p / m) for p, m in MAZUR_TABLE],
            [float(v) for v in MAZUR_TABLE.values()], "s", mfc="none", label="D_Z (000, (20))")
    ax.set_xlabel("Δ")
    ax.set_ylabel("8 D  (D(Δ=0) = 1)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    paths = [atomic_write_png(outdir / "bertini2016_drude_fig.png", fig, dpi=110),
             _csv(outdir / "bertini2016_drude_fig.csv", "symness figure bertini2016-drude",
                  ["l", "m", "delta", "8D_ghd", "8D_prosen_ilievski"], rows)]
    plt.close(fig)
    return paths


#: Truncation orders K of the Example-2 GGEs (charges Q_1, Q_3, .., Q_{2K-1}).
EXAMPLE2_ORDERS = (1, 2, 3, 4)


def example2_profiles(rays: int = 121, rtol: float = 1e-6) -> tuple[dict, dict, dict]:
    """Profiles and light-cone edges of the Neel | Bell-pairs quench at Delta = 1/2.

    Returns {K: Profile} (with the extra charge 3, converged to ``rtol`` by
    ``ghd.converged``), {K: (left edge, right edge)}: the min v of the Neel GGE and the max
    v of the Bell GGE, beyond which the profiles are flat (eq. (16)), and {K: errors}.
    """
    from functools import partial

    from symness.ghd.converged import converged_profile
    from symness.ghd.profiles import quench_states
    from symness.tba.dressing import Dressing
    from symness.tba.quadrature import RapidityGrid
    from symness.tba.strings import string_content

    content = string_content(F(1, 3))
    zetas = np.linspace(-1.3, 1.3, rays)
    profiles, edges, errors = {}, {}, {}
    for k in EXAMPLE2_ORDERS:
        conv = converged_profile(partial(quench_states, content, order=k), zetas, rtol=rtol,
                                 extra=(3,))
        profiles[k], errors[k] = conv.profile, conv.errors
        left, right = quench_states(content, RapidityGrid(step=conv.step, cutoff=15.0), k)
        edges[k] = (float(np.min(Dressing(left).velocity)),
                    float(np.max(Dressing(right).velocity)))
    return profiles, edges, errors


@figure("bertini2016-example2", slow=True,
        description="Neel | Bell-pairs quench, Delta=1/2: LQSS profiles from truncated GGEs")
def example2(outdir: Path) -> list[Path]:
    """Example 2 / Fig. 3: profiles for truncated GGEs K = 1 .. 4 and <q_1>(x, t).

    Panels: q_1, j_1, q_3, j_3 with the light-cone edges (dash-dotted, K = 4), and the
    space-time density <q_1>(x, t) = q_1(x/t) (K = 4).

    Comparison with the paper's Fig. 3 (only its caption survives in our text): the same
    layout (profiles with the light-cone edges; space-time plot of <q_1>); the paper's
    lines come from the exact GGEs and are set against TEBD at t = 10, ours from truncated
    GGEs, so the comparison is qualitative: energy flows from the Bell side (higher energy)
    into the Neel side, the profiles are flat beyond |zeta| ~ 1.07 = max|v|.
    """
    from symness.ghd.converged import format_with_error

    plt = _plt()
    keys = ("q1", "j1", "q3", "j3")
    profiles, edges, errors = example2_profiles()
    fig, axes = plt.subplots(1, len(keys) + 1, figsize=(3.0 * (len(keys) + 1), 3.0))
    rows = []
    top = EXAMPLE2_ORDERS[-1]
    for k, prof in profiles.items():
        for ax, key in zip(axes, keys):
            ax.plot(prof.zeta, prof.values[key], lw=1, label=f"K={k}")
        rows += [(k, float(z), *(format_with_error(prof.values[c][i], errors[k][c])
                                 for c in keys + ("sz",)))
                 for i, z in enumerate(prof.zeta)]
    for ax, key in zip(axes, keys):
        for edge in edges[top]:
            ax.axvline(edge, ls="-.", lw=0.7, color="k")
        ax.set_xlabel("ζ = x/t")
        ax.set_ylabel(QUANTITY_LABELS[key], fontsize=8)
    axes[0].legend(fontsize=6, title="GGE: Q1,Q3..Q(2K-1)", title_fontsize=6)
    x, t = np.linspace(-20, 20, 201), np.linspace(0.05, 10, 100)
    prof = profiles[top]
    density = np.interp(x[None, :] / t[:, None], prof.zeta, prof.values["q1"])
    image = axes[-1].imshow(density, origin="lower", aspect="auto",
                            extent=(x[0], x[-1], 0, t[-1]), cmap="viridis")
    fig.colorbar(image, ax=axes[-1], fraction=0.05)
    axes[-1].set_xlabel("x")
    axes[-1].set_ylabel("t")
    axes[-1].set_title(f"<q1>(x, t), K={top}", fontsize=9)
    fig.suptitle("Néel (x<0) | Bell pairs (x>0), Δ=1/2, truncated GGEs", fontsize=8)
    fig.tight_layout()
    paths = [atomic_write_png(outdir / "bertini2016_example2.png", fig, dpi=110),
             _csv(outdir / "bertini2016_example2.csv",
                  "symness figure bertini2016-example2: truncated GGEs with K charges, "
                  "profiles at rtol 1e-6 (values written to their estimated errors); "
                  "light-cone edges (grid extrema of v, to 1e-3) "
                  + "; ".join(f"K={k}: {a:.3f} {b:.3f}" for k, (a, b) in edges.items()),
                  ["K", "zeta", *keys, "sz"], rows)]
    plt.close(fig)
    return paths


@figure("bertini2016-realtime-dw", slow=True,
        description="domain wall, Delta=1/2: TEBD (tenpy, cached) points on the GHD curves")
def realtime_domain_wall(outdir: Path) -> list[Path]:
    """<s^z> and <j^z> against zeta = x/t: TEBD at t = 12, 18, 24 and the LQSS (16).

    Third panel: the integrated profile C_sz(x, t)/t of the L = 80 run at t = 8, 16, 32 on
    F_sz (error model 3, ``ghd.realtime_integrated``).

    TEBD: ``ghd.realtime`` (second set: L = 64, chi = 64, cached in tables/); GHD:
    converged profile at rtol 1e-6 (equal to the Collura-De Luca-Viti closed form, claim
    ``bertini2016.ghd.cdv_domain_wall``).  The error model of the comparison is in
    ``ghd.realtime_check``.
    """
    from functools import partial

    from symness.ghd.converged import converged_profile
    from symness.ghd.profiles import domain_wall_states
    from symness.ghd.realtime import DW_SECOND, bond_positions, domain_wall_runs, site_positions
    from symness.tba.strings import string_content

    data = DW_SECOND
    from symness.ghd.realtime_integrated_data import dw_integrated

    run = domain_wall_runs(Path("tables"), data)[max(data.chis)]
    zetas = np.linspace(-1.2, 1.2, 121)
    # the curve only has to be exact at plotting resolution: rtol 1e-6
    conv = converged_profile(partial(domain_wall_states, string_content(F(1, 3))), zetas,
                             rtol=1e-6)
    xs, xb = site_positions(data.length), bond_positions(data.length)
    return _tebd_on_ghd(
        outdir, "bertini2016_realtime_dw_fig", zetas, conv.profile.values,
        (("sz", "⟨s^z⟩", run.sz, xs), ("jz", "⟨j^z⟩", run.jz, xb)), data.times,
        f"domain wall, Δ=1/2: TEBD L={data.length} (C/t: L=80), χ={max(data.chis)} vs GHD",
        "symness figure bertini2016-realtime-dw: TEBD data (chi = "
        f"{max(data.chis)}; C/t: L = 80); x = position from the junction",
        integrated=(dw_integrated(), (8.0, 16.0, 32.0)))


def _energy_panels(run, times: tuple[float, ...] = (4.0, 6.0, 8.0)) -> tuple[tuple, tuple]:
    """The q1 and j1 panels of a cached TEBD run at ``times``, for :func:`_tebd_on_ghd`."""
    from symness.ghd.realtime_ex1 import lattice_positions

    keep = [run.times.index(t) for t in times]
    panels = tuple((key, label, getattr(run, key)[keep], lattice_positions(key, run.length))
                   for key, label in (("q1", "⟨q_1⟩ (energy density)"),
                                      ("j1", "⟨j_1⟩ (energy current)")))
    return panels, tuple(run.times[k] for k in keep)


def _integrated_panel(ax, result, times: tuple[float, ...], two_time=None) -> list[tuple]:
    """C_q(x, t)/t of the TEBD run on F_q(zeta) (``ghd.realtime_integrated``); CSV rows.

    ``two_time`` (a ``TwoTimeResult``) adds the two-time rates R (``ghd.realtime_twotime``)
    with their TEBD error bars.
    """
    ghd, rows = result.ghd, []
    ax.plot(ghd.zeta, ghd.values, "k-", lw=1, label="GHD F_q (I3)")
    for t in times:
        z, c = result.curves[t]
        ax.plot(z, c, "o", ms=2.0, label=f"TEBD t={t:g}")
        rows += [(f"C/t ({result.protocol})", float(t), float(zi * t), float(ci))
                 for zi, ci in zip(z, c)]
    for rate in (two_time.rates if two_time is not None else ()):
        t1, t2 = rate.pair
        ax.errorbar(rate.zeta, rate.rate, yerr=rate.tebd_error, fmt="s", ms=3.0, mfc="none",
                    lw=0.8, label=f"R ({t1:g}, {t2:g})")
        rows += [(f"R ({result.protocol}, t1={t1:g})", float(t2), float(zi * t2), float(r))
                 for zi, r in zip(rate.zeta, rate.rate)]
    ax.set_xlim(-1.2, 1.2)
    ax.set_xlabel("ζ = x/t")
    ax.set_title("C_q(x,t)/t (integrated)", fontsize=9)
    ax.legend(fontsize=6)
    return rows


def _tebd_on_ghd(outdir: Path, stem: str, zetas: np.ndarray, curves: dict, panels: tuple,
                 times: tuple[float, ...], title: str, header: str,
                 integrated: tuple | None = None) -> list[Path]:
    """Panels (key, label, values[k, :], x) of lattice data at ``times`` on GHD curves.

    ``integrated`` = (result of ``realtime_integrated_data``, times[, two-time result]) adds
    the C_q/t panel.
    """
    plt = _plt()
    zmax = float(np.max(np.abs(zetas)))
    count = len(panels) + (integrated is not None)
    fig, axes = plt.subplots(1, count, figsize=(3.5 * count, 3.0))
    rows = []
    if integrated is not None:
        rows += _integrated_panel(axes[-1], *integrated)
    for ax, (key, label, values, x) in zip(axes, panels):
        ax.plot(zetas, curves[key], "k-", lw=1, label="GHD (16)")
        for k, t in enumerate(times):
            inside = np.abs(x / t) <= zmax
            ax.plot(x[inside] / t, values[k][inside], "o", ms=2.5, label=f"TEBD t={t:g}")
            rows += [(key, float(t), float(xi), float(v)) for xi, v in
                     zip(x[inside], values[k][inside])]
        ax.set_xlabel("ζ = x/t")
        ax.set_title(label, fontsize=9)
    axes[0].legend(fontsize=6)
    fig.suptitle(title, fontsize=8)
    fig.tight_layout()
    paths = [atomic_write_png(outdir / f"{stem}.png", fig, dpi=110),
             _csv(outdir / f"{stem}.csv", header, ["observable", "t", "x", "value"], rows)]
    plt.close(fig)
    return paths


@figure("bertini2016-realtime-ex1", slow=True,
        description="Example 1 (beta 1 | 2), Delta=1/2: purification TEBD points on the GHD "
                    "curves of q1 and j1")
def realtime_example1(outdir: Path) -> list[Path]:
    """q1 and j1 against zeta = x/t: purification TEBD at t = 4, 6, 8 and the LQSS (16).

    Third panel: C_q1(x, t)/t on F_q1 (error model 3, ``ghd.realtime_integrated``) and the
    two-time rates R of the pairs (2, 4), (3, 6), (4, 8) (error model 4,
    ``ghd.realtime_twotime``).

    TEBD: ``ghd.realtime_thermal`` (L = 48, chi = 64, cached in tables/); GHD: converged
    profile at rtol 1e-6.  Error model and verdict: ``ghd.realtime_ex1``.
    """
    from symness.ghd.realtime_ex1 import EX1, ex1_runs, ghd_on_rays
    from symness.ghd.realtime_integrated_data import ex1_integrated, ex1_two_time

    run = ex1_runs(Path("tables"), names=("chi64",))["chi64"]
    zetas = np.linspace(-1.5, 1.5, 121)
    curves, _ = ghd_on_rays(zetas, rtol=1e-6)
    return _tebd_on_ghd(
        outdir, "bertini2016_realtime_ex1_fig", zetas, curves, *_energy_panels(run),
        f"Example 1, Δ=1/2, β_L={EX1['betas'][0]:g}, β_R={EX1['betas'][1]:g}: purification "
        f"TEBD L={run.length}, χ={run.chi} vs GHD",
        f"symness figure bertini2016-realtime-ex1: TEBD data (chi = {run.chi}); x = position "
        "from the junction", integrated=(ex1_integrated(), (4.0, 6.0, 8.0), ex1_two_time()))


@figure("bertini2016-example2-exact", slow=True,
        description="Example 2 (Neel | Bell pairs), Delta=1/2: pure-state TEBD points on the "
                    "LQSS curves of q1 and j1 with the exact GGEs")
def example2_exact_figure(outdir: Path) -> list[Path]:
    """q1 and j1 against zeta = x/t: TEBD at t = 4, 6, 8 and the LQSS with the exact GGEs.

    GHD: ``ghd.example2_exact`` (rapidity steps 0.05 and 0.025, error < 1e-4, below the
    plotting resolution); TEBD: ``ghd.realtime_quench`` (L = 48, chi = 128, cached in
    tables/).  Numbers and verdict: ``tables/bertini2016_example2_exact*.md``.
    """
    from symness.ghd.example2_exact import exact_profile
    from symness.ghd.realtime_quench import ex2_runs

    runs = ex2_runs()
    run = runs[max(runs)]
    zetas = np.linspace(-1.2, 1.2, 61)
    curves = exact_profile(zetas).values
    return _tebd_on_ghd(
        outdir, "bertini2016_example2_exact_fig", zetas, curves, *_energy_panels(run),
        f"Example 2, Δ=1/2, Néel | Bell pairs: TEBD L={run.length}, χ={run.chi} vs GHD with "
        "the exact GGEs",
        f"symness figure bertini2016-example2-exact: TEBD data (chi = {run.chi}); x = "
        "position from the junction")
