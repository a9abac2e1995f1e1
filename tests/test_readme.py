"""The README's tour cannot drift: every ``$ symness ...`` command runs, exits 0 and prints
the output the README shows (reference: the README), line by line and number by number.

Rules of the comparison (issue 25):

* a shown line ``...`` stands for any number of output lines; a shown token ``...`` for any
  number of tokens (so a line ending in ``...`` shows the first columns of a wider line);
* durations (``0.47s``, ``6.78 s``, ``1 min 05 s``) are not compared;
* a number is compared to the accuracy its printed digits state: it may differ from the
  output by one unit in its last printed digit (``8.5076509e-4``: 1e-11);
* a block preceded by ``<!-- readme-check: rtol=R atol=A -->`` states that its command prints
  more digits than it reproduces (solver tolerances, round-off); its numbers may then also
  differ by ``max(R * |value|, A)``.

Commands that take longer than a few seconds are in :data:`SLOW` (run with ``--slow``).
"""

import math
import re
import shlex
from pathlib import Path

import pytest

from symness.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()

#: Tour commands measured at > 5 s on one core (run with --slow): name -> seconds measured.
SLOW = {"symness table mendoza2019-pz2009": 140, "symness verify lange2017.fig5.large-field": 10,
        "symness mps ness --L 8 --delta 1 --h 0.6 --seed 0 --chi 32 --currents energy": 8,
        "symness ness --n 10 --delta 1/2 --mu 1 --eps 1e-3": 5}

_DURATION = re.compile(r"\b\d+ h \d+ min\b|\b\d+ min \d+ s\b|\b\d+(\.\d+)? ?s\b")
_NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
_MARKER = re.compile(r"<!-- readme-check: rtol=([0-9.eE+-]+) atol=([0-9.eE+-]+) -->")
_SEPARATORS = re.compile(r"[\s;,]+")


def tour_blocks(text: str = README):
    """``(command, shown output lines, (rtol, atol))`` of every ``$ symness`` line in a block."""
    lines = text.splitlines()
    pending, rtol, inside = (0.0, 0.0), (0.0, 0.0), False
    for i, line in enumerate(lines):
        found = _MARKER.search(line)
        if found:
            pending = (float(found.group(1)), float(found.group(2)))
        elif line.startswith("```"):
            inside = not inside
            rtol, pending = (pending, (0.0, 0.0)) if inside else ((0.0, 0.0), (0.0, 0.0))
        elif inside and line.startswith("$ symness "):
            shown = []
            for following in lines[i + 1:]:
                if following.startswith(("$ ", "```")):
                    break
                shown.append(following)
            yield line[2:], shown, rtol


def last_digit_unit(token: str) -> float:
    """One unit in the last printed digit of a number token (``'1.25e-3'`` -> 1e-5)."""
    mantissa, _, exponent = token.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    return 10.0 ** (int(exponent or 0) - decimals)


def token_matches(shown: str, actual: str, rtol: tuple[float, float]) -> bool:
    """Equal text, or numbers within their printed accuracy (and ``rtol = (rtol, atol)``)."""
    if shown == actual:
        return True
    head_s, sep_s, value_s = shown.rpartition("=")
    head_a, sep_a, value_a = actual.rpartition("=")
    if sep_s and sep_a:
        return head_s == head_a and token_matches(value_s, value_a, rtol)
    if shown[-1:] in ")}]" and shown[-1:] == actual[-1:]:
        return token_matches(shown[:-1], actual[:-1], rtol)
    if not (_NUMBER.match(shown) and _NUMBER.match(actual)):
        return False
    x, y = float(shown), float(actual)
    return math.isclose(x, y, rel_tol=rtol[0],
                        abs_tol=max(last_digit_unit(shown) * (1 + 1e-9), rtol[1]))


def glob_match(shown: list, actual: list, same) -> bool:
    """Sequence match in which a shown ``"..."`` stands for any run of actual items."""
    memo = {}

    def go(i: int, j: int) -> bool:
        if (i, j) not in memo:
            if i == len(shown):
                memo[i, j] = j == len(actual)
            elif shown[i] == "...":
                memo[i, j] = go(i + 1, j) or (j < len(actual) and go(i, j + 1))
            else:
                memo[i, j] = j < len(actual) and same(shown[i], actual[j]) and go(i + 1, j + 1)
        return memo[i, j]

    return go(0, 0)


def _tokens(line: str) -> list[str]:
    return [t for t in _SEPARATORS.split(_DURATION.sub("<time>", line)) if t]


def line_matches(shown: str, actual: str, rtol: tuple[float, float]) -> bool:
    """Token-by-token match of one line (split at blanks, ``,`` and ``;``), durations removed."""
    return glob_match(_tokens(shown), _tokens(actual),
                      lambda s, a: token_matches(s, a, rtol))


def output_matches(shown: list[str], actual: list[str], rtol: tuple[float, float]) -> bool:
    """Line-by-line match of a command's output (see the module docstring)."""
    return glob_match([s if s.strip() != "..." else "..." for s in shown], actual,
                      lambda s, a: line_matches(s, a, rtol))


def _params():
    for command, shown, rtol in tour_blocks():
        marks = [pytest.mark.slow] if command in SLOW else []
        yield pytest.param(command, shown, rtol, id=command[8:60], marks=marks)


@pytest.mark.parametrize("command,shown,rtol", list(_params()))
def test_readme_command_prints_what_the_readme_shows(command, shown, rtol, capsys,
                                                      tmp_path, monkeypatch):
    monkeypatch.setenv("SYMNESS_CACHE_DIR", str(tmp_path))
    assert main(shlex.split(command)[1:]) == 0
    out = capsys.readouterr().out.splitlines()
    assert shown, f"the README shows no output for {command!r}"
    assert output_matches(shown, out, rtol), "\n".join(out[:40])


@pytest.mark.parametrize("shown,actual,ok", [
    ("heat_current   8.5076509e-4", "heat_current   8.5076536e-4", False),  # the drift
    ("heat_current   8.5076509e-4", "heat_current   8.50765095e-4", True),
    ("err=1.79e-10  0.47s", "err=1.80e-10  12.03s", True),
    ("err=1.79e-10", "err=1.81e-10", False),
    ("check residual=4.0e-17;method=direct", "check residual=4.0e-17;method=lu", False),
    ("1  403/1024", "1  403/1025", False),
    ("zeta  q1  ...", "zeta  q1  q2  sz", True),
    ("PASS x (20)", "FAIL x (20)", False),
])
def test_line_comparison_rules(shown, actual, ok):
    assert line_matches(shown, actual, (0.0, 0.0)) is ok


def test_elided_lines_and_missing_lines():
    assert output_matches(["a", "...", "z"], ["a", "b", "c", "z"], (0.0, 0.0))
    assert not output_matches(["a", "z"], ["a", "b", "z"], (0.0, 0.0))
    assert not output_matches(["a", "...", "y"], ["a", "b", "z"], (0.0, 0.0))


def test_rtol_marker_states_a_coarser_accuracy():
    shown, actual = "x 4.395935941925444e-07 1.24e-19", "x 4.3959359263823217e-07 1.11e-16"
    assert not line_matches(shown, actual, (0.0, 0.0))
    assert not line_matches(shown, actual, (1e-7, 0.0))
    assert line_matches(shown, actual, (1e-7, 1e-15))


def test_readme_has_the_quick_start_commands():
    assert README.count("pip install -e '.[all]'") >= 2
    assert "<!-- ci:test -->" in README
    assert "symness verify\n" in README and "symness verify --slow" in README
