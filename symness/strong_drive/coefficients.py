"""The bulk algebra of the strongly driven chain: coefficients of ``A_0, A_+, A_-``.

Prosen (2011b) writes the steady state as ``rho = S S^† / tr(S S^†)`` with

    S = sum_{s in {0,+,-}^n} <0| A_{s_1} ... A_{s_n} |0> sigma^{s_1} ... sigma^{s_n}

(``sigma^0 = 1``).  We obtain the matrices from the ``U_q(sl_2)`` Lax operator at
spectral parameter ``pi/2``, ``L = [[cos(eta S^z), sin(eta) S^-], [sin(eta) S^+,
cos(eta S^z)]]`` with ``Delta = cos(eta)``, complex spin ``s`` fixed by
``tan(eta s) = i eps / (2 sin eta)`` (found by fitting ``s`` to the exact steady
state, then proved below), normalised by ``cos(eta s)`` per site and put in the
gauge ``A_+ |k+1> = |k>``.  With Chebyshev polynomials ``T_k(Delta) = cos(k eta)``
and ``U_{k-1}(Delta) = sin(k eta)/sin(eta)`` every ``eta`` and ``s`` drops out:

    A_0 = sum_k a_k |k><k|,        a_k = T_k(Delta) + (i eps/2) U_{k-1}(Delta),
    A_+ = sum_k |k><k+1|,          A_- = sum_k w_k |k+1><k|,
    w_k = U_k(Delta) [i eps T_k(Delta) - (1 - Delta^2 + eps^2/4) U_{k-1}(Delta)].

These are polynomials in ``Delta`` and ``eps`` with Gaussian-integer-over-4
coefficients, valid for every real ``Delta`` (``Delta = 1``: ``a_k = 1 + i eps k/2``,
``w_k = (k+1)(i eps - eps^2 k/4)``; ``Delta > 1`` by analytic continuation).  At
``Delta = cos(pi l/m)``, ``U_{m-1} = 0`` cuts the auxiliary space to ``m`` levels.
The bulk ("divergence") relation they satisfy and its boundary terms are checked
exactly in :mod:`.algebra`.

The functions take the ring from their arguments: Fractions or sympy numbers
with ``unit = sympy.I`` give exact values, floats with ``unit = 1j`` numeric ones.
"""

from __future__ import annotations

__all__ = ["chebyshev", "coefficients"]


def chebyshev(delta, levels: int) -> tuple[list, list]:
    """``T_k(Delta)`` and ``U_{k-1}(Delta)`` for ``k = 0 .. levels`` (``U_{-1} = 0``).

    Recurrences ``T_{k+1} = Delta T_k - (1 - Delta^2) U_{k-1}`` and
    ``U_k = Delta U_{k-1} + T_k`` (i.e. ``cos((k+1) eta)`` and ``sin((k+1) eta)/sin eta``).
    """
    one = delta ** 0
    t, u = [one], [0 * one]
    for _ in range(levels):
        t_k, u_km1 = t[-1], u[-1]
        t.append(delta * t_k - (one - delta * delta) * u_km1)
        u.append(delta * u_km1 + t_k)
    return t, u


def coefficients(delta, eps, levels: int, *, unit=1j) -> tuple[list, list]:
    """Diagonal ``a_k`` (``k = 0 .. levels``) and pair weights ``w_k`` (``k = 0 .. levels-1``).

    Parameters
    ----------
    delta, eps
        Anisotropy and coupling, in the ring of the result (float, Fraction, sympy).
    levels : int
        Highest auxiliary level ``K``; ``n // 2`` suffices for a chain of ``n`` sites
        (a path of ``n`` steps from ``|0>`` back to ``|0>`` climbs at most ``n/2``).
    unit
        The imaginary unit of the ring (``1j`` or ``sympy.I``).

    Returns
    -------
    a, w : list
        ``a_k = T_k + (i eps/2) U_{k-1}``,
        ``w_k = U_k (i eps T_k - (1 - Delta^2 + eps^2/4) U_{k-1})`` (module docstring).
    """
    t, u = chebyshev(delta, levels + 1)
    half = eps / 2
    a = [t[k] + unit * half * u[k] for k in range(levels + 1)]
    gap = 1 - delta * delta + half * half
    w = [u[k + 1] * (unit * eps * t[k] - gap * u[k]) for k in range(levels)]
    return a, w
