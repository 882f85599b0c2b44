"""Trade-offs tab: axes with units, caps as lines, selection synced with the Candidates table both
ways (a real mouse click on a point), comparison of two or three recipes."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt

from spacetrash_desktop.ui.views import STATUS_FRONT

from .conftest import run_to_end


def _isolated_row(tab, rows) -> int:
    """A row whose point is at least 14 px from every other point shown (an unambiguous click)."""
    pos = {r: tab.point_position(r) for r in range(len(tab.view))}
    for r in rows:
        p = pos[r]
        if all((q - p).manhattanLength() > 14 for k, q in pos.items() if k != r):
            return r
    return rows[0]


def test_plot_axes_units_and_caps(qtbot, make_main_window):
    w = make_main_window()
    assert run_to_end(qtbot, w) == "finished"
    w.show_tab("tradeoffs")
    t = w.tradeoffs_tab
    pi = t.plot.getPlotItem()
    assert "kWh" in pi.getAxis("bottom").labelText and "0–1" in pi.getAxis("left").labelText
    view = w.ctx.results.view
    assert len(t.front_item.data) == view.n_front
    assert len(t.front_item.data) + len(t.feasible_item.data) + len(t.infeasible_item.data) == len(view)
    target = w.ctx.target
    assert t.vcap.value() == target.max_energy_kwh and t.hcap.value() == target.rigidity_min
    t.x_combo.setCurrentIndex(t.names.index("water_l"))
    assert "L" in pi.getAxis("bottom").labelText and t.vcap.value() == target.max_water_l
    t.infeasible_check.setChecked(False)
    assert len(t.infeasible_item.data) == 0


def test_selection_is_synced_between_plot_and_table(qtbot, make_main_window):
    w = make_main_window()
    assert run_to_end(qtbot, w) == "finished"
    w.show_tab("tradeoffs")
    t, c = w.tradeoffs_tab, w.candidates_tab
    view = w.ctx.results.view
    # spread the points: water against tightness
    t.x_combo.setCurrentIndex(t.names.index("water_l"))
    t.y_combo.setCurrentIndex(t.names.index("tightness"))
    front_rows = [int(r) for r in np.where(view.status == STATUS_FRONT)[0]]
    row = _isolated_row(t, front_rows)
    pos = t.point_position(row)

    # plot -> table
    qtbot.mouseClick(t.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: w.ctx.selection.current is not None, timeout=5000)
    picked = w.ctx.selection.current
    near = [view.ids[r] for r in range(len(view)) if (t.point_position(r) - pos).manhattanLength() <= 8]
    assert picked in near
    sel = [c.model.recipe_id(i.row()) for i in c.table.selectionModel().selectedRows()]
    assert sel == [picked]
    assert c.detail.cand is not None and c.detail.cand.recipe_id == picked
    assert [view.ids[r] for r in t.selected_rows] == [picked]

    # table -> plot
    other = next(r for r in range(len(view)) if (t.point_position(r) - pos).manhattanLength() > 30)
    c.table.selectRow(c.model.row_of(view.ids[other]))
    assert w.ctx.selection.current == view.ids[other]
    assert t.selected_rows == [other]

    # Ctrl+click adds the first one back: two recipes side by side
    qtbot.mouseClick(t.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, pos=pos)
    qtbot.waitUntil(lambda: len(w.ctx.selection.ids) == 2, timeout=5000)
    assert set(w.ctx.selection.ids) == {picked, view.ids[other]}
    assert t.compare.columnCount() == 2
    assert sorted(t.selected_rows) == sorted([other, view.row_of[picked]])
    sel = {c.model.recipe_id(i.row()) for i in c.table.selectionModel().selectedRows()}
    assert sel == {picked, view.ids[other]}

    # clicking empty space does not lose the selection
    qtbot.mouseClick(t.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert len(w.ctx.selection.ids) == 2


def test_compare_two_or_three_recipes(qtbot, make_main_window):
    w = make_main_window()
    assert run_to_end(qtbot, w) == "finished"
    t = w.tradeoffs_tab
    view = w.ctx.results.view
    ids = view.ids[:4]
    w.ctx.selection.set(ids[:3], ids[2])
    assert t.compare.columnCount() == 3
    labels = [t.compare.verticalHeaderItem(r).text() for r in range(t.compare.rowCount())]
    assert "Energy (kWh)" in labels and "Feasibility" in labels
    col_ids = [t.compare.item(labels.index("Recipe ID"), k).text() for k in range(3)]
    assert col_ids == list(ids[:3])
    w.ctx.selection.set(ids, ids[3])  # more than three: the last three are compared
    assert t.compare.columnCount() == 3 and "last 3 of the 4" in t.compare_title.text()
    bold = [t.compare.item(labels.index("Energy (kWh)"), k).font().bold() for k in range(3)]
    assert sum(bold) >= 1  # the best energy is marked
