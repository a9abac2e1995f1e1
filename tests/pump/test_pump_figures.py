"""Figure drawing is deterministic (same PNG bytes on rerun) and uses the sweep rows."""

from symness.pump.figures import BOTH, RATIO_LABEL, _draw


def _rows():
    rows = []
    for method, n_c in BOTH:
        for r in (0.0, 1.0, 2.0):
            rows.append({"method": method, "n_c": str(n_c), "n": "12", "field": "-1.0",
                         "ratio": repr(r), "energy": repr(-0.3 + 0.05 * r),
                         "heat_current": repr(1e-3 * r), "spin_current": "0.0", "c3": "0.0",
                         "c4": "0.0", "check": ""})
    return rows


def test_draw_is_byte_deterministic(tmp_path):
    panels = [("ratio", "energy", BOTH, RATIO_LABEL, "E"),
              ("ratio", "heat_current", BOTH, RATIO_LABEL, "J")]
    first = _draw(tmp_path, _rows(), panels, "t", "f.png", "f.csv")[0].read_bytes()
    second = _draw(tmp_path, _rows(), panels, "t", "f.png", "f.csv")[0].read_bytes()
    assert first == second and first[:4] == b"\x89PNG"


def test_fig5_table_has_each_point_once_and_an_exact_b0():
    # issue 19: "B = -3 twice" and "no exact point at B = 0"
    from pathlib import Path

    from symness.pump.figures import FIELDS
    from symness.pump.sweep import _key, read_rows

    rows = read_rows(Path(__file__).resolve().parents[2] / "tables" / "lange2017_fig5.csv")
    keys = [_key(r) for r in rows]
    assert len(keys) == len(set(keys))
    for method, n_c in BOTH:
        fields = sorted(k[3] for k in keys if k[0] == method and k[1] == n_c)
        assert fields == sorted(FIELDS)
