"""The main window: state restored after closing and reopening, menus and shortcuts, the model
status, the About dialog, the global exception hooks, the panel extension point, a real start-up."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import types

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from spacetrash_desktop.domain import ModelInfo
from spacetrash_desktop.ml import registry
from spacetrash_desktop.services.model import check_model
from spacetrash_desktop.ui.candidates_tab import DEFAULT_COLUMN_ORDER
from spacetrash_desktop.ui.context import NO_MODEL_REASON
from spacetrash_desktop.ui.errors import ExceptionHooks
from spacetrash_desktop.ui.panels import PanelSpec, register_panel, registered_panels, unregister_panel
from spacetrash_desktop.ui.views import CANDIDATE_COLUMNS, COLUMN_INDEX

from .conftest import run_to_end


def test_state_is_restored_after_closing_and_reopening(qtbot, make_main_window, catalog):
    w1 = make_main_window()
    w1.resize(w1.minimumSizeHint().width(), 650)  # the offscreen screen is 800 x 800
    w1.show_tab("target")
    combo = w1.target_tab.preset_combo
    i = combo.findData("utensil")
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    f = w1.target_tab.fields["max_energy_kwh"]
    f.edit.clear()
    qtbot.keyClicks(f.edit, "1.2")  # a custom target based on Utensil
    b = w1.target_tab.budget_field
    b.edit.clear()
    qtbot.keyClicks(b.edit, "12")
    w1.ctx.inventory.set_value(0, "mass_kg", 321.5)
    w1.show_tab("tradeoffs")
    t1 = w1.ctx.target
    w1.close()  # closing flushes the autosave

    w2 = make_main_window()
    assert w2.current_tab_key() == "tradeoffs"
    assert w2.height() == 650 and w2.width() == w1.width()
    t2 = w2.ctx.target
    assert t2.to_dict() == t1.to_dict() and t2.max_energy_kwh == 1.2 and t2.kind == "custom"
    assert w2.target_tab.base.target_id == "utensil"
    assert w2.ctx.time_budget_s == 12.0
    assert w2.ctx.inventory.origin == "saved"
    assert w2.ctx.inventory.items[0].mass_kg == 321.5
    assert len(w2.ctx.inventory) == len(catalog.default_inventory)


def test_recipe_table_columns_can_be_hidden_and_moved_and_are_remembered(qtbot, make_main_window):
    """View > Recipe table columns hides a column; a dragged column keeps its place; both survive a
    restart; Reset brings back the default order with every column shown."""
    w1 = make_main_window()
    cand = w1.candidates_tab
    default = list(DEFAULT_COLUMN_ORDER)
    assert sorted(default) == sorted(k for k, _t, _tip in CANDIDATE_COLUMNS)
    assert cand.visible_columns() == default and default.index("crew_min") < default.index("regolith")
    menu = next(a.menu() for a in w1.view_menu.actions() if a.menu() is cand.columns_menu)
    hide = next(a for a in menu.actions() if a.text() == "Regolith %")
    hide.trigger()  # as from the menu
    hh = cand.table.horizontalHeader()
    hh.moveSection(hh.visualIndex(COLUMN_INDEX["energy_kwh"]), hh.visualIndex(COLUMN_INDEX["process"]) + 1)
    expected = [k for k in default if k != "regolith"]
    expected.remove("energy_kwh")
    expected.insert(expected.index("process") + 1, "energy_kwh")
    assert cand.visible_columns() == expected
    assert "order" not in cand.column_actions and "items" not in cand.column_actions  # a row stays recognisable
    w1.close()

    w2 = make_main_window()
    cand2 = w2.candidates_tab
    assert cand2.visible_columns() == expected
    cand2.columns_menu.aboutToShow.emit()
    assert not cand2.column_actions["regolith"].isChecked() and cand2.column_actions["water_l"].isChecked()
    cand2.reset_columns()
    assert cand2.visible_columns() == default


def test_a_preset_is_remembered_as_itself(qtbot, make_main_window):
    w1 = make_main_window()
    combo = w1.target_tab.scenario_combo
    i = combo.findData("daring_discoveries")
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    w1.close()
    w2 = make_main_window()
    assert w2.ctx.target.target_id == "daring_discoveries" and w2.target_tab.scenario_combo.currentIndex() == i


def test_menus_shortcuts_and_tabs(qtbot, make_main_window):
    w = make_main_window()
    menus = [a.text().replace("&", "") for a in w.menuBar().actions()]
    assert menus[:2] == ["File", "Edit"] and "View" in menus and "Help" in menus
    shortcuts = {a.shortcut().toString() for a in w.findChildren(type(w.generate_action)) if not a.shortcut().isEmpty()}
    for key in ("Ctrl+G", "Esc", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+I", "Ctrl+E", "Ctrl+1", "Ctrl+4", "F1"):
        assert key in shortcuts, key
    w.activateWindow()
    qtbot.waitActive(w)
    for n, key in enumerate(("inventory", "target", "candidates", "tradeoffs"), start=1):
        qtbot.keyClick(w, getattr(Qt.Key, f"Key_{n}"), Qt.KeyboardModifier.ControlModifier)
        assert w.current_tab_key() == key
    with qtbot.waitSignal(w.candidates_tab.run_finished, timeout=60000):
        qtbot.keyClick(w, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert w.current_tab_key() == "candidates" and w.candidates_tab.model.rowCount() > 0
    assert QKeySequence("Ctrl+G").toString() in w.candidates_tab.generate_button.text()


def test_status_bar_shows_the_model_status_and_the_data_folder(make_main_window, tmp_path_factory):
    w = make_main_window()
    assert "physics fallback" in w.model_label.text()
    assert NO_MODEL_REASON in w.model_label.toolTip()
    assert os.environ["SPACETRASH_HOME"] in w.data_label.toolTip()
    w.ctx.set_model_info(ModelInfo(name="ensemble", version="1.4.0", status="ready", reason="verified bundle"))
    assert "ready" in w.model_label.text() and "1.4.0" in w.model_label.text()


def test_check_model_installs_asks_the_registry_and_loads_a_ready_model(monkeypatch):
    calls = []
    monkeypatch.setattr(registry, "ensure_installed", lambda: calls.append("ensure"))
    monkeypatch.setattr(
        registry,
        "registry_status",
        lambda: (calls.append("status"), ModelInfo(name="m", version="2", status="ready", reason=""))[1],
    )
    monkeypatch.setattr(
        registry,
        "active_scorer",
        lambda: (
            calls.append("load"),
            types.SimpleNamespace(info=ModelInfo(name="m", version="2", status="ready", reason="loaded")),
        )[1],
    )
    info = check_model(None)
    assert calls == ["ensure", "status", "load"] and info.status == "ready" and info.reason == "loaded"


def test_model_check_failure_falls_back_to_physics(make_main_window):
    def broken(_ctx):
        raise RuntimeError("bundle manifest unreadable")

    w = make_main_window(model_check=broken)
    assert w.ctx.model_info.status == "physics fallback"
    assert "could not be loaded" in w.ctx.model_info.reason


def test_about_dialog_lists_versions_and_data_sources(qtbot, make_main_window, catalog):
    w = make_main_window()
    w.show_about(0)
    dlg = w.about_dialog
    qtbot.waitUntil(dlg.isVisible)
    about = dlg.tabs.widget(0).toPlainText()
    assert "PySide6" in about and "Python" in about and "Space Trash Desktop" in about
    sources = dlg.tabs.widget(2).toPlainText()
    assert next(iter(catalog.sources)) in sources
    dlg.close()


def test_unexpected_exceptions_reach_the_user_and_the_window_survives(qtbot, make_main_window, caplog):
    w = make_main_window()
    hooks = ExceptionHooks(w.show_failure).install()
    try:
        try:
            raise RuntimeError("a bug in a slot")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(
            lambda: getattr(w, "last_error_dialog", None) is not None and w.last_error_dialog.isVisible(), timeout=5000
        )
        first = w.last_error_dialog
        assert first.failure.code.value == "INTERNAL" and "a bug in a slot" in first.details_text
        assert "a bug in a slot" not in first.message_label.text()

        def stray():
            raise KeyError("from a stray thread")

        t = threading.Thread(target=stray, name="stray-thread")
        t.start()
        t.join()
        qtbot.waitUntil(lambda: w.last_error_dialog is not first, timeout=5000)
        assert "stray-thread" in w.last_error_dialog.failure.label
        assert any("from a stray thread" in (r.exc_text or "") for r in caplog.records)
    finally:
        hooks.uninstall()
    for d in w.error_dialogs:
        d.close()
    assert run_to_end(qtbot, w) == "finished"


def test_registered_panels_are_added_as_tabs_or_docks(qtbot, make_main_window):
    register_panel(
        PanelSpec(
            "feedback",
            "Feedback",
            lambda ctx: QLabel("feedback panel"),
            shortcut="Ctrl+5",
            tooltip="Report how a made recipe turned out",
        )
    )
    register_panel(PanelSpec("model", "Model", lambda ctx: QLabel(ctx.model_info.status), area="dock"))
    try:
        w = make_main_window()
        tab_panels = [s for s in registered_panels() if s.area == "tab"]
        assert w.tabs.count() == 4 + len(tab_panels)  # the four built-in tabs, then each tab panel
        assert w.tabs.indexOf(w.panels["feedback"]) >= 4 and "model" not in [s.key for s in tab_panels]
        w.show_tab("feedback")
        assert w.current_tab_key() == "feedback"
        w.show_tab("model")
        assert w.docks["model"].isVisible()
        assert {"Feedback", "Model"} <= {a.text() for a in w.view_menu.actions()}
        with pytest.raises(ValueError):
            register_panel(PanelSpec("inventory", "x", lambda ctx: QLabel()))
    finally:
        unregister_panel("feedback")
        unregister_panel("model")


@pytest.mark.slow
def test_the_app_starts_and_becomes_interactive(tmp_path):
    """``python -m spacetrash_desktop`` opens the window; the start-up probe quits once it is usable."""
    env = {
        **os.environ,
        "SPACETRASH_HOME": str(tmp_path),
        "SPACETRASH_STARTUP_PROBE": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "spacetrash_desktop"], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "SPACETRASH_READY" in proc.stdout
    assert (tmp_path / "window.ini").exists()  # the window saved its state when it closed
    log = (tmp_path / "logs" / "spacetrash.log").read_text(encoding="utf-8")
    assert "window ready" in log
