"""Exact Sylvester-rank test for open point (ii) of Prosen (2011), rational Delta, small n.

``D rho(2) in Im ad_H`` is decided by exact linear algebra over Q
(python-flint ``fmpq_mat``).  H conserves the magnetisation and ``D rho(2)``
is block diagonal in it (Z has as many sigma+ as sigma-, and D preserves
this), so it suffices that in every sector the Sylvester equation
``H_s Y - Y H_s = X_s`` is solvable: ``rank [A | vec X_s] = rank A`` with
``A = H_s (x) 1 - 1 (x) H_s^T`` (row-major vec).  Z is built exactly from
the polynomial gauge of :mod:`symness.mpa.algebra.theorem` (rational at rational
Delta); basis index bit ``n-1-j`` is site j, ``|0> = up``.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import product

import flint

from symness.mpa.mazur.step import z_words
from symness.validation import require_int

__all__ = ["z_exact", "site_op", "second_order_exact", "image_certificate", "in_image_of_ad",
           "sylvester_solvable"]


def _site_entries(letter: str):
    # (a_j, b_j) pairs with <a|s|b> = 1; sigma+ = |up><down| = |0><1|
    return {"0": ((0, 0), (1, 1)), "+": ((0, 1),), "-": ((1, 0),)}[letter]


def z_exact(n: int, delta: Fraction) -> flint.fmpq_mat:
    """Z of (10) as an exact ``2^n x 2^n`` rational matrix at rational ``delta``."""
    n = require_int(n, "n", minimum=2)
    z = flint.fmpq_mat(2**n, 2**n)
    for word, coeff in z_words(n, delta).items():
        for pairs in product(*(_site_entries(x) for x in word)):
            a = sum(p[0] << (n - 1 - j) for j, p in enumerate(pairs))
            b = sum(p[1] << (n - 1 - j) for j, p in enumerate(pairs))
            z[a, b] += flint.fmpq(coeff.numerator, coeff.denominator)
    return z


def site_op(letter: str, j: int, n: int) -> flint.fmpq_mat:
    """``sigma^letter_j`` (letter '+', '-', 'z') as an exact ``2^n x 2^n`` matrix."""
    op = flint.fmpq_mat(2**n, 2**n)
    for b in range(2**n):
        bit = (b >> (n - 1 - j)) & 1
        if letter == "+" and bit == 1:
            op[b ^ (1 << (n - 1 - j)), b] = 1
        if letter == "-" and bit == 0:
            op[b ^ (1 << (n - 1 - j)), b] = 1
        if letter == "z":
            op[b, b] = 1 - 2 * bit
    return op


def second_order_exact(n: int, delta: Fraction, mu: Fraction = Fraction(1)
                       ) -> tuple[flint.fmpq_mat, flint.fmpq_mat]:
    """``(H, D rho(2))`` as full ``2^n x 2^n`` exact matrices, ``2^n rho(2)`` of (9)."""
    z = z_exact(n, delta)
    zt = z.transpose()
    q = flint.fmpq(mu.numerator, mu.denominator)
    w = z - zt
    rho2 = q * q / 2 * (w * w) - q / 2 * (z * zt - zt * z)
    dq = flint.fmpq(delta.numerator, delta.denominator)
    h = flint.fmpq_mat(2**n, 2**n)
    for j in range(n - 1):
        h += 2 * (site_op("+", j, n) * site_op("-", j + 1, n)
                  + site_op("-", j, n) * site_op("+", j + 1, n))
        h += dq * (site_op("z", j, n) * site_op("z", j + 1, n))

    def d_pm(a1, b1, an, bn):
        return (2 * a1 * rho2 * b1 - (b1 * a1 * rho2 + rho2 * b1 * a1)
                + 2 * an * rho2 * bn - (bn * an * rho2 + rho2 * bn * an))

    s1p, s1m = site_op("+", 0, n), site_op("-", 0, n)
    snp, snm = site_op("+", n - 1, n), site_op("-", n - 1, n)
    x = (1 + q) / 2 * d_pm(s1p, s1m, snm, snp) + (1 - q) / 2 * d_pm(s1m, s1p, snp, snm)
    return h, x


def image_certificate(n: int, delta: Fraction, mu: Fraction = Fraction(1)) -> bool:
    """Exactly decide ``D rho(2) in Im ad_H`` at rational ``delta`` and ``mu`` (Sylvester)."""
    return in_image_of_ad(*second_order_exact(n, delta, mu), n)


def in_image_of_ad(h: flint.fmpq_mat, x: flint.fmpq_mat, n: int) -> bool:
    """Exactly decide whether ``X = [H, Y]`` has a solution (H magnetisation conserving)."""
    sectors: dict[int, list[int]] = {}
    for b in range(2**n):
        sectors.setdefault(b.bit_count(), []).append(b)
    for a in range(2**n):
        for b in range(2**n):
            if a.bit_count() != b.bit_count() and x[a, b] != 0:
                return False  # X off-block-diagonal: excluded here (never the case for (9))
    for basis in sectors.values():
        hs = flint.fmpq_mat([[h[i, k] for k in basis] for i in basis])
        xs = flint.fmpq_mat([[x[i, k] for k in basis] for i in basis])
        if not sylvester_solvable(hs, hs, xs):
            return False
    return True


def sylvester_solvable(a: flint.fmpq_mat, b: flint.fmpq_mat, c: flint.fmpq_mat) -> bool:
    """Exactly decide whether ``a Y - Y b = c`` has a solution: rank [L | vec c] = rank L."""
    rows, cols = c.nrows(), c.ncols()
    big = flint.fmpq_mat(rows * cols, rows * cols + 1)
    for i in range(rows):
        for k in range(cols):
            row = i * cols + k  # row-major vec
            for r in range(rows):
                big[row, r * cols + k] += a[i, r]  # (a Y)_{ik}
            for r in range(cols):
                big[row, i * cols + r] -= b[r, k]  # (Y b)_{ik}
            big[row, rows * cols] = c[i, k]
    coeffs = flint.fmpq_mat([[big[r, col] for col in range(rows * cols)]
                             for r in range(rows * cols)])
    return coeffs.rank() == big.rank()
