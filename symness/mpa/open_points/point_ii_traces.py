"""Open point (ii) of Prosen (2011) by a trace certificate, exactly, per magnetisation sector.

Statement: ``X = D rho(2)`` (rho(2) of (9), D of (5)) lies in ``Im ad_H``.

Reduction to sectors.  H, Z (as many sigma+ as sigma- in every word of (10)),
Z^T and hence rho(2) conserve the number s of down spins; D maps a
block-diagonal operator to a block-diagonal one (the jumps sigma+-_1 rho
sigma-+_1 move block s+-1 to block s).  ``ad_H`` maps the block (s, s') to
itself, so ``X in Im ad_H`` iff ``X_s in Im ad_{H_s}`` for every s.

Certificate in one sector (``H_s`` real symmetric of size N, entries in
``K = Q(Delta)``).  With the nondegenerate bilinear form ``<A, B> = tr(A^T B)``
on K-matrices, the adjoint of ``ad_{H_s}`` is ``ad_{H_s^T} = ad_{H_s}``, so
``Im ad_{H_s} = (ker ad_{H_s})^perp`` over any field.  If ``H_s`` is
non-derogatory (minimal polynomial of degree N), its commutant is
``span_K{1, H_s, ..., H_s^{N-1}}``, so the condition is exactly

    tr(H_s^k X_s) = 0,   k = 0, ..., N - 1

(N exact traces, by baby-step giant-step: about ``2 sqrt(N)`` products of
integer ``fmpz_mat`` after clearing denominators, see :func:`traces`).
Non-derogatory is certified by a cyclic vector: a Krylov matrix
``[v, H v, ..., H^{N-1} v]`` (fixed integer v) of full rank modulo the prime
``2^61 - 1``, which implies full rank over Q (in the regular representation
of :mod:`symness.exact.delta_field`, where Q-rank ``dN`` is K-rank N).

Derogatory sectors (met only at Delta = 1/2 here, q = e^{i pi/3} a root of
unity, where H_s has degenerate levels) are decided over Q (degree-1 fields
only) by the spectral decomposition over Q: factor the characteristic
polynomial ``chi = prod p_i^{e_i}`` (flint).  Symmetric H_s is
diagonalisable, each root of p_i has an eigenspace of dimension e_i,
``V = (+)_i ker p_i(H_s)`` orthogonally, and a Y commuting with H_s is block
diagonal in it.  For the simple factors (e_i = 1), with
``q = prod_{e_i > 1} p_i``, the commutant part is
``{q(H) H^k : k < sum_{e_i=1} deg p_i}``: traces ``tr(H^k q(H) X) = 0``.
For a multiple factor p (degree delta, multiplicity e), with B a rational
basis of ``ker p(H)``, ``G = B^T B`` and ``H B = B M``: the commuting Y
supported there are ``Y = B Y' B^T`` with ``M Y' = Y' M^T``; since
``M^T = G M G^{-1}`` these are ``Y' = W G^{-1}`` with W in the commutant of
M, and ``tr(Y^T X) = tr(W^T B^T X B G^{-1})``.  M has the irreducible
minimal polynomial p, so a cyclic basis T (greedy Krylov blocks) gives
``M T = T (1_e (x) C_p)`` (C_p companion), whose commutant is spanned by
``E_ab (x) C_p^k``: the condition is that every ``delta x delta`` block (a, b)
of ``T^T B^T X B (T^T G)^{-1}`` is trace-orthogonal to ``C_p^k``, k < delta.
A derogatory sector over a quadratic field raises (not met here).

Sites 0-based, basis index bit ``n-1-j`` is site j, ``|0> = up``, s = number
of 1 bits; ``H = sum_j 2 (s+_j s-_{j+1} + h.c.) + Delta sz_j sz_{j+1}`` (Pauli
normalisation, as :mod:`symness.models.xxz_boundary_driven`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from hashlib import sha256
from itertools import product
from math import isqrt

import flint

from symness.exact.delta_field import DeltaField, quadratic_delta, rational_delta
from symness.models.xxz_chain import pauli_parts
from symness.mpa.algebra.theorem import DELTA, gauge_matrices
from symness.operators.pauli_matrix import exact_entries
from symness.validation import ParameterError, require_int

__all__ = ["FIELDS", "SectorResult", "TraceCertificate", "second_order_sectors", "is_cyclic",
           "traces", "certify_sector", "trace_certificate"]

#: Delta = 1/2 (root of unity), 1 (isotropic), 3/7 (generic rational), sqrt(3) - 1 (irrational)
FIELDS = (rational_delta(Fraction(1, 2)), rational_delta(1), rational_delta(Fraction(3, 7)),
          quadratic_delta("sqrt(3)-1", 2, -2))
_PRIME = 2**61 - 1
_SITE = {"0": ((0, 0), (1, 1)), "+": ((0, 1),), "-": ((1, 0),)}  # sigma+ = |0><1|


def _sectors(n: int) -> list[list[int]]:
    sectors: list[list[int]] = [[] for _ in range(n + 1)]
    for b in range(2**n):
        sectors[b.bit_count()].append(b)
    return sectors


def _add(a, b):
    return tuple(x + y for x, y in zip(a, b))


def _z_entries(n: int, field: DeltaField) -> dict[tuple[int, int], tuple]:
    """Nonzero entries ``(a, b) -> K-element`` of Z (10), polynomial gauge."""
    mats = {k: {ij: field.from_polynomial(v, DELTA) for ij, v in m.items() if v != 0}
            for k, m in gauge_matrices(n // 2 + 2).items()}
    states = {0: {(): field.scalar(1)}}
    for _ in range(n):
        new: dict = {}
        for state, words in states.items():
            for letter, mat in mats.items():
                for (i, k), weight in mat.items():
                    if i == state:
                        bucket = new.setdefault(k, {})
                        for word, coeff in words.items():
                            bucket[word + (letter,)] = field.mul(coeff, weight)
        states = new
    out: dict = {}
    for word, coeff in states.get(1, {}).items():
        if any(coeff):
            for pairs in product(*(_SITE[x] for x in word)):
                a = sum(p[0] << (n - 1 - j) for j, p in enumerate(pairs))
                b = sum(p[1] << (n - 1 - j) for j, p in enumerate(pairs))
                out[a, b] = _add(out.get((a, b), field.scalar(0)), coeff)
    return out


def _blocks(entries, sectors, field, transpose=False) -> list[flint.fmpq_mat]:
    """Diagonal sector blocks (regular representation) of a conserving sparse operator."""
    pos = {b: i for basis in sectors for i, b in enumerate(basis)}
    per: list[dict] = [{} for _ in sectors]
    for (a, b), v in entries.items():
        if a.bit_count() != b.bit_count():
            raise ParameterError("the operator must conserve the magnetisation")
        key = (pos[b], pos[a]) if transpose else (pos[a], pos[b])
        per[a.bit_count()][key] = v
    return [field.matrix(e, len(basis), len(basis)) for e, basis in zip(per, sectors)]


def _hamiltonian(n: int, sectors, field) -> list[flint.fmpq_mat]:
    """Sector blocks of H (2) over K.

    From the exact Pauli-sum form ``H_xy + Delta H_zz`` of :mod:`symness.models.xxz_chain`
    (a float matrix has no place in K).
    """
    xy, zz = (exact_entries(part) for part in pauli_parts(n))
    entries = {key: field.scalar(value) for key, value in xy.items()}
    entries.update({key: field.mul(field.delta, field.scalar(value)) for key, value in zz.items()})
    return _blocks(entries, sectors, field)


def _jump(rho, site: int, letter: str, n: int, sectors, field) -> list:
    """Sector blocks of ``2 a rho a^T - {a^T a, rho}``, ``a = sigma^letter_site``.

    ``a^T a`` is a 0/1 diagonal ``K`` and ``a`` a partial permutation ``pi`` (times the
    identity block of the regular representation), so entrywise
    ``(K rho + rho K)_IJ = (k_I + k_J) rho_IJ`` and ``(a rho' a^T)_IJ = rho'_{pi I, pi J}``:
    O(N^2) instead of dense products.
    """
    mask, step, d = 1 << (n - 1 - site), (1 if letter == "+" else -1), field.degree
    out = []
    for s, basis in enumerate(sectors):
        big = d * len(basis)
        kept = [int(bool(b & mask) == (letter == "+")) for b in basis for _ in range(d)]
        src = rho[s].entries()
        values = [-(kept[i] + kept[j]) * src[i * big + j] for i in range(big)
                  for j in range(big)]
        if 0 <= s + step <= n:  # a: sector s + step -> s
            pos = {b: i for i, b in enumerate(sectors[s + step])}
            other, width = rho[s + step].entries(), d * len(pos)
            perm = [(i, d * pos[b ^ mask] + r) for i, (b, r) in
                    enumerate((b, r) for b in basis for r in range(d))
                    if bool(b & mask) != (letter == "+")]
            for i, pi in perm:
                for j, pj in perm:
                    values[i * big + j] += 2 * other[pi * width + pj]
        out.append(flint.fmpq_mat(big, big, values))
    return out


def second_order_sectors(n: int, field: DeltaField, mu: Fraction = Fraction(1)
                         ) -> list[tuple[flint.fmpq_mat, flint.fmpq_mat]]:
    """``(H_s, X_s)`` for s = 0..n, ``X = D rho(2)``, ``2^n rho(2)`` of (9), exact in K."""
    n = require_int(n, "n", minimum=3)
    sectors = _sectors(n)
    z_entries = _z_entries(n, field)
    z, zt = _blocks(z_entries, sectors, field), _blocks(z_entries, sectors, field, True)
    q = flint.fmpq(mu.numerator, mu.denominator)
    rho = [q * q / 2 * (a - b) * (a - b) - q / 2 * (a * b - b * a) for a, b in zip(z, zt)]

    def d_pm(first: str, last: str):  # D+ = d_pm('+', '-'), D- = d_pm('-', '+')
        return [u + v for u, v in zip(_jump(rho, 0, first, n, sectors, field),
                                      _jump(rho, n - 1, last, n, sectors, field))]

    x = [flint.fmpq_mat(h.nrows(), h.ncols()) for h in z]
    for weight, (first, last) in (((1 + q) / 2, ("+", "-")), ((1 - q) / 2, ("-", "+"))):
        if weight != 0:  # mu = +-1 needs only one of D+, D-
            x = [acc + weight * term for acc, term in zip(x, d_pm(first, last))]
    return list(zip(_hamiltonian(n, sectors, field), x))


def _integer(m: flint.fmpq_mat) -> flint.fmpz_mat:
    return m.numer_denom()[0]  # m times the lcm of its denominators


def is_cyclic(h: flint.fmpq_mat, field: DeltaField, seed: int = 0) -> bool:
    """Certify a cyclic vector of the K-matrix ``h``: Krylov matrix of full rank mod p.

    ``False`` is inconclusive (an unlucky vector v, entries from SHA-256 of
    ``seed:i``, or prime); ``True`` proves that ``h`` is non-derogatory.
    """
    d, big = field.degree, h.nrows()
    hm = flint.nmod_mat([[int(v) for v in row] for row in _integer(h).tolist()], _PRIME)
    w = flint.nmod_mat(big, d, _PRIME)
    for i in range(big // d):
        for r in range(d):
            w[d * i + r, r] = int(sha256(f"{seed}:{i}".encode()).hexdigest()[:8], 16)
    krylov = flint.nmod_mat(big, big, _PRIME)
    for k in range(big // d):
        for i in range(big):
            for r in range(d):
                krylov[i, d * k + r] = w[i, r]
        w = hm * w
    return krylov.rank() == big


def _identity(size: int, kind=flint.fmpz_mat):
    one = kind(size, size)
    for i in range(size):
        one[i, i] = 1
    return one


def traces(h: flint.fmpz_mat, x: flint.fmpz_mat, count: int, degree: int
           ) -> list[tuple[flint.fmpz, ...]]:
    """Coordinates of ``tr_K(h^k x)``, ``k < count`` (regular representations, degree d).

    Baby steps ``A_j = h^j`` (j < m ~ sqrt(count)) and giant steps
    ``B_i = h^(i m) x``: ``tr_K(A_j B_i)`` has coordinate r
    ``sum_{l, c} A_j[d l + r, c] B_i[c, d l]``, so all m traces of one giant
    step are one product of the stacked baby-step rows with a vector.  About
    ``2 sqrt(count)`` matrix products instead of ``count``.
    """
    big = h.nrows()
    size, m = big // degree, isqrt(max(count - 1, 0)) + 1
    rows, power = [], _identity(big)
    for j in range(m):
        flat = power.entries()
        for r in range(degree):
            rows.extend(e for lo in range(r * big, big * big, degree * big)
                        for e in flat[lo:lo + big])
        if j + 1 < m:
            power = h * power
    baby = flint.fmpz_mat(m * degree, size * big, rows)
    giant, block, out = h * power, x, []
    while len(out) < count:
        cols = block.transpose().entries()
        vec = [e for lo in range(0, big * big, degree * big) for e in cols[lo:lo + big]]
        w = baby * flint.fmpz_mat(size * big, 1, vec)
        out.extend(tuple(w[j * degree + r, 0] for r in range(degree)) for j in range(m))
        if len(out) < count:
            block = giant * block
    return out[:count]


def _traces_vanish(h: flint.fmpz_mat, x: flint.fmpz_mat, count: int, degree: int) -> bool:
    return not any(any(t) for t in traces(h, x, count, degree))


def _poly_apply(p: flint.fmpq_poly, h: flint.fmpq_mat, y: flint.fmpq_mat) -> flint.fmpq_mat:
    coeffs = p.coeffs()
    out = coeffs[-1] * y
    for c in reversed(coeffs[:-1]):
        out = h * out + c * y
    return out


def _companion(p: flint.fmpq_poly) -> flint.fmpq_mat:
    coeffs, deg = p.coeffs(), p.degree()
    c = flint.fmpq_mat(deg, deg)
    for i in range(deg):
        if i + 1 < deg:
            c[i + 1, i] = 1
        c[i, deg - 1] = -coeffs[i] / coeffs[deg]
    return c


def _cyclic_basis(m: flint.fmpq_mat, degree: int) -> flint.fmpq_mat:
    """``T = [w_1, m w_1, .., m^(degree-1) w_1, w_2, ..]``, w_a unit vectors taken greedily."""
    size, cols = m.nrows(), []
    for c in range(size):
        w = flint.fmpq_mat(size, 1)
        w[c, 0] = 1
        block = []
        for _ in range(degree):
            block.append(w)
            w = m * w
        trial = cols + block
        if flint.fmpq_mat([[v[i, 0] for v in trial] for i in range(size)]).rank() == len(trial):
            cols = trial
    if len(cols) != size:
        raise ArithmeticError("no cyclic decomposition: the minimal polynomial is not irreducible")
    return flint.fmpq_mat([[v[i, 0] for v in cols] for i in range(size)])


def _orthogonal_to_commutant(p: flint.fmpq_poly, mult: int, h: flint.fmpq_mat,
                             x: flint.fmpq_mat) -> bool:
    """X orthogonal to the operators commuting with H supported on ``ker p(H)``.

    With B a rational basis of ``ker p(H)``, ``G = B^T B``, ``H B = B M`` and a
    cyclic basis ``M T = T (1_e (x) C_p)`` (C_p companion, e = ``mult``), the
    condition is that every ``deg p x deg p`` block of ``T^T B^T X B (T^T G)^(-1)``
    is trace-orthogonal to ``C_p^k``, ``k < deg p`` (module docstring).
    """
    size, deg = h.nrows(), p.degree()
    kernel, nullity = _integer(_poly_apply(p, h, _identity(size, flint.fmpq_mat))).nullspace()
    if nullity != mult * deg:
        raise ArithmeticError("eigenspace dimension differs from the multiplicity")
    b = flint.fmpq_mat([[kernel[i, c] for c in range(nullity)] for i in range(size)])
    bt = b.transpose()
    g = bt * b
    m = g.inv() * bt * h * b
    t = _cyclic_basis(m, deg)
    comp = _companion(p)
    blocks = flint.fmpq_mat(nullity, nullity)
    for a in range(mult):
        for i in range(deg):
            for k in range(deg):
                blocks[a * deg + i, a * deg + k] = comp[i, k]
    if m * t != t * blocks:
        raise ArithmeticError("cyclic basis does not bring M to companion blocks")
    q = t.transpose() * bt * x * b * (t.transpose() * g).inv()
    power = _identity(deg, flint.fmpq_mat)
    for _ in range(deg):
        for a in range(mult):
            for c in range(mult):
                if sum(power[i, k] * q[a * deg + i, c * deg + k]
                       for i in range(deg) for k in range(deg)) != 0:
                    return False
        power = comp * power
    return True


def _derogatory(h: flint.fmpq_mat, x: flint.fmpq_mat) -> tuple[bool, str]:
    """Spectral decomposition over Q (module docstring): factor chi = prod p_i^e_i."""
    _, factors = h.charpoly().factor()
    multiple = [(p, e) for p, e in factors if e > 1]
    q = flint.fmpq_poly([1])
    for p, _ in multiple:
        q *= p
    simple_degree = sum(p.degree() for p, e in factors if e == 1)
    ok = _traces_vanish(_integer(h), _integer(_poly_apply(q, h, x)), simple_degree, 1)
    ok = ok and all(_orthogonal_to_commutant(p, e, h, x) for p, e in multiple)
    shape = " ".join(f"{p.degree()}^{e}" for p, e in multiple) or "none (squarefree)"
    return ok, f"factored charpoly, multiple factors deg^mult: {shape}"


def certify_sector(h: flint.fmpq_mat, x: flint.fmpq_mat, field: DeltaField
                   ) -> tuple[bool, str]:
    """Exactly decide ``x in Im ad_h`` for one sector; returns (answer, method used)."""
    if is_cyclic(h, field) or is_cyclic(h, field, seed=1):
        count = h.nrows() // field.degree
        return (_traces_vanish(_integer(h), _integer(x), count, field.degree),
                "cyclic vector: traces")
    if field.degree != 1:
        raise NotImplementedError(f"{field.label}: derogatory sector over a quadratic field")
    return _derogatory(h, x)


@dataclass(frozen=True)
class SectorResult:
    """One magnetisation sector: s down spins, dimension, method, answer, CPU seconds."""

    down: int
    size: int
    method: str
    in_image: bool
    seconds: float


@dataclass(frozen=True)
class TraceCertificate:
    """``D rho(2) in Im ad_H`` decided exactly, sector by sector."""

    n: int
    delta: str
    mu: Fraction
    in_image: bool
    build_seconds: float
    sectors: tuple[SectorResult, ...]

    @property
    def seconds(self) -> float:
        """Total CPU seconds (construction and all sectors)."""
        return self.build_seconds + sum(r.seconds for r in self.sectors)


def _mirrored(m: flint.fmpq_mat, perm: list[int]) -> flint.fmpq_mat:
    """``P m P^T`` for the permutation ``P e_i = e_{perm[i]}`` (entrywise, O(N^2))."""
    size = m.nrows()
    inverse = [0] * size
    for i, target in enumerate(perm):
        inverse[target] = i
    src = m.entries()
    return flint.fmpq_mat(size, size, [src[inverse[i] * size + inverse[j]]
                                       for i in range(size) for j in range(size)])


def _mirror_of(s: int, n: int, blocks, sectors, degree: int) -> bool:
    """Whether sector s is exactly the spin-flip x reflection image of sector n - s.

    With ``P = F R`` (a permutation from sector n - s to s): if ``H_s = P H_{n-s} P^T``
    and ``X_s = P X_{n-s} P^T`` then ``X_{n-s} = [H_{n-s}, Y]`` gives ``X_s = [H_s, P Y P^T]``,
    so sector s is in Im ad_H iff sector n - s is.
    """
    full = (1 << n) - 1
    pos = {b: i for i, b in enumerate(sectors[s])}
    perm = [degree * pos[int(format(b, f"0{n}b")[::-1], 2) ^ full] + r
            for b in sectors[n - s] for r in range(degree)]
    (h, x), (h0, x0) = blocks[s], blocks[n - s]
    return _mirrored(h0, perm) == h and _mirrored(x0, perm) == x


def trace_certificate(n: int, field: DeltaField, mu: Fraction = Fraction(1),
                      decide: Callable | None = None, mirror: bool = False
                      ) -> TraceCertificate:
    """Decide open point (ii) exactly on ``n`` sites in ``K = Q(Delta)`` (CPU-timed).

    ``decide(h, x, field, basis, n) -> (answer, method)`` decides one sector
    (default: :func:`certify_sector`; the symmetry-split variant is
    :func:`symness.mpa.open_points.point_ii_symmetric.certify_sector_symmetric`).  With
    ``mirror``, a sector ``s > n/2`` that is the exact spin-flip x reflection image of
    sector ``n - s`` (checked, :func:`_mirror_of`) takes that sector's answer.
    """
    start = time.process_time()
    blocks = second_order_sectors(n, field, mu)
    build = time.process_time() - start
    sectors = _sectors(n)
    results: list[SectorResult] = []
    for s, ((h, x), basis) in enumerate(zip(blocks, sectors)):
        start = time.process_time()
        if mirror and 2 * s > n and _mirror_of(s, n, blocks, sectors, field.degree):
            ok, method = results[n - s].in_image, f"mirror of sector {n - s} (F R)"
        else:
            ok, method = (decide(h, x, field, basis, n) if decide is not None
                          else certify_sector(h, x, field))
        results.append(SectorResult(down=s, size=h.nrows() // field.degree, method=method,
                                    in_image=ok, seconds=time.process_time() - start))
    return TraceCertificate(n=n, delta=field.label, mu=mu,
                            in_image=all(r.in_image for r in results), build_seconds=build,
                            sectors=tuple(results))
