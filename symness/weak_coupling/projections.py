"""Local projections of ``P0 L1 rho0 = 0`` for N spins (Ishida & Sugita (2022), Sec. IV C).

Exact sympy on 4 sites (bulk, eqs. (125)-(133)) or 3 sites (edges, (134)-(142)).
Pauli matrices, field frame, general symmetric ``alpha_jk``.  ``P0`` is the spectral
projector onto ``Ker L0`` for ``L0 = -i[h sum sigma^z, .]``: it keeps the matrix
elements between basis states of equal magnetisation (eqs. (72)-(73)); the test
suite checks this mask against the perturbation engine's ``P0``.  Local sites are
0-based: for the bulk, sites 0, 1, 2, 3 are the paper's ``l-1, l, l+1, l+2``.

The correlated terms follow (128)-(129): ``sigma^z_a rho^X_{b,c}`` carries ``sigma^0/2``
on every other site; ``rho^A_{b,c} = sx sx + sy sy``, ``rho^B_{b,c} = sx_b sy_c - sy_b sx_c``.
"""

from __future__ import annotations

from functools import reduce

import sympy

__all__ = ["ALPHA", "local_operator", "rho_le", "p0_mask", "partial_trace_keep",
           "bulk_projection", "edge_projection", "paper_130", "paper_136", "paper_140",
           "two_site_basis", "sum_rule_from_projections", "expectation_factors"]

_P = {"0": sympy.eye(2), "x": sympy.Matrix([[0, 1], [1, 0]]),
      "y": sympy.Matrix([[0, -sympy.I], [sympy.I, 0]]), "z": sympy.Matrix([[1, 0], [0, -1]])}
ALPHA = {(a, b): sympy.Symbol(f"alpha_{min(a, b)}{max(a, b)}", real=True)
         for a in "xyz" for b in "xyz"}
ALPHA_PLUS = ALPHA[("x", "x")] + ALPHA[("y", "y")]
ALPHA_ZZ = ALPHA[("z", "z")]


def local_operator(factors: dict[int, sympy.Matrix], m: int) -> sympy.Matrix:
    """Kronecker product on ``m`` sites with ``factors[site]`` and ``sigma^0/2`` elsewhere."""
    return reduce(sympy.kronecker_product,
                  [factors.get(k, _P["0"] / 2) for k in range(m)])


def _pair(kind: str, b: int, c: int, m: int, extra: dict | None = None) -> sympy.Matrix:
    extra = extra or {}
    if kind == "A":
        return (local_operator({b: _P["x"], c: _P["x"], **extra}, m)
                + local_operator({b: _P["y"], c: _P["y"], **extra}, m))
    return (local_operator({b: _P["x"], c: _P["y"], **extra}, m)
            - local_operator({b: _P["y"], c: _P["x"], **extra}, m))


def rho_le(t) -> sympy.Matrix:
    """``(sigma^0 - t sigma^z)/2`` of eq. (100)."""
    return (_P["0"] - t * _P["z"]) / 2


def p0_mask(rho: sympy.Matrix, m: int) -> sympy.Matrix:
    """``P0 rho``: keep elements between states of equal magnetisation ((72)-(73))."""
    ups = [m - bin(i).count("1") for i in range(2**m)]
    return sympy.Matrix(2**m, 2**m, lambda i, j: rho[i, j] if ups[i] == ups[j] else 0)


def partial_trace_keep(rho: sympy.Matrix, keep: tuple[int, int], m: int) -> sympy.Matrix:
    """Trace out every site except the two in ``keep`` (``P_(l,l+1)`` of the text)."""
    out = sympy.zeros(4, 4)
    for i in range(2**m):
        for j in range(2**m):
            bi = [(i >> (m - 1 - k)) & 1 for k in range(m)]
            bj = [(j >> (m - 1 - k)) & 1 for k in range(m)]
            if all(bi[k] == bj[k] for k in range(m) if k not in keep):
                out[2 * bi[keep[0]] + bi[keep[1]], 2 * bj[keep[0]] + bj[keep[1]]] += rho[i, j]
    return out


def _interaction(a: int, m: int) -> sympy.Matrix:
    eye = {k: _P["0"] for k in range(m)}
    return sum((ALPHA[(j, k)] * local_operator({**eye, a: _P[j], a + 1: _P[k]}, m)
                for j in "xyz" for k in "xyz"), sympy.zeros(2**m))


def _lie(ham: sympy.Matrix, rho: sympy.Matrix) -> sympy.Matrix:
    return -sympy.I * (ham * rho - rho * ham)


def two_site_basis() -> dict[str, sympy.Matrix]:
    """Return two-site ``rho^A``, ``rho^B`` and ``rho^C = s0 sz - sz s0`` (text after (130))."""
    x, y, z, o = _P["x"], _P["y"], _P["z"], _P["0"]
    kp = sympy.kronecker_product
    return {"A": kp(x, x) + kp(y, y), "B": kp(x, y) - kp(y, x), "C": kp(o, z) - kp(z, o)}


def bulk_projection() -> tuple[sympy.Matrix, dict]:
    """``P_(l,l+1) P0 (L_I(l-1,l) + L_I(l,l+1) + L_I(l+1,l+2)) rho0`` with (126), (128).

    Returns the 4x4 reduced operator and the symbols (``t``: t_{l-1..l+2}; ``c``: names).
    """
    m = 4
    t = sympy.symbols("t_0:4", real=True)
    names = ["Am", "Bm", "A0", "B0", "A1", "B1", "Ap", "Bp", "A2", "B2"]
    c = {n: sympy.Symbol(f"c_{n}", real=True) for n in names}
    z = _P["z"]
    ple = reduce(sympy.kronecker_product, [rho_le(tk) for tk in t])
    rho_a = sum((c[f"{k}m"] * _pair(k, 1, 2, m, {0: z}) + c[f"{k}0"] * _pair(k, 0, 2, m, {1: z})
                 + c[f"{k}1"] * _pair(k, 1, 3, m, {2: z}) + c[f"{k}p"] * _pair(k, 1, 2, m, {3: z})
                 + c[f"{k}2"] * _pair(k, 1, 2, m) for k in "AB"), sympy.zeros(2**m))
    rho0 = ple + rho_a
    total = sum((_lie(_interaction(a, m), rho0) for a in range(3)), sympy.zeros(2**m))
    reduced = partial_trace_keep(p0_mask(total, m), (1, 2), m)
    return reduced.applyfunc(sympy.expand), {"t": t, "c": c}


def paper_130(sym: dict) -> sympy.Matrix:
    """Return the left-hand side of (130) as printed (``l-1..l+2`` = local sites 0..3)."""
    t, c = sym["t"], sym["c"]
    b = two_site_basis()
    ap, azz = ALPHA_PLUS, ALPHA_ZZ
    coeff_b = ((t[2] - t[1]) / 4 * ap + 4 * azz * (-c["Am"] + c["Ap"])
               + 2 * ap * (c["A0"] - c["A1"]))
    coeff_a = -2 * (2 * azz * (-c["Bm"] + c["Bp"]) + ap * (c["B0"] - c["B1"]))
    return coeff_b * b["B"] + coeff_a * b["A"] \
        + 2 * ap * c["B2"] * b["C"]


def edge_projection(side: str) -> tuple[sympy.Matrix, dict]:
    """Left (134)-(135) or right edge projection on 3 sites, edge field ``H_E`` of (120)."""
    m = 3
    t = sympy.symbols("t_0:3", real=True)
    names = ["Amid", "Bmid", "Aout", "Bout", "A2", "B2"]
    c = {n: sympy.Symbol(f"c_{n}", real=True) for n in names}
    field = {a: sympy.Symbol(f"alpha_E{a}", real=True) for a in "xyz"}
    z = _P["z"]
    edge, pair, far = (0, (0, 1), 2) if side == "left" else (2, (1, 2), 0)
    ple = reduce(sympy.kronecker_product, [rho_le(tk) for tk in t])
    # mid: sigma^z on the middle site, rho^X on the two outer ones; out: rho^X on the edge
    # pair with sigma^z on the far site; 2: two-body rho^X on the edge pair (135)
    rho_a = sum((c[f"{k}mid"] * _pair(k, 0, 2, m, {1: z})
                 + c[f"{k}out"] * _pair(k, *pair, m, {far: z})
                 + c[f"{k}2"] * _pair(k, *pair, m) for k in "AB"), sympy.zeros(2**m))
    h_e = sum((field[a] * local_operator({**{k: _P["0"] for k in range(m)}, edge: _P[a]}, m)
               for a in "xyz"), sympy.zeros(2**m))
    ham = h_e + _interaction(0, m) + _interaction(1, m)
    reduced = partial_trace_keep(p0_mask(_lie(ham, ple + rho_a), m), pair, m)
    return reduced.applyfunc(sympy.expand), {"t": t, "c": c, "field": field}


def paper_136(sym: dict) -> sympy.Matrix:
    """Return the left-hand side of (136) as printed (sites 1, 2, 3 = local 0, 1, 2)."""
    t, c, az = sym["t"], sym["c"], sym["field"]["z"]
    b = two_site_basis()
    ap, azz = ALPHA_PLUS, ALPHA_ZZ
    return ((t[1] - t[0]) / 4 * ap + 4 * azz * c["Aout"] - 2 * ap * c["Amid"] - 2 * az * c["A2"]) \
        * b["B"] - 2 * (2 * azz * c["Bout"] - ap * c["Bmid"] - az * c["B2"]) * b["A"] \
        + 2 * ap * c["B2"] * b["C"]


def paper_140(sym: dict) -> sympy.Matrix:
    """(140)-(142) multiplied back to operator form, mirroring (136) (sites N-2, N-1, N)."""
    t, c, az = sym["t"], sym["c"], sym["field"]["z"]
    b = two_site_basis()
    ap, azz = ALPHA_PLUS, ALPHA_ZZ
    return ((t[2] - t[1]) / 4 * ap - 4 * azz * c["Aout"] + 2 * ap * c["Amid"] + 2 * az * c["A2"]) \
        * b["B"] - 2 * (-2 * azz * c["Bout"] + ap * c["Bmid"] + az * c["B2"]) * b["A"] \
        + 2 * ap * c["B2"] * b["C"]


def sum_rule_from_projections(n: int) -> tuple[sympy.Expr, sympy.Expr]:
    r"""Return (sum of ``t_{k+1} - t_l`` from (137), (131), (140); RHS of corrected (149)).

    Symbols ``c[z; (i, j)]`` stand for ``c^A`` of ``sigma^z_z rho^A_{i,j}`` (1-based paper
    sites) and ``c2[(i, j)]`` for the two-body ``c^A_{i,j}``.  (149) is used with the
    overlines the extraction lost: ``c^A_{\\bar{k-1},k,k+1} - c^A_{k-1,k,\\bar{k+1}}``.
    """
    ap, azz = ALPHA_PLUS, ALPHA_ZZ
    a1, an = sympy.symbols("alpha_1z alpha_Nz", real=True)

    def c(z, i, j):
        return sympy.Symbol(f"c_{z}_{i}{j}", real=True)

    def c2(i, j):
        return sympy.Symbol(f"c2_{i}{j}", real=True)

    diffs = [(-16 * azz * c(3, 1, 2) + 8 * ap * c(2, 1, 3) + 8 * a1 * c2(1, 2)) / ap]     # (137)
    for k in range(2, n - 1):                                                        # (131)
        diffs.append((-16 * azz * (-c(k - 1, k, k + 1) + c(k + 2, k, k + 1))
                      - 8 * ap * (c(k, k - 1, k + 1) - c(k + 1, k, k + 2))) / ap)
    diffs.append((16 * azz * c(n - 2, n - 1, n) - 8 * ap * c(n - 1, n - 2, n)
                  - 8 * an * c2(n - 1, n)) / ap)                                     # (140)
    rhs = 8 / ap * (2 * azz * sum((c(k - 1, k, k + 1) - c(k + 1, k - 1, k))
                                  for k in range(2, n))
                    + a1 * c2(1, 2) - an * c2(n - 1, n))
    return sympy.expand(sum(diffs)), sympy.expand(rhs)


def expectation_factors() -> tuple[sympy.Expr, sympy.Expr]:
    """Return ``Tr(O O)`` for ``O = sigma^z rho^A`` (3 sites) and ``O = rho^A`` (2 sites).

    In ``rho_0 = ... + c O ⊗ (sigma^0/2)^{others}`` (129) the correlator ``<O>`` is
    ``c Tr(O O)`` (the other sites contribute ``Tr(sigma^0 sigma^0 / 2) = 1``): 16 and 8,
    the factors that turn (149) into (150).
    """
    three = _pair("A", 1, 2, 3, {0: _P["z"]})
    two = _pair("A", 0, 1, 2)
    return (three * three).trace(), (two * two).trace()
