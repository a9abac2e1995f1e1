"""Figure of the strongly driven chain: n = 1000 profiles and J(n) (Prosen 2011b MPA)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np

from symness.outputs import atomic_write_png, atomic_write_text, figure

F = Fraction

#: Panel (a): anisotropies at n = PROFILE_N (|Delta| > 1 overflows float64 at n = 1000:
#: the coefficients grow like (Delta + sqrt(Delta^2 - 1))^k; see transfer.profiles).
PROFILE_DELTAS = (F(1, 2), F(7, 10), F(1))
PROFILE_N = 1000
#: Panel (b): J(n), eps = 1.
CURRENT_SIZES = (4, 8, 16, 32, 64, 125, 250, 500, 1000, 2000)


def _profile_rows():
    from symness.strong_drive.model import StrongDrive
    from symness.strong_drive.transfer import profiles

    return {d: profiles(StrongDrive(PROFILE_N, d, 1)).sigma_z for d in PROFILE_DELTAS}


def _current_rows():
    from symness.strong_drive.model import StrongDrive
    from symness.strong_drive.transfer import profiles

    out = {}
    for delta in (F(1, 2), F(7, 10), F(1), F(3, 2)):
        sizes = [n for n in CURRENT_SIZES if delta <= 1 or n <= 32]
        out[delta] = [(n, float(profiles(StrongDrive(n, delta, 1)).current[n // 2]))
                      for n in sizes]
    return out


@figure("prosen2011-strong-drive-profiles", aliases=("prosen2011b-profiles",),
        description="maximally driven XXZ chain: <sigma^z_j> at n = 1000 and J(n), eps = 1 "
                    "(Prosen 2011b MPA)")
def profiles_figure(outdir: Path) -> list[Path]:
    """(a) ``<sigma^z_j>`` against ``j/n``; (b) ``J(n)`` on log-log axes with ``pi^2/n^2``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    outdir = Path(outdir)
    prof, cur = _profile_rows(), _current_rows()
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(9, 3.6))
    x = (np.arange(PROFILE_N) + 1) / PROFILE_N
    for delta, sz in prof.items():
        ax.plot(x, sz, label=f"Delta={delta}")
    ax.set_xlabel("j/n")
    ax.set_ylabel("<sigma^z_j>")
    ax.set_title(f"(a) n = {PROFILE_N}, eps = 1")
    ax.legend(fontsize=7)
    for delta, pts in cur.items():
        n, j = np.array(pts).T
        bx.loglog(n, j, "o-", ms=3, label=f"Delta={delta}")
    n = np.array(CURRENT_SIZES, dtype=float)
    bx.loglog(n, np.pi**2 / n**2, "k--", lw=0.8, label="pi^2/n^2")
    bx.set_ylim(1e-14, 1)
    bx.set_xlabel("n")
    bx.set_ylabel("J")
    bx.set_title("(b) current, eps = 1")
    bx.legend(fontsize=7)
    fig.tight_layout()
    png = atomic_write_png(outdir / "prosen2011b_profiles.png", fig, dpi=110)
    plt.close(fig)
    lines = ["# symness figure prosen2011b-profiles: <sigma^z_j> at n=1000 (eps=1), then J(n)",
             "quantity,Delta,n_or_site,value"]
    lines += [f"sigma_z,{d},{j + 1},{v:.10g}" for d, sz in prof.items()
              for j, v in enumerate(sz)]
    lines += [f"current,{d},{n},{v:.10g}" for d, pts in cur.items() for n, v in pts]
    csv = atomic_write_text(outdir / "prosen2011b_profiles.csv", "\n".join(lines) + "\n")
    return [png, csv]
