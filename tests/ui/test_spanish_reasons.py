"""The sentences the layers below the window write into its status lines and dialogs, in Spanish:
a recipe search's progress line, why a model bundle or an exported feedback file is refused, why a
crew feedback record is skipped for training. With the window's language Spanish (the services'
data language, as the window sets it) each one reads in Spanish by the strict check of
tests/ui/visible_text.py, and the same call in English gives the old English."""

from __future__ import annotations

import pytest

from spacetrash_desktop.context import RunContext
from spacetrash_desktop.ml.virtual_lab import rows_from_records
from spacetrash_desktop.services import feedback as fb_service
from spacetrash_desktop.services.generate import generate, physics_scorer
from spacetrash_desktop.services.inventory import set_data_language
from spacetrash_desktop.services.model import verify

from .visible_text import allowed


@pytest.fixture
def language(qapp):
    """Sets the data language for one test (qapp: the checker reads the catalogue's HTML through Qt)."""
    yield set_data_language
    set_data_language("en")


def _progress(catalog, mode: str) -> set[str]:
    seen: list[str] = []
    ctx = RunContext(on_progress=lambda _d, _t, m: seen.append(m))
    items = list(catalog.default_inventory)
    generate(items, catalog.targets["insulation"], scorer=physics_scorer(), ctx=ctx, mode=mode, max_evals=1200, seed=0)
    return {m for m in seen if m}


@pytest.mark.parametrize("mode", ["exact", "evolutionary"])
def test_the_search_progress_line(language, catalog, mode):
    language("es")
    lines = _progress(catalog, mode)
    assert lines and any("viables de" in line and "evaluadas" in line for line in lines), lines
    assert [line for line in lines if not allowed(line, "es")] == []
    language("en")
    english = _progress(catalog, mode)
    assert any("feasible of" in line and "scored" in line for line in english)
    assert not any(allowed(line, "es") for line in english if "feasible of" in line)  # the check tells them apart


def test_why_a_model_bundle_is_refused(language, tmp_path):
    junk = tmp_path / "not-a-bundle"
    junk.mkdir()
    (junk / "notes.txt").write_text("hello", encoding="utf-8")
    (junk / "sub").mkdir()
    language("es")
    for path, words in ((tmp_path / "missing", "no existe"), (junk, "paquete")):
        check = verify(path)
        assert not check.ok and words in check.reason, check.reason
        assert allowed(check.reason, "es"), check.reason
        assert all(allowed(p, "es") for p in check.problems), check.problems
    language("en")
    assert verify(tmp_path / "missing").reason == "the model bundle does not exist"


def test_why_an_exported_feedback_file_is_refused(language, tmp_path):
    stray = tmp_path / "feedback.parquet"
    stray.write_bytes(b"not parquet")
    language("es")
    summary = fb_service.import_feedback([stray])
    (outcome,) = summary.files
    assert outcome.status == "refused" and "manifest.json" in outcome.reason
    text = outcome.describe()
    assert "rechazado" in text and allowed(text, "es"), text
    language("en")
    english = fb_service.import_feedback([stray]).files[0].describe()
    assert english.endswith(
        ": refused: there is no manifest.json next to it (export with `spacetrash feedback export`)"
    )


def test_why_a_feedback_record_is_skipped(language, catalog):
    item = catalog.default_inventory[0].item_id
    records = [
        {"recipe": {"items": [{"item_id": "zzz", "fraction": 1.0}], "process_id": "shredding", "batch_mass_kg": 1}},
        {"recipe": {"items": [{"item_id": item, "fraction": 1.0}], "process_id": "nope", "batch_mass_kg": 1}},
        {"recipe": {"items": [{"item_id": item, "fraction": 1.0}], "process_id": "shredding"}},
        {"recipe": {"items": [{"item_id": item, "fraction": 1.0}], "process_id": "shredding", "batch_mass_kg": 1}},
        {"recipe": "broken"},
    ]
    language("es")
    _rows, problems = rows_from_records(records, catalog.default_inventory, catalog)
    assert len(problems) == 5 and problems[0] == "registro 1: artículo desconocido 'zzz'"
    assert [p for p in problems if not allowed(p, "es")] == []
    language("en")
    _rows, problems = rows_from_records(records, catalog.default_inventory, catalog)
    assert problems[0] == "record 1: unknown item 'zzz'" and problems[3] == "record 4: no measured property"
