"""The NESS criterion: snapshot mode, window mode under truncation noise, and drift."""

import numpy as np
import pytest

from symness.mps.convergence import Criterion, Report, assess
from symness.mps.tables import power_law
from symness.validation import ParameterError

CRIT = Criterion(stationary_tol=1e-4, uniform_tol=1e-2, atol=1e-6, window=4, noise_tol=1e-2)


def _run(series):
    report = Report()
    results = [assess(report, 5.0 * (k + 1), {"spin": np.full(4, j), "energy": np.full(4, j)},
                      CRIT) for k, j in enumerate(series)]
    return report, results


def test_geometric_relaxation_converges_in_snapshot_mode():
    # j(t) = 1 + 0.5 q^k: the estimated remainder |d2| q / (1 - q) falls below 1e-4
    report, results = _run([1 + 0.5 * 0.5**k for k in range(30)])
    assert results[-1] and report.mode == "snapshot"
    assert not results[2]


def test_period_two_truncation_noise_converges_in_window_mode():
    # alternation of relative amplitude 2e-3 (as measured at L=10, chi=16): the snapshot test
    # can never pass, the block averages are stationary; the noise is reported
    report, results = _run([1 + 2e-3 * (-1) ** k for k in range(12)])
    assert not any(results[:11]) and results[-1]
    assert report.mode == "window" and report.noise["energy"] == pytest.approx(2e-3, rel=1e-6)


def test_noise_above_tolerance_or_drift_is_not_converged():
    _, results = _run([1 + 5e-2 * (-1) ** k for k in range(24)])        # noise 5e-2 > 1e-2
    assert not any(results)
    _, results = _run([1 + 1e-3 * k + 2e-3 * (-1) ** k for k in range(24)])   # linear drift
    assert not any(results)


def test_criterion_validates_window():
    with pytest.raises(ParameterError, match="'window'"):
        Criterion(window=1)


def test_power_law_fit_recovers_exponent_and_zero_error():
    # reference: an exact power law j = 3 L^-0.7 has slope 0.7 and no residual
    sizes = np.array([8, 12, 16, 24])
    gamma, err = power_law(sizes, 3 * sizes**-0.7)
    assert abs(gamma - 0.7) < 1e-12 and err < 1e-12


def test_judged_currents_ignore_an_undriven_noisy_current():
    # reference: by construction the spin current relaxes geometrically (converges) while the
    # undriven energy current jitters at 50 % of atol-scale noise forever (never uniform)
    crit_both = Criterion(stationary_tol=1e-4, uniform_tol=1e-2, atol=1e-6)
    crit_spin = Criterion(stationary_tol=1e-4, uniform_tol=1e-2, atol=1e-6, currents=["spin"])
    rng = np.random.default_rng(0)
    verdicts = {}
    for name, crit in (("both", crit_both), ("spin", crit_spin)):
        report = Report()
        for k in range(30):
            bulk = {"spin": np.full(4, 1 + 0.5 * 0.5**k), "energy": 1e-6 * rng.normal(size=4)}
            verdicts[name] = assess(report, 5.0 * (k + 1), bulk, crit)
        assert set(report.uniformity) == {"spin", "energy"}      # both still reported
        assert report.as_dict()["judged"] == list(crit.currents)
    assert verdicts == {"both": False, "spin": True}
    assert crit_spin.loosened(10).currents == ("spin",)


@pytest.mark.parametrize("bad", [(), ("spin", "spin"), ("heat",), "spin"])
def test_criterion_validates_currents(bad):
    with pytest.raises(ParameterError, match="'currents'"):
        Criterion(currents=bad)


def test_window_drift_below_block_resolution_is_not_extrapolated():
    # reference: period-2 noise of relative amplitude 1e-3 plus a bounded 1e-6 wobble: the
    # block means (window 4) differ by ~1e-6, far below the block resolution 1e-3/sqrt(4);
    # extrapolating their ratio q (random, can be ~1) would inflate them up to 100-fold
    series = [1 + 1e-3 * (-1) ** k + 1e-6 * np.sin(0.7 * k) for k in range(40)]
    crit = Criterion(stationary_tol=1e-5, uniform_tol=1e-2, atol=1e-6, window=4, noise_tol=1e-2)
    report = Report()
    verdicts = []
    for k, j in enumerate(series):
        verdicts.append(assess(report, 5.0 * (k + 1), {"spin": np.full(4, j),
                                                       "energy": np.full(4, j)}, crit))
        if k >= 11:
            blocks = [np.mean(series[k - 11 + 4 * i:k - 7 + 4 * i]) for i in range(3)]
            assert report.mode == "window"
            assert report.stationarity["spin"] == pytest.approx(
                abs(blocks[2] - blocks[1]) / blocks[2], rel=1e-6)
    assert not any(verdicts[:11]) and all(verdicts[11:])
