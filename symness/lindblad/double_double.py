"""Double-double arithmetic on numpy arrays (error-free transformations).

A double-double number is an unevaluated sum ``hi + lo`` of two float64 with
``|lo| <= ulp(hi)/2``: about 106 significant bits (unit round-off
``u_dd ~ 2^-104 ~ 5e-32``, Dekker (1971); Li et al., ACM TOMS 28 (2002) 152).
The building blocks are exact:

``two_sum(a, b)``
    ``s + e = a + b`` exactly, ``s = fl(a + b)`` (Knuth, 6 operations).
``two_prod(a, b)``
    ``p + e = a * b`` exactly, ``p = fl(a b)``, by Dekker's splitting into
    26-bit halves (valid while ``|a|, |b| < 2^996``; no fused multiply-add
    needed).

Complex double-double matrices are the :class:`CDD` quadruple (real and
imaginary parts).  :func:`sparse_times` multiplies a float64 sparse matrix
(:class:`SparseRows`), whose entries are taken as exact binary numbers, by a
:class:`CDD` matrix with one double-double rounding per product and per
addition (relative error a few ``u_dd`` times the number of terms per row).

numpy's ``longdouble`` is not an alternative here: on x86 it is the 80-bit
format (64-bit mantissa, ``u ~ 5e-20``), 11 bits more than float64 where the
refinement of :mod:`.refinement` needs about 50 more.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

__all__ = ["two_sum", "two_prod", "dd_add", "dd_scale", "CDD", "SparseRows", "sparse_times"]

_SPLITTER = 134217729.0  # 2^27 + 1


def two_sum(a, b):
    """``(s, e)`` with ``s = fl(a + b)`` and ``s + e = a + b`` exactly."""
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _split(a):
    c = _SPLITTER * a
    hi = c - (c - a)
    return hi, a - hi


def two_prod(a, b):
    """``(p, e)`` with ``p = fl(a b)`` and ``p + e = a b`` exactly (Dekker)."""
    p = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def dd_add(xh, xl, yh, yl):
    """Double-double ``x + y`` (the accurate two-sum variant)."""
    s, e = two_sum(xh, yh)
    t, f = two_sum(xl, yl)
    e = e + t
    s, e = s + e, e - ((s + e) - s)
    e = e + f
    hi = s + e
    return hi, e - (hi - s)


def dd_scale(xh, xl, b):
    """Double-double ``x * b`` for a float64 ``b`` (array or scalar)."""
    p, e = two_prod(xh, b)
    e = e + xl * b
    hi = p + e
    return hi, e - (hi - p)


@dataclass(frozen=True)
class CDD:
    """Complex double-double array ``(re_hi + re_lo) + i (im_hi + im_lo)``."""

    re_hi: np.ndarray
    re_lo: np.ndarray
    im_hi: np.ndarray
    im_lo: np.ndarray

    @classmethod
    def from_complex(cls, a: np.ndarray) -> CDD:
        """Exact embedding of a complex128 array."""
        a = np.asarray(a, dtype=complex)
        zero = np.zeros(a.shape)
        return cls(a.real.copy(), zero, a.imag.copy(), zero.copy())

    @classmethod
    def zeros(cls, shape) -> CDD:
        """Zero array of the given shape."""
        return cls(*(np.zeros(shape) for _ in range(4)))

    def to_complex(self) -> np.ndarray:
        """Rounded to complex128."""
        return (self.re_hi + self.re_lo) + 1j * (self.im_hi + self.im_lo)

    @property
    def T(self) -> CDD:  # noqa: N802 - numpy's name
        """Transpose (no conjugation)."""
        return CDD(self.re_hi.T, self.re_lo.T, self.im_hi.T, self.im_lo.T)

    @property
    def H(self) -> CDD:  # noqa: N802
        """Conjugate transpose."""
        return CDD(self.re_hi.T, self.re_lo.T, -self.im_hi.T, -self.im_lo.T)

    def __add__(self, other: CDD) -> CDD:
        return CDD(*dd_add(self.re_hi, self.re_lo, other.re_hi, other.re_lo),
                   *dd_add(self.im_hi, self.im_lo, other.im_hi, other.im_lo))

    def __neg__(self) -> CDD:
        return CDD(-self.re_hi, -self.re_lo, -self.im_hi, -self.im_lo)

    def __sub__(self, other: CDD) -> CDD:
        return self + (-other)

    def scale(self, b: float) -> CDD:
        """``b * self`` for a real float64 ``b``."""
        return CDD(*dd_scale(self.re_hi, self.re_lo, b), *dd_scale(self.im_hi, self.im_lo, b))

    def times_i(self) -> CDD:
        """``i * self`` (exact)."""
        return CDD(-self.im_hi, -self.im_lo, self.re_hi, self.re_lo)

    def frobenius(self) -> float:
        """``||self||_F`` rounded to float64."""
        return float(np.sqrt(np.sum((self.re_hi + self.re_lo) ** 2)
                             + np.sum((self.im_hi + self.im_lo) ** 2)))


@dataclass(frozen=True)
class SparseRows:
    """A float64/complex128 matrix as row-padded slots, for :func:`sparse_times`.

    ``a[i, cols[i, s]] = vals[i, s]`` (padding: value 0).  Entries are exact.
    """

    cols: np.ndarray
    vals: np.ndarray
    has_imag: bool

    @classmethod
    def of(cls, a) -> SparseRows:
        """Slots of a sparse or dense matrix."""
        a = sp.csr_matrix(a)
        a.sum_duplicates()
        counts = np.diff(a.indptr)
        width = max(int(counts.max(initial=0)), 1)
        rows = np.repeat(np.arange(a.shape[0]), counts)
        slot = np.arange(a.nnz) - a.indptr[rows]
        cols = np.zeros((a.shape[0], width), dtype=np.intp)
        vals = np.zeros((a.shape[0], width), dtype=a.dtype)
        cols[rows, slot] = a.indices
        vals[rows, slot] = a.data
        return cls(cols, vals, bool(np.iscomplexobj(vals) and np.any(vals.imag)))


def sparse_times(a: SparseRows, x: CDD) -> CDD:
    """``a @ x`` in double-double, ``a`` given by :meth:`SparseRows.of`.

    Each product ``a_ik x_kj`` is formed with :func:`two_prod` and the terms of
    a row are accumulated with :func:`dd_add`.
    """
    out = CDD.zeros((a.cols.shape[0], x.re_hi.shape[1]))
    for s in range(a.cols.shape[1]):
        c = a.cols[:, s]
        rows = CDD(x.re_hi[c], x.re_lo[c], x.im_hi[c], x.im_lo[c])
        term = rows.scale(np.real(a.vals[:, s])[:, None])
        if a.has_imag:
            term = term + rows.times_i().scale(np.imag(a.vals[:, s])[:, None])
        out = out + term
    return out
