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

from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from symness.validation import ParameterError

__all__ = ["icommutator_strings", "bond_density", "current", "boost", "local_charge",
           "PairProductState", "NEEL", "BELL", "SINGLET", "expectation", "one_magnon_eigenvalue",
           "ring_operator"]

_INDEX = {"I": 0, "X": 1, "Y": 2, "Z": 3}
_LETTER = "IXYZ"
_DOWN = {"X": 1, "Y": -1j}  # amplitude of the letter taking |down> to |up>
_UP = {"X": 1, "Y": 1j}     # amplitude of the letter taking |up> to |down>


def _strip(offset: int, letters: str) -> tuple[int, str]:
    """Canonical placement: drop identities at both ends."""
    stripped = letters.lstrip("I")
    offset += len(letters) - len(stripped)
    stripped = stripped.rstrip("I")
    return (0 if not stripped else offset), stripped


def icommutator_strings(a: tuple[int, str], b: tuple[int, str]) -> tuple[int, tuple[int, str]]:
    """i[P_a, P_b] = sign * 2 * P_c for Pauli strings placed at (offset, letters).

    Returns (sign, (offset, letters)) with sign in {-1, 0, +1} (0 when they commute).
    """
    (oa, la), (ob, lb) = a, b
    start, stop = min(oa, ob), max(oa + len(la), ob + len(lb))
    la = "I" * (oa - start) + la + "I" * (stop - oa - len(la))
    lb = "I" * (ob - start) + lb + "I" * (stop - ob - len(lb))
    power, anti, out = 0, 0, []
    for x, y in zip(la, lb):
        i, j = _INDEX[x], _INDEX[y]
        if i and j and i != j:
            anti += 1
            power += 1 if (j - i) % 3 == 1 else -1  # XY = iZ, YZ = iX, ZX = iY
        out.append(_LETTER[i ^ j])
    if anti % 2 == 0:
        return 0, (0, "")
    # i [P, Q] = 2 i P Q = 2 i^{power + 1} R with power odd
    return (1 if (power + 1) % 4 == 0 else -1), _strip(start, "".join(out))


def bond_density(delta) -> dict[str, object]:
    """Density of Q_1 = sum_l (h_l - Delta/4), h = (XX + YY + Delta ZZ)/4 (spin-1/2)."""
    quarter = Fraction(1, 4) if isinstance(delta, Fraction) else 0.25
    return {"XX": quarter, "YY": quarter, "ZZ": delta * quarter, "": -delta * quarter}


def _bonds(delta) -> list[tuple[str, object]]:
    return [(k, v) for k, v in bond_density(delta).items() if k]


def _i_h_commutators(density: dict, delta):
    """Yield (l, coefficient, (offset, letters)) of i[h_l, q_0] for every bond l that acts."""
    width = max((len(s) for s in density), default=0)
    for bond in range(-1, width):
        for hs, hc in _bonds(delta):
            for qs, qc in density.items():
                if not qs:
                    continue
                sign, term = icommutator_strings((bond, hs), (0, qs))
                if sign:
                    yield bond, 2 * sign * hc * qc, term


def current(density: dict, delta) -> dict[tuple[int, str], object]:
    """Local current j_0 of a conserved density: j_x - j_{x+1} = i[H, q_x] (eq. (13)).

    Returned with explicit placements {(offset, letters): coefficient}.  For every class the
    placements of i[H, q_0] must sum to zero (the charge is conserved); then
    j_0 = sum_s f_s T^s P with f_s the cumulative sums.  Raises ValueError otherwise.
    """
    by_class: dict[str, dict[int, object]] = defaultdict(lambda: defaultdict(int))
    for _, c, (off, s) in _i_h_commutators(density, delta):
        by_class[s][off] += c
    out = {}
    for s, placements in by_class.items():
        offsets = sorted(placements)
        total = sum(placements.values())
        if abs(total) > (0 if isinstance(total, Fraction) else 1e-12):
            raise ValueError(f"density is not conserved: class {s!r} of i[H, q] sums to "
                             f"{sum(placements.values())}")
        running = 0
        for off in range(offsets[0], offsets[-1]):
            running += placements.get(off, 0)
            if running != 0:
                out[(off, s)] = running
    return out


def boost(density: dict, delta) -> dict[str, object]:
    """Density of i[B, Q] minus its all-up value (class form), B = sum_l l h_{l,l+1}."""
    acc: dict[str, object] = defaultdict(int)
    for bond, c, (_, s) in _i_h_commutators(density, delta):
        if bond:
            acc[s] += bond * c
    for (_, s), c in current(density, delta).items():
        acc[s] += c
    vacuum = sum(c for s, c in acc.items() if set(s) <= {"I", "Z"})
    acc[""] -= vacuum
    return {s: c for s, c in acc.items() if c != 0 and not (isinstance(c, float) and
                                                            abs(c) < 1e-15)}


@lru_cache(maxsize=32)
def local_charge(n: int, delta) -> dict[str, object]:
    """Density of Q_n (class form); n = 1 is H - Delta L/4, n = 2 is -J_E."""
    if n < 1:
        raise ParameterError(f"'n' must be >= 1 (got {n})")
    q = bond_density(delta)
    for _ in range(n - 1):
        q = boost(q, delta)
    return q


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
