"""``Ker L0`` of N spins and the first step of the hierarchy (Ishida & Sugita (2022), IV A, IV C).

Exact arithmetic only.  Basis states ``|{s_l}>`` (71) are the computational basis
(``s = +1`` is index bit 0, as in :mod:`.projections`); ``L0 = -i[h sum sigma^z, .]`` is
diagonal on ``|{s}><{s'}|`` with eigenvalue ``-i h (sum s - sum s')`` (28), so its
kernel is spanned by (72) with (73).  Two routes are compared: the engine's exact
spectral kernel of the superoperator, and the span of the paper's building blocks
(products of ``sigma^0``, ``sigma^z`` and the pair operators ``rho^A``, ``rho^B`` of
(79)-(80)).  Sites are 0-based here (paper site ``l`` is index ``l - 1``).

(121)-(123) use sympy with symbolic ``t_l``, general symmetric ``alpha_jk`` and edge
fields (120); (124) is a superoperator identity checked on every matrix unit with
Gaussian-integer arithmetic (integer numpy arrays for the real and imaginary parts).
"""

from __future__ import annotations

from functools import reduce
from itertools import combinations, product
from math import comb

import numpy as np
import sympy

from symness.perturbation.kernel import exact_kernel
from symness.weak_coupling.projections import (
    ALPHA,
    ALPHA_PLUS,
    p0_mask,
    partial_trace_keep,
    rho_le,
)
from symness.weak_coupling.two_spin import commutator

__all__ = ["magnetisation", "kernel_units", "engine_p0", "mask_superoperator",
           "building_blocks", "span_rank", "eq76_77_hold", "printed_text_typo_in_kernel",
           "ple_residual_121", "edge_residual_122", "one_site_residual_123",
           "far_projection_124"]

_P = {"0": sympy.eye(2), "x": sympy.Matrix([[0, 1], [1, 0]]),
      "y": sympy.Matrix([[0, -sympy.I], [sympy.I, 0]]), "z": sympy.Matrix([[1, 0], [0, -1]])}


def magnetisation(index: int, n: int) -> int:
    """``sum_l s_l`` of the basis state ``index`` (bit 0 = ``s = +1``), eq. (71)."""
    return n - 2 * bin(index).count("1")


def kernel_units(n: int) -> list[tuple[int, int]]:
    """Pairs ``(a, b)`` with ``|a><b|`` in (72) under (73); ``C(2n, n)`` of them."""
    d = 2**n
    return [(a, b) for a in range(d) for b in range(d)
            if magnetisation(a, n) == magnetisation(b, n)]


def engine_p0(n: int, h=1) -> sympy.Matrix:
    """Exact spectral projector onto ``Ker L0`` from the engine's :func:`exact_kernel`."""
    h0 = sum((h * _kron_site(_P["z"], k, n) for k in range(n)), sympy.zeros(2**n))
    kernel = exact_kernel(commutator(h0))
    return kernel.right * kernel.dual.H


def mask_superoperator(n: int) -> sympy.Matrix:
    """The projector of (72)-(73): keep ``|a><b|`` iff the magnetisations agree (row-major)."""
    d = 2**n
    diag = [1 if magnetisation(a, n) == magnetisation(b, n) else 0
            for a in range(d) for b in range(d)]
    return sympy.diag(*diag)


def _kron_site(op: sympy.Matrix, site: int, n: int) -> sympy.Matrix:
    return reduce(sympy.kronecker_product, [op if k == site else _P["0"] for k in range(n)])


def _pair_blocks(i: int, j: int) -> list[dict[int, sympy.Matrix]]:
    """``rho^A_{i,j}`` and ``rho^B_{i,j}`` (79)-(80) as lists of site factors (signed)."""
    return [{i: _P["x"], j: _P["x"]}, {i: _P["y"], j: _P["y"]},
            {i: _P["x"], j: _P["y"]}, {i: -_P["y"], j: _P["x"]}]


def _pairings(sites: tuple[int, ...]):
    """All perfect matchings of an even tuple of sites."""
    if not sites:
        yield []
        return
    first = sites[0]
    for k in range(1, len(sites)):
        rest = sites[1:k] + sites[k + 1:]
        for tail in _pairings(rest):
            yield [(first, sites[k])] + tail


def building_blocks(n: int) -> list[sympy.Matrix]:
    """Building blocks of ``Ker L0`` named in the text after (78), (79)-(80).

    Products of ``sigma^0``/``sigma^z`` on the diagonal sites and ``rho^A``/``rho^B``
    pairs on an even set of off-diagonal sites.
    """
    out = []
    for size in range(0, n + 1, 2):
        for off in combinations(range(n), size):
            diag_sites = [k for k in range(n) if k not in off]
            for pairing in _pairings(off):
                for kinds in product("AB", repeat=len(pairing)):
                    for diag in product("0z", repeat=len(diag_sites)):
                        out.append(_block(n, dict(zip(diag_sites, diag)), pairing, kinds))
    return out


def _block(n: int, diag: dict, pairing, kinds) -> sympy.Matrix:
    terms = [{k: _P[v] for k, v in diag.items()}]
    for (i, j), kind in zip(pairing, kinds):
        factors = _pair_blocks(i, j)
        factors = factors[:2] if kind == "A" else factors[2:]
        terms = [{**t, **f} for t in terms for f in factors]
    return sum((reduce(sympy.kronecker_product, [t[k] for k in range(n)]) for t in terms),
               sympy.zeros(2**n))


def span_rank(n: int) -> tuple[int, int, bool]:
    """``(rank of the building blocks, C(2n, n), every block lies in (72)-(73))``."""
    blocks = building_blocks(n)
    inside = all(p0_mask(b, n) == b for b in blocks)
    rank = sympy.Matrix.hstack(*[b.reshape(4**n, 1) for b in blocks]).rank()
    return rank, comb(2 * n, n), inside


def eq76_77_hold() -> bool:
    """(76)-(78): ``|1,-1><-1,1| = sigma^+_1 sigma^-_2 = (rho^A - i rho^B)/4`` and its adjoint."""
    sp_, sm = (_P["x"] + sympy.I * _P["y"]) / 2, (_P["x"] - sympy.I * _P["y"]) / 2
    kp = sympy.kronecker_product
    rho_a, rho_b = kp(_P["x"], _P["x"]) + kp(_P["y"], _P["y"]), \
        kp(_P["x"], _P["y"]) - kp(_P["y"], _P["x"])
    unit = sympy.zeros(4)
    unit[1, 2] = 1                                                  # |1,-1><-1,1|
    return (kp(sp_, sm) == unit and unit == (rho_a - sympy.I * rho_b) / 4
            and kp(sm, sp_) == unit.T and unit.T == (rho_a + sympy.I * rho_b) / 4)


def printed_text_typo_in_kernel() -> bool:
    """Whether the text's ``sigma^xy - sigma^yy`` (after (78)) lies in ``Ker L0`` (it does not)."""
    kp = sympy.kronecker_product
    op = kp(_P["x"], _P["y"]) - kp(_P["y"], _P["y"])
    return p0_mask(op, 2) == op


# ---------------------------------------------------------------- (121)-(123)

def _interaction(site: int, n: int) -> sympy.Matrix:
    """``H_I(l, l+1)`` of (118) on sites ``site, site + 1`` (general symmetric alpha)."""
    return sum((ALPHA[(j, k)] * reduce(sympy.kronecker_product,
                                       [_P[j] if m == site else _P[k] if m == site + 1
                                        else _P["0"] for m in range(n)])
                for j in "xyz" for k in "xyz"), sympy.zeros(2**n))


def _edge(site: int, n: int, field: dict) -> sympy.Matrix:
    """``H_E(l)`` of (120) with symbols ``field[x, y, z]``."""
    return sum((field[a] * _kron_site(_P[a], site, n) for a in "xyz"), sympy.zeros(2**n))


def _lie_on_diagonal(ham: sympy.Matrix, diag: list) -> sympy.Matrix:
    """``-i [H, D]`` for diagonal ``D``: entries ``-i H_ab (D_b - D_a)``."""
    d = ham.shape[0]
    return sympy.Matrix(d, d, lambda a, b: sympy.expand(-sympy.I * ham[a, b]
                                                        * (diag[b] - diag[a])))


def _ple(t) -> sympy.Matrix:
    return reduce(sympy.kronecker_product, [rho_le(tk) for tk in t])


def ple_residual_121(n: int) -> list[sympy.Matrix]:
    """``P0 L_I(l,l+1) rho_PLE`` minus the right side of (121), for ``l = 1..n-1``."""
    t = sympy.symbols(f"t_1:{n + 1}", real=True)
    ple = _ple(t)
    diag = [ple[a, a] for a in range(2**n)]
    out = []
    for site in range(n - 1):
        lhs = p0_mask(_lie_on_diagonal(_interaction(site, n), diag), n)
        rest = [rho_le(t[k]) if k not in (site, site + 1) else None for k in range(n)]
        rho_b = sympy.zeros(2**n)
        for first, second, sign in (("x", "y", 1), ("y", "x", -1)):
            factors = [_P[first] if k == site else _P[second] if k == site + 1 else rest[k]
                       for k in range(n)]
            rho_b += sign * reduce(sympy.kronecker_product, factors)
        rhs = (t[site + 1] - t[site]) / 4 * ALPHA_PLUS * rho_b
        out.append((lhs - rhs).applyfunc(sympy.expand))
    return out


def edge_residual_122(n: int) -> list[sympy.Matrix]:
    """``P0 L_E(l) rho_PLE`` (122) at both edges, general edge field (120)."""
    t = sympy.symbols(f"t_1:{n + 1}", real=True)
    ple = _ple(t)
    diag = [ple[a, a] for a in range(2**n)]
    field = {a: sympy.Symbol(f"alpha_E{a}", real=True) for a in "xyz"}
    return [p0_mask(_lie_on_diagonal(_edge(site, n, field), diag), n) for site in (0, n - 1)]


def one_site_residual_123(n: int) -> list[sympy.Matrix]:
    """``P_(l) P0 L1 rho_PLE`` (123) for every site, ``L1`` of (116) with both edge fields."""
    t = sympy.symbols(f"t_1:{n + 1}", real=True)
    ple = _ple(t)
    diag = [ple[a, a] for a in range(2**n)]
    left = {a: sympy.Symbol(f"alpha_1{a}", real=True) for a in "xyz"}
    right = {a: sympy.Symbol(f"alpha_N{a}", real=True) for a in "xyz"}
    ham = (sum((_interaction(k, n) for k in range(n - 1)), sympy.zeros(2**n))
           + _edge(0, n, left) + _edge(n - 1, n, right))
    image = p0_mask(_lie_on_diagonal(ham, diag), n)
    out = []
    for site in range(n):
        other = site + 1 if site + 1 < n else site - 1
        pair = partial_trace_keep(image, tuple(sorted((site, other))), n)
        keep_first = site < other
        out.append(sympy.Matrix(2, 2, lambda i, j: sympy.expand(
            sum(pair[2 * i + k, 2 * j + k] if keep_first else pair[2 * k + i, 2 * k + j]
                for k in range(2)))))
    return out


# ---------------------------------------------------------------- (124)

def _gaussian_pauli(label: str) -> tuple[np.ndarray, np.ndarray]:
    """Real and imaginary parts of a Pauli matrix as int64 arrays."""
    table = {"0": ([[1, 0], [0, 1]], [[0, 0], [0, 0]]), "x": ([[0, 1], [1, 0]], [[0, 0], [0, 0]]),
             "y": ([[0, 0], [0, 0]], [[0, -1], [1, 0]]), "z": ([[1, 0], [0, -1]], [[0, 0], [0, 0]])}
    re, im = table[label]
    return np.array(re, dtype=np.int64), np.array(im, dtype=np.int64)


def _gaussian_kron(a, b):
    return (np.kron(a[0], b[0]) - np.kron(a[1], b[1]), np.kron(a[0], b[1]) + np.kron(a[1], b[0]))


def _gaussian_string(labels: list[str]):
    return reduce(_gaussian_kron, [_gaussian_pauli(x) for x in labels])


def _partial_trace_int(arr: np.ndarray, keep: tuple[int, int], n: int) -> np.ndarray:
    """Integer partial trace keeping two sites (same convention as ``partial_trace_keep``)."""
    d = 2**n
    bits = (np.arange(d)[:, None] >> (n - 1 - np.arange(n))[None, :]) & 1
    other = [s for s in range(n) if s not in keep]
    same = np.all(bits[:, None, other] == bits[None, :, other], axis=2)
    rows = 2 * bits[:, keep[0]] + bits[:, keep[1]]
    out = np.zeros((4, 4), dtype=np.int64)
    np.add.at(out, (np.repeat(rows[:, None], d, 1), np.repeat(rows[None, :], d, 0)),
              np.where(same, arr, 0))
    return out


def far_projection_124(n: int) -> tuple[int, int]:
    """Check ``P_(l,l+1) P0 L_I(m,m+1) = 0`` (124) on every matrix unit, each ``sigma^j sigma^k``.

    By linearity in ``alpha_jk`` it suffices to check the nine Pauli products.  Returns
    ``(number of (l, m, jk, unit) cases, number of nonzero results)``.  Integer arithmetic.
    """
    d = 2**n
    mags = np.array([magnetisation(a, n) for a in range(d)])
    mask = mags[:, None] == mags[None, :]
    cases = bad = 0
    for m in range(n - 1):
        pairs = [(pos, pos + 1) for pos in range(n - 1) if pos + 1 < m or m + 1 < pos]
        for j, k in product("xyz", repeat=2):
            h_re, h_im = _gaussian_string([j if s == m else k if s == m + 1 else "0"
                                           for s in range(n)])
            for a, b in product(range(d), repeat=2):
                # [H, |a><b|] = H[:, a] <b| - |a> H[b, :]; times -i: (re, im) -> (im, -re)
                com_re = np.zeros((d, d), dtype=np.int64)
                com_im = np.zeros((d, d), dtype=np.int64)
                com_re[:, b] += h_re[:, a]
                com_im[:, b] += h_im[:, a]
                com_re[a, :] -= h_re[b, :]
                com_im[a, :] -= h_im[b, :]
                image = (com_im * mask, -com_re * mask)
                for keep in pairs:
                    cases += 1
                    bad += any(np.any(_partial_trace_int(part, keep, n)) for part in image)
    return cases, bad
