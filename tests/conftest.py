"""Test configuration: ``--slow`` runs slow cases (CI does); benchmarks need ``--bench``."""

import os

import mpmath
import pytest
from hypothesis import settings

settings.register_profile("default", max_examples=30, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", help="also run tests marked slow")
    parser.addoption("--bench", action="store_true", help="collect tests/benchmarks")


def pytest_ignore_collect(collection_path, config):
    if collection_path.name == "benchmarks" and not config.getoption("--bench"):
        return True
    return None


def pytest_collection_modifyitems(config, items):
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _restore_mpmath_precision():
    """No test may leave mpmath's global precision changed (as in mpmath's conftest)."""
    prec = mpmath.mp.prec
    yield
    changed = mpmath.mp.prec != prec
    mpmath.mp.prec = prec
    assert not changed, "test changed mpmath.mp.prec globally; use mpmath.workdps"


@pytest.fixture(autouse=True)
def _private_timing_cache(tmp_path_factory, monkeypatch):
    """Progress timings of test runs go to a temporary folder, never to ~/.cache/symness."""
    monkeypatch.setenv("SYMNESS_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "timings"))
