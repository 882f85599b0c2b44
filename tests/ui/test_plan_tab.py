"""Plan tab (issue 13): make a plan on a worker, cancel it, sweep one budget, export the plan, mark a
plan line as made, and refuse a bad value at the field. The recipes the plan may use come from a
small injected candidate set (the engine's own search is covered by the service tests), so the
solver itself runs for real on a small problem."""

from __future__ import annotations

import csv
import json
import threading

import pytest
from PySide6.QtCore import Qt

from spacetrash_desktop.context import Cancelled
from spacetrash_desktop.domain import ProductionRequest, Recipe
from spacetrash_desktop.services import plan as plan_service
from spacetrash_desktop.ui import plan_tab as plan_tab_module

PROCESS = "heat_melt_compaction"


def fast_candidates(request, ctx=None):
    """Two recipes per product from the inventory's largest items (deterministic, instant)."""
    items = sorted(request.inventory, key=lambda w: (-w.mass_kg, w.item_id))
    out = {}
    for k, d in enumerate(request.demands):
        cands = []
        for j in range(2):
            a, b = items[(2 * k + j) % len(items)], items[(2 * k + j + 3) % len(items)]
            recipe = Recipe(items=((a.item_id, 0.7), (b.item_id, 0.3)), regolith_frac=0.0, process_id=PROCESS)
            cands.append(
                plan_service.PlanCandidate(
                    recipe_id=f"{d.product_id}-r{j}",
                    product_id=d.product_id,
                    process_id=PROCESS,
                    recipe=recipe,
                    label=f"HMC tile of {a.name}",
                    product_kg_per_batch=1.0,
                    units_per_batch=1.0,
                    items_kg_per_batch={a.item_id: 0.77, b.item_id: 0.33},
                    regolith_kg_per_batch=0.0,
                    energy_kwh=2.0 + j,
                    water_l=0.5,
                    crew_min=30.0 + 10 * j,
                    problematic_kg=0.2 * j,
                )
            )
        out[d.product_id] = cands
    return out


def type_into(qtbot, edit, text: str) -> None:
    edit.selectAll()
    edit.clear()
    qtbot.keyClicks(edit, text)


@pytest.fixture
def plan_tab(make_main_window, qtbot):
    w = make_main_window()
    w.show_tab("plan")
    tab = w.panels["plan"]
    tab.candidate_source = fast_candidates
    type_into(qtbot, tab.budgets.fields["horizon_sols"].edit, "180")
    type_into(qtbot, tab.budgets.fields["period_sols"].edit, "30")
    for f in tab.budgets.machine.values():
        f.set_value(None)
    tab.budgets.machine[PROCESS].set_value(4)
    return w, tab


def make_plan(qtbot, tab):
    with qtbot.waitSignal(tab.run_finished, timeout=60000) as blocker:
        tab.run_button.click()
    assert blocker.args == ["done"]
    return tab.display


def test_defaults_fill_the_demands_and_budgets(make_main_window):
    w = make_main_window()
    tab = w.panels["plan"]
    req = plan_service.default_plan_request(w.ctx.catalog, inventory=w.ctx.inventory.snapshot())
    assert tab.demands.table.rowCount() == len(req.demands) > 0
    assert tab.budgets.fields["kwh_per_sol"].value() == pytest.approx(req.budgets.kwh_per_sol)
    assert "kWh/sol" in tab.budgets.fields["kwh_per_sol"].unit_label.text()
    assert not tab.problems()
    assert not tab.result_pane.made_button.isEnabled() and not tab.export_action.isEnabled()


def test_make_a_plan(qtbot, plan_tab):
    w, tab = plan_tab
    display = make_plan(qtbot, tab)
    result = display.result
    table = tab.result_pane.table
    assert table.rowCount() == len([ln for ln in result.lines if ln.batches > 0]) > 0
    assert "Plan:" in tab.result_pane.status.text()
    # the items column is short; its tooltip lists every item with its kg and the total
    tip = table.item(0, 6).toolTip()
    assert "Total:" in tip and " kg " in tip
    row = display.rows[0]
    line = result.lines[row.index]
    assert table.item(0, 4).text() == str(line.batches)
    # never more of an item than the inventory holds, and the burn-down shows what is left
    stock = {it.item_id: it.mass_kg for it in w.ctx.inventory.snapshot()}
    used: dict[str, float] = {}
    for ln in result.lines:
        for i, kg in ln.items_kg.items():
            used[i] = used.get(i, 0.0) + kg
    assert all(kg <= stock[i] + 1e-6 for i, kg in used.items())
    assert tab.result_pane.burn.curves
    assert "Demand met" in tab.result_pane.explain.toPlainText()
    assert tab.export_action.isEnabled() and not tab.result_pane.made_button.isEnabled()
    # the Mission tab now projects its totals to the end of this plan
    assert w.panels["mission"].plan is result


def test_cancel_keeps_the_plan_shown(qtbot, plan_tab):
    w, tab = plan_tab
    make_plan(qtbot, tab)
    rows_before = tab.result_pane.table.rowCount()
    started = threading.Event()

    def never_ending(request, ctx=None):
        started.set()
        while not ctx.cancelled:
            threading.Event().wait(0.01)
        raise Cancelled()

    tab.candidate_source = never_ending
    tab._candidates = None
    tab.run_button.click()
    assert tab.cancel_button.isEnabled() and not tab.run_button.isEnabled()
    qtbot.waitUntil(started.is_set, timeout=20000)
    w.activateWindow()
    tab.demands.table.setFocus()
    qtbot.waitUntil(tab.demands.table.hasFocus, timeout=5000)
    with qtbot.waitSignal(tab.run_finished, timeout=20000) as blocker:
        qtbot.keyClick(tab.demands.table, Qt.Key.Key_Escape)  # Esc cancels
    assert blocker.args == ["cancelled"]
    assert tab.result_pane.table.rowCount() == rows_before
    assert tab.run_button.isEnabled() and not tab.cancel_button.isEnabled()


def test_what_if_sweep(qtbot, plan_tab):
    _w, tab = plan_tab
    form = tab.sweep_form
    form.budget.setCurrentIndex(form.budget.findData("kwh_per_sol"))
    type_into(qtbot, form.edits["from"], "1")
    type_into(qtbot, form.edits["to"], "9")
    type_into(qtbot, form.edits["steps"], "3")
    with qtbot.waitSignal(tab.sweep_finished, timeout=120000) as blocker:
        tab.sweep_button.click()
    assert blocker.args == ["done"]
    xs = [p[0] for p in tab.sweep_points]
    assert xs == [1.0, 5.0, 9.0]
    met = [p[1] for p in tab.sweep_points]
    assert met == sorted(met)  # more energy per sol never meets less demand
    assert met[0] < met[-1]
    curve_x, _y = tab.result_pane.sweep.met_curve.getData()
    assert list(curve_x) == xs
    assert "Energy" in tab.result_pane.sweep.waste_plot.getAxis("bottom").labelText
    assert tab.result_pane.charts.currentWidget() is tab.result_pane.sweep


def test_a_bad_sweep_range_is_refused(qtbot, plan_tab):
    _w, tab = plan_tab
    type_into(qtbot, tab.sweep_form.edits["to"], "2")
    type_into(qtbot, tab.sweep_form.edits["from"], "8")
    assert "must be above" in tab.sweep_form.error.text()
    assert tab.run_sweep() is None
    assert "Not ready" in tab.problem.text()


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_export(qtbot, plan_tab, tmp_path, monkeypatch, suffix):
    _w, tab = plan_tab
    display = make_plan(qtbot, tab)
    out = tmp_path / f"plan{suffix}"
    monkeypatch.setattr(plan_tab_module, "ask_save_path", lambda *a: str(out))
    tab.export_action.trigger()
    qtbot.waitUntil(lambda: out.exists() and not tab.ctx.runner.is_busy("plan-export"), timeout=20000)
    made = [ln for ln in display.result.lines if ln.batches > 0]
    if suffix == ".json":
        data = json.loads(out.read_text(encoding="utf-8"))
        assert sorted(ln["batches"] for ln in data["lines"]) == sorted(ln.batches for ln in made)
        assert data["solver"]["status"] == display.result.status
    else:
        rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
        assert sorted(int(r["batches"]) for r in rows) == sorted(ln.batches for ln in made)


def test_mark_as_made_sends_the_lines_numbers(qtbot, plan_tab):
    w, tab = plan_tab
    display = make_plan(qtbot, tab)
    pane = tab.result_pane
    assert not pane.made_button.isEnabled()
    pane.table.selectRow(1)
    assert pane.made_button.isEnabled()
    row = pane.selected_row()
    line = display.result.lines[row.index]
    with qtbot.waitSignal(w.ctx.made_requested, timeout=5000) as blocker:
        pane.made_button.click()
    req = blocker.args[0]
    assert isinstance(req, ProductionRequest)
    assert req.source == "plan" and req.sol == line.first_sol
    assert req.batches == line.batches and req.product == line.product_id
    assert req.product_kg == pytest.approx(line.product_kg)
    assert dict(req.items_kg) == pytest.approx(dict(line.items_kg))
    assert req.energy_kwh == pytest.approx(line.energy_kwh) and req.crew_min == pytest.approx(line.crew_min)
    cands = {c.recipe_id: c for cs in fast_candidates(display.result.request).values() for c in cs}
    assert req.recipe == cands[line.recipe_id].recipe and req.recipe_id == line.recipe_id
    pane.table.clearSelection()
    assert not pane.made_button.isEnabled()


def test_a_bad_value_is_refused_and_nothing_runs(qtbot, plan_tab):
    w, tab = plan_tab
    field = tab.budgets.fields["kwh_per_sol"]
    type_into(qtbot, field.edit, "abc")
    assert not field.valid and "not a number" in field.error.text() and field.error.isVisible()
    assert tab.run_plan() is None and tab.task is None
    assert "Not ready" in tab.problem.text() and "Energy per sol" in tab.problem.text()
    type_into(qtbot, field.edit, "20")
    assert field.valid
    # a demand's quantity: the cell turns red and the reason names the product
    table = tab.demands.table
    name = table.item(0, 0).text()
    table.item(0, 1).setText("-3")
    assert tab.demands.error.isVisible() and name in tab.demands.error.text()
    assert "above 0" in tab.demands.error.text()
    assert tab.run_plan() is None and not w.runner.is_busy("plan")
    table.item(0, 1).setText("5")
    # a due sol after the horizon
    table.item(0, 4).setText("999")
    assert "after the end of the plan" in tab.demands.error.text()
    table.item(0, 4).setText("")
    type_into(qtbot, tab.budgets.fields["period_sols"].edit, "365")
    assert "longer than the horizon" in tab.budgets.error.text()
    assert tab.run_plan() is None


def test_fits_a_small_window(qtbot, plan_tab):
    w, tab = plan_tab
    w.resize(1280, 720)
    make_plan(qtbot, tab)
    qtbot.waitUntil(lambda: tab.width() <= 1280)
    for widget in (tab.result_pane.table, tab.result_pane.charts, tab.run_button, tab.result_pane.made_button):
        assert widget.isVisible()
        bottom_right = widget.mapTo(tab, widget.rect().bottomRight())
        assert bottom_right.x() <= tab.width() and bottom_right.y() <= tab.height()


def test_add_and_remove_a_demand(qtbot, plan_tab):
    _w, tab = plan_tab
    demands = tab.demands
    n = demands.table.rowCount()
    demands.add_combo.setCurrentIndex(demands.add_combo.findData("cc_banner"))
    demands.add_button.click()
    assert demands.table.rowCount() == n + 1
    rows = demands.rows_or_none()
    assert rows is not None and rows[-1].product == "cc_banner" and rows[-1].unit == "units"
    assert not tab.problems()
    demands.table.selectRow(n)
    assert demands.remove_button.isEnabled()
    demands.table.setFocus()
    qtbot.keyClick(demands.table, Qt.Key.Key_Delete)
    assert demands.table.rowCount() == n
    while demands.table.rowCount():
        demands.table.selectRow(0)
        demands.remove_button.click()
    assert "at least one product" in demands.error.text()
    assert tab.run_plan() is None
