"""One exact steady-state solve of the strongly driven chain, measured, against the MPA.

``python -m symness.strong_drive.largest_n 13 --delta 1 --eps 1/2 --write PATH`` prints
the memory estimate (:func:`symness.lindblad.memory.sector_memory_estimate`), refuses when
it exceeds ``--max-memory`` GiB, solves ``L(rho) = 0`` (``--solver sector``: the sector
solver of :mod:`symness.lindblad`; ``--solver qutip``: ``qutip.steadystate``, the peer
baseline), builds the MPA state (:mod:`.mpa`) and prints one JSON record: the solver's CPU
and wall seconds, GMRES iterations and relative residual (sector), ``max |rho_MPA - rho|``
and the process's peak resident memory.

Memory is measured, not modelled: the kernel's high-water mark of this process's
resident set (:func:`symness.resources.peak_rss_gib`), once before the solve
(interpreter and numpy; the solver modules are imported inside it) and once at the end.
Run every solve in a fresh process (:mod:`.bench` does) so that the peak is that
solve's.  (The recorded peaks, e.g. 7.23 GiB at n = 13, were taken with ``ru_maxrss``
from a small driver process and agree with ``/usr/bin/time``.)  The test
``test_peak_rss_measures_a_known_allocation`` checks the method against a known array.

Too slow and too large for a test at ``n = 13`` (about 20 min CPU and 7 GiB): the
records of the runs at ``n = 13`` are cached in ``tables/`` and read by the slow claim
``prosen2011.strong-drive.vs-sector-solver-n13``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from fractions import Fraction

import numpy as np

from symness.lindblad.memory import sector_memory_estimate
from symness.resources import GIB, peak_rss_gib
from symness.strong_drive.model import StrongDrive
from symness.validation import ParameterError

__all__ = ["run", "command", "SOLVERS"]

SOLVERS = ("sector", "qutip")


def command(params: StrongDrive, solver: str, max_memory_gib: float,
            write: str | None = None) -> str:
    """The command line that reproduces a record (stored in it)."""
    text = (f"python -m symness.strong_drive.largest_n {params.n} --delta {params.delta} "
            f"--eps {params.eps} --solver {solver} --max-memory {max_memory_gib:g}")
    return text + (f" --write {write}" if write else "")


def _solve_sector(params: StrongDrive, max_memory_gib: float) -> tuple[np.ndarray, dict]:
    from symness.lindblad.steady_state import steady_state
    from symness.models.xxz_boundary_driven import DISSIPATOR, hamiltonian, jump_operators

    ss = steady_state(hamiltonian(params.n, params.delta), jump_operators(params.drive()),
                      dissipator=DISSIPATOR, method="sector", memory_limit=max_memory_gib * GIB)
    return ss.rho, {"gmres_iterations": ss.iterations,
                    "relative_residual": float(f"{ss.checks.relative_residual:.2g}")}


def _solve_qutip(params: StrongDrive, max_memory_gib: float) -> tuple[np.ndarray, dict]:
    import qutip

    from symness.models.xxz_boundary_driven import hamiltonian, jump_operators

    dims = [[2] * params.n, [2] * params.n]
    h = qutip.Qobj(hamiltonian(params.n, params.delta), dims=dims)
    # Prosen's dissipator 2 L rho L^+ - {L^+ L, rho} is the standard one of sqrt(2) L
    jumps = [qutip.Qobj(np.sqrt(2) * a, dims=dims) for a in jump_operators(params.drive())]
    return qutip.steadystate(h, jumps).full(), {}


_SOLVE = {"sector": _solve_sector, "qutip": _solve_qutip}


def run(params: StrongDrive, max_memory_gib: float, *, solver: str = "sector") -> dict:
    """Solve ``params`` with ``solver`` and compare with the MPA; refuse above ``max_memory_gib``.

    The refusal uses the sector solver's estimate for either solver (qutip needs more).
    Returns the record (JSON-ready, rounded to the digits the measurement carries).
    """
    from symness.strong_drive.mpa import mpa_state

    estimate = sector_memory_estimate(params.n)
    print(estimate.describe(), file=sys.stderr, flush=True)
    record = {"n": params.n, "delta": str(params.delta), "eps": str(params.eps),
              "solver": solver, "estimate_gib": float(f"{estimate.total / GIB:.2g}")}
    if estimate.total > max_memory_gib * GIB:
        return record | {"refused": f"estimate > {max_memory_gib:g} GiB"}
    before_solve = peak_rss_gib()
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        rho, extra = _SOLVE[solver](params, max_memory_gib)
    except ParameterError as exc:  # steady_state checks the memory available now, too
        return record | {"refused": str(exc)}
    record |= {"solver_cpu_s": float(f"{time.process_time() - cpu:.3g}"),
               "solver_wall_s": float(f"{time.perf_counter() - wall:.3g}")} | extra
    error = float(np.abs(mpa_state(params) - rho).max())
    return record | {"max_abs_rho_mpa_minus_exact": float(f"{error:.2g}"),
                     "rss_before_solve_gib": round(before_solve, 2),
                     "peak_rss_gib": round(peak_rss_gib(), 2)}


def main(argv: list[str] | None = None) -> int:
    """Command line: ``n [--delta D] [--eps E] [--solver S] [--max-memory GiB] [--write PATH]``."""
    from symness.outputs import atomic_write_text

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--delta", default="1/2")
    parser.add_argument("--eps", default="1")
    parser.add_argument("--solver", choices=SOLVERS, default="sector")
    parser.add_argument("--max-memory", type=float, default=16.0)
    parser.add_argument("--write")
    args = parser.parse_args(argv)
    params = StrongDrive(args.n, Fraction(args.delta), Fraction(args.eps))
    record = {"command": command(params, args.solver, args.max_memory, args.write)}
    text = json.dumps(record | run(params, args.max_memory, solver=args.solver), indent=1) + "\n"
    if args.write:
        atomic_write_text(args.write, text)
    print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
