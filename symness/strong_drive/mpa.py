"""Dense ``S`` and ``rho = S S^† / tr`` of the strongly driven chain, small ``n``.

``S = sum <0|A_{s_1}..A_{s_n}|0> sigma^{s_1}..sigma^{s_n}`` (:mod:`.coefficients`),
built site by site as the row vector ``<0|A_{s_1}..A_{s_j}`` of operators on
``j`` sites; basis conventions of :mod:`symness.operators.sparse` (site 0 is the
leftmost factor, ``|0> = |up>``).  Memory ``O(4**n)``: meant for ``n <= 12``.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from symness.operators.sparse import PAULI
from symness.strong_drive.coefficients import coefficients
from symness.strong_drive.model import StrongDrive

__all__ = ["mpa_operator", "mpa_state"]


def mpa_operator(params: StrongDrive, *, delta=None, eps=None, unit=1j):
    """The operator ``S`` on ``n`` sites (CSR, or object-dtype sympy entries).

    ``delta``/``eps``/``unit`` override the float values of ``params`` (e.g.
    ``sympy.Rational`` and ``sympy.I`` for an exact ``S``, dense object array).
    """
    n = params.n
    delta = float(params.delta) if delta is None else delta
    eps = float(params.eps) if eps is None else eps
    a, w = coefficients(delta, eps, n // 2, unit=unit)
    exact = unit != 1j
    kron = _object_kron if exact else sp.kron
    one = np.array([[1]], dtype=object) if exact else sp.csr_matrix(np.ones((1, 1)))
    paulis = {k: (PAULI[k].real.astype(int).astype(object) if exact else sp.csr_matrix(PAULI[k]))
              for k in "I+-"}
    row = {0: one}  # level k -> operator <0|A_{s_1}..A_{s_j}|k>
    for j in range(n):
        new: dict = {}
        for k, op in row.items():
            moves = [(k, a[k], "I"), (k + 1, 1, "+")] + ([(k - 1, w[k - 1], "-")] if k else [])
            for level, weight, pauli in moves:
                if level > n - 1 - j:  # cannot come back to |0> in the remaining sites
                    continue
                term = kron(op, paulis[pauli]) * weight
                new[level] = term if level not in new else new[level] + term
        row = new
    return row[0] if exact else row[0].tocsr()


def _object_kron(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.kron(x, y)


def mpa_state(params: StrongDrive) -> np.ndarray:
    """``rho = S S^† / tr(S S^†)`` as a dense complex matrix (float64)."""
    s = mpa_operator(params)
    rho = (s @ s.conj().T).toarray()
    return rho / np.trace(rho).real
