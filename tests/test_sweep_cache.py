"""Sweeps and caches (issue 24, item 3): keys, duplicates, damaged lines, orphaned workers.

Each test reproduces a case of the issue's report: ``mps sweep --L 6,6`` stored the same task
twice; a truncated last line made every later run fail with a bare ``JSONDecodeError``;
pool workers outlived a killed sweep; ``pump sweep`` resumed with another ``--delta`` kept
the old rows; ``run_sweep([{"L": 8}])`` raised ``KeyError``.
"""

import csv
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from symness.mps import sweep
from symness.pump import sweep as pump_sweep
from symness.pump.model import PumpParams
from symness.validation import ParameterError

ROOT = Path(__file__).resolve().parents[1]


def _spec(L=6, seed=0):
    res = {"kind": "magnetization", "beta": "0", "rate": "1", "aux_length": 6}
    return {"L": L, "delta": "1/2", "h": "0", "seed": seed, "J": "1",
            "left": dict(res, mu="1/5"), "right": dict(res, mu="-1/5"),
            "settings": {"chi": 8, "dt": 0.2}}


def _fake_task(spec, status=None, checkpoint_every=None):
    """A finished task without the solve (the bookkeeping is under test, not TEBD)."""
    return {"key": sweep.task_key(spec), "spec": spec, "status": "ok", "result": {"L": spec["L"]}}


def test_repeated_tasks_run_once(tmp_path, monkeypatch):
    monkeypatch.setattr(sweep, "run_task", _fake_task)
    path = tmp_path / "r.jsonl"
    specs = [_spec(6), _spec(6), _spec(8), _spec(6, seed=0)]  # `--L 6,6` and a repeat
    assert [s["L"] for s in sweep.unique_specs(specs)] == [6, 8]  # first occurrences, in order
    summary = sweep.run_sweep(specs, path, workers=1, progress=False)
    assert (summary.done, summary.duplicates) == (2, 2)
    assert [r["spec"]["L"] for r in sweep.load_results(path)].count(6) == 1


def test_truncated_line_is_reported_with_file_and_line_and_valid_records_kept(tmp_path):
    path = tmp_path / "r.jsonl"
    good = [_fake_task(_spec(6)), _fake_task(_spec(8))]
    text = "".join(json.dumps(r) + "\n" for r in good)
    path.write_text(text + text.splitlines()[0][:25] + "\n")  # a crash mid-line
    with pytest.warns(sweep.CacheWarning, match=rf"{path.name}:3: not a results record"):
        records = sweep.load_results(path)
    assert [r["key"] for r in records] == [r["key"] for r in good]


def test_binary_and_non_record_lines_are_skipped(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_bytes(b"\xff\xfe\x00garbage\n[1, 2]\n" + json.dumps(_fake_task(_spec())).encode()
                     + b"\n")
    with pytest.warns(sweep.CacheWarning) as caught:
        records = sweep.load_results(path)
    assert len(records) == 1 and len(caught) == 2
    assert {str(w.message).split(": ")[0] for w in caught} == {f"{path}:1", f"{path}:2"}


def test_a_damaged_cache_still_resumes(tmp_path, monkeypatch):
    monkeypatch.setattr(sweep, "run_task", _fake_task)
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(_fake_task(_spec(6))) + "\n{\"key\": \"trunc")
    with pytest.warns(sweep.CacheWarning, match=":2:"):
        summary = sweep.run_sweep([_spec(6), _spec(8)], path, workers=1, progress=False)
    assert (summary.skipped, summary.done) == (1, 1)


@pytest.mark.parametrize("spec, name", [
    ({"L": 8}, "delta"),
    ({"delta": "1"}, "L"),
    (dict(_spec(), left={"beta": "0"}), "kind"),
    (dict(_spec(), settings={"chii": 8}), "chii"),
])
def test_incomplete_spec_is_a_parameter_error(tmp_path, spec, name):
    with pytest.raises(ParameterError, match=name):
        sweep.run_sweep([spec], tmp_path / "r.jsonl", progress=False)


def test_a_sweep_too_large_for_memory_is_refused_before_running(tmp_path):
    spec = dict(_spec(L=10_000), settings={"chi": 4096})
    with pytest.raises(ParameterError, match=r"'chi' = 4096 needs about .* the largest 'chi'"):
        sweep.run_sweep([spec], tmp_path / "r.jsonl", progress=False)
    assert not (tmp_path / "r.jsonl").exists()


_ORPHAN_SCRIPT = textwrap.dedent("""
    import os, sys, time
    from symness.mps import sweep

    def slow(spec, status=None, checkpoint_every=None):
        open(sys.argv[1], "w").write(str(os.getpid()))
        time.sleep(600)

    sweep.run_task = slow
    spec = {{"L": 6, "delta": "1", "left": {{"kind": "magnetization"}},
            "right": {{"kind": "magnetization"}}}}
    sweep.run_sweep([spec], sys.argv[2], workers=1, progress=False)
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").exists() and \
        Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def test_workers_end_with_a_killed_parent(tmp_path):
    pid_file = tmp_path / "worker.pid"
    script = tmp_path / "sweep.py"
    script.write_text(_ORPHAN_SCRIPT.format())
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    parent = subprocess.Popen([sys.executable, str(script), str(pid_file),
                               str(tmp_path / "r.jsonl")], env=env)
    worker = None
    try:
        for _ in range(300):
            if pid_file.exists() and pid_file.read_text():
                break
            time.sleep(0.1)
        worker = int(pid_file.read_text())
        assert _alive(worker)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10 * sweep.PARENT_POLL
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(worker), "the worker survived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()
        if worker is not None and _alive(worker):
            os.kill(worker, signal.SIGKILL)  # never leave the orphan of a failed check


# ---- pump sweep: rows keyed on every parameter ---------------------------------------------

def _pump(tmp_path, **changes):
    base = PumpParams(n=4, field=0.5).with_(**changes)
    return pump_sweep.run_sweep(base, method="gge", n_c=2, vary="ratio", values=[0.5, 0.5],
                                output=tmp_path / "s.csv", progress=False)


def test_pump_sweep_resumed_with_another_delta_recomputes(tmp_path):
    first = _pump(tmp_path)
    assert len(first) == 1  # the repeated value is solved once
    written = (tmp_path / "s.csv").read_bytes()
    assert len(_pump(tmp_path)) == 1 and (tmp_path / "s.csv").read_bytes() == written
    other = _pump(tmp_path, delta=0.5)
    assert len(other) == 2
    by_delta = {float(r["delta"]): float(r["energy"]) for r in other}
    assert set(by_delta) == {0.8, 0.5} and by_delta[0.8] != by_delta[0.5]
    # an independent solve at Delta = 0.5 gives the stored row
    fresh_dir = tmp_path / "fresh"
    fresh_dir.mkdir()
    fresh = _pump(fresh_dir, delta=0.5)
    assert float(fresh[0]["energy"]) == by_delta[0.5]


@pytest.mark.parametrize("name, value", [("omega", 1.4), ("t_ph", 2.0), ("eta_ph", 0.3)])
def test_pump_sweep_key_has_every_parameter(name, value):
    row = {k: "" for k in pump_sweep.COLUMNS} | {"method": "gge", "n_c": "2", "n": "4",
                                                   "field": "0.5", "ratio": "1.0"}
    defaults = {k: repr(float(getattr(PumpParams(), k))) for k in pump_sweep.PARAMETERS}
    changed = defaults | {name: repr(value)}
    assert pump_sweep._key(row | defaults) != pump_sweep._key(row | changed)


def test_legacy_pump_file_is_read_and_its_rows_never_reused(tmp_path):
    path = tmp_path / "s.csv"
    legacy = {"method": "gge", "n_c": "2", "n": "4", "field": "0.5", "ratio": "0.5",
              "energy": "7.0", "heat_current": "0", "spin_current": "0", "c3": "0", "c4": "0",
              "check": "old"}
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=pump_sweep.LEGACY_COLUMNS,
                                lineterminator="\n")
        writer.writeheader()
        writer.writerow(legacy)
    rows = _pump(tmp_path)
    assert len(rows) == 2  # the legacy row is kept beside the recomputed one
    assert {r["check"] == "old" for r in rows} == {True, False}
    assert [r["delta"] for r in rows if r["check"] == "old"] == [""]


def test_committed_pump_tables_are_complete_at_the_defaults():
    """The migrated tables keep every point: regenerating them solves nothing (same bytes)."""
    from symness.pump.figures import FIELDS, RATIOS

    defaults = {k: float(getattr(PumpParams(), k)) for k in pump_sweep.PARAMETERS}
    rows = pump_sweep.read_rows(ROOT / "tables" / "lange2017_fig5.csv")
    assert all({k: float(r[k]) for k in pump_sweep.PARAMETERS} == defaults for r in rows)
    assert sorted({float(r["field"]) for r in rows}) == sorted(FIELDS)
    fig3 = pump_sweep.read_rows(ROOT / "tables" / "lange2017_fig3.csv")
    assert {float(r["ratio"]) for r in fig3} == set(RATIOS)


def test_pump_sweep_of_a_billion_values_is_refused_before_solving(tmp_path):
    # issue: `pump sweep --values 0:1:1000000000` allocated until it died
    with pytest.raises(ParameterError, match="'values' gives 1000000000 tasks"):
        pump_sweep.run_sweep(PumpParams(n=4), method="gge", n_c=2, vary="ratio",
                             values=range(10**9), output=tmp_path / "s.csv", progress=False)
    assert not (tmp_path / "s.csv").exists()
