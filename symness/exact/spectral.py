"""Exact spectral (Jordan) data of a matrix over an exact field, for one eigenvalue.

For an eigenvalue ``z`` of ``M`` the generalized eigenspace ``ker (M - z)^d``
(``d`` the size of ``M``) carries the Jordan blocks of ``z``.  With ``X`` a
basis of it (columns) and ``Y`` a basis of the left generalized eigenspace
(rows), the spectral projector is ``P = X (Y X)^{-1} Y`` and ``N = (M - z) P``
is nilpotent, so that, for the part of ``M^n`` belonging to ``z``,

    M^n P = sum_k binomial(n, k) z^(n-k) N^k P.

This is the Jordan decomposition restricted to one eigenvalue, computed with
exact nullspaces (sympy ``DomainMatrix``) and no eigenvector normalisation
choices, so the result is basis independent.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy.polys.matrices import DomainMatrix

from symness.validation import ParameterError

__all__ = ["SpectralPart", "spectral_part", "jordan_block_sizes"]


@dataclass(frozen=True)
class SpectralPart:
    """Spectral projector and nilpotent part of one eigenvalue.

    Attributes
    ----------
    projector : DomainMatrix
        ``P``, with ``P^2 = P`` and ``P M = M P``.
    nilpotent : DomainMatrix
        ``N = (M - z) P``.
    block_sizes : tuple of int
        Sizes of the Jordan blocks of ``z``, largest first.
    """

    projector: DomainMatrix
    nilpotent: DomainMatrix
    block_sizes: tuple[int, ...]


def _kernel_dims(shifted: DomainMatrix) -> list[int]:
    size = shifted.shape[0]
    dims, power = [0], DomainMatrix.eye(size, shifted.domain)
    for _ in range(size):
        power = power * shifted
        dims.append(size - power.rank())
        if dims[-1] == dims[-2]:
            break
    return dims


def jordan_block_sizes(matrix: DomainMatrix, eigenvalue) -> tuple[int, ...]:
    """Sizes of the Jordan blocks of ``eigenvalue`` (empty if it is not an eigenvalue).

    From the kernel dimensions ``d_k = dim ker (M - z)^k``: the number of
    blocks of size ``>= k`` is ``d_k - d_{k-1}``.

    Examples
    --------
    >>> from sympy import QQ
    >>> M = DomainMatrix([[QQ(1), QQ(1)], [QQ(0), QQ(1)]], (2, 2), QQ)
    >>> jordan_block_sizes(M, QQ(1))
    (2,)
    """
    size = matrix.shape[0]
    shifted = matrix - DomainMatrix.eye(size, matrix.domain) * matrix.domain.convert(eigenvalue)
    dims = _kernel_dims(shifted)
    at_least = [dims[k] - dims[k - 1] for k in range(1, len(dims))]
    sizes = []
    for k, count in enumerate(at_least, start=1):
        longer = at_least[k] if k < len(at_least) else 0
        sizes += [k] * (count - longer)
    return tuple(sorted(sizes, reverse=True))


def spectral_part(matrix: DomainMatrix, eigenvalue) -> SpectralPart:
    """Exact spectral projector and nilpotent part of ``matrix`` at ``eigenvalue``.

    Parameters
    ----------
    matrix : DomainMatrix
        Square matrix over an exact field (``QQ`` or an algebraic field).
    eigenvalue : element of ``matrix.domain`` (or convertible to it)

    Raises
    ------
    ValueError
        If ``eigenvalue`` is not an eigenvalue of ``matrix``.
    """
    size = matrix.shape[0]
    domain = matrix.domain
    shifted = matrix - DomainMatrix.eye(size, domain) * domain.convert(eigenvalue)
    power = DomainMatrix.eye(size, domain)
    for _ in range(size):
        power = power * shifted
    right = power.nullspace().transpose()  # columns span ker (M - z)^size
    left = power.transpose().nullspace()  # rows span the left generalized eigenspace
    if right.shape[1] == 0:
        raise ParameterError(f"'eigenvalue' {eigenvalue} is not an eigenvalue of the matrix")
    projector = right * (left * right).inv() * left
    return SpectralPart(projector=projector, nilpotent=shifted * projector,
                        block_sizes=jordan_block_sizes(matrix, eigenvalue))
