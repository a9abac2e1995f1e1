"""Open point (ii) of Prosen (2011), exactly, with the reflection and spin-flip symmetries.

The trace certificate of :mod:`symness.mpa.open_points.point_ii_traces` tests
``tr(H_s^k X_s) = 0`` for ``k < N`` in every magnetisation sector s (size N),
given that ``H_s`` is non-derogatory.  H commutes with the site reflection R
(``j -> n - 1 - j``) and, in the sector ``s = n/2``, with the spin flip F; the
group G they generate (order 2 or 4) splits the sector into character blocks.
With ``v_{O,chi} = sum_g chi(g) g b_O`` (one per orbit O whose stabiliser lies
in ker chi) and ``S = [v]``: ``S^{-1} H S = (+)_chi H_chi`` and

    tr(p(H_s) X_s) = sum_chi tr(p(H_chi) X_chi),   X_chi = (S^{-1} X S)_{chi chi}.

If ``H_s`` is non-derogatory (certified on the whole sector by a cyclic
vector), the H_chi have pairwise coprime characteristic polynomials, so the
commutant of H_s is ``{(+)_chi p_chi(H_chi)}`` with independent polynomials:
``X_s in Im ad_{H_s}`` iff ``tr(H_chi^k X_chi) = 0`` for ``k < N_chi`` and every
chi.  Each block is about N/|G|, and the trace cost grows like N^4.
Rational Delta only (degree-1 field).
"""

from __future__ import annotations

from fractions import Fraction

import flint

from symness.exact.delta_field import DeltaField
from symness.mpa.open_points.point_ii_traces import (
    TraceCertificate,
    _integer,
    _traces_vanish,
    certify_sector,
    is_cyclic,
    trace_certificate,
)
from symness.validation import ParameterError

__all__ = ["character_blocks", "certify_sector_symmetric", "symmetric_trace_certificate"]


def _group(n: int, flip: bool) -> list[tuple[tuple[int, int], object]]:
    """Elements of G as ``((chi_R exponent, chi_F exponent), map on basis states)``."""
    full = (1 << n) - 1

    def reflect(b: int) -> int:
        return int(format(b, f"0{n}b")[::-1], 2)

    elements = [((0, 0), lambda b: b), ((1, 0), reflect)]
    if flip:
        elements += [((0, 1), lambda b: b ^ full), ((1, 1), lambda b: reflect(b) ^ full)]
    return elements


def character_blocks(h: flint.fmpq_mat, x: flint.fmpq_mat, basis: list[int], n: int,
                     flip: bool) -> list[tuple[flint.fmpq_mat, flint.fmpq_mat]]:
    """``(H_chi, X_chi)`` for every character chi of G = <R> (or <R, F> if ``flip``)."""
    group = _group(n, flip)
    pos = {b: i for i, b in enumerate(basis)}
    orbits = sorted({min(g(b) for _, g in group) for b in basis})
    characters = [(a, c) for a in (0, 1) for c in ((0, 1) if flip else (0,))]
    out = []
    for chi in characters:
        columns, rows = [], []
        for rep in orbits:
            sign = {}
            for (e_r, e_f), g in group:
                value = (-1) ** (chi[0] * e_r + chi[1] * e_f)
                sign[g(rep)] = sign.get(g(rep), 0) + value
            if not any(sign.values()):
                continue  # chi not trivial on the stabiliser of this orbit
            stab = len(group) // len(sign)
            columns.append({pos[b]: Fraction(v) for b, v in sign.items() if v})
            rows.append({pos[b]: Fraction(v, len(group) * stab) for b, v in sign.items() if v})
        size = len(columns)
        s_mat = flint.fmpq_mat(len(basis), size)
        l_mat = flint.fmpq_mat(size, len(basis))
        for k, (col, row) in enumerate(zip(columns, rows)):
            for i, v in col.items():
                s_mat[i, k] = flint.fmpq(v.numerator, v.denominator)
            for i, v in row.items():
                l_mat[k, i] = flint.fmpq(v.numerator, v.denominator)
        out.append((l_mat * h * s_mat, l_mat * x * s_mat))
    return out


def certify_sector_symmetric(h: flint.fmpq_mat, x: flint.fmpq_mat, field: DeltaField,
                             basis: list[int], n: int) -> tuple[bool, str]:
    """Decide ``x in Im ad_h`` in one sector, by character blocks when h is non-derogatory."""
    if field.degree != 1:
        raise ParameterError(f"field: rational Delta required, got {field.label}")
    if not (is_cyclic(h, field) or is_cyclic(h, field, seed=1)):
        return certify_sector(h, x, field)
    flip = 2 * bin(basis[0]).count("1") == n
    blocks = character_blocks(h, x, basis, n, flip)
    ok = all(_traces_vanish(_integer(hc), _integer(xc), hc.nrows(), 1)
             for hc, xc in blocks if hc.nrows())
    sizes = "+".join(str(hc.nrows()) for hc, _ in blocks)
    return ok, f"cyclic vector: traces in character blocks {sizes}"


def symmetric_trace_certificate(n: int, field: DeltaField, mu: Fraction = Fraction(1)
                                ) -> TraceCertificate:
    """Open point (ii) on ``n`` sites with the symmetry-split trace certificate (CPU-timed).

    Sectors ``s > n/2`` that are exact spin-flip x reflection images of sector
    ``n - s`` take its answer (``mirror``).
    """
    return trace_certificate(n, field, mu, decide=certify_sector_symmetric, mirror=True)
