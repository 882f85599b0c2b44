"""The Suggested trials view (Model panel) and the measurement widget (Feedback panel): from a
suggestion to its work order, to the feedback report filled from a measurement, to a retrain."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from spacetrash_desktop.services.suggest import measure


def test_a_bend_measurement_fills_the_rigidity_field_as_measured(qtbot, make_main_window):
    w = make_main_window()
    form = w.panels["feedback"].form
    mw = form.measure_widget
    mw.choose("bend")
    readings = {"load_g": 500, "span_mm": 100, "width_mm": 20, "thickness_mm": 4, "deflection_mm": 2}
    for k, v in readings.items():
        mw.set_reading(k, v)
    expected = measure("bend", readings)
    assert mw.apply_button.isEnabled()
    qtbot.mouseClick(mw.apply_button, Qt.MouseButton.LeftButton)
    assert float(form.entry.fields["rigidity"].edit.text()) == pytest.approx(expected.value, abs=5e-4)
    assert form.entry.methods["rigidity"].currentData() == "measured"
    assert "Three-point bend" in form.entry.hows["rigidity"].text()
    # a reading that cannot give a value says why and cannot be used
    mw.set_reading("deflection_mm", 0)
    assert not mw.apply_button.isEnabled() and "sag" in mw.result_label.text().lower()


@pytest.mark.slow
def test_from_a_suggestion_to_work_order_to_report_to_retrain(qtbot, make_main_window, tmp_path):
    from spacetrash_desktop.ml.train import TrainConfig
    from spacetrash_desktop.services import feedback as fb_service

    w = make_main_window()
    w.ctx.set_target(w.ctx.catalog.targets["shielding_tile"])
    mp = w.panels["model"]
    tv = mp.trials_view
    tv.n_spin.setValue(3)
    with qtbot.waitSignal(tv.plan_ready, timeout=120000) as blocker:
        qtbot.mouseClick(tv.suggest_button, Qt.MouseButton.LeftButton)
    plan = blocker.args[0]
    assert 1 <= len(plan.suggestions) <= 3 and tv.table.rowCount() == len(plan.suggestions)
    assert tv.work_order_button.isEnabled() and tv.report_button.isEnabled()
    first = plan.suggestions[0]

    # the work order of the selected trial
    with qtbot.waitSignal(tv.work_order_opened, timeout=30000) as opened:
        qtbot.mouseClick(tv.work_order_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert dialog.order.recipe_id == first.candidate.recipe_id and first.candidate.recipe_id in dialog.html
    dialog.close()

    # Report result… opens the Feedback panel on that recipe; a measurement fills rigidity
    qtbot.mouseClick(tv.report_button, Qt.MouseButton.LeftButton)
    form = w.panels["feedback"].form
    assert w.current_tab_key() == "feedback" and form.made is not None
    assert form.made.recipe_id == first.candidate.recipe_id
    mw = form.measure_widget
    mw.choose("bend")
    for k, v in {"load_g": 500, "span_mm": 100, "width_mm": 20, "thickness_mm": 4, "deflection_mm": 2}.items():
        mw.set_reading(k, v)
    qtbot.mouseClick(mw.apply_button, Qt.MouseButton.LeftButton)
    form.entry.fields["energy_kwh"].edit.setText("1.2")
    with qtbot.waitSignal(form.saved, timeout=20000) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    row = fb_service.get_feedback(saved.args[0])
    assert row["recipe_id"] == first.candidate.recipe_id and row["rigidity_method"] == "measured"

    # the journal's report counts in the next plan, and a retrain from the journal takes it
    with qtbot.waitSignal(tv.plan_ready, timeout=120000) as again:
        qtbot.mouseClick(tv.suggest_button, Qt.MouseButton.LeftButton)
    assert again.args[0].feedback_rows == 1
    mp.retrain_config_factory = TrainConfig.small
    with qtbot.waitSignal(mp.retrain_finished, timeout=240000) as done:
        mp.start_retrain(use_journal=True, promote=False)
    outcome, run = done.args
    assert outcome == "done"
    assert run.artifacts["journal_row_ids"] == [saved.args[0]]
    assert run.data["by_property"]["rigidity"]["measured"] == 1
