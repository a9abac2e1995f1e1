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

__all__ = ["RapidityGrid", "refined", "Convolution"]


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
    """Return the grid used for the error estimate: half the step, cutoff + 2."""
    return RapidityGrid(step=grid.step / 2, cutoff=grid.cutoff + 2.0)


class Convolution:
    """The block convolution (K f)_j(lambda_i) = sum_k int T_jk(lambda_i - mu) f_k(mu) dmu.

    Trapezoid rule on ``grid``; applied with FFTs (the grid is uniform, so K is a block
    Toeplitz matrix): O(s^2 N log N) per application, no dense matrix is stored.

    Parameters
    ----------
    content : StringContent
    grid : RapidityGrid
    """

    def __init__(self, content: StringContent, grid: RapidityGrid) -> None:
        self.content, self.grid = content, grid
        n = grid.size
        self._n = n
        self._m = 1 << int(np.ceil(np.log2(3 * n - 2)))
        diffs = np.arange(-(n - 1), n) * grid.step
        t = kernel_matrix_function(content, diffs) * grid.step  # (s, s, 2n - 1)
        self._kernel_fft = np.fft.rfft(t, self._m, axis=-1)

    def __call__(self, f: np.ndarray) -> np.ndarray:
        """K f for f of shape (..., s, N)."""
        ff = np.fft.rfft(f, self._m, axis=-1)
        prod = np.einsum("jkm,...km->...jm", self._kernel_fft, ff)
        full = np.fft.irfft(prod, self._m, axis=-1)
        return full[..., self._n - 1: 2 * self._n - 1]
