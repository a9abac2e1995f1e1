"""Claims on the Mazur step (18) -> (19) of Prosen (2011): Q_Z, overlaps, pseudolocality."""

from __future__ import annotations

import math
from fractions import Fraction

import sympy as sp

from symness.claims import Evidence, claim
from symness.mpa.algebra.theorem import hamiltonian, z_operator
from symness.mpa.mazur.iteration import literal_error_coefficient
from symness.mpa.mazur.step import (
    commutator_ratio,
    mazur_overlaps,
    support_decay,
    support_weights,
    support_weights_transfer,
    transfer_overlap,
)
from symness.operators.pauli import commutator, hs_inner, sigma

__all__ = ["OVERLAP_DELTAS", "RATE_POINTS"]

#: Rational Delta for the exact overlaps: lam/pi irrational (1/3, -4/5), rational (0, 1/2),
#: isotropic (1) and gapped (3/2, where lam = i eta).
OVERLAP_DELTAS = (Fraction(0), Fraction(1, 3), Fraction(1, 2), Fraction(-4, 5), Fraction(1),
                  Fraction(3, 2))
#: Delta = cos(pi ell/m) for the rates (T' finite).
RATE_POINTS = ((1, 3), (1, 5), (2, 7), (1, 12), (5, 12))


def _overlaps(max_n: int) -> Evidence:
    bad = []
    for delta in OVERLAP_DELTAS:
        for n in range(2, max_n + 1):
            o = mazur_overlaps(n, delta)
            if not (o["J,Q"] == Fraction(n - 1, 2) and o["Z,Zdag"] == 0
                    and o["Q,Q"] == 2 * o["Z,Z"] == 2 * transfer_overlap(n, delta)):
                bad.append(f"n={n}, Delta={delta}")
    return Evidence.exact(not bad, reference="exact word sums of (10)-(11) (path enumeration, "
                          "Fractions) vs <L|T^n|R> from the reduced transfer matrix (15)",
                          detail=f"n = 2..{max_n}, Delta in {[str(d) for d in OVERLAP_DELTAS]}"
                                 + (f"; failed: {bad}" if bad else ""))


@claim("prosen2011.mazur-step.overlaps", paper="000", equation="(18)-(19)", kind="exact",
       statement="(J, Q_Z) = (n-1)/2, (Z, Z^dag) = 0 and (Q_Z, Q_Z) = 2(Z, Z) = 2<L|T^n|R> "
                 "exactly for n <= 8 at Delta = 0, 1/3, 1/2, -4/5, 1, 3/2")
def _overlaps_fast() -> Evidence:
    return _overlaps(8)


@claim("prosen2011.mazur-step.overlaps-n12", paper="000", equation="(18)-(19)", kind="exact",
       slow=True, statement="(J, Q_Z) = (n-1)/2, (Z, Z^dag) = 0 and (Q_Z, Q_Z) = 2(Z, Z) = "
       "2<L|T^n|R> exactly for n <= 12 at Delta = 0, 1/3, 1/2, -4/5, 1, 3/2")
def _overlaps_slow() -> Evidence:
    return _overlaps(12)


@claim("prosen2011.mazur-step.pauli", paper="000", equation="(12), (18)", kind="exact",
       statement="with Z built as an exact Pauli operator (n = 2..6, Delta = 1/3 and 3/2): "
                 "(J, Q_Z) = (n-1)/2, (Q_Z, Q_Z) = 2<L|T^n|R>, [H, Q_Z] = 2i(s^z_n - s^z_1) "
                 "so ||[H, Q_Z]||^2 = 8 for every n")
def _pauli() -> Evidence:
    bad = []
    for delta in (sp.Rational(1, 3), sp.Rational(3, 2)):
        for n in range(2, 7):
            z = z_operator(n, delta)
            q = sp.I * (z - z.adjoint())
            current = sum((sp.I * (sigma("+", j, n) * sigma("-", j + 1, n)
                                   - sigma("-", j, n) * sigma("+", j + 1, n))
                           for j in range(1, n - 1)),
                          sp.I * (sigma("+", 0, n) * sigma("-", 1, n)
                                  - sigma("-", 0, n) * sigma("+", 1, n)))
            comm = commutator(hamiltonian(n, delta), q)
            expected = 2 * sp.I * (sigma("z", n - 1, n) - sigma("z", 0, n))
            overlap = transfer_overlap(n, Fraction(int(delta.p), int(delta.q)))
            ok = (sp.simplify(hs_inner(current, q) - sp.Rational(n - 1, 2)) == 0
                  and sp.simplify(hs_inner(q, q) - 2 * sp.Rational(overlap.numerator,
                                                                    overlap.denominator)) == 0
                  and comm == expected and hs_inner(comm, comm) == 8)
            if not ok:
                bad.append(f"n={n}, Delta={delta}")
    return Evidence.exact(not bad, reference="exact Pauli algebra (symness.operators.pauli) vs "
                          "reduced transfer matrix (15)",
                          detail=f"failed: {bad}" if bad else "10 cases")


@claim("prosen2011.mazur-step.commutator-rate", paper="000", equation="text before (19)",
       kind="numeric", statement="||[H, Q_Z]|| / ||Q_Z|| = 2/sqrt(<L|T^n|R>) -> 0 like n^(-1/2) "
       "for |Delta| < 1: local exponent between n = 2^13 and 2^14 within |C|/n of -1/2 "
       "(C of the 1/n law of <L|T'^n|R>) at Delta = cos(pi ell/m), 5 points")
def _commutator_rate() -> Evidence:
    n, worst, found = 2**13, 0.0, []
    for ell, m in RATE_POINTS:
        slope = math.log2(commutator_ratio(2 * n, ell, m) / commutator_ratio(n, ell, m))
        # model: <L|T'^n|R> = a n - g + O(rho^n), so the local exponent is -1/2 - C/(2n) + ...,
        # C = g/a; tolerance |C|/n (factor 2 margin) plus float64 round-off 1e-12
        tolerance = abs(literal_error_coefficient(ell, m)) / n + 1e-12
        worst = max(worst, abs(slope + 0.5) / tolerance)
        found.append(f"{ell}/{m}: {slope:.6f}")
    return Evidence.numeric(worst, 1.0, reference="exponent -1/2 from (Q_Z,Q_Z) = 2<L|T^n|R> ~ "
                            "n/(2 D_Z) and ||[H,Q_Z]||^2 = 8; error = |slope + 1/2| / (|C|/n)",
                            detail="local exponents " + ", ".join(found))


@claim("prosen2011.mazur-step.pseudolocal", paper="000", equation="text before (18)",
       kind="cross-check", statement="Z is pseudolocal: the weight of Z on operators of support "
       "k equals u B^(k-2) v (exact, word sums vs (15), k <= 10, Delta = 1/3, 1/2, -4/5) and "
       "decays as exp(-gap k), the measured rate matching the transfer-matrix gap -log rho(B) "
       "within its error model at Delta = cos(pi ell/m), 5 points")
def _pseudolocal() -> Evidence:
    exact_ok = all(support_weights(10, d) == support_weights_transfer(10, d)
                   for d in (Fraction(1, 3), Fraction(1, 2), Fraction(-4, 5)))
    worst, found = 0.0, []
    for ell, m in RATE_POINTS:
        d = support_decay(ell, m)
        worst = max(worst, abs(d["rate"] - d["gap"]) / d["bound"])
        found.append(f"{ell}/{m}: rate {d['rate']:.5f} vs gap {d['gap']:.5f} (k={d['k']})")
    return Evidence.numeric(worst, 1.0,
                            reference="exact support weights from the word sums; gap -log rho(B) "
                                      "from eigh_tridiagonal; error = |rate - gap| / bound",
                            detail=f"exact k <= 10: {exact_ok}; " + "; ".join(found),
                            requires={"support weights = u B^(k-2) v exactly": exact_ok})


