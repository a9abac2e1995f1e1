"""The package's BLAS/OpenMP thread pools: one thread each unless the user says otherwise.

Why one thread (measured, ``symness bench threads``; issue 25): the package's
linear algebra is small dense blocks (sector Lyapunov blocks, TEBD tensors of
bond dimension <= 96) and sparse products, which gain little from BLAS
threads, while parallel work runs as processes (``pytest -n 2``, sweep
workers).  On the shared 2-core machine ``symness ness --n 10`` took 62-69 s
with the libraries' default thread pools against 2.8 s with one thread
(oversubscription), so the package sets one thread where it runs.

Rules, applied once when :mod:`symness` is imported (:func:`configure`):

* ``SYMNESS_THREADS=N`` (N >= 1) sets every pool to N threads; ``SYMNESS_THREADS=0``
  leaves the libraries alone (their defaults);
* otherwise, if the user set any of :data:`ENV_VARS`, nothing is changed;
* otherwise every pool gets :data:`DEFAULT_THREADS` threads: the environment
  variables are set (libraries loaded later, and worker processes, read them)
  and pools already loaded are limited with ``threadpoolctl``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping

from symness.validation import ParameterError

__all__ = ["DEFAULT_THREADS", "ENV_VARS", "chosen_threads", "configure", "single_thread_env"]

#: Threads per pool when the user gave no preference (see the module docstring).
DEFAULT_THREADS = 1

#: Environment variables read by OpenMP, OpenBLAS, MKL, BLIS, Accelerate and numexpr.
ENV_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
            "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def chosen_threads(environ: MutableMapping[str, str]) -> int | None:
    """Threads per pool chosen for ``environ``; ``None`` means: do not touch the pools.

    Raises
    ------
    ValueError
        If ``SYMNESS_THREADS`` is not an integer >= 0.
    """
    given = environ.get("SYMNESS_THREADS", "").strip()
    if given:
        if not given.isdigit():
            raise ParameterError(f"'SYMNESS_THREADS' must be an integer >= 0 (got {given!r})")
        return int(given) or None
    if any(environ.get(var) for var in ENV_VARS):
        return None
    return DEFAULT_THREADS


def configure(environ: MutableMapping[str, str] | None = None) -> int | None:
    """Apply :func:`chosen_threads` to the environment and to loaded pools; returns it."""
    environ = os.environ if environ is None else environ
    threads = chosen_threads(environ)
    if threads is None:
        return None
    for var in ENV_VARS:
        environ[var] = str(threads)
    if "numpy" in sys.modules or "scipy" in sys.modules:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=threads)
    return threads


def single_thread_env(**extra: str) -> dict[str, str]:
    """``os.environ`` with every pool of :data:`ENV_VARS` at one thread, plus ``extra``.

    For a subprocess that measures single-threaded time (the benchmarks).
    """
    return dict(os.environ, **dict.fromkeys(ENV_VARS, "1"), **extra)
