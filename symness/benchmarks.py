"""Benchmark registry: ratios against a baseline run side by side.

A benchmark measures the symness method and a baseline (a peer library or the
naive method) on the same problem, in the same process, and reports the ratio;
absolute times are for context only (machines are shared and noisy).  Packages
register benchmarks in their own ``bench.py``; ``symness bench`` runs them and
``tests/benchmarks/`` wraps them for pytest.  Timed assertions never appear in
the test suite.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from symness.outputs import Table
from symness.threads import ENV_VARS

__all__ = ["benchmark", "registry", "load_all", "THREAD_SETTINGS"]


@dataclass(frozen=True)
class _Bench:
    name: str
    description: str
    run: Callable[..., Table]


#: Registered benchmarks; ``run(quick: bool) -> Table``.
registry: dict[str, _Bench] = {}


def benchmark(name: str, *, description: str):
    """Register ``run(*, quick: bool) -> Table`` as benchmark ``name``."""

    def decorate(run: Callable[..., Table]) -> Callable[..., Table]:
        if name in registry:
            raise ValueError(f"benchmark {name!r} is registered twice")
        registry[name] = _Bench(name, description, run)
        return run

    return decorate


def load_all() -> dict[str, _Bench]:
    """Import every ``symness/<package>/bench.py`` and return the registry."""
    import symness

    for info in pkgutil.iter_modules(symness.__path__):
        name = f"symness.{info.name}.bench"
        if info.ispkg and importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
    return registry


#: Environments compared by ``symness bench threads``: name -> (variables removed, set).
THREAD_SETTINGS = {
    "default environment (package sets 1)": ((*ENV_VARS, "SYMNESS_THREADS"), {}),
    "OMP_NUM_THREADS=1 etc.": (("SYMNESS_THREADS",), dict.fromkeys(ENV_VARS, "1")),
    "library defaults (SYMNESS_THREADS=0)": (ENV_VARS, {"SYMNESS_THREADS": "0"}),
}


def _timed_cli(argv: list[str], removed: tuple[str, ...], added: dict) -> tuple[float, float]:
    """Wall and CPU seconds (children's user + system) of ``python -m symness ARGV``."""
    env = {k: v for k, v in os.environ.items() if k not in removed} | added
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "symness", *argv], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@benchmark("threads", description="thread control: default environment vs OMP_NUM_THREADS=1 "
                                  "vs the libraries' default pools (wall-time ratios)")
def thread_benchmark(*, quick: bool) -> Table:
    """Run the same CLI workloads under the three :data:`THREAD_SETTINGS`, interleaved.

    Workloads: ``ness`` (sector GMRES, Prosen 2011 chain) at n = 9 (quick) or
    n = 9, 10, and ``mps ness`` (TEBD, L = 8, energy current) in the full run.
    Each is repeated (3 rounds, quick: 2) in rotating order and the median wall
    time (the slower of the two in quick mode) is reported with its ratio to the
    ``OMP_NUM_THREADS=1`` run.  On the shared 2-core machine under load the library
    defaults took 12-14 times the one-thread wall time for ``ness --n 9`` (quick mode,
    two runs), and the TEBD workload over 8 min against 8 s.
    """
    workloads = [["ness", "--n", "9", "--delta", "1/2", "--mu", "1", "--eps", "1e-3"]]
    if not quick:
        workloads += [["ness", "--n", "10", "--delta", "1/2", "--mu", "1", "--eps", "1e-3"],
                      ["mps", "ness", "--L", "8", "--delta", "1", "--h", "0.6", "--seed", "0",
                       "--chi", "32", "--currents", "energy"]]
    rounds = 2 if quick else 3
    names = list(THREAD_SETTINGS)
    rows = []
    for argv in workloads:
        walls = {name: [] for name in names}
        cpus = {name: [] for name in names}
        for r in range(rounds):
            for name in names[r % len(names):] + names[:r % len(names)]:
                wall, cpu = _timed_cli(argv, *THREAD_SETTINGS[name])
                walls[name].append(wall)
                cpus[name].append(cpu)
        base = sorted(walls[names[1]])[rounds // 2]
        for name in names:
            wall = sorted(walls[name])[rounds // 2]
            rows.append(("symness " + " ".join(argv), name, f"{wall:.2f}",
                         f"{sorted(cpus[name])[rounds // 2]:.2f}", f"{wall / base:.2f}"))
    return Table(
        title="BLAS/OpenMP threads: median wall time per setting (symness.threads)",
        columns=("command", "threads", "wall s", "CPU s", "wall / OMP_NUM_THREADS=1"),
        rows=rows, command="symness bench threads" + (" --quick" if quick else ""),
        parameters={"rounds": rounds, "cores": os.cpu_count()},
        notes=("each run is a fresh subprocess (imports included); times vary with machine "
               "load, the ratios are the result",))
