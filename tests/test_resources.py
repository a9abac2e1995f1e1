"""Memory/time estimates checked before allocation (issue 24, item 2).

References: the estimates are the calibrated models stated in the docstrings (measured sizes
in the comments); the refusals are checked to happen before any allocation by passing
sizes whose allocation would fail outright (``2**60`` states, 1.5 TiB tables).
"""

import io
import math
import re
from fractions import Fraction

import pytest

from symness import resources
from symness.lindblad.memory import solve_cost
from symness.lindblad.steady_state import steady_state
from symness.models.xxz_boundary_driven import (
    DISSIPATOR,
    XXZDrive,
    hamiltonian,
    hamiltonian_cost,
    jump_operators,
)
from symness.resources import GIB, Cost, largest_fitting, require_fits
from symness.validation import ParameterError

ONE_LINE = re.compile(r"^[^\n]+$")


def _linear(n: int) -> Cost:
    return Cost(GIB * n, float(n))


def test_largest_fitting_is_the_boundary_of_the_budget():
    assert largest_fitting(_linear, 1, 100, 7.5 * GIB) == 7
    assert largest_fitting(_linear, 1, 100, 0.5 * GIB) is None
    assert largest_fitting(_linear, 1, 5, 100 * GIB) == 5


def test_refusal_is_one_line_with_estimate_and_largest_size(monkeypatch):
    monkeypatch.setattr(resources, "available_memory", lambda: int(10.5 * GIB))
    with pytest.raises(ParameterError) as err:
        require_fits(_linear, "n", 40, what="demo", minimum=1)
    text = str(err.value)
    assert ONE_LINE.match(text)
    assert text == ("'n' = 40 needs about 40 GiB (demo), above the 10 GiB available; "
                    "the largest 'n' that fits is 10")
    with pytest.raises(ParameterError, match="above the memory limit 2 GiB; the largest 'n' "
                                             "that fits is 2"):
        require_fits(_linear, "n", 40, what="demo", minimum=1, limit=2 * GIB)
    assert require_fits(_linear, "n", 3, what="demo", minimum=1) == _linear(3)


def test_available_memory_is_positive_and_at_most_physical():
    import os

    physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    assert 0 < resources.available_memory() <= physical


def test_announce_prints_only_long_runs():
    out = io.StringIO()
    assert not resources.announce(Cost(1e6, 5.0), "short", stream=out)
    assert resources.announce(Cost(2 * GIB, 125.0), "long", stream=out)
    assert out.getvalue() == ("long: estimated time 2 min 05 s on one core, memory 2 GiB "
                              "(order-of-magnitude estimate)\n")


def test_task_count_limit():
    assert resources.require_task_count(10, "seeds") == 10
    with pytest.raises(ParameterError, match="'seeds' gives 1000000001 tasks"):
        resources.require_task_count(10**9 + 1, "seeds")


# ---- the calibrated models reproduce their own measurements (docstrings) -------------------

@pytest.mark.parametrize("method, n, seconds, gigabytes", [
    ("dense", 6, 16.6, 0.80), ("dense", 5, 0.5, 0.055),
    ("sparse", 7, 6.0, 0.21), ("sector", 10, 5.6, 0.13),
])
def test_lindblad_models_within_a_factor_of_three_of_the_measurements(method, n, seconds,
                                                                      gigabytes):
    cost = solve_cost(method, n)
    assert 1 / 3 < cost.seconds / seconds < 3
    assert 1 / 3 < (cost.bytes - resources.BASE_BYTES) / (gigabytes * 1e9) < 3


def test_hamiltonian_model_within_a_factor_of_two_of_the_measurement():
    # n = 18: 5.0 s, 146 MB measured
    cost = hamiltonian_cost(18)
    assert 0.5 < cost.seconds / 5.0 < 2 and 0.5 < cost.bytes / 146e6 < 2


# ---- entry points refuse before allocating -------------------------------------------------

def test_hamiltonian_of_60_sites_is_refused_naming_n():
    with pytest.raises(ParameterError, match=r"^'n' = 60 needs about .* the largest 'n' that "
                                             r"fits is \d\d$"):
        hamiltonian(60, 0.5)


@pytest.mark.parametrize("method", ["dense", "sparse", "sector"])
def test_steady_state_too_large_is_refused_before_the_solve(method, monkeypatch):
    h, jumps = hamiltonian(4, 0.5), jump_operators(XXZDrive(4, 0.5, 1, 0.1))
    need = solve_cost(method, 4).bytes
    monkeypatch.setattr(resources, "available_memory", lambda: int(need) - 1)
    calls = []
    with pytest.raises(ParameterError, match=rf"'n' = 4 needs about .*method '{method}'"):
        steady_state(h, jumps, dissipator=DISSIPATOR, method=method,
                     progress=lambda *a: calls.append(a))
    assert calls == []


def test_dense_solve_with_huge_delta_is_an_error_not_a_state():
    # issue: `ness --method dense --delta 1e300` returned a state after rcond = 0; at
    # Delta = 1e12 the dense LU still "succeeds" with rcond ~ 1e-39 (measured)
    from symness.lindblad.steady_state import SteadyStateError

    for delta in (1e12, 1e300):
        h, jumps = hamiltonian(4, delta), jump_operators(XXZDrive(4, delta, 1, 0.1))
        with pytest.raises((SteadyStateError, ParameterError), match="ill-conditioned|norms"):
            steady_state(h, jumps, dissipator=DISSIPATOR, method="dense")


def test_pump_point_refusals_name_the_parameter():
    from symness.pump.model import PumpParams
    from symness.pump.system import PumpSystem

    for changes, name in (({"omega_ph": 1e9}, "omega_ph"), ({"eta_ph": 1e6}, "eta_ph")):
        with pytest.raises(ParameterError, match=rf"^'{name}' = \d+ needs about .* fits is"):
            PumpSystem(PumpParams(n=4, **changes))


def test_pump_n14_is_refused_on_a_24_gib_machine(monkeypatch):
    from symness.pump.model import PumpParams
    from symness.pump.system import PumpSystem

    monkeypatch.setattr(resources, "available_memory", lambda: 24 * GIB)
    with pytest.raises(ParameterError, match="'n' = 14 .* the largest 'n' that fits is 12"):
        PumpSystem(PumpParams(n=14))


def test_every_estimate_is_finite_and_increasing():
    sizes = range(2, 12)
    for method in ("dense", "sparse", "sector"):
        costs = [solve_cost(method, n) for n in sizes]
        assert all(math.isfinite(c.bytes) and math.isfinite(c.seconds) for c in costs)
        assert all(b.bytes > a.bytes and b.seconds > a.seconds
                   for a, b in zip(costs, costs[1:]))


def test_mps_task_refused_above_memory():
    from symness.mps.sweep import ness_cost, require_ness_fits
    from symness.mps.transport import NessSettings

    # measured (session 13's tables/mendoza2019_bench_mps.md): L=32, chi=64, QR route: 358 s
    assert ness_cost(32, 64, "qr").seconds == pytest.approx(358.0)
    with pytest.raises(ParameterError, match="'chi' = 4096 needs about"):
        require_ness_fits(10_000, NessSettings(chi=4096))



def test_largest_fitting_respects_the_step():
    assert largest_fitting(_linear, 4, 20, 13.5 * GIB, step=2) == 12
    assert largest_fitting(_linear, 4, 20, 100 * GIB, step=2) == 20


def test_ghd_profile_of_200_species_is_refused_before_any_tba_solve():
    # issue: `ghd profile --gamma 1/1000` ran on with no estimate; 1/200 (200 species) ran
    # 4 min into a non-converging TBA before this check (measured)
    from symness.ghd.profiles import two_temperature_states
    from symness.tba.quadrature import RapidityGrid
    from symness.tba.strings import string_content

    with pytest.raises(ParameterError, match="'species' = 200 needs about .*gamma/pi = 1/200"):
        two_temperature_states(string_content(Fraction(1, 200)), 1.0, 2.0, RapidityGrid())


def test_ghd_model_reproduces_its_measurements():
    from symness.ghd.profiles import profile_cost

    for species, seconds, megabytes in ((3, 16, 36), (6, 81, 140), (12, 478, 520)):
        cost = profile_cost(species, 0.05, 51)
        assert 1 / 3 < cost.seconds / seconds < 3
        assert 1 / 3 < (cost.bytes - resources.BASE_BYTES) / (megabytes * 1e6) < 3


def test_sizes_beyond_float64_are_refused_not_overflowed():
    # issue: `ness --n 1000` (and the API at n = 10000) overflowed int -> float
    for n, size in ((1000, r"3\.2e\+296 GiB"), (10_000, r"more than 1e\+308 bytes")):
        with pytest.raises(ParameterError, match=rf"'n' = {n} needs about {size}"):
            hamiltonian(n, 0.5)
    assert math.isinf(solve_cost("sector", 1000).bytes)


@pytest.mark.parametrize("n", ["20", "30", "40"])
def test_ness_cli_refuses_large_n_before_building_h(n, capsys, monkeypatch):
    # issue: `ness --n 20` reached 4.6 GB, then tried 22 GiB; --n 30/40 failed after seconds
    import symness.models.xxz_boundary_driven as model
    from symness.cli import main

    def never(*args):
        raise AssertionError("the Hamiltonian was built")

    monkeypatch.setattr(model, "hamiltonian", never)
    assert main(["ness", "--n", n]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert re.match(rf"symness: error: 'n' = {n} needs about .* the largest 'n' that fits is "
                    r"1[0-2]$", err)


def test_pump_eta_ph_1000_is_refused_on_a_24_gib_machine(monkeypatch):
    # issue: `pump exact --eta-ph 1000` allocated until it died: G = 1.8e6 table points
    # x 800 quadrature nodes x 24 bytes = 35 GB
    from symness.pump.model import PumpParams
    from symness.pump.system import PumpSystem

    monkeypatch.setattr(resources, "available_memory", lambda: 24 * GIB)
    with pytest.raises(ParameterError, match=r"'eta_ph' = 1000 needs about 32 GiB .* fits is "
                                             r"7\d\d$"):
        PumpSystem(PumpParams(n=4, eta_ph=1000.0))


def test_mps_sweep_with_too_many_tasks_is_refused(tmp_path):
    # issue: `mps sweep --seeds 0-1000000000` allocated until it died
    from symness.mps.sweep import run_sweep

    spec = {"L": 6, "delta": "1", "left": {"kind": "linear"}, "right": {"kind": "linear"}}
    with pytest.raises(ParameterError, match="'specs' gives 100001 tasks"):
        run_sweep([spec] * (resources.MAX_TASKS + 1), tmp_path / "r.jsonl", progress=False)


def test_mpa_profile_of_5000_sites_announces_its_time():
    # issue: `mpa profile --n 1000` ran with no estimate though 5000 is allowed
    from symness.mpa.transfer.profiles import profile_cost

    for n, cpu in ((250, 1.8), (500, 7.4), (1000, 31.5)):  # measured CPU seconds
        assert 1 / 2 < profile_cost(n).seconds / cpu < 2
    out = io.StringIO()
    assert resources.announce(profile_cost(5000), "mpa profile n=5000", stream=out)
    assert "estimated time 13 min" in out.getvalue()
