"""Atomic writes and deterministic rendering of tables."""

import csv
import io
import json
import os

import pytest

from symness.outputs import Table, atomic_write_text, render

TAB = Table(title="t", columns=["a", "b"], rows=[[1, 0.1], ["x", 2.5e-17]], command="symness x",
            parameters={"m": 3}, notes=["note"])


@pytest.mark.parametrize("fmt", ["text", "md", "csv", "json"])
def test_render_is_deterministic(fmt):
    assert render(TAB, fmt) == render(TAB, fmt)


def test_render_csv_and_json_roundtrip_floats_exactly():
    rows = list(csv.reader(io.StringIO(render(TAB, "csv")), lineterminator="\n"))
    data_rows = [r for r in rows if r and not r[0].startswith("#")]
    assert data_rows[0] == ["a", "b"] and float(data_rows[1][1]) == 0.1
    payload = json.loads(render(TAB, "json"))
    assert payload["command"] == "symness x" and payload["parameters"] == {"m": 3}
    assert float(payload["rows"][1]["b"]) == 2.5e-17


def test_render_rejects_unknown_format():
    with pytest.raises(ValueError, match="'format'"):
        render(TAB, "xml")


def test_atomic_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "sub" / "f.txt"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert os.listdir(target.parent) == ["f.txt"]


def test_atomic_write_failure_keeps_old_content(tmp_path, monkeypatch):
    target = tmp_path / "f.txt"
    atomic_write_text(target, "old")

    def failing_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["f.txt"]


def test_split_registration_modules_are_discovered():
    # mpa splits its claims/tables/figures over claims_*.py etc.; discovery must find them
    from symness.outputs import registration_modules

    assert "symness.mpa.claims_mazur" in registration_modules("claims")
    assert "symness.mpa.tables_lindblad" in registration_modules("tables")
    assert "symness.mpa.figures_profiles" in registration_modules("figures")
    assert all(".bench" not in m for m in registration_modules("tables"))


def test_atomic_write_gives_an_ordinary_file_mode(tmp_path):
    # issue 24/25: mkstemp's 0600 leaked into tables and figures; new files are 0666 - umask
    old = os.umask(0o022)
    try:
        path = atomic_write_text(tmp_path / "t.md", "x")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("name", ["prosen2011-mazur", "prosen2011_mazur", "Prosen2011.Mazur",
                                  "mazur"])
def test_lookup_by_any_separator_and_former_name(name):
    from symness import outputs

    outputs.load_all()
    assert outputs.lookup(outputs.tables, name).name == "prosen2011-mazur"
    assert outputs.tables[name].name == "prosen2011-mazur"  # indexing as before the rename


def test_every_registered_name_follows_the_scheme():
    from symness import outputs
    from symness.claims import PAPER_KEYS

    outputs.load_all()
    for name in list(outputs.tables) + list(outputs.figures):
        key, _, rest = name.partition("-")
        assert key in PAPER_KEYS.values() and rest and name == outputs.canonical_name(name)


@pytest.mark.parametrize("kind", ["table", "figure"])
def test_declarations_read_from_source_equal_the_registry(kind):
    # --list and 'table NAME' read the registrations with ast instead of importing them
    from symness import outputs

    found = outputs.declared(kind)
    outputs.load_all()
    store = outputs.tables if kind == "table" else outputs.figures
    assert found is not None and sorted(d.name for d in found) == sorted(store)
    for d in found:
        e = store[d.name]
        assert (d.description, d.slow, d.aliases, d.module) == \
            (e.description, e.slow, e.aliases, e.generator.__module__)
