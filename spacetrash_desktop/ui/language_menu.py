"""View > Language: English or Español. The choice is remembered; the window restarts in the new
language (after the usual close checks, so nothing unsaved is lost) or, if the crew prefers, the
next time it opens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from spacetrash_desktop.ui.i18n import LANGUAGES, current_language, remember_language

# the language the window is to reopen in once it has closed (read by ui/app.py run_app)
restart_in: list[str] = []


def build_language_menu(window: QWidget, settings) -> QMenu:
    menu = QMenu(QCoreApplication.translate("LanguageMenu", "&Language"), window)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    for code, name in LANGUAGES.items():  # each language in its own words: a proper name, not translated
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setChecked(code == current_language())
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: choose_language(window, settings, c))
        group.addAction(action)
        menu.addAction(action)
    return menu


def choose_language(window: QWidget, settings, code: str, *, ask: bool = True) -> bool:
    """Remember ``code``; offer to restart the window in it now. True when the window is closing to
    restart."""
    if code == current_language():
        return False
    remember_language(settings, code)
    if ask:
        answer = QMessageBox.question(
            window,
            QCoreApplication.translate("LanguageMenu", "Change the language"),
            QCoreApplication.translate(
                "LanguageMenu",
                "Restart the window in {language} now? Your inventory is saved first. "
                "Choose No to change the language the next time the window opens.",
            ).format(language=LANGUAGES[code]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    restart_in[:] = [code]
    if not window.close():  # the crew kept the window open (unsaved work): no restart
        restart_in.clear()
        return False
    return True
