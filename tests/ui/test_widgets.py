"""The QPainter widgets of the detail pane stay readable at small sizes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from spacetrash_desktop.ui.property_bars import BAD, GOOD, MARGINAL, PropertyBars, verdict
from spacetrash_desktop.ui.sankey import SankeyWidget, flows_of

from .conftest import run_to_end


@pytest.mark.parametrize("size", [QSize(300, 150), QSize(520, 230), QSize(900, 400)])
def test_sankey_renders_proportional_flows_with_labels(qtbot, make_main_window, size):
    w = make_main_window()
    assert run_to_end(qtbot, w) == "finished"
    cand = next(
        c for c in w.ctx.results.view.candidates if c.details.get("regolith_kg", 0) > 0 or len(c.item_names) > 1
    )
    s = SankeyWidget()
    qtbot.addWidget(s)
    s.resize(size)
    s.set_candidate(cand)
    s.show()
    img = s.grab().toImage()
    assert not img.isNull() and img.size() == size
    inputs, process, outputs = flows_of(cand)
    assert process == cand.process_name
    assert sum(f.kg for f in inputs) == pytest.approx(sum(f.kg for f in outputs), rel=1e-3)
    texts = [t for _r, t in s._hit]
    assert any("Product" in t and "kg" in t for t in texts) and len(texts) == len(inputs) + len(outputs) + 1
    assert "Inputs:" in s.accessibleDescription()
    s.set_candidate(None)
    assert not s.inputs


def test_property_bars_verdicts(qtbot, make_main_window):
    assert verdict(0.6, 0.5, 0.7, 0.45, "min") == GOOD
    assert verdict(0.6, 0.4, 0.7, 0.45, "min") == MARGINAL
    assert verdict(0.4, 0.3, 0.5, 0.45, "min") == BAD
    assert verdict(1.0, 0.8, 1.2, 2.0, "max") == GOOD
    assert verdict(1.9, 1.5, 2.2, 2.0, "max") == MARGINAL
    w = make_main_window()
    assert run_to_end(qtbot, w) == "finished"
    cand = w.ctx.results.view.candidates[0]
    b = PropertyBars()
    qtbot.addWidget(b)
    b.resize(320, b.sizeHint().height())
    b.set_candidate(cand, w.ctx.target)
    b.show()
    assert not b.grab().toImage().isNull()
    assert set(PropertyBars.verdicts(cand, w.ctx.target).values()) <= {GOOD, MARGINAL}  # feasible: no red
    assert "at least" in b.accessibleDescription() and "at most" in b.accessibleDescription()


def test_the_counts_line_says_why_a_search_stopped():
    from spacetrash_desktop.ui.candidates_tab import stop_note

    assert stop_note({"completed": True, "converged": False}, 4.0, 30.0) == ""
    assert "front stopped improving" in stop_note({"completed": False, "converged": True}, 0.8, 30.0)
    assert "time limit reached" in stop_note({"completed": False, "converged": False}, 30.0, 30.0)
    assert "time limit reached" in stop_note({"completed": False, "converged": True}, 29.9, 30.0)
    assert "time limit reached" in stop_note({"completed": False, "converged": False}, 5.0, None)
    # the exhaustive pass finished, then the refinement used the rest of the time: nothing was missed
    assert stop_note({"completed": True, "converged": False}, 30.0, 30.0) == ""


def test_reflow_area_flows_columns_onto_rows_instead_of_squeezing_them(qtbot):
    """Issue 17: side by side when there is room, the last column under the others when not, one
    column a row when even two do not fit; a row with fewer columns lets its last one span the rest."""
    from PySide6.QtWidgets import QWidget

    from spacetrash_desktop.ui.widgets import ReflowArea

    cols = []
    for _ in range(3):
        c = QWidget()
        c.setMinimumSize(300, 100)
        cols.append(c)
    area = ReflowArea(*cols, name="reflow")
    qtbot.addWidget(area)
    area.show()
    for width, packing in ((1200, (3,)), (800, (2, 1)), (500, (1, 1, 1)), (1200, (3,))):
        area.resize(width, 400)
        qtbot.waitUntil(lambda p=packing: area.packing == p, timeout=5000)
        assert area.stacked == (len(packing) > 1)
        assert all(c.width() >= 300 for c in cols)  # never squeezed below what a column needs
    area.resize(800, 400)
    qtbot.waitUntil(lambda: area.packing == (2, 1), timeout=5000)
    assert area.grid.getItemPosition(area.grid.indexOf(cols[2]))[:4] == (1, 0, 1, 2)  # spans both columns
