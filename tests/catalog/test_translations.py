"""Dataset texts in Spanish: complete, current, and never in the way of English files."""

from __future__ import annotations

import csv

from spacetrash_desktop.catalog.datasets import load_catalog
from spacetrash_desktop.catalog.procedures import TEXT_COLUMNS, load_procedures, placeholders_in
from spacetrash_desktop.catalog.rows import normalise_key
from spacetrash_desktop.catalog.translations import (
    COLUMNS,
    all_texts,
    translatable_texts,
    translate_catalog,
    translate_items,
    translate_procedures,
    translation_problems,
)
from spacetrash_desktop.services import inventory as inv


def test_every_dataset_text_the_crew_reads_has_a_current_spanish_text():
    problems = translation_problems(load_catalog(), "es")
    assert problems == [], "\n".join(problems[:20])


def test_the_spanish_catalog_translates_names_descriptions_and_safety_texts():
    en = load_catalog()
    es = translate_catalog(en, "es")
    pairs = list(zip(translatable_texts(en), translatable_texts(es)))  # the same texts in the same order
    changed = [key for (key, english), (_, spanish) in pairs if english != spanish]
    assert len(changed) >= 0.9 * len(pairs)  # a proper name may stay as it is
    hot_press = next(p for p in es.processes.values() if "hot_press" in p.process_id)
    assert hot_press.name != en.processes[hot_press.process_id].name
    assert hot_press.safety_note != en.processes[hot_press.process_id].safety_note


def test_files_written_in_english_still_find_their_materials_in_spanish():
    en = load_catalog()
    lookup = translate_catalog(en, "es").material_lookup()
    for m in en.materials.values():
        assert lookup[normalise_key(m.name)] == m.material_id


def test_item_names_follow_the_language_and_a_renamed_item_keeps_its_name():
    en = load_catalog()
    bundled = {i.item_id: i for i in en.default_inventory}
    first, second = en.default_inventory[0], en.default_inventory[1]
    renamed = second.__class__(**{**second.__dict__, "name": "Our own foam"})
    es_items = translate_items([first, renamed], "es", bundled)
    assert es_items[0].name != first.name and es_items[1].name == "Our own foam"
    back = translate_items(es_items, "en", bundled)  # saved in Spanish, read in English
    assert back[0].name == first.name and back[0].category == first.category


def test_the_command_line_reads_english_and_the_window_language_is_undone():
    try:
        inv.set_data_language("es")
        assert inv.load_catalog().default_inventory[0].name != load_catalog().default_inventory[0].name
        items, _ = inv.current_inventory()
        inv.save_current_inventory(items)  # saved while the window speaks Spanish
    finally:
        inv.set_data_language("en")
    saved, origin = inv.current_inventory()
    assert origin == "saved"
    assert [i.name for i in saved] == [i.name for i in load_catalog().default_inventory]


def test_every_procedure_text_is_translated_and_keeps_its_placeholders():
    cat = load_catalog()
    procs = load_procedures()
    keys = {key for key, _ in all_texts(cat, procs)}
    steps = [s for ss in procs.values() for s in ss]
    assert {("procedures", s.key, "action") for s in steps} <= keys  # translation_problems covers them
    spanish = translate_procedures(procs, "es")
    for s, t in zip(steps, (t for ts in spanish.values() for t in ts)):
        assert t.key == s.key and t.action != s.action, s.key
        for col in TEXT_COLUMNS:
            assert placeholders_in(getattr(t, col)) == placeholders_in(getattr(s, col)), (s.key, col)


def test_a_procedure_translation_that_drops_a_placeholder_is_a_problem_and_is_not_used(tmp_path):
    cat = load_catalog()
    procs = load_procedures()
    step = procs["hot_press_lamination"][5]  # heat: "{temperature_c} °C" and its band
    rows = [dict(zip(COLUMNS, (*key, english, english))) for key, english in all_texts(cat, procs)]
    for r in rows:
        if (r["dataset"], r["key"], r["field"]) == ("procedures", step.key, "tolerance"):
            r["translation"] = "145–155 °C; nunca por encima de 190 °C"  # the figures written in, not filled in
    with (tmp_path / "translations_xx.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    problems = translation_problems(cat, "xx", tmp_path, procs)
    assert problems == [
        f"procedures/{step.key}/tolerance: the translation's {{placeholders}} differ from the English text's"
    ]
    shown = translate_procedures(procs, "xx", tmp_path)["hot_press_lamination"][5]
    assert shown.tolerance == step.tolerance  # the English text with its placeholders, never wrong figures
