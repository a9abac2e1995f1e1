"""Local conserved charges of the XXZ chain from the boost operator, exactly (Methods).

``C1 = sum_j Sz_j``, ``C2 = H_XXZ = sum_j h_{j,j+1}`` and ``C_{i+1} = [B, C_i]`` for
``i >= 2``, ``B = -i sum_j j h_{j,j+1}``, with the zero-field bond

    h_{j,j+1} = J/2 (S+_j S-_{j+1} + S-_j S+_{j+1}) + Delta Sz_j Sz_{j+1}
              = J/4 (X_j X_{j+1} + Y_j Y_{j+1}) + Delta/4 Z_j Z_{j+1}    (Pauli X, Y, Z).

(A field inside ``h`` would make the "charges" non-conserved: ``B`` must be built
from ``H_XXZ``; the field term ``-B C1`` commutes with every ``C_i`` anyway.)

Densities are dictionaries ``{pauli word: coefficient}`` with words over
``"IXYZ"`` starting at site 0 and exact sympy coefficients (``J``, ``Delta``
symbols).  The boost acts on densities: with ``q`` the density of ``C_i``,

    [B, C_i] = -i sum_l sum_r (l + r) [h_{l+r}, q(l)]
             = sum_P translate_P( -i sum_{(r, p, c)} (r - p) c s ),

where ``[h_r, q(0)]`` contains the string ``s`` at start ``p`` with coefficient
``c``; the part growing with the absolute position ``P`` cancels because
``sum_r [h_r, q(0)]`` is a divergence (``[H, C_i] = 0``), which the code checks.

Commutators use the exact Pauli algebra :mod:`symness.operators.pauli`.
"""

from __future__ import annotations

from functools import lru_cache

import scipy.sparse as sp
import sympy

from symness.models.xxz_chain import bond_words
from symness.models.xxz_ring import XXZRing
from symness.operators.boost import boost_commutator
from symness.operators.pauli import PauliSum, commutator, local_sum
from symness.operators.pauli_matrix import word_matrix
from symness.pump.currents import total_sz
from symness.validation import ParameterError

__all__ = ["J", "DELTA", "FIELD", "field_bond_density", "Density", "bond_density", "boost",
           "charge_density", "ring_commutator",
           "density_operator", "charge_operator", "heat_current_density_eq16"]

J, DELTA = sympy.symbols("J Delta", positive=True)
FIELD = sympy.Symbol("B", real=True)
Density = dict[str, sympy.Expr]

def _strip(word: str) -> tuple[str, int]:
    """Word without leading/trailing identities and the offset of its first letter."""
    left = len(word) - len(word.lstrip("I"))
    return word.strip("I"), left


def bond_density() -> Density:
    """``h_{0,1}`` in Pauli words: ``J/4 (XX + YY) + Delta/4 ZZ``.

    The XXZChain's bond words in spin normalisation, exchange ``J``, anisotropy
    ratio ``Delta / J`` (``Delta`` of eq. (7) is an energy).
    """
    return bond_words(DELTA / J, J, "spin")


def field_bond_density() -> Density:
    """``h_{0,1}`` with the field split over bonds: ``h - FIELD/4 (Z_0 + Z_1)`` (the pitfall)."""
    return bond_density() | {"ZI": -FIELD / 4, "IZ": -FIELD / 4}


def boost(density: Density, bond: Density | None = None) -> Density:
    """Density of ``[B, C]`` for the translation-invariant charge ``C = sum_l q(l)``.

    ``B = -i sum_j j h_{j,j+1}`` with ``h = bond`` (default: the zero-field
    :func:`bond_density`): ``-i`` times :func:`symness.operators.boost.boost_commutator`.

    Raises
    ------
    ValueError
        If ``C`` is not conserved (the position-dependent part does not cancel).
    """
    h = bond_density() if bond is None else bond
    return {w: e for w, c in boost_commutator(density, h).items()
            if (e := sympy.factor(sympy.expand(-sympy.I * c))) != 0}


@lru_cache(maxsize=8)
def charge_density(order: int) -> Density:
    """Exact density of ``C_order`` (``order`` 1..6), Pauli words with symbolic ``J, Delta``."""
    if order == 1:
        return {"Z": sympy.Rational(1, 2)}
    if order == 2:
        return bond_density()
    if not 3 <= order <= 6:
        raise ParameterError(f"'order' must be in [1, 6] (got {order})")
    return boost(charge_density(order - 1))


def heat_current_density_eq16() -> Density:
    """Density of eq. (16) ``J^2 (S'_0 x S''_1) . S'_2`` in Pauli words (``S = sigma/2``)."""
    lam = {"X": 1, "Y": 1, "Z": DELTA / J}
    out: Density = {}
    for a, b, c in (("X", "Y", "Z"), ("Y", "Z", "X"), ("Z", "X", "Y")):
        for (u, v, w), sign in (((a, b, c), 1), ((c, b, a), -1)):
            coeff = sign * J**2 * sympy.sqrt(lam[u] * lam[w] * lam["Z"] / lam[v]) / 8
            out[u + v + w] = sympy.simplify(out.get(u + v + w, 0) + coeff)
    return out


def ring_commutator(first: Density, second: Density, length: int) -> dict[str, sympy.Expr]:
    """``[sum_P first@P, sum_P second@P]`` on a ring of ``length`` sites (words of that length)."""
    def on_ring(dens: Density) -> PauliSum:
        width = max(len(w) for w in dens)
        if width > length:
            raise ParameterError(f"'length' must be >= {width} (got {length})")
        local = PauliSum(width, {w.ljust(width, "I"): c for w, c in dens.items()})
        return local_sum(local, length, periodic=True)

    comm = commutator(on_ring(first), on_ring(second)).labelled_terms()
    return {w: e for w, c in comm.items() if (e := sympy.expand(c)) != 0}


def density_operator(density: Density, ring: XXZRing) -> sp.csr_matrix:
    """Sparse ``sum_P density@P`` on the numeric ring (symbols set to ``ring.exchange, delta``)."""
    n = ring.n
    values = {J: float(ring.exchange), DELTA: float(ring.delta)}
    out = sp.csr_matrix((2**n, 2**n), dtype=complex)
    for word, coeff in density.items():
        c = complex(sympy.N(coeff.subs(values), 17))
        if len(word) > n:
            raise ParameterError(f"'n' must be >= {len(word)} for a {len(word)}-site density "
                                 f"(got {n})")
        for p in range(n):
            letters = {(p + k) % n: a for k, a in enumerate(word) if a != "I"}
            out = out + c * word_matrix(letters, n)
    return out.tocsr()


def charge_operator(ring: XXZRing, order: int) -> sp.csr_matrix:
    """Sparse ``C_order`` on the ring (``C1 = sum Sz``, ``C2 = H_XXZ``, ``C3`` = (16), ...)."""
    if order == 1:
        return total_sz(ring.n)
    return density_operator(charge_density(order), ring)
