"""Issue 17, the Candidates and Trade-offs tabs: the numbers, counts and messages a crew reads are
consistent and in plain words; progress never goes back; partial results update the table in place;
saved results open again."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from spacetrash_desktop.domain import PROPERTY_NAMES, RecipeStatus
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.errors import ErrorCode
from spacetrash_desktop.services.explain import explain_recipe
from spacetrash_desktop.services.generate import StagedProgress, generate
from spacetrash_desktop.services.results_io import load_results, result_to_dict, result_to_frame, write_result
from spacetrash_desktop.ui.candidates_tab import shown_text
from spacetrash_desktop.ui.errors import ErrorDialog, plain_message
from spacetrash_desktop.ui.qtmodels import CandidateTableModel
from spacetrash_desktop.ui.recipe_detail import actions_blocked_reason, breakdown_rows, contributions_html
from spacetrash_desktop.ui.tasks import TaskFailure
from spacetrash_desktop.ui.views import CandidateView, flags_text

from .conftest import run_to_end

CODE = re.compile(r"\b[A-Z]{2,}_[A-Z_]+\b")  # HOT_SURFACE, BAD_INPUT, PROCESS_NOTE...


@pytest.fixture(scope="module")
def container(catalog):
    """A finished physics run for the Container preset (feasible, infeasible and front recipes)."""
    items = list(catalog.default_inventory)
    return items, generate(items, catalog.targets["container"], scorer=PhysicsScorer(), time_budget_s=4, seed=1)


# ------------------------------------------------------------------------------ pure logic


def test_staged_progress_never_goes_back_when_a_new_stage_starts():
    p = StagedProgress()
    shown = [p.step(d, 9185)[0] for d in (0, 2000, 8100)]  # the exhaustive pass to 88%
    shown += [p.step(d, 1000)[0] for d in (170, 400, 1000)]  # refining reports its own 17%, 40%, 100%
    shown += [p.step(5, 1000)[0]]  # a late report below what is shown
    assert shown == sorted(shown), shown
    assert shown[2] == round(1000 * 8100 / 9185) and shown[3] > shown[2] and shown[-2] == 1000


def test_every_explanation_adds_up_to_the_value_shown(container):
    items, res = container
    picks = [res.candidates[0], *[c for c in res.candidates if c.status != RecipeStatus.FEASIBLE][:2]]
    for cand in picks:
        expl = explain_recipe(cand.recipe, items, PhysicsScorer())
        for name in PROPERTY_NAMES:
            entry = expl["properties"][name]
            bd = entry["breakdown"]
            total = (bd["start"]["value"] if bd["start"] else 0.0) + sum(d["value"] for d in bd["lines"])
            assert total + bd["rest"]["value"] == pytest.approx(bd["value"], abs=1e-9)
            assert bd["value"] == pytest.approx(cand.values[name], rel=1e-6, abs=1e-6)  # the table's value
            decimals = 1 if name == "crew_min" else 2
            rows = breakdown_rows(bd, decimals)
            shown = [float(num.replace("−", "-")) for _label, num in rows[:-1]]
            assert round(sum(shown), decimals) == float(rows[-1][1].replace("−", "-")), (name, rows)
        text = contributions_html(expl)
        assert "TreeSHAP" not in text and "XGBoost" not in text and "physics model" in text


def test_a_tightness_breakdown_shows_every_term_down_to_the_value():
    """The issue's case: +1.00, -0.39, -0.37 shown for 0.10 - the other terms must be there too."""
    lines = [
        {"label": "Perfect seal", "value": 1.0},
        {"label": "Product form", "value": -0.39},
        {"label": "Porosity", "value": -0.37},
        {"label": "Continuity", "value": -0.10},
        {"label": "Adhesion", "value": -0.04},
    ]
    from spacetrash_desktop.services.explain import breakdown

    rows = breakdown_rows(breakdown(0.10, 0.10, lines, False, top=2))
    assert rows[0] == ("Perfect seal", "1.00") and rows[-1] == ("=", "0.10")
    assert ("The other terms (2)", "−0.14") in rows
    assert sum(float(n.replace("−", "-")) for _l, n in rows[:-1]) == pytest.approx(0.10)


def test_flags_and_error_messages_speak_plain_words(container, qtbot):
    _items, res = container
    flagged = [c for c in res.candidates if c.reasons]
    assert flagged
    for c in flagged:
        assert not CODE.search(flags_text(c)), flags_text(c)
    assert plain_message("BAD_INPUT: the file has no rows") == "The file has no rows"
    dlg = ErrorDialog(TaskFailure(ErrorCode.BAD_INPUT, "BAD_INPUT: the file has no rows", "trace", "the import"))
    qtbot.addWidget(dlg)
    visible = " ".join(lbl.text() for lbl in (dlg.message_label, dlg.code_label, dlg.hint_label))
    assert "BAD_INPUT" not in visible and "The file has no rows" in visible
    assert "BAD_INPUT" in dlg.details_text  # kept for a report


def test_the_csv_export_has_rounded_numbers(container, tmp_path):
    _items, res = container
    frame = result_to_frame(res)
    for col in frame.columns:
        if frame[col].dtype.kind == "f":
            assert (frame[col].round(4) == frame[col]).all(), col
    text = write_result(res, tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert not re.search(r"\d\.\d{7,}", text)  # no 0.42000000000000004
    back = pd.read_csv(tmp_path / "r.csv", encoding="utf-8-sig")
    assert back["energy_kwh"].tolist() == pytest.approx([c.values["energy_kwh"] for c in res.candidates], abs=1e-4)


def test_a_saved_result_reads_back_the_same(container, tmp_path):
    _items, res = container
    path = write_result(res, tmp_path / "r.json")
    (back,) = load_results(path)
    a, b = result_to_dict(res), result_to_dict(back)
    for key in ("recipes", "front", "recommended", "target", "stats"):
        assert a[key] == b[key], key
    job = {**json.loads(path.read_text(encoding="utf-8")), "job": {"id": "j1"}}  # a batch job's result
    (tmp_path / "j1.json").write_text(json.dumps(job), encoding="utf-8")
    assert len(load_results(tmp_path / "j1.json")[0].candidates) == len(res.candidates)
    (tmp_path / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    from spacetrash_desktop.errors import BadInputError

    with pytest.raises(BadInputError, match="not a Space Trash result"):
        load_results(tmp_path / "other.json")


def test_a_partial_result_of_the_same_run_updates_the_table_in_place(container, qtbot):
    _items, res = container
    model = CandidateTableModel()
    first = dataclass_copy(res, res.candidates[:5])
    model.set_view(CandidateView.build(first, serial=3, final=False))
    resets, inserted = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    keep = model.index(2, 0)
    from PySide6.QtCore import QPersistentModelIndex

    held = QPersistentModelIndex(keep)
    held_id = model.recipe_id(2)
    model.set_view(CandidateView.build(dataclass_copy(res, res.candidates[:12]), serial=3, final=False))
    assert not resets and inserted == [(5, 11)] and model.rowCount() == 12
    assert held.isValid() and model.recipe_id(held.row()) == held_id  # the selection follows its recipe
    model.set_view(CandidateView.build(first, serial=4, final=False))  # another run: a reset
    assert resets == [1]


def dataclass_copy(res, cands):
    import dataclasses

    return dataclasses.replace(res, candidates=list(cands))


# ------------------------------------------------------------------------------ the window


@pytest.mark.slow
def test_counts_filter_progress_and_infeasible_recipes_in_the_window(qtbot, make_main_window):
    w = make_main_window()
    w.ctx.set_time_budget(4)
    tab = w.candidates_tab
    values: list[float] = []  # the bar's filled share at each change (the busy bar has no maximum)
    bar = tab.progress
    bar.valueChanged.connect(lambda v: bar.maximum() > 0 and values.append(v / bar.maximum()))
    assert run_to_end(qtbot, w) == "finished"
    assert len(values) > 2 and values == sorted(values), values  # the bar never went back
    view = w.ctx.results.view
    scored = int(view.stats["evaluated"])
    # the counts say which number is the search's and which the table's
    text = tab.counts.text()
    assert f"Scored {scored:,} recipes ({int(view.stats['feasible']):,} of them feasible)" in text
    assert f"Kept the best {len(view):,} for the table: {view.n_feasible:,} feasible" in text
    assert tab.shown_label.text() == f"all {len(view):,} shown"
    # a filter that matches nothing says so
    tab.filter_edit.setText("no such item zzz")
    assert tab.model.rowCount() == 0
    assert "No recipe matches the filter (0 of" in tab.shown_label.text()
    tab.filter_edit.setText("")
    tab.show_combo.setCurrentIndex(2)  # Pareto front only
    assert tab.shown_label.text() == shown_text(view.n_front, len(view), True)
    tab.show_combo.setCurrentIndex(0)
    # the detail pane is out of the way until a recipe is selected
    assert tab.detail_side.isHidden()
    feasible = next(c for c in view.candidates if c.status == RecipeStatus.FEASIBLE)
    w.ctx.selection.set([feasible.recipe_id], feasible.recipe_id, "test")
    assert not tab.detail_side.isHidden()
    detail = tab.detail
    assert detail.work_order_button.isEnabled() and detail.report_button.isEnabled()
    missed = next(c for c in view.candidates if c.status == RecipeStatus.INFEASIBLE)
    w.ctx.selection.set([missed.recipe_id], missed.recipe_id, "test")
    assert not detail.work_order_button.isEnabled()  # no work order for a recipe that misses the target
    assert "misses the target" in detail.work_order_button.toolTip() == actions_blocked_reason(missed)
    assert detail.report_button.isEnabled() and "trial" in detail.report_button.toolTip()  # made anyway: report it
    refused = next((c for c in view.candidates if c.status == RecipeStatus.REFUSED), None)
    if refused is not None:
        w.ctx.selection.set([refused.recipe_id], refused.recipe_id, "test")
        assert not detail.work_order_button.isEnabled() and not detail.report_button.isEnabled()
        assert "safety rule" in detail.report_button.toolTip()
    # the Warnings column and its tooltips carry no codes
    col = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())].index("Warnings")
    for r in range(tab.model.rowCount()):
        idx = tab.model.index(r, col)
        assert not CODE.search(tab.model.data(idx) or ""), tab.model.data(idx)
        assert not CODE.search(tab.model.data(idx, Qt.ItemDataRole.ToolTipRole) or "")


@pytest.mark.slow
def test_open_results_shows_a_saved_result_in_both_tabs(qtbot, make_main_window, container, tmp_path):
    _items, res = container
    path = write_result(res, tmp_path / "saved.json")
    w = make_main_window()
    tab = w.candidates_tab
    assert tab.open_results_action in w.menuBar().actions()[0].menu().actions()  # File > Open results…
    with qtbot.waitSignal(tab.view_applied, timeout=20000):
        tab.open_results(str(path))
    view = w.ctx.results.view
    assert len(view) == len(res.candidates) == tab.model.rowCount()
    assert [tab.model.recipe_id(r) for r in range(3)] == [c.recipe_id for c in res.candidates[:3]]
    assert "Opened saved.json" in tab.counts.text()
    assert w.tradeoffs_tab.view is view and len(w.tradeoffs_tab.front_item.data) == view.n_front
    image = w.tradeoffs_tab.export_image()  # the PNG has a title and the target above the plot
    assert image.height() > w.tradeoffs_tab.plot.height()


def test_the_import_report_shows_a_format_example_that_imports_cleanly(qtbot, tmp_path):
    from spacetrash_desktop.catalog.rows import ImportIssue
    from spacetrash_desktop.services.inventory import import_inventory
    from spacetrash_desktop.ui.dialogs import EXAMPLE_CSV, ImportReportDialog

    path = tmp_path / "example.csv"
    path.write_text(EXAMPLE_CSV + "\n", encoding="utf-8")
    result = import_inventory(path)
    assert len(result.items) == 2 and result.rows_rejected == 0  # the example is a file that works
    long = "composition " + "is not readable as 'material percent' " * 6
    dlg = ImportReportDialog("x.csv", None, [ImportIssue("bad", long, line=3, column="composition", value="?")])
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.issues_model.data(dlg.issues_model.index(0, 3)) == long  # the whole reason
    assert dlg.table.wordWrap() and dlg.table.rowHeight(0) > dlg.fontMetrics().lineSpacing() * 1.5  # wrapped
    assert "W101" in dlg.example_text.toPlainText() and "Expected format" in dlg.example.text()


def test_a_refused_recipe_offers_neither_a_work_order_nor_a_report(container):
    import dataclasses

    _items, res = container
    cand = dataclasses.replace(res.candidates[0], status=RecipeStatus.REFUSED)
    assert "safety rule" in actions_blocked_reason(cand, "work_order")
    assert "safety rule" in actions_blocked_reason(cand, "report")
    assert actions_blocked_reason(res.candidates[0], "work_order") is None  # a feasible one: both
    assert actions_blocked_reason(res.candidates[0], "report") is None
