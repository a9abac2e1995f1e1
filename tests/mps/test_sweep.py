import json

import pytest

from symness.cli import main
from symness.mps import sweep
from symness.validation import ParameterError


def _spec(L=4, seed=0, t_max=400.0):
    res = {"kind": "magnetization", "beta": "0", "rate": "1", "aux_length": 6}
    return {"L": L, "delta": "1/2", "h": "1/2", "seed": seed, "J": "1",
            "left": dict(res, mu="1/5"), "right": dict(res, mu="-1/5"),
            "settings": {"chi": 8, "dt": 0.2, "order": 2, "warmup_dt": None,
                         "chi_ramp": False, "check_interval": 2.0, "t_max": t_max,
                         "criterion": {"stationary_tol": 1e-3, "uniform_tol": 0.1}}}


def test_sweep_resumes_and_reports_failures(tmp_path):
    path = tmp_path / "r.jsonl"
    specs = [_spec(seed=0), _spec(seed=1), _spec(seed=2, t_max=2.0)]  # the last cannot converge
    s1 = sweep.run_sweep(specs, path, workers=1, retries=1, progress=False)
    assert s1.done == 2 and len(s1.failed) == 1 and "NotConvergedError" in s1.failed[0]["error"]
    records = sweep.load_results(path)
    assert [r["status"] for r in records].count("ok") == 2
    # the pool's workers were given the status folder (they create it) and left it empty
    assert sweep.status_dir(path).is_dir() and not list(sweep.status_dir(path).iterdir())
    # resume: the two finished tasks are skipped, the failed one is tried again
    s2 = sweep.run_sweep(specs, path, workers=1, retries=0, progress=False)
    assert s2.skipped == 2 and len(s2.failed) == 1
    ok = [r for r in sweep.load_results(path) if r["status"] == "ok"]
    assert {r["spec"]["seed"] for r in ok} == {0, 1}
    assert all(r["result"]["convergence"]["converged"] for r in ok)
    # rerun_failed=False: a recorded failure is a final result, nothing is run
    s3 = sweep.run_sweep(specs, path, workers=1, retries=0, progress=False, rerun_failed=False)
    assert s3.skipped == 3 and s3.done == 0 and not s3.failed


def _killed_worker(spec, status=None, checkpoint_every=None):
    import os

    os._exit(1)  # the worker process dies, as under kill or the OOM killer


def test_a_dead_pool_records_nothing(tmp_path, monkeypatch):
    # reference: a worker killed mid-task is no result of the task (before, every pending task
    # was stored as "failed" with BrokenProcessPool and never rerun by the figures)
    import concurrent.futures as cf

    path = tmp_path / "r.jsonl"
    monkeypatch.setattr(sweep, "run_task", _killed_worker)
    with pytest.raises(cf.process.BrokenProcessPool):
        sweep.run_sweep([_spec(seed=0), _spec(seed=1)], path, workers=1, retries=1,
                        progress=False, rerun_failed=False)
    assert not path.exists() or sweep.load_results(path) == []


def test_sweep_through_a_local_dask_cluster(tmp_path):
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    try:
        path = tmp_path / "d.jsonl"
        summary = sweep.run_sweep([_spec(seed=5)], path, executor="dask",
                                  scheduler=cluster.scheduler_address, progress=False)
        assert summary.done == 1
        # same task through local processes gives the same currents (deterministic)
        local = sweep.run_task(_spec(seed=5))["result"]
        got = sweep.load_results(path)[0]["result"]
        assert got["j_spin"] == pytest.approx(local["j_spin"], rel=1e-12)
    finally:
        cluster.close()


def test_a_running_task_shows_its_latest_check(tmp_path, monkeypatch):
    # reference: the task's own spec (chi 8, dt 0.2, check every 2 time units, tolerances
    # 0.1 and 1e-3, no chi ramp and no coarse stage, so one stage is judged)
    results = tmp_path / "r.jsonl"
    seen = []
    writer = sweep._status_writer

    def watching(path, spec):
        write = writer(path, spec)

        def observe(report):
            write(report)
            seen.append(sweep.running_tasks(results))
        return observe

    monkeypatch.setattr(sweep, "_status_writer", watching)
    record = sweep.run_task(_spec(seed=3), status=sweep.status_dir(results))
    assert record["status"] == "ok" and len(seen) >= 3
    assert all(len(states) == 1 and states[0]["alive"] for states in seen)
    first, last = seen[0][0], seen[-1][0]
    assert (last["L"], last["seed"], last["chi"], last["dt"]) == (4, 3, 8, 0.2)
    assert (last["uniform_tol"], last["stationary_tol"]) == (0.1, 1e-3)
    assert first["time"] == pytest.approx(2.0) and last["time"] > first["time"]
    assert last["converged"] and last["time"] == record["result"]["convergence"]["time"]
    assert sweep.running_tasks(results) == []  # removed when the task ends


def _dead_pid() -> int:
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_killed_sweep_status_is_shown_stopped_then_removed(tmp_path, capsys):
    results = tmp_path / "r.jsonl"
    folder = sweep.status_dir(results)
    folder.mkdir()
    state = {"L": 32, "delta": "1", "h": "3/5", "seed": 0, "pid": _dead_pid(), "chi": 64,
             "dt": 0.1, "wall_seconds": 600.0, "uniform_tol": 0.05, "stationary_tol": 1e-3,
             "time": 120.0, "judged": ["energy"], "uniformity": {"energy": 0.08},
             "stationarity": {"energy": 2e-4}}
    (folder / "stale.json").write_text(json.dumps(state))
    assert main(["mps", "status", "--results", str(results)]) == 0
    out = capsys.readouterr().out
    assert "L=32 delta=1 h=3/5 seed=0: chi 64, dt 0.1, t=120" in out
    assert "energy uniformity 0.08 (tol 0.05)" in out and "worker gone" in out
    sweep.run_sweep([_spec(seed=0)], results, workers=1, progress=False)
    assert not list(folder.glob("*.json"))
    assert main(["mps", "status", "--results", str(results)]) == 0
    assert "no task" in capsys.readouterr().out


def test_cli_ness_json(tmp_path, capsys):
    out = tmp_path / "n.json"
    code = main(["mps", "ness", "--L", "4", "--delta", "1/2", "--reservoir", "magnetization",
                 "--mu-left", "1/5", "--mu-right=-1/5", "--chi", "32", "--dt", "0.1",
                 "--tol", "1e-3", "--uniform-tol", "0.1", "--currents", "spin",
                 "--format", "json", "--output", str(out)])
    assert code == 0
    data = json.loads(out.read_text())
    assert data["spec"]["left"]["kind"] == "magnetization" and data["convergence"]["converged"]
    assert data["convergence"]["judged"] == ["spin"]
    assert data["settings"]["criterion"]["currents"] == ["spin"]


@pytest.mark.parametrize("argv", [
    ["mps", "ness", "--L", "1", "--delta", "1"],
    ["mps", "ness", "--L", "8", "--delta", "1", "--chi", "0"],
    ["mps", "ness", "--L", "8", "--delta", "1", "--order", "3"],
    ["mps", "ness", "--L", "8", "--delta", "x"],
    ["mps", "ness", "--L", "8", "--delta", "1", "--reservoir", "hot"],
    ["mps", "sweep", "--L", "8", "--delta", "1"],
    ["mps", "status"],
    ["mps", "ness", "--L", "8", "--delta", "1", "--currents", "heat"],
])
def test_cli_bad_input_exits_2(argv, capsys):
    assert main(argv) == 2
    assert "error" in capsys.readouterr().err


def test_a_killed_task_resumes_from_its_checkpoint(tmp_path, monkeypatch, capsys):
    # reference: the same task solved in one go without a status folder (no checkpoint); the
    # worker is killed (os._exit) at its 4th check, after saving its state at every check
    results = tmp_path / "r.jsonl"
    spec = _spec(seed=4)
    reference = json.loads(json.dumps(sweep.run_task(spec)["result"]))  # as stored
    assert reference["convergence"]["checks"] > 4
    writer = sweep._status_writer

    def dying(path, spec):
        write, calls = writer(path, spec), []

        def observe(report):
            write(report)
            calls.append(report.time)
            if len(calls) == 4:
                import os

                os._exit(1)
        return observe

    import concurrent.futures as cf

    monkeypatch.setattr(sweep, "_status_writer", dying)
    with pytest.raises(cf.process.BrokenProcessPool):
        sweep.run_sweep([spec], results, workers=1, progress=False, checkpoint_every=0)
    assert sweep.load_results(results) == []
    assert len(list(sweep.status_dir(results).glob("*.ckpt"))) == 1
    assert main(["mps", "status", "--results", str(results)]) == 0
    assert "a rerun resumes from the checkpoint" in capsys.readouterr().out
    monkeypatch.setattr(sweep, "_status_writer", writer)
    assert sweep.run_sweep([spec], results, workers=1, progress=False).done == 1
    (record,) = sweep.load_results(results)
    got = record["result"]
    assert got.pop("resumes") == 1 and reference.pop("resumes") == 0
    got.pop("seconds"), reference.pop("seconds")
    assert got == reference  # bit-identical
    assert not list(sweep.status_dir(results).iterdir())  # status and checkpoint removed


def test_checkpoint_every_is_validated(tmp_path):
    with pytest.raises(ParameterError, match="'checkpoint_every'"):
        sweep.run_sweep([_spec()], tmp_path / "r.jsonl", checkpoint_every=-1, progress=False)
