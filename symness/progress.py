"""Progress of long work on stderr: k/N, the running item, elapsed time and an estimate.

:class:`Progress` is what ``symness verify``, ``symness table`` and ``symness
figure`` show while they run (issue 25).  On a terminal one status line is
redrawn every second; otherwise (CI logs, pipes) a line is written when an item
starts and a ``still running`` line every :data:`HEARTBEAT` seconds, so that no
gap in a log is silent.  The estimate adds, for every item not yet done, its
duration in the previous run on this machine (a small JSON file under
``$SYMNESS_CACHE_DIR``, default ``~/.cache/symness``) or, for items never timed,
the mean of the items finished so far.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import threading
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TextIO

__all__ = ["Progress", "format_seconds", "timings_path", "load_timings", "save_timings",
           "HEARTBEAT"]

#: Seconds between ``still running`` lines when stderr is not a terminal.
HEARTBEAT = 60.0


def format_seconds(seconds: float) -> str:
    """``42 s``, ``3 min 05 s``, ``1 h 02 min`` (whole seconds; no false precision)."""
    s = int(round(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"


def timings_path(kind: str) -> Path:
    """File holding the last measured seconds per item of ``kind`` (``claims``, ``tables``...)."""
    base = os.environ.get("SYMNESS_CACHE_DIR") or Path.home() / ".cache" / "symness"
    return Path(base) / f"timings-{kind}.json"


def load_timings(kind: str) -> dict[str, float]:
    """Last measured seconds per item; empty if never measured or unreadable."""
    try:
        data = json.loads(timings_path(kind).read_text())
    except (OSError, ValueError):
        return {}
    return {k: float(v) for k, v in data.items() if isinstance(v, (int, float))} \
        if isinstance(data, dict) else {}


def save_timings(kind: str, seconds: Mapping[str, float]) -> None:
    """Merge ``seconds`` into the stored timings (best effort: an unwritable cache is ignored)."""
    from symness.outputs import atomic_write_text

    merged = load_timings(kind) | {k: round(float(v), 3) for k, v in seconds.items()}
    try:
        atomic_write_text(timings_path(kind), json.dumps(merged, indent=0, sort_keys=True))
    except OSError:
        pass


class Progress:
    """Progress over ``items`` (names), reported on ``stream``.

    Parameters
    ----------
    items : iterable of str
        Names of the items, in the order they will run.
    kind : str
        Key of the timing cache (``"claims"``, ``"tables"``, ``"figures"``).
    stream : text stream, optional
        Defaults to ``sys.stderr``.
    enabled : bool
        ``False`` prints nothing (the timings are still recorded).

    Use ``start(name)`` before and ``finish(name, seconds)`` after each item, and
    ``close()`` at the end (or the instance as a context manager).
    """

    def __init__(self, items: Iterable[str], *, kind: str, stream: TextIO | None = None,
                 enabled: bool = True) -> None:
        self.items = list(items)
        self.kind = kind
        self.stream = sys.stderr if stream is None else stream
        self.enabled = enabled
        self.tty = enabled and self.stream.isatty()
        self.expected = load_timings(kind)
        self.measured: dict[str, float] = {}
        self.started = time.perf_counter()
        self.current: str | None = None
        self.current_start = self.started
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._last_line = ""
        self._ticker: threading.Thread | None = None
        if enabled:
            self._ticker = threading.Thread(target=self._tick, daemon=True)
            self._ticker.start()

    # -- estimates -------------------------------------------------------------------------
    def remaining(self) -> float | None:
        """Estimated seconds still needed (``None`` before any duration is known)."""
        known = list(self.measured.values())
        mean = sum(known) / len(known) if known else None
        total = 0.0
        for name in self.items:
            if name in self.measured:
                continue
            guess = self.expected.get(name, mean)
            if guess is None:
                return None
            if name == self.current:
                guess = max(guess - (time.perf_counter() - self.current_start), 0.0)
            total += guess
        return total

    def status(self) -> str:
        """``[k/N] running NAME (item 12 s)  elapsed 1 min 03 s  ETA ~4 min 10 s``."""
        now = time.perf_counter()
        done = len(self.measured)
        width = len(str(len(self.items)))
        head = f"[{done + (self.current is not None):{width}d}/{len(self.items)}]"
        running = (f" running {self.current} ({format_seconds(now - self.current_start)})"
                   if self.current else "")
        rest = self.remaining()
        eta = "ETA unknown" if rest is None else f"ETA ~{format_seconds(rest)}"
        return f"{head}{running}  elapsed {format_seconds(now - self.started)}  {eta}"

    # -- events ----------------------------------------------------------------------------
    def start(self, name: str) -> None:
        """Item ``name`` starts now."""
        with self._lock:
            self.current, self.current_start = name, time.perf_counter()
            self._show(force_line=True)

    def finish(self, name: str, seconds: float) -> None:
        """Item ``name`` took ``seconds``."""
        with self._lock:
            self.measured[name] = seconds
            self.current = None

    def clear(self) -> None:
        """Erase the terminal status line (call before printing a result line)."""
        with self._lock:
            if self.tty and self._last_line:
                self.stream.write("\r\033[K")
                self.stream.flush()
                self._last_line = ""

    def close(self) -> None:
        """Stop the ticker, erase the status line and store the measured timings."""
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        self.clear()
        if self.measured:
            save_timings(self.kind, self.measured)

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- output ----------------------------------------------------------------------------
    def _show(self, force_line: bool = False) -> None:
        if not self.enabled:
            return
        line = self.status()
        if self.tty:  # one terminal row, or "\r" cannot erase it
            self.stream.write("\r\033[K" + line[:shutil.get_terminal_size().columns - 1])
        elif force_line or self.current:
            self.stream.write(line + "\n")
        self.stream.flush()
        self._last_line = line

    def _tick(self) -> None:
        interval = 1.0 if self.tty else HEARTBEAT
        while not self._stop.wait(interval):
            with self._lock:
                if self.current is not None:
                    self._show()
