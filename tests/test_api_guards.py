"""Python-API cases of issue 24: each was accepted or raised numpy/IndexError/KeyError.

Every case must now raise ``ParameterError`` naming the parameter (the allowed range is
in the message).  The upper bounds come from the docstrings of the classes (sizes the
package can treat), not from the code under test.
"""

from fractions import Fraction

import numpy as np
import pytest

from symness.lindblad.steady_state import steady_state
from symness.models.thermal_reservoirs import Reservoir
from symness.models.xxz_boundary_driven import DISSIPATOR, XXZDrive, hamiltonian, jump_operators
from symness.models.xxz_disordered import DisorderedXXZ
from symness.pump.model import PumpParams
from symness.tba.strings import string_content
from symness.validation import ParameterError


def test_xxz_drive_of_a_billion_sites_is_refused():
    with pytest.raises(ParameterError, match=r"'n' must be an integer in \[2, 10000\]"):
        XXZDrive(n=10**9, delta=0.5, mu=1, eps=0.1)
    assert XXZDrive(n=10_000, delta=0.5, mu=1, eps=0.1).n == 10_000  # strong drive's range


def test_auxiliary_reservoir_needs_an_even_chain():
    with pytest.raises(ParameterError, match="'aux_length' must be even"):
        Reservoir(kind="auxiliary", aux_length=3)
    assert Reservoir(kind="auxiliary", aux_length=4).aux_length == 4
    assert Reservoir(kind="linear", aux_length=3).kind == "linear"  # ignored by other kinds


@pytest.mark.parametrize("n", [3, 5, 16, 2])
def test_pump_ring_must_be_even_in_4_to_14(n):
    with pytest.raises(ParameterError, match="'n' must be"):
        PumpParams(n=n)


def test_pump_ring_bounds_are_accepted():
    assert PumpParams(n=4).n == 4 and PumpParams(n=14).n == 14


def test_string_content_with_a_million_species_is_refused():
    with pytest.raises(ParameterError, match=r"'gamma/pi' = 1/1000000 has 1000000 string "
                                             r"species"):
        string_content(Fraction(1, 10**6))
    # the species count is the sum of the continued-fraction digits (Takahashi 9.2):
    # pi/gamma = 7/2 = [3; 2] has 5 species
    assert string_content(Fraction(2, 7)).species == 5


def test_hamiltonian_of_sixty_sites_names_n():
    with pytest.raises(ParameterError, match="^'n' = 60 needs about"):
        hamiltonian(60, 0.5)


def test_steady_state_of_none_names_the_hamiltonian():
    with pytest.raises(ParameterError, match="'hamiltonian' must be a square matrix"):
        steady_state(None, [], dissipator=DISSIPATOR)
    with pytest.raises(ParameterError, match="'jumps' must be a sequence"):
        steady_state(np.eye(2), None, dissipator=DISSIPATOR)


def test_size_mismatched_hamiltonian_names_the_jump():
    jumps = jump_operators(XXZDrive(3, 0.5, 1, 0.1))
    with pytest.raises(ParameterError, match=r"'jumps'\[0\] must have the shape \(16, 16\)"):
        steady_state(hamiltonian(4, 0.5), jumps, dissipator=DISSIPATOR)
    with pytest.raises(ParameterError, match="'hamiltonian' must be a square matrix"):
        steady_state(np.ones((4, 2)), [], dissipator=DISSIPATOR)


def test_run_sweep_with_an_incomplete_task_names_the_missing_key(tmp_path):
    from symness.mps.sweep import run_sweep

    with pytest.raises(ParameterError, match="'spec' needs the key 'delta'"):
        run_sweep([{"L": 8}], tmp_path / "r.jsonl", progress=False)
    assert not (tmp_path / "r.jsonl").exists()


@pytest.mark.parametrize("kwargs, name", [
    ({"n": 10**9}, "n"), ({"h": 1e9}, "h"), ({"delta": -1e9}, "delta"),
    ({"exchange": 1e9}, "exchange"), ({"exchange": 0}, "exchange"),
])
def test_disordered_chain_bounds(kwargs, name):
    # issue: `mps ness --h 1e9` ended in "superoperator does not preserve Hermiticity"
    with pytest.raises(ParameterError, match=f"'{name}' must be"):
        DisorderedXXZ(**({"n": 8, "delta": 1} | kwargs))


@pytest.mark.parametrize("key, value", [("L", 10**9), ("L", 1), ("J", "1e9"), ("J", "0")])
def test_sweep_spec_errors_name_the_papers_key(key, value):
    # the spec keeps the paper's L and J (cache keys); the model's n and exchange stay hidden
    from symness.mps.sweep import chain_from_spec

    res = {"kind": "magnetization", "mu": "1/5"}
    spec = {"L": 6, "delta": "1", "left": res, "right": res} | {key: value}
    with pytest.raises(ParameterError, match=f"^'{key}' must be") as info:
        chain_from_spec(spec)
    assert "'n'" not in str(info.value) and "'exchange'" not in str(info.value)


def test_mps_ness_at_the_largest_field_still_builds_real_generators():
    # reference: h = 1e5 built real Pauli generators in the measurement that set the bound
    from symness.mps.lindblad_tebd import bond_generators
    from symness.mps.sweep import chain_from_spec

    res = {"kind": "magnetization", "mu": "1/5"}
    spec = {"L": 6, "delta": "1", "h": "10000", "left": res, "right": dict(res, mu="-1/5")}
    assert len(bond_generators(chain_from_spec(spec))) == 5


def test_weak_coupling_temperature_at_the_arctanh_limit_is_refused():
    # issue: `weak-coupling profile --n 2 --h 100` printed T = 0 at both sites
    from symness.weak_coupling.profile_cli import profile_rows

    with pytest.raises(ParameterError, match="'h' = 100: t = tanh"):
        profile_rows(2, np.pi / 4, 1.5, 0.5, 100.0, "tilted-ising")
    rows = profile_rows(2, np.pi / 4, 1.5, 0.5, 1.0, "tilted-ising")
    assert all(0.5 < row[2] < 1.5 for row in rows)  # T_l between the bath temperatures


def test_temperature_from_t_keeps_the_closed_form_away_from_the_limit():
    from symness.weak_coupling.chain import temperature_from_t

    # T = h/artanh(tanh(h/T)): exact inverse up to rounding for h/T = 2 and 10
    assert np.allclose(temperature_from_t(np.tanh([2.0, 10.0]), 1.0), [0.5, 0.1], rtol=1e-6)
    with pytest.raises(ParameterError):
        temperature_from_t(np.tanh(20.0), 1.0)  # 1 - t = 8e-18: below the rounding of t
