"""The dialogs the other Spanish tests do not open, in Spanish: adding a stock line, an error message,
the summary of a feedback import, and the question the language menu asks."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from spacetrash_desktop.errors import ErrorCode
from spacetrash_desktop.messages import msg
from spacetrash_desktop.ui.errors import ErrorDialog
from spacetrash_desktop.ui.feedback_history import ImportSummaryDialog
from spacetrash_desktop.ui.i18n import current_language, install_language
from spacetrash_desktop.ui.language_menu import choose_language
from spacetrash_desktop.ui.tasks import TaskFailure
from tests.ui.visible_text import untranslated, visible_texts


@pytest.fixture
def spanish():
    assert install_language("es")
    yield
    install_language("en")
    assert current_language() == "en"


def left(widget) -> list:
    return untranslated(visible_texts(widget), "es")


@pytest.mark.slow
def test_the_remaining_dialogs_speak_spanish(qtbot, make_main_window, spanish):
    w = make_main_window()
    qtbot.waitUntil(lambda: len(w.ctx.inventory) > 0, timeout=20000)

    w.show_tab("inventory")
    w.inventory_tab.add_item_dialog()
    add = w.inventory_tab.add_dialog
    assert add.isVisible() and left(add) == []
    add.reject()

    # an error as the crew sees it: a message from the services (Spanish through messages.msg)
    message = msg("Not enough stock to record this: {lines}.", lines="Toallas y paños de aseo")
    dlg = ErrorDialog(TaskFailure(ErrorCode.BAD_INPUT, message, "trace", "el registro"), w)
    dlg.show()
    assert left(dlg) == [], left(dlg)
    dlg.close()

    summary = SimpleNamespace(added=2, duplicates=1, refused=0, files=[])
    imp = ImportSummaryDialog(summary, w)
    imp.show()
    assert left(imp) == []
    imp.close()

    # View > Language asks before restarting the window: the question is Spanish, the buttons Qt's own
    seen: list = []

    def answer():
        box = next(b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible())
        seen.extend(left(box))
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(200, answer)
    assert choose_language(w, w.settings, "en") is False  # No: the window stays open
    assert seen == []
