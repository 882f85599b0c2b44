"""The Feedback and Model panels in Spanish: with the Spanish catalogue installed, every text a crew
member can read there (the report form, the past feedback and its predicted vs actual, the
measurement widget with each protocol, the active model, the installed models, retraining, a run's
drift, metrics, checks and data tabs, the suggested trials) is Spanish, a number, a unit, an id or a
dataset text; then the window goes back to English.

The only texts let through are those of the test's fake retraining run (its reason, checks, drift
labels and drift summary, written by the test in English, not by the services) and ids: they are
listed from the run itself, not by hand. The Data tab's field names are the window's own words. The model's status reason, the measurement's "how" line and
the suggested trials' notes and costs come from the layers below the window in Spanish
(``spacetrash_desktop.messages``) and are checked like every other text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from spacetrash_desktop.catalog.datasets import load_catalog as load_catalog_en
from spacetrash_desktop.services import feedback as fb_service
from spacetrash_desktop.services.suggest import measurement_protocols
from spacetrash_desktop.ui.feedback_views import MadeRecipe
from spacetrash_desktop.ui.i18n import current_language, install_language

from .conftest import run_to_end
from .test_model_panel import _fresh_registry_cache, fake_retrain, model_window  # noqa: F401 - fixtures
from .visible_text import untranslated, visible_texts

# readings that give a value for each protocol (the measurement's result line is then shown)
READINGS = {
    "bend": {"load_g": 500, "span_mm": 100, "width_mm": 20, "thickness_mm": 4, "deflection_mm": 2},
    "soak": {"dry_g": 50, "wet_g": 51, "length_mm": 100, "width_mm": 50, "thickness_mm": 5},
    "drip": {"head_mm": 100, "area_cm2": 20, "wall_mm": 3, "minutes": 60, "leak_g": 2},
    "water": {"water_before_kg": 10, "water_after_kg": 8.5},
    "product": {"product_g": 420},
    "energy": {"meter_before_kwh": 100, "meter_after_kwh": 101.5},
}


@pytest.fixture
def spanish():
    assert install_language("es"), "the Spanish catalogue (resources/i18n/spacetrash_es.qm) did not load"
    assert QCoreApplication.translate("FeedbackHistory", "Past feedback") == "Informes anteriores", (
        "the .qm lacks the feedback_model messages: python packaging/translations.py release es"
    )
    yield
    install_language("en")
    assert current_language() == "en"
    assert QCoreApplication.translate("FeedbackHistory", "Past feedback") == "Past feedback"


def english_left(root, engine: set[str] = frozenset()) -> list[tuple[str, str]]:
    """The texts of ``root`` not in Spanish, line by line, once the ``engine``'s own sentences are taken out."""
    engine = set(engine) | {"Ana"}  # the name of the crew member who reported, as typed
    left = []
    for text, where in untranslated(visible_texts(root), "es"):
        for line in text.split("\n"):
            rest = line
            for sentence in sorted(engine, key=len, reverse=True):
                rest = rest.replace(sentence, "") if sentence else rest
            if rest != line:  # what is left around the engine's sentences
                rest = rest.strip(" —:;()")
            rest = rest.strip(" ✓✗●")  # symbols, in every language
            left += untranslated([(rest, where)], "es")
    return left


@pytest.mark.slow
def test_the_feedback_panel_speaks_spanish(qtbot, make_main_window, spanish):
    w = make_main_window(screen=(1280, 760))
    w.ctx.set_time_budget(5)
    assert run_to_end(qtbot, w) == "finished"
    view = w.ctx.results.view
    cand = view.candidates[0]
    made = MadeRecipe.from_candidate(cand, view.run.target, {"name": "m", "version": "1.0.0"})
    fb_service.record_feedback(
        made.to_row(
            {"rigidity": 0.5, "rigidity_method": "measured", "rigidity_how": "bend", "passed": True, "who": "Ana"},
            row_id=fb_service.new_row_id(),
            recorded_at=fb_service.utc_now_iso(),
        )
    )
    fb = w.panels["feedback"]
    with qtbot.waitSignal(fb.list_loaded, timeout=20000):
        w.show_tab("feedback")
    fb.report_on(cand, view.run)
    assert fb.made is not None and fb.list_model.rowCount() == 1
    process = w.ctx.catalog.processes[cand.recipe.process_id].name  # the dataset's Spanish name
    english = load_catalog_en().processes[cand.recipe.process_id].name
    assert process in fb.recipe_label.text() and process != english
    fb.table.selectRow(0)
    assert fb.pva_model.rowCount() >= 1
    assert english_left(fb) == []

    # a refused value, a "found by" left open: the reasons at the fields are Spanish too
    fb.fields["rigidity"].edit.setText("2")
    fb.fields["tightness"].edit.setText("0,5")
    assert fb.fields["tightness"].value() == 0.5  # a decimal comma in Spanish
    assert english_left(fb) == []

    mw = fb.form.measure_widget
    for protocol in measurement_protocols():
        mw.choose(protocol.key)
        assert english_left(mw) == [], protocol.key  # readings all zero: the refusal is Spanish
        for key, value in READINGS[protocol.key].items():
            mw.set_reading(key, value)
        assert mw.result is not None, protocol.key
        assert english_left(mw) == [], protocol.key  # the "how" line too (ml.measurements writes it in Spanish)


@pytest.mark.slow
def test_the_model_panel_speaks_spanish(qtbot, make_main_window, fake_retrain, spanish):  # noqa: F811
    w, mp = model_window(qtbot, make_main_window, screen=(1280, 760))
    assert mp.metrics_model.rowCount() > 0 and mp.bundles_model.rowCount() > 0
    info = w.ctx.model_info  # the model's name, version, fingerprint and the registry's reason and data notes
    from_the_model = {info.manifest_sha256[:16], f"{info.name} {info.version}"}  # ids, not words
    left = english_left(mp, from_the_model)
    assert left == [], "\n".join(map(repr, left))

    dlg = mp.choose_retrain()
    assert dlg.files.count() == 0
    dlg.files.hide()  # empty; visible_texts cannot read a list widget's header (QAbstractListModel.columnCount)
    assert english_left(dlg) == []
    dlg.reject()

    with qtbot.waitSignal(mp.run_loaded, timeout=30000), qtbot.waitSignal(mp.retrain_finished, timeout=30000):
        mp.start_retrain(use_journal=True, promote=False)
    run = mp.selected_run
    from_the_run = from_the_model | {run.reason, *(text for _ok, text in run.checks())}
    from_the_run |= {f.label for f in run.drift_features()}
    summary = run.drift.get("summary") or {}
    from_the_run |= {str(summary.get("text", "")), str(summary.get("note", ""))}
    # the Data tab's field names and states are the window's words (ui/model_views.py DATA_FIELDS): checked
    for i in range(mp.run_tabs.count()):
        mp.run_tabs.setCurrentIndex(i)
        left = english_left(mp, from_the_run)
        assert left == [], (mp.run_tabs.tabText(i), left)

    tv = mp.trials_view
    w.ctx.set_target(w.ctx.catalog.targets["shielding_tile"])
    tv.n_spin.setValue(2)
    with qtbot.waitSignal(tv.plan_ready, timeout=120000) as blocker:
        tv.compute()
    assert blocker.args[0].suggestions
    assert english_left(tv) == []  # the note and each trial's cost are the services' Spanish sentences
