"""The work order for a sol of the production plan, on paper and on screen: its A4 PDF holds, as a PDF
text extractor reads it back, every plan line's steps, set points and hazards, and its pages turn into
non-blank A4 PNGs; the Plan tab's "Work order for a day…" asks for the sol (the first with work to begin
with, a sol with nothing to make refused) and opens the work-order preview of that sol."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt

from spacetrash_desktop.catalog import load_catalog
from spacetrash_desktop.services.plan import plan_to_dict
from spacetrash_desktop.services.workorder_day import (
    DayWorkOrder,
    build_day_work_order,
    day_missing_from,
    day_work_order_html,
    sol_schedule,
)
from spacetrash_desktop.ui.i18n import current_language, install_language
from spacetrash_desktop.ui.plan_views import DemandRow
from spacetrash_desktop.ui.workorder import write_work_order_pdf
from tests.services.workorder_plan import PRODUCTS, plan_candidates, plan_doc
from tests.ui.test_workorder import dark_share, pdf_pages_to_png
from tests.ui.visible_text import untranslated, visible_texts

PNG_DIR = os.environ.get("SPACETRASH_WORKORDER_PNG", "")


def busiest_sol(schedule) -> int:
    return max(schedule, key=lambda s: (len(schedule[s]), sum(schedule[s].values()), -s))


@pytest.mark.slow
def test_the_pdf_of_a_plan_day_holds_every_lines_steps_set_points_and_hazards(qapp, tmp_path):
    out_dir = Path(PNG_DIR) if PNG_DIR else tmp_path
    out_dir.mkdir(parents=True, exist_ok=True)
    doc = plan_doc()
    sol = busiest_sol(sol_schedule(doc))
    day = build_day_work_order(doc, sol, items=load_catalog().default_inventory, plan_name="plan.json")
    assert len(day.lines) >= 2
    pdf = out_dir / f"work-order-sol-{sol}.pdf"
    pages = write_work_order_pdf(day_work_order_html(day), pdf)
    reader = pypdf.PdfReader(str(pdf))
    texts = [p.extract_text() for p in reader.pages]
    # a cover sheet, then for each line its summary, its procedure and its "as made" sheet
    assert len(texts) == pages >= 1 + 3 * len(day.lines)
    assert day_missing_from(texts, day) == []
    flat = "".join(unicodedata.normalize("NFKC", "".join(texts)).split())
    assert f"Workorderforsol{sol}" in flat and "Thissol'suseofthedailybudgets" in flat
    for d in day.lines:
        assert d.order.recipe_id in flat and f"Line{d.line_no}:" in flat
        for s in d.order.set_points:
            assert "".join(s.split()) in flat
        for h in d.order.hazards:
            assert "".join(h.material.split()) in flat
    assert flat.count("Asmade") >= len(day.lines)
    box = reader.pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(210 / 297, abs=0.01)  # A4 portrait
    images = pdf_pages_to_png(pdf, out_dir)
    assert len(images) == pages
    for img in images:
        assert not img.isNull() and img.width() < img.height()
        assert 0.0001 < dark_share(img) < 0.5


def type_into(qtbot, edit, text: str) -> None:
    edit.selectAll()
    edit.clear()
    qtbot.keyClicks(edit, text)


def plan_tab_with_a_plan(qtbot, make_main_window):
    """The Plan tab with a plan of real recipes (injected, as a search would give them) made on it."""
    w = make_main_window()
    w.show_tab("plan")
    tab = w.panels["plan"]
    cands = plan_candidates()
    tab.candidate_source = lambda request, ctx=None: {
        d.product_id: list(cands.get(d.product_id, ())) for d in request.demands
    }
    type_into(qtbot, tab.budgets.fields["horizon_sols"].edit, "60")
    type_into(qtbot, tab.budgets.fields["period_sols"].edit, "30")
    names = {p: n for p, n in tab.products}
    tab.demands.set_rows([DemandRow(p, names[p], 4, "units", k + 1) for k, p in enumerate(PRODUCTS)])
    assert not tab.result_pane.workorder_button.isEnabled() and not tab.work_order_action.isEnabled()
    with qtbot.waitSignal(tab.run_finished, timeout=60000) as blocker:
        tab.run_button.click()
    assert blocker.args == ["done"]
    return w, tab


def open_sol(qtbot, tab, sol: int | None = None):
    """Work order for a day… then Enter on ``sol`` (the dialog's first sol when None): the preview."""
    tab.sol_dialog = tab.work_order_dialog = None
    tab.work_order_action.trigger()
    qtbot.waitUntil(lambda: tab.sol_dialog is not None and tab.sol_dialog.isVisible(), timeout=20000)
    ask = tab.sol_dialog
    if sol is not None:
        ask.spin.setValue(sol)
    qtbot.keyClick(ask.spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.work_order_dialog is not None, timeout=30000)
    return tab.work_order_dialog


@pytest.mark.slow
def test_the_plan_tab_opens_the_work_order_of_a_day(qtbot, make_main_window, tmp_path):
    w, tab = plan_tab_with_a_plan(qtbot, make_main_window)
    button = tab.result_pane.workorder_button
    assert button.isEnabled() and button.text() == "Work order for a day…"
    assert tab.work_order_action in w.file_menu.actions()
    schedule = sol_schedule(plan_to_dict(tab.display.result))
    assert schedule

    # from the keyboard: the button takes the focus and Space presses it
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.sol_dialog is not None and tab.sol_dialog.isVisible(), timeout=20000)
    ask = tab.sol_dialog
    assert ask.sol() == min(schedule) and ask.open_button.isEnabled()
    empty = next(s for s in range(1, 61) if s not in schedule)
    ask.spin.setValue(empty)
    assert not ask.open_button.isEnabled() and "Nothing to make on sol" in ask.hint.text()
    sol = busiest_sol(schedule)
    ask.spin.setValue(sol)
    assert ask.open_button.isEnabled() and f"On sol {sol}:" in ask.hint.text()
    ask.grab().save(str(tmp_path / "sol-dialog.png"))
    qtbot.keyClick(ask.spin, Qt.Key.Key_Return)  # Enter opens the work order
    qtbot.waitUntil(lambda: tab.work_order_dialog is not None, timeout=30000)
    dialog = tab.work_order_dialog
    assert isinstance(dialog.order, DayWorkOrder) and dialog.order.sol == sol
    assert len(dialog.order.lines) == len(schedule[sol])
    assert dialog.windowTitle() == f"Work order for sol {sol}" and dialog.default_name == f"work-order-sol-{sol}"
    preview = dialog.preview.toPlainText()
    assert f"Work order for sol {sol}" in preview and "What to make on this sol" in preview and "As made" in preview
    assert day_missing_from(dialog.html, dialog.order) == []
    assert dialog.width() <= 1280 and dialog.height() <= 720 - 40
    dialog.grab().save(str(tmp_path / "day-workorder-dialog.png"))
    w.grab().save(str(tmp_path / "plan-tab.png"))
    with qtbot.waitSignal(dialog.save_pdf(str(tmp_path / "day.pdf")).done, timeout=30000):
        pass
    texts = [p.extract_text() for p in pypdf.PdfReader(str(tmp_path / "day.pdf")).pages]
    assert day_missing_from(texts, dialog.order) == []
    dialog.close()


@pytest.fixture
def spanish(qapp):
    assert install_language("es"), "the Spanish catalogue (resources/i18n/spacetrash_es.qm) does not load"
    yield
    install_language("en")
    assert current_language() == "en"


@pytest.mark.slow
def test_in_spanish_the_question_and_the_days_work_order_are_spanish(qtbot, make_main_window, spanish, tmp_path):
    _w, tab = plan_tab_with_a_plan(qtbot, make_main_window)
    button = tab.result_pane.workorder_button
    assert button.text() == "Orden de trabajo de un día…"
    assert untranslated([(button.text(), "button"), (button.toolTip(), "tooltip")], "es") == []
    tab.work_order_action.trigger()
    qtbot.waitUntil(lambda: tab.sol_dialog is not None and tab.sol_dialog.isVisible(), timeout=20000)
    ask = tab.sol_dialog
    assert untranslated(visible_texts(ask), "es") == []
    ask.grab().save(str(tmp_path / "sol-dialog-es.png"))
    ask.reject()
    dialog = open_sol(qtbot, tab)
    order = dialog.order
    assert order.lang == "es" and day_missing_from(dialog.html, order) == []
    preview = dialog.preview.toPlainText()
    assert f"Orden de trabajo del sol {order.sol}" in preview and "Qué fabricar en este sol" in preview
    assert "Procedimiento" in preview and "Tal como se hizo" in preview and "Procedure" not in preview
    assert dialog.windowTitle() == f"Orden de trabajo del sol {order.sol}"
    assert untranslated(visible_texts(dialog), "es") == []
    dialog.grab().save(str(tmp_path / "day-workorder-es.png"))
    dialog.close()
