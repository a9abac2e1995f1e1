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


def test_declarations_read_from_source_equal_the_registry():
    # 'symness claims' and 'verify PATTERN' read the @claim registrations with ast and
    # import only the modules they need; the reading must agree with the registry
    from symness.claims import declared, registry

    found = declared()
    assert found is not None and sorted(d.id for d in found) == sorted(registry)
    for d in found:
        c = registry[d.id]
        assert (d.paper, d.equation, d.kind, d.statement, d.slow, d.module) == \
            (c.paper, c.equation, c.kind, c.statement, c.slow, c.check.__module__)


def test_matching_imports_only_the_modules_it_needs():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys\nfrom symness.claims import matching\n"
            "ids = [c.id for c in matching(['prosen2011.eq20'])]\n"
            "print(ids, sorted(m for m in sys.modules if '.claims' in m))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "OMP_NUM_THREADS": "1",
                              "PYTHONPATH": str(Path(__file__).resolve().parents[1])}).stdout
    assert out.strip() == ("['prosen2011.eq20.table', 'prosen2011.eq20.pi_over_3'] "
                           "['symness.claims', 'symness.mpa.claims_mazur']"), out
