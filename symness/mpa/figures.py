"""Figures of Prosen (2011): Fig. 2 here, Fig. 1 in :mod:`symness.mpa.figures_profiles`."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from symness.mpa.claims_mazur import TABLE_20
from symness.mpa.mazur.bound import dz_fractal
from symness.outputs import (
    atomic_write_png,
    atomic_write_text,
    figure,
    provenance,
)

__all__ = ["fig2", "FIG2_MAX_M", "FIG2_INSET"]

#: Largest denominator m plotted in Fig. 2 (as in the paper).
FIG2_MAX_M = 300
#: Delta range of the inset zoom.
FIG2_INSET = (0.45, 0.55)


@figure("prosen2011-fig2", description="D_Z(Delta) at all Delta = cos(pi ell/m), m <= 300, "
                                       "with an inset zoom (Prosen 2011, Fig. 2)")
def fig2(outdir: Path) -> list[Path]:
    """Fig. 2: the fractal Mazur bound, closed form ``m sin^2(pi ell/m)/(2(m-1))`` (float64)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    data = dz_fractal(FIG2_MAX_M)
    outdir = Path(outdir)
    command = "symness figure prosen2011-fig2"
    lines = [f"# Prosen (2011) Fig. 2: D_Z(Delta), Delta = cos(pi ell/m), m <= {FIG2_MAX_M}",
             f"# regenerate: {command}; {provenance(command)['symness_version']}",
             "ell,m,delta,dz"]
    lines += [f"{ell},{m},{delta!r},{dz!r}" for ell, m, delta, dz in
              zip(data["ell"].tolist(), data["m"].tolist(), data["delta"].tolist(),
                  data["dz"].tolist())]
    csv_path = atomic_write_text(outdir / "prosen2011_fig2.csv", "\n".join(lines) + "\n")

    paper = np.array([[float(np.cos(np.pi * ell / m)), float(v)] for (ell, m), v in
                      TABLE_20.items()])
    paper = np.vstack([paper, paper * [-1, 1]])
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    ax.plot(data["delta"], data["dz"], ".", color="k", ms=0.6, mew=0)
    ax.plot(paper[:, 0], paper[:, 1], "o", color="red", ms=4, label="table (20), exact")
    ax.set_xlabel(r"$\Delta$")
    ax.set_ylabel(r"$D_Z$")
    ax.set_xlim(-1, 1)
    ax.set_ylim(0, 1.02)
    ax.legend(loc="upper left", fontsize=8)
    inset = ax.inset_axes([0.62, 0.64, 0.35, 0.33])
    lo, hi = FIG2_INSET
    zoom = (data["delta"] >= lo) & (data["delta"] <= hi)
    inset.plot(data["delta"][zoom], data["dz"][zoom], ".", color="k", ms=1)
    inset.set_xlim(lo, hi)
    inset.set_xlabel(r"$\Delta$", fontsize=6, labelpad=1)
    inset.set_ylabel(r"$D_Z$", fontsize=6, labelpad=1)
    inset.tick_params(labelsize=6)
    fig.tight_layout()
    png_path = atomic_write_png(outdir / "prosen2011_fig2.png", fig, dpi=150)
    plt.close(fig)
    return [png_path, csv_path]


