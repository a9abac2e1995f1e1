"""Local charges Q_n on the lattice (boost operator) and their values in product states.

The product states are the two-site ones of the paper's Example 2 (Neel, Bell pairs) and
the singlet (dimer) state.

Charges are translation-invariant sums Q = sum_x T^x q of a local density q; a density
is stored *per translation class*: a dict {letters: coefficient}, ``letters`` a string over
"IXYZ" (Pauli matrices, sigma normalisation) whose first and last letters are not "I",
placed with its first letter on site 0, and "" for the identity.  Two densities with the
same class sums give the same Q, so this form is unique.  Coefficients are real
(``Fraction`` when Delta is a ``Fraction``: exact; ``float`` otherwise): every operator built
here is Hermitian and time-reversal even or odd, and only i[A, B] of such operators occurs.

Construction (Grabowski & Mathieu, Ann. Phys. 243, 299 (1995); Tetelman's boost
B = sum_l l h_{l,l+1}):

    Q_1 = sum_l (h_{l,l+1} - Delta/4),     Q_{n+1} = i [B, Q_n] - <all up| ... |all up>.

On the infinite chain i[B, Q] = sum_x T^x (i sum_l l [h_l, q_0] + j_0), with j the current
of q (j_x - j_{x+1} = i[H, q_x], eq. (13)), see :func:`boost`.  With this normalisation the
one-magnon eigenvalue of Q_{n+1} is -(sin gamma/2) d/dlambda of that of Q_n, exactly the
recursion the paper states after eq. (3) (checked in ``tests/tba/test_lattice_charges.py``
against ``bare.bare_charge``; Q_2 = -J_E as in ``exact_diag``), and the all-up state has
Q_n = 0, as the TBA eigenvalues q_{n,j}(lambda) assume.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import sympy

from symness.models.xxz_chain import bond_words
from symness.operators.boost import boost_commutator, current_placements
from symness.validation import ParameterError

__all__ = ["bond_density", "current", "boost", "local_charge",
           "PairProductState", "NEEL", "BELL", "SINGLET", "expectation", "one_magnon_eigenvalue",
           "ring_operator"]

_DOWN = {"X": 1, "Y": -1j}  # amplitude of the letter taking |down> to |up>
_UP = {"X": 1, "Y": 1j}     # amplitude of the letter taking |up> to |down>
#: Symbol standing for an irrational Delta (a float): the charges are built in Q[Delta].
_DELTA = sympy.Symbol("Delta")


def bond_density(delta) -> dict[str, object]:
    """Density of Q_1 = sum_l (h_l - Delta/4), h = (XX + YY + Delta ZZ)/4 (spin-1/2).

    ``Fraction`` coefficients for an exact ``delta``, floats for a float.
    """
    exact = delta if isinstance(delta, (Fraction, sympy.Basic)) else _DELTA
    bond = _exact_bond(exact)
    words = {w: _rational(sympy.sympify(bond.get(w, 0))) for w in ("XX", "YY", "ZZ")}
    words[""] = -exact / 4
    return words if exact is delta else {w: _evaluate(c, float(delta))
                                         for w, c in words.items()}


def _exact_bond(delta) -> dict[str, object]:
    """The bond h of :func:`bond_density` without its constant.

    The XXZChain's bond words (spin normalisation, exchange 1), ``delta`` exact or a symbol.
    """
    return bond_words(delta, 1, "spin")


def _rational(value: sympy.Expr):
    """A sympy coefficient as a ``Fraction`` when rational (kept symbolic otherwise)."""
    return Fraction(int(value.p), int(value.q)) if value.is_Rational else sympy.expand(value)


def current(density: dict, delta) -> dict[tuple[int, str], object]:
    """Local current j_0 of a conserved density: j_x - j_{x+1} = i[H, q_x] (eq. (13)).

    Returned with explicit placements {(offset, letters): coefficient}
    (:func:`symness.operators.boost.current_placements`; ``delta`` exact or a symbol).
    Raises ValueError if the density is not conserved.
    """
    return {key: _rational(c) for key, c in current_placements(density,
                                                               _exact_bond(delta)).items()}


def boost(density: dict, delta) -> dict[str, object]:
    """Density of i[B, Q] minus its all-up value (class form), B = sum_l l h_{l,l+1}.

    :func:`symness.operators.boost.boost_commutator` times ``i``; ``delta`` exact or a symbol.
    """
    acc = {s: _rational(sympy.I * c) for s, c in boost_commutator(density,
                                                                   _exact_bond(delta)).items()}
    vacuum = sum(c for s, c in acc.items() if set(s) <= {"I", "Z"})
    acc[""] = acc.get("", 0) - vacuum
    return {s: c for s, c in acc.items() if c != 0}


@lru_cache(maxsize=32)
def _exact_charge(n: int, delta) -> dict[str, object]:
    q = bond_density(delta)
    for _ in range(n - 1):
        q = boost(q, delta)
    return q


def _evaluate(value, delta: float) -> float:
    """A coefficient in Q[Delta] at the float ``delta`` (Horner)."""
    if isinstance(value, Fraction):
        return float(value)
    out = 0.0
    for c in sympy.Poly(value, _DELTA).all_coeffs():
        out = out * delta + float(c)
    return out


@lru_cache(maxsize=32)
def local_charge(n: int, delta) -> dict[str, object]:
    """Density of Q_n (class form); n = 1 is H - Delta L/4, n = 2 is -J_E.

    Exact (``Fraction``) for a ``Fraction`` ``delta``; for a float (irrational Delta) built
    exactly in Q[Delta] and evaluated at ``delta`` at the end.
    """
    if n < 1:
        raise ParameterError(f"'n' must be >= 1 (got {n})")
    if isinstance(delta, Fraction):
        return _exact_charge(n, delta)
    values = {s: _evaluate(c, float(delta)) for s, c in _exact_charge(n, _DELTA).items()}
    return {s: c for s, c in values.items() if abs(c) >= 1e-15}


@dataclass(frozen=True)
class PairProductState:
    """A two-site product state |psi>^{(x) L/2} on pairs (2m, 2m + 1).

    ``pair`` maps two-letter Pauli strings to <psi|P|psi> (missing entries are 0), exact.
    Expectations per site average over the two alignments of the pairs (the state and its
    translate by one site), i.e. they are the values of the translation-averaged state.
    """

    name: str
    pair: dict

    def string_value(self, offset: int, letters: str) -> Fraction:
        """<P> for the string ``letters`` placed with its first letter on site ``offset``."""
        start = offset - offset % 2
        padded = "I" * (offset - start) + letters
        padded += "I" * (len(padded) % 2)
        value = Fraction(1)
        for m in range(0, len(padded), 2):
            value *= self.pair.get(padded[m:m + 2], 0)
            if value == 0:
                break
        return value


F = Fraction
#: |up down> pairs: the Neel state |up down up down ...>.
NEEL = PairProductState("neel", {"II": F(1), "ZI": F(1), "IZ": F(-1), "ZZ": F(-1)})
#: (|up up> - |down down>)/sqrt 2 pairs: the Bell state of the paper's Example 2.
BELL = PairProductState("bell", {"II": F(1), "ZZ": F(1), "XX": F(-1), "YY": F(1)})
#: (|up down> - |down up>)/sqrt 2 pairs: the dimer (Majumdar-Ghosh) state.
SINGLET = PairProductState("singlet", {"II": F(1), "ZZ": F(-1), "XX": F(-1), "YY": F(-1)})


def expectation(density: dict, state: PairProductState):
    """<psi|q_x|psi> averaged over x (per site), exact for Fraction coefficients."""
    return sum(c * (state.string_value(0, s) + state.string_value(1, s)) / 2
               for s, c in density.items())


def one_magnon_eigenvalue(density: dict, k: float) -> complex:
    """Eigenvalue of sum_x T^x q on a magnon e^{ikx}, minus its all-up value.

    Infinite chain; the magnon is a down spin over the all-up state (sigma^z|up> = |up>).
    """
    import cmath

    total = 0j
    for s, c in density.items():
        flips = [p for p, x in enumerate(s) if x in "XY"]
        zs = [p for p, x in enumerate(s) if x == "Z"]
        if not flips:  # diagonal: magnon under one Z flips its sign
            total += float(c) * (-2) * len(zs)
        elif len(flips) == 2:
            # magnon at a hops to b and at b hops to a; the Z letters act on up spins (+1)
            a, b = flips
            total += float(c) * (_DOWN[s[a]] * _UP[s[b]] * cmath.exp(-1j * k * (b - a))
                                 + _DOWN[s[b]] * _UP[s[a]] * cmath.exp(-1j * k * (a - b)))
    return total


def ring_operator(density: dict, n: int):
    """sum_x T^x q on a periodic ring of ``n`` sites as a ``PauliSum`` (exact coefficients)."""
    from symness.operators.pauli import PauliSum, local_sum

    width = max(max((len(s) for s in density), default=1), 1)
    local = PauliSum(width, {s.ljust(width, "I") or "I" * width: c for s, c in density.items()})
    return local_sum(local, n, periodic=True)
