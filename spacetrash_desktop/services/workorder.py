"""The work order for one recipe: what a crew member at the machine needs, on paper or on a tablet.

:func:`build_work_order` turns a recipe in the result contract's form (``Candidate.to_dict()``, one
entry of a results file's ``recipes``) into a :class:`WorkOrder`: header, bill of materials, the
process's procedure (``datasets/procedures.csv``) with this recipe's set points filled in, the
material hazards and the process's safety notes, expected product and losses with how to handle
each, predicted properties with their intervals, and a blank "as made" section whose fields are
those of the Feedback panel. :func:`work_order_html` renders it as one HTML page that Qt's
``QTextDocument`` lays out for the PDF (``ui/workorder.py``) and that any browser shows.

The work order speaks the crew's language (``lang``: ``"en"``, the default, or ``"es"``): its own
words are in ``services/workorder_text.py`` (one table per language; :data:`TEXT`,
:data:`STEP_TITLES`, :data:`LOSS_HANDLING`, :data:`AS_MADE_FIELDS` here are the English ones), the
dataset texts (item, material and process names, hazards, safety notes, the procedure's steps) come
from the translated catalog and procedures (``datasets/translations_<lang>.csv``), and numbers
carry a decimal comma in Spanish. Dates are ISO.
"""

from __future__ import annotations

import datetime as _dt
import html
import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from spacetrash_desktop._version import __version__
from spacetrash_desktop.catalog import Catalog, load_catalog
from spacetrash_desktop.catalog.procedures import ProcedureStep, load_procedures, read_result_file
from spacetrash_desktop.catalog.translations import translate_catalog, translate_items, translate_procedures
from spacetrash_desktop.common import sentence
from spacetrash_desktop.domain import LOSS_STREAMS, PROPERTY_NAMES, Recipe, RecipeStatus, Target, WasteItem
from spacetrash_desktop.engine.recipes import from_recipes
from spacetrash_desktop.engine.results import Candidate, build_candidates
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.engine.search import Store, preference
from spacetrash_desktop.engine.tables import (
    DECOMPOSITION_MARGIN_C,
    FLEXIBLE_ITEM_FLAGS,
    RIGID_FAMILIES,
    RIGID_ITEM_FLAGS,
    RIGID_SHARE_MIN,
    THIN_METAL_IDS,
    compile_tables,
)
from spacetrash_desktop.engine.vetting import Flag, vet
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.files import save_text
from spacetrash_desktop.services.inventory import current_inventory
from spacetrash_desktop.services.inventory import load_catalog as catalog_in_data_language
from spacetrash_desktop.services.workorder_text import (
    AS_MADE_FIELDS_EN,
    FLAG_WARNINGS_ES,
    LOSS_HANDLING_EN,
    PROPERTY_TITLES_EN,
    STEP_TITLES_EN,
    TEXT_EN,
    decimal,
    language,
    percent,
    status_word,
    words,
)

# ------------------------------------------------------------------------- crew-facing texts (one place)
# English tables (the Spanish ones and the number formats are in services/workorder_text.py)
TEXT: Mapping[str, str] = TEXT_EN
STEP_TITLES: Mapping[str, str] = STEP_TITLES_EN
LOSS_HANDLING: Mapping[str, tuple[str, str]] = LOSS_HANDLING_EN
AS_MADE_FIELDS: tuple[tuple[str, str, str, str], ...] = AS_MADE_FIELDS_EN
PROPERTY_TITLES: Mapping[str, tuple[str, str]] = PROPERTY_TITLES_EN
TARGET_LIMIT_OF: Mapping[str, tuple[str, str]] = {
    "rigidity": ("rigidity_min", "≥"),
    "tightness": ("tightness_min", "≥"),
    "energy_kwh": ("max_energy_kwh", "≤"),
    "water_l": ("max_water_l", "≤"),
    "crew_min": ("max_crew_min", "≤"),
}
STEP_TEXTS = ("action", "set_point", "tolerance", "ppe", "hazard", "checkpoint", "record")
HAZARD_CODES = frozenset({"COMBUSTIBLE_DUST", "FIBRE_DUST", "MATERIAL_HAZARD"})
TEMPERATURE_BAND_C = 5.0  # assumed heater control band around the set point (procedures.provenance.csv)
NAOH_SOLUTION_ML_PER_KG_REGOLITH = 75.0  # 10 wt% of 10 M solution at ~1.33 kg/L (process_steps provenance)


# ------------------------------------------------------------------------------------ the document
@dataclass(frozen=True)
class BomLine:
    item_id: str
    name: str
    share: str  # "35% of the waste" (rounded)
    kg: str  # "0.350 kg"
    mass_kg: float = 0.0  # the same, unrounded (for a day's kg: batches x this)


@dataclass(frozen=True)
class OrderStep:
    number: int
    kind: str
    title: str
    action: str
    set_point: str = ""
    tolerance: str = ""
    ppe: str = ""
    hazard: str = ""
    checkpoint: str = ""
    record: str = ""


@dataclass(frozen=True)
class HazardLine:
    material: str
    text: str
    ppe: str


@dataclass(frozen=True)
class OutputLine:
    title: str
    kg: str
    handling: str


@dataclass(frozen=True)
class PropertyLine:
    title: str
    unit: str
    predicted: str
    interval: str
    required: str


@dataclass(frozen=True)
class WorkOrder:
    """Everything the work order says, as rounded plain text; :func:`work_order_html` lays it out."""

    recipe_id: str
    process_id: str
    process_name: str
    status: str
    target_name: str
    model_label: str
    created: str
    batch_line: str
    bom: tuple[BomLine, ...]
    feed_total: str
    consumables: str
    steps: tuple[OrderStep, ...]
    hazards: tuple[HazardLine, ...]
    safety_notes: tuple[str, ...]
    outputs: tuple[OutputLine, ...]
    properties: tuple[PropertyLine, ...]
    warnings: tuple[str, ...] = ()
    lang: str = "en"  # the language it is written in
    feed_kg: float = 0.0  # feed per batch, unrounded
    recommended: bool = False  # the search's recommended recipe for its target

    @property
    def feasible(self) -> bool:
        return self.status == RecipeStatus.FEASIBLE

    @property
    def set_points(self) -> tuple[str, ...]:
        return tuple(s.set_point for s in self.steps if s.set_point)


# ---------------------------------------------------------------------------------------- numbers
def fmt_kg(x: float, lang: str = "en") -> str:
    """A mass rounded for the crew: '1,250 kg', '3.40 kg', '0.350 kg', '2.5 g' (Spanish: '1250 kg',
    '3,40 kg', '0,350 kg', '2,5 g')."""
    ax = abs(x)
    if ax >= 100:
        return f"{decimal(x, 0, lang)} kg"
    if ax >= 1:
        return f"{decimal(x, 2, lang)} kg"
    if ax >= 0.01:
        return f"{decimal(x, 3, lang)} kg"
    if ax == 0:
        return "0 kg"
    return f"{decimal(x * 1000, 1, lang)} g"


def fmt_number(name: str, x: float, lang: str = "en") -> str:
    if not math.isfinite(x):
        return "–"
    if name in ("rigidity", "tightness"):
        return decimal(x, 2, lang)
    ax = abs(x)
    if ax >= 100:
        return decimal(x, 0, lang)
    if ax >= 10:
        return decimal(x, 1, lang)
    return decimal(x, 2, lang)


def _num(v: Any, default: float = 0.0) -> float:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return default
    return x if math.isfinite(x) else default


def _with_unit(value: str, unit: str) -> str:
    return value if unit in ("", "0–1") else f"{value} {unit}"


# ---------------------------------------------------------------------------------- the set points
@dataclass(frozen=True)
class _Feed:
    """What the recipe's items are made of, when the inventory knows them."""

    items: tuple[WasteItem, ...]
    material_ids: frozenset[str]


def _feed(recipe: Mapping, items: Sequence[WasteItem], catalog: Catalog) -> _Feed:
    by_id = {i.item_id: i for i in (*catalog.default_inventory, *items)}
    found = tuple(by_id[e["item_id"]] for e in recipe.get("items", ()) if e.get("item_id") in by_id)
    mats = {m for it in found for m, f in it.composition if f > 0}
    mats |= {str(h.get("material_id")) for h in recipe.get("hazards", ()) or () if h.get("material_id")}
    if _num(recipe.get("regolith_kg")) > 0 or _num(recipe.get("regolith_frac")) > 0:
        mats.add("mgs1_regolith")
    return _Feed(found, frozenset(m for m in mats if m in catalog.materials))


def _is_rigid(item: WasteItem, catalog: Catalog) -> bool:
    """The engine's rule (engine/tables.py): structural or composite flag, or no flexible flag and at
    least half the solids thermoset or bulk metal."""
    flags = set(item.flags)
    if flags & RIGID_ITEM_FLAGS:
        return True
    if flags & FLEXIBLE_ITEM_FLAGS:
        return False
    rigid = sum(
        f
        for m, f in item.composition
        if m in catalog.materials and catalog.materials[m].family in RIGID_FAMILIES and m not in THIN_METAL_IDS
    )
    return rigid >= RIGID_SHARE_MIN


def temperature_band(process, material_ids: frozenset[str], catalog: Catalog) -> tuple[float, float, float]:
    """(low, high, ceiling) in deg C: the set point +/- the control band, inside the process window
    and below every feed material's decomposition onset minus the margin (the ceiling)."""
    ceiling = float(process.temp_max_c)
    if process.heated:
        for mid in material_ids:
            dec = catalog.materials[mid].decomposition_c
            if dec is not None and math.isfinite(dec):
                ceiling = min(ceiling, float(dec) - DECOMPOSITION_MARGIN_C)
    t = float(process.temperature_c)
    low = max(float(process.temp_min_c), t - TEMPERATURE_BAND_C)
    high = min(t + TEMPERATURE_BAND_C, ceiling)
    return low, max(high, low), ceiling


def step_values(recipe: Mapping, feed: _Feed, catalog: Catalog, lang: str = "en") -> dict[str, str]:
    """The figures a procedure's placeholders stand for, rounded, with their units, in ``lang``."""
    pid = str(recipe.get("process_id"))
    process = catalog.processes[pid]
    steps = catalog.process_steps.get(pid)
    flow = recipe.get("mass_flow") or {}
    details = recipe.get("details") or {}
    feed_kg = _num(flow.get("feed_kg"))
    regolith_kg = _num(recipe.get("regolith_kg"))
    loads = max(1, round(_num(details.get("batches"), 1.0)))
    low, high, ceiling = temperature_band(process, feed.material_ids, catalog)
    max_moist = steps.max_feed_moisture_pct if steps is not None else 100.0
    rigid = [i.name for i in feed.items if _is_rigid(i, catalog)]
    wet = [i.name for i in feed.items if i.moisture_pct > max_moist]
    t = words(lang).text

    def kg(x: float) -> str:
        return fmt_kg(x, lang)

    return {
        "temperature_c": f"{process.temperature_c:.0f}",
        "temp_low_c": f"{low:.0f}",
        "temp_high_c": f"{high:.0f}",
        "ceiling_c": f"{ceiling:.0f}",
        "feed_kg": kg(feed_kg),
        "waste_kg": kg(max(feed_kg - regolith_kg, 0.0)),
        "regolith_kg": kg(regolith_kg),
        "load_kg": kg(feed_kg / loads),
        "loads": t["one_load"] if loads == 1 else t["n_loads"].format(n=loads),
        "product_kg": kg(_num(flow.get("product_kg"))),
        "dried_water_kg": kg(_num(details.get("dried_water_kg"))),
        "moisture_limit": t["moisture_none"] if max_moist <= 0 else t["moisture_max"].format(pct=f"{max_moist:.0f}"),
        "shred_items": "; ".join(rigid) or t["rigid_items"],
        "wet_items": "; ".join(wet) or t["wet_items"],
        "consumable_kg": kg(_num(details.get("consumables_kg"))),
        "solution_ml": decimal(regolith_kg * NAOH_SOLUTION_ML_PER_KG_REGOLITH, 0, lang),
    }


def step_applies(step: ProcedureStep, recipe: Mapping) -> bool:
    """Whether a step is part of this recipe's procedure (``when`` of procedures.csv)."""
    details = recipe.get("details") or {}
    if step.when == "shred":
        return _num(details.get("shred_kwh")) > 0 or _num(details.get("shred_crew_min")) > 0
    if step.when == "dry":
        return _num(details.get("dried_water_kg")) > 0
    if step.when == "regolith":
        return _num(recipe.get("regolith_kg")) > 0
    if step.when == "consumable":
        return _num(details.get("consumables_kg")) > 0
    return True


def order_steps(
    recipe: Mapping, steps: Sequence[ProcedureStep], values: Mapping[str, str], lang: str = "en"
) -> tuple[OrderStep, ...]:
    """The steps this recipe needs, numbered from 1, with its figures filled in (``steps`` already in
    ``lang``; their titles from its table)."""
    titles = words(lang).step_titles
    out: list[OrderStep] = []
    for s in (s for s in steps if step_applies(s, recipe)):
        texts = {c: getattr(s, c).format_map(values) for c in STEP_TEXTS}
        out.append(OrderStep(len(out) + 1, s.kind, titles.get(s.kind, s.kind.capitalize()), **texts))
    return tuple(out)


# ------------------------------------------------------------------------------------- the sections
def _bom(recipe: Mapping, catalog: Catalog, lang: str) -> tuple[tuple[BomLine, ...], str]:
    """The bill of materials; a bundled item's name in ``lang`` (the catalog's), a renamed item's own."""
    t = words(lang).text
    names = {i.item_id: i.name for i in catalog.default_inventory}
    english = {i.item_id: i.name for i in _catalog_in("en").default_inventory}
    lines = [
        BomLine(
            str(e.get("item_id", "")),
            _item_name(e, names, english),
            percent(_num(e.get("fraction")), lang),
            fmt_kg(_num(e.get("mass_kg")), lang),
            _num(e.get("mass_kg")),
        )
        for e in sorted(recipe.get("items", ()), key=lambda e: -_num(e.get("mass_kg")))
    ]
    reg_kg = _num(recipe.get("regolith_kg"))
    if reg_kg > 0:
        share = t["regolith_share"].format(share=percent(_num(recipe.get("regolith_frac")), lang))
        lines.append(BomLine("MGS-1", t["regolith"], share, fmt_kg(reg_kg, lang), reg_kg))
    return tuple(lines), fmt_kg(_num((recipe.get("mass_flow") or {}).get("feed_kg")), lang)


def _item_name(entry: Mapping, names: Mapping[str, str], english: Mapping[str, str]) -> str:
    """A recipe line's item name in the catalog's language when the recipe names a bundled item by its
    bundled text (in either language); a name the crew gave an item stays as it is."""
    name = str(entry.get("name", ""))
    iid = str(entry.get("item_id", ""))
    if iid in names and (not name or name in (names[iid], english.get(iid))):
        return names[iid]
    return name


def _hazards(recipe: Mapping, catalog: Catalog) -> tuple[HazardLine, ...]:
    """The material hazards of the recipe, in the catalog's language (the dataset's text for each
    material the recipe names; the recipe's own words for one this version does not know)."""
    seen: dict[tuple[str, str], HazardLine] = {}
    for h in recipe.get("hazards", ()) or ():
        mid = str(h.get("material_id", ""))
        known = catalog.material_hazards.get(mid)
        if known is not None and mid in catalog.materials and known.text:
            line = HazardLine(catalog.materials[mid].name, sentence(known.text), sentence(known.ppe))
        else:
            line = HazardLine(str(h.get("material", "")), str(h.get("text", "")), str(h.get("ppe", "")))
        seen.setdefault((line.material, line.text), line)
    return tuple(seen.values())


def _process_note_in(message: str, pid: str, catalog: Catalog, lang: str) -> str:
    """The vetting's process note (English parts of the process's notes, joined) in ``lang``."""
    if lang == "en":
        return message
    english, local = _catalog_in("en"), catalog
    notes_en = english.process_notes.get(pid, ())
    notes_local = local.process_notes.get(pid, ())
    if not notes_en:
        proc_en, proc = english.processes.get(pid), local.processes.get(pid)
        same = proc_en is not None and proc is not None and message.strip() == proc_en.safety_note.strip()
        return proc.safety_note if same and proc is not None else message
    parts = [sentence(b.note) for a, b in zip(notes_en, notes_local, strict=False) if sentence(a.note) in message]
    return " ".join(parts) or message


def _safety_notes(recipe: Mapping, catalog: Catalog, lang: str = "en") -> tuple[str, ...]:
    """The vetting's warnings and notes (the process's notes that apply to this feed, hot surfaces,
    caustic, wet feed, ...) without the material hazards, which have their own section; in ``lang``."""
    pid = str(recipe.get("process_id"))
    flags = [f for f in recipe.get("flags", ()) or () if f.get("severity") in ("warning", "note")]
    notes = []
    for f in flags:
        code, message = str(f.get("code", "")), str(f.get("message", ""))
        if code in HAZARD_CODES or code == "OOD":
            continue
        if code == "PROCESS_NOTE":
            notes.append(_process_note_in(message, pid, catalog, lang))
        elif lang == "es" and code in FLAG_WARNINGS_ES and pid in catalog.processes:
            notes.append(FLAG_WARNINGS_ES[code].format(temperature=f"{catalog.processes[pid].temperature_c:.0f}"))
        else:
            notes.append(message)
    if not any(f.get("code") == "PROCESS_NOTE" for f in flags):  # a file without the notes: every-batch notes
        notes += [n.note for n in catalog.process_notes.get(pid, ()) if not n.conditions]
    return tuple(dict.fromkeys(n for n in notes if n))


def _outputs(recipe: Mapping, lang: str = "en") -> tuple[OutputLine, ...]:
    w = words(lang)
    flow = recipe.get("mass_flow") or {}
    out = [OutputLine(w.text["product"], fmt_kg(_num(flow.get("product_kg")), lang), w.text["product_handling"])]
    losses = flow.get("losses") or {}
    for _src, key, _title in LOSS_STREAMS:
        kg = _num(losses.get(key))
        if kg > 1e-6:
            title, handling = w.loss_handling[key]
            out.append(OutputLine(title, fmt_kg(kg, lang), handling))
    return tuple(out)


def _properties(recipe: Mapping, target: Mapping | None, lang: str = "en") -> tuple[PropertyLine, ...]:
    props = recipe.get("properties") or {}
    out = []
    for name in PROPERTY_NAMES:
        p = props.get(name)
        if not isinstance(p, Mapping):
            continue
        title, unit = words(lang).property_titles[name]
        field, sign = TARGET_LIMIT_OF[name]
        limit = (target or {}).get(field)

        def num(v: Any, name: str = name) -> str:
            return fmt_number(name, _num(v, math.nan), lang)

        required = f"{sign} {_with_unit(num(limit), unit)}" if limit is not None else "–"
        interval = _with_unit(f"{num(p.get('low'))}–{num(p.get('high'))}", unit)
        out.append(PropertyLine(title, unit, _with_unit(num(p.get("value")), unit), interval, required))
    return tuple(out)


def _model_label(model: Mapping | None, lang: str = "en") -> str:
    m = model or {}
    name = str(m.get("name") or "")
    if not name or name == "physics":
        return words(lang).text["physics_model"]
    return f"{name} {m.get('version') or ''}".strip()


def _warnings(recipe: Mapping, lang: str = "en") -> tuple[str, ...]:
    t = words(lang).text
    out = []
    status = str(recipe.get("status", RecipeStatus.FEASIBLE))
    if status != RecipeStatus.FEASIBLE:
        reasons = " ".join(
            str(f.get("message", ""))
            for f in recipe.get("flags", ()) or ()
            if f.get("severity") in ("refused", "infeasible")
        )
        out.append(t["warning_not_feasible"].format(status=status_word(status, lang), reasons=reasons).strip())
    if recipe.get("ood"):
        out.append(t["warning_ood"])
    return tuple(out)


_catalogs: dict[tuple[int, str], Catalog] = {}


def _catalog_in(lang: str, catalog: Catalog | None = None) -> Catalog:
    """``catalog`` (the bundled one by default) with its texts in ``lang``, translated once."""
    base = catalog or load_catalog()
    if lang == "en":
        return base
    key = (id(base), lang)
    if key not in _catalogs:
        _catalogs[key] = translate_catalog(base, lang)
    return _catalogs[key]


def _bundled_target(catalog: Catalog, target_id: str) -> Target | None:
    """A bundled preset or scenario product by id."""
    for t in catalog.targets.values():
        for x in (t, *t.products):
            if x.target_id == target_id:
                return x
    return None


def _target_name(target: Mapping | None, catalog: Catalog, lang: str) -> str:
    """The target's name; a bundled preset's or scenario product's in ``lang``."""
    name = str((target or {}).get("name") or "")
    if not name:
        return words(lang).text["no_target"]
    tid = str((target or {}).get("id") or "")
    preset = _bundled_target(catalog, tid)
    english = _bundled_target(_catalog_in("en"), tid)
    if preset is not None and english is not None and name in (english.name, preset.name):
        return preset.name
    return name


def build_work_order(
    recipe: Mapping,
    target: Mapping | None = None,
    model: Mapping | None = None,
    *,
    items: Sequence[WasteItem] = (),
    catalog: Catalog | None = None,
    procedures: Mapping[str, Sequence[ProcedureStep]] | None = None,
    now: _dt.datetime | None = None,
    lang: str = "en",
) -> WorkOrder:
    """The work order of ``recipe`` (a result-contract recipe: ``Candidate.to_dict()``), generated for
    ``target`` (``Target.to_dict()``) by ``model``, written in ``lang`` ("en" or "es"). ``items`` are
    inventory items the recipe's ids may name beyond the bundled inventory (to tell which items must
    be shredded or dried)."""
    lang = language(lang)
    cat = _catalog_in(lang, catalog)
    procs = translate_procedures(procedures if procedures is not None else load_procedures(), lang)
    pid = str(recipe.get("process_id", ""))
    if pid not in cat.processes or pid not in procs:
        raise BadInputError(f"recipe {recipe.get('id', '?')} names a process this version does not know: {pid!r}")
    process = cat.processes[pid]
    bundled = {i.item_id: i for i in _catalog_in("en", catalog).default_inventory}
    feed = _feed(recipe, translate_items(items, lang, bundled), cat)
    values = step_values(recipe, feed, cat, lang)
    t = words(lang).text
    flow = recipe.get("mass_flow") or {}
    details = recipe.get("details") or {}
    product = fmt_kg(_num(recipe.get("batch_mass_kg"), _num(flow.get("product_kg"))), lang)
    batch_line = t["batch_line"].format(product=product, feed=values["feed_kg"])
    if values["loads"] != t["one_load"]:
        batch_line += t["loads_line"].format(loads=values["loads"], load=values["load_kg"])
    consumable = ""
    steps_row = cat.process_steps.get(pid)
    if _num(details.get("consumables_kg")) > 0 and steps_row is not None and steps_row.consumable:
        consumable = f"{steps_row.consumable}: {values['consumable_kg']}"
    bom, feed_total = _bom(recipe, cat, lang)
    when = now or _dt.datetime.now()
    english_process = _catalog_in("en", catalog).processes[pid].name
    given = str(recipe.get("process_name") or "")
    return WorkOrder(
        recipe_id=str(recipe.get("id", "")),
        process_id=pid,
        process_name=process.name if not given or given in (english_process, process.name) else given,
        status=str(recipe.get("status", RecipeStatus.FEASIBLE)),
        target_name=_target_name(target, cat, lang),
        model_label=_model_label(model, lang),
        created=when.strftime("%Y-%m-%d %H:%M"),
        batch_line=batch_line,
        bom=bom,
        feed_total=feed_total,
        consumables=consumable,
        steps=order_steps(recipe, procs[pid], values, lang),
        hazards=_hazards(recipe, cat),
        safety_notes=_safety_notes(recipe, cat, lang),
        outputs=_outputs(recipe, lang),
        properties=_properties(recipe, target, lang),
        warnings=_warnings(recipe, lang),
        lang=lang,
        feed_kg=_num(flow.get("feed_kg")),
        recommended=bool(recipe.get("recommended")),
    )


def work_order_for_candidate(
    cand, target=None, model=None, items: Sequence[WasteItem] = (), lang: str = "en"
) -> WorkOrder:
    """The work order of a generated candidate (the window's selection), in ``lang``."""
    tgt = target.to_dict() if hasattr(target, "to_dict") else target
    info = model.to_dict() if hasattr(model, "to_dict") else model
    return build_work_order(cand.to_dict(), tgt, info, items=items, lang=lang)


# ------------------------------------------------------------------------------------------- HTML
_CSS = """
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 9.5pt; color: #111827; }
h1 { font-size: 14pt; margin: 0 0 4px 0; }
h2 { font-size: 12pt; margin-top: 10px; margin-bottom: 4px; color: #1f2937; }
li { font-size: 9pt; }
table.grid { border-collapse: collapse; }
table.grid th { background-color: #e5e7eb; text-align: left; }
table.grid td { font-size: 9pt; }
td.num, th.num { text-align: right; white-space: nowrap; }
p.warn { color: #991b1b; font-weight: bold; }
span.label { color: #4b5563; }
p.small { color: #4b5563; font-size: 8pt; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _grid(
    head: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int] = (), num: Sequence[int] = ()
) -> str:
    """A bordered table; cells are HTML already escaped; ``widths`` in percent; ``num`` right-aligned columns."""

    def cell(tag: str, i: int, body: str) -> str:
        w = f" width='{widths[i]}%'" if i < len(widths) else ""
        cls = " class='num'" if i in num else ""
        return f"<{tag}{w}{cls} valign='top'>{body}</{tag}>"

    hrow = "<tr>" + "".join(cell("th", i, _e(h)) for i, h in enumerate(head)) + "</tr>" if any(head) else ""
    body = "".join("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f"<table class='grid' border='1' cellspacing='0' cellpadding='4' width='100%'>{hrow}{body}</table>"


_NUMBER_UNIT = re.compile(r"(\d|±) (?=°C|kg|g\b|mm|cm|m\b|min|h\b|bar|MPa|mL|L\b|µm|%|\d)")


def _unbroken(text: str) -> str:
    """A figure kept on one line with its unit and its ± sign (a no-break space between them)."""
    return _NUMBER_UNIT.sub("\\1\u00a0", text)


def _labelled(label: str, text: str) -> str:
    return f"<br><span class='label'>{_e(label)}:</span> {_e(text)}" if text else ""


def _header_html(o: WorkOrder, title: str = "", extra: Sequence[tuple[str, str]] = ()) -> str:
    """The recipe's header: ``title`` (the work order's by default) and its table, ``extra`` rows first."""
    t = words(o.lang).text
    recipe = f"{o.recipe_id} · ★ {t['recommended']}" if o.recommended else o.recipe_id
    rows = [
        *extra,
        (t["recipe"], recipe),
        (t["process"], o.process_name),
        (t["target"], o.target_name),
        (t["batch"], o.batch_line),
        (t["model"], o.model_label),
        (t["date"], o.created),
    ]
    body = "".join(f"<tr><td width='18%'><b>{_e(a)}</b></td><td>{_e(b)}</td></tr>" for a, b in rows)
    warn = "".join(f"<p class='warn'>⚠ {_e(w)}</p>" for w in o.warnings)
    head = title or f"{t['title']}: {o.process_name}"
    return f"<h1>{_e(head)}</h1><table cellpadding='2'>{body}</table>{warn}"


def _bom_html(o: WorkOrder, batches: int = 0) -> str:
    """The bill of materials per batch; with ``batches`` (a day of the plan) also the kg for them all."""
    t = words(o.lang).text
    if batches <= 0:
        rows = [[_e(b.name), _e(b.item_id), _e(b.share), _e(b.kg), ""] for b in o.bom]
        rows.append([f"<b>{_e(t['feed_total'])}</b>", "", "", f"<b>{_e(o.feed_total)}</b>", ""])
        head, widths, num = (
            [t["bom_item"], t["bom_id"], t["bom_share"], t["bom_kg"], t["bom_done"]],
            (36, 15, 19, 15, 15),
            (2, 3),
        )
    else:

        def day(kg: float) -> str:
            return _e(fmt_kg(kg * batches, o.lang))

        # no share column: the kg per batch and for the day say it, and the "Weighed" box keeps its room
        rows = [[_e(b.name), _e(b.item_id), _e(b.kg), day(b.mass_kg), ""] for b in o.bom]
        total = f"<b>{day(o.feed_kg)}</b>"
        rows.append([f"<b>{_e(t['feed_total'])}</b>", "", f"<b>{_e(o.feed_total)}</b>", total, ""])
        day_head = t["bom_day"].format(batches=_batches_text(batches, o.lang))
        head = [t["bom_item"], t["bom_id"], t["bom_kg"], day_head, t["bom_done"]]
        widths, num = (40, 15, 15, 15, 15), (2, 3)
    table = _grid(head, rows, widths, num)
    extra = f"<p><b>{_e(t['consumables'])}:</b> {_e(o.consumables)}</p>" if o.consumables else ""
    return f"<h2>{_e(t['bom_day_title'] if batches > 0 else t['bom'])}</h2>{table}{extra}"


def _batches_text(n: int, lang: str) -> str:
    t = words(lang).text
    return t["one_batch"] if n == 1 else t["n_batches"].format(n=n)


def _safety_html(o: WorkOrder) -> str:
    t = words(o.lang).text
    hz = "".join(f"<li><b>{_e(h.material)}</b>: {_e(h.text)}{_labelled(t['protect'], h.ppe)}</li>" for h in o.hazards)
    hz_html = f"<ul>{hz}</ul>" if hz else f"<p>{_e(t['no_hazards'])}</p>"
    notes = "".join(f"<li>{_e(n)}</li>" for n in o.safety_notes)
    notes_html = f"<ul>{notes}</ul>" if notes else f"<p>{_e(t['no_safety'])}</p>"
    return f"<h2>{_e(t['hazards'])}</h2>{hz_html}<h2>{_e(t['safety'])}</h2>{notes_html}"


def _steps_html(o: WorkOrder, repeat: int = 0) -> str:
    """The procedure; with ``repeat`` (a day of the plan) it says to follow it for each batch."""
    t = words(o.lang).text
    rows = []
    for s in o.steps:
        what = f"<b>{_e(s.title)}.</b> {_e(s.action)}{_labelled(t['checkpoint'], s.checkpoint)}"
        what += _labelled(t["record"], s.record)
        setp = f"<b>{_e(_unbroken(s.set_point))}</b>" if s.set_point else ""
        if s.tolerance:
            setp += f"<br><span class='label'>{_e(t['tolerance'])}:</span> {_e(_unbroken(s.tolerance))}"
        safety = (f"<span class='label'>{_e(t['ppe'])}:</span> {_e(s.ppe)}" if s.ppe else "") + (
            _labelled(t["hazard"], s.hazard)
            if s.ppe
            else (f"<span class='label'>{_e(t['hazard'])}:</span> {_e(s.hazard)}" if s.hazard else "")
        )
        rows.append([f"<b>{s.number}</b>", what, setp, safety, ""])
    table = _grid(
        [t["step_no"], t["steps"], t["set_point"], f"{t['ppe']} / {t['hazard']}", t["done"]],
        rows,
        (5, 43, 19, 23, 10),
    )
    head = f"<h2 style='page-break-before: always'>{_e(t['steps'])}: {_e(o.process_name)}</h2>"
    sub = f"<p>{_e(t['recipe'])} <b>{_e(o.recipe_id)}</b> · {_e(o.batch_line)}</p>"
    if repeat > 0:
        sub += f"<p><b>{_e(t['repeat'].format(batches=_batches_text(repeat, o.lang)))}</b></p>"
    return f"{head}{sub}{table}"


def _results_html(o: WorkOrder) -> str:
    """Outputs (with how to handle each) and predicted properties, side by side to keep the summary
    sheet on one page."""
    t = words(o.lang).text
    outs = _grid(
        [t["output"], t["mass"], t["handling"]],
        [[_e(x.title), _e(x.kg), _e(x.handling)] for x in o.outputs],
        (25, 15, 60),
        (1,),
    )
    props = _grid(
        [t["property"], t["predicted"], t["required"]],
        [
            [_e(p.title), f"{_e(p.predicted)}<br><span class='label'>{_e(p.interval)}</span>", _e(p.required)]
            for p in o.properties
        ],
        (38, 35, 27),
        (1, 2),
    )
    return (
        "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
        f"<td width='54%' valign='top'><h2>{_e(t['outputs'])}</h2>{outs}</td><td width='2%'></td>"
        f"<td width='44%' valign='top'><h2>{_e(t['properties'])}</h2>{props}</td></tr></table>"
    )


def _as_made_html(o: WorkOrder, batches: int = 0) -> str:
    """The blank "as made" sheet; with ``batches`` (a day of the plan) it names how many were made."""
    t = words(o.lang).text
    rows = []
    for _key, label, unit, kind in words(o.lang).as_made_fields:
        title = f"<b>{_e(label)}</b>" + (f" ({_e(unit)})" if unit else "")
        if kind == "found_by":
            hint = f"<br><br><span class='label'>{_e(t['found_by'])}</span><br><br>"
        elif kind == "outcome":
            hint = f"<span class='label'>{_e(t['outcome_choices'])}</span>"
        elif kind == "notes":
            hint = "<br><br><br><br>"
        else:
            hint = "<br><br>"
        rows.append([title, hint])
    table = _grid(["", ""], rows, (32, 68))
    return (
        f"<h2 style='page-break-before: always'>{_e(t['as_made'])}</h2>"
        f"<p>{_e(t['recipe'])} <b>{_e(o.recipe_id)}</b> · {_e(o.process_name)} · {_e(o.batch_line)}"
        + (f" · {_e(_batches_text(batches, o.lang))}" if batches > 0 else "")
        + "</p>"
        f"<p class='small'>{_e(t['as_made_hint'])}</p>{table}"
    )


def work_order_html(o: WorkOrder) -> str:
    """The work order as one HTML page (Qt's rich-text subset, so the PDF looks the same). On paper:
    a summary sheet (header, bill of materials, hazards and safety notes, outputs and predicted
    properties), the procedure from a new page, the "as made" sheet on a page of its own."""
    t = words(o.lang).text
    foot = t["footer"].format(app=t["app"], version=__version__, date=o.created)
    body = (
        _header_html(o)
        + _bom_html(o)
        + _safety_html(o)
        + _results_html(o)
        + _steps_html(o)
        + _as_made_html(o)
        + f"<p class='small'>{_e(foot)}</p>"
    )
    title = f"{t['title']} {o.recipe_id}"
    return (
        f"<!DOCTYPE html><html lang='{o.lang}'><head><meta charset='utf-8'>"
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>{body}</body></html>"
    )


# ------------------------------------------------------------------------------ from a results file
@dataclass(frozen=True)
class ResultsFile:
    """What a work order needs from a results file: its recipes, target and model."""

    path: str
    recipes: tuple[Mapping, ...]
    target: Mapping | None
    model: Mapping | None

    def recipe(self, recipe_id: str) -> Mapping:
        """The recipe with this id (or a unique start of it); BadInputError naming some ids otherwise."""
        rid = recipe_id.strip()
        exact = [r for r in self.recipes if str(r.get("id")) == rid]
        found = exact or ([r for r in self.recipes if str(r.get("id")).startswith(rid)] if len(rid) >= 4 else [])
        if len(found) == 1:
            return found[0]
        ids = ", ".join(str(r.get("id")) for r in self.recipes[:5])
        more = f" (and {len(self.recipes) - 5} more)" if len(self.recipes) > 5 else ""
        if found:
            raise BadInputError(f"recipe id {rid!r} matches {len(found)} recipes in {self.path}: give more of it")
        raise BadInputError(f"no recipe {rid!r} in {self.path}; its recipes are {ids or 'none'}{more}")


def load_results(path: Path | str) -> ResultsFile:
    obj = read_result_file(path)
    target = obj.get("target") if isinstance(obj.get("target"), dict) else None
    model = obj.get("model") if isinstance(obj.get("model"), dict) else None
    return ResultsFile(Path(path).name, tuple(obj["recipes"]), target, model)


PDF_NEEDS_QT = (
    "a PDF work order needs the window libraries (PySide6), which this installation lacks; "
    "write .html instead and print it from a browser"
)
PdfWriter = Callable[[str, Path], None]  # (html, path) -> writes the PDF; supplied by the window layer


def check_output(out: Path | str, pdf_writer: PdfWriter | None) -> Path:
    """``out`` as a path, once it names a document this installation can write (.html, or .pdf with
    Qt's ``pdf_writer``); BadInputError naming the problem otherwise, before any work is done."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise BadInputError(f"unsupported output type {suffix or '(none)'}: use .pdf or .html")
    if suffix == ".pdf" and pdf_writer is None:
        raise BadInputError(PDF_NEEDS_QT)
    return out


def write_document(html_text: str, out: Path, pdf_writer: PdfWriter | None) -> None:
    """A work order's HTML written to ``out`` (checked by :func:`check_output`) as HTML or as PDF."""
    if out.suffix.lower() == ".pdf":
        assert pdf_writer is not None
        pdf_writer(html_text, out)
    else:
        save_text(out, html_text, what="the work order")


def write_work_order(
    results_path: Path | str,
    recipe_id: str,
    out: Path | str,
    *,
    pdf_writer: PdfWriter | None = None,
    lang: str = "en",
) -> WorkOrder:
    """``spacetrash workorder``: the work order of one recipe of a results file, as ``.html`` or ``.pdf``,
    in ``lang`` ("en" or "es").
    An infeasible or refused recipe gets no work order. A PDF needs ``pdf_writer`` (Qt, from the window
    layer); without it the error says so plainly."""
    out = check_output(out, pdf_writer)
    results = load_results(results_path)
    recipe = results.recipe(recipe_id)
    if str(recipe.get("status", RecipeStatus.FEASIBLE)) != RecipeStatus.FEASIBLE:
        raise BadInputError(
            f"recipe {recipe.get('id')} is {recipe.get('status')}: a work order is written only for a feasible recipe"
        )
    items, _source = current_inventory()
    order = build_work_order(recipe, results.target, results.model, items=items, lang=lang)
    write_document(work_order_html(order), out, pdf_writer)
    return order


# ------------------------------------------------------------------------------------------ checks
def score_recipes(
    recipes: Sequence[Recipe], items: Sequence[WasteItem], target: Target, scorer=None
) -> list[Candidate]:
    """Given recipes scored (physics model unless ``scorer``) and vetted for ``target`` as a generation
    run would: one Candidate each, in order (work orders of hand-made recipes; the self-test). Names
    and reasons are in the data language (the window's; English on the command line)."""
    catalog = catalog_in_data_language()
    tables = compile_tables(catalog, list(items))
    b = from_recipes(tables, list(recipes))
    s = (scorer or PhysicsScorer()).score(tables, b, target.batch_mass_kg)
    v = vet(tables, b, s.phys, target, s.props)
    flags = v.flags | np.where(s.ood, int(Flag.OOD), 0)
    store = Store()
    rows, _ = store.add(b, s, flags, preference(tables, target, b, s.phys.problematic_share), np.arange(len(b)))
    return build_candidates(tables, target, store.arrays(), rows, None)


def _flat(t: str) -> str:
    """Text without whitespace, NFKC-normalised (a PDF's ligatures such as 'ﬁ' read back as letters)."""
    return "".join(unicodedata.normalize("NFKC", html.unescape(t)).split())


def _split_found(w: str, pages: Sequence[str]) -> bool:
    """A table row broken across a page: the start of ``w`` ends one page's text run and the rest is on
    the next page (at least 8 characters each side)."""
    for a, b in itertools.pairwise(pages):
        for k in range(8, len(w) - 7):
            if w[:k] in a and w[k:] in b:
                return True
    return False


def missing_from(text: str | Sequence[str], order: WorkOrder) -> list[str]:
    """What of the work order's steps, set points, tolerances, step hazards, material hazards and
    safety notes a rendering does not hold: ``text`` is the HTML, or the text a PDF extractor reads
    back, one string per page (a step whose table row breaks across two pages counts as present when
    its two parts are on those pages). Whitespace is ignored."""
    pages = [_flat(text)] if isinstance(text, str) else [_flat(t) for t in text]
    body = "".join(pages)
    wanted = [s.action for s in order.steps] + [s.set_point for s in order.steps] + [s.tolerance for s in order.steps]
    wanted += [s.hazard for s in order.steps] + [h.text for h in order.hazards] + list(order.safety_notes)
    out: list[str] = []
    for w in dict.fromkeys(x for x in wanted if x):
        fw = _flat(w)
        if fw not in body and not _split_found(fw, pages):
            out.append(w)
    return out


def check_work_order(cand: Candidate, target=None, model=None) -> WorkOrder:
    """The self-test's check of a candidate's work order: built and rendered as HTML, which must hold
    every step, set point and hazard; RuntimeError otherwise."""
    order = work_order_for_candidate(cand, target, model)
    missing = missing_from(work_order_html(order), order)
    if len(order.steps) < 3 or missing:
        raise RuntimeError(f"the work order of recipe {cand.recipe_id} lacks {missing[:3] or 'its steps'}")
    return order


def self_test_work_order() -> tuple[WorkOrder, str]:
    """A work order for the window's self-test PDF: drink pouches and composite-panel crumb hot-pressed
    into a panel for the interior-panel preset (feasible there); RuntimeError when it no longer is, or
    when its HTML lacks a step, a set point or a hazard."""
    catalog = load_catalog()
    target = catalog.targets["interior_panel"]
    recipe = Recipe((("W009", 0.5), ("W011", 0.5)), 0.0, "hot_press_lamination", target.batch_mass_kg)
    cand = score_recipes([recipe], catalog.default_inventory, target)[0]
    if not cand.feasible:
        raise RuntimeError(f"the self-test's recipe is {cand.status} for {target.name}")
    order = check_work_order(cand, target, {"name": "physics"})
    return order, work_order_html(order)
