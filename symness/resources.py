"""Memory and time of a computation, estimated and checked before anything is allocated.

Every solver entry point describes its cost by a pure function ``size -> Cost``
(bytes at the peak and seconds on one core), calibrated by measurement at two or three
sizes and stated in the docstring of that function.  :func:`require_fits` compares the
estimate with the memory this machine has available (``MemAvailable`` of
``/proc/meminfo``) or a smaller limit, and refuses with one line naming the parameter,
the estimate and the largest size that fits::

    'n' = 20 needs about 1.1e+05 GiB (ness, method 'dense'), above the 22 GiB available;
    the largest 'n' that fits is 7

:func:`announce` prints the estimated time of a long-but-feasible run up front.  The
estimates are order-of-magnitude models (a factor of two either way on a shared
machine): they refuse what cannot run and warn about what will take long, they do not
predict to the second.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from symness.validation import ParameterError

__all__ = ["Cost", "GIB", "available_memory", "memory_budget", "largest_fitting",
           "require_fits", "announce", "ANNOUNCE_FROM", "MAX_TASKS", "require_task_count",
           "describe_bytes", "power", "peak_rss_gib"]

GIB = 2**30
#: Estimated wall times from this many seconds on are printed before the run starts.
ANNOUNCE_FROM = 30.0
#: Most tasks one sweep may hold (a task list is built in memory before it runs).
MAX_TASKS = 100_000
#: Resident size of the interpreter with numpy and scipy imported (measured: 0.15 GB).
BASE_BYTES = 0.15e9


@dataclass(frozen=True)
class Cost:
    """Estimated peak memory (bytes) and wall time (seconds, one core) of one run."""

    bytes: float
    seconds: float

    def __add__(self, other: "Cost") -> "Cost":
        return Cost(self.bytes + other.bytes, self.seconds + other.seconds)


def power(base: float, exponent: float) -> float:
    """``base**exponent`` for ``base > 1``, ``inf`` where float64 overflows (huge sizes).

    Examples
    --------
    >>> power(2.0, 10), power(2.0, 5000)
    (1024.0, inf)
    """
    return math.inf if exponent * math.log(base) > 709 else base**exponent


def describe_bytes(value: float) -> str:
    """``1.5 GiB``, ``2.3e+05 GiB``: two significant digits (the estimate is not better)."""
    if not math.isfinite(value):
        return "more than 1e+308 bytes"
    gib = value / GIB
    return f"{gib:.2g} GiB" if gib < 1e4 else f"{gib:.1e} GiB"


def available_memory() -> int:
    """Bytes the kernel can give this process now without swapping (``MemAvailable``).

    Read from ``/proc/meminfo``; elsewhere from ``psutil`` when installed, else the
    physical memory reported by ``os.sysconf``.
    """
    try:
        with open("/proc/meminfo") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        import psutil

        return int(psutil.virtual_memory().available)
    except ImportError:
        return int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))


def memory_budget(limit: float | None = None) -> float:
    """The smaller of the available memory and ``limit`` (bytes; ``None``: no extra limit)."""
    available = float(available_memory())
    return available if limit is None else min(available, float(limit))


def largest_fitting(cost: Callable[[int], Cost], low: int, high: int, budget: float, *,
                    step: int = 1) -> int | None:
    """Largest size ``low + k step <= high`` whose estimate fits ``budget`` (bytes).

    ``cost`` must grow with the size (bisection); ``None`` if even ``low`` does not fit.
    """
    if cost(low).bytes > budget:
        return None
    lo, hi = 0, (high - low) // step
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if cost(low + mid * step).bytes <= budget:
            lo = mid
        else:
            hi = mid - 1
    return low + lo * step


def require_fits(cost: Callable[[int], Cost], name: str, value: int, *, what: str,
                 minimum: int, limit: float | None = None, step: int = 1) -> Cost:
    """Return ``cost(value)``, or refuse before allocating when it exceeds the memory budget.

    Parameters
    ----------
    cost : callable
        ``size -> Cost``, increasing in the size.
    name : str
        The parameter the user gave (named in the message).
    value : int
        Its value.
    what : str
        The computation, e.g. ``"ness, method 'dense'"``.
    minimum : int
        Smallest allowed size (start of the search for the largest size that fits).
    limit : float, optional
        Extra cap in bytes (e.g. ``--max-memory``); the available memory always applies.
    step : int
        Allowed sizes are ``minimum + k step`` (e.g. even ring lengths).

    Raises
    ------
    ParameterError
        One line: the estimate, the budget, and the largest size that fits.

    Examples
    --------
    >>> require_fits(lambda n: Cost(8.0 * n, 1e-9 * n), "n", 10, what="demo", minimum=1)
    Cost(bytes=80.0, seconds=1e-08)
    """
    estimate = cost(value)
    available = float(available_memory())
    budget = available if limit is None else min(available, float(limit))
    if estimate.bytes <= budget:
        return estimate
    best = largest_fitting(cost, minimum, value, budget, step=step)
    hint = (f"the largest '{name}' that fits is {best}" if best is not None
            else f"even '{name}' = {minimum} does not fit")
    bound = (f"the memory limit {describe_bytes(budget)}" if budget < available
             else f"the {describe_bytes(budget)} available")
    raise ParameterError(f"'{name}' = {value} needs about {describe_bytes(estimate.bytes)} "
                         f"({what}), above {bound}; {hint}")


def announce(estimate: Cost, what: str, *, stream: TextIO | None = None,
             threshold: float = ANNOUNCE_FROM) -> bool:
    """Print the estimated time of a long run on ``stream`` (stderr); ``True`` if printed."""
    if not math.isfinite(estimate.seconds) or estimate.seconds < threshold:
        return False
    from symness.progress import format_seconds

    print(f"{what}: estimated time {format_seconds(estimate.seconds)} on one core, "
          f"memory {describe_bytes(estimate.bytes)} (order-of-magnitude estimate)",
          file=stream or sys.stderr)
    return True


def require_task_count(count: int, name: str, *, maximum: int = MAX_TASKS) -> int:
    """Refuse a sweep of more than ``maximum`` tasks before its task list is built.

    Examples
    --------
    >>> require_task_count(12, "seeds")
    12
    """
    if count > maximum:
        raise ParameterError(f"'{name}' gives {count} tasks, above the {maximum} one sweep may "
                             f"hold; split the sweep")
    return count


def peak_rss_gib() -> float:
    """Peak resident memory of this process so far, GiB (Linux ``VmHWM``, kB).

    Every resident page counts, including memory that C and Fortran libraries take with
    their own ``malloc`` (LAPACK work arrays, SuperLU factors), which ``tracemalloc``
    does not trace.  Not ``getrusage(...).ru_maxrss``: Linux carries that across
    ``execve``, so a process started from a large parent (a pytest worker) reports the
    parent's peak (measured: 1.03 GiB for a 0.55 GiB peak under a 1 GiB parent).
    """
    with open("/proc/self/status") as status:
        line = next(row for row in status if row.startswith("VmHWM:"))
    return int(line.split()[1]) * 1024 / GIB
