"""``spacetrash workorder``: the work order of one recipe of a results file as HTML or PDF; bad
inputs get one plain BAD_INPUT line and exit 1; without Qt a PDF says what is missing."""

from __future__ import annotations

import json
import sys

import pypdf
import pytest

from spacetrash_desktop.catalog import load_catalog
from spacetrash_desktop.cli import run
from spacetrash_desktop.domain import Recipe
from spacetrash_desktop.engine.results import GenerationResult
from spacetrash_desktop.services.results_io import result_to_dict
from spacetrash_desktop.services.workorder import missing_from, score_recipes, work_order_for_candidate
from tests.services.workorder_recipes import TARGET, candidate_per_process

MODEL = {"name": "spacetrash-residual", "version": "1.0.0", "status": "ready"}


@pytest.fixture()
def results(tmp_path):
    cat = load_catalog()
    cands = candidate_per_process()
    bad = score_recipes(
        [Recipe((("W018", 1.0),), 0.0, "hot_press_lamination", 1.0)],
        cat.default_inventory,
        cat.targets["interior_panel"],
    )[0]
    path = tmp_path / "results.json"
    res = GenerationResult(TARGET, [cands["heat_melt_compaction"], cands["textile_cut_sew"], bad], {}, MODEL)
    path.write_text(json.dumps(result_to_dict(res)), encoding="utf-8")
    return path, cands, bad


def test_html_and_pdf_hold_the_recipes_steps(results, tmp_path, capsys):
    path, cands, _bad = results
    cand = cands["heat_melt_compaction"]
    order = work_order_for_candidate(cand, TARGET, MODEL)
    assert (
        run(["workorder", "--results", str(path), "--recipe", cand.recipe_id, "--out", str(tmp_path / "o.html")]) == 0
    )
    assert f"work order for recipe {cand.recipe_id}" in capsys.readouterr().out
    assert missing_from((tmp_path / "o.html").read_text(encoding="utf-8"), order) == []
    rc = run(["workorder", "--results", str(path), "--recipe", cand.recipe_id, "--out", str(tmp_path / "o.pdf")])
    assert rc == 0
    pages = [p.extract_text() for p in pypdf.PdfReader(str(tmp_path / "o.pdf")).pages]
    assert len(pages) >= 2 and missing_from(pages, order) == []


def _fails(argv, capsys) -> str:
    assert run(argv) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    return err


def test_bad_inputs_get_one_plain_line(results, tmp_path, capsys):
    path, cands, bad = results
    out = str(tmp_path / "o.html")
    err = _fails(["workorder", "--results", str(path), "--recipe", "Rnope", "--out", out], capsys)
    assert err.startswith("spacetrash: BAD_INPUT: no recipe 'Rnope' in results.json; its recipes are")
    assert cands["textile_cut_sew"].recipe_id in err
    err = _fails(["workorder", "--results", str(path), "--recipe", bad.recipe_id, "--out", out], capsys)
    assert "is infeasible: a work order is written only for a feasible recipe" in err
    err = _fails(["workorder", "--results", str(tmp_path / "none.json"), "--recipe", "R1", "--out", out], capsys)
    assert "BAD_INPUT: the results file" in err and "does not exist" in err
    rid = cands["textile_cut_sew"].recipe_id
    err = _fails(["workorder", "--results", str(path), "--recipe", rid, "--out", str(tmp_path / "o.txt")], capsys)
    assert "unsupported output type .txt: use .pdf or .html" in err
    with pytest.raises(SystemExit) as exc:  # a missing argument is a usage error
        run(["workorder", "--results", str(path)])
    assert exc.value.code == 2


def test_without_the_window_libraries_a_pdf_says_so_and_html_still_works(results, tmp_path, capsys, monkeypatch):
    path, cands, _bad = results
    rid = cands["textile_cut_sew"].recipe_id
    monkeypatch.setitem(sys.modules, "spacetrash_desktop.ui.workorder", None)  # import fails as without PySide6
    err = _fails(["workorder", "--results", str(path), "--recipe", rid, "--out", str(tmp_path / "o.pdf")], capsys)
    assert "a PDF work order needs the window libraries (PySide6)" in err and "write .html instead" in err
    assert not (tmp_path / "o.pdf").exists()
    assert run(["workorder", "--results", str(path), "--recipe", rid, "--out", str(tmp_path / "o.html")]) == 0


# ------------------------------------------------------------------------------ a sol of the plan
@pytest.fixture()
def plan_file(tmp_path):
    from tests.services.workorder_plan import plan_doc

    path = tmp_path / "plan.json"
    doc = plan_doc()
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path, doc


def test_a_sols_work_order_from_a_plan_file(plan_file, tmp_path, capsys):
    from spacetrash_desktop.services.workorder_day import build_day_work_order, day_missing_from, sol_schedule

    path, doc = plan_file
    sol = max(sol_schedule(doc), key=lambda s: len(sol_schedule(doc)[s]))
    day = build_day_work_order(doc, sol)
    out = tmp_path / "day.html"
    assert run(["workorder", "--plan", str(path), "--sol", str(sol), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"work order for sol {sol} ({len(day.lines)} plan lines, ") and str(out) in said
    assert day_missing_from(out.read_text(encoding="utf-8"), day) == []
    es = tmp_path / "dia.html"
    assert run(["workorder", "--plan", str(path), "--sol", str(sol), "--out", str(es), "--lang", "es"]) == 0
    assert f"Orden de trabajo del sol {sol}" in es.read_text(encoding="utf-8")
    pdf = tmp_path / "day.pdf"
    assert run(["workorder", "--plan", str(path), "--sol", str(sol), "--out", str(pdf)]) == 0
    pages = [p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages]
    assert len(pages) >= 1 + 3 * len(day.lines) and day_missing_from(pages, day) == []


def test_a_bad_plan_file_or_sol_gets_one_plain_line(plan_file, tmp_path, capsys):
    path, _doc = plan_file
    out = str(tmp_path / "o.html")
    err = _fails(["workorder", "--plan", str(tmp_path / "none.json"), "--sol", "1", "--out", out], capsys)
    assert err.startswith("spacetrash: BAD_INPUT: the plan file") and "does not exist" in err
    (tmp_path / "bad.json").write_text("[1, 2", encoding="utf-8")
    err = _fails(["workorder", "--plan", str(tmp_path / "bad.json"), "--sol", "1", "--out", out], capsys)
    assert "bad.json is not a JSON file" in err
    (tmp_path / "other.json").write_text('{"schema": "spacetrash.result"}', encoding="utf-8")
    err = _fails(["workorder", "--plan", str(tmp_path / "other.json"), "--sol", "1", "--out", out], capsys)
    assert "other.json is not a Space Trash plan file" in err
    err = _fails(["workorder", "--plan", str(path), "--sol", "400", "--out", out], capsys)
    assert err == "spacetrash: BAD_INPUT: sol 400 is outside this plan, which runs from sol 1 to sol 10"
    err = _fails(["workorder", "--plan", str(path), "--sol", "3", "--out", str(tmp_path / "o.txt")], capsys)
    assert "unsupported output type .txt" in err
    assert not (tmp_path / "o.html").exists()


def test_a_recipe_and_a_sol_are_asked_for_one_at_a_time(plan_file, results, tmp_path, capsys):
    path, _doc = plan_file
    res, cands, _bad = results
    out = str(tmp_path / "o.html")
    rid = cands["textile_cut_sew"].recipe_id
    for argv in (
        ["workorder", "--plan", str(path), "--sol", "1", "--results", str(res), "--recipe", rid, "--out", out],
        ["workorder", "--plan", str(path), "--out", out],
        ["workorder", "--sol", "1", "--out", out],
        ["workorder", "--recipe", rid, "--out", out],
        ["workorder", "--out", out],
    ):
        with pytest.raises(SystemExit) as exc:
            run(argv)
        assert exc.value.code == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and err.startswith("spacetrash: error: ")
