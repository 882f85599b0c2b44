"""Feedback panel: validation at the field, save (the full row read back), a disk that refuses (the
row kept in memory, Retry records it once, nothing earlier touched), the list of past feedback
(filter, sort, predicted vs actual), reporting again on a past recipe, and the File-menu export and
import."""

from __future__ import annotations

import errno
import json
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from spacetrash_desktop.domain import ModelInfo
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.services import feedback as fb_service
from spacetrash_desktop.ui.feedback_views import FEEDBACK_COLUMNS, PVA_COLUMNS

from .conftest import run_to_end

TEST_MODEL = ModelInfo(name="test-model", version="9.9.9", status="ready", reason="a test model")


def named_scorer():
    return PhysicsScorer(TEST_MODEL)


@pytest.fixture
def generated(qtbot, make_main_window):
    """A window that generated recipes (physics, named test model), with the first recipe selected."""

    def make(**kwargs):
        kwargs.setdefault("scorer_factory", named_scorer)
        w = make_main_window(**kwargs)
        w.ctx.set_time_budget(5)
        assert run_to_end(qtbot, w) == "finished"
        w.candidates_tab.table.selectRow(0)
        rid = w.candidates_tab.model.recipe_id(0)
        assert w.ctx.selection.current == rid
        return w, w.ctx.results.view.candidate(rid)

    return make


def open_feedback(qtbot, w):
    """The detail pane's "Report how it turned out…" button: pins the recipe, shows the panel."""
    fb = w.panels["feedback"]
    button = w.candidates_tab.detail.report_button
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert w.current_tab_key() == "feedback"
    return fb


def type_into(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def fill(qtbot, fb, *, methods=None, hows=None, outcome=None, notes=None, who=None, **values) -> None:
    for key, text in values.items():
        type_into(qtbot, fb.fields[key].edit, text)
    for key, method in (methods or {}).items():
        combo = fb.methods[key]
        combo.setCurrentIndex(combo.findData(method))
    for key, text in (hows or {}).items():
        type_into(qtbot, fb.hows[key], text)
    if outcome:
        qtbot.mouseClick(fb.outcome_buttons[outcome], Qt.MouseButton.LeftButton)
    if notes:
        qtbot.keyClicks(fb.notes, notes)
    if who is not None:
        type_into(qtbot, fb.who.lineEdit(), who)


def save(qtbot, fb, timeout: int = 20000) -> str:
    with qtbot.waitSignal(fb.saved, timeout=timeout) as blocker:
        qtbot.mouseClick(fb.save_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def wait_list(qtbot, fb, n: int) -> None:
    qtbot.waitUntil(lambda: fb._list_task is None and fb.list_model.source_count == n, timeout=20000)


# ---------------------------------------------------------------------------------- the form


def test_values_are_refused_at_the_field_and_save_waits_until_the_form_makes_sense(qtbot, generated):
    w, cand = generated()
    fb = open_feedback(qtbot, w)
    assert fb.made is not None and fb.made.recipe_id == cand.recipe_id
    assert cand.recipe_id in fb.recipe_label.text() and "test-model 9.9.9" in fb.recipe_label.text()
    assert not fb.save_button.isEnabled()  # nothing reported yet
    assert "at least one result" in fb.form_hint.text()

    cases = [
        ("energy_kwh", "-1", "Cannot be negative"),
        ("water_l", "lots", "is not a number"),
        ("rigidity", "1.5", "Too high"),
        ("tightness", "-0.1", "Cannot be negative"),
    ]
    for key, text, words in cases:
        f = fb.fields[key]
        type_into(qtbot, f.edit, text)
        assert words in f.error.text() and f.error.isVisibleTo(fb) and f.edit.property("invalid") is True
        assert f.value() is None
        assert not fb.save_button.isEnabled() and words in fb.save_button.toolTip()
        f.edit.clear()  # empty = not reported: valid again
        assert not f.reason and f.edit.property("invalid") is False

    type_into(qtbot, fb.fields["rigidity"].edit, "0.62")
    assert not fb.save_button.isEnabled()  # measured or judged?
    assert "measured or judged" in fb.method_errors["rigidity"].text()
    fill(qtbot, fb, methods={"rigidity": "judged"})
    assert not fb.method_errors["rigidity"].isVisibleTo(fb)
    assert fb.save_button.isEnabled() and fb.save_action.isEnabled()
    fill(qtbot, fb, methods={"tightness": "measured"})  # a method without a value
    assert not fb.save_button.isEnabled() and "Enter the tightness" in fb.method_errors["tightness"].text()
    fill(qtbot, fb, tightness="0,8")  # a decimal comma is a number
    assert fb.fields["tightness"].value() == pytest.approx(0.8) and fb.save_button.isEnabled()

    fb.clear_form()  # pass/fail alone is a result
    assert not fb.save_button.isEnabled()
    fill(qtbot, fb, outcome="failed")
    assert fb.save_button.isEnabled()
    assert fb.report() == {"passed": False}


def test_save_records_the_full_row_at_once_and_shows_its_id(qtbot, generated, make_main_window):
    w, cand = generated()
    fb = open_feedback(qtbot, w)
    fill(
        qtbot,
        fb,
        rigidity="0.55",
        tightness="0.7",
        energy_kwh="1.25",
        water_l="0.4",
        crew_min="35",
        product_mass_kg="0.95",
        methods={"rigidity": "measured", "tightness": "judged"},
        hows={"rigidity": "3-point bend of a 10 cm strip", "tightness": "held water for an hour"},
        outcome="passed",
        notes="Edges needed trimming.",
        who="Ana",
    )
    row_id = save(qtbot, fb)
    assert row_id in fb.save_status.text() and "Saved" in fb.save_status.text()
    assert fb.fields["rigidity"].edit.text() == "" and fb.who.currentText() == "Ana"  # cleared; who stays

    row = fb_service.get_feedback(row_id, decode=True)
    assert row is not None and len(row_id) == 32
    assert row["recipe_id"] == cand.recipe_id
    recipe = row["recipe_json"]
    assert recipe["id"] == cand.recipe_id and recipe["process_id"] == cand.recipe.process_id
    assert [(i["item_id"], i["fraction"]) for i in recipe["items"]] == [
        (iid, pytest.approx(f, abs=1e-6)) for iid, f in cand.recipe.items
    ]
    assert recipe["regolith_frac"] == pytest.approx(cand.recipe.regolith_frac, abs=1e-6)
    assert recipe["batch_mass_kg"] == pytest.approx(cand.recipe.batch_mass_kg)
    assert row["target_json"] == json.loads(json.dumps(w.ctx.results.view.run.target.to_dict()))
    props = row["prediction_json"]["properties"]
    for name in ("rigidity", "tightness", "energy_kwh", "water_l", "crew_min"):
        assert props[name]["value"] == pytest.approx(cand.values[name], abs=1e-6)
        assert props[name]["low"] == pytest.approx(cand.low[name], abs=1e-6)
        assert props[name]["high"] == pytest.approx(cand.high[name], abs=1e-6)
    assert (row["model_name"], row["model_version"]) == ("test-model", "9.9.9")
    assert row["rigidity"] == 0.55 and row["rigidity_method"] == "measured"
    assert row["rigidity_how"] == "3-point bend of a 10 cm strip" and row["tightness_method"] == "judged"
    assert (row["energy_kwh"], row["water_l"], row["crew_min"], row["product_mass_kg"]) == (1.25, 0.4, 35.0, 0.95)
    assert row["passed"] is True and row["notes"] == "Edges needed trimming." and row["who"] == "Ana"

    # a second report on the same recipe is a second row with its own id
    fill(qtbot, fb, outcome="failed")
    second = save(qtbot, fb)
    assert second != row_id
    wait_list(qtbot, fb, 2)
    assert set(fb.list_model.view.ids) == {row_id, second}

    # who is remembered for next time
    w.close()
    w2 = make_main_window()
    assert w2.panels["feedback"].who.currentText() == "Ana"


def test_a_full_disk_keeps_the_row_in_memory_and_retry_records_it_once(qtbot, generated, monkeypatch):
    import spacetrash_desktop.storage.journal as journal_mod
    from spacetrash_desktop.errors import storage_error_from_os

    w, cand = generated()
    fb = open_feedback(qtbot, w)
    fill(qtbot, fb, energy_kwh="1.1", who="Kenji")
    first = save(qtbot, fb)
    before = fb_service.list_feedback()

    real_write = journal_mod.atomic_write_bytes
    state = {"full": True, "attempts": 0}

    def write(path, data, *, what=None):
        if state["full"]:
            state["attempts"] += 1
            raise storage_error_from_os(OSError(errno.ENOSPC, "No space left on device"), what or "a file")
        return real_write(path, data, what=what)

    monkeypatch.setattr(journal_mod, "atomic_write_bytes", write)
    fill(qtbot, fb, energy_kwh="2.2", crew_min="40", methods={}, outcome="passed")
    with qtbot.waitSignal(fb.save_failed, timeout=20000) as blocker:
        qtbot.mouseClick(fb.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].code.value == "STORAGE_ERROR"
    assert fb.pending_frame.isVisibleTo(fb) and fb.retry_button.isEnabled()
    assert "1 report is not saved yet" in fb.pending_label.text() and "the disk is full" in fb.pending_label.text()
    qtbot.waitUntil(lambda: getattr(w, "last_error_dialog", None) is not None and w.last_error_dialog.isVisible())
    assert w.last_error_dialog.failure.code.value == "STORAGE_ERROR"
    assert "the disk is full" in w.statusBar().currentMessage()
    assert fb.unsaved_count() == 1
    (kept,) = [r["row_id"] for r in fb_service.pending_feedback()]  # the service keeps it
    assert "1 feedback report could not be saved" in fb.close_warning()
    asked = []

    def warning(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", warning)
    w.close()  # closing now would lose it: the window asks first, and Cancel keeps it open
    assert asked and "could not be saved" in asked[0] and w.isVisible() and not w._closed
    # nothing earlier was touched
    after = fb_service.list_feedback()
    assert list(after["row_id"]) == [first] and after.equals(before)

    # Save again with the same report while the disk is still full: the same row, not a second one
    with qtbot.waitSignal(fb.save_failed, timeout=20000):
        qtbot.mouseClick(fb.save_button, Qt.MouseButton.LeftButton)
    assert [r["row_id"] for r in fb_service.pending_feedback()] == [kept] and state["attempts"] == 2
    w.last_error_dialog.close()

    state["full"] = False
    with qtbot.waitSignal(fb.saved, timeout=20000) as blocker:
        qtbot.mouseClick(fb.retry_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == kept
    assert not fb.pending_frame.isVisibleTo(fb) and fb.unsaved_count() == 0 and not fb.close_warning()
    assert fb_service.pending_feedback() == []
    rows = fb_service.list_feedback()
    assert sorted(rows["row_id"]) == sorted([first, kept])  # recorded once
    saved = fb_service.get_feedback(kept, decode=True)
    assert saved["energy_kwh"] == 2.2 and saved["crew_min"] == 40 and saved["passed"] is True
    assert saved["recipe_id"] == cand.recipe_id
    wait_list(qtbot, fb, 2)
    # a retry that finds everything saved records nothing more
    assert fb.retry() is None


def test_a_failed_save_that_is_not_a_disk_problem_is_not_kept(qtbot, generated, monkeypatch):
    w, _cand = generated()
    fb = open_feedback(qtbot, w)
    fill(qtbot, fb, water_l="0.3")

    def broken(row):
        raise RuntimeError("a bug in the journal")

    monkeypatch.setattr(fb_service, "record_feedback", broken)
    with qtbot.waitSignal(fb.save_failed, timeout=20000) as blocker:
        qtbot.mouseClick(fb.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].code.value == "INTERNAL"
    assert fb.unsaved_count() == 0 and not fb.pending_frame.isVisibleTo(fb)
    assert fb.fields["water_l"].edit.text() == "0.3"  # the form keeps what was typed
    qtbot.waitUntil(lambda: getattr(w, "last_error_dialog", None) is not None)
    w.last_error_dialog.close()


# ---------------------------------------------------------------------------------- past feedback


def _record(cand, target, model: dict, **report) -> str:
    from spacetrash_desktop.ui.feedback_views import MadeRecipe

    made = MadeRecipe.from_candidate(cand, target, model)
    return fb_service.record_feedback(
        made.to_row(report, row_id=fb_service.new_row_id(), recorded_at=fb_service.utc_now_iso())
    )


def test_past_feedback_filters_sorts_and_shows_predicted_vs_actual(qtbot, generated):
    w, _ = generated()
    view = w.ctx.results.view
    c1, c2 = view.candidates[0], view.candidates[1]
    target = view.run.target
    low, high = c1.low["rigidity"], c1.high["rigidity"]
    inside, outside = (low + high) / 2, min(1.0, high + 0.05) if high < 0.95 else max(0.0, low - 0.05)
    r1 = _record(
        c1,
        target,
        {"name": "m", "version": "1.0.0"},
        who="Ana",
        rigidity=inside,
        rigidity_method="measured",
        rigidity_how="bend test",
        energy_kwh=1.0,
    )
    r2 = _record(
        c1,
        target,
        {"name": "m", "version": "2.0.0"},
        who="Kenji",
        rigidity=outside,
        rigidity_method="judged",
        passed=False,
    )
    r3 = _record(c2, target, {"name": "m", "version": "2.0.0"}, who="Ana", crew_min=12.0, notes="fine")
    fb = w.panels["feedback"]
    with qtbot.waitSignal(fb.list_loaded, timeout=20000):
        w.show_tab("feedback")  # the list is read when the panel is first shown
    assert fb.list_model.rowCount() == 3 and "3 reports" in fb.count_label.text()

    def shown():
        return {fb.list_model.row_id(r) for r in range(fb.list_model.rowCount())}

    fb.field_combo.setCurrentIndex(fb.field_combo.findData("who"))
    qtbot.keyClicks(fb.filter_edit, "ana")
    assert shown() == {r1, r3} and "2 of 3" in fb.count_label.text()
    fb.field_combo.setCurrentIndex(fb.field_combo.findData("model"))
    type_into(qtbot, fb.filter_edit, "2.0.0")
    assert shown() == {r2, r3}
    fb.field_combo.setCurrentIndex(fb.field_combo.findData("recipe"))
    type_into(qtbot, fb.filter_edit, c2.recipe_id.lower())
    assert shown() == {r3}
    fb.field_combo.setCurrentIndex(fb.field_combo.findData("all"))
    type_into(qtbot, fb.filter_edit, "kenji")
    assert shown() == {r2}
    fb.filter_edit.clear()
    assert len(shown()) == 3

    # sort by the rigidity column in the model (actual values; missing last)
    col = [k for k, _t, _tip in FEEDBACK_COLUMNS].index("rigidity")
    fb.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    order = [fb.list_model.row_id(r) for r in range(3)]
    assert order[2] == r3 and order[:2] == sorted([r1, r2], key=lambda r: inside if r == r1 else outside)

    # predicted vs actual for the selected report, as services.feedback.predicted_vs_actual says
    fb.table.selectRow(order.index(r2))
    pva = fb_service.predicted_vs_actual(fb_service.list_feedback({"recipe_id": c1.recipe_id}))
    line = pva[(pva.row_id == r2) & (pva.property == "rigidity")].iloc[0]
    cells = dict(zip([c[0] for c in PVA_COLUMNS], fb.pva_model.rows[0][0]))
    assert cells["property"].startswith("Rigidity") and cells["inside"] == "no" and not line.inside_interval
    assert cells["predicted"] == f"{line.predicted:.2f}" and cells["actual"] == f"{line.actual:.2f}"
    assert cells["how"] == "judged"
    assert "Kenji" in fb.pva_title.text() and "failed" in fb.pva_title.text()
    fb.table.selectRow([fb.list_model.row_id(r) for r in range(3)].index(r1))
    cells = dict(zip([c[0] for c in PVA_COLUMNS], fb.pva_model.rows[0][0]))
    assert cells["inside"] == "yes" and cells["how"] == "measured: bend test"
    assert fb.pva_model.rowCount() == 2  # rigidity and energy were reported
    # the table cell says actual vs predicted and is coloured by the interval
    idx = fb.list_model.index(fb.table.currentIndex().row(), col)
    assert " vs " in fb.list_model.data(idx) and fb.list_model.data(idx, Qt.ItemDataRole.ForegroundRole) is not None


def test_report_again_on_a_past_recipe_keeps_its_recipe_prediction_and_model(qtbot, generated):
    w, cand = generated()
    first = _record(
        cand,
        w.ctx.results.view.run.target,
        {"name": "old-model", "version": "0.9"},
        who="Ana",
        tightness=0.5,
        tightness_method="judged",
    )
    fb = w.panels["feedback"]
    with qtbot.waitSignal(fb.list_loaded, timeout=20000):
        w.show_tab("feedback")
    fb.table.selectRow(0)
    assert fb.again_button.isEnabled()
    qtbot.mouseClick(fb.again_button, Qt.MouseButton.LeftButton)
    assert fb.made.source == "feedback" and fb.made.recipe_id == cand.recipe_id
    assert "from a past report" in fb.recipe_label.text() and "old-model 0.9" in fb.recipe_label.text()
    fill(qtbot, fb, crew_min="30")
    second = save(qtbot, fb)
    a, b = fb_service.get_feedback(first, decode=True), fb_service.get_feedback(second, decode=True)
    for key in ("recipe_id", "recipe_json", "target_json", "prediction_json", "model_name", "model_version"):
        assert a[key] == b[key], key
    # back to a generated recipe: the selection in Candidates
    assert fb.use_selected_button.isEnabled()
    qtbot.mouseClick(fb.use_selected_button, Qt.MouseButton.LeftButton)
    assert fb.made.source == "results" and fb.made.recipe_id == w.ctx.selection.current


def test_menus_reach_the_panel_and_the_file_menu_exports_and_imports(qtbot, generated, tmp_path, monkeypatch):
    from spacetrash_desktop.storage.feedback_exchange import export_journal
    from spacetrash_desktop.storage.journal import FeedbackJournal

    w, cand = generated()
    fb = w.panels["feedback"]
    view_actions = {a.text(): a for a in w.view_menu.actions()}
    assert view_actions["Feedback"].shortcut().toString() == "Ctrl+5"
    assert view_actions["Model"].shortcut().toString() == "Ctrl+6"
    w.show_tab("inventory")
    view_actions["Feedback"].trigger()
    assert w.current_tab_key() == "feedback"
    file_actions = {a.text().replace("&", ""): a for a in w.file_menu.actions()}
    export = file_actions["Export feedback for trainers…"]
    imp = file_actions["Import feedback files…"]
    assert export.toolTip() and imp.toolTip()

    target = w.ctx.results.view.run.target
    mine = [_record(cand, target, {"name": "m", "version": "1"}, who="Ana", water_l=0.5) for _ in range(2)]
    out = tmp_path / "usb"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    with qtbot.waitSignal(fb.exported, timeout=20000) as blocker:
        export.trigger()
    result = blocker.args[0]
    assert result.rows == 2 and result.path.exists() and (out / "manifest.json").exists()
    qtbot.waitUntil(lambda: fb.message_box is not None and fb.message_box.isVisible())
    assert "2 reports exported" in fb.message_box.text() and result.path.name in fb.message_box.text()
    fb.message_box.close()

    # another laptop's export (one new row), this laptop's own export again (duplicates) and a damaged copy
    other = FeedbackJournal(tmp_path / "other-laptop")
    theirs = other.append(
        dict(fb_service.get_feedback(mine[0]), row_id=None, recorded_at=None, origin=None, who="Lena")
    )
    export_journal(other, tmp_path / "from-lena")
    damaged = tmp_path / "damaged"
    shutil.copytree(out, damaged)
    data = bytearray(result.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    (damaged / result.path.name).write_bytes(bytes(data))
    files = [str(tmp_path / "from-lena"), str(out), str(damaged / result.path.name)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    with qtbot.waitSignal(fb.imported, timeout=20000) as blocker:
        imp.trigger()
    summary = blocker.args[0]
    assert (summary.added, summary.duplicates, summary.refused) == (1, 2, 1)
    dlg = fb.import_dialog
    qtbot.waitUntil(dlg.isVisible)
    assert "1 report added" in dlg.heading.text() and "2 were already here" in dlg.heading.text()
    assert "1 file was refused" in dlg.heading.text()
    outcomes = [
        (dlg.model.data(dlg.model.index(r, 1)), dlg.model.data(dlg.model.index(r, 5)))
        for r in range(dlg.model.rowCount())
    ]
    assert ("refused", next(f.reason for f in summary.files if f.status == "refused")) in outcomes
    assert any("checksum" in reason for status, reason in outcomes if status == "refused")
    dlg.close()
    wait_list(qtbot, fb, 3)
    assert theirs in fb.list_model.view.ids
