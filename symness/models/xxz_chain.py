"""The one XXZ chain of the package: parameters, bond, sparse Hamiltonian, exact Pauli sum.

Every XXZ Hamiltonian of the papers is this operator in its own normalisation::

    H = exchange * sum_{(j, k)} (x_j x_k + y_j y_k + Delta z_j z_k) + sum_j h_j z_j

with ``x = sigma^x`` (``normalisation="pauli"``) or ``x = S^x = sigma^x / 2``
(``"spin"``), bonds ``(j, j + 1)`` for ``j = 0 .. n - 2`` (``boundary="open"``) or
``j = 0 .. n - 1`` with ``n - 1 + 1 = 0`` (``"ring"``).  Sites are 0-based, site 0 is
the leftmost tensor factor, ``|0> = |up>`` (as :mod:`symness.operators.sparse`).

Fields: a uniform ``field`` ``h`` (``h_j = h``) enters as ``h * sum_j z_j``, added after
the bonds; per-site ``fields`` ``h_j`` are carried by the bonds, each site's field shared
equally by the bonds at it (half each in the bulk and on a ring, all of it at an open
end), so that bond ``(j, k)`` is ``exchange (x x + y y + Delta z z) + w_j h_j z_j +
w_k h_k z_k``.  This order of the float sums is the one every former builder used, so
the wrappers reproduce their matrices bit for bit (``tests/models/test_xxz_chain.py``).

The bond in matrix form, basis ``|uu>, |ud>, |du>, |dd>``: ``s^2 exchange Delta`` on the
aligned diagonal, ``-s^2 exchange Delta`` on the anti-aligned one and ``2 s^2 exchange``
between ``|ud>`` and ``|du>`` (``x x + y y = 2 (s+ s- + s- s+)`` with ``s = 1`` for Pauli
and ``1/2`` for spin matrices).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

import numpy as np
import scipy.sparse as sp
import sympy

from symness.operators.pauli import PauliSum, from_labels
from symness.operators.sparse import site_operator
from symness.validation import ParameterError, require_int, require_real

__all__ = ["XXZChain", "BOUNDARIES", "NORMALISATIONS", "MAX_SITES", "bond", "bond_matrix", "bonds",
           "hamiltonian", "pauli_parts", "pauli_hamiltonian", "bond_words"]

#: ``"open"``: bonds (j, j+1), j < n - 1; ``"ring"``: also the bond (n - 1, 0).
BOUNDARIES = ("open", "ring")
#: ``"pauli"``: x = sigma^x; ``"spin"``: x = S^x = sigma^x / 2.
NORMALISATIONS = ("pauli", "spin")
#: Longest chain whose matrix is built (2**MAX_SITES rows).
MAX_SITES = 24
_SCALE = {"pauli": 1.0, "spin": 0.5}


@dataclass(frozen=True)
class XXZChain:
    """Validated parameters of the XXZ chain (module docstring).

    Attributes
    ----------
    n : int
        Number of sites, ``2 <= n <= MAX_SITES`` (``3 <=`` on a ring).
    delta : Fraction, int or float
        Anisotropy Delta (a ratio: the zz coupling is ``exchange * delta``), finite.
    exchange : Fraction, int or float
        Exchange ``J``, finite and nonzero.
    field : Fraction, int or float
        Uniform field ``h``: ``+ h sum_j z_j``.
    fields : tuple of float, optional
        Per-site fields ``h_0 .. h_{n-1}``: ``+ sum_j h_j z_j``, carried by the bonds.
    boundary : str
        ``"open"`` or ``"ring"``.
    normalisation : str
        ``"pauli"`` or ``"spin"``.
    """

    n: int
    delta: Fraction | float
    exchange: Fraction | float = 1
    field: Fraction | float = 0
    fields: tuple | None = None
    boundary: str = "open"
    normalisation: str = "pauli"

    def __post_init__(self) -> None:
        if self.boundary not in BOUNDARIES:
            raise ParameterError(f"'boundary' must be one of {BOUNDARIES} (got {self.boundary!r})")
        if self.normalisation not in NORMALISATIONS:
            raise ParameterError(f"'normalisation' must be one of {NORMALISATIONS} "
                                 f"(got {self.normalisation!r})")
        require_int(self.n, "n", minimum=3 if self.boundary == "ring" else 2, maximum=MAX_SITES)
        for name in ("delta", "exchange", "field"):
            value = require_real(getattr(self, name), name)
            if not math.isfinite(float(value)):
                raise ParameterError(f"'{name}' must be finite (got {value})")
        if float(self.exchange) == 0.0:
            raise ParameterError("'exchange' must be nonzero (got 0)")
        if self.fields is not None:
            if len(self.fields) != self.n:
                raise ParameterError(f"'fields' must have one entry per site, {self.n} "
                                     f"(got {len(self.fields)})")
            for h in self.fields:
                if not math.isfinite(float(require_real(h, "fields"))):
                    raise ParameterError(f"'fields' must be finite (got {h})")

    @property
    def bond_sites(self) -> tuple[tuple[int, int], ...]:
        """The bonds ``(j, k)`` in summation order."""
        count = self.n if self.boundary == "ring" else self.n - 1
        return tuple((j, (j + 1) % self.n) for j in range(count))

    @cached_property
    def _weights(self) -> np.ndarray:
        """Share ``w_j`` of site ``j``'s field carried by each bond at it (1 / number of bonds)."""
        w = np.full(self.n, 0.5)
        if self.boundary == "open":
            w[0] = w[-1] = 1.0
        return w

    def bond_fields(self, j: int, k: int) -> tuple[float, float]:
        """Field coefficients ``(w_j h_j, w_k h_k)`` carried by the bond ``(j, k)``."""
        if self.fields is None:
            return 0.0, 0.0
        return (self._weights[j] * float(self.fields[j]),
                self._weights[k] * float(self.fields[k]))


def bond(delta, exchange=1, normalisation: str = "pauli", fields=(0.0, 0.0)) -> np.ndarray:
    """The XXZ bond ``exchange (x x + y y + Delta z z) + f_1 z 1 + f_2 1 z``: dense complex 4x4.

    The one float implementation of the bond (module docstring for its entries); ``fields``
    ``(f_1, f_2)`` are the field coefficients it carries.
    """
    if normalisation not in NORMALISATIONS:
        raise ParameterError(f"'normalisation' must be one of {NORMALISATIONS} "
                             f"(got {normalisation!r})")
    s = _SCALE[normalisation]
    zz = s * s * (float(exchange) * float(delta))
    flip = 2 * s * s * float(exchange)
    f1, f2 = (s * float(f) for f in fields)
    out = np.zeros((4, 4), dtype=complex)
    out[1, 2] = out[2, 1] = flip
    for b, (z1, z2) in enumerate(((1, 1), (1, -1), (-1, 1), (-1, -1))):
        out[b, b] = (z1 * z2 * zz + z1 * f1) + z2 * f2
    return out


def bond_matrix(chain: XXZChain, index: int) -> sp.csr_matrix:
    """Sparse bond ``index`` of ``chain`` (sites ``index, index + 1 mod n``) on ``(C^2)^n``."""
    index = require_int(index, "index", minimum=0, maximum=len(chain.bond_sites) - 1)
    j, k = chain.bond_sites[index]
    n = chain.n
    local = bond(chain.delta, chain.exchange, chain.normalisation, chain.bond_fields(j, k))
    states = np.arange(2**n)
    bj, bk = (states >> (n - 1 - j)) & 1, (states >> (n - 1 - k)) & 1
    pair = 2 * bj + bk                                   # local basis index of (j, k)
    diagonal = local[pair, pair]
    flipped = states ^ ((1 << (n - 1 - j)) | (1 << (n - 1 - k)))
    anti = bj != bk
    rows = np.concatenate([states, flipped[anti]])
    cols = np.concatenate([states, states[anti]])
    vals = np.concatenate([diagonal, np.full(int(anti.sum()), local[1, 2])])
    keep = vals != 0
    return sp.csr_matrix((vals[keep], (rows[keep], cols[keep])), shape=(2**n, 2**n),
                         dtype=complex)


def bonds(chain: XXZChain) -> list[sp.csr_matrix]:
    """The bond terms of ``chain`` as sparse matrices, in summation order."""
    return [bond_matrix(chain, index) for index in range(len(chain.bond_sites))]


def hamiltonian(chain: XXZChain) -> sp.csr_matrix:
    """Sparse complex ``H`` of ``chain``: the bonds summed in order, then the uniform field."""
    dim = 2**chain.n
    h = sp.csr_matrix((dim, dim), dtype=complex)
    for term in bonds(chain):
        h = h + term
    if float(chain.field) != 0.0:
        s = _SCALE[chain.normalisation]
        total = sp.csr_matrix((dim, dim), dtype=complex)
        for j in range(chain.n):
            total = total + s * site_operator("Z", j, chain.n)
        h = h + float(chain.field) * total
    return h.tocsr()


def pauli_parts(n: int, *, boundary: str = "open",
                normalisation: str = "pauli") -> tuple[PauliSum, PauliSum]:
    """Exact ``(H_xy, H_zz)`` with ``H = exchange (H_xy + Delta H_zz)`` (rational coefficients).

    ``H_xy = sum (x_j x_k + y_j y_k)``, ``H_zz = sum z_j z_k`` over the bonds of the chain.
    """
    if boundary not in BOUNDARIES or normalisation not in NORMALISATIONS:
        raise ParameterError(f"'boundary' must be one of {BOUNDARIES} and 'normalisation' one "
                             f"of {NORMALISATIONS} (got {boundary!r}, {normalisation!r})")
    n = require_int(n, "n", minimum=3 if boundary == "ring" else 2)
    scale = Fraction(1) if normalisation == "pauli" else Fraction(1, 4)
    count = n if boundary == "ring" else n - 1
    periodic = boundary == "ring"
    xy, zz = PauliSum(n), PauliSum(n)
    for j in range(count):
        xy = xy + from_labels("XX", j, n, periodic=periodic) + from_labels("YY", j, n,
                                                                            periodic=periodic)
        zz = zz + from_labels("ZZ", j, n, periodic=periodic)
    return scale * xy, scale * zz


def pauli_hamiltonian(n: int, delta, exchange=1, *, boundary: str = "open",
                      normalisation: str = "pauli", field=0) -> PauliSum:
    """Exact Pauli sum of ``H`` with a uniform field; ``delta`` may be a sympy symbol.

    Coefficients must be exact (int, Fraction, sympy): a float raises ``ParameterError``.
    """
    for name, value in (("delta", delta), ("exchange", exchange), ("field", field)):
        if isinstance(value, float) or (isinstance(value, sympy.Basic)
                                        and value.has(sympy.Float)):
            raise ParameterError(f"'{name}' must be exact (int, Fraction or sympy) for the "
                                 f"exact Pauli sum (got {value!r})")
    xy, zz = pauli_parts(n, boundary=boundary, normalisation=normalisation)
    h = exchange * (xy + delta * zz)
    if field != 0:
        s = Fraction(1) if normalisation == "pauli" else Fraction(1, 2)
        h = h + (field * s) * sum((from_labels("Z", j, n) for j in range(n)), PauliSum(n))
    return h


def bond_words(delta, exchange=1, normalisation: str = "pauli") -> dict[str, sympy.Expr]:
    """The bond as Pauli words ``{"XX": c, "YY": c, "ZZ": c Delta}`` (``c = s^2 exchange``).

    Exact coefficients (symbols allowed), from :func:`pauli_hamiltonian` on two sites: the
    form the boost construction (:mod:`symness.operators.boost`) takes.
    """
    terms = pauli_hamiltonian(2, delta, exchange, normalisation=normalisation).labelled_terms()
    return {w: terms[w] for w in ("XX", "YY", "ZZ") if w in terms}   # fixed order
