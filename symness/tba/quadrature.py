"""Rapidity grid: the trapezoid rule on a uniform, symmetric, truncated grid.

All functions the solvers integrate are analytic in a strip around the real axis and
decay like exp(-2|lambda|) (the constant asymptotes are split off analytically, see
``thermal``), so the trapezoid rule converges geometrically in the step and the
truncation error is exp(-2 * cutoff) times the amplitude.  The error of a result is
estimated by repeating it on a grid with half the step and a larger cutoff
(:func:`refined`), and reported with it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from symness.tba.kernels import kernel_matrix_function
from symness.tba.strings import StringContent
from symness.validation import require_real

__all__ = ["RapidityGrid", "refined", "convolution_matrix"]


@dataclass(frozen=True)
class RapidityGrid:
    """Uniform grid lambda_i = (i - M) * step, i = 0 .. 2M, with M = ceil(cutoff/step).

    Attributes
    ----------
    step : float
        Grid spacing (trapezoid weight of every point).
    cutoff : float
        Half-width of the truncated real line.
    """

    step: float = 0.05
    cutoff: float = 16.0

    def __post_init__(self) -> None:
        require_real(self.step, "step", minimum=0, maximum=1, open_minimum=True)
        require_real(self.cutoff, "cutoff", minimum=1, maximum=200)

    @property
    def points(self) -> np.ndarray:
        """The rapidities, shape (2M + 1,)."""
        m = math.ceil(self.cutoff / self.step)
        return self.step * np.arange(-m, m + 1, dtype=float)

    @property
    def size(self) -> int:
        """Number of grid points."""
        return 2 * math.ceil(self.cutoff / self.step) + 1

    def integrate(self, values: np.ndarray) -> np.ndarray:
        """Trapezoid integral over the last axis (end points carry negligible weight)."""
        return self.step * np.sum(values, axis=-1)


def refined(grid: RapidityGrid) -> RapidityGrid:
    """The grid used for the error estimate: half the step, cutoff + 2."""
    return RapidityGrid(step=grid.step / 2, cutoff=grid.cutoff + 2.0)


def convolution_matrix(content: StringContent, grid: RapidityGrid) -> np.ndarray:
    """Block matrix K with (K f)_j(lambda_i) = sum_k int T_jk(lambda_i - mu) f_k(mu) dmu.

    Shape (s N, s N), species-major: index j * N + i.
    """
    lam = grid.points
    n = lam.size
    diffs = np.arange(-(n - 1), n) * grid.step
    t = kernel_matrix_function(content, diffs) * grid.step  # (s, s, 2n - 1)
    idx = (np.arange(n)[:, None] - np.arange(n)[None, :]) + (n - 1)
    s = content.species
    return t[:, :, idx].transpose(0, 2, 1, 3).reshape(s * n, s * n)
