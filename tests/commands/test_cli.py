"""The command line: usage errors exit 2 with one line; the console entry point runs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from spacetrash_desktop.cli import run


def test_usage_errors_exit_2_with_one_line(capsys):
    with pytest.raises(SystemExit) as exc:
        run(["generate", "--target"])
    assert exc.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_console_entry_point_runs(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "spacetrash_desktop", "targets"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0 and "residence_renovations" in proc.stdout


def _help(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as exc:
        run(argv)
    assert exc.value.code == 0
    return capsys.readouterr().out


def test_top_level_help_says_no_command_opens_the_window(capsys):
    text = _help(["--help"], capsys)
    assert "Run `spacetrash` with no command to open the window" in text
    assert "argparse" not in text and "subcommand" not in text


def test_every_option_a_help_text_names_exists(capsys):
    """`generate --help` once pointed to a --list-targets option that no command takes."""
    import re

    from spacetrash_desktop.cli import build_parser

    def parsers(p):
        yield p
        for action in p._actions:
            if isinstance(action.choices, dict):
                for child in action.choices.values():
                    yield from parsers(child)

    all_parsers = list(parsers(build_parser()))
    known = {opt for p in all_parsers for action in p._actions for opt in action.option_strings}
    for p in all_parsers:
        text = p.format_help()
        for mentioned in re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", text):
            assert mentioned in known, f"`{p.prog} --help` names {mentioned}, which no command takes"
    assert "spacetrash targets" in _help(["generate", "--help"], capsys)


def test_targets_prints_a_header_and_explains_r_and_t(capsys):
    assert run(["targets"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("R = minimum rigidity, T = minimum tightness")
    assert "how stiff" in out and "liquid and gas" in out
    header = next(line for line in lines if line.startswith("id "))
    assert header.split()[:4] == ["id", "kind", "R", "T"]
    assert any(line.startswith("container ") for line in lines)
    assert any(line.startswith("  rr_insulation ") for line in lines)  # products under their scenario
