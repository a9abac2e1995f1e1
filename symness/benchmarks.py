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
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from symness.outputs import Table

__all__ = ["benchmark", "registry", "load_all"]


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
