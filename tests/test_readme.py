"""The README's tour cannot drift: every ``$ symness ...`` line runs and exits 0,
and the first output line it shows is printed by the command (reference: the README)."""

import shlex
from pathlib import Path

import pytest

from symness.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def _tour_commands():
    lines = README.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("$ symness "):
            following = lines[i + 1] if i + 1 < len(lines) else ""
            shown = "" if following.startswith(("$", "```")) else following
            yield pytest.param(line[2:], shown, id=line[10:60])


@pytest.mark.parametrize("command,first_line", list(_tour_commands()))
def test_readme_command_runs(command, first_line, capsys):
    assert main(shlex.split(command)[1:]) == 0
    out = capsys.readouterr().out
    if first_line:
        assert first_line.split()[:3] == out.splitlines()[0].split()[:3], out[:300]


def test_readme_has_the_two_quick_start_commands():
    assert README.count("pip install -e '.[all]'") >= 2
    assert "<!-- ci:test -->" in README
