"""Figures 3-6 of Lange, Lenarcic & Rosch (2017) at n = 12 (PNG + CSV).

The data are computed by resumable sweeps (:mod:`symness.pump.sweep`) into
``<outdir>/lange2017_fig{3,4,5}.csv``; a rerun reuses every finished point, so
regenerating a figure after an interrupted run only computes what is missing.
Figure 6 uses the field sweep of Figure 5.  Parameters (paper): J = 1,
Delta = 0.8, w = 1.6 w_ph, w_ph = T_ph = 1, eta_ph = 0.4, eta_d = 0.1,
gamma_m = 1; Fig. 3 at B = -1, Fig. 4 at B = 0, Figs. 5-6 at (eps_d/eps_ph)^2 = 2.5.

The exact curve of Figs. 5-6 covers the whole field range: for |B| >= 3 the
bordered LU of the whole ``L^Q`` cannot resolve the exponentially small
inter-sector rates (pivot ratio ~1e-10 at |B| = 3, ~1e-17 at |B| = 4) and the
balanced sector solve of :mod:`symness.pump.sector_steady_state` takes over
(its method and pivot ratio are in the CSV ``check`` column).

Comparison with the paper (n = 12, values from the CSV files):

* Magnitudes agree: currents of order 1e-3 (Figs. 3, 4); Fig. 5 axes span
  ``|J_H|/N <= 0.02`` and ``J_S/N <= 0.006``, here ``|J_H|/N = 0.0213`` (exact) and
  0.0199 (N_C = 6) at |B| = 4, ``J_S/N = 0.0054`` (exact, B = 0) and 0.0065 (B = ±2).
* Position of the maximum versus ``r = eps_d/eps_ph`` (paper: "largest value for
  eps_ph ~ eps_d", "maximal for eps_d/eps_ph ~ 1"): here ``J_H`` (B = -1) peaks
  at r ~ 3 (exact, 0.00218) and r ~ 2 (N_C = 6, 0.00228); ``J_S`` peaks at r ~ 1.5
  (B = -1, exact 0.00523) and r ~ 2 (B = 0, exact 0.00554; N_C = 6 at r ~ 1.5).
  The drive term (20) is derived from (8) and (19) in
  :mod:`symness.pump.drive_normalisation` (claim ``lange2017.eq20.normalisation``);
  the maxima, their finite-size drift and the drive-rate factors that would move
  them to 1 are in :mod:`symness.pump.maxima` and claims
  ``lange2017.fig3-4.maxima-n10``/``-n12`` (README, paper 004).
"""

from __future__ import annotations

import math
from pathlib import Path

from symness.outputs import atomic_write_png, figure
from symness.pump.model import PumpParams
from symness.pump.sweep import run_sweep

__all__ = ["RATIOS", "FIELDS", "fig3_rows", "fig4_rows", "fig5_rows"]

RATIOS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0)
#: Field points, most informative first (a sweep interrupted early still shows the shape).
#: Exact and GGE share one prepared system per field.  B = 0 (spin-flip degeneracies:
#: more conserved pairs, the costliest point) comes last.
FIELDS = (-1.0, 1.0, -4.0, 4.0, -2.0, 2.0, -3.0, 3.0, -0.5, 0.5, 0.0)
INSET_SIZES = (8, 10, 12)
N = 12


def fig3_rows(outdir: Path) -> list[dict]:
    """Ratio sweep at B = -1: exact, N_C = 2, 4, 6 at n = 12; N_C = 6 at n = 8, 10 (inset)."""
    path = Path(outdir) / "lange2017_fig3.csv"
    base = PumpParams(n=N, field=-1.0)
    for n in INSET_SIZES[:-1]:
        run_sweep(base.with_(n=n), method="gge", n_c=6, vary="ratio", values=RATIOS, output=path)
    return run_sweep(base, methods=[("gge", 2), ("gge", 4), ("gge", 6), ("exact", 0)],
                     vary="ratio", values=RATIOS, output=path)


def fig4_rows(outdir: Path) -> list[dict]:
    """Ratio sweep at B = 0: exact and N_C = 6 at n = 12."""
    path = Path(outdir) / "lange2017_fig4.csv"
    base = PumpParams(n=N, field=0.0)
    run_sweep(base, method="gge", n_c=6, vary="ratio", values=RATIOS, output=path)
    # no exact point at eps_d = 0: at B = 0 the kernel of L^Q is then degenerate (strong
    # symmetry, claim lange2017.uniqueness); the limit eps_d -> 0 is the thermal GGE point
    return run_sweep(base, method="exact", vary="ratio", values=RATIOS[1:], output=path)


def fig5_rows(outdir: Path) -> list[dict]:
    """Field sweep at (eps_d/eps_ph)^2 = 2.5: exact and N_C = 6 at every field."""
    path = Path(outdir) / "lange2017_fig5.csv"
    base = PumpParams(n=N, eps_d=math.sqrt(2.5), eps_ph=1.0)
    return run_sweep(base, methods=[("gge", 6), ("exact", 0)], vary="field", values=FIELDS,
                     output=path)


def _series(rows, method, n_c, x, y, n=N):
    sel = [r for r in rows if r["method"] == method and int(r["n_c"]) == n_c
           and int(r["n"]) == n]
    sel.sort(key=lambda r: float(r[x]))
    return [float(r[x]) for r in sel], [float(r[y]) for r in sel]


_STYLE = {("exact", 0): dict(color="C3", ls="-", label="exact (all conservation laws)"),
          ("gge", 6): dict(color="k", ls="--", label="GGE $N_C=6$"),
          ("gge", 4): dict(color="k", ls="-.", label="GGE $N_C=4$"),
          ("gge", 2): dict(color="0.5", ls=":", label="GGE $N_C=2$")}


def _panel(ax, rows, x, y, curves, xlabel, ylabel):
    for method, n_c in curves:
        xs, ys = _series(rows, method, n_c, x, y)
        if xs:
            ax.plot(xs, ys, marker="o", ms=3, **_STYLE[(method, n_c)])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.axhline(0, color="0.8", lw=0.5)


def _draw(outdir: Path, rows, panels, title: str, name: str, csv_name: str,
          extra=None) -> list[Path]:
    """Draw ``panels`` (x, y, curves, xlabel, ylabel), let ``extra(axes)`` add to them, save."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(panels), figsize=(5 * len(panels), 3.8))
    axes = [axes] if len(panels) == 1 else list(axes)
    for ax, (x, y, curves, xl, yl) in zip(axes, panels):
        _panel(ax, rows, x, y, curves, xl, yl)
    if extra is not None:
        extra(axes)
    axes[0].legend(fontsize=7)
    fig.suptitle(title, fontsize=9)
    fig.tight_layout()
    path = atomic_write_png(Path(outdir) / name, fig, dpi=110)
    plt.close(fig)
    return [path, Path(outdir) / csv_name]


RATIO_LABEL = r"$\epsilon_d/\epsilon_{ph}$"
BOTH = [("exact", 0), ("gge", 6)]


def _fig3_inset(rows):
    def add(axes):
        inset = axes[1].inset_axes([0.6, 0.12, 0.36, 0.36])
        for n in INSET_SIZES:
            xs, ys = _series(rows, "gge", 6, "ratio", "c3", n=n)
            inset.plot(xs, ys, label=f"N={n}")
        inset.set_title("<C3>/N, $N_C=6$", fontsize=6)
        inset.tick_params(labelsize=5)
        inset.legend(fontsize=5)
    return add


@figure("lange2017-fig3", description="energy and heat current vs eps_d/eps_ph, B = -1, n = 12 "
        "(Lange et al. 2017, Fig. 3)")
def fig3(outdir: Path) -> list[Path]:
    """Fig. 3: (a) <H0>/N, (b) <J_H>/N; inset: <C3>/N for n = 8, 10, 12 (N_C = 6)."""
    rows = fig3_rows(outdir)
    curves = BOTH + [("gge", 4), ("gge", 2)]
    return _draw(outdir, rows, [("ratio", "energy", curves, RATIO_LABEL, "<H0>/N"),
                                ("ratio", "heat_current", curves, RATIO_LABEL, "<J_H>/N")],
                 "Lange et al. (2017) Fig. 3: J=1, Delta=0.8, B=-1, w=1.6, n=12",
                 "lange2017_fig3.png", "lange2017_fig3.csv", _fig3_inset(rows))


@figure("lange2017-fig4", description="spin current vs eps_d/eps_ph at B = 0, n = 12 "
        "(Lange et al. 2017, Fig. 4)")
def fig4(outdir: Path) -> list[Path]:
    """Fig. 4: <J_S>/N (and the vanishing <J_H>/N) at B = 0."""
    return _draw(outdir, fig4_rows(outdir),
                 [("ratio", "spin_current", BOTH, RATIO_LABEL, "<J_S>/N"),
                  ("ratio", "heat_current", BOTH, RATIO_LABEL, "<J_H>/N")],
                 "Lange et al. (2017) Fig. 4: B=0, n=12", "lange2017_fig4.png",
                 "lange2017_fig4.csv")


def _c3_curves(rows):
    def add(axes):
        for method, n_c in BOTH:
            xs, ys = _series(rows, method, n_c, "field", "c3")
            axes[1].plot(xs, ys, color="C0", ls=_STYLE[(method, n_c)]["ls"],
                         label=f"<C3>/N {method}")
        axes[1].legend(fontsize=7)
    return add


@figure("lange2017-fig5", description="heat and spin current vs B at (eps_d/eps_ph)^2 = 2.5, "
        "n = 12 (Lange et al. 2017, Fig. 5)")
def fig5(outdir: Path) -> list[Path]:
    """Fig. 5: (a) <J_H>/N, (b) <J_S>/N and <C3>/N versus B."""
    rows = fig5_rows(outdir)
    return _draw(outdir, rows, [("field", "heat_current", BOTH, "B", "<J_H>/N"),
                                ("field", "spin_current", BOTH, "B", "<J_S>/N, <C3>/N")],
                 "Lange et al. (2017) Fig. 5: (eps_d/eps_ph)^2=2.5, n=12",
                 "lange2017_fig5.png", "lange2017_fig5.csv", _c3_curves(rows))


@figure("lange2017-fig6",
        description="energy and C4 vs B at (eps_d/eps_ph)^2 = 2.5, n = 12 "
        "(Lange et al. 2017, Fig. 6)")
def fig6(outdir: Path) -> list[Path]:
    """Fig. 6: (a) <H0>/N, (b) <C4>/N versus B (data of Fig. 5)."""
    return _draw(outdir, fig5_rows(outdir),
                 [("field", "energy", BOTH, "B", "<H0>/N"),
                  ("field", "c4", BOTH, "B", "<C4>/N (boost normalisation)")],
                 "Lange et al. (2017) Fig. 6: (eps_d/eps_ph)^2=2.5, n=12",
                 "lange2017_fig6.png", "lange2017_fig5.csv")
