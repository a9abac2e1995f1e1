"""Degenerate levels of a spectrum: the one grouping routine of degenerate perturbation theory.

Papers 000 (the eps-expansion (6)-(7) in the eigenbasis of H), 001 (eqs. (25)-(27):
``H1`` diagonalised inside the eigenspaces of ``H0``) and 004 (the conserved ``|n><m|``
with ``E_n = E_m`` of eq. (11)) all group the float64 eigenvalues of a Hermitian
matrix into degenerate levels.  :func:`degenerate_levels` does it once: sorted
eigenvalues (optionally within symmetry sectors such as magnetisation or momentum)
whose consecutive gaps are ``<= tol`` form one level.

The grouping is certified a posteriori by the two numbers it returns: the largest
spread inside a level (round-off, ``~ u ||H||``) must lie far below ``tol`` and the
smallest gap between levels far above it.  The default is
:data:`symness.tolerance.DEGENERACY`; a caller that needs another value passes it
and says why.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from symness import tolerance

__all__ = ["DegenerateLevels", "degenerate_levels"]


@dataclass(frozen=True)
class DegenerateLevels:
    """Degenerate levels of a spectrum.

    Attributes
    ----------
    label : ndarray of int
        Level of each eigenvalue, ``0 .. count - 1`` in order of (sector, energy);
        equal labels form one degenerate level.
    spread : float
        Largest ``max - min`` of the eigenvalues inside one level.
    gap : float
        Smallest gap ``> tol`` between consecutive eigenvalues of one sector
        (``inf`` if there is none).
    tol : float
        The grouping tolerance used.
    order : ndarray of int
        The eigenvalue indices sorted by (sector, energy), ties in index order.
    """

    label: np.ndarray
    spread: float
    gap: float
    tol: float
    order: np.ndarray

    @property
    def count(self) -> int:
        """Number of degenerate levels."""
        return int(self.label.max()) + 1 if self.label.size else 0

    def groups(self) -> list[np.ndarray]:
        """Index arrays of the levels, in label order, each sorted by energy."""
        return np.split(self.order, np.flatnonzero(np.diff(self.label[self.order])) + 1)


def degenerate_levels(energies, tol: float = tolerance.DEGENERACY, *,
                      sectors=None) -> DegenerateLevels:
    """Group eigenvalues whose consecutive gaps (within a sector) are ``<= tol``.

    Parameters
    ----------
    energies : (d,) array_like of float
        Eigenvalues, in any order.
    tol : float
        Absolute grouping tolerance (``>= 0``).
    sectors : (d,) array_like of int, optional
        Symmetry labels (e.g. momentum); levels never join across sectors.

    Returns
    -------
    DegenerateLevels

    Examples
    --------
    >>> levels = degenerate_levels([0.0, 1.0, 1e-12, 2.0], tol=1e-9)
    >>> levels.label.tolist(), levels.count
    ([0, 1, 0, 2], 3)
    >>> degenerate_levels([0.0, 0.0], sectors=[0, 1]).label.tolist()
    [0, 1]
    """
    energies = np.asarray(energies, dtype=float)
    sectors = np.zeros(energies.size, dtype=int) if sectors is None else np.asarray(sectors)
    order = np.lexsort((energies, sectors))
    e, s = energies[order], sectors[order]
    step = np.diff(e)
    same_sector = s[1:] == s[:-1]
    breaks = ~same_sector | (step > tol)
    label = np.empty(energies.size, dtype=int)
    label[order] = np.concatenate([[0], np.cumsum(breaks)]) if energies.size else []
    between = step[same_sector & breaks]
    return DegenerateLevels(label=label, spread=_largest_spread(e, breaks),
                            gap=float(between.min()) if between.size else np.inf,
                            tol=float(tol), order=order)


def _largest_spread(sorted_energies: np.ndarray, breaks: np.ndarray) -> float:
    """``max(max - min)`` over the runs of ``sorted_energies`` cut at ``breaks``."""
    if sorted_energies.size == 0:
        return 0.0
    runs = np.split(sorted_energies, np.flatnonzero(breaks) + 1)
    return max(float(r[-1] - r[0]) for r in runs)
