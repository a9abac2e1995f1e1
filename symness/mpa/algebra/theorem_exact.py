"""The theorem of Prosen (2011) for symbolic Delta and mu by exact evaluation and a degree bound.

In the polynomial gauge of :mod:`symness.mpa.algebra.theorem` every coefficient of Z
(10) is a polynomial in Delta with rational coefficients, of degree at most
``d_Z`` (:func:`z_degree_bound`, a longest-path bound over the words of (10)).
With ``W = Z - Z^dag``, ``A = (D+ + D-)/2``, ``B = (D+ - D-)/2`` (so
``D = A + mu B``), ``rho(1) = mu W`` (8) and ``rho(2) = mu^2 W^2/2 -
mu [Z, Z^dag]/2`` (9) (both times 2^n), the recurrence (7) at p = 1, 2 is, power
by power of mu,

    (8)   mu^0:  A 1 = 0                 mu^1:  [H, W] = -B 1
    (9)   mu^1:  [H, [Z, Z^dag]] = 2 A W  mu^2:  [H, W^2] = -2 B W

and (12) ``[H, Z] = -sz_1 + sz_n``, (a') ``[Z, sz_1 - sz_n] = (D+ + D-) Z``,
(b') ``{Z, sz_1 - sz_n} = (D+ - D-) Z / 2``.  Each side is a matrix of
polynomials in Delta of degree at most ``2 d_Z + 1``, so if all of them hold
exactly at ``2 d_Z + 2`` distinct rational Delta they hold identically in Delta
(and in mu, coefficient by coefficient).  Each evaluation is exact rational
linear algebra on ``2^n x 2^n`` matrices: at integer Delta all of them are
integer matrices (``T_{2r+1}(Delta) - Delta`` is even), python-flint ``fmpz_mat``.
"""

from __future__ import annotations

from fractions import Fraction

import flint
import numpy as np
import sympy as sp

from symness.models.xxz_chain import pauli_parts
from symness.mpa.algebra.theorem import DELTA, gauge_matrices
from symness.mpa.open_points.point_ii_exact import site_op, z_exact
from symness.operators.pauli_matrix import exact_entries
from symness.validation import require_int

__all__ = ["z_degree_bound", "relations_at", "relations_symbolic"]


def z_degree_bound(n: int) -> int:
    """Upper bound on the Delta-degree of every coefficient of Z (10) on ``n`` sites."""
    n = require_int(n, "n", minimum=2)
    mats = gauge_matrices(n // 2 + 2)
    best = {0: 0}  # automaton state -> largest degree of a path reaching it
    for _ in range(n):
        new: dict[int, int] = {}
        for mat in mats.values():
            for (i, k), entry in mat.items():
                if i in best:
                    deg = best[i] + int(sp.degree(entry, DELTA))
                    new[k] = max(new.get(k, 0), deg)
        best = new
    return int(best[1])


def _integer_entries(entries: dict, n: int) -> flint.fmpz_mat:
    """``2**n x 2**n`` integer matrix from exact integer entries ``{(row, col): value}``."""
    out = flint.fmpz_mat(2**n, 2**n)
    for (row, col), value in entries.items():
        out[row, col] = int(value)
    return out


def _integer(x: flint.fmpq_mat) -> flint.fmpz_mat:
    numer, denom = x.numer_denom()
    if denom != 1:
        raise ArithmeticError("expected an integer matrix at integer Delta")
    return numer


class _Ops:
    """Exact integer H and the boundary dissipators (5) as index gathers on object arrays."""

    def __init__(self, n: int):
        self.n = n
        # H = hop + Delta zz: the open XXZChain's exact Pauli-sum parts (Pauli normalisation)
        self.hop, self.zz = (_integer_entries(exact_entries(part), n) for part in pauli_parts(n))
        self.sz = _integer(site_op("z", 0, n)) - _integer(site_op("z", n - 1, n))
        states = np.arange(2**n)
        self.bits = {j: (states >> (n - 1 - j)) & 1 for j in (0, n - 1)}  # 0 = up
        self.flip = {j: states ^ (1 << (n - 1 - j)) for j in (0, n - 1)}

    def _site(self, x: np.ndarray, j: int, sign: str) -> np.ndarray:
        """``2 s x s^dag - {s^dag s, x}`` with ``s = sigma^sign_j`` (sigma+ = |up><down|)."""
        target = 0 if sign == "+" else 1  # s maps bit (1 - target) to target
        keep = (self.bits[j] == 1 - target).astype(object)  # s^dag s = projector on source bit
        f = self.flip[j]
        hit = (self.bits[j] == target).astype(object)
        return (2 * hit[:, None] * hit[None, :] * x[np.ix_(f, f)]
                - keep[:, None] * x - x * keep[None, :])

    def dissipator_pm(self, x: flint.fmpz_mat, sign: str) -> flint.fmpz_mat:
        """``D+ x`` (sign '+') or ``D- x`` (sign '-') of (5)."""
        other = "-" if sign == "+" else "+"
        arr = np.array(x.tolist(), dtype=object)
        out = self._site(arr, 0, sign) + self._site(arr, self.n - 1, other)
        return flint.fmpz_mat(out.tolist())


def relations_at(n: int, delta: int, ops: _Ops | None = None) -> dict[str, bool]:
    """(8), (9) by powers of mu, (12), (a'), (b') exactly at one integer ``delta``."""
    ops = ops or _Ops(n)
    z = _integer(z_exact(n, Fraction(delta)))
    zd = z.transpose()
    h = ops.hop + delta * ops.zz

    def comm(a, b):
        return a * b - b * a

    one = flint.fmpz_mat(2**n, 2**n)
    for i in range(2**n):
        one[i, i] = 1
    plus, minus = (lambda x: ops.dissipator_pm(x, "+")), (lambda x: ops.dissipator_pm(x, "-"))
    w = z - zd
    sz = ops.sz
    zero = flint.fmpz_mat(2**n, 2**n)
    return {
        "(12)": comm(h, z) == -sz,
        "(8) mu^0": plus(one) + minus(one) == zero,
        "(8) mu^1": 2 * comm(h, w) == -(plus(one) - minus(one)),
        "(9) mu^1": comm(h, comm(z, zd)) == plus(w) + minus(w),
        "(9) mu^2": comm(h, w * w) == -(plus(w) - minus(w)),
        "(a')": comm(z, sz) == plus(z) + minus(z),
        "(b')": 2 * (z * sz + sz * z) == plus(z) - minus(z),
    }


def relations_symbolic(n: int) -> tuple[dict[str, bool], int]:
    """All relations for symbolic Delta (and mu): exact at ``2 d_Z + 2`` integer Delta.

    Returns the relation -> holds-at-every-point map and the number of points.
    """
    points, ops = 2 * z_degree_bound(n) + 2, _Ops(n)
    out: dict[str, bool] = {}
    for k in range(points):
        for key, ok in relations_at(n, k - points // 2, ops).items():
            out[key] = out.get(key, True) and ok
    return out, points
