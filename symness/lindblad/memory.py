"""Memory estimate of a sector steady-state solve, computed before the solve.

:func:`sector_memory_estimate` counts the arrays that
:func:`.steady_state.steady_state` (``method="sector"``) keeps alive at its peak, for
a chain of ``n`` spins with one-site jumps (U(1) sectors ``m = 0 .. n`` of sizes
``C(n, m)``, mirror symmetry halving the unknowns), in bytes:

``krylov``
    GMRES basis, ``(restart + 2)`` real vectors of the independent unknowns
    ``N = sum_{m <= n/2} C(n, m)**2`` (an upper bound: scipy allocates the basis
    up front, but only the pages of the vectors used are resident).
``lyapunov``
    per independent sector ``A_m``, ``V``, ``V^{-1}`` and the denominators (four
    complex ``C(n,m)^2`` arrays) plus one more for LAPACK's work in ``eig``.
``blocks``
    Hamiltonian blocks and four complex block-diagonal operators alive in one
    matrix-vector product (``y``, ``rho``, ``J(rho)``, the result): five times
    ``16 C(2n, n)``.
``dense``
    the returned ``2**n x 2**n`` complex ``rho`` and five same-size temporaries of
    its checks (Hermitian part, ``rho - rho^†``, the Liouvillian's terms).
``base``
    the interpreter with numpy/scipy imported, measured at about 0.15 GB.

:func:`solve_cost` gives memory and time of every method of
:func:`.steady_state.steady_state` (``dense``, ``sparse``, ``sector``) as a
:class:`symness.resources.Cost`, each calibrated by measurement (one core, shared
machine, Prosen's chain at Delta = 1/2, eps = 1/10; peak RSS above the interpreter's):

==========  =====================  ==============================  =====================
method      measured               memory model                    time model
==========  =====================  ==============================  =====================
dense       n=5: 0.5 s, 55 MB;     ``3.5 x 16 x 16**n`` (the       ``16.6 s x 64**(n-6)``
            n=6: 16.6 s, 0.80 GB   dense generator, its LU copy,   (LU: ``(4**n)**3``)
                                   the sparse one)
sparse      n=5: 0.14 s; n=6:      ``0.21 GB x 12**(n-7)``         ``6 s x 100**(n-7)``
            0.25 s, 18 MB; n=7:    (fill-in, ratio n=6 -> 7)       (ratio > 100 at
            6 s, 0.21 GB                                           n=7 -> 8: > 10 min)
sector      n=8: 0.31 s; n=10:     :func:`sector_memory_estimate`  ``5.6 s x 4.2**(n-10)``
            5.6 s, 0.13 GB
==========  =====================  ==============================  =====================
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from math import comb

from symness.resources import BASE_BYTES, GIB, Cost, power
from symness.validation import require_choice, require_int

__all__ = ["MemoryEstimate", "sector_memory_estimate", "solve_cost", "GIB"]

_BASE = BASE_BYTES


@dataclass(frozen=True)
class MemoryEstimate:
    """Peak resident memory of a sector solve, by part (bytes)."""

    n: int
    krylov: float
    lyapunov: float
    blocks: float
    dense: float
    base: float = _BASE

    @property
    def total(self) -> float:
        """Sum of the parts (bytes)."""
        return self.krylov + self.lyapunov + self.blocks + self.dense + self.base

    def describe(self) -> str:
        """One line, in GiB with two significant digits (the estimate is not better)."""
        parts = ", ".join(f"{k} {getattr(self, k) / GIB:.2g}"
                          for k in ("krylov", "lyapunov", "blocks", "dense", "base"))
        return f"memory estimate n={self.n}: {self.total / GIB:.2g} GiB ({parts})"


def sector_memory_estimate(n: int, *, restart: int = 120) -> MemoryEstimate:
    """Estimate the peak memory of ``steady_state(..., method="sector")`` on ``n`` sites.

    Parameters
    ----------
    n : int
        Number of spins, ``n >= 2``.
    restart : int
        GMRES restart length (that of :func:`.solve_sector_steady_state`).
    """
    n = require_int(n, "n", minimum=2)
    sizes = [comb(n, m) for m in range(n + 1)]
    independent = sum(s * s for s in sizes[: n // 2 + 1])
    return MemoryEstimate(
        n=n,
        krylov=_bytes(8 * (restart + 2) * independent),
        lyapunov=_bytes(16 * 5 * independent),
        blocks=_bytes(16 * 5 * comb(2 * n, n)),
        dense=_bytes(16 * 6 * 4**n),
    )


def _bytes(count: int) -> float:
    """An exact byte count as a float; ``inf`` beyond float64 (n in the hundreds)."""
    return float(count) if count < 2**1000 else math.inf


def _dense_cost(n: int) -> Cost:
    return Cost(_BASE + 3.5 * 16.0 * power(16.0, n), 16.6 * power(64.0, n - 6))


def _sparse_cost(n: int) -> Cost:
    return Cost(_BASE + 0.21e9 * power(12.0, n - 7), 6.0 * power(100.0, n - 7))


def _sector_cost(n: int) -> Cost:
    return Cost(sector_memory_estimate(max(n, 2)).total, 5.6 * power(4.2, n - 10))


_COSTS = {"dense": _dense_cost, "sparse": _sparse_cost, "sector": _sector_cost}


def solve_cost(method: str, n: int) -> Cost:
    """Peak memory and wall time of ``steady_state(..., method=method)`` on ``n`` spins.

    Calibrated models of the module docstring (order of magnitude: a factor of two
    either way on a shared machine).

    Examples
    --------
    >>> solve_cost("dense", 6).seconds
    16.6
    """
    require_choice(method, "method", tuple(_COSTS))
    return _COSTS[method](require_int(n, "n", minimum=1))
