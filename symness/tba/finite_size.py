"""Finite-size error model of the ring ED used against the thermal TBA (Fig. 1, beta <= 5).

Written before the beta = 4, 5 comparison was run.  On a ring of L sites the thermal
expectation value of a local operator approaches its L -> oo limit exponentially,
ED(L) - ED(oo) ~ A exp(-L / xi(beta)) (possibly alternating with the parity of L/2), with
xi growing with beta (for a Luttinger liquid, xi ~ v beta).  The model is read off the data
across sizes L = 10, 12, 14 only: with the successive differences d_1 = ED(12) - ED(10),
d_2 = ED(14) - ED(12) and r = |d_2 / d_1|, the geometric tail bounds

    |ED(14) - ED(oo)| <= |d_2| r / (1 - r)          (r < 1),

and the estimate of the finite-size error is twice that bound.  r >= 1 means the sizes are
not yet in the exponential regime: no estimate (the comparison fails).  L = 16 is not used:
its S^z = 0 sector (12870 states) needs a dense eigendecomposition of ~2.6 GB and ~0.5 h of
one core, beyond this project's budget for a claim.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from symness.validation import ParameterError

__all__ = ["FiniteSizeEstimate", "geometric_tail"]


@dataclass(frozen=True)
class FiniteSizeEstimate:
    """ED values at increasing sizes, the ratio r of successive differences, and the error."""

    values: tuple[float, ...]
    ratio: float
    error: float


def geometric_tail(values: tuple[float, ...], safety: float = 2.0) -> FiniteSizeEstimate:
    """Error of the last of three ED values (sizes L - 4, L - 2, L) by the geometric tail.

    Returns ``error = inf`` when r >= 1 (not in the exponential regime).
    """
    if len(values) != 3:
        raise ParameterError(f"'values' must hold three sizes (got {len(values)})")
    d1, d2 = values[1] - values[0], values[2] - values[1]
    if d1 == 0:
        return FiniteSizeEstimate(tuple(values), 0.0 if d2 == 0 else math.inf,
                                  0.0 if d2 == 0 else math.inf)
    r = abs(d2 / d1)
    error = safety * abs(d2) * r / (1 - r) if r < 1 else math.inf
    return FiniteSizeEstimate(tuple(values), r, error)
