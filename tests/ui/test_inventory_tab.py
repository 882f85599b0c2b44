"""Inventory tab: default inventory, edits through the real cell editor with undo/redo, refused
values, add/delete, a bad import file, autosave and a disk that refuses to save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from spacetrash_desktop.catalog.inventory import load_saved_inventory
from spacetrash_desktop.errors import StorageError

BAD_CSV = """id,name,category,composition,mass_kg,count,moisture_pct
A1,Foil pouch,Food Packaging,ldpe 65%; pet 35%,10,5,0
A2,Bad mass,Food Packaging,ldpe 100%,-3,1,0
A3,Nitrile gloves,Other Packaging/Gloves,nbr 100%,4.5,10,1
A4,Mystery,Other,unobtainium 100%,2,1,0
A5,Packing foam,Foam Packaging,ldpe 100%,7,2,0
"""


def edit_cell(qtbot, tab, row: int, field: str, text: str) -> None:
    """Type into the cell editor the way a crew member does (double-click, type, Enter)."""
    model, table = tab.model, tab.table
    index = model.index(row, model.field_column(field))
    table.setCurrentIndex(index)
    table.edit(index)
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert editors, "no cell editor opened"
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits and closes the editor through a queued call
    qtbot.waitUntil(lambda: not [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()], timeout=5000)


def test_default_inventory_is_loaded(make_main_window, catalog):
    w = make_main_window()
    tab = w.inventory_tab
    n = len(catalog.default_inventory)
    assert tab.model.rowCount() == n
    assert w.ctx.inventory.origin == "bundled default"
    assert f"{n} stock lines" in tab.summary.text()
    assert set(tab.chart.categories) == {it.category for it in catalog.default_inventory}
    assert tab.chart.values.sum() == pytest.approx(sum(it.mass_kg for it in catalog.default_inventory))
    assert not tab.undo_action.isEnabled()


def test_edit_undo_redo(qtbot, make_main_window):
    w = make_main_window()
    tab, doc = w.inventory_tab, w.ctx.inventory
    src = tab.model.source_row(0)
    before = doc.items[src].mass_kg
    edit_cell(qtbot, tab, 0, "mass_kg", "12,5")  # a decimal comma is fine
    assert doc.items[src].mass_kg == 12.5
    assert tab.model.data(tab.model.index(0, tab.model.field_column("mass_kg"))) == "12.50"
    assert tab.undo_action.isEnabled() and tab.undo_action.text().startswith("Undo edit mass of")

    edit_cell(qtbot, tab, 0, "count", "7")
    assert doc.items[src].count == 7

    w.activateWindow()
    qtbot.waitActive(w)
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.items[src].count != 7 and doc.items[src].mass_kg == 12.5
    tab.undo_action.trigger()
    assert doc.items[src].mass_kg == before
    assert tab.redo_action.text().startswith("Redo edit mass of")
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert doc.items[src].mass_kg == 12.5
    tab.redo_action.trigger()
    assert doc.items[src].count == 7
    # every edit is autosaved; the saved file holds the latest state
    qtbot.waitUntil(lambda: not tab.autosaver.unsaved, timeout=10000)
    saved = load_saved_inventory(w.ctx.catalog.material_lookup())
    assert saved[src].mass_kg == 12.5 and saved[src].count == 7


def test_a_refused_edit_says_why_and_changes_nothing(qtbot, make_main_window):
    w = make_main_window()
    tab, doc = w.inventory_tab, w.ctx.inventory
    src = tab.model.source_row(0)
    before = doc.items[src]
    edit_cell(qtbot, tab, 0, "mass_kg", "-3")
    assert doc.items[src] == before
    assert "cannot be negative" in tab.message.text()
    edit_cell(qtbot, tab, 0, "moisture_pct", "lots")
    assert "not a number" in tab.message.text() and doc.items[src] == before
    assert not doc.stack.can_undo


def test_sort_and_filter_inside_the_model(qtbot, make_main_window):
    w = make_main_window()
    tab = w.inventory_tab
    col = tab.model.field_column("mass_kg")
    tab.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    masses = [w.ctx.inventory.items[tab.model.source_row(r)].mass_kg for r in range(tab.model.rowCount())]
    assert masses == sorted(masses, reverse=True)
    qtbot.keyClicks(tab.filter_edit, "ldpe")
    assert 0 < tab.model.rowCount() < len(w.ctx.inventory)
    assert all(
        "ldpe" in tab.model.data(tab.model.index(r, tab.model.field_column("composition")))
        for r in range(tab.model.rowCount())
    )
    assert "shown by the filter" in tab.summary.text()
    tab.filter_edit.clear()
    assert tab.model.rowCount() == len(w.ctx.inventory)


def test_delete_and_add_rows_are_undoable(qtbot, make_main_window):
    w = make_main_window()
    tab, doc = w.inventory_tab, w.ctx.inventory
    n = len(doc)
    tab.table.selectRow(0)
    assert tab.delete_action.isEnabled()
    tab.delete_action.trigger()
    assert len(doc) == n - 1
    tab.undo_action.trigger()
    assert len(doc) == n

    tab.add_item_dialog()
    dlg = tab.add_dialog
    qtbot.waitUntil(dlg.isVisible)
    assert not dlg.ok_button.isEnabled()  # no name, no composition yet
    qtbot.keyClicks(dlg.name, "Used drink pouches")
    qtbot.keyClicks(dlg.composition, "ldpe 65%; aluminium_foil 24%; pet 11%")
    dlg.mass.setText("")
    qtbot.keyClicks(dlg.mass, "3.5")
    assert dlg.ok_button.isEnabled(), dlg.reason.text()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert len(doc) == n + 1 and doc.items[-1].name == "Used drink pouches" and doc.items[-1].mass_kg == 3.5
    tab.undo_action.trigger()
    assert len(doc) == n


def test_import_of_a_bad_file_lists_the_errors_and_keeps_the_good_rows(qtbot, make_main_window, tmp_path):
    w = make_main_window()
    tab, doc = w.inventory_tab, w.ctx.inventory
    n = len(doc)
    path = tmp_path / "stock.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    tab.import_file(str(path))
    qtbot.waitUntil(lambda: tab.import_dialog is not None and tab.import_dialog.isVisible(), timeout=20000)
    dlg = tab.import_dialog
    m = dlg.issues_model
    rows = [[m.data(m.index(r, c)) for c in range(4)] for r in range(m.rowCount())]
    assert ["3", "mass_kg", "-3", "mass cannot be negative"] in rows
    assert any(r[0] == "5" and r[1] == "composition" and "unobtainium" in r[3] for r in rows)
    assert "3 of 5 rows can be imported" in dlg.heading.text() and "2 rows were rejected" in dlg.heading.text()
    assert dlg.keep_button is not None and "3 good rows" in dlg.keep_button.text()
    with qtbot.waitSignal(tab.import_finished, timeout=10000) as b:
        qtbot.mouseClick(dlg.keep_button, Qt.MouseButton.LeftButton)
    assert b.args == ["applied"]
    assert [it.name for it in doc.items] == ["Foil pouch", "Nitrile gloves", "Packing foam"]
    assert tab.model.rowCount() == 3
    tab.undo_action.trigger()  # the import is one undoable step
    assert len(doc) == n


def test_cancelling_an_import_changes_nothing(qtbot, make_main_window, tmp_path):
    w = make_main_window()
    tab, doc = w.inventory_tab, w.ctx.inventory
    before = list(doc.items)
    path = tmp_path / "stock.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    tab.import_file(str(path))
    qtbot.waitUntil(lambda: tab.import_dialog is not None and tab.import_dialog.isVisible(), timeout=20000)
    with qtbot.waitSignal(tab.import_finished, timeout=10000) as b:
        qtbot.mouseClick(tab.import_dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert b.args == ["cancelled"] and doc.items == before


def test_a_file_refused_as_a_whole_is_explained(qtbot, make_main_window, tmp_path):
    w = make_main_window()
    tab, doc = w.inventory_tab, w.ctx.inventory
    before = list(doc.items)
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)) * 8)
    tab.import_file(str(path))
    qtbot.waitUntil(lambda: tab.import_dialog is not None and tab.import_dialog.isVisible(), timeout=20000)
    dlg = tab.import_dialog
    assert dlg.keep_button is None
    reasons = [dlg.issues_model.data(dlg.issues_model.index(r, 3)) for r in range(dlg.issues_model.rowCount())]
    assert any("binary" in r for r in reasons)
    with qtbot.waitSignal(tab.import_finished, timeout=10000):
        dlg.reject()
    assert doc.items == before


def test_a_disk_that_refuses_the_save_keeps_the_edit_in_memory(qtbot, make_main_window):
    calls = {"fail": True, "n": 0}

    def flaky_save(items):
        calls["n"] += 1
        if calls["fail"]:
            raise StorageError("Could not save the inventory: the disk is full.")
        from spacetrash_desktop.services.inventory import save_current_inventory

        return save_current_inventory(items)

    w = make_main_window(save_fn=flaky_save)
    tab, doc = w.inventory_tab, w.ctx.inventory
    doc.set_value(0, "mass_kg", 99.0)
    qtbot.waitUntil(
        lambda: getattr(w, "last_error_dialog", None) is not None and w.last_error_dialog.isVisible(), timeout=10000
    )
    assert w.last_error_dialog.failure.code.value == "STORAGE_ERROR"
    assert "disk is full" in w.statusBar().currentMessage() or "disk is full" in w.last_error_dialog.failure.message
    assert doc.items[0].mass_kg == 99.0 and tab.autosaver.unsaved
    w.last_error_dialog.close()
    calls["fail"] = False
    doc.set_value(1, "mass_kg", 98.0)  # the next edit saves everything
    qtbot.waitUntil(lambda: not tab.autosaver.unsaved, timeout=10000)
    saved = load_saved_inventory(w.ctx.catalog.material_lookup())
    assert saved[0].mass_kg == 99.0 and saved[1].mass_kg == 98.0


def test_bulk_lines_read_bulk_in_count_and_the_totals_are_explained(qtbot, make_main_window):
    """Issue 17: a stock line that is weighed, not counted, reads "bulk" (not 0) in the Count column;
    a counted one shows its count; the tab says why the default inventory is 8,370 kg, not 12,600 kg;
    no category is named after a scenario."""
    from spacetrash_desktop.ui.inventory_tab import BULK, INVENTORY_COUNT_COL

    w = make_main_window()
    tab = w.inventory_tab
    items = tab.doc.items
    bulk_row = next(r for r, it in enumerate(items) if it.count == 0)
    counted_row = next(r for r, it in enumerate(items) if it.count > 0)
    delegate = tab.table.itemDelegateForColumn(INVENTORY_COUNT_COL)
    locale = tab.table.locale()

    def shown(row: int) -> str:
        index = tab.model.index(tab.model.view_row(row), INVENTORY_COUNT_COL)
        return delegate.displayText(index.data(), locale)

    assert shown(bulk_row) == BULK == "bulk"
    assert shown(counted_row) == f"{items[counted_row].count:,d}"
    note = tab.totals_note
    assert note.isVisible()
    assert "8,370 kg" in note.text() and "12,600 kg" in note.text() and "human waste" in note.text()
    assert f"{tab.doc.total_mass_kg:,.0f}" == "8,370"  # the note speaks of the inventory shown
    assert not [it.category for it in items if "scenario" in it.category.lower()]
    carbon = next(it for it in items if it.item_id == "W019")
    assert carbon.category == "Experiment Residue"
