"""Two spins between two baths by computer algebra (Ishida & Sugita (2022), Sec. IV B, App. B).

Everything here is exact sympy.  Pauli matrices, hbar = 1, field frame; ``sigma^{jk} =
sigma^j_1 ⊗ sigma^k_2`` (82), ``rho^A = sigma^xx + sigma^yy`` (79), ``rho^B = sigma^xy - sigma^yx``
(80), ``rho^C = sigma^0z - sigma^z0`` (83).  Trigonometric functions of the field angle
enter as two real symbols ``C = cos(theta)`` and ``S = sin(theta)``; identities that need
``C^2 + S^2 = 1`` are decided by :func:`vanishes_on_circle` (polynomial remainder), never
by numerical evaluation.

The projectors ``P0`` and ``P1`` are those of the perturbation engine
(:class:`~symness.perturbation.series.DegenerateSeries` with ``exact=True``), computed
from the superoperators, not from the paper's basis.
"""

from __future__ import annotations

from functools import lru_cache

import sympy

from symness.perturbation.series import DegenerateSeries
from symness.weak_coupling.baths import bath_map, coupling_operator, s_from_ab

__all__ = ["C", "S", "H", "T1", "T2", "G", "TL", "TR", "CL", "CR", "DL", "DR", "pauli2",
           "RHO_A", "RHO_B", "RHO_C", "superop", "commutator", "apply", "vanishes_on_circle",
           "general_model", "kernel_basis_81", "p0_l1_relations", "tilted_ising_engine",
           "rho0_103", "pauli_coefficient", "tilted_couplings", "gamma_b22",
           "p1_l2_rho0", "paper_b18", "equations_b23_b25", "solve_exact",
           "paper_solution", "asymmetric_orders"]

IMAG = sympy.I
C, S = sympy.symbols("C S", real=True)
H = sympy.Symbol("h", positive=True)
T1, T2, G, TL, TR = sympy.symbols("t_1 t_2 g t_L t_R", real=True)
CL, CR, DL, DR = sympy.symbols("c_L c_R d_L d_R", nonnegative=True)

_P = {"0": sympy.eye(2), "x": sympy.Matrix([[0, 1], [1, 0]]),
      "y": sympy.Matrix([[0, -IMAG], [IMAG, 0]]), "z": sympy.Matrix([[1, 0], [0, -1]])}


def pauli2(a: str, b: str) -> sympy.Matrix:
    """``sigma^{ab} = sigma^a_1 ⊗ sigma^b_2`` (82), ``a, b`` in ``"0xyz"``."""
    return sympy.kronecker_product(_P[a], _P[b])


RHO_A = pauli2("x", "x") + pauli2("y", "y")
RHO_B = pauli2("x", "y") - pauli2("y", "x")
RHO_C = pauli2("0", "z") - pauli2("z", "0")


def superop(linear_map, d: int = 4) -> sympy.Matrix:
    """Matrix of a linear map on ``d x d`` matrices acting on row-major ``vec``."""
    cols = []
    for a in range(d):
        for b in range(d):
            unit = sympy.zeros(d, d)
            unit[a, b] = 1
            cols.append(sympy.Matrix(linear_map(unit)).reshape(d * d, 1))
    return sympy.Matrix.hstack(*cols)


def commutator(ham: sympy.Matrix) -> sympy.Matrix:
    """``rho -> -i [H, rho]`` as a superoperator (eqs. (17), (18), (85), (86))."""
    return superop(lambda r: -IMAG * (ham * r - r * ham), ham.shape[0])


def apply(sup: sympy.Matrix, rho: sympy.Matrix) -> sympy.Matrix:
    """``sup(rho)`` for a superoperator ``sup`` and a matrix ``rho``."""
    d = rho.shape[0]
    return (sup * rho.reshape(d * d, 1)).reshape(d, d)


def vanishes_on_circle(expr) -> bool:
    """Decide whether ``expr`` (rational in ``C, S``) vanishes on ``C^2 + S^2 = 1``."""
    num, _ = sympy.fraction(sympy.cancel(sympy.together(sympy.expand(expr))))
    num = sympy.expand(num)
    if num == 0:
        return True
    _, rem = sympy.reduced(num, [S**2 + C**2 - 1], S, C)
    return sympy.expand(rem) == 0


# --------------------------------------------------------------------- general alpha_jk

@lru_cache(maxsize=1)
def general_model() -> dict:
    """Symbols and superoperators for general ``alpha_jk`` and edge fields (70), (91)."""
    alpha = {(a, b): sympy.Symbol(f"alpha_{min(a, b)}{max(a, b)}", real=True)
             for a in "xyz" for b in "xyz"}
    left = {a: sympy.Symbol(f"alpha_L{a}", real=True) for a in "xyz"}
    right = {a: sympy.Symbol(f"alpha_R{a}", real=True) for a in "xyz"}
    h0 = H * (pauli2("z", "0") + pauli2("0", "z"))
    hi = sum((alpha[(a, b)] * pauli2(a, b) for a in "xyz" for b in "xyz"), sympy.zeros(4))
    he = sum((left[a] * pauli2(a, "0") + right[a] * pauli2("0", a) for a in "xyz"),
             sympy.zeros(4))
    l0, li, le = commutator(h0), commutator(hi), commutator(he)
    engine = DegenerateSeries([l0, li + le, sympy.zeros(16)], exact=True)
    return {"alpha": alpha, "left": left, "right": right, "L0": l0, "LI": li, "LE": le,
            "engine": engine, "alpha_plus": alpha[("x", "x")] + alpha[("y", "y")],
            "delta_alpha_z": left["z"] - right["z"]}


def kernel_basis_81() -> list[sympy.Matrix]:
    """Return the basis (81) of ``Ker L0``: sigma^00, sigma^zz, sigma^0z + sigma^z0, rho^A..C."""
    return [pauli2("0", "0"), pauli2("z", "z"), pauli2("0", "z") + pauli2("z", "0"),
            RHO_A, RHO_B, RHO_C]


def p0_l1_relations() -> list[tuple[str, sympy.Matrix, sympy.Matrix]]:
    """``(equation, computed, paper)`` for (87)-(95), with ``P0`` from the engine."""
    model = general_model()
    p0 = model["engine"].projector("P0")
    ap, da = model["alpha_plus"], model["delta_alpha_z"]
    zero = sympy.zeros(4)
    s00, szz, ssum, ra, rb, rc = kernel_basis_81()

    def p0l(which, rho):
        return apply(p0 * model[which], rho)

    return [
        ("(87)", sympy.Matrix.hstack(p0l("LI", s00), p0l("LI", szz), p0l("LI", ssum)),
         sympy.Matrix.hstack(zero, zero, zero)),
        ("(88)", p0l("LI", ra), zero),
        ("(89)", p0l("LI", rb), 2 * ap * rc),
        ("(90)", p0l("LI", rc), -2 * ap * rb),
        ("(92)", sympy.Matrix.hstack(p0l("LE", s00), p0l("LE", szz), p0l("LE", ssum)),
         sympy.Matrix.hstack(zero, zero, zero)),
        ("(93)", p0l("LE", ra), -2 * da * rb),
        ("(94)", p0l("LE", rb), 2 * da * ra),
        ("(95)", p0l("LE", rc), zero),
    ]


# --------------------------------------------------------------------- tilted Ising

def _tilted_alpha_and_edges():
    theta = sympy.Symbol("theta", real=True)
    trig = {sympy.cos(theta): C, sympy.sin(theta): S}
    x = coupling_operator(theta, exact=True).subs(trig)                     # (B1)
    eye = sympy.eye(2)
    h_i = sympy.kronecker_product(x, x)                                     # (105)
    h_e = -C * (TL * sympy.kronecker_product(x, eye)
                + TR * sympy.kronecker_product(eye, x))                     # (B20)
    return x, h_i, h_e


@lru_cache(maxsize=1)
def tilted_ising_engine() -> DegenerateSeries:
    """Exact engine for the two-spin tilted Ising model (104)-(110) with baths (B2), (B20).

    ``L2 = D_L + D_R`` with ``a_alpha = c_alpha S``, ``b_alpha = d_alpha C`` (B32)-(B33).
    """
    x, h_i, h_e = _tilted_alpha_and_edges()
    eye = sympy.eye(2)
    x_l, x_r = sympy.kronecker_product(x, eye), sympy.kronecker_product(eye, x)
    s_l = sympy.kronecker_product(s_from_ab(CL * S, DL * C, TL, exact=True), eye)
    s_r = sympy.kronecker_product(eye, s_from_ab(CR * S, DR * C, TR, exact=True))
    l2 = superop(lambda r: bath_map(r, x_l, s_l) + bath_map(r, x_r, s_r))
    h0 = H * (pauli2("z", "0") + pauli2("0", "z"))
    return DegenerateSeries([commutator(h0), commutator(h_i + h_e), l2], exact=True)


def pauli_coefficient(op: sympy.Matrix, a: str, b: str):
    """Coefficient of ``sigma^{ab}`` in a two-spin operator: ``Tr(sigma^{ab} op) / 4``."""
    return sympy.expand((pauli2(a, b) * op).trace() / 4)


def tilted_couplings() -> dict:
    """``alpha_jk`` (108)-(110), ``alpha^z_{L,R}``, ``Delta alpha_z`` (B21), ``gamma`` (B22).

    Derived, not typed in: the coefficients are read off the field-frame operators of
    (105)-(107) and (B20) by Pauli traces (``C = cos theta``, ``S = sin theta``).
    """
    _, h_i, h_e = _tilted_alpha_and_edges()
    alpha = {a + b: pauli_coefficient(h_i, a, b) for a in "xyz" for b in "xyz"}
    left, right = pauli_coefficient(h_e, "z", "0"), pauli_coefficient(h_e, "0", "z")
    delta = sympy.expand(left - right)
    return {"alpha": alpha, "alpha_Lz": left, "alpha_Rz": right, "delta_alpha_z": delta,
            "gamma": sympy.cancel((alpha["xx"] + alpha["yy"]) / delta)}


def gamma_b22():
    """``gamma = -S^2 / ((t_L - t_R) C^2)`` as printed in (B22) (the paper's side)."""
    return -S**2 / ((TL - TR) * C**2)


def rho0_103(gamma) -> sympy.Matrix:
    """``rho_LE(t1) ⊗ rho_LE(t2) + (t2 - t1)/8 gamma rho^A + g sigma^zz`` (99)-(103)."""
    ple = sympy.kronecker_product((_P["0"] - T1 * _P["z"]) / 2, (_P["0"] - T2 * _P["z"]) / 2)
    return ple + (T2 - T1) / 8 * gamma * RHO_A + G * pauli2("z", "z")


def p1_l2_rho0() -> sympy.Matrix:
    """Return ``P1 L2 rho_0`` (engine's ``P1``, ``rho_0`` of (103), derived gamma): (B17)."""
    engine = tilted_ising_engine()
    return apply(engine.projector("P1") * engine.pieces[2], rho0_103(tilted_couplings()["gamma"]))


def paper_b18() -> sympy.Matrix:
    """Return the right-hand side of (B18) as printed, with ``a = c S``, ``b = d C``."""
    a_l, a_r, b_l, b_r = CL * S, CR * S, DL * C, DR * C
    gam = gamma_b22()
    rho_cp = RHO_C - gam * RHO_A                                            # (97)
    return (-S / 2 * (a_l * (T1 - TL) * T2 + a_r * (T2 - TR) * T1 + 4 * G * (a_l + a_r))
            * pauli2("z", "z")
            + S / 4 * (a_l * (T1 - TL) + a_r * (T2 - TR)) * (pauli2("0", "z") + pauli2("z", "0"))
            + 1 / (8 * (1 + gam**2)) * (2 * S * (a_r * (T2 - TR) - a_l * (T1 - TL))
                                        + gam**2 * (T2 - T1) * (2 * (b_l + b_r) * C
                                                                + (a_l + a_r) * S)) * rho_cp)


def equations_b23_b25(p1l2: sympy.Matrix) -> list:
    """Return the coefficients of ``sigma^zz``, ``sigma^0z + sigma^z0``, ``rho^C'`` in ``p1l2``."""
    rho_cp = RHO_C - gamma_b22() * RHO_A
    out = []
    for b in (pauli2("z", "z"), pauli2("0", "z") + pauli2("z", "0"), rho_cp):
        out.append(sympy.cancel((b * p1l2).trace() / (b * b).trace()))
    return out


def solve_exact() -> dict:
    """Exact ``t1, t2, g`` from (B23)-(B25) (paper's printed equations), general constants."""
    a_l, a_r, b_l, b_r = CL * S, CR * S, DL * C, DR * C
    gam2 = gamma_b22() ** 2
    eqs = [a_l * (T1 - TL) * T2 + a_r * (T2 - TR) * T1 + 4 * G * (a_l + a_r),
           a_l * (T1 - TL) + a_r * (T2 - TR),
           2 * S * (a_r * (T2 - TR) - a_l * (T1 - TL))
           + gam2 * (T2 - T1) * (2 * (b_l + b_r) * C + (a_l + a_r) * S)]
    lin = sympy.solve(eqs[1:], [T1, T2], dict=True)[0]
    g = sympy.solve(eqs[0].subs(lin), G)[0]
    return {T1: sympy.cancel(lin[T1]), T2: sympy.cancel(lin[T2]), G: sympy.cancel(g)}


def paper_solution(c=None, d=None) -> dict:
    """(111)-(114): ``t1, t2, g`` with ``K`` of (B29); ``c, d`` default to the means (B30)-(B31)."""
    c = (CL + CR) / 2 if c is None else c
    d = (DL + DR) / 2 if d is None else d
    delta = TL - TR
    k = c * delta**2 * C**4 / (c * delta**2 * C**4 + S**2 * (2 * d * C**2 + c * S**2))
    mean = (TL + TR) / 2
    return {T1: mean + k / 2 * delta, T2: mean - k / 2 * delta, G: -k * (1 - k) / 16 * delta**2}


def asymmetric_orders() -> dict:
    """Order in ``Delta = t_L - t_R`` of (exact solution - (111)-(113)) for ``c_L != c_R``.

    The constants are taken as ``c_{L,R} = c +- e_c Delta/2``, ``d_{L,R} = d +- e_d Delta/2``
    (the paper's ``a_L ~ a_R`` for small ``Delta``) with ``t_{L,R} = tau +- Delta/2``.
    Returns ``{t1: p, t2: p, g: p}``, the lowest power of ``Delta`` of each difference
    (numerator's lowest power minus the denominator's, generic ``C, S``).
    """
    tau, delta, c, d, e_c, e_d = sympy.symbols("tau Delta c d e_c e_d", positive=True)
    sub = {TL: tau + delta / 2, TR: tau - delta / 2, CL: c + e_c * delta / 2,
           CR: c - e_c * delta / 2, DL: d + e_d * delta / 2, DR: d - e_d * delta / 2}
    sol, paper = solve_exact(), paper_solution(c, d)
    out = {}
    for key in (T1, T2, G):
        num, den = sympy.fraction(sympy.cancel((sol[key] - paper[key]).subs(sub)))
        low = [min(m[0] for m in sympy.Poly(sympy.expand(p), delta).monoms()) for p in (num, den)]
        out[key] = low[0] - low[1]
    return out
