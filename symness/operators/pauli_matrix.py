"""Numeric matrices of exact Pauli sums, consistent with :mod:`symness.operators.sparse`.

Site ``j`` of a :class:`~symness.operators.pauli.PauliSum` (bit ``j`` of ``x``,
``z``) is the ``j``-th Kronecker factor from the left, i.e. bit ``n-1-j`` of the
basis index ``b``.  With ``|0> = up`` and ``σz|up> = +|up>``,

    X^x Z^z |b> = (-1)^{|b & Zm|} |b ^ Xm>,   Xm, Zm = bit-reversed x, z,

so ``P(x, z) = i^{|x&z|} X^x Z^z`` has one non-zero per column.  Strings with the
same ``x`` share their sparsity pattern and are summed before assembly.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

import numpy as np
import scipy.sparse as sp
import sympy

from symness.validation import ParameterError

__all__ = ["to_sparse", "exact_entries", "word_matrix", "MAX_SITES"]

#: Largest chain converted to a matrix (2**MAX_SITES rows).
MAX_SITES = 24


def _reverse_bits(b: int, n: int) -> int:
    return int(format(b, f"0{n}b")[::-1], 2) if n else 0


def _numeric(coefficient: sympy.Expr) -> complex:
    if coefficient.free_symbols:
        names = ", ".join(sorted(str(s) for s in coefficient.free_symbols))
        raise ParameterError(f"'subs' must give values to the free symbols {names} "
                             "before converting to a matrix")
    return complex(sympy.N(coefficient, 20))


def to_sparse(op) -> sp.csr_matrix:
    """Complex CSR matrix (``2**n x 2**n``) of a numeric :class:`PauliSum`."""
    n = op.n
    if n > MAX_SITES:
        raise ParameterError(f"'n' must be <= {MAX_SITES} to form a matrix (got {n})")
    dim = 1 << n
    basis = np.arange(dim, dtype=np.int64)
    by_x: dict[int, list[tuple[int, complex]]] = defaultdict(list)
    for (x, z), c in op.terms.items():
        phase = 1j ** ((x & z).bit_count() % 4)
        by_x[x].append((z, phase * _numeric(c)))
    rows, cols, vals = [], [], []
    for x, strings in sorted(by_x.items()):
        column = np.zeros(dim, dtype=complex)
        for z, c in strings:
            signs = 1.0 - 2.0 * (np.bitwise_count(basis & _reverse_bits(z, n)) & 1)
            column += c * signs
        keep = column != 0
        rows.append(basis[keep] ^ _reverse_bits(x, n))
        cols.append(basis[keep])
        vals.append(column[keep])
    if not rows:
        return sp.csr_matrix((dim, dim), dtype=complex)
    return sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                         shape=(dim, dim), dtype=complex)


def _exact(coefficient: sympy.Expr, power: int):
    """``i^power * coefficient`` as an int or Fraction when it is real rational, else sympy."""
    value = sympy.I**power * coefficient
    if value.is_Integer:
        return int(value)
    return Fraction(int(value.p), int(value.q)) if value.is_Rational else value


def exact_entries(op) -> dict[tuple[int, int], object]:
    """Exact nonzero entries ``{(row, col): value}`` of a :class:`PauliSum`'s matrix.

    Same basis as :func:`to_sparse`; values are ``int``/``Fraction`` where real rational, sympy
    expressions otherwise (e.g. ``Delta``, ``I``).  For the exact-arithmetic builders
    (python-flint matrices) that take their matrix from an exact Pauli sum.
    """
    n = op.n
    if n > MAX_SITES:
        raise ParameterError(f"'n' must be <= {MAX_SITES} to form a matrix (got {n})")
    out: dict[tuple[int, int], object] = {}
    for (x, z), c in sorted(op.terms.items()):
        value = _exact(c, (x & z).bit_count() % 4)
        flip, signs = _reverse_bits(x, n), _reverse_bits(z, n)
        for b in range(1 << n):
            key = (b ^ flip, b)
            term = -value if (b & signs).bit_count() & 1 else value
            out[key] = out[key] + term if key in out else term
    return {k: v for k, v in out.items() if (sympy.expand(v) if isinstance(v, sympy.Basic)
                                             else v) != 0}


def word_matrix(letters: dict[int, str], n: int) -> sp.csr_matrix:
    """Sparse Pauli string ``prod_j sigma^{letters[j]}_j`` on ``n`` sites (0-based, site 0 = MSB).

    A Pauli string is a signed permutation: ``X``/``Y`` flip the bit of their site,
    ``Z``/``Y`` contribute ``(-1)^bit`` and ``Y = i X Z`` a factor ``i``; built
    directly instead of by Kronecker products (checked against
    :func:`symness.operators.sparse.site_operator` in the tests).
    """
    states = np.arange(2**n)
    flip = zy = 0
    n_y = 0
    for site, letter in letters.items():
        bit = 1 << (n - 1 - site)
        if letter in "XY":
            flip |= bit
        if letter in "ZY":
            zy |= bit
        n_y += letter == "Y"
    parity = np.array([bin(v).count("1") & 1 for v in range(2**n)])[states & zy] if zy else 0
    data = (1j**n_y) * (1 - 2 * parity) * np.ones(2**n)
    return sp.csr_matrix((data, (states ^ flip, states)), shape=(2**n, 2**n), dtype=complex)
