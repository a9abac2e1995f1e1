"""Foundation claims of the exact Pauli algebra (``foundation.pauli.*``).

Each is proved by exact arithmetic in :mod:`symness.operators.pauli`; the
matrix-convention claim compares with :mod:`symness.operators.sparse`.
"""

from __future__ import annotations

import sympy

from symness.claims import Evidence, claim
from symness.models.xxz_chain import pauli_hamiltonian
from symness.operators import sparse
from symness.operators.pauli import (
    PauliSum,
    anticommutator,
    commutator,
    identity,
    sigma,
    sum_all,
    zero,
)

DELTA = sympy.Symbol("Delta")


def _xxz(n: int, *, periodic: bool) -> PauliSum:
    """``sum_j σx σx + σy σy + Delta σz σz`` (Pauli normalisation, Prosen (2011) eq. (2)).

    The exact Pauli sum of :class:`symness.models.xxz_chain.XXZChain`.
    """
    return pauli_hamiltonian(n, DELTA, boundary="ring" if periodic else "open")


@claim("foundation.pauli.sigma-pm", paper="foundation", equation="σ± algebra", kind="exact",
       statement="σ+_j σ-_j + σ-_j σ+_j = 1, (σ±_j)^2 = 0, σ+_j σ-_j = (1 + σz_j)/2, "
                 "[σ+_j, σ-_j] = σz_j, (σ+_j)† = σ-_j, for all j, n = 4")
def _sigma_pm() -> Evidence:
    n = 4
    ok = True
    for j in range(n):
        p, m, z = sigma("+", j, n), sigma("-", j, n), sigma("z", j, n)
        ok &= p * m + m * p == identity(n) and (p * p).is_zero() and (m * m).is_zero()
        ok &= p * m == (1 + z) / 2 and commutator(p, m) == z and p.adjoint() == m
    return Evidence.exact(ok, reference="defining relations of σ± = (σx ± iσy)/2")


@claim("foundation.pauli.su2", paper="foundation", equation="Pauli algebra", kind="exact",
       statement="σa_j σb_j = δab + i ε_abc σc_j and site operators at different sites commute "
                 "(n = 4, all a, b, j, k)")
def _su2() -> Evidence:
    n, letters = 4, "xyz"
    ok = True
    for j in range(n):
        for ia, a in enumerate(letters):
            for ib, b in enumerate(letters):
                sa, sb = sigma(a, j, n), sigma(b, j, n)
                if a == b:
                    expected = identity(n)
                else:
                    ic = 3 - ia - ib
                    eps = 1 if (ia, ib, ic) in ((0, 1, 2), (1, 2, 0), (2, 0, 1)) else -1
                    expected = eps * sympy.I * sigma(letters[ic], j, n)
                ok &= sa * sb == expected
                ok &= anticommutator(sa, sb) == (2 * identity(n) if a == b else zero(n))
                for k in range(n):
                    if k != j:
                        ok &= commutator(sa, sigma(b, k, n)).is_zero()
    return Evidence.exact(ok, reference="Pauli relations σa σb = δab + i ε_abc σc")


@claim("foundation.pauli.xxz-sz", paper="foundation", equation="(2)", kind="exact",
       statement="[H_XXZ(Δ), S^z] = 0 for symbolic Δ, open chain and ring, n = 2..8; "
                 "[H_XXZ, S^x] = 0 only at Δ = 1")
def _xxz_conserves_sz() -> Evidence:
    ok = True
    for n in range(2, 9):
        sz = sum_all((sigma("z", j, n) for j in range(n)), n)
        sx = sum_all((sigma("x", j, n) for j in range(n)), n)
        for periodic in (False, True) if n > 2 else (False,):
            h = _xxz(n, periodic=periodic)
            ok &= commutator(h, sz).is_zero()
            ok &= not commutator(h, sx).is_zero() and commutator(h.subs(DELTA, 1), sx).is_zero()
    return Evidence.exact(ok, reference="U(1) symmetry of XXZ; SU(2) at Δ = 1",
                          detail="symbolic Δ in QQ[Δ], n ≤ 8")


@claim("foundation.pauli.matrix-convention", paper="foundation", equation="conventions",
       kind="cross-check",
       statement="PauliSum.to_sparse reproduces sparse.sigma_{x,y,z,+,-}(j, n) entry by entry "
                 "(site 0 = leftmost kron factor), n = 1..5")
def _matrix_convention() -> Evidence:
    builders = {"x": sparse.sigma_x, "y": sparse.sigma_y, "z": sparse.sigma_z,
                "+": sparse.sigma_plus, "-": sparse.sigma_minus}
    error = 0.0
    for n in range(1, 6):
        for j in range(n):
            for label, build in builders.items():
                diff = sigma(label, j, n).to_sparse() - build(j, n)
                error = max(error, abs(diff).max() if diff.nnz else 0.0)
    # entries are 0, ±1, ±i, so agreement is exact in float64: tolerance 0
    return Evidence.numeric(error, 0.0, reference="symness.operators.sparse (numpy kron)")
