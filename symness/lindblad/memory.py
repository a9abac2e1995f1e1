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
"""

from __future__ import annotations

from dataclasses import dataclass
from math import comb

from symness.validation import require_int

__all__ = ["MemoryEstimate", "sector_memory_estimate", "GIB"]

GIB = 2**30
_BASE = 0.15e9


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
        krylov=8.0 * (restart + 2) * independent,
        lyapunov=16.0 * 5 * independent,
        blocks=16.0 * 5 * comb(2 * n, n),
        dense=16.0 * 6 * 4**n,
    )
