import sympy as sp

import symness.mpa.algebra.cubic as ca
from symness.mpa.algebra.derivation import derived_relations


def test_generic_proof_detects_a_wrong_relation(monkeypatch):
    # negative control: {A0, A+^2} = 2 A+A0A+ (Delta replaced by 1) is false for generic lam
    monkeypatch.setattr(ca, "CUBIC_RELATIONS", {"wrong": ((1, "0++"), (1, "++0"), (-2, "+0+"))})
    result = ca.prove_cubic_relations(boundary_rows=3)["wrong"]
    assert result == {"generic": False, "boundary": False}


def test_numeric_spot_check_of_13():
    # independent reference: plain float evaluation of the truncated matrices at lam = 0.7
    lam, c = sp.Float(0.7), sp.Float(1.3)
    mats = {k: v.evalf() for k, v in ca.aux_matrices(12, lam, c).items()}
    for relation in ca.CUBIC_RELATIONS.values():
        block = ca.relation_matrix(relation, mats, sp.cos(lam))[:9, :9]
        assert max(abs(x) for x in block) < 1e-12


def test_boundary_condition_detects_violation():
    # with the normalisation broken (c enters <L|A+A-|R> only through the |1> row), use lam
    # where sin(lam) = 0 so A+A-A+ from <L| vanishes trivially, and check the normalisation
    assert ca.check_boundary_conditions()["<L|A+A-|R> = 1"]
    mats = ca.aux_matrices(6)
    assert (mats["+"] * mats["-"])[0, 1] == 1


def test_derived_conditions_have_expected_entry():
    # reference: hand computation, (r1, r3) = (+, +) gives 4(A-A-A0 + A0A-A- ) - 8 Delta A-A0A-
    rows = derived_relations()
    first = dict(zip(["".join(w) for w in __import__("itertools").product("+-0", repeat=3)],
                     rows.row(0)))
    assert first["--0"] == 4 and first["0--"] == 4 and first["-0-"] == -8 * sp.Symbol("Delta")
