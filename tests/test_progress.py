"""Progress reporting: k/N, running item, elapsed time and an estimate (symness.progress)."""

import io

import pytest

from symness.progress import Progress, format_seconds, load_timings, save_timings


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SYMNESS_CACHE_DIR", str(tmp_path))


@pytest.mark.parametrize("seconds,text", [(0.4, "0 s"), (42, "42 s"), (185, "3 min 05 s"),
                                          (3725, "1 h 02 min")])
def test_format_seconds(seconds, text):
    assert format_seconds(seconds) == text


def test_status_line_has_counter_item_elapsed_and_estimate():
    stream = io.StringIO()
    bar = Progress(["a", "b", "c"], kind="t", stream=stream)
    bar.start("a")
    bar.finish("a", 10.0)
    bar.start("b")
    line = bar.status()
    bar.close()
    assert line.startswith("[2/3] running b (") and "elapsed" in line
    # b and c are unknown: each is estimated by the mean of the finished items (10 s)
    assert "ETA ~20 s" in line or "ETA ~19 s" in line
    assert stream.getvalue().count("\n") == 2  # not a terminal: one line per started item


def test_estimate_uses_the_timings_of_the_previous_run():
    save_timings("t", {"a": 1.0, "b": 100.0, "c": 1000.0})
    bar = Progress(["a", "b", "c"], kind="t", enabled=False)
    assert bar.remaining() == pytest.approx(1101.0)
    bar.start("a")
    bar.finish("a", 2.0)
    assert bar.remaining() == pytest.approx(1100.0)
    bar.close()
    assert load_timings("t")["a"] == 2.0


def test_unknown_estimate_before_any_timing():
    bar = Progress(["a"], kind="t", enabled=False)
    assert bar.remaining() is None and "ETA unknown" in bar.status()
    bar.close()


def test_unreadable_timings_are_ignored(tmp_path):
    (tmp_path / "timings-t.json").write_text("not json")
    assert load_timings("t") == {}


def test_a_long_item_is_not_silent_in_a_log(monkeypatch):
    # issue 25: a 48-min claim left a silent gap; off a terminal a line repeats every HEARTBEAT
    import time

    import symness.progress as progress

    monkeypatch.setattr(progress, "HEARTBEAT", 0.05)
    stream = io.StringIO()
    bar = Progress(["slow-item"], kind="t", stream=stream)
    bar.start("slow-item")
    time.sleep(0.5)
    bar.finish("slow-item", 0.5)
    bar.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) >= 3 and all(line.startswith("[1/1] running slow-item") for line in lines)
