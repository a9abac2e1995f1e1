"""The Fig. 2 inset claim: Farey-neighbour helper against brute force, and a mutation."""

from fractions import Fraction
from math import gcd

import numpy as np

from symness.claims import load_all
from symness.mpa import claims_figures
from symness.mpa.mazur import bound as mazur_bound


def test_farey_neighbours_against_brute_force():
    # reference: the Farey sequence of order M enumerated directly
    for a, q in ((1, 3), (2, 5), (3, 7)):
        for max_m in (q + 1, 12, 40):
            farey = sorted({Fraction(b, r) for r in range(1, max_m + 1) for b in range(r + 1)
                            if gcd(b, r) == 1})
            k = farey.index(Fraction(a, q))
            assert claims_figures._farey_neighbours(a, q, max_m) == (farey[k - 1], farey[k + 1])


def test_inset_claim_fails_when_a_point_is_dropped(monkeypatch):
    original = mazur_bound.dz_fractal

    def without_6_19(max_m):
        data = original(max_m)
        keep = ~((data["ell"] == 6) & (data["m"] == 19))
        return {k: v[keep] for k, v in data.items()}

    monkeypatch.setattr(mazur_bound, "dz_fractal", without_6_19)
    evidence = load_all()["prosen2011.fig2.inset"].check()
    assert not evidence.ok and "NOT MET" in evidence.detail
    assert np.isfinite(evidence.error)
