"""Product kernels of the Pauli-string algebra on ``{(x, z): (re, im)}`` term dictionaries.

Terms are stored as in :mod:`symness.operators.pauli`: key ``(x, z)`` (bit ``j``
= site ``j``), value ``(re, im)``, two elements of a real sympy domain ``K``
with ``None`` for an exact zero part.  The product of two strings is

    P(x1,z1) P(x2,z2) = i^k P(x1^x2, z1^z2),
    k = |x1&z1| + |x2&z2| + 2|z1&x2| - |x3&z3|  (mod 4).

Two implementations:

* :func:`products` (used for ``n <= 64``): the bit algebra of all pairs is done
  with numpy ``uint64`` arrays and ``bitwise_count``; the coefficient products
  run as numpy object-array ufuncs (one C loop calling the domain's ``__mul__``),
  and equal strings are summed after a ``lexsort`` with ``np.add.reduceat``.
* :func:`products_reference`: a plain double loop over the terms, any ``n``.
  It is the reference the vectorised kernel is tested against.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat

import numpy as np
from sympy.polys.domains import Domain

__all__ = ["products", "products_reference", "accumulate", "complex_mul", "popcount",
           "MAX_VECTOR_SITES"]

#: Largest ``n`` for the vectorised kernel (bits held in ``uint64``).
MAX_VECTOR_SITES = 64
#: Pairs of strings processed per block (bounds the temporary object arrays).
_BLOCK_PAIRS = 1 << 18

_BYTE_POPCOUNT = np.array([bin(b).count("1") for b in range(256)], dtype=np.int64)


def popcount(a: np.ndarray) -> np.ndarray:
    """Count the set bits of each element of a ``uint64`` array (result ``int64``)."""
    if hasattr(np, "bitwise_count"):  # numpy >= 2.0
        return np.bitwise_count(a).astype(np.int64)
    a = np.ascontiguousarray(a, dtype=np.uint64)
    return _BYTE_POPCOUNT[a.view(np.uint8).reshape(*a.shape, 8)].sum(axis=-1)


def complex_mul(a1, b1, a2, b2):
    """``(a1 + i b1)(a2 + i b2)`` on pairs with ``None`` for zero parts -> ``(re, im)``."""
    re = im = None
    if a1 is not None and a2 is not None:
        re = a1 * a2
    if b1 is not None and b2 is not None:
        re = -(b1 * b2) if re is None else re - b1 * b2
    if a1 is not None and b2 is not None:
        im = a1 * b2
    if b1 is not None and a2 is not None:
        im = b1 * a2 if im is None else im + b1 * a2
    return re, im


def _collect(re_acc: dict, im_acc: dict, K: Domain) -> dict:
    """Merge real and imaginary accumulators into pairs, dropping exact zeros."""
    out = {}
    is_zero = K.is_zero
    for key, a in re_acc.items():
        if not is_zero(a):
            out[key] = (a, None)
    for key, b in im_acc.items():
        if not is_zero(b):
            a = out.get(key)
            out[key] = (None if a is None else a[0], b)
    return out


def accumulate(signed: Iterable[tuple[dict, int]], K: Domain) -> dict:
    """Sum term dictionaries with signs ``±1``; exact zeros dropped."""
    re_acc: dict = {}
    im_acc: dict = {}
    zero = K.zero
    for pairs, sign in signed:
        for key, (a, b) in pairs.items():
            if a is not None:
                old = re_acc.get(key, zero)
                re_acc[key] = old + a if sign > 0 else old - a
            if b is not None:
                old = im_acc.get(key, zero)
                im_acc[key] = old + b if sign > 0 else old - b
    return _collect(re_acc, im_acc, K)


def products_reference(left: dict, right: dict, K: Domain, select: int | None) -> dict:
    """``sum c1 c2 P1 P2`` over pairs of strings, by a plain double loop (any ``n``).

    ``select=1`` keeps only anticommuting pairs, ``select=0`` only commuting ones.
    """
    zero = K.zero
    re_acc: dict = {}
    im_acc: dict = {}
    rows = [(x, z, (x & z).bit_count(), a, b) for (x, z), (a, b) in right.items()]
    for (x1, z1), (a1, b1) in left.items():
        p1 = (x1 & z1).bit_count()
        for x2, z2, p2, a2, b2 in rows:
            c = (z1 & x2).bit_count()
            if select is not None and (c + (x1 & z2).bit_count()) & 1 != select:
                continue
            x3, z3 = x1 ^ x2, z1 ^ z2
            k = (p1 + p2 + 2 * c - (x3 & z3).bit_count()) & 3
            re, im = complex_mul(a1, b1, a2, b2)
            if k & 1:  # times i: (-im, re); times -i: (im, -re)
                re, im = im, re
            key = (x3, z3)
            if re is not None:
                old = re_acc.get(key, zero)
                re_acc[key] = old + re if k in (0, 3) else old - re
            if im is not None:
                old = im_acc.get(key, zero)
                im_acc[key] = old + im if k in (0, 1) else old - im
    return _collect(re_acc, im_acc, K)


# ------------------------------------------------------------ vectorised
def _object_array(values: list) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):  # element-wise: some domain elements are dict subclasses
        out[i] = v
    return out


class _Terms:
    """Column arrays of a term dictionary: ``x, z, |x&z|`` and object arrays ``re, im``."""

    def __init__(self, pairs: dict, K: Domain) -> None:
        keys = list(pairs)
        self.x = np.array([k[0] for k in keys], dtype=np.uint64)
        self.z = np.array([k[1] for k in keys], dtype=np.uint64)
        self.p = popcount(self.x & self.z)
        values = list(pairs.values())
        self.real = all(b is None for _, b in values)
        self.re = _object_array([K.zero if a is None else a for a, _ in values])
        self.im = None if self.real else _object_array(
            [K.zero if b is None else b for _, b in values])


def _group_sum(x: np.ndarray, z: np.ndarray, v: np.ndarray):
    """Sum the values ``v`` of equal keys ``(x, z)``."""
    if len(v) == 0:
        return x, z, v
    order = np.lexsort((z, x))
    x, z, v = x[order], z[order], v[order]
    starts = np.flatnonzero(np.r_[True, (x[1:] != x[:-1]) | (z[1:] != z[:-1])])
    return x[starts], z[starts], np.add.reduceat(v, starts)


def _block(a: _Terms, b: _Terms, lo: int, hi: int, select: int | None):
    """Products of left terms ``lo:hi`` with all right terms -> per channel ``(x, z, values)``."""
    xl, zl, pl = a.x[lo:hi, None], a.z[lo:hi, None], a.p[lo:hi, None]
    c = popcount(zl & b.x)
    if select is None:
        rows, cols = np.indices((hi - lo, len(b.x))).reshape(2, -1)
    else:
        rows, cols = np.nonzero(((c + popcount(xl & b.z)) & 1) == select)
        c = c[rows, cols]
    rows_global = rows + lo
    x3 = a.x[rows_global] ^ b.x[cols]
    z3 = a.z[rows_global] ^ b.z[cols]
    k = (pl[rows, 0] + b.p[cols] + 2 * c.ravel() - popcount(x3 & z3)) & 3
    ar, br = a.re[rows_global], b.re[cols]
    if a.real and b.real:
        # a real product c lands in the real part (k even) or the imaginary part (k odd),
        # negated for k = 2, 3
        v = ar * br
        neg = k >= 2
        v[neg] = -v[neg]
        odd = (k & 1).astype(bool)
        return ((x3[~odd], z3[~odd], v[~odd]), (x3[odd], z3[odd], v[odd]))
    re = ar * br
    im = None
    if a.im is not None and b.im is not None:
        re = re - a.im[rows_global] * b.im[cols]
    if b.im is not None:
        im = ar * b.im[cols]
    if a.im is not None:
        term = a.im[rows_global] * br
        im = term if im is None else im + term
    odd = (k & 1).astype(bool)
    out_re = np.where(odd, im, re)
    out_im = np.where(odd, re, im)
    neg_re = (k == 1) | (k == 2)
    neg_im = k >= 2
    out_re[neg_re] = -out_re[neg_re]
    out_im[neg_im] = -out_im[neg_im]
    return ((x3, z3, out_re), (x3, z3, out_im))


def products(left: dict, right: dict, K: Domain, select: int | None) -> dict:
    """Vectorised :func:`products_reference` (same result; needs ``n <= 64``)."""
    if not left or not right:
        return {}
    a, b = _Terms(left, K), _Terms(right, K)
    step = max(1, _BLOCK_PAIRS // len(b.x))
    channels: tuple[list, list] = ([], [])
    for lo in range(0, len(a.x), step):
        for acc, part in zip(channels, _block(a, b, lo, min(lo + step, len(a.x)), select)):
            acc.append(_group_sum(*part))
    grouped = []
    for parts in channels:
        x, z, v = (np.concatenate([p[i] for p in parts]) for i in range(3))
        grouped.append(_group_sum(x, z, v) if len(parts) > 1 else (x, z, v))
    return _pairs_from_channels(*grouped, K)


def _nonzero(x: np.ndarray, z: np.ndarray, v: np.ndarray, K: Domain):
    keep = np.fromiter((not K.is_zero(e) for e in v), dtype=bool, count=len(v))
    return zip(x[keep].tolist(), z[keep].tolist()), v[keep].tolist()


def _pairs_from_channels(re_part, im_part, K: Domain) -> dict:
    """Term dictionary from grouped real and imaginary channels, exact zeros dropped."""
    keys, values = _nonzero(*re_part, K)
    out = dict(zip(keys, zip(values, repeat(None))))
    keys, values = _nonzero(*im_part, K)
    for key, b in zip(keys, values):
        old = out.get(key)
        out[key] = (None if old is None else old[0], b)
    return out
