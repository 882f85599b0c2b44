"""The window in Spanish (issue 14, item 3): the shell (menus, tab titles, status bar), the Inventory
and Target tabs, the About/help and the import report dialogs show no English text, and
View > Language switches the language and remembers it.

The Candidates, Trade-offs, Feedback, Model, Plan and Mission tabs as they first open, every other
menu entry and the tables' headers are checked too (their own tests go further into each tab)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMenu

from spacetrash_desktop.ui.i18n import SETTINGS_KEY, current_language, install_language
from spacetrash_desktop.ui.language_menu import choose_language
from tests.ui.test_inventory_tab import BAD_CSV
from tests.ui.visible_text import untranslated, visible_texts

pytestmark = pytest.mark.slow

OTHER_TABS = ("candidates", "tradeoffs", "feedback", "model", "plan", "mission")


@pytest.fixture
def spanish():
    """Spanish installed before the window is built; English again afterwards (after the window closes)."""
    assert install_language("es"), (
        "resources/i18n/spacetrash_es.qm is missing: run packaging/translations.py release es"
    )
    yield
    install_language("en")


def _split(window, menu: QMenu, mine: list, others: list) -> None:
    """Sort the entries of ``menu`` into those the window shell and the Inventory tab own (actions of
    the window, the Inventory tab or the language menu, and a column chooser's own two entries) and
    the others' (the Candidates, Trade-offs and panels' actions, a column chooser's title and columns)."""
    owners = (window, window.inventory_tab, window.language_menu)
    for a in menu.actions():
        if a.isSeparator() or not a.isVisible():
            continue
        where = f"menu {menu.title()!r}"
        sub = a.menu()
        if sub is window.language_menu:
            mine.append((sub.title().replace("&", ""), where))
            _split(window, sub, mine, others)
        elif sub is not None:  # a column chooser: its last two entries (Show all, Reset) are ui/widgets.py's
            others.append((sub.title().replace("&", ""), where))
            entries = [
                (x.text().replace("&", ""), f"menu {sub.title()!r}") for x in sub.actions() if not x.isSeparator()
            ]
            mine += entries[-2:]
            others += entries[:-2]
        else:
            (mine if a.parent() in owners else others).append((a.text().replace("&", ""), where))


def _qt_standard_buttons() -> set[str]:
    """Qt's own standard buttons (Close, Cancel, OK…) as Qt's Spanish catalogue (qtbase_es.qm) says
    them: the one exception to "every text is in our catalogue"."""
    names = ("Close", "Cancel", "OK", "Save", "Discard", "Yes", "No")
    texts = {QCoreApplication.translate("QPlatformTheme", n).replace("&", "") for n in names}
    assert "Cerrar" in texts, "Qt's Spanish catalogue (qtbase_es.qm) is not loaded"
    return texts


def test_the_window_shell_and_the_inventory_and_target_tabs_are_in_spanish(spanish, qtbot, make_main_window):
    w = make_main_window()
    assert current_language() == "es"
    tabs = [w.tabs.tabText(i).replace("&", "") for i in range(w.tabs.count())]
    assert tabs[:4] == ["Inventario", "Objetivo", "Candidatas", "Compromisos"]
    assert {"Informes", "Modelo", "Plan", "Misión"} <= set(tabs)

    # the menu bar: every menu's title and the entries the shell owns
    bar = [a.text().replace("&", "") for a in w.menuBar().actions()]
    assert bar == ["Archivo", "Editar", "Recetas", "Ver", "Ayuda"]
    shell: list[tuple[str, str]] = []
    others: list[tuple[str, str]] = []
    for a in w.menuBar().actions():
        a.menu().aboutToShow.emit()
        _split(w, a.menu(), shell, others)
    assert any(t == "Generar recetas" for t, _ in shell) and any(t == "Salir" for t, _ in shell)
    assert untranslated(shell, "es") == [], untranslated(shell, "es")

    # the Inventory tab with the shell around it (window title, status bar), then the Target tab
    for key in ("inventory", "target"):
        w.show_tab(key)
        texts = visible_texts(w)
        tables = [(t, where) for t, where in texts if where.endswith(" header")]  # ui/qtmodels.py headers
        mine = [(t, where) for t, where in texts if not where.endswith(" header") and "menu" not in where]
        assert untranslated(mine, "es") == [], (key, untranslated(mine, "es"))
        assert untranslated(tables, "es") == [], (key, untranslated(tables, "es"))
        others += [x for x in texts if x not in mine and x not in tables]
    assert "líneas de existencias" in w.inventory_tab.summary.text() and "en total" in w.inventory_tab.summary.text()
    assert "Listo:" in w.target_tab.status.text()

    # a refused value says why in Spanish, with a decimal comma
    field = w.target_tab.fields["rigidity_min"]
    qtbot.keyClicks(field.edit, "7")
    field.edit.setText("1,5")
    field.edit.textEdited.emit("1,5")
    assert field.error.text().startswith("Demasiado alto: 1,5 está por encima del máximo de 1")
    assert untranslated(visible_texts(w.target_tab), "es") == []

    # the other tabs as they first open, and every other menu entry (their areas' tests go further)
    for key in OTHER_TABS:
        w.show_tab(key)
        widget = w.panels[key]
        assert untranslated(visible_texts(widget), "es") == [], (key, untranslated(visible_texts(widget), "es"))
    assert untranslated(others, "es") == [], untranslated(others, "es")
    w.show_tab("inventory")


def test_the_about_help_and_import_report_dialogs_are_in_spanish(spanish, qtbot, make_main_window, tmp_path):
    w = make_main_window()
    w.show_about(1)
    dlg = w.about_dialog
    qtbot.waitUntil(dlg.isVisible)
    qt_buttons = _qt_standard_buttons()
    texts = visible_texts(dlg) + [(dlg.tabs.tabText(i), "about tab") for i in range(dlg.tabs.count())]
    assert [x for x in untranslated(texts, "es") if x[0] not in qt_buttons] == []
    assert [dlg.tabs.tabText(i) for i in range(3)] == ["Acerca de", "Ayuda y teclado", "Fuentes de datos"]
    guide = dlg.tabs.widget(1).toPlainText()
    assert "De las existencias a una receta en cuatro pasos" in guide and "Teclado" in guide
    assert "Generar recetas para el objetivo actual" in guide and "Generate" not in guide.replace("Generar", "")
    dlg.close()

    path = tmp_path / "stock.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    w.inventory_tab.import_file(str(path))
    tab = w.inventory_tab
    qtbot.waitUntil(lambda: tab.import_dialog is not None and tab.import_dialog.isVisible(), timeout=20000)
    rep = tab.import_dialog
    texts = visible_texts(rep)
    assert [x for x in untranslated(texts, "es") if x[0] not in qt_buttons] == [], untranslated(texts, "es")
    assert "Se pueden importar 3 de 5 filas" in rep.heading.text()
    assert rep.keep_button is not None and rep.keep_button.text() == "Conservar las 3 filas válidas"
    m = rep.issues_model
    assert [m.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Línea",
        "Columna",
        "Valor",
        "Motivo",
        "Resultado",
    ]
    assert {m.data(m.index(r, 4)) for r in range(m.rowCount())} <= {
        "fila rechazada",
        "fila conservada",
        "archivo rechazado",
    }
    assert "Toallas de algodón" in rep.example_text.toPlainText()
    assert rep.example_text.toPlainText().startswith("id,name,category,composition,mass_kg")  # what the import reads
    assert "Formato esperado" in rep.example.text()
    with qtbot.waitSignal(tab.import_finished, timeout=10000):
        rep.reject()


def test_view_language_lists_both_languages_and_remembers_the_choice(qtbot, make_main_window):
    w = make_main_window()
    menu = w.language_menu
    assert [a.text() for a in menu.actions()] == ["English", "Español"]
    checked = [a.data() for a in menu.actions() if a.isChecked()]
    assert checked == ["en"]
    assert w.findChild(QMenu, "languageMenu") is menu
    assert menu in [a.menu() for a in w.view_menu.actions() if a.menu() is not None]
    try:
        assert choose_language(w, w.settings, "es", ask=False)  # the window closes to restart in Spanish
        assert w.settings.value(SETTINGS_KEY) == "es"
    finally:
        from spacetrash_desktop.ui import language_menu

        language_menu.restart_in.clear()
