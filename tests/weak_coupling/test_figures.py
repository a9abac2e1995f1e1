from pathlib import Path

from symness.weak_coupling.figures import fig4

ROOT = Path(__file__).resolve().parents[2]


def test_fig4_regenerates_to_the_committed_bytes(tmp_path):
    written = fig4(tmp_path)
    assert sorted(p.name for p in written) == ["ishida2022_fig4.csv", "ishida2022_fig4.png"]
    for path in written:
        assert path.read_bytes() == (ROOT / "tables" / path.name).read_bytes(), path.name
