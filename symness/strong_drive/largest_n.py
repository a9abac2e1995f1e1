"""One run of the exact sector solver at the largest ``n`` against the strong-drive MPA.

``python -m symness.strong_drive.largest_n 13 --write tables/prosen2011-strong-drive-n13.json``
prints the memory estimate, refuses when it exceeds ``--max-memory`` GiB, solves
``L(rho) = 0`` by the sector solver (:mod:`symness.lindblad`), builds the MPA state
(:mod:`.mpa`) and records ``max |rho_MPA - rho|``, the solver's CPU and wall seconds,
GMRES iterations and the peak resident memory (``ru_maxrss``).  Too slow and too
large for a claim or a test (n = 13: about 12 GiB); run once by hand, the JSON is
what the README quotes.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from fractions import Fraction

import numpy as np

from symness.lindblad.memory import GIB, sector_memory_estimate
from symness.strong_drive.model import StrongDrive

__all__ = ["run"]


def run(params: StrongDrive, max_memory_gib: float) -> dict:
    """Solve ``params`` exactly and compare with the MPA; refuse above ``max_memory_gib``."""
    from symness.lindblad.steady_state import steady_state
    from symness.models.xxz_boundary_driven import DISSIPATOR, hamiltonian, jump_operators
    from symness.strong_drive.mpa import mpa_state

    estimate = sector_memory_estimate(params.n)
    print(estimate.describe(), file=sys.stderr)
    record = {"n": params.n, "delta": str(params.delta), "eps": str(params.eps),
              "estimate_gib": round(estimate.total / GIB, 1)}
    if estimate.total > max_memory_gib * GIB:
        return record | {"refused": f"estimate > {max_memory_gib} GiB"}
    cpu, wall = time.process_time(), time.perf_counter()
    ss = steady_state(hamiltonian(params.n, params.delta), jump_operators(params.drive()),
                      dissipator=DISSIPATOR, method="sector", memory_limit=max_memory_gib * GIB)
    record |= {"solver_cpu_s": round(time.process_time() - cpu, 1),
               "solver_wall_s": round(time.perf_counter() - wall, 1),
               "gmres_iterations": ss.iterations,
               "relative_residual": float(f"{ss.checks.relative_residual:.2g}")}
    exact = ss.rho
    del ss
    error = float(np.abs(mpa_state(params) - exact).max())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / GIB  # KiB on Linux
    return record | {"max_abs_rho_mpa_minus_exact": float(f"{error:.2g}"),
                     "peak_rss_gib": round(peak, 1)}


def main(argv: list[str] | None = None) -> int:
    """Command line: ``n [--delta D] [--eps E] [--max-memory GiB] [--write PATH]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--delta", default="1/2")
    parser.add_argument("--eps", default="1")
    parser.add_argument("--max-memory", type=float, default=16.0)
    parser.add_argument("--write")
    args = parser.parse_args(argv)
    params = StrongDrive(args.n, Fraction(args.delta), Fraction(args.eps))
    text = json.dumps(run(params, args.max_memory), indent=1) + "\n"
    if args.write:
        with open(args.write, "w", encoding="utf-8") as fh:
            fh.write(text)
    print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
