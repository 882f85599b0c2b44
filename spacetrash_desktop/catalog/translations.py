"""Dataset texts in the crew's language: ``datasets/translations_<lang>.csv``.

Each row names one text of one dataset (``dataset``, ``key``, ``field``), the English text it
translates (``english``, exactly as the dataset holds it today) and the translation. A row whose
English no longer matches the dataset is *stale*: the dataset's English text is shown, never an old
translation of something that changed. ``translation_problems`` lists missing and stale rows (a
test keeps the shipped catalogue complete).

English is the datasets' own language: ``translate_catalog(catalog, "en")`` returns the catalog as
it is. The command line always uses English; the window uses the language the crew chose.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from spacetrash_desktop.catalog.datasets import Catalog, read_csv_rows
from spacetrash_desktop.catalog.procedures import TEXT_COLUMNS, ProcedureStep, load_procedures_from, placeholders_in
from spacetrash_desktop.domain import Target, WasteItem
from spacetrash_desktop.storage.paths import bundled_dir

LANGUAGES: Mapping[str, str] = {"en": "English", "es": "Español"}
COLUMNS = ("dataset", "key", "field", "english", "translation")

Key = tuple[str, str, str]  # (dataset, key, field)


def translations_file(lang: str, root: Path | None = None) -> Path:
    return (root or bundled_dir("datasets")) / f"translations_{lang}.csv"


@lru_cache(maxsize=4)
def _load(lang: str, root: Path | None = None) -> Mapping[Key, tuple[str, str]]:
    path = translations_file(lang, root)
    if lang == "en" or not path.exists():
        return {}
    out: dict[Key, tuple[str, str]] = {}
    for row in read_csv_rows(path):
        key = (row.get("dataset") or "", row.get("key") or "", row.get("field") or "")
        out[key] = (row.get("english") or "", (row.get("translation") or "").strip())
    return out


def load_translations(lang: str, root: Path | None = None) -> Mapping[Key, tuple[str, str]]:
    """(dataset, key, field) -> (english, translation) for ``lang`` (empty for English or a missing file)."""
    return _load(lang, root)


# --------------------------------------------------------------------------- what the crew reads


def _note_key(process_id: str, n: int) -> str:
    return f"{process_id}#{n}"


def _target_texts(t: Target, key: str) -> Iterator[tuple[Key, str]]:
    yield ("targets", key, "name"), t.name
    if t.description:
        yield ("targets", key, "description"), t.description
    for p in t.products:
        yield from _target_texts(p, f"{key}/{p.target_id}")


def translatable_texts(catalog: Catalog) -> Iterator[tuple[Key, str]]:
    """Every dataset text the window shows the crew, with its key: materials, processes, inventory
    items and categories, targets and scenario products, material hazards and process notes."""
    for m in catalog.materials.values():
        yield ("materials", m.material_id, "name"), m.name
        if m.hazard_note:
            yield ("materials", m.material_id, "hazard_note"), m.hazard_note
    for p in catalog.processes.values():
        yield ("processes", p.process_id, "name"), p.name
        yield ("processes", p.process_id, "description"), p.description
        for fld in ("refuse_reason", "safety_note"):
            if getattr(p, fld):
                yield ("processes", p.process_id, fld), getattr(p, fld)
    categories: dict[str, None] = {}
    for it in catalog.default_inventory:
        yield ("waste_inventory", it.item_id, "name"), it.name
        categories.setdefault(it.category)
    for c in categories:
        yield ("categories", c, "name"), c
    for t in catalog.targets.values():
        yield from _target_texts(t, t.target_id)
    for h in catalog.material_hazards.values():
        for fld, text in (("crew_text", h.text), ("ppe", h.ppe), ("food_contact_reason", h.food_contact_reason)):
            if text:
                yield ("material_hazards", h.material_id, fld), text
    for pid, notes in catalog.process_notes.items():
        for n, note in enumerate(notes):
            yield ("process_notes", _note_key(pid, n), "note"), note.note
    for pid, st in catalog.process_steps.items():
        if st.consumable:
            yield ("process_steps", pid, "consumable"), st.consumable


def procedure_texts(procedures: Mapping[str, Iterable[ProcedureStep]]) -> Iterator[tuple[Key, str]]:
    """Every text of the crew's procedures (``procedures.csv``: action, set point, tolerance, protective
    equipment, hazard, checkpoint, what to record), keyed ``procedures/<process>:<step>/<column>``.
    A translation keeps the English text's ``{placeholders}``, which the work order fills in."""
    for steps in procedures.values():
        for s in steps:
            for col in TEXT_COLUMNS:
                if getattr(s, col):
                    yield ("procedures", s.key, col), getattr(s, col)


def _procedures_of(catalog: Catalog, root: Path | None) -> Mapping[str, tuple[ProcedureStep, ...]]:
    return load_procedures_from(root or bundled_dir("datasets"), catalog.processes)


def translate_procedures(
    procedures: Mapping[str, tuple[ProcedureStep, ...]] | Mapping[str, Iterable[ProcedureStep]],
    lang: str,
    root: Path | None = None,
) -> dict[str, tuple[ProcedureStep, ...]]:
    """The procedures with every text in ``lang`` where a current translation exists (the English
    text otherwise, or when a translation's placeholders differ from the English text's)."""
    table = load_translations(lang, root)
    tr = _Lookup(table)

    def one(s: ProcedureStep) -> ProcedureStep:
        texts: list[str] = []
        for col in TEXT_COLUMNS:
            english = getattr(s, col)
            text = tr(("procedures", s.key, col), english) if english else english
            texts.append(text if _same_placeholders(english, text) else english)
        return ProcedureStep(s.process_id, s.step, s.kind, s.when, *texts)

    return {pid: tuple(one(s) for s in steps) for pid, steps in procedures.items()}


def _same_placeholders(english: str, translation: str) -> bool:
    try:
        return placeholders_in(english) == placeholders_in(translation)
    except ValueError:
        return False


def all_texts(
    catalog: Catalog, procedures: Mapping[str, Iterable[ProcedureStep]] | None = None, root: Path | None = None
) -> Iterator[tuple[Key, str]]:
    """The catalog's texts and the procedures' (loaded from ``root`` or the bundle when not given)."""
    yield from translatable_texts(catalog)
    yield from procedure_texts(procedures if procedures is not None else _procedures_of(catalog, root))


def translation_problems(
    catalog: Catalog,
    lang: str,
    root: Path | None = None,
    procedures: Mapping[str, Iterable[ProcedureStep]] | None = None,
) -> list[str]:
    """Texts with no translation, or whose translation was made for an English text that changed, or
    a procedure text whose translation does not keep the English text's ``{placeholders}``."""
    table = load_translations(lang, root)
    problems = []
    for key, english in all_texts(catalog, procedures, root):
        row = table.get(key)
        where = "/".join(key)
        if row is None or not row[1]:
            problems.append(f"{where}: no {LANGUAGES.get(lang, lang)} text")
        elif row[0] != english:
            problems.append(f"{where}: the English text changed since it was translated")
        elif key[0] == "procedures" and not _same_placeholders(english, row[1]):
            problems.append(f"{where}: the translation's {{placeholders}} differ from the English text's")
    return problems


class _Lookup:
    def __init__(self, table: Mapping[Key, tuple[str, str]]):
        self.table = table

    def __call__(self, key: Key, english: str) -> str:
        row = self.table.get(key)
        if row is None or not row[1] or row[0] != english:
            return english
        return row[1]


def _translate_target(t: Target, key: str, tr: _Lookup) -> Target:
    return dataclasses.replace(
        t,
        name=tr(("targets", key, "name"), t.name),
        description=tr(("targets", key, "description"), t.description) if t.description else "",
        products=tuple(_translate_target(p, f"{key}/{p.target_id}", tr) for p in t.products),
    )


def _item_texts(key: Key, english: str) -> tuple[str, dict[str, str]]:
    """The bundled English text of an item's field and its current translations, by language."""
    out = {}
    for lang in LANGUAGES:
        row = load_translations(lang).get(key) if lang != "en" else None
        if row and row[1] and row[0] == english:
            out[lang] = row[1]
    return english, out


def translate_items(
    items: Iterable[WasteItem], lang: str, bundled: Mapping[str, WasteItem] | None = None
) -> list[WasteItem]:
    """Inventory items with names and categories in ``lang`` where they are still the bundled text
    (in any language: a name saved in Spanish comes back in English, and the reverse); an item the
    crew renamed keeps its name. ``bundled``: the bundled items by id (the English texts)."""
    out = []
    for it in items:
        name, category = it.name, it.category
        base = (bundled or {}).get(it.item_id)
        if base is not None:
            english, tr = _item_texts(("waste_inventory", it.item_id, "name"), base.name)
            if name == english or name in tr.values():
                name = tr.get(lang, english)
        for cat_english in {c.category for c in (bundled or {}).values()}:
            english, tr = _item_texts(("categories", cat_english, "name"), cat_english)
            if category == english or category in tr.values():
                category = tr.get(lang, english)
                break
        out.append(
            it if (name, category) == (it.name, it.category) else dataclasses.replace(it, name=name, category=category)
        )
    return out


def translate_catalog(catalog: Catalog, lang: str, root: Path | None = None) -> Catalog:
    """The catalog with every text the crew reads in ``lang`` (where a current translation exists)."""
    table = load_translations(lang, root)
    if not table:
        return catalog
    tr = _Lookup(table)
    materials = {
        k: dataclasses.replace(
            m,
            name=tr(("materials", k, "name"), m.name),
            aliases=(*m.aliases, m.name),  # files written in English still find the material
            hazard_note=tr(("materials", k, "hazard_note"), m.hazard_note) if m.hazard_note else "",
        )
        for k, m in catalog.materials.items()
    }
    processes = {
        k: dataclasses.replace(
            p,
            name=tr(("processes", k, "name"), p.name),
            description=tr(("processes", k, "description"), p.description),
            refuse_reason=tr(("processes", k, "refuse_reason"), p.refuse_reason) if p.refuse_reason else "",
            safety_note=tr(("processes", k, "safety_note"), p.safety_note) if p.safety_note else "",
        )
        for k, p in catalog.processes.items()
    }
    hazards = {
        k: dataclasses.replace(
            h,
            text=tr(("material_hazards", k, "crew_text"), h.text) if h.text else "",
            ppe=tr(("material_hazards", k, "ppe"), h.ppe) if h.ppe else "",
            food_contact_reason=(
                tr(("material_hazards", k, "food_contact_reason"), h.food_contact_reason)
                if h.food_contact_reason
                else ""
            ),
        )
        for k, h in catalog.material_hazards.items()
    }
    notes = {
        pid: tuple(
            dataclasses.replace(n, note=tr(("process_notes", _note_key(pid, i), "note"), n.note))
            for i, n in enumerate(ns)
        )
        for pid, ns in catalog.process_notes.items()
    }
    return dataclasses.replace(
        catalog,
        materials=materials,
        processes=processes,
        targets={k: _translate_target(t, k, tr) for k, t in catalog.targets.items()},
        default_inventory=tuple(
            translate_items(catalog.default_inventory, lang, {i.item_id: i for i in catalog.default_inventory})
        ),
        material_hazards=hazards,
        process_notes=notes,
        process_steps={
            k: dataclasses.replace(st, consumable=tr(("process_steps", k, "consumable"), st.consumable))
            if st.consumable
            else st
            for k, st in catalog.process_steps.items()
        },
    )


def rows_for(catalog: Catalog, lang: str, root: Path | None = None) -> list[dict[str, str]]:
    """The rows of ``translations_<lang>.csv`` for today's datasets: current translations kept, new
    or changed English texts with an empty translation (``translation_problems`` names them)."""
    table = load_translations(lang, root)
    rows = []
    for key, english in all_texts(catalog, None, root):
        old = table.get(key)
        translation = old[1] if old and old[0] == english else ""
        rows.append(dict(zip(COLUMNS, (*key, english, translation))))
    return rows
