"""Exact (sympy) proofs of the operator identities of Mendoza-Arenas et al. (2019).

* the 16-operator form of the two-site reset reservoir (Prosen & Žnidarič (2009), §2.4)
  equals ``gamma (R ⊗ tr_2(rho) - rho)`` for symbolic eigenvalues ``r_m`` and a symbolic
  three-site ``rho``;
* the three-spin form of ``j^E_i = i[eps_{i-1,i}, eps_{i,i+1}]`` (eq. (4));
* the continuity equations ``i[H, s^z_i] = j^S_{i-1} - j^S_i`` and
  ``i[H, eps_{i,i+1}] = j^E_i - j^E_{i+1}``.

Everything is exact: Gaussian rationals and sympy symbols, no floats.  The continuity
equations are checked on a chain of four sites at its bulk site/bond; because ``i[H, A]``
only involves the bond terms overlapping the support of ``A``, this is the general bulk
identity for every ``L``.
"""

from __future__ import annotations

from functools import reduce

import sympy as sp
from sympy.polys.matrices import DomainMatrix

from symness.models.xxz_chain import pauli_hamiltonian
from symness.operators.pauli import from_labels
from symness.operators.pauli_matrix import exact_entries

__all__ = ["SPIN_EXACT", "bond_exact", "reset_identity_holds", "energy_current_form_holds",
           "continuity_holds"]

_HALF = sp.Rational(1, 2)
#: Exact spin-1/2 matrices.
SPIN_EXACT = {
    "I": sp.eye(2),
    "x": sp.Matrix([[0, _HALF], [_HALF, 0]]),
    "y": sp.Matrix([[0, -sp.I * _HALF], [sp.I * _HALF, 0]]),
    "z": sp.Matrix([[_HALF, 0], [0, -_HALF]]),
}


def _kron(*ops):
    return reduce(sp.kronecker_product, ops)


def _site(op, i, n):
    return _kron(*[SPIN_EXACT[op] if k == i else SPIN_EXACT["I"] for k in range(n)])


def bond_exact(i, n, J, delta, fields):
    """Exact ``eps_{i,i+1}`` of eq. (1) embedded in ``n`` sites (0-based).

    The exact Pauli sum of the :mod:`symness.models.xxz_chain` bond (spin normalisation,
    exchange ``J``) plus half of each site's field, as a sympy matrix.
    """
    bond = pauli_hamiltonian(2, delta, J, normalisation="spin").embed(n, i)
    for site in (i, i + 1):
        bond = bond + (fields[site] / 4) * from_labels("Z", site, n)   # (h/2) s^z = (h/4) Z
    entries = exact_entries(bond)
    return sp.Matrix(2**n, 2**n, lambda r, c: sp.sympify(entries.get((r, c), 0)))


def _spin_current(i, n, J):
    return J * (_site("x", i, n) * _site("y", i + 1, n) - _site("y", i, n) * _site("x", i + 1, n))


def _energy_current_three_spin(i, n, J, delta, h_mid):
    """Build the three-spin form of the module docstring, centred on site ``i``."""
    a, b, c = i - 1, i, i + 1

    def s3(p, q, r):
        return _site(p, a, n) * _site(q, b, n) * _site(r, c, n)

    body = s3("y", "z", "x") - s3("x", "z", "y") + delta * (
        s3("x", "y", "z") - s3("y", "x", "z") + s3("z", "x", "y") - s3("z", "y", "x"))
    return J**2 * body + h_mid / 2 * (_spin_current(a, n, J) + _spin_current(b, n, J))


def _is_zero(m: sp.Matrix) -> bool:
    return all(sp.expand(e) == 0 for e in m)


def _fourier_unitary(d: int) -> sp.Matrix:
    """Return the exact ``d x d`` discrete Fourier unitary (Gaussian-rational for d=4)."""
    return sp.Matrix(d, d, lambda j, k: sp.I ** (j * k) / sp.sqrt(d)) if d == 4 else \
        sp.Matrix(d, d, lambda j, k: sp.exp(2 * sp.pi * sp.I * j * k / d) / sp.sqrt(d))


def reset_identity_holds() -> tuple[bool, str]:
    """Prove ``sum_{m,l} D[L_ml] rho = gamma (R tr(rho) - rho)`` on the two reservoir sites.

    ``R = sum_m r_m |psi_m><psi_m|`` with symbols ``r_1..r_3``, ``r_4 = 1 - r_1 - r_2 - r_3``,
    the exact dense Fourier basis as eigenbasis, a symbolic rate and a fully symbolic 4x4
    ``rho``; ``D[L] rho = 2 L rho L^† - {L^† L, rho}`` and
    ``L_ml = sqrt(gamma r_m / 2)|psi_m><psi_l|``.  On a chain every ``L_ml`` acts as
    ``L_ml ⊗ 1``, so both sides are the two-site maps tensored with the identity map, and
    the two-site identity proves ``gamma (R ⊗ tr_{12}(rho) - rho)`` for every length.
    """
    gamma = sp.Symbol("gamma", positive=True)
    r = list(sp.symbols("r1:4", positive=True))
    r.append(1 - sum(r))
    u = _fourier_unitary(4)
    if not _is_zero(u * u.H - sp.eye(4)):
        return False, "eigenbasis is not unitary"
    rho_syms = sp.symbols("p0:16")
    # exact polynomial domain QQ<I>[gamma, r_m, rho_ij]: DomainMatrix products are fast
    dom = sp.QQ_I[(gamma, *r[:3], *rho_syms)]

    def dm(mat):
        return DomainMatrix.from_list_sympy(*mat.shape, mat.tolist()).convert_to(dom)

    rho = dm(sp.Matrix(4, 4, rho_syms))
    total = dm(sp.zeros(4, 4))
    for m in range(4):
        for k in range(4):
            op = u[:, m] * u[:, k].H
            # 2 L rho L^† with |sqrt(gamma r_m/2)|^2 = gamma r_m / 2 (r_m >= 0)
            weight = gamma * r[m] / 2
            a, adag, lhl = dm(op), dm(op.H), dm(weight * op.H * op)
            total = total + dm(2 * weight * sp.eye(4)) * a * rho * adag - lhl * rho - rho * lhl
    target = sum((r[m] * u[:, m] * u[:, m].H for m in range(4)), sp.zeros(4, 4))
    trace = sum(rho_syms[5 * k] for k in range(4))
    closed = dm(gamma * trace * target) - dm(gamma * sp.eye(4)) * rho
    return (total - closed).is_zero_matrix, "16 operators, symbolic r_m, gamma and 4x4 rho"


def energy_current_form_holds() -> bool:
    """``i[eps_{01}, eps_{12}]`` equals the three-spin form (symbolic J, Delta, h_0..h_2)."""
    J, delta = sp.symbols("J Delta", real=True)
    fields = sp.symbols("h0:3", real=True)
    lhs = sp.I * (bond_exact(0, 3, J, delta, fields) * bond_exact(1, 3, J, delta, fields)
                  - bond_exact(1, 3, J, delta, fields) * bond_exact(0, 3, J, delta, fields))
    return _is_zero(lhs - _energy_current_three_spin(1, 3, J, delta, fields[1]))


def continuity_holds() -> tuple[bool, bool]:
    """Spin and energy continuity at the bulk of a 4-site chain (symbolic parameters).

    Returns ``(spin_ok, energy_ok)``: ``i[H, s^z_i] = j^S_{i-1} - j^S_i`` for ``i = 1, 2``
    and ``i[H, eps_{1,2}] = j^E_1 - j^E_2``.
    """
    n = 4
    J, delta = sp.symbols("J Delta", real=True)
    fields = sp.symbols(f"h0:{n}", real=True)
    bonds = [bond_exact(i, n, J, delta, fields) for i in range(n - 1)]
    ham = sum(bonds, sp.zeros(2**n, 2**n))

    def dot(a):
        return sp.I * (ham * a - a * ham)

    spin_ok = all(_is_zero(dot(_site("z", i, n)) - (_spin_current(i - 1, n, J)
                                                    - _spin_current(i, n, J)))
                  for i in (1, 2))
    je = [_energy_current_three_spin(i, n, J, delta, fields[i]) for i in (1, 2)]
    energy_ok = _is_zero(dot(bonds[1]) - (je[0] - je[1]))
    return spin_ok, energy_ok
