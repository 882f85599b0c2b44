"""Mark as made from a recipe: the dialog (validation, stock refusal), the Inventory tab and the Mission
dashboard update, undo from the dashboard puts the stock back exactly, the feedback report is offered."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from spacetrash_desktop.services import production as P
from spacetrash_desktop.services.inventory import current_inventory

from .conftest import run_to_end

SHOTS = "/tmp"


@pytest.fixture
def window_with_recipe(qtbot, make_main_window):
    w = make_main_window()
    w.ctx.set_time_budget(5)
    assert run_to_end(qtbot, w) == "finished"
    view = w.ctx.results.view
    cand = next(c for c in view.candidates if c.feasible)
    w.ctx.selection.set([cand.recipe_id], cand.recipe_id)
    qtbot.waitUntil(lambda: w.candidates_tab.detail.cand is cand)
    return w, cand


def _open_dialog(qtbot, w):
    dash = w.panels["mission"]
    button = w.candidates_tab.detail.made_button
    assert button.isEnabled()
    with qtbot.waitSignal(dash.made.opened, timeout=5000) as opened:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return dash, opened.args[0]


def _state(items):
    return [(it.item_id, it.mass_kg, it.count) for it in items]


@pytest.mark.slow
def test_mark_as_made_updates_the_inventory_tab_and_the_dashboard_and_undo_restores(qtbot, window_with_recipe):
    w, cand = window_with_recipe
    before = _state(w.ctx.inventory.items)
    dash, dlg = _open_dialog(qtbot, w)
    assert dlg.isVisible() and dlg.record_button.isEnabled()
    dlg.batches.setValue(3)
    dlg.who.setText("Ana")
    dlg.sol.setText("x12")
    assert not dlg.record_button.isEnabled() and "whole number of mission days" in dlg.problem.text()
    dlg.sol.setText("12")
    assert dlg.record_button.isEnabled()
    dlg.grab().save(f"{SHOTS}/made_dialog.png")
    with qtbot.waitSignal(dlg.recorded, timeout=20000) as rec:
        qtbot.mouseClick(dlg.record_button, Qt.MouseButton.LeftButton)
    out = rec.args[0]
    qtbot.waitUntil(lambda: dash.totals is not None and dash.totals.to_date.batches == 3, timeout=20000)
    used = {c.item_id: c.kg for c in out.entry.changes}
    expected = {iid: kg * 3 for (iid, _f), kg in zip(cand.recipe.items, cand.item_kg, strict=True) if kg > 0}
    assert used == pytest.approx(expected)
    # the Inventory tab shows the stock taken out
    now = {it.item_id: it for it in w.ctx.inventory.items}
    for iid, _m, _c in before:
        assert now[iid].mass_kg == pytest.approx(dict((i, m) for i, m, _ in before)[iid] - used.get(iid, 0.0))
    row = next(
        r
        for r in range(w.inventory_tab.model.rowCount())
        if w.inventory_tab.model.index(r, 0).data() == next(iter(used))
    )
    assert w.inventory_tab.model.index(row, 0).data() in used
    # the dashboard shows it
    assert dash.history.rowCount() == 1 and dash.history.item(0, 2).text() == out.entry.product_name
    assert dash.history.item(0, 3).text() == "3" and dash.history.item(0, 8).text() == "Ana"
    assert dash.totals.to_date.batches == 3
    assert "3 batches" in dash.totals_table.item(0, 1).text()
    # saved on disk (the Inventory tab's autosave of the new stock)
    qtbot.waitUntil(lambda: _state(current_inventory()[0]) == _state(w.ctx.inventory.items), timeout=20000)
    dlg.grab().save(f"{SHOTS}/made_dialog_done.png")
    assert dlg.report_button.isVisible()
    with qtbot.waitSignal(w.ctx.feedback_requested, timeout=5000):
        qtbot.mouseClick(dlg.report_button, Qt.MouseButton.LeftButton)
    # projected to the end of a plan (the plan result is duck-typed: lines and periods)
    first = w.ctx.inventory.items[0]
    plan = SimpleNamespace(
        horizon_sols=360,
        lines=[SimpleNamespace(product_id="Container", batches=40, items_kg={first.item_id: 25.0}, product_kg=40.0)],
        periods=[SimpleNamespace(energy_kwh=70.0, water_l=9.0, crew_min=1800.0)],
    )
    dash.set_plan(plan)
    qtbot.waitUntil(lambda: dash.totals.projected is not None, timeout=20000)
    assert dash.totals_table.item(0, 2).text() == "43 batches, 43 kg"
    assert "sol 360" in dash.caption.text()
    w.ctx.show_tab.emit("mission")
    w.resize(1500, 900)
    w.grab().save(f"{SHOTS}/mission_dashboard.png")

    # undo from the dashboard's history
    dash.confirm = lambda _text: True
    dash.history.selectRow(0)
    assert dash.undo_button.isEnabled()
    with qtbot.waitSignal(dash.undone, timeout=20000):
        qtbot.mouseClick(dash.undo_button, Qt.MouseButton.LeftButton)
    assert _state(w.ctx.inventory.items) == before  # bit for bit
    qtbot.waitUntil(lambda: dash.totals.to_date.batches == 0 and dash.history.item(0, 9).text() == "undone")
    assert dash.history.item(0, 9).text() == "undone" and not dash.undo_button.isEnabled()
    assert dash.totals.to_date.batches == 0
    qtbot.waitUntil(lambda: _state(current_inventory()[0]) == before, timeout=20000)
    assert P.list_entries()[0].undone


@pytest.mark.slow
def test_the_dialog_refuses_batches_the_stock_cannot_cover_and_keeps_unsaved_edits(qtbot, window_with_recipe):
    w, cand = window_with_recipe
    iid = next(i for (i, _f), kg in zip(cand.recipe.items, cand.item_kg, strict=True) if kg > 0)
    row = next(k for k, it in enumerate(w.ctx.inventory.items) if it.item_id == iid)
    other = (row + 1) % len(w.ctx.inventory.items)
    w.ctx.inventory.set_value(other, "mass_kg", 123.25)  # an edit that must survive the record
    _dash, dlg = _open_dialog(qtbot, w)
    dlg.batches.setValue(dlg.batches.maximum())
    assert not dlg.record_button.isEnabled() and "Not enough stock" in dlg.problem.text()
    dlg.batches.setValue(1)
    assert dlg.record_button.isEnabled()
    with qtbot.waitSignal(dlg.recorded, timeout=20000):
        qtbot.mouseClick(dlg.record_button, Qt.MouseButton.LeftButton)
    assert w.ctx.inventory.items[other].mass_kg == 123.25
    qtbot.waitUntil(lambda: current_inventory()[0][other].mass_kg == 123.25, timeout=20000)
    dlg.reject()


def test_a_plan_line_request_opens_the_dialog_with_its_batches_and_sol(qtbot, make_main_window):
    w = make_main_window()
    dash = w.panels["mission"]
    items = w.ctx.inventory.items
    line = {
        "first_sol": 31,
        "product_id": "container",
        "recipe_id": "R0123456789ab",
        "process_id": "hot_press_lamination",
        "batches": 4,
        "product_kg": 4.0,
        "items_kg": {items[0].item_id: 3.0},
        "energy_kwh": 8.0,
    }
    before = _state(items)
    with qtbot.waitSignal(dash.made.opened, timeout=5000) as opened:
        w.ctx.made_requested.emit(P.request_from_plan_line(line))
    dlg = opened.args[0]
    assert dlg.batches.value() == 4 and dlg.sol.text() == "31"
    assert "3 kg of " + items[0].name in dlg.uses.text()
    dlg.batches.setValue(2)
    assert "1.5 kg of " + items[0].name in dlg.uses.text()
    with qtbot.waitSignal(dlg.recorded, timeout=20000):
        qtbot.mouseClick(dlg.record_button, Qt.MouseButton.LeftButton)
    assert w.ctx.inventory.items[0].mass_kg == before[0][1] - 1.5
    assert not dlg.report_button.isVisible()  # no candidate at hand for a plan line
    qtbot.waitUntil(lambda: dash.totals is not None and dash.totals.to_date.batches == 2, timeout=20000)
    assert dash.history.item(0, 0).text() == "31"
    dlg.reject()
