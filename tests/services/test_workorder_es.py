"""The work order in Spanish (``lang="es"``), the language a crew member may think in at the machine:
for a recipe of every process every step is the Spanish text of the procedure with this recipe's
set points (decimal comma), no English step title or section heading is left, dataset names
(items, materials, process, hazards) are the Spanish catalog's even when the results file was written
in English, and the PDF holds the same; ``spacetrash workorder --lang es`` writes it."""

from __future__ import annotations

import html
import json
import re
import string
import unicodedata

import pypdf
import pytest

from spacetrash_desktop.catalog.procedures import load_procedures
from spacetrash_desktop.catalog.translations import translate_catalog, translate_procedures
from spacetrash_desktop.cli import run
from spacetrash_desktop.engine.results import GenerationResult
from spacetrash_desktop.services.results_io import result_to_dict
from spacetrash_desktop.services.workorder import (
    build_work_order,
    fmt_kg,
    missing_from,
    step_applies,
    work_order_for_candidate,
    work_order_html,
    write_work_order,
)
from spacetrash_desktop.services.workorder_text import (
    AS_MADE_FIELDS_EN,
    PROPERTY_TITLES_EN,
    STEP_TITLES_EN,
    TEXT_EN,
    WORDS,
    decimal,
    percent,
)
from spacetrash_desktop.ui.workorder import write_work_order_pdf
from tests.services.workorder_recipes import TARGET, candidate_per_process

MODEL = {"name": "spacetrash-residual", "version": "1.0.0", "status": "ready"}
# the English words that head a section, a table column or a labelled line of the document
HEADINGS = [
    TEXT_EN[k]
    for k in (
        "title",
        "recipe",
        "process",
        "target",
        "model",
        "date",
        "batch",
        "bom",
        "bom_item",
        "bom_id",
        "bom_share",
        "bom_kg",
        "bom_done",
        "feed_total",
        "consumables",
        "steps",
        "set_point",
        "tolerance",
        "ppe",
        "hazard",
        "checkpoint",
        "record",
        "done",
        "hazards",
        "protect",
        "safety",
        "outputs",
        "output",
        "mass",
        "handling",
        "product",
        "properties",
        "property",
        "predicted",
        "as_made",
        "as_made_hint",
        "found_by",
        "outcome_choices",
    )
]
HEADINGS += [label for _k, label, _u, _kind in AS_MADE_FIELDS_EN] + [t for t, _u in PROPERTY_TITLES_EN.values()]


@pytest.fixture(scope="module")
def cands():
    return candidate_per_process()


def plain(page: str) -> str:
    """The words a reader sees in the HTML (tags and the style sheet removed)."""
    body = page.split("</style>", 1)[-1]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def english_left(text: str, english: list[str]) -> list[str]:
    """English words (whole words, case as written) that appear in ``text``."""
    return [e for e in english if re.search(rf"(?<![\w-]){re.escape(e)}(?![\w-])", text)]


def literal_parts(text: str) -> list[str]:
    """The fixed wording of a dataset text around its ``{placeholders}``."""
    return [lit.strip() for lit, *_ in string.Formatter().parse(text) if lit.strip()]


def figures(text: str) -> list[str]:
    """The figures of a text, written the English way (point decimal, no grouping)."""
    found = re.findall(r"\d[\d.,]*\d|\d", text)
    return [f.replace(".", "").replace(",", ".") if "," in f else f for f in found]


def test_spanish_numbers_carry_a_decimal_comma():
    assert decimal(1234.5, 1, "es") == "1234,5" and decimal(12345.5, 1, "es") == "12.345,5"
    assert decimal(-0.35, 3, "es") == "-0,350" and decimal(1250, 0, "es") == "1250"
    assert decimal(1234.5, 1, "en") == "1,234.5" and decimal(1234567, 0, "es") == "1.234.567"
    assert fmt_kg(0.35, "es") == "0,350 kg" and fmt_kg(3.4, "es") == "3,40 kg" and fmt_kg(0.0025, "es") == "2,5 g"
    assert fmt_kg(0.35) == "0.350 kg" and percent(0.35, "es") == "35 %" and percent(0.35) == "35%"


def test_every_word_of_the_document_has_its_spanish():
    en, es = WORDS["en"], WORDS["es"]
    assert set(es.text) == set(en.text) and set(es.step_titles) == set(en.step_titles)
    assert set(es.loss_handling) == set(en.loss_handling) and set(es.property_titles) == set(en.property_titles)
    assert [k for k, *_ in es.as_made_fields] == [k for k, *_ in en.as_made_fields]
    for key, text in en.text.items():  # the same placeholders, so the figures land in the sentence
        assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", es.text[key])), key
    # "Plan" and "Sol" are Spanish words too (the translation glossary: Plan = Plan, sol = sol)
    same = [k for k in en.text if en.text[k] == es.text[k] and k not in ("app", "step_no", "plan", "sol")]
    assert same == []
    assert all(en.step_titles[k] != es.step_titles[k] for k in en.step_titles)


def test_every_process_gets_its_spanish_steps_with_this_recipes_set_points(cands, catalog):
    procs_en = load_procedures()
    procs_es = translate_procedures(procs_en, "es")
    titles_en = list(STEP_TITLES_EN.values())
    for pid, cand in cands.items():
        en = work_order_for_candidate(cand, TARGET, MODEL, catalog.default_inventory)
        es = work_order_for_candidate(cand, TARGET, MODEL, catalog.default_inventory, lang="es")
        page = work_order_html(es)
        text = plain(page)
        assert es.lang == "es" and "<html lang='es'>" in page
        assert missing_from(page, es) == [], pid  # every step, set point, tolerance and hazard
        assert [s.kind for s in es.steps] == [s.kind for s in en.steps], pid
        applied = [(a, b) for a, b in zip(procs_en[pid], procs_es[pid]) if step_applies(a, cand.to_dict())]
        assert len(applied) == len(es.steps), pid
        for (step_en, step_es), s_en, s_es in zip(applied, en.steps, es.steps):
            for col in ("action", "set_point", "tolerance", "ppe", "hazard", "checkpoint", "record"):
                english, spanish = getattr(step_en, col), getattr(step_es, col)
                for part in literal_parts(spanish):  # the Spanish wording, around this recipe's figures
                    assert part in getattr(s_es, col), (pid, step_en.key, col, part)
                if english != spanish and len(literal_parts(english)[0] if literal_parts(english) else "") > 12:
                    assert literal_parts(english)[0] not in page, (pid, step_en.key, col)
            for col in ("set_point", "tolerance"):  # the same figures, with a decimal comma
                assert figures(getattr(s_es, col)) == figures(getattr(s_en, col)), (pid, s_en.number, col)
                assert not re.search(r"\d\.\d", getattr(s_es, col)), (pid, s_es.number, getattr(s_es, col))
        assert english_left(text, titles_en) == [], pid
        assert english_left(text, HEADINGS) == [], pid
        assert not re.search(r"\d\.\d{2,3} kg", text), pid  # masses as 0,350 kg


def test_dataset_names_are_the_spanish_catalogs(cands, catalog):
    es_cat = translate_catalog(catalog, "es")
    for pid, cand in cands.items():
        es = work_order_for_candidate(cand, TARGET, MODEL, catalog.default_inventory, lang="es")
        text = plain(work_order_html(es))
        assert es.process_name == es_cat.processes[pid].name != catalog.processes[pid].name
        spanish_items = {i.item_id: i.name for i in es_cat.default_inventory}
        for line in es.bom:
            if line.item_id in spanish_items:
                assert line.name == spanish_items[line.item_id], (pid, line.item_id)
        for h in cand.hazards:
            mat = es_cat.materials[h["material_id"]]
            assert mat.name in text and h["text"] not in text, (pid, h["material_id"])
        assert "{" not in text, pid


def test_a_renamed_item_keeps_its_name_in_spanish(cands, catalog):
    cand = cands["hot_press_lamination"]
    recipe = cand.to_dict()
    recipe["items"] = [{**recipe["items"][0], "name": "Our own pouch stack"}, *recipe["items"][1:]]
    order = build_work_order(recipe, TARGET.to_dict(), MODEL, lang="es")
    assert "Our own pouch stack" in [b.name for b in order.bom]


@pytest.fixture()
def results_file(tmp_path, cands):
    res = GenerationResult(TARGET, list(cands.values()), stats={}, model=MODEL)
    path = tmp_path / "results.json"
    path.write_text(json.dumps(result_to_dict(res)), encoding="utf-8")
    return path


def test_an_english_results_file_gives_a_spanish_work_order(results_file, cands, catalog, tmp_path, capsys):
    cand = cands["regolith_cold_sinter"]
    out = tmp_path / "orden.html"
    assert run(["workorder", "--results", str(results_file), "--recipe", cand.recipe_id, "--out", str(out)]) == 0
    english = out.read_text(encoding="utf-8")
    rc = run(
        ["workorder", "--results", str(results_file), "--recipe", cand.recipe_id, "--out", str(out), "--lang", "es"]
    )
    assert rc == 0 and "work order for recipe" in capsys.readouterr().out  # the command itself stays English
    page = out.read_text(encoding="utf-8")
    order = write_work_order(results_file, cand.recipe_id, tmp_path / "again.html", lang="es")
    assert missing_from(page, order) == [] and page != english
    es_cat = translate_catalog(catalog, "es")
    assert es_cat.processes["regolith_cold_sinter"].name in page
    assert "NaOH (hidróxido de sodio)" in order.consumables
    sol = next(s for s in order.steps if s.kind == "solution")
    assert sol.set_point == f"NaOH 10 M, {decimal(75 * cand.details['regolith_kg'], 0, 'es')} mL"
    for (item_id, _f), name in zip(cand.recipe.items, cand.item_names):
        spanish = next(i.name for i in es_cat.default_inventory if i.item_id == item_id)
        assert spanish in page and (spanish == name or name not in page)
    with pytest.raises(SystemExit):  # only the languages the work order speaks
        run(["workorder", "--results", str(results_file), "--recipe", "R", "--out", str(out), "--lang", "fr"])


@pytest.mark.slow
def test_the_spanish_pdf_of_every_process_holds_every_step_and_set_point(qapp, cands, catalog, tmp_path):
    for pid, cand in cands.items():
        order = work_order_for_candidate(cand, TARGET, MODEL, catalog.default_inventory, lang="es")
        pdf = tmp_path / f"orden-{pid}.pdf"
        pages = write_work_order_pdf(work_order_html(order), pdf)
        reader = pypdf.PdfReader(str(pdf))
        assert len(reader.pages) == pages >= 2, pid
        texts = [p.extract_text() for p in reader.pages]
        assert missing_from(texts, order) == [], pid
        flat = "".join(unicodedata.normalize("NFKC", "".join(texts)).split())
        assert "Tal como se hizo" in " ".join(texts[-1].split()) or "Talcomosehizo" in flat, pid
        for s in order.steps:
            assert "".join(s.title.split()) in flat, (pid, s.title)
        assert reader.metadata is not None and (reader.metadata.title or "").startswith("Orden de trabajo"), pid
