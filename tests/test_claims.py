"""Run every registered claim as its own test, named after the claim id.

(rename_claims: keep former ids -- this file shows former claim ids on purpose.)

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
    assert out.strip() == ("['prosen2011.eq20.table', 'prosen2011.eq20.pi-over-3'] "
                           "['symness.claims', 'symness.mpa.claims_mazur']"), out


def test_every_claim_id_follows_the_scheme():
    # issue 25: '<paper key>.<group>.<name>' or '<paper key>.<name>', lower-case kebab-case
    # segments, the paper key of the claim's paper, size variants as a suffix ('-n10')
    from symness.claims import follows_scheme

    bad = [c.id for c in CLAIMS if not follows_scheme(c.id, c.paper)]
    assert not bad, f"claim ids outside the scheme: {bad}"


@pytest.mark.parametrize("cid,paper,ok", [
    ("prosen2011.eq17.vs-lindblad-delta2", "000", True),
    ("mendoza2019.pz2009-ballistic", "002", True),
    ("prosen2011.eq17.vs_lindblad_delta2", "000", False),     # '_' (the issue's example)
    ("mendoza2019.mps-vs-exact-magnetization-L8", "002", False),  # capital
    ("ishida2022.series-order.n6", "001", False),             # size variant as a segment
    ("strong_drive.ballistic", "000", False),                 # not the paper key
    ("prosen2011.a.b.c", "000", False),                       # four levels
    ("prosen2011", "000", False),
    ("bertini2016.eq1", "000", False),                        # another paper's key
])
def test_scheme_accepts_and_rejects(cid, paper, ok):
    from symness.claims import follows_scheme

    assert follows_scheme(cid, paper) is ok


def test_former_ids_still_name_their_claims():
    # every id renamed by notes/s9/rename_claims.py is recorded and resolves, in 'verify'
    # and 'claims' (matching) and in the registry; a former id never names another claim
    from symness.claim_aliases import FORMER_IDS
    from symness.claims import _normal, declared, matches, registry

    current = {_normal(c.id) for c in CLAIMS}
    found = declared()
    for old, new in FORMER_IDS.items():
        assert new in registry and registry[old].id == new, old
        assert new in [d.id for d in found if matches(d, old)], old
        assert _normal(old) not in current or _normal(old) == _normal(new), old


@pytest.mark.parametrize("old,new", [  # the issue's examples, written out by hand
    ("prosen2011.eq17.vs_lindblad_delta2", "prosen2011.eq17.vs-lindblad-delta2"),
    ("mendoza2019.mps-vs-exact-magnetization-L8", "mendoza2019.mps-vs-exact-magnetization-l8"),
    ("strong_drive.vs_sector_solver_n10", "prosen2011.strong-drive.vs-sector-solver-n10"),
    ("ishida2022.series-order.n6", "ishida2022.series-order-n6"),
])
def test_the_issue_examples_resolve(old, new):
    from symness.claims import matching_declared

    assert [d.id for d in matching_declared([old])] == [new]
