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

from symness.outputs import atomic_write_bytes, atomic_write_text, figure

F = Fraction
_GAMMAS = (F(1, 3), F(1, 4), F(1, 6))


def _save(fig, path: Path) -> Path:
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, metadata={"Software": None})
    atomic_write_bytes(path, buf.getvalue())
    return path


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
    from symness.tba.exact_diag import XXZRing, continuity_current, embed, q2_density
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
            ring = XXZRing.cached(n, delta)
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
    paths = [_save(fig, out), _csv(outdir / "bertini2016_fig1.csv",
                                  "symness figure bertini2016-fig1: TBA (14) + <vac|j2|vac>",
                                  ["gamma_over_pi", "beta", "j2"], rows)]
    plt.close(fig)
    return paths


def _profile_figure(outdir: Path, name: str, protocol: str, keys, gammas) -> list[Path]:
    from symness.ghd.profiles import domain_wall_states, profile, two_temperature_states
    from symness.tba.quadrature import RapidityGrid
    from symness.tba.strings import string_content

    plt = _plt()
    fig, axes = plt.subplots(1, len(keys), figsize=(3.2 * len(keys), 3.0))
    rows = []
    zetas = np.linspace(-1.4, 1.4, 141)
    for g in gammas:
        content, grid = string_content(g), RapidityGrid(step=0.1, cutoff=13.0)
        if protocol == "two-temperature":
            states = two_temperature_states(content, 1.0, 2.0, grid)
        else:
            states = domain_wall_states(content, grid)
        prof = profile(*states, zetas)
        for ax, key in zip(axes, keys):
            ax.plot(zetas, prof.values[key], lw=1, label=f"Δ=cos(π·{g})")
        rows += [(str(g), float(z), *(float(prof.values[k][i]) for k in keys))
                 for i, z in enumerate(zetas)]
    for ax, key in zip(axes, keys):
        ax.set_xlabel("ζ = x/t")
        ax.set_title(key, fontsize=9)
    axes[0].legend(fontsize=6)
    fig.tight_layout()
    paths = [_save(fig, outdir / f"{name}.png"),
             _csv(outdir / f"{name}.csv", f"symness figure {name.replace('_', '-')}",
                  ["gamma_over_pi", "zeta", *keys], rows)]
    plt.close(fig)
    return paths


@figure("bertini2016-fig2", description="two temperatures beta_L=1, beta_R=2: LQSS profiles")
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
    paths = [_save(fig, outdir / "bertini2016_drude_fig.png"),
             _csv(outdir / "bertini2016_drude_fig.csv", "symness figure bertini2016-drude",
                  ["l", "m", "delta", "8D_ghd", "8D_prosen_ilievski"], rows)]
    plt.close(fig)
    return paths
