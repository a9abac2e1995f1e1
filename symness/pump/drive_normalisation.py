"""The drive's normalisation in eq. (20), derived symbolically from eqs. (8) and (19).

Eq. (8): ``Hd = eps_d (sin(w t) X1 + cos(w t) X2)`` with
``X1 = J sum_j (-1)^(j+1) S_j . S_{j+1}``, ``X2 = J sum_j (-1)^j Sz_j``.  The
paper writes ``Hd = eps_d (e^{i w t} H^(-) + e^{-i w t} H^(+))`` under (20), so
``H^(+-)`` are Fourier components of (8); (20) is the golden rule of the
Floquet generator of the Methods (``L_nm = i n w delta_nm + L_{n-m}``,
``L_p = (1/T) int_0^T L(t) e^{i p w t} dt``) at second order, ``-P L1 (L0 - eta)^-1
L1 P`` (eqs. (6), (11); ``L^-1 = lim (L - eta)^-1``, Methods).

:func:`drive_fourier_components` computes ``H^(+-)`` from (8) by sympy
integration; :func:`floquet_two_level_rate` builds the Floquet matrices of a
two-level system ``{|m>, |k>}`` driven by (8) with symbolic matrix elements and
returns the second-order transition rate ``m -> k``; :func:`golden_rule_rate`
is eq. (20)'s summand with the delta function broadened to the Lorentzian
``(1/pi) eta/(x^2 + eta^2)`` of the Methods.  Claim ``lange2017.eq20.normalisation``
checks that the two agree exactly for ``H^(+-) = (X2 +- i X1)/2`` and differ by a
factor 4 for ``H^(+-) = X2 +- i X1``.
"""

from __future__ import annotations

import sympy

__all__ = ["drive_fourier_components", "floquet_two_level_rate", "golden_rule_rate",
           "TWO_LEVEL_SYMBOLS"]

t, w, eta = sympy.symbols("t omega eta", positive=True)
e_m, e_k = sympy.symbols("E_m E_k", real=True)
a1, b1, a2, b2 = sympy.symbols("a1 b1 a2 b2", real=True)
#: ``<m|X1|k> = a1 + i b1``, ``<m|X2|k> = a2 + i b2``; diagonal elements 0.
TWO_LEVEL_SYMBOLS = (e_m, e_k, w, eta, a1, b1, a2, b2)


def drive_fourier_components(x1=sympy.Symbol("X1", real=True),
                             x2=sympy.Symbol("X2", real=True)):
    """``(H^(+), H^(-))`` of ``Hd/eps_d = sin(w t) X1 + cos(w t) X2``, eq. (8).

    ``H^(+) = (1/T) int_0^T Hd e^{i w t} dt / eps_d`` (the ``e^{-i w t}`` part,
    which absorbs ``w``), ``H^(-) = (1/T) int_0^T Hd e^{-i w t} dt / eps_d``,
    ``T = 2 pi / w``.  ``X1``, ``X2`` (Hermitian) enter linearly, so real commuting symbols suffice.
    """
    period = 2 * sympy.pi / w
    drive = sympy.sin(w * t) * x1 + sympy.cos(w * t) * x2

    def component(sign: int):
        integrand = sympy.expand(sympy.expand_complex(drive * sympy.exp(sign * sympy.I * w * t)))
        return sympy.simplify(sympy.integrate(integrand, (t, 0, period)) / period)

    return component(+1), component(-1)


def _commutator_super(op: sympy.Matrix) -> sympy.Matrix:
    """``rho -> -i [op, rho]`` on row-major ``vec(rho)``: ``-i (op (x) 1 - 1 (x) op^T)``."""
    one = sympy.eye(op.shape[0])
    return -sympy.I * (sympy.kronecker_product(op, one) - sympy.kronecker_product(one, op.T))


def floquet_two_level_rate() -> sympy.Expr:
    """Second-order Floquet rate ``m -> k`` of a two-level system driven by eq. (8).

    ``H0 = diag(E_m, E_k)``, ``X_i = [[0, c_i], [conj(c_i), 0]]``; the Fourier
    components ``L_p`` of ``L(t) = -i[H0 + sin(w t) X1 + cos(w t) X2, .]`` are
    integrated from their definition (19), and
    ``W = <k|(- sum_{s = +-1} L_{-s} (i s w + L_0 - eta)^-1 L_s)(|m><m|)|k>``,
    the Floquet sector ``n = 0 -> s -> 0`` path of ``-P L1 (L0 - eta)^-1 L1 P``.
    """
    period = 2 * sympy.pi / w
    c1, c2 = a1 + sympy.I * b1, a2 + sympy.I * b2
    h0 = sympy.diag(e_m, e_k)
    x1 = sympy.Matrix([[0, c1], [sympy.conjugate(c1), 0]])
    x2 = sympy.Matrix([[0, c2], [sympy.conjugate(c2), 0]])

    def fourier(p: int) -> sympy.Matrix:
        def avg(f):
            integrand = sympy.expand(sympy.expand_complex(f * sympy.exp(sympy.I * p * w * t)))
            return sympy.simplify(sympy.integrate(integrand, (t, 0, period)) / period)
        return _commutator_super(avg(sympy.Integer(1)) * h0 + avg(sympy.sin(w * t)) * x1
                                 + avg(sympy.cos(w * t)) * x2)

    l0 = fourier(0)
    start = sympy.Matrix([1, 0, 0, 0])  # vec(|m><m|), row-major
    out = sympy.zeros(4, 1)
    for s in (1, -1):
        resolvent = (sympy.I * s * w * sympy.eye(4) + l0 - eta * sympy.eye(4)).inv()
        out -= fourier(-s) * resolvent * fourier(s) * start
    return sympy.simplify(sympy.expand_complex(out[3]))  # <k|.|k>


def golden_rule_rate(h_plus: sympy.Expr, h_minus: sympy.Expr) -> sympy.Expr:
    """Eq. (20)'s rate ``m -> k`` for ``eps_d = 1``, delta -> Lorentzian of width ``eta``.

    ``2 pi |<k|H^(+)|m>|^2 L(E_k - E_m - w) + 2 pi |<k|H^(-)|m>|^2 L(E_k - E_m + w)``,
    ``L(x) = (1/pi) eta / (x^2 + eta^2)``; ``h_plus``, ``h_minus`` are ``<k|H^(+-)|m>``.
    """
    def lorentz(x):
        return eta / sympy.pi / (x**2 + eta**2)

    return (2 * sympy.pi * h_plus * sympy.conjugate(h_plus) * lorentz(e_k - e_m - w)
            + 2 * sympy.pi * h_minus * sympy.conjugate(h_minus) * lorentz(e_k - e_m + w))
