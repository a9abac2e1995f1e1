"""Open point (i) of Prosen (2011) at a symbolic Delta, exactly.

(7) fixes ``rho(p)`` only up to ``sum_k alpha_k Q_k`` (``[H, Q_k] = 0``); the
alpha_k are unique iff ``G = P D`` restricted to the traceless commutant
``K_0`` is nonsingular (:mod:`symness.mpa.exact_ness.eps_expansion`).  G does not depend
on p, so one nonsingular G settles the uniqueness at every order p >= 1 (in
particular p = 2, where the unique rho(2) is then (9) by open point (ii)).

The statement is proved over the field ``Q(Delta)`` (Delta an indeterminate),
i.e. for all but finitely many Delta, by a basis of the commutant that is
polynomial in Delta:

* ``H = H_xy + Delta H_zz`` (integer matrices) conserves the number s of down
  spins, and the spin flip F commutes with both parts (checked), mapping
  sector s to n - s.
* If every sector block ``H_s`` is non-derogatory over ``Q(Delta)`` and
  ``gcd(chi_s, chi_s') = 1`` for ``s' != s, n - s``, the commutant of H is
  spanned by ``Q = H^k Pi_s`` (``k < N_s``) and ``F H^k Pi_s`` (``s != n - s``):
  the intertwiners of non-derogatory blocks with coprime characteristic
  polynomials vanish, those of ``H_s`` and ``H_{n-s} = F H_s F`` are
  ``F p(H_s)``.
* The rows ``tr(Q_i^T D(.))`` over ``Q_i != Pi_0`` and the columns
  ``D(Q_j - tr(Q_j)/2^n)`` over ``Q_j != Pi_0`` give a square matrix
  ``M(Delta)`` with polynomial entries (``tr D(x) = 0`` makes the identity row
  vanish, ``Pi_0 = 1 - sum_{s>0} Pi_s``); G is nonsingular iff
  ``det M != 0``.

Each condition is "a polynomial in Delta (integer coefficients, monic charpolys)
is not the zero polynomial"; it is certified by its value at one point
``Delta_0`` of ``F_p`` (``p = 2^61 - 1``): a nonzero value mod p (Krylov rank,
``gcd`` of the reduced charpolys = 1, ``rank M = dim``) proves it.  The
exceptional Delta (roots of these polynomials; e.g. Delta = 1/2, where sectors
are derogatory) are not covered; :func:`symbolic_determinant` gives
``det M(Delta)`` itself for small n.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from hashlib import sha256
from itertools import combinations

import flint
import sympy as sp

from symness.models.xxz_chain import pauli_parts
from symness.operators.pauli_matrix import exact_entries
from symness.validation import require_int

__all__ = ["PRIME", "CommutantCertificate", "commutant_certificate", "symbolic_matrix",
           "symbolic_determinant", "modular_matrix"]

#: The prime of the modular certificate (``2^61 - 1``).
PRIME = 2**61 - 1


def _mod(q: Fraction) -> int:
    return q.numerator % PRIME * pow(q.denominator, -1, PRIME) % PRIME


def _zero(size: int) -> flint.nmod_mat:
    return flint.nmod_mat(size, size, PRIME)


def _hamiltonian_parts(n: int) -> tuple[flint.nmod_mat, flint.nmod_mat]:
    """``(H_xy, H_zz)`` of (2) mod p: ``2 (s+_j s-_{j+1} + h.c.)`` and ``sz_j sz_{j+1}``.

    Derived from the exact Pauli-sum form of :mod:`symness.models.xxz_chain` (a float
    matrix cannot be reduced mod p).
    """
    parts = []
    for part in pauli_parts(n):   # the open XXZChain's exact (H_xy, H_zz), Pauli normalisation
        mat = _zero(2**n)
        for (row, col), value in exact_entries(part).items():
            mat[row, col] = _mod(value)
        parts.append(mat)
    return parts[0], parts[1]


def _site(letter: str, j: int, n: int) -> flint.nmod_mat:
    """``sigma^letter_j`` ('+' = |0><1|, '-') mod p, basis bit ``n-1-j`` is site j."""
    op = _zero(2**n)
    mask = 1 << (n - 1 - j)
    for b in range(2**n):
        if bool(b & mask) == (letter == "+"):
            op[b ^ mask, b] = 1
    return op


def _dissipator(n: int, mu: Fraction):
    """``x -> D x`` of (5) mod p: ``(1+mu)/2 D+ + (1-mu)/2 D-``."""
    terms = []
    for weight, (first, last) in (((1 + mu) / 2, ("+", "-")), ((1 - mu) / 2, ("-", "+"))):
        for jump in (_site(first, 0, n), _site(last, n - 1, n)):
            terms.append((_mod(weight), jump, jump.transpose() * jump))

    def apply(x: flint.nmod_mat) -> flint.nmod_mat:
        out = _zero(2**n)
        for w, a, ata in terms:
            out += w * (2 * (a * x * a.transpose()) - ata * x - x * ata)
        return out

    return apply


def _sector_masks(n: int) -> list[flint.nmod_mat]:
    masks = [_zero(2**n) for _ in range(n + 1)]
    for b in range(2**n):
        masks[b.bit_count()][b, b] = 1
    return masks


def _flip(n: int) -> flint.nmod_mat:
    f = _zero(2**n)
    for b in range(2**n):
        f[b ^ ((1 << n) - 1), b] = 1
    return f


def _basis(n: int, h: flint.nmod_mat) -> list[flint.nmod_mat]:
    """``H^k Pi_s`` (s ascending, k < N_s), then ``F H^k Pi_s`` for ``s != n - s``."""
    sizes = [len(list(combinations(range(n), s))) for s in range(n + 1)]
    powers = [flint.nmod_mat(2**n, 2**n, [int(i == j) for i in range(2**n)
                                           for j in range(2**n)], PRIME)]
    while len(powers) < max(sizes):
        powers.append(h * powers[-1])
    masks, f = _sector_masks(n), _flip(n)
    diagonal = [powers[k] * masks[s] for s in range(n + 1) for k in range(sizes[s])]
    cross = [f * powers[k] * masks[s] for s in range(n + 1) if 2 * s != n
             for k in range(sizes[s])]
    return diagonal + cross


def modular_matrix(n: int, delta0: int, mu: Fraction = Fraction(1)) -> flint.nmod_mat:
    """``M(Delta_0) mod p``: ``tr(Q_i^T D(Q_j - tr(Q_j)/2^n))``, ``Q != Pi_0``."""
    xy, zz = _hamiltonian_parts(n)
    basis = _basis(n, xy + delta0 * zz)[1:]  # drop Pi_0 = H^0 Pi_0
    dissipate = _dissipator(n, mu)
    inv_dim = pow(2**n, -1, PRIME)
    one = dissipate(flint.nmod_mat(2**n, 2**n, [int(i == j) for i in range(2**n)
                                                 for j in range(2**n)], PRIME))
    rows = flint.nmod_mat([q.entries() for q in basis], PRIME)
    cols = []
    for q in basis:
        trace = sum(int(q[i, i]) for i in range(2**n)) * inv_dim % PRIME
        cols.append((dissipate(q) - trace * one).entries())
    return rows * flint.nmod_mat(cols, PRIME).transpose()


def _cyclic_and_coprime(n: int, h: flint.nmod_mat) -> tuple[bool, bool]:
    """Krylov rank of every ``H_s`` and ``gcd(chi_s, chi_s') = 1`` for ``s' != s, n-s`` (mod p)."""
    sectors = [[b for b in range(2**n) if b.bit_count() == s] for s in range(n + 1)]
    blocks = [flint.nmod_mat([[int(h[a, b]) for b in sec] for a in sec], PRIME) for sec in sectors]
    cyclic = True
    for sec, block in zip(sectors, blocks):
        size = len(sec)
        v = flint.nmod_mat(size, 1, [int(sha256(f"{i}".encode()).hexdigest()[:12], 16)
                                     for i in range(size)], PRIME)
        columns = []
        for _ in range(size):
            columns.append(v.entries())
            v = block * v
        cyclic &= flint.nmod_mat(columns, PRIME).rank() == size
    chars = [b.charpoly() for b in blocks]
    coprime = all(chars[s].gcd(chars[t]).degree() == 0 for s in range(n + 1)
                  for t in range(s + 1, n + 1) if t != n - s)
    return cyclic, coprime


@dataclass(frozen=True)
class CommutantCertificate:
    """Open point (i) over ``Q(Delta)`` on n sites (all conditions certified mod p)."""

    n: int
    mu: Fraction
    dimension: int
    flip_commutes: bool
    cyclic: bool
    coprime: bool
    rank: int

    @property
    def nonsingular(self) -> bool:
        """G nonsingular over ``Q(Delta)``: every certificate holds and ``rank M = dim K_0``."""
        return self.flip_commutes and self.cyclic and self.coprime and self.rank == self.dimension


def commutant_certificate(n: int, mu: Fraction = Fraction(1),
                          delta0: Fraction = Fraction(3, 7)) -> CommutantCertificate:
    """Certify open point (i) at symbolic Delta on ``n`` sites (evaluation point ``delta0``)."""
    n = require_int(n, "n", minimum=2, maximum=7)
    d0 = _mod(Fraction(delta0))
    xy, zz = _hamiltonian_parts(n)
    f = _flip(n)
    flip_commutes = f * xy == xy * f and f * zz == zz * f
    cyclic, coprime = _cyclic_and_coprime(n, xy + d0 * zz)
    m = modular_matrix(n, d0, Fraction(mu))
    return CommutantCertificate(n=n, mu=Fraction(mu), dimension=m.nrows(),
                                flip_commutes=flip_commutes, cyclic=cyclic, coprime=coprime,
                                rank=m.rank())


def _kron_site(op: sp.Matrix, j: int, n: int) -> sp.Matrix:
    out = sp.eye(1)
    for k in range(n):
        out = sp.kronecker_product(out, op if k == j else sp.eye(2))
    return out


def symbolic_matrix(n: int, delta: sp.Symbol, mu=sp.Integer(1)) -> sp.Matrix:
    """``M(Delta)`` built independently with sympy Kronecker products (small n).

    Same basis order as :func:`modular_matrix`; Pauli matrices with
    ``sigma+ = [[0, 1], [0, 0]]`` (|0> = up), so the two constructions can be
    compared entry by entry.
    """
    n = require_int(n, "n", minimum=2, maximum=4)
    plus, minus = sp.Matrix([[0, 1], [0, 0]]), sp.Matrix([[0, 0], [1, 0]])
    z, x = sp.diag(1, -1), sp.Matrix([[0, 1], [1, 0]])
    ups, downs = ([_kron_site(o, j, n) for j in range(n)] for o in (plus, minus))
    sz = [_kron_site(z, j, n) for j in range(n)]
    h = sum((2 * (ups[j] * downs[j + 1] + downs[j] * ups[j + 1]) + delta * sz[j] * sz[j + 1]
             for j in range(n - 1)), sp.zeros(2**n))
    flip = sp.eye(1)
    for _ in range(n):
        flip = sp.kronecker_product(flip, x)
    down = sum(((sp.eye(2**n) - s) / 2 for s in sz), sp.zeros(2**n))  # number of down spins
    proj = [sp.diag(*[int(down[i, i] == s) for i in range(2**n)]) for s in range(n + 1)]
    sizes = [sum(1 for i in range(2**n) if down[i, i] == s) for s in range(n + 1)]
    basis = [h**k * proj[s] for s in range(n + 1) for k in range(sizes[s])]
    basis += [flip * h**k * proj[s] for s in range(n + 1) if 2 * s != n for k in range(sizes[s])]
    basis = basis[1:]
    jumps = [((1 + mu) / 2, ups[0]), ((1 + mu) / 2, downs[n - 1]),
             ((1 - mu) / 2, downs[0]), ((1 - mu) / 2, ups[n - 1])]

    def dissipate(y):
        return sum((w * (2 * a * y * a.T - a.T * a * y - y * a.T * a) for w, a in jumps),
                   sp.zeros(2**n))

    one = dissipate(sp.eye(2**n))
    cols = [dissipate(q) - q.trace() / 2**n * one for q in basis]
    return sp.Matrix(len(basis), len(basis),
                     lambda i, j: sp.expand((basis[i].T * cols[j]).trace()))


def symbolic_determinant(n: int, mu=sp.Integer(1)) -> sp.Poly:
    """``det M(Delta)`` as a polynomial in Delta (sympy, fraction-free), small n."""
    delta = sp.Symbol("Delta")
    m = symbolic_matrix(n, delta, mu)
    dm = sp.polys.matrices.DomainMatrix.from_Matrix(m).convert_to(sp.QQ[delta])
    return sp.Poly(dm.det().as_expr(), delta)
