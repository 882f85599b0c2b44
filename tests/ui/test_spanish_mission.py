"""The mission area in Spanish (issue 14, item 3): with the Spanish catalogue installed, the Plan tab
(forms, a refused value, a plan made from a small injected candidate set, its table, charts and
explanation, the what-if form), the Mission dashboard, the "Mark as made" dialog (before and after
recording) and the work-order preview show no text a Spanish-speaking crew member could not read;
numbers carry a decimal comma. English comes back at the end."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QWidget

from spacetrash_desktop.domain import Recipe
from spacetrash_desktop.services import production as P
from spacetrash_desktop.services.workorder import score_recipes, work_order_for_candidate, work_order_html
from spacetrash_desktop.ui.i18n import current_language, install_language
from spacetrash_desktop.ui.plan_views import fmt_num
from spacetrash_desktop.ui.workorder_dialog import WorkOrderDialog
from tests.services.workorder_recipes import TARGET
from tests.ui.test_plan_tab import PROCESS, fast_candidates, make_plan, type_into
from tests.ui.visible_text import untranslated, visible_texts

MODEL = {"name": "spacetrash-residual", "version": "1.0.0", "status": "ready"}


@pytest.fixture
def spanish(qapp):
    assert install_language("es"), "the Spanish catalogue (resources/i18n/spacetrash_es.qm) does not load"
    yield
    install_language("en")
    assert current_language() == "en"


def english_left(widget: QWidget) -> list[tuple[str, str]]:
    return untranslated(visible_texts(widget), "es")


def chart_texts(*plots: pg.PlotItem) -> list[tuple[str, str]]:
    """Titles and axis labels of pyqtgraph plots (not widgets, so visible_texts cannot see them)."""
    out = []
    for plot in plots:
        out.append((plot.titleLabel.text, "chart title"))
        for ax in ("left", "bottom"):
            label = plot.getAxis(ax).labelText
            if label:
                out.append((label, f"chart {ax} axis"))
    return [(t, w) for t, w in out if t.strip()]


def cell_texts(table, columns) -> list[tuple[str, str]]:
    return [
        (table.item(r, c).text(), f"{table.objectName()} cell")
        for r in range(table.rowCount())
        for c in columns
        if table.item(r, c) is not None and table.item(r, c).text()
    ]


@pytest.mark.slow
def test_the_plan_tab_speaks_spanish(qtbot, make_main_window, spanish):
    w = make_main_window()
    w.resize(1280, 720)
    w.show_tab("plan")
    tab = w.panels["plan"]
    tab.candidate_source = fast_candidates
    assert english_left(tab) == []
    tab.budgets.machine_toggle.click()  # the machine capacities (process names from the Spanish catalogue)
    assert english_left(tab) == []
    # refused values say why, in Spanish
    type_into(qtbot, tab.budgets.fields["kwh_per_sol"].edit, "abc")
    tab.demands.table.item(0, 1).setText("-3")
    type_into(qtbot, tab.sweep_form.edits["from"], "80")
    assert tab.run_plan() is None
    assert "No está listo" in tab.problem.text() and "mayor que 0" in tab.demands.error.text()
    assert "«Hasta»" in tab.sweep_form.error.text()
    assert english_left(tab) == []
    type_into(qtbot, tab.budgets.fields["kwh_per_sol"].edit, "20")
    tab.demands.table.item(0, 1).setText("5")
    type_into(qtbot, tab.sweep_form.edits["from"], "5")
    tab.budgets.machine_toggle.click()
    # a plan: status, summary, table headers, chart tabs, chart titles and axes, explanation headings
    type_into(qtbot, tab.budgets.fields["horizon_sols"].edit, "180")
    type_into(qtbot, tab.budgets.fields["period_sols"].edit, "30")
    for f in tab.budgets.machine.values():
        f.set_value(None)
    tab.budgets.machine[PROCESS].set_value(4)
    display = make_plan(qtbot, tab)
    pane = tab.result_pane
    assert pane.status.text().startswith("Plan: ") and "Resuelto en" in pane.status.text()
    assert "Demanda satisfecha" in pane.summary.text()
    assert "Demanda satisfecha" in pane.explain.toPlainText()
    assert display.rows and all(" kWh" in r.cells[7] for r in display.rows)
    assert english_left(tab) == []
    plots = [pane.burn.plot, pane.use.plot, pane.sweep.met_plot, pane.sweep.waste_plot]
    for k in range(pane.charts.count()):
        pane.charts.setCurrentIndex(k)
        assert english_left(tab) == []
    for k in range(pane.use.kind.count()):
        pane.use.kind.setCurrentIndex(k)
        assert untranslated(chart_texts(*plots), "es") == []
    assert untranslated(cell_texts(pane.table, (1,)), "es") == []  # "soles 1–30"
    w.grab().save("/tmp/es_plan_tab.png")


def test_numbers_follow_the_language(spanish):
    assert fmt_num(1234.5) == "1234,5" and fmt_num(12345.25, 2) == "12.345,25" and fmt_num(2.0) == "2"
    install_language("en")
    assert fmt_num(1234.5) == "1,234.5"


@pytest.mark.slow
def test_the_mission_dashboard_and_the_made_dialog_speak_spanish(qtbot, make_main_window, spanish):
    w = make_main_window()
    w.resize(1280, 720)
    dash = w.panels["mission"]
    with qtbot.waitSignal(dash.refreshed, timeout=20000):
        w.show_tab("mission")
    assert english_left(dash) == []
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
    with qtbot.waitSignal(dash.made.opened, timeout=5000) as opened:
        w.ctx.made_requested.emit(P.request_from_plan_line(line))
    dlg = opened.args[0]
    assert dlg.windowTitle() == "Marcar como hecho"
    assert w.ctx.catalog.processes["hot_press_lamination"].name in dlg.summary.text()
    dlg.batches.setValue(2)
    assert "1,5 kg de " + items[0].name in dlg.uses.text()  # a decimal comma
    dlg.sol.setText("x")
    assert "número entero de días de misión" in dlg.problem.text()
    assert english_left(dlg) == []
    dlg.sol.setText("31")
    dlg.grab().save("/tmp/es_made_dialog.png")
    with qtbot.waitSignal(dlg.recorded, timeout=20000):
        dlg.record_button.click()
    assert "Registrado" in dlg.uses.text() and dlg.cancel_button.text() == "Cerrar"
    assert english_left(dlg) == []
    dlg.reject()
    qtbot.waitUntil(lambda: dash.totals is not None and dash.totals.to_date.batches == 2, timeout=20000)
    assert english_left(dash) == []
    texts = cell_texts(dash.totals_table, (0, 1)) + cell_texts(dash.history, (3, 9))
    assert untranslated(texts, "es") == []
    assert dash.history.item(0, 9).text() == "hecho" and "2 lotes" in dash.totals_table.item(0, 1).text()
    assert "Hecho hasta ahora" in dash.products.text()
    qtbot.waitUntil(lambda: not w.ctx.runner.is_busy("dashboard"), timeout=20000)
    w.grab().save("/tmp/es_mission_dashboard.png")


def test_the_work_order_dialog_speaks_spanish(qtbot, make_main_window, catalog, spanish):
    w = make_main_window()
    ids = [it.item_id for it in catalog.default_inventory[:2]]
    recipe = Recipe(((ids[0], 0.5), (ids[1], 0.5)), 0.0, "hot_press_lamination", TARGET.batch_mass_kg)
    cand = score_recipes([recipe], catalog.default_inventory, TARGET)[0]
    order = work_order_for_candidate(cand, TARGET, MODEL, catalog.default_inventory, lang="es")  # as the window asks
    dialog = WorkOrderDialog(w.ctx, order, work_order_html(order), w)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle().startswith("Orden de trabajo: ")
    assert dialog.print_button.text() == "Imprimir…"
    assert english_left(dialog) == []
    dialog.status.setText("")
    dialog._saved("/tmp/orden.pdf")
    assert english_left(dialog) == []
    dialog.close()
