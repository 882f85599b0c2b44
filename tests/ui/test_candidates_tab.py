"""Candidates tab: streaming partial results, Cancel that keeps them, a second Generate that drops
the first run, a GUI thread that stays responsive, worker errors shown as messages, exports that
re-read equal."""

from __future__ import annotations

import json
import logging
import time

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage

from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.errors import ModelError
from spacetrash_desktop.services.generate import generate
from spacetrash_desktop.services.results_io import result_to_dict, result_to_frame
from spacetrash_desktop.services.workorder import work_order_for_candidate, work_order_html, write_work_order
from spacetrash_desktop.ui.recipe_detail import safety_html

from .conftest import run_to_end

# a slow scorer and small batches make a run of several seconds on the default inventory
LONG = {"generate_options": {"chunk": 500}}


@pytest.mark.slow
def test_generate_streams_partial_results_then_finishes(qtbot, make_main_window, slow_scorer):
    w = make_main_window(scorer_factory=lambda: slow_scorer(delay=0.02), generate_options={"chunk": 1500})
    tab = w.candidates_tab
    applied = []
    tab.view_applied.connect(applied.append)
    with qtbot.waitSignal(tab.run_finished, timeout=60000) as done:
        w.generate()
        assert tab.running and tab.cancel_button.isEnabled()
        qtbot.waitUntil(lambda: any(len(v) and not v.final for v in applied), timeout=30000)
        assert tab.running  # rows are in the table while the search goes on
        assert tab.model.rowCount() > 0
        assert "scored" in tab.counts.text()
    assert done.args == ["finished"]
    final = w.ctx.results.view
    assert final.final and len(final) > 0 and final.n_front > 0
    assert tab.model.rowCount() == len(final)
    assert tab.counts.text().startswith("Done.")
    assert not tab.cancel_button.isEnabled() and tab.export_button.isEnabled()
    # every row shows its interval and the units are in the headers
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert "Energy (kWh)" in headers and "Rigidity (0–1)" in headers
    cell = tab.model.data(tab.model.index(0, headers.index("Energy (kWh)")))
    assert "[" in cell and "–" in cell


def test_cancel_mid_run_keeps_partial_results(qtbot, make_main_window, slow_scorer):
    w = make_main_window(scorer_factory=lambda: slow_scorer(delay=0.05), **LONG)
    tab = w.candidates_tab
    with qtbot.waitSignal(tab.run_finished, timeout=60000) as done:
        w.generate()
        qtbot.waitUntil(lambda: len(w.ctx.results.view) > 0, timeout=30000)
        shown = len(w.ctx.results.view)
        w.activateWindow()
        qtbot.waitActive(w)
        qtbot.keyClick(w, Qt.Key.Key_Escape)  # Esc cancels
        assert not tab.cancel_button.isEnabled()
        assert "Stopping" in tab.counts.text()
    assert done.args == ["cancelled"]
    view = w.ctx.results.view
    assert view.stats.get("cancelled") is True
    assert len(view) >= 1 and tab.model.rowCount() == len(view) and shown >= 1
    assert tab.counts.text().startswith("Stopped")
    assert not w.runner.is_busy("generate")


def test_a_second_generate_cancels_the_first_without_stale_rows(qtbot, make_main_window, slow_scorer):
    w = make_main_window(scorer_factory=lambda: slow_scorer(delay=0.03), **LONG)
    tab = w.candidates_tab
    first = w.generate() or tab.task
    qtbot.waitUntil(lambda: len(w.ctx.results.view) > 0, timeout=30000)
    # a different target: every recipe of the new run has a 2 kg batch
    field = w.target_tab.fields["batch_mass_kg"]
    field.edit.clear()
    qtbot.keyClicks(field.edit, "2")
    assert w.ctx.target.batch_mass_kg == 2.0
    seen, ended = [], []
    w.ctx.results.view_changed.connect(seen.append)
    w.runner.task_ended.connect(lambda t, outcome: ended.append((t.id, outcome)))
    w.ctx.scorer_factory = lambda: slow_scorer(delay=0.0)
    with qtbot.waitSignal(tab.run_finished, timeout=60000) as done:
        w.generate()
    assert done.args == ["finished"]
    assert (first.id, "dropped") in ended
    qtbot.waitUntil(lambda: not w.runner.active_tasks(), timeout=30000)  # the old worker has wound down
    assert seen and all(v.serial == 2 for v in seen)
    assert all(c.recipe.batch_mass_kg == 2.0 for v in seen for c in v.candidates)
    final = w.ctx.results.view
    assert final.serial == 2 and all(c.recipe.batch_mass_kg == 2.0 for c in final.candidates)
    rows = [tab.model.recipe_id(r) for r in range(tab.model.rowCount())]
    assert set(rows) == set(final.ids)


def test_gui_thread_stays_responsive_during_generation(qtbot, make_main_window, slow_scorer):
    w = make_main_window(scorer_factory=lambda: slow_scorer(delay=0.05), **LONG)
    tab = w.candidates_tab
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    w.generate()
    timer.start()
    try:
        qtbot.waitUntil(lambda: len(ticks) >= 50, timeout=30000)
        assert tab.running  # 50 ticks of a GUI-thread timer went by while the run was in progress
        assert w.runner.is_busy("generate")
    finally:
        timer.stop()
    with qtbot.waitSignal(tab.run_finished, timeout=30000):
        tab.cancel()


def test_a_worker_exception_is_shown_as_a_message_and_the_window_stays_usable(
    qtbot, make_main_window, slow_scorer, caplog
):
    w = make_main_window(scorer_factory=lambda: slow_scorer(delay=0.0, fail_after=1))
    tab = w.candidates_tab
    caplog.set_level(logging.ERROR)
    assert run_to_end(qtbot, w) == "failed"
    dlg = w.last_error_dialog
    assert dlg.isVisible()
    # the code is for a report (tooltip, Copy details), never in the text the crew reads
    assert "INTERNAL" in dlg.code_label.toolTip() and "INTERNAL" in dlg.details_text
    assert not any("INTERNAL" in lbl.text() for lbl in (dlg.code_label, dlg.message_label, dlg.hint_label))
    assert "recipe generation" in dlg.message_label.text() and "Traceback" not in dlg.message_label.text()
    qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
    details = QGuiApplication.clipboard().text()
    assert "Traceback" in details and "the test scorer broke on purpose" in details and "Versions:" in details
    assert any("the test scorer broke on purpose" in r.getMessage() for r in caplog.records)  # traceback to the log
    assert "error" in tab.counts.text()
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    # a model error carries its own code
    w.ctx.scorer_factory = lambda: slow_scorer(
        delay=0.0, fail_after=0, error=ModelError("The model bundle is damaged.")
    )
    assert run_to_end(qtbot, w) == "failed"
    assert "MODEL_ERROR" in w.last_error_dialog.code_label.toolTip()
    assert "MODEL_ERROR" not in w.last_error_dialog.code_label.text()
    assert w.last_error_dialog.message_label.text() == "The model bundle is damaged."
    w.last_error_dialog.close()
    # the window still works
    w.ctx.scorer_factory = PhysicsScorer
    assert run_to_end(qtbot, w) == "finished"
    assert tab.model.rowCount() > 0


def test_exports_re_read_equal(qtbot, make_main_window, tmp_path, catalog):
    w = make_main_window()
    assert run_to_end(qtbot, w) == "finished"
    tab = w.candidates_tab
    result = w.ctx.results.view.result

    def wait(task):
        qtbot.waitUntil(lambda: task.state == "finished", timeout=20000)

    wait(tab.export_to(str(tmp_path / "recipes.json")))
    wait(tab.export_to(str(tmp_path / "recipes.csv")))
    wait(tab.export_to(str(tmp_path / "front.json"), front_only=True))
    wait(tab.export_to(str(tmp_path / "front.csv"), front_only=True))

    doc = json.loads((tmp_path / "recipes.json").read_text(encoding="utf-8"))
    expected = result_to_dict(result)
    assert doc["recipes"] == expected["recipes"] and doc["front"] == expected["front"]
    assert doc["target"] == result.target.to_dict()

    back = pd.read_csv(tmp_path / "recipes.csv", encoding="utf-8-sig", keep_default_na=False)
    frame = result_to_frame(result)
    assert list(back.columns) == list(frame.columns) and len(back) == len(frame)
    for col in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[col]) and not pd.api.types.is_bool_dtype(frame[col]):
            assert np.allclose(back[col].astype(float), frame[col].astype(float), rtol=1e-12, atol=0), col
        else:
            assert back[col].astype(str).tolist() == frame[col].astype(str).tolist(), col

    front_ids = {c.recipe_id for c in result.candidates if c.on_front}
    front = json.loads((tmp_path / "front.json").read_text(encoding="utf-8"))
    assert {r["id"] for r in front["recipes"]} == front_ids
    assert set(pd.read_csv(tmp_path / "front.csv", encoding="utf-8-sig")["id"]) == front_ids

    # the inventory export re-imports to the same stock
    inv = w.inventory_tab.export_to(str(tmp_path / "inventory.csv"))
    wait(inv)
    from spacetrash_desktop.catalog import import_inventory

    again = import_inventory(tmp_path / "inventory.csv", catalog.material_lookup(), write_error_log=False)
    assert not again.errors
    for a, b in zip(again.items, w.ctx.inventory.items):
        assert (a.item_id, a.name, a.category, a.count, a.flags) == (b.item_id, b.name, b.category, b.count, b.flags)
        assert a.mass_kg == pytest.approx(b.mass_kg) and a.moisture_pct == pytest.approx(b.moisture_pct)
        assert dict(a.composition) == pytest.approx(dict(b.composition))

    # the work order of a recipe of the exported results file
    first = next(c for c in result.candidates if c.feasible)
    write_work_order(tmp_path / "recipes.json", first.recipe_id, tmp_path / "order.html")
    text = (tmp_path / "order.html").read_text(encoding="utf-8")
    assert first.recipe_id in text and "Safety notes for this process" in text and "Procedure" in text

    # the trade-off plot as PNG
    w.show_tab("tradeoffs")
    png = w.tradeoffs_tab.export_png(str(tmp_path / "plot.png"))
    wait(png)
    img = QImage(str(tmp_path / "plot.png"))
    assert not img.isNull() and img.width() > 200 and img.height() > 100


def test_detail_pane_shows_the_selected_recipe(qtbot, make_main_window):
    w = make_main_window()
    assert run_to_end(qtbot, w) == "finished"
    tab = w.candidates_tab
    tab.table.selectRow(0)
    cand = w.ctx.results.view.candidate(w.ctx.selection.current)
    d = tab.detail
    assert d.cand is cand
    assert cand.process_name in d.header.text()
    assert all(name.split(" (")[0][:10] in d.composition.text() for name in cand.item_names)
    inputs = sum(f.kg for f in d.sankey.inputs)
    outputs = sum(f.kg for f in d.sankey.outputs)
    assert inputs == pytest.approx(cand.details["feed_kg"], rel=1e-6)
    assert outputs == pytest.approx(inputs, rel=1e-3)  # mass balance
    assert "Molten polymer share" in d.why.text()
    assert d.safety.text()
    # the contributions are worked out on a worker, then shown
    qtbot.waitUntil(lambda: "How each value adds up" in d.why.text(), timeout=20000)
    assert "Rigidity" in d.why.text()


def test_the_safety_section_and_the_work_order_name_each_material_hazard_and_its_ppe(catalog):
    """A carbon-powder recipe: the detail pane's safety section and the work order show the
    combustible-dust hazard with its protective equipment; a recipe without pouches is not told to
    rinse pouches."""
    target = catalog.targets["daring_discoveries"]
    res = generate(list(catalog.default_inventory), target, scorer=PhysicsScorer(), time_budget_s=5, seed=1)
    cand = next(c for c in res.candidates if any(i == "W019" for i, _ in c.recipe.items))
    html_text = safety_html(cand)
    assert "combustible dust" in html_text and "Protect:" in html_text and "P100/FFP3" in html_text
    order = work_order_html(work_order_for_candidate(cand, target))
    assert "Hazards of the materials and protective equipment" in order
    section = order.split("Hazards of the materials and protective equipment", 1)[1].split("Safety notes", 1)[0]
    assert "combustible dust" in section.lower() and "Protect:" in section and "P100/FFP3" in section
    assert "COMBUSTIBLE_DUST" not in order  # the code stays in the result JSON; the crew reads words
    for c in res.candidates:
        if not any(i in ("W007", "W008", "W009") for i, _ in c.recipe.items):
            assert "pouch" not in safety_html(c).lower(), c.recipe_id
            notes = work_order_for_candidate(c, target).safety_notes
            assert "rinse food residue" not in " ".join(notes).lower(), c.recipe_id


def test_the_window_marks_the_recommended_recipe_and_says_why(qtbot, make_main_window):
    w = make_main_window()
    assert run_to_end(qtbot, w) == "finished"
    tab = w.candidates_tab
    view = w.ctx.results.view
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    status_col, chance_col = headers.index("Feasibility"), headers.index("Chance %")
    marks = [r for r in range(tab.model.rowCount()) if "Recommended" in tab.model.data(tab.model.index(r, status_col))]
    assert len(marks) == 1  # exactly one row carries the mark
    rec = view.candidate(tab.model.recipe_id(marks[0]))
    assert rec is not None and rec.recommended and rec.feasible and view.recommended == rec.recipe_id
    assert view.row_of[rec.recipe_id] == 0  # first in the engine's order (#1)
    assert tab.model.data(tab.model.index(marks[0], chance_col)).endswith("%")
    assert (
        "chance of meeting every requirement" in tab.recommendation.text()
        and rec.recipe_id in tab.recommendation.text()
    )
    assert "at least a 90% chance" in tab.recommendation.toolTip()  # the ordering rule in plain words
    assert f"feasible ({view.n_confident:,} confidently)" in tab.counts.text()
    # the detail pane says it for the recommended recipe, and names it for another one
    tab.table.selectRow(marks[0])
    assert tab.detail.cand is rec and "★ Recommended" in tab.detail_note.text()
    assert "★ Recommended" in work_order_html(work_order_for_candidate(rec, view.target))
    other = next(r for r in range(tab.model.rowCount()) if r != marks[0])
    assert "★ Recommended" not in work_order_html(
        work_order_for_candidate(view.candidate(tab.model.recipe_id(other)), view.target)
    )
    tab.table.selectRow(other)
    assert "Not the recommended recipe" in tab.detail_note.text() and rec.recipe_id in tab.detail_note.text()
