"""Pauli-string labels: ``"XZI"`` <-> symplectic bits ``(x, z)`` (bit ``j`` = site ``j``).

Per site ``(x_j, z_j) = (0,0), (1,0), (1,1), (0,1)`` is ``I, X, Y, Z``; a label
lists sites ``0, 1, ...`` from left to right (site 0 is the leftmost Kronecker
factor of :mod:`symness.operators.sparse`).
"""

from __future__ import annotations

from symness.validation import ParameterError

__all__ = ["label_of", "parse_label", "check_key"]

_LETTER = {(0, 0): "I", (1, 0): "X", (1, 1): "Y", (0, 1): "Z"}
_BITS = {v: k for k, v in _LETTER.items()}


def label_of(x: int, z: int, n: int) -> str:
    """Label string of ``P(x, z)``, site 0 first: ``label_of(0b01, 0b10, 2) == "XZ"``."""
    return "".join(_LETTER[(x >> j) & 1, (z >> j) & 1] for j in range(n))


def parse_label(label: str) -> tuple[int, int]:
    """``(x, z)`` of a label string over ``I, X, Y, Z`` (site 0 first)."""
    x = z = 0
    for j, ch in enumerate(label.upper()):
        if ch not in _BITS:
            raise ParameterError(f"'label' must use the letters I, X, Y, Z (got {label!r})")
        bx, bz = _BITS[ch]
        x |= bx << j
        z |= bz << j
    return x, z


def check_key(key, n: int) -> tuple[int, int]:
    """Validate a string key ``(x, z)`` or label on ``n`` sites and return ``(x, z)``."""
    if isinstance(key, str):
        if len(key) != n:
            raise ParameterError(f"label {key!r} must have length n = {n}")
        return parse_label(key)
    x, z = key
    limit = 1 << n
    if not (isinstance(x, int) and isinstance(z, int) and 0 <= x < limit and 0 <= z < limit):
        raise ParameterError(f"string key (x, z) must be integers in [0, 2**{n}) (got {key!r})")
    return int(x), int(z)
