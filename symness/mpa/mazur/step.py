"""The Mazur step (18) -> (19) of Prosen (2011): Q_Z, (J, Q_Z), (Q_Z, Q_Z), pseudolocality.

``Q_Z = i (Z - Z^dagger)``, ``J = sum_j J_j``, ``J_j = i (s+_j s-_{j+1} - s-_j s+_{j+1})``,
``(A, B) = 2^-n tr(A^dagger B)``.  The paper states (text around (18)-(19))::

    (J, Q_Z) = (n - 1)/2,   (Q_Z, Q_Z) = 2 (Z, Z),   (Z, Z) = <L|T^n|R>,
    ||[H, Q_Z]|| / ||Q_Z|| -> 0,   Z pseudolocal for |Delta| < 1.

Word representation (independent of the transfer matrix (15)): Z is a sum over
words ``w`` in ``{0, +, -}^n`` of ``z_w s^{w_1} ... s^{w_n}``; these words are
orthogonal with ``(w, w) = 2^-#(+-)(w)``.  In the polynomial gauge of
:func:`symness.mpa.algebra.theorem.gauge_matrices` every word has at most one path
through the auxiliary space, so ``z_w`` is a product of matrix elements of (11),
a rational number at rational Delta.  ``Q_Z`` and ``J`` are ``i`` times real
word sums (``Q_Z = i sum_w z_w (w - wbar)``, ``wbar`` with + and - swapped), so
``(i R1, i R2) = sum_w R1_w R2_w 2^-#(+-)(w)`` exactly in Fractions.

The support of a word is the distance between its first and last non-0
letter plus one.  Per starting site, the weight of Z on words of support k
is ``w_k = c_{k-2} = u B^{k-2} v`` (B the inner block of T, ``u = v = e_1/2``),
which decays like ``rho(B)^k``: Z is pseudolocal with rate ``-log rho(B)``.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from symness.mpa.algebra.theorem import gauge_matrices
from symness.mpa.transfer.matrices import (
    L,
    R,
    check_rational_lambda,
    inner,
    reduced_transfer_matrices,
)
from symness.validation import ParameterError, require_int

__all__ = ["z_words", "hs_real", "q_z_words", "current_words", "mazur_overlaps",
           "transfer_overlap", "support_weights", "support_weights_transfer", "commutator_ratio",
           "support_decay"]

_BAR = str.maketrans("+-", "-+")


def _fraction(x) -> Fraction:
    x = sp.Rational(x)
    return Fraction(int(x.p), int(x.q))


def z_words(n: int, delta) -> dict[str, Fraction]:
    """Nonzero coefficients ``z_w = <L|A_{w_1} ... A_{w_n}|R>`` of (10) at rational ``delta``.

    Exhaustive path enumeration over the matrices (11) in the polynomial gauge,
    truncated to ``d = 2 + n//2`` (exact for n sites, text after (16)).
    """
    n = require_int(n, "n", minimum=2)
    mats = {letter: {key: _fraction(v) for key, v in entries.items()}
            for letter, entries in gauge_matrices(n // 2 + 2, sp.Rational(delta)).items()}
    states: dict[int, dict[str, Fraction]] = {L: {"": Fraction(1)}}
    for _ in range(n):
        new: dict[int, dict[str, Fraction]] = {}
        for state, words in states.items():
            for letter, mat in mats.items():
                for (i, k), weight in mat.items():
                    if i == state and weight:
                        bucket = new.setdefault(k, {})
                        for word, coeff in words.items():
                            bucket[word + letter] = coeff * weight
        states = new
    return {w: c for w, c in states.get(R, {}).items() if c}


def hs_real(a: dict[str, Fraction], b: dict[str, Fraction]) -> Fraction:
    """``sum_w a_w b_w 2^-#(+-)(w)``: the HS product of ``i a`` and ``i b`` (or of a and b)."""
    return sum((c * b[w] / 2 ** (len(w) - w.count("0")) for w, c in a.items() if w in b),
               Fraction(0))


def q_z_words(z: dict[str, Fraction]) -> dict[str, Fraction]:
    """Real word sum R with ``Q_Z = i (Z - Z^dagger) = i R`` (``Z^dag = sum z_w wbar``)."""
    out = dict(z)
    for w, c in z.items():
        bar = w.translate(_BAR)
        out[bar] = out.get(bar, Fraction(0)) - c
    return {w: c for w, c in out.items() if c}


def current_words(n: int) -> dict[str, Fraction]:
    """Real word sum R with ``J = i R``: ``J_j = i (s+_j s-_{j+1} - s-_j s+_{j+1})``."""
    n = require_int(n, "n", minimum=2)
    out = {}
    for j in range(n - 1):
        out["0" * j + "+-" + "0" * (n - j - 2)] = Fraction(1)
        out["0" * j + "-+" + "0" * (n - j - 2)] = Fraction(-1)
    return out


def mazur_overlaps(n: int, delta) -> dict[str, Fraction]:
    """``(J, Q_Z)``, ``(Q_Z, Q_Z)``, ``(Z, Z)`` and ``(Z, Z^dagger)`` from the word sums."""
    z = z_words(n, delta)
    q = q_z_words(z)
    bar = {w.translate(_BAR): c for w, c in z.items()}
    return {"J,Q": hs_real(current_words(n), q), "Q,Q": hs_real(q, q), "Z,Z": hs_real(z, z),
            "Z,Zdag": hs_real(z, bar)}


def _reduced_t(size: int, delta):
    """Reduced T of (15) at rational Delta (c = 1): ``cos^2(r lam) = T_r(Delta)^2``."""
    delta = sp.Rational(delta)

    def cos2(r):
        return _fraction(sp.chebyshevt(r, delta) ** 2)

    def sin2(k):
        return 1 - cos2(k)

    t, _ = reduced_transfer_matrices(size, cos2, sin2, Fraction(1), one=Fraction(1),
                                     zero=Fraction(0))
    return t


def _row_times(row: list, t: list) -> list:
    size = len(t)
    return [sum((row[i] * t[i][j] for i in range(size) if row[i]), Fraction(0))
            for j in range(size)]


def transfer_overlap(n: int, delta) -> Fraction:
    """``<L|T^n|R>`` from the reduced transfer matrix (15), exact at rational Delta."""
    n = require_int(n, "n", minimum=1)
    t = _reduced_t(n // 2 + 2, delta)
    row = [Fraction(0)] * len(t)
    row[L] = Fraction(1)
    for _ in range(n):
        row = _row_times(row, t)
    return row[R]


def support_weights(n: int, delta) -> dict[int, Fraction]:
    """HS weight of Z on words of support k starting at site 1, ``k = 2..n`` (word sums)."""
    out: dict[int, Fraction] = {}
    for w, c in z_words(n, delta).items():
        if w[0] == "+":
            k = len(w.rstrip("0"))
            out[k] = out.get(k, Fraction(0)) + c * c / 2 ** (len(w) - w.count("0"))
    return dict(sorted(out.items()))


def support_weights_transfer(max_k: int, delta) -> dict[int, Fraction]:
    """``w_k = u B^{k-2} v`` from the reduced T (15), ``k = 2..max_k`` (transfer-matrix side)."""
    max_k = require_int(max_k, "max_k", minimum=2)
    t = _reduced_t(max_k // 2 + 3, delta)
    row = [Fraction(0)] * len(t)
    row[inner(1)] = t[L][inner(1)]  # u = <L|T restricted to the inner block
    out = {}
    for k in range(2, max_k + 1):
        out[k] = row[inner(1)] * t[inner(1)][R]  # u B^{k-2} v
        row = _row_times(row, t)
        row[L] = row[R] = Fraction(0)  # stay in the inner block
    return out


def commutator_ratio(n: int, ell: int, m: int) -> float:
    """``||[H, Q_Z]|| / ||Q_Z|| = 2 / sqrt(<L|T^n|R>)`` at ``Delta = cos(pi ell/m)`` (float64).

    From (12), ``[H, Q_Z] = 2i (s^z_n - s^z_1)``, of norm ``sqrt(8)``, and
    ``(Q_Z, Q_Z) = 2 <L|T^n|R>``; ``<L|T'^n|R> = n / (4 f_n)`` with ``f_n`` from
    :func:`symness.mpa.mazur.iteration.literal_trajectory`.
    """
    from symness.mpa.mazur.iteration import literal_trajectory

    f_n = float(literal_trajectory(ell, m, [require_int(n, "n", minimum=2)])[0])
    return 2.0 / (n / (4.0 * f_n)) ** 0.5


def support_decay(ell: int, m: int, *, target: float = 1e-3) -> dict[str, float]:
    """Measured decay rate of the support weights ``w_k`` vs ``-log rho(B)`` (float64).

    ``rate = log(w_k / w_{k+2}) / 2`` (two steps, so an eigenvalue ``-rho`` of B
    does not make it oscillate), ``w_k = u B^{k-2} v`` by iterating B; ``rho``
    from the symmetric tridiagonal eigenvalues of B (another algorithm).  Error
    model: with ``B`` symmetrised, ``w_k = sum_i alpha_i mu_i^{k-2}``,
    ``alpha_i = (e_1 . psi_i)^2 / 4 >= 0``, so ``w_k = alpha_top rho^{k-2} (1 + e_k)``
    with ``|e_k| <= eps_k = (sum_{|mu_i| < rho} alpha_i / alpha_top) (mu_2/rho)^{k-2}``
    (``mu_2`` the largest modulus below rho), and ``|rate - gap| <= eps_k / (1 - eps_k)``.
    k is the smallest with ``eps_k <= target``.

    Returns
    -------
    dict with ``rate``, ``gap`` (``-log rho``), ``bound`` (``eps_k/(1-eps_k)`` plus
    ``k * 1e-15`` round-off) and ``k``.
    """
    import math

    import numpy as np
    from scipy.linalg import eigh_tridiagonal

    from symness.mpa.mazur.bound import inner_block

    ell, m = check_rational_lambda(ell, m)
    if m < 3:
        raise ParameterError(f"'m' must be >= 3 (B = 0 at m = 2, Z strictly local; got m={m})")
    diag, up, down, half = inner_block(ell, m)  # m = 2: B = 0, Z is strictly local
    mu, psi = eigh_tridiagonal(diag, np.sqrt(up * down))
    rho = float(np.max(np.abs(mu)))
    top = np.abs(np.abs(mu) - rho) <= 1e-12
    alpha = psi[0] ** 2 * half * half
    if top.all():
        k, eps = 2, 0.0
    else:
        mu2 = float(np.max(np.abs(mu[~top])))
        amplitude = float(alpha[~top].sum() / alpha[top].sum())
        k = 2 + max(0, math.ceil(math.log(target / amplitude) / math.log(mu2 / rho)))
        eps = amplitude * (mu2 / rho) ** (k - 2)
    w = np.zeros(m - 1)
    w[0] = half  # v
    weights = []
    for _ in range(k + 1):
        weights.append(half * w[0])  # u B^b v
        new = diag * w
        new[:-1] += up * w[1:]
        new[1:] += down * w[:-1]
        w = new
    rate = float(np.log(weights[k - 2] / weights[k]) / 2)
    return {"rate": rate, "gap": -math.log(rho), "bound": eps / (1 - eps) + k * 1e-15, "k": k}
