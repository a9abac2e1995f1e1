"""Checked command-line inputs: numbers, lists, output paths, result files, a scheduler.

Every paper CLI (``symness/<pkg>/cli.py``) parses its text options here, so that bad
input fails before any work starts, as one :class:`~symness.validation.ParameterError`
naming the option as the user typed it (``'beta-left'``, not the library's ``'beta'``)
and its allowed range (issue 24).  Numbers go through
:func:`~symness.validation.parse_number` (exact, magnitude in ``[1e-300, 1e300]``);
paths are checked for a writable existing folder without creating one.

Examples
--------
>>> integer("12", "n", minimum=4, maximum=14)
12
>>> integer_list("8,12-14", "L", minimum=2)
[8, 12, 13, 14]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import tempfile
from fractions import Fraction
from pathlib import Path

from symness.validation import ParameterError, parse_number, require_real

__all__ = ["or_default", "number", "integer", "integer_list", "number_list", "name_list",
           "output_file", "output_folder", "check_output_paths", "text_lines", "check_jsonl",
           "check_csv_header", "scheduler_address", "MAX_LIST"]

#: Longest list of values an option may give (sizes, seeds, sweep points): beyond it a typo
#: such as ``0-1000000000`` would be accepted as a billion tasks.
MAX_LIST = 10_000
#: Seconds to wait for a Dask scheduler to accept a connection before refusing its address.
SCHEDULER_TIMEOUT = 3.0
#: Largest first frame length of a Dask handshake accepted (a real one is ~60 bytes).
MAX_HANDSHAKE = 2**20
#: Options that name a file to write, and the one that names a folder (checked by
#: :func:`check_output_paths` before a command runs).
FILE_OPTIONS = ("output", "results")
FOLDER_OPTIONS = ("outdir",)


def or_default(text: str | None, default: str) -> str:
    """``text`` if the option was given (even as ``''``, which its parser then refuses)."""
    return default if text is None else text


def number(text: str, name: str, *, minimum: Fraction | int | None = None,
           maximum: Fraction | int | None = None, open_minimum: bool = False,
           open_maximum: bool = False) -> Fraction:
    """The exact value of ``text``, in the stated interval (``ParameterError`` otherwise).

    Examples
    --------
    >>> number("1/10", "eps", minimum=0, open_minimum=True)
    Fraction(1, 10)
    """
    return require_real(parse_number(text, name), name, minimum=minimum, maximum=maximum,
                        open_minimum=open_minimum, open_maximum=open_maximum)


def integer(text: str, name: str, *, minimum: int | None = None,
            maximum: int | None = None) -> int:
    """``text`` as an ``int`` in ``[minimum, maximum]``; ``"1e3"`` is accepted as 1000."""
    value = parse_number(text, name)
    low = "" if minimum is None else f" >= {minimum}"
    high = "" if maximum is None else f" <= {maximum}"
    bounds = f" in [{minimum}, {maximum}]" if low and high else low or high
    if value.denominator != 1 or (minimum is not None and value < minimum) \
            or (maximum is not None and value > maximum):
        raise ParameterError(f"'{name}' must be an integer{bounds} (got {text.strip()!r})")
    return int(value)


def _items(text: str, name: str) -> list[str]:
    items = [part.strip() for part in text.split(",")]
    if not text.strip() or not all(items):
        raise ParameterError(f"'{name}' must be a comma-separated list without empty "
                             f"entries (got {text!r})")
    return items


def _distinct(values: list, name: str, text: str) -> list:
    if len(values) > MAX_LIST:
        raise ParameterError(f"'{name}' lists {len(values)} values; at most {MAX_LIST} "
                             f"(got {text!r})")
    seen = set()
    for v in values:
        if v in seen:
            raise ParameterError(f"'{name}' lists {v} twice (got {text!r}); each value once")
        seen.add(v)
    return values


def integer_list(text: str, name: str, *, minimum: int | None = None,
                 maximum: int | None = None) -> list[int]:
    """``"8,12,16"``, ``"0-9"`` (inclusive) or a mix; distinct, at most :data:`MAX_LIST`."""
    out: list[int] = []
    for part in _items(text, name):
        lo, dash, hi = part[1:].partition("-")
        if dash:
            first = integer(part[0] + lo, name, minimum=minimum, maximum=maximum)
            last = integer(hi, name, minimum=minimum, maximum=maximum)
            if last < first or len(out) + last - first >= MAX_LIST:
                raise ParameterError(f"'{name}' range {part!r} must run upwards and list at "
                                     f"most {MAX_LIST} values (got {text!r})")
            out += range(first, last + 1)
        else:
            out.append(integer(part, name, minimum=minimum, maximum=maximum))
    return _distinct(out, name, text)


def number_list(text: str, name: str, **bounds) -> list[Fraction]:
    """``"0.3,0.6"``: distinct exact numbers, each within ``bounds`` (as :func:`number`)."""
    return _distinct([number(part, name, **bounds) for part in _items(text, name)], name, text)


def name_list(text: str, name: str, allowed: tuple[str, ...]) -> list[str]:
    """``"spin,energy"``: distinct names, each one of ``allowed``."""
    names = _items(text, name)
    bad = [n for n in names if n not in allowed]
    if bad:
        raise ParameterError(f"'{name}' entries must be among {', '.join(allowed)} "
                             f"(got {text!r})")
    return _distinct(names, name, text)


def _probe_folder(folder: Path, name: str, text: str) -> None:
    """Refuse unless ``folder`` is an existing folder in which a file can be created."""
    if not folder.exists():
        raise ParameterError(f"'{name}': folder {str(folder)!r} does not exist (got {text!r}); "
                             f"symness creates no folders")
    if not folder.is_dir():
        raise ParameterError(f"'{name}': {str(folder)!r} is not a folder (got {text!r})")
    try:  # the same operation an atomic write starts with (mkstemp beside the target)
        fd, probe = tempfile.mkstemp(prefix=".symness-probe.", dir=folder)
    except OSError as exc:
        raise ParameterError(f"'{name}': cannot create a file in {str(folder)!r} "
                             f"({exc.strerror or exc}) (got {text!r})") from None
    os.close(fd)
    os.unlink(probe)


def _no_nul(text: str, name: str) -> None:
    if "\x00" in text:
        raise ParameterError(f"'{name}' must be a path without NUL characters (got {text!r})")


def output_file(text: str, name: str) -> Path:
    """A path a file can be written to: not a folder, in an existing writable folder."""
    _no_nul(text, name)
    path = Path(text)
    if not text.strip() or text.endswith(("/", os.sep)) or path.is_dir():
        raise ParameterError(f"'{name}' must name a file, not a folder (got {text!r})")
    _probe_folder(path.parent, name, text)
    return path


def output_folder(text: str, name: str) -> Path:
    """An existing folder in which files can be created."""
    _no_nul(text, name)
    if not text.strip():
        raise ParameterError(f"'{name}' must name a folder (got {text!r})")
    _probe_folder(Path(text), name, text)
    return Path(text)


def check_output_paths(args: argparse.Namespace) -> None:
    """Check every output path of a parsed command line before the command runs.

    ``--output``/``--results`` (a file), ``--write BASE`` (``BASE.md/.csv/.json``) and
    ``--outdir`` (a folder), whichever the command has and the user gave.
    """
    for key in FILE_OPTIONS:
        if getattr(args, key, None) is not None:
            output_file(getattr(args, key), key)
    if getattr(args, "write", None) is not None:
        _no_nul(args.write, "write")
        base = Path(args.write)
        if base.name in ("", ".", "..") or args.write.endswith(("/", os.sep)) \
                or base.is_dir():
            raise ParameterError(f"'write' must be a file name without suffix, e.g. "
                                 f"tables/mazur_dz (got {args.write!r})")
        for suffix in (".md", ".csv", ".json"):
            output_file(str(base.with_suffix(suffix)), "write")
    for key in FOLDER_OPTIONS:
        if getattr(args, key, None) is not None:
            output_folder(getattr(args, key), key)


def text_lines(path: Path, name: str) -> list[str]:
    """The lines of an existing UTF-8 text file; a binary file is refused naming the line."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ParameterError(f"'{name}' file {str(path)!r} is not text: line {line} is not "
                             f"UTF-8 (byte {exc.start})") from None


def check_jsonl(path: Path, name: str) -> None:
    """Refuse an existing results file that is not JSON lines (one object per line).

    A last line that starts an object but does not finish it (a run killed while appending)
    is left to the sweep; any other line that is not a JSON object is reported by number.
    """
    if not path.is_file():
        return
    lines = text_lines(path, name)
    for number_, line in enumerate(lines, start=1):
        if not line.strip() or (number_ == len(lines) and line.lstrip().startswith("{")):
            continue
        try:
            ok = isinstance(json.loads(line), dict)
        except json.JSONDecodeError:
            ok = False
        if not ok:
            raise ParameterError(f"'{name}' file {str(path)!r} is not JSON lines: line "
                                 f"{number_} is not a JSON object ({line[:40]!r})")


def check_csv_header(path: Path, name: str, columns: tuple[str, ...]) -> None:
    """Refuse an existing CSV file that is not text or whose first line is not ``columns``."""
    if not path.is_file() or not path.stat().st_size:
        return
    header = text_lines(path, name)[0].strip()
    if header != ",".join(columns):
        raise ParameterError(f"'{name}' file {str(path)!r} is not a file of this command: line "
                             f"1 is {header[:60]!r}, expected the header {','.join(columns)!r}")


def scheduler_address(text: str, name: str, *, timeout: float = SCHEDULER_TIMEOUT) -> str:
    """A Dask scheduler address ``[tcp://]host:port`` where a scheduler answers now.

    Checked with one TCP connection of at most ``timeout`` seconds: a Dask server opens every
    connection by sending its handshake, whose first 8 bytes are a small little-endian frame
    length; anything else (no answer, a proxy's ``HTTP/1.1``) is refused in seconds with one
    line, instead of the client's 30 s wait or its attempt to allocate exabytes.
    """
    scheme, sep, rest = text.strip().rpartition("://")
    host, colon, port = rest.rpartition(":")
    if (sep and scheme not in ("tcp", "tls")) or not colon or not host or not port.isdigit() \
            or not 0 < int(port) < 65536:
        raise ParameterError(f"'{name}' must be a scheduler address tcp://HOST:PORT "
                             f"(got {text!r})")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout) as conn:
            conn.settimeout(timeout)
            head = conn.recv(8)
    except OSError as exc:
        raise ParameterError(f"'{name}': no scheduler answers at {text!r} within {timeout:g} s "
                             f"({exc.strerror or exc})") from None
    if len(head) != 8 or int.from_bytes(head, "little") > MAX_HANDSHAKE:
        raise ParameterError(f"'{name}': the server at {text!r} does not answer as a Dask "
                             f"scheduler (first bytes {head[:8]!r})")
    return text.strip()
