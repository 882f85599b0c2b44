"""services.files: the data folder, bundled files, the log and atomic saves."""

from __future__ import annotations

from pathlib import Path

import pytest

from spacetrash_desktop.errors import StorageError
from spacetrash_desktop.services import files


def test_data_dir_follows_spacetrash_home(_isolated_home):
    assert files.data_dir() == _isolated_home


def test_bundled_datasets_are_found():
    assert (files.bundled_dir("datasets") / "materials.csv").is_file()


def test_log_goes_to_the_data_folder(_isolated_home):
    path = files.setup_logging()
    assert path == files.log_path()
    assert Path(path).parent == _isolated_home / "logs"


def test_save_text_and_bytes_replace_the_whole_file(tmp_path):
    target = tmp_path / "out.txt"
    files.save_text(target, "first version, long\n", what="the test file")
    files.save_text(target, "second\n", what="the test file")
    assert target.read_text(encoding="utf-8") == "second\n"
    files.save_bytes(target, b"\x00\x01", what="the test file")
    assert target.read_bytes() == b"\x00\x01"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary file is left behind


def test_a_failed_save_names_what_was_saved(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StorageError, match="the test file"):
        files.save_text(blocker / "out.txt", "x", what="the test file")
