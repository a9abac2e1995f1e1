"""Benchmark ``strong-drive``: the exact sector solver at the largest n, timed and measured.

Every solve runs in a fresh subprocess (``python -m symness.strong_drive.largest_n``,
one BLAS thread) that prints the memory estimate before solving, refuses a solve whose
estimate exceeds :data:`MEMORY_LIMIT_GIB`, and reports the solver's CPU and wall
seconds, GMRES iterations, ``max |rho_MPA - rho|`` and its MEASURED peak resident
memory (``VmHWM`` of that process; see :mod:`.largest_n`).  Ratios are taken
on CPU time (a shared, loaded machine distorts wall time much more) against the sector
solver at ``n = 10`` and against ``qutip.steadystate`` on the same chain at ``n = 8``,
both in the same run.

Sizes: ``--quick`` solves ``n = 8, 10`` (qutip at ``n = 6``); the registered full run
(``symness bench strong-drive``) goes to ``n = 12`` (qutip at ``n = 8``: 139 s CPU, 3 GiB);
``python -m symness.strong_drive.bench --max-n 13`` adds ``n = 13`` (715 s CPU and 7.23 GiB
measured at Delta = 1, eps = 1/2; 1215 s at Delta = 1/2, eps = 1) and caches its
record in ``tables/`` (:data:`N13_RECORD`).  ``n = 14`` is never solved: its row shows
the estimate (53 GiB) and the refusal.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

from symness.benchmarks import benchmark
from symness.outputs import Table, render, repository_tables, write_or_print
from symness.threads import single_thread_env
from symness.validation import ParameterError, require_int

__all__ = ["run", "bench_table", "measure", "CASES", "MEMORY_LIMIT_GIB", "N13_RECORD"]

F = Fraction

#: (n, Delta, eps) solved by the sector solver; n = 10, 12, 13 on one chain for the ratios.
CASES = ((8, F(1, 2), F(1)), (10, F(1), F(1, 2)), (11, F(1, 2), F(1)), (12, F(1), F(1, 2)),
         (13, F(1), F(1, 2)), (14, F(1), F(1, 2)))
#: The qutip baseline: n = 8 (full) or 6 (quick), Delta = 1/2, eps = 1.
QUTIP_DELTA, QUTIP_EPS = F(1, 2), F(1)
#: Largest n solved by default (full run) and with ``--quick``.
DEFAULT_MAX_N, QUICK_MAX_N = 12, 10
#: Refusal threshold on the estimate (GiB): n = 13 (estimate 12 GiB, measured 7.2) fits on
#: the 24 GiB machine, n = 14 (53 GiB; ~30 GiB even scaled by measured/estimate) does not.
MEMORY_LIMIT_GIB = 13.0
#: Record of the bench's n = 13 solve, read by the claim ``...vs-sector-solver-n13``.
N13_RECORD = "prosen2011-strong-drive-n13-delta1.json"


def measure(n: int, delta, eps, *, solver: str = "sector", write: Path | None = None,
            timeout: float = 7200.0) -> dict:
    """One solve in a fresh single-threaded subprocess; its JSON record (:mod:`.largest_n`).

    The subprocess runs in the repository's root, so that ``write`` (relative) and the
    command stored in the record do not depend on where the tree is.
    """
    env = single_thread_env(PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    argv = [sys.executable, "-m", "symness.strong_drive.largest_n", str(n), "--delta",
            str(delta), "--eps", str(eps), "--solver", solver,
            "--max-memory", f"{MEMORY_LIMIT_GIB:g}"]
    if write is not None:
        argv += ["--write", str(write)]
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout,
                          cwd=repository_tables().parent)
    if proc.returncode != 0:
        raise RuntimeError(f"{solver} n={n} failed: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout)


def _ratio(value: float, base: float | None) -> str:
    return f"{value / base:.3g}" if base else "-"


def _row(rec: dict, base: float | None, qutip: float | None) -> tuple:
    head = (rec["n"], rec["delta"], rec["eps"], rec["solver"], f"{rec['estimate_gib']:.2g}")
    if "refused" in rec:
        return (*head, "refused: " + rec["refused"], "-", "-", "-", "-", "-")
    cpu = rec["solver_cpu_s"]
    return (*head, f"{rec['peak_rss_gib']:.2f} ({rec['rss_before_solve_gib']:.2f})",
            f"{cpu:.3g} ({rec['solver_wall_s']:.3g})", rec.get("gmres_iterations", "-"),
            f"{rec['max_abs_rho_mpa_minus_exact']:.1e}", _ratio(cpu, base), _ratio(cpu, qutip))


def bench_table(max_n: int, *, quick: bool = False, command: str | None = None) -> Table:
    """Solve :data:`CASES` with ``n <= max_n`` and qutip's baseline; larger cases as refusals.

    ``n = 14`` is always run to its refusal (the subprocess stops after the estimate);
    ``n = 13`` only when ``max_n = 13``.
    """
    max_n = require_int(max_n, "max_n", minimum=10, maximum=13)
    qutip_n = 6 if quick else 8
    records = [measure(qutip_n, QUTIP_DELTA, QUTIP_EPS, solver="qutip")]
    for n, delta, eps in CASES:
        if n <= max_n or n == 14:
            records.append(measure(n, delta, eps,
                                   write=Path("tables", N13_RECORD) if n == 13 else None))
    cpu = {(r["n"], r["solver"]): r.get("solver_cpu_s") for r in records}
    rows = [_row(r, cpu.get((10, "sector")), cpu[(qutip_n, "qutip")]) for r in records]
    return Table(
        title="Strongly driven XXZ chain: exact steady state (sector solver, qutip) "
              "vs the MPA (Prosen 2011b), time and measured memory",
        columns=("n", "Delta", "eps", "solver", "estimate GiB", "peak RSS GiB (before the solve)",
                 "solver CPU s (wall)", "GMRES it", "max|rho_MPA - rho|",
                 "CPU / CPU(sector, n=10)", f"CPU / CPU(qutip, n={qutip_n})"),
        rows=rows,
        command=command or "symness bench strong-drive" + (" --quick" if quick else ""),
        parameters={"max_n": max_n, "memory_limit_gib": MEMORY_LIMIT_GIB, "threads": 1},
        notes=("each solve in a fresh subprocess (python -m symness.strong_drive.largest_n); "
               "peak RSS = VmHWM of that process, imports and the dense MPA check "
               "included; estimate = symness.lindblad.memory.sector_memory_estimate, made "
               "before the solve; CPU seconds of one thread, wall times on a shared machine "
               "are context only", "tolerance of the MPA claims: 1e-8 (PEER_AGREEMENT)"))


@benchmark("strong-drive", description="maximally driven chain: sector solver to n = 12 "
                                       "(13: 'python -m symness.strong_drive.bench --max-n 13'), "
                                       "CPU, measured peak memory, ratios to n = 10 and qutip")
def run(*, quick: bool) -> Table:
    """:func:`bench_table` up to ``n = 12`` (quick: ``n = 10``)."""
    return bench_table(QUICK_MAX_N if quick else DEFAULT_MAX_N, quick=quick)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``[--max-n 10..13] [--format text|md|csv|json] [--output PATH]``.

    A module entry point (like :mod:`.largest_n`), not a ``symness`` subcommand: the
    ``n = 13`` run is a one-off measurement of this machine, not a user command.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-n", type=int, default=DEFAULT_MAX_N)
    parser.add_argument("--format", choices=("text", "md", "csv", "json"), default="text")
    parser.add_argument("--output")
    args = parser.parse_args(argv)
    command = f"python -m symness.strong_drive.bench --max-n {args.max_n} --format {args.format}"
    command += f" --output {args.output}" if args.output else ""
    try:
        table = bench_table(args.max_n, command=command)
    except ParameterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_or_print(render(table, args.format), args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
