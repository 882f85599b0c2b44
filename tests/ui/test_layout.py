"""Issue 17: the window fits the screen it opens on, and at 1280 x 720 (and 1920 x 1080) every button
and field of every tab and panel can be reached: it lies inside the window, is shown, and is not
clipped away by its parents. Inside a scroll area a widget counts as reachable when it lies inside
the scrollable content (scrolling brings it into view), never beyond it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLineEdit,
    QTabBar,
    QTabWidget,
    QWidget,
)

from spacetrash_desktop.ui.main_window import window_settings

SCREENS = [(1280, 720), (1920, 1080)]


def unreachable(w: QWidget) -> str:
    """Why ``w`` cannot be seen in its window ("" when it can). Walks up the parents: each must hold
    the widget's rectangle, except a scroll area's viewport, which holds it when the widget lies inside
    the area's scroll range (and is no larger than the viewport)."""
    rect = QRect(0, 0, w.width(), w.height())
    child = w
    parent = w.parentWidget()
    while parent is not None:
        rect = rect.translated(child.pos())
        area = parent.parentWidget()
        if isinstance(area, QAbstractItemView) and parent is area.viewport():
            # a cell widget (a drop-down in a table row): scrolling the view brings its row into view
            if rect.width() > parent.width() or rect.height() > parent.height():
                return f"larger than the view of {area.objectName() or type(area).__name__}"
            rect = QRect(parent.pos(), rect.size())
            child, parent = area, area.parentWidget()
            continue
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport() and child is not w:
            vp = parent
            h, v = area.horizontalScrollBar(), area.verticalScrollBar()
            content = rect.translated(h.value(), v.value())  # where it sits in the whole scrollable content
            reach = QRect(0, 0, vp.width() + h.maximum(), vp.height() + v.maximum())
            if not reach.contains(content):
                return f"beyond the scroll range of {area.objectName() or type(area).__name__}"
            if rect.width() > vp.width() or rect.height() > vp.height():
                return f"larger than the view of {area.objectName() or type(area).__name__}"
            rect = QRect(vp.pos(), rect.size())  # scrolled into view, it sits inside the viewport
            child, parent = area, area.parentWidget()
            rect = rect.translated(0, 0)
            continue
        if not QRect(0, 0, parent.width(), parent.height()).contains(rect):
            name = parent.objectName() or type(parent).__name__
            return f"clipped by {name} ({rect.x()},{rect.y()} {rect.width()}x{rect.height()} in {parent.width()}x{parent.height()})"
        child, parent = parent, parent.parentWidget()
    return ""


def _label(w: QWidget) -> str:
    text = w.text() if hasattr(w, "text") and callable(w.text) else ""
    return f"{type(w).__name__} {w.objectName()!r} {text!r}"


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _pages(window):
    """Every tab of the window and, inside it, every page of its own tab widgets, shown in turn."""
    for key in window.panels:
        window.show_tab(key)
        _settle()
        panel = window.panels[key]
        inner = [t for t in panel.findChildren(QTabWidget) if t.isVisible()]
        yield key, panel
        for tabs in inner:
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                _settle()
                yield f"{key}/{tabs.tabText(i)}", panel


def _problems(window) -> list[str]:
    out = []
    for where, panel in _pages(window):
        widgets = [
            w
            for cls in (QAbstractButton, QLineEdit, QComboBox)
            for w in panel.findChildren(cls)
            if w.isVisible() and not isinstance(w.parentWidget(), QTabBar)
        ]
        assert widgets, where
        for w in widgets:
            why = unreachable(w)
            if why:
                out.append(f"{where}: {_label(w)}: {why}")
            if isinstance(w, QLineEdit) and w.width() < min(60, w.maximumWidth()):
                out.append(f"{where}: {_label(w)} squeezed to {w.width()} px")
            if isinstance(w, QAbstractButton) and w.width() < w.minimumSizeHint().width() - 1:
                out.append(f"{where}: {_label(w)} cut: {w.width()} of {w.minimumSizeHint().width()} px")
    return out


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_button_and_field_of_every_tab_is_reachable(qtbot, make_main_window, screen):
    w = make_main_window(screen=screen)
    assert w.width() <= screen[0] and w.height() <= screen[1] - 40  # the window fits, its frame too
    assert w.width() == min(1440, screen[0])
    assert _problems(w) == []
    w.resize(screen[0], screen[1] - 40)  # maximised on that screen
    _settle()
    assert _problems(w) == []
    # the status bar, the Inventory buttons and its chart are inside the window
    w.show_tab("inventory")
    _settle()
    for part in (w.statusBar(), w.inventory_tab.chart, w.model_label, w.data_label):
        assert part.isVisible() and unreachable(part) == "", _label(part)


def test_target_fields_keep_their_width_and_the_form_reflows(qtbot, make_main_window):
    w = make_main_window(screen=(1280, 720))
    w.show_tab("target")
    _settle()
    tab = w.target_tab
    for f in tab.fields.values():
        fm = f.edit.fontMetrics()
        assert f.edit.width() >= fm.horizontalAdvance("0000.00"), f.key  # never squeezed to ~40 px
    form = tab.findChild(QAbstractScrollArea, "targetForm")
    assert form.packing == (2, 1)  # the explanation flows under the two form columns
    assert unreachable(tab.generate_button) == ""
    assert tab.generate_button.mapTo(w, tab.generate_button.rect().bottomLeft()).y() < w.height()  # in view
    w.resize(1920, 1040)
    _settle()
    assert form.packing == (3,)  # all three side by side on a wide window


def test_feedback_save_is_always_in_view_and_fields_are_not_cut(qtbot, make_main_window):
    w = make_main_window(screen=(1280, 720))
    w.show_tab("feedback")
    _settle()
    fb = w.panels["feedback"]
    save = fb.save_button
    top_left = save.mapTo(w, save.rect().topLeft())
    assert QRect(0, 0, w.width(), w.height()).contains(QRect(top_left, save.size()))  # no scrolling needed
    for f in fb.fields.values():
        edit = f.edit
        assert edit.width() >= edit.fontMetrics().horizontalAdvance("not reported") + 8, f.key
    assert not fb.form.scroll.horizontalScrollBar().isVisible()


def test_model_run_history_shows_several_rows(qtbot, make_main_window):
    w = make_main_window(screen=(1280, 720))
    w.show_tab("model")
    _settle()
    table = w.panels["model"].runs_table
    rows_h = table.verticalHeader().defaultSectionSize()
    assert table.viewport().height() >= 4 * rows_h


def test_a_saved_size_too_big_for_this_screen_is_not_restored(qtbot, make_main_window):
    big = make_main_window(screen=(1920, 1080))
    big.resize(1800, 1000)
    big.close()
    assert window_settings().value("window/geometry") is not None
    small = make_main_window(screen=(1280, 720))
    assert small.width() <= 1280 and small.height() <= 680
    small.resize(small.width(), 600)
    small.close()
    again = make_main_window(screen=(1280, 720))
    # a size that fits is restored (Qt itself narrows a restored window to the real 800 x 800 offscreen
    # screen, down to the window's minimum width, so only the height is exact here)
    assert again.height() == 600 and again.width() <= 1280


def test_a_panel_docked_on_the_right_fits_beside_the_tabs(qtbot, make_main_window):
    """A panel registered as a dock (ui/panels.py area="dock") opens inside the window at 1280 x 720,
    its buttons reachable, and the tabs keep their buttons reachable beside it."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    from spacetrash_desktop.ui.panels import PanelSpec, register_panel, unregister_panel

    def notes_panel(_ctx):
        panel = QWidget()
        lay = QVBoxLayout(panel)
        lay.addWidget(QLineEdit())
        lay.addWidget(QPushButton("Save the note"))
        return panel

    register_panel(PanelSpec("notes", "Notes", notes_panel, area="dock"))
    try:
        w = make_main_window(screen=(1280, 720))
    finally:
        unregister_panel("notes")
    w.show_tab("notes")
    _settle()
    dock = w.docks["notes"]
    assert dock.isVisible() and QRect(0, 0, w.width(), w.height()).contains(dock.geometry())
    button = dock.widget().findChild(QPushButton)
    assert button.isVisible() and unreachable(button) == ""
    w.show_tab("inventory")
    _settle()
    for b in w.inventory_tab.findChildren(QAbstractButton):
        if b.isVisible():
            assert unreachable(b) == "", _label(b)
