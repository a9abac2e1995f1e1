"""Benchmark ``ness``: the U(1)-sector steady-state solver against ``qutip.steadystate``.

Model: Prosen (2011), eqs. (1)-(3), ``Delta = 1/2``, ``mu = 1``, ``eps = 1e-3``.
Every solve runs in its own subprocess (single-threaded BLAS), so that its
peak resident memory (:func:`symness.resources.peak_rss_gib`) can be reported next to the RSS after
imports; the steady states are written to ``.npy`` files and compared in the
parent.  Absolute times are for context; the ratio qutip/symness is the figure.
It is taken on CPU time (``time.process_time`` of the single-threaded solve),
which a shared, loaded machine distorts much less than wall time.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from math import comb
from pathlib import Path

import numpy as np

from symness.benchmarks import benchmark
from symness.lindblad.memory import GIB, sector_memory_estimate
from symness.outputs import Table
from symness.threads import single_thread_env

__all__ = ["run", "MEMORY_LIMIT_GIB"]

#: Sizes whose memory estimate exceeds this are refused (the share of a shared 24 GiB machine).
MEMORY_LIMIT_GIB = 6

_PRELUDE = """
import json, sys, time
import numpy as np
from symness.resources import peak_rss_gib
from symness.models.xxz_boundary_driven import (DISSIPATOR, XXZDrive, hamiltonian,
                                                 jump_operators)
n, out = int(sys.argv[1]), sys.argv[2]
params = XXZDrive(n, 0.5, 1.0, 1e-3)
h, jumps = hamiltonian(n, 0.5), jump_operators(params)
"""

_SOLVERS = {
    "symness": """
from symness.lindblad.steady_state import steady_state
rss0 = peak_rss_gib()
start, cpu = time.perf_counter(), time.process_time()
ss = steady_state(h, jumps, dissipator=DISSIPATOR)
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
rho, extra = ss.rho, {"iterations": ss.iterations, "method": ss.method,
                      "relative_residual": ss.checks.relative_residual}
""",
    "qutip": """
import qutip
dims = [[2] * n, [2] * n]
hq = qutip.Qobj(h, dims=dims)
cq = [qutip.Qobj(np.sqrt(2) * a, dims=dims) for a in jumps]  # D_prosen[L] = D_std[sqrt2 L]
rss0 = peak_rss_gib()
start, cpu = time.perf_counter(), time.process_time()
rho = qutip.steadystate(hq, cq).full()
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
extra = {}
""",
}

_EPILOGUE = """
np.save(out, rho)
peak = peak_rss_gib()
print(json.dumps({"seconds": seconds, "cpu": cpu, "rss0_mib": rss0 * 1024,
                  "peak_mib": peak * 1024} | extra))
"""


def _solve_in_subprocess(solver: str, n: int, folder: Path, timeout: float) -> dict | None:
    """Run one solve; ``None`` if it exceeds ``timeout`` seconds."""
    out = folder / f"{solver}_{n}.npy"
    env = single_thread_env(PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    code = _PRELUDE + _SOLVERS[solver] + _EPILOGUE
    try:
        proc = subprocess.run([sys.executable, "-c", code, str(n), str(out)], env=env,
                              capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        raise RuntimeError(f"{solver} n={n} failed: {exc.stderr.strip().splitlines()[-1]}") \
            from exc
    return json.loads(proc.stdout.strip().splitlines()[-1]) | {"rho": np.load(out)}


@benchmark("ness", description="U(1)-sector steady state vs qutip.steadystate "
                               "(Prosen 2011 chain; times, ratio, peak memory)")
def run(*, quick: bool) -> Table:
    """Time symness and qutip side by side (n = 6, 7, 8; quick: 6, 7), then symness alone.

    symness alone runs at n = 9, 10 (quick: 8); the full run adds n = 11, 12 and 13.
    qutip is skipped when not importable, and reported as a timeout beyond
    ``qutip_timeout`` seconds.  Every row shows the memory estimate made before the
    solve (:func:`.sector_memory_estimate`); a size whose estimate exceeds
    :data:`MEMORY_LIMIT_GIB` is reported as refused, not solved.  The full run
    also gives each CPU time relative to ``n = 10`` in the same run.
    """
    import importlib.util

    have_qutip = importlib.util.find_spec("qutip") is not None
    paired = (6, 7) if quick else (6, 7, 8)
    alone = (8,) if quick else (9, 10, 11, 12, 13)
    qutip_timeout = 1800.0
    rows, cpu = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in paired + alone:
            estimate = sector_memory_estimate(n).total / GIB
            if estimate > MEMORY_LIMIT_GIB:
                rows.append((n, comb(2 * n, n), f"{estimate:.2g}",
                             f"refused: estimate > {MEMORY_LIMIT_GIB} GiB", "-", "-", "-",
                             "-", "-", "-", "-"))
                continue
            ours = _solve_in_subprocess("symness", n, folder, timeout=3600.0)
            cpu[n] = ours["cpu"]
            theirs = (_solve_in_subprocess("qutip", n, folder, timeout=qutip_timeout)
                      if have_qutip and n in paired else None)
            ratio = diff = q_time = q_mem = "-"
            if theirs is not None:
                ratio = f"{theirs['cpu'] / ours['cpu']:.1f}"
                diff = f"{np.abs(ours['rho'] - theirs['rho']).max():.1e}"
                q_time = f"{theirs['cpu']:.2f} ({theirs['seconds']:.2f})"
                q_mem = f"{theirs['peak_mib']:.0f}"
            elif have_qutip and n in paired:
                q_time = ratio = f"> {qutip_timeout:.0f} s wall (timeout)"
            rows.append((n, comb(2 * n, n), f"{estimate:.2g}",
                         f"{ours['cpu']:.2f} ({ours['seconds']:.2f})",
                         ours["iterations"], f"{ours['peak_mib']:.0f} ({ours['rss0_mib']:.0f})",
                         "-", q_time, q_mem, ratio, diff))
    if 10 in cpu:
        col = 6  # "CPU / CPU(n=10)"
        rows = [row if row[0] not in cpu else (*row[:col], f"{cpu[row[0]] / cpu[10]:.2f}",
                                                *row[col + 1:]) for row in rows]
    return Table(
        title="Steady state of the driven XXZ chain (Delta=1/2, mu=1, eps=1e-3): "
              "symness sector GMRES vs qutip.steadystate",
        columns=("n", "unknowns C(2n,n)", "estimate GiB", "symness CPU s (wall)", "GMRES it",
                 "symness peak MiB (after imports)", "CPU / CPU(n=10)", "qutip CPU s (wall)",
                 "qutip peak MiB", "qutip/symness (CPU)", "max|rho-rho_qutip|"),
        rows=rows, command="symness bench ness" + (" --quick" if quick else ""),
        parameters={"delta": "1/2", "mu": "1", "eps": "1/1000", "threads": 1},
        notes=("each solve in its own subprocess, OMP_NUM_THREADS=1; symness times include "
               "the state checks",))
