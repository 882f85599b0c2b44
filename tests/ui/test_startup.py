"""Start-up: a window that fails to build (after Qt started) is reported on the terminal AND in a
plain dialog, never a traceback; the exit code says it failed."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from spacetrash_desktop.errors import StorageError
from spacetrash_desktop.ui import app as app_module


def test_a_start_up_failure_is_printed_and_shown_in_a_plain_dialog(qapp, monkeypatch, capsys):
    shown: list[QMessageBox] = []

    def failing_window():
        raise StorageError("The data folder is read-only.")

    def record(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.delenv(app_module.PROBE_ENV, raising=False)
    monkeypatch.setattr(app_module, "MainWindow", failing_window)
    monkeypatch.setattr(QMessageBox, "exec", record)
    assert app_module.run_app([]) == 1
    err = capsys.readouterr().err
    assert "could not start: The data folder is read-only." in err
    assert "Traceback" not in err
    (box,) = shown
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.text().startswith("Space Trash Desktop could not start: The data folder is read-only.")
    assert "log file" in box.text() and "Traceback" not in box.text()
