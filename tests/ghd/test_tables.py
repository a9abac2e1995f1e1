from pathlib import Path

from symness.ghd.tables import drude_table
from symness.outputs import render

ROOT = Path(__file__).resolve().parents[2]


def test_drude_table_regenerates_to_the_same_bytes():
    # tables/bertini2016_drude.csv is written by `symness table bertini2016_drude --write ...`
    assert render(drude_table(), "csv") == (ROOT / "tables/bertini2016_drude.csv").read_text()
