"""Fig. 1 of Prosen (2011): magnetisation profiles M_j, n = 21, mu = 1, Delta = 0.5, 1, 1.1."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import mpmath

from symness.mpa.transfer.profiles import (
    ProfileParams,
    delta_half_closed_form,
    isotropic_closed_form,
    magnetization_profile_adaptive,
)
from symness.outputs import atomic_write_png, atomic_write_text, figure

__all__ = ["fig1", "FIG1_DELTAS"]

#: Panels (a), (b), (c) of Fig. 1, with the paper's analytic results where it gives one.
FIG1_DELTAS = ((Fraction(1, 2), delta_half_closed_form), (Fraction(1), isotropic_closed_form),
               (Fraction(11, 10), None))
FIG1_N = 21


@figure("prosen2011-fig1", description="magnetisation profiles M_j, n=21, mu=1, "
                                       "Delta = 0.5, 1, 1.1 (Prosen 2011, Fig. 1)")
def fig1(outdir: Path) -> list[Path]:
    """Fig. 1: M_j from (17) (adaptive mpmath, 15 digits) with the analytic points (red)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    outdir = Path(outdir)
    lines = ["# Prosen (2011) Fig. 1: M_j = <sz_j>/eps^2, n = 21, mu = 1",
             "# regenerate: symness figure prosen2011-fig1",
             "delta,j,M_j,analytic,working_dps"]
    fig, axes = plt.subplots(1, 3, figsize=(9, 3))
    for ax, (delta, closed) in zip(axes, FIG1_DELTAS):
        profile, dps, _ = magnetization_profile_adaptive(ProfileParams(FIG1_N, delta, 1))
        values = [float(x) for x in profile]
        js = list(range(1, FIG1_N + 1))
        analytic = [float(closed(j, FIG1_N, 1)) for j in js] if closed else [None] * FIG1_N
        lines += [f"{delta},{j},{mpmath.nstr(v, 15)},{'' if a is None else repr(a)},{dps}"
                  for j, v, a in zip(js, profile, analytic)]
        ax.plot(js, values, "k-", lw=1)
        if closed:
            ax.plot(js, analytic, "o", color="red", ms=3)
        ax.set_title(rf"$\Delta = {float(delta):g}$", fontsize=9)
        ax.set_xlabel("$j$")
    axes[0].set_ylabel(r"$M_j$")
    fig.tight_layout()
    png = atomic_write_png(outdir / "prosen2011_fig1.png", fig, dpi=150)
    plt.close(fig)
    csv = atomic_write_text(outdir / "prosen2011_fig1.csv", "\n".join(lines) + "\n")
    return [png, csv]
