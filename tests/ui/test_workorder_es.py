"""The window's work order follows the window's language: with Spanish chosen, the preview the recipe
detail pane opens is the Spanish work order (steps, set points with a decimal comma, the Spanish
process name), and English again once English is chosen."""

from __future__ import annotations

import pytest

from spacetrash_desktop.services.inventory import load_catalog
from spacetrash_desktop.services.workorder import missing_from
from spacetrash_desktop.ui.i18n import install_language
from spacetrash_desktop.ui.views import RunInfo
from tests.services.workorder_recipes import TARGET, candidate_per_process


@pytest.fixture()
def spanish(qapp):
    assert install_language("es")
    yield
    install_language("en")


def _open(qtbot, pane, cand, run):
    pane.work_order_dialog = None
    pane.show_candidate(cand, run)
    pane.open_work_order()
    qtbot.waitUntil(lambda: pane.work_order_dialog is not None, timeout=20000)
    return pane.work_order_dialog


@pytest.mark.slow
def test_the_preview_is_in_the_language_of_the_window(qtbot, make_main_window, catalog, spanish):
    w = make_main_window()
    pane = w.candidates_tab.detail
    run = RunInfo(serial=1, items=tuple(catalog.default_inventory), target=TARGET)
    cand = candidate_per_process()["hot_press_lamination"]
    dialog = _open(qtbot, pane, cand, run)
    order = dialog.order
    assert order.lang == "es" and missing_from(dialog.html, order) == []
    preview = dialog.preview.toPlainText()
    assert "Orden de trabajo" in preview and "Procedimiento" in preview and "Tal como se hizo" in preview
    assert load_catalog().processes["hot_press_lamination"].name in preview  # the Spanish catalog's name
    assert "Procedure" not in preview and "As made" not in preview
    assert any("," in s.set_point and "kg" in s.set_point for s in order.steps)  # 2,22 kg
    dialog.close()
    install_language("en")
    dialog = _open(qtbot, pane, cand, run)
    assert dialog.order.lang == "en" and "Procedure" in dialog.preview.toPlainText()
    dialog.close()
