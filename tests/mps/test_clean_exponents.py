"""The clean-chain exponent table's task lists (symness.mps.tables)."""

from symness.mps import tables
from symness.mps.sweep import current_key


def test_case_specs_respect_max_l():
    # MAX_L caps spin Delta=1.5 at L = 48 (not converged at chi = 32); other cases run to 64
    capped = [s["L"] for s in tables.case_specs("spin Delta=1.5", (32, 48, 64))]
    full = [s["L"] for s in tables.case_specs("spin Delta=1", (32, 48, 64))]
    assert capped == [32, 48]
    assert full == [32, 48, 64]


def test_case_specs_drive_the_case_current():
    spin = tables.case_specs("spin Delta=1.5", (8,))[0]
    energy = tables.case_specs("energy Delta=1.5", (8,))[0]
    assert spin["left"]["kind"] == "magnetization" and spin["delta"] == "3/2"
    assert energy["left"]["kind"] == "linear" and energy["delta"] == "3/2"
    assert spin["settings"]["criterion"]["currents"] == ["spin"]
    assert energy["settings"]["criterion"]["currents"] == ["energy"]
    assert current_key("spin") == "j_spin"
    assert current_key("energy") == "j_energy"


def test_clean_specs_is_every_case_smallest_size_first():
    specs = tables.clean_specs((8, 64))
    assert [s["L"] for s in specs] == sorted(s["L"] for s in specs)
    assert len(specs) == 2 * len(tables.CASES) - 1  # spin Delta=1.5 has no L = 64
