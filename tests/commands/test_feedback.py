"""`spacetrash feedback add|list|export|import|compact|verify`: plain output, one-line errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spacetrash_desktop import cli
from spacetrash_desktop.services import feedback as svc
from tests.storage.conftest import make_row


def _write(path, obj):
    path.write_text(json.dumps(obj) if not isinstance(obj, str) else obj)
    return str(path)


def test_cli_add_prints_only_the_durable_row_id(tmp_path, capsys):
    assert cli.run(["feedback", "add", _write(tmp_path / "row.json", make_row())]) == 0
    out = capsys.readouterr().out
    (rid,) = out.split()
    assert svc.journal().row_ids() == [rid]


@pytest.mark.parametrize(
    "content,message",
    [
        (None, "there is no such file"),
        ('{"recipe_id": ', "is not valid JSON (line 1, column 15)"),
        ("[{}, {}]", "holds a list of 2 item(s)"),
        ("42", "must hold one feedback row"),
        (json.dumps(make_row(rigidity=4)), "rigidity must be between 0 and 1 (got 4)"),
    ],
)
def test_cli_add_bad_file_is_one_line_and_exit_1(tmp_path, capsys, content, message):
    path = tmp_path / "row.json"
    if content is not None:
        path.write_text(content)
    assert cli.run(["feedback", "add", str(path)]) == 1
    cap = capsys.readouterr()
    assert cap.out == ""
    (line,) = cap.err.strip().splitlines()
    assert line.startswith("spacetrash: BAD_INPUT: ") and message in line
    assert svc.journal().count() == 0


def test_cli_list_export_import_compact_verify(tmp_path, capsys):
    ids = [svc.record_feedback(make_row(who=w)) for w in ("Ana", "Ben", "Ana")]
    capsys.readouterr()
    assert cli.run(["feedback", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["row_id"] for r in rows] == ids and rows[0]["recipe_json"]["process_id"] == "hot_press"
    assert cli.run(["feedback", "list", "--who", "Ben"]) == 0
    text = capsys.readouterr().out
    assert ids[1][:8] in text and ids[0][:8] not in text and "rigidity 0.55 vs 0.62 [0.5, 0.74]" in text
    out_dir = tmp_path / "usb"
    assert cli.run(["feedback", "export", "--out", str(out_dir)]) == 0
    exported = capsys.readouterr().out.strip()
    assert exported.endswith(".parquet") and (out_dir / "manifest.json").exists()
    assert cli.run(["feedback", "import", str(out_dir)]) == 0
    assert "0 row(s) added, 3 already present, 0 file(s) refused" in capsys.readouterr().err
    data = bytearray(Path(exported).read_bytes())
    data[100] ^= 0xFF
    Path(exported).write_bytes(bytes(data))
    assert cli.run(["feedback", "import", exported]) == 1
    assert "refused: its checksum (sha256) does not match the manifest" in capsys.readouterr().err
    assert cli.run(["feedback", "compact"]) == 0
    assert "3 row(s) in 1 file(s) (was 3)" in capsys.readouterr().err
    assert cli.run(["feedback", "verify"]) == 0
    assert svc.journal().row_ids() == ids


def test_cli_add_retried_with_the_same_content_records_the_row_once(tmp_path, capsys):
    """A script that retries `feedback add` after a non-zero exit (the process may die at exit after
    printing the id) must not store the row twice: a row without row_id gets an id from its content."""
    path = _write(tmp_path / "row.json", make_row())
    assert cli.run(["feedback", "add", path]) == 0
    first = capsys.readouterr().out.split()
    assert cli.run(["feedback", "add", path]) == 0
    captured = capsys.readouterr()
    assert captured.out.split() == first
    assert "already recorded" in captured.err
    assert svc.journal().row_ids() == first
    # different content is a different row
    assert cli.run(["feedback", "add", _write(tmp_path / "other.json", make_row(rigidity=0.3))]) == 0
    second = capsys.readouterr().out.split()
    assert second != first and svc.journal().row_ids() == first + second


@pytest.mark.slow
def test_cli_add_retried_in_new_processes_stores_one_row(tmp_path):
    import os
    import subprocess
    import sys

    path = _write(tmp_path / "row.json", make_row())
    env = {**os.environ, "SPACETRASH_HOME": str(tmp_path / "home")}
    ids = []
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "-m", "spacetrash_desktop", "feedback", "add", path],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        ids.append(proc.stdout.strip())
    assert ids[0] == ids[1] and len(ids[0]) == 32
    listed = subprocess.run(
        [sys.executable, "-m", "spacetrash_desktop", "feedback", "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert [r["row_id"] for r in json.loads(listed.stdout)] == ids[:1]
