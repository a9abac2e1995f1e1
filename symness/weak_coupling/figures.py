"""Figures 4-6 of Ishida & Sugita (2022): PNG plus the CSV of the plotted numbers."""

from __future__ import annotations

from pathlib import Path

from symness.outputs import atomic_write_png, atomic_write_text, figure
from symness.weak_coupling.profiles import fig4_data, fig5_data, fig6_data

_MARKERS = ("o", "^", "s", "x")


def _profile_figure(data: dict, reference: str, title: str, stem: str, outdir: Path,
                    command: str) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(9, 3.6))
    lines = [f"# {title}", f"# regenerate: {command}", "theta_over_pi,lambda,site,T"]
    for ax, (frac, entry) in zip(axes, data.items()):
        n = len(entry[reference])
        sites = list(range(1, n + 1))
        ax.plot([0] + sites + [n + 1], [1.5] + list(entry[reference]) + [0.5], "k-",
                label="weak-coupling limit")
        for marker, lam in zip(_MARKERS, [k for k in entry if not isinstance(k, str)]):
            ax.plot(sites, entry[lam], marker, mfc="none", label=f"lambda = {lam:g}")
        for key, values in entry.items():
            for site, temp in zip(sites, values):
                lines.append(f"{frac},{key},{site},{temp!r}")
        ax.set_title(f"theta = {frac:g} pi")
        ax.set_xlabel("site")
        ax.set_ylabel("T")
        ax.legend(fontsize=7)
    fig.suptitle(title)
    fig.tight_layout()
    png = atomic_write_png(outdir / f"{stem}.png", fig, dpi=100)
    plt.close(fig)
    csv = atomic_write_text(outdir / f"{stem}.csv", "\n".join(lines) + "\n")
    return [png, csv]


@figure("ishida2022-fig4", aliases=("ishida-fig4",),
        description="Ishida-Sugita Fig. 4: two-spin profiles, lam = 0.1, 0.01 "
                    "vs (111)-(112)")
def fig4(outdir: Path) -> list[Path]:
    """Fig. 4: N = 2, theta = pi/4, pi/2, T_L = 1.5, T_R = 0.5, h = c = d = 1."""
    return _profile_figure(fig4_data(), "analytic", "Ishida-Sugita Fig. 4 (N = 2)",
                           "ishida2022_fig4", Path(outdir), "symness figure ishida-fig4")


@figure("ishida2022-fig5", aliases=("ishida-fig5",),
        description="Ishida-Sugita Fig. 5: N = 6 profiles, lam = 1e-1..1e-4 vs "
                    "the engine's zeroth order", slow=True)
def fig5(outdir: Path) -> list[Path]:
    """Fig. 5: N = 6 tilted Ising chain, full Liouvillian vs the weak-coupling limit."""
    return _profile_figure(fig5_data(), "limit", "Ishida-Sugita Fig. 5 (N = 6)",
                           "ishida2022_fig5", Path(outdir), "symness figure ishida-fig5")


@figure("ishida2022-fig6", aliases=("ishida-fig6",),
        description="Ishida-Sugita Fig. 6: both sides of (150) vs lam (N = 6)",
        slow=True)
def fig6(outdir: Path) -> list[Path]:
    """Fig. 6: LHS and RHS of (150) on the full-Liouvillian state against lambda."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    data = fig6_data()
    lams = sorted(k for k in data if not isinstance(k, str))
    fig, ax = plt.subplots(figsize=(5, 3.6))
    ax.semilogx(lams, [data[k][0] for k in lams], "o", mfc="none", label="LHS t_N - t_1")
    ax.semilogx(lams, [data[k][1] for k in lams], "s", mfc="none", label="RHS of (150)")
    ax.axhline(data["limit"][0], color="k", lw=0.8, label="lam -> 0 (engine)")
    ax.set_xlabel("lambda")
    ax.set_title("Ishida-Sugita Fig. 6 (N = 6, theta = pi/4)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    outdir = Path(outdir)
    png = atomic_write_png(outdir / "ishida2022_fig6.png", fig, dpi=100)
    plt.close(fig)
    lines = ["# Ishida-Sugita Fig. 6: both sides of (150), N = 6, theta = pi/4",
             "# regenerate: symness figure ishida-fig6", "lambda,lhs,rhs"]
    lines += [f"{k!r},{data[k][0]!r},{data[k][1]!r}" for k in lams]
    lines.append(f"0,{data['limit'][0]!r},{data['limit'][1]!r}")
    csv = atomic_write_text(outdir / "ishida2022_fig6.csv", "\n".join(lines) + "\n")
    return [png, csv]


__all__ = ["fig4", "fig5", "fig6"]
