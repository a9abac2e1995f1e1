"""Run every registered claim as its own test, named after the claim id.

Slow claims carry the ``slow`` marker (run with ``--slow``; CI does).
"""

import pytest

from symness.claims import load_all

CLAIMS = list(load_all().values())


@pytest.mark.parametrize(
    "claim", [pytest.param(c, id=c.id, marks=[pytest.mark.slow] if c.slow else [])
              for c in CLAIMS])
def test_claim(claim):
    verdict = claim.run()
    print(f"{verdict.claim_id}: status={verdict.status} error={verdict.error} "
          f"tolerance={verdict.tolerance} reference={verdict.reference} {verdict.detail}")
    assert verdict.passed, (f"{claim.id} {claim.equation}: {verdict.detail} "
                            f"(ref: {verdict.reference})")


def test_registry_is_not_empty():
    assert CLAIMS, "no claims registered"
