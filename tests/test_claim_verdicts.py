"""The verdict object never rounds a failure into a pass."""

import math

import pytest

from symness.claims import Claim, Evidence


def _claim(check, kind="numeric"):
    return Claim(id="test.x", paper="foundation", equation="-", kind=kind, statement="s",
                 check=check)


@pytest.mark.parametrize("error,tol,ok", [(1e-9, 1e-8, True), (1e-8, 1e-8, True),
                                          (2e-8, 1e-8, False), (math.nan, 1.0, False),
                                          (math.inf, 1e300, False)])
def test_numeric_evidence(error, tol, ok):
    verdict = _claim(lambda: Evidence.numeric(error, tol, reference="r")).run()
    assert verdict.passed is ok
    assert verdict.status == ("numeric" if ok else "fail")


def test_unmet_requirement_fails_and_is_named():
    # reference: the definition (Evidence.numeric docstring): the error stays the measured one
    verdict = _claim(lambda: Evidence.numeric(1e-9, 1e-8, reference="r",
                                              requires={"shrinks with chi": False,
                                                        "positive slope": True})).run()
    assert not verdict.passed and verdict.error == 1e-9
    assert "NOT MET: shrinks with chi" in verdict.detail and "positive" not in verdict.detail
    assert _claim(lambda: Evidence.numeric(1e-9, 1e-8, reference="r",
                                           requires={"a": True})).run().passed


def test_exception_is_a_failure_with_message():
    def boom():
        raise ZeroDivisionError("division by zero in check")

    verdict = _claim(boom, kind="exact").run()
    assert not verdict.passed and "ZeroDivisionError" in verdict.detail


def test_wrong_return_type_is_a_failure():
    assert not _claim(lambda: True, kind="exact").run().passed


def test_bad_kind_and_paper_are_rejected():
    with pytest.raises(ValueError, match="'kind'"):
        Claim(id="a", paper="000", equation="-", kind="proof", statement="", check=lambda: None)
    with pytest.raises(ValueError, match="'paper'"):
        Claim(id="a", paper="999", equation="-", kind="exact", statement="", check=lambda: None)
