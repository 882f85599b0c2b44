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
