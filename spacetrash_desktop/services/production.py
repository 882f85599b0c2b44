"""What was made: the production log, the stock it takes out of the inventory, undo, mission totals.

* :func:`record` checks the inventory holds the stock, appends a ``made`` record to the crash-safe log
  (``storage/production.py``), then takes the stock out of the inventory. Each stock line keeps its
  before and after mass and count in the record, so :func:`undo` (an appended ``undo`` record, never a
  rewrite) puts them back bit for bit. A line that reaches 0 kg stays in the inventory at 0 kg.
* A line edited after the entry was made cannot be restored to its old value without losing the edit:
  undo then adds the kg used back to its current mass (and says so). A deleted line is added back.
* The log is the commit point: if the process dies after the record but before the inventory is saved,
  the next :func:`record` or :func:`undo` finds the latest record's stock lines still at their "before"
  values and applies it (:func:`reconcile`).
* ``items=`` / ``save=False`` let the window work on its own inventory document (unsaved edits included)
  and save through its autosaver; the command line reads and saves the current inventory.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacetrash_desktop.domain import ProductionRequest, Recipe, WasteItem
from spacetrash_desktop.errors import BadInputError, StorageError
from spacetrash_desktop.messages import msg
from spacetrash_desktop.services.inventory import current_inventory, load_catalog, save_current_inventory
from spacetrash_desktop.storage.production import ProductionLog

EPS_KG = 1e-9  # kg: a request this much over the stock is rounding, and empties the line


@dataclass(frozen=True)
class StockChange:
    """One inventory line touched by a record: kg used, and its (mass_kg, count) before and after.
    ``before`` is None when the line was not in the inventory (undo added it back)."""

    item_id: str
    name: str
    category: str
    kg: float
    before: tuple[float, int] | None
    after: tuple[float, int]
    item: Mapping[str, Any] = field(default_factory=dict)  # the whole line, to add it back if deleted

    def to_dict(self) -> dict[str, Any]:
        return {
            "item_id": self.item_id,
            "name": self.name,
            "category": self.category,
            "kg": self.kg,
            "before": None if self.before is None else {"mass_kg": self.before[0], "count": self.before[1]},
            "after": {"mass_kg": self.after[0], "count": self.after[1]},
            "item": dict(self.item),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> StockChange:
        b, a = d.get("before"), d["after"]
        return cls(
            item_id=d["item_id"],
            name=d.get("name") or d["item_id"],
            category=d.get("category") or "",
            kg=float(d["kg"]),
            before=None if b is None else (float(b["mass_kg"]), int(b["count"])),
            after=(float(a["mass_kg"]), int(a["count"])),
            item=d.get("item") or {},
        )


@dataclass(frozen=True)
class ProductionEntry:
    entry_id: str
    recorded_at: str
    recipe_id: str
    recipe: Mapping[str, Any]
    product: str
    product_name: str
    batches: int
    product_kg: float
    changes: tuple[StockChange, ...]
    items_kg: float
    regolith_kg: float
    energy_kwh: float
    water_l: float
    crew_min: float
    who: str
    sol: int | None
    source: str
    undone: bool = False
    undone_at: str = ""
    undo_note: str = ""


@dataclass
class Outcome:
    """What :func:`record` or :func:`undo` did: the entry, the inventory after it, plain-words notes."""

    entry: ProductionEntry
    items: list[WasteItem]
    changes: list[StockChange] = field(default_factory=list)  # the stock lines it changed, before -> after
    notes: list[str] = field(default_factory=list)
    saved_to: Path | None = None


# ---------------------------------------------------------------------------------------- requests
def request_from_candidate(cand, target, batches: int, *, sol: int | None = None) -> ProductionRequest:
    """A Candidates-tab recipe (``engine.results.Candidate``) for ``target``, ``batches`` times."""
    batches = _batches(batches)
    if not cand.feasible:
        raise BadInputError(msg("Only a feasible recipe can be marked as made: this one does not meet the target."))
    rec = cand.recipe
    used: dict[str, float] = {}
    for (iid, _f), kg in zip(rec.items, cand.item_kg, strict=False):
        if kg > 0:
            used[iid] = used.get(iid, 0.0) + float(kg) * batches
    details, values = cand.details, cand.values
    return ProductionRequest(
        recipe=rec,
        recipe_id=cand.recipe_id,
        product=target.target_id,
        product_name=target.name,
        batches=batches,
        product_kg=float(details.get("product_kg", target.batch_mass_kg)) * batches,
        items_kg=tuple(used.items()),
        regolith_kg=float(details.get("regolith_kg", 0.0)) * batches,
        energy_kwh=float(values.get("energy_kwh", 0.0)) * batches,
        water_l=float(values.get("water_l", 0.0)) * batches,
        crew_min=float(values.get("crew_min", 0.0)) * batches,
        sol=sol,
        source="recipe",
    )


def scale_request(request: ProductionRequest, batches: int) -> ProductionRequest:
    """The same request for another number of batches (everything per batch scales)."""
    batches = _batches(batches)
    k = batches / request.batches
    return dataclasses.replace(
        request,
        batches=batches,
        product_kg=request.product_kg * k,
        items_kg=tuple((i, kg * k) for i, kg in request.items_kg),
        regolith_kg=request.regolith_kg * k,
        energy_kwh=request.energy_kwh * k,
        water_l=request.water_l * k,
        crew_min=request.crew_min * k,
    )


def request_from_result_file(path: Path | str, recipe_id: str, batches: int) -> ProductionRequest:
    """A recipe of a saved result JSON (``spacetrash generate --out``), ``batches`` times."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInputError(f"No such results file: {path}") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BadInputError(f"{path} is not a readable results JSON file.", details=str(exc)) from exc
    if not isinstance(doc, dict) or doc.get("schema") != "spacetrash.result":
        raise BadInputError(f"{path} is not a Space Trash results file (no 'spacetrash.result' schema).")
    rec = next((r for r in doc.get("recipes", []) if r.get("id") == recipe_id), None)
    if rec is None:
        raise BadInputError(f"Recipe {recipe_id} is not in {path}.")
    if not rec.get("feasible"):
        raise BadInputError(f"Recipe {recipe_id} is not feasible, so it cannot be marked as made.")
    batches = _batches(batches)
    target = doc.get("target") or {}
    props = rec.get("properties") or {}
    recipe = Recipe(
        items=tuple((i["item_id"], float(i["fraction"])) for i in rec["items"]),
        regolith_frac=float(rec["regolith_frac"]),
        process_id=rec["process_id"],
        batch_mass_kg=float(rec["batch_mass_kg"]),
    )
    used: dict[str, float] = {}
    for i in rec["items"]:
        if float(i.get("mass_kg", 0.0)) > 0:
            used[i["item_id"]] = used.get(i["item_id"], 0.0) + float(i["mass_kg"]) * batches
    return ProductionRequest(
        recipe=recipe,
        recipe_id=recipe_id,
        product=str(target.get("id") or "custom"),
        product_name=str(target.get("name") or target.get("id") or "product"),
        batches=batches,
        product_kg=float((rec.get("mass_flow") or {}).get("product_kg", recipe.batch_mass_kg)) * batches,
        items_kg=tuple(used.items()),
        regolith_kg=float(rec.get("regolith_kg", 0.0)) * batches,
        energy_kwh=float(props.get("energy_kwh", {}).get("value", 0.0)) * batches,
        water_l=float(props.get("water_l", {}).get("value", 0.0)) * batches,
        crew_min=float(props.get("crew_min", {}).get("value", 0.0)) * batches,
        source="cli",
    )


def _plan_line_recipe(line: Mapping[str, Any], used: list[tuple[str, float]], planned: int) -> Recipe:
    rec = line.get("recipe")
    if isinstance(rec, Mapping):
        return Recipe(
            items=tuple((i["item_id"], float(i["fraction"])) for i in rec["items"]),
            regolith_frac=float(rec.get("regolith_frac", 0.0)),
            process_id=str(rec["process_id"]),
            batch_mass_kg=float(rec.get("batch_mass_kg", 1.0)),
        )
    waste = sum(kg for _i, kg in used)
    regolith = float(line.get("regolith_kg", 0.0))
    return Recipe(
        items=tuple((i, kg / waste) for i, kg in used),
        regolith_frac=regolith / (waste + regolith),
        process_id=str(line["process_id"]),
        batch_mass_kg=float(line["product_kg"]) / planned,
    )


def _product_name(product_id: str) -> str:
    """A target's or a scenario product's name from the catalog (the id when it is not there)."""
    for t in load_catalog().targets.values():
        for x in (t, *t.products):
            if x.target_id == product_id:
                return x.name
    return product_id


def _batches(batches: Any) -> int:
    if isinstance(batches, bool) or not isinstance(batches, int) or batches < 1:
        raise BadInputError(msg("Batches must be a whole number, 1 or more (got {batches!r}).", batches=batches))
    if batches > 100_000:
        raise BadInputError(msg("{batches:,} batches is not plausible (at most 100,000 at once).", batches=batches))
    return batches


# ---------------------------------------------------------------------------------------- inventory
def apply_to_inventory(
    items: Sequence[WasteItem], items_kg: Iterable[tuple[str, float]]
) -> tuple[list[WasteItem], list[StockChange]]:
    """Take ``items_kg`` out of ``items``. Raises BadInputError naming every line that lacks stock."""
    need: dict[str, float] = {}
    for iid, kg in items_kg:
        if not math.isfinite(kg) or kg < 0:
            raise BadInputError(msg("The kg of {item} to take out must be a finite number, 0 or more.", item=iid))
        need[iid] = need.get(iid, 0.0) + float(kg)
    index = {it.item_id: k for k, it in enumerate(items)}
    short = []
    for iid, kg in need.items():
        k = index.get(iid)
        if k is None:
            short.append(msg("{item} is not in the inventory", item=iid))
        elif kg > items[k].mass_kg + EPS_KG:
            short.append(
                msg(
                    "{item} needs {need}, only {have} in stock",
                    item=items[k].name,
                    need=_kg(kg),
                    have=_kg(items[k].mass_kg),
                )
            )
    if short:
        raise BadInputError(msg("Not enough stock to record this: {lines}.", lines="; ".join(short)))
    out = list(items)
    changes = []
    for iid, kg in need.items():
        k = index[iid]
        it = out[k]
        mass = it.mass_kg - kg
        mass = 0.0 if mass <= EPS_KG else mass
        count = round(it.count * mass / it.mass_kg) if it.count and it.mass_kg > 0 else 0
        out[k] = dataclasses.replace(it, mass_kg=mass, count=count)
        changes.append(
            StockChange(iid, it.name, it.category, kg, (it.mass_kg, it.count), (mass, count), _item_dict(it))
        )
    return out, changes


def restore_inventory(
    items: Sequence[WasteItem], entry: ProductionEntry
) -> tuple[list[WasteItem], list[StockChange], list[str]]:
    """Put an entry's stock back: each line still at its "after" value gets its exact "before" value; a
    line edited since gets the kg added back; a deleted line is added back. Returns the new items, the
    changes made and notes in plain words."""
    out = list(items)
    index = {it.item_id: k for k, it in enumerate(out)}
    changes, notes = [], []
    for ch in entry.changes:
        before = ch.before if ch.before is not None else (0.0, 0)
        k = index.get(ch.item_id)
        if k is None:
            base = _item_from_dict(ch.item) if ch.item else None
            if base is None:
                notes.append(msg("{item} is no longer in the inventory and could not be added back.", item=ch.name))
                continue
            new = dataclasses.replace(base, mass_kg=before[0], count=before[1])
            out.append(new)
            index[ch.item_id] = len(out) - 1
            changes.append(StockChange(ch.item_id, ch.name, ch.category, ch.kg, None, before, ch.item))
            notes.append(msg("{item} had been deleted; it was added back with {kg}.", item=ch.name, kg=_kg(before[0])))
            continue
        it = out[k]
        now = (it.mass_kg, it.count)
        if now == ch.after:
            new_state = before
        else:
            new_state = (it.mass_kg + ch.kg, it.count + max(0, before[1] - ch.after[1]))
            notes.append(
                msg(
                    "{item} was changed after this was made, so the {kg} used were added to its "
                    "current stock (now {now}).",
                    item=it.name,
                    kg=_kg(ch.kg),
                    now=_kg(new_state[0]),
                )
            )
        out[k] = dataclasses.replace(it, mass_kg=new_state[0], count=new_state[1])
        changes.append(StockChange(ch.item_id, ch.name, ch.category, ch.kg, now, new_state, ch.item))
    return out, changes, notes


def reconcile(items: Sequence[WasteItem], log: ProductionLog) -> tuple[list[WasteItem], bool]:
    """Apply the latest record to ``items`` if a process died after logging it but before the inventory
    was saved (every line it touched still at its "before" value). Returns (items, whether changed)."""
    records = log.records()
    if not records:
        return list(items), False
    last = records[-1]
    changes = [StockChange.from_dict(d) for d in last.get("items_json") or []]
    index = {it.item_id: k for k, it in enumerate(items)}
    out = list(items)
    pending = []
    for ch in changes:
        k = index.get(ch.item_id)
        now = None if k is None else (out[k].mass_kg, out[k].count)
        if now == ch.after:
            continue
        if now != ch.before:
            return list(items), False  # edited since: not a torn record, leave the stock alone
        pending.append((k, ch))
    if not pending:
        return out, False
    for k, ch in pending:
        if k is None:
            base = _item_from_dict(ch.item)
            if base is None:
                continue
            out.append(dataclasses.replace(base, mass_kg=ch.after[0], count=ch.after[1]))
        else:
            out[k] = dataclasses.replace(out[k], mass_kg=ch.after[0], count=ch.after[1])
    return out, True


# ---------------------------------------------------------------------------------------- the log
def open_log(path: Path | str | None = None) -> ProductionLog:
    return ProductionLog(path)


def record(
    request: ProductionRequest,
    who: str = "",
    sol: int | None = None,
    *,
    items: Sequence[WasteItem] | None = None,
    save: bool = True,
    log: ProductionLog | None = None,
) -> Outcome:
    """Record that ``request`` was made and take its stock out of the inventory (``items``, else the
    current inventory). Refuses (BadInputError) when the inventory lacks the stock; nothing is recorded
    then. With ``save`` the new inventory is saved as the current one."""
    who_name = _who(who)
    sol = _sol(sol if sol is not None else request.sol)
    _batches(request.batches)
    log = log or open_log()
    base, repaired = _reconciled(items, log, save)
    new_items, changes = apply_to_inventory(base, request.items_kg)
    rec = request.recipe.to_dict()
    rid = log.append(
        {
            "kind": "made",
            "who": who_name,
            "sol": sol,
            "source": request.source,
            "recipe_id": request.recipe_id,
            "recipe_json": rec,
            "product": request.product,
            "product_name": request.product_name,
            "batches": request.batches,
            "product_kg": request.product_kg,
            "items_json": [c.to_dict() for c in changes],
            "items_kg": sum(c.kg for c in changes),
            "regolith_kg": request.regolith_kg,
            "energy_kwh": request.energy_kwh,
            "water_l": request.water_l,
            "crew_min": request.crew_min,
        }
    )
    entry = next(e for e in list_entries(log) if e.entry_id == rid)
    notes = (
        [msg("An earlier record's stock change had not reached the inventory; it was applied now.")] if repaired else []
    )
    saved = _save(new_items, save, notes)
    return Outcome(entry, new_items, changes, notes, saved)


def undo(
    entry_id: str,
    who: str = "",
    *,
    items: Sequence[WasteItem] | None = None,
    save: bool = True,
    log: ProductionLog | None = None,
) -> Outcome:
    """Undo a production entry: append an ``undo`` record and put its stock back (see
    :func:`restore_inventory`). Refuses an unknown or already undone entry."""
    log = log or open_log()
    entry = _find(entry_id, log)
    if entry.undone:
        raise BadInputError(
            msg("Entry {entry} was already undone ({when}).", entry=entry.entry_id[:8], when=entry.undone_at[:16])
        )
    base, repaired = _reconciled(items, log, save)
    new_items, changes, notes = restore_inventory(base, entry)
    log.append(
        {
            "kind": "undo",
            "entry_id": entry.entry_id,
            "who": _who(who),
            "items_json": [c.to_dict() for c in changes],
            "items_kg": sum(c.kg for c in changes),
            "note": " ".join(notes) or None,
        }
    )
    if repaired:
        notes.insert(0, msg("An earlier record's stock change had not reached the inventory; it was applied first."))
    saved = _save(new_items, save, notes)
    return Outcome(dataclasses.replace(entry, undone=True), new_items, changes, notes, saved)


def list_entries(log: ProductionLog | None = None) -> list[ProductionEntry]:
    """Every ``made`` entry, oldest first, each marked undone when an ``undo`` record cancels it."""
    records = (log or open_log()).records()
    undos = {r["entry_id"]: r for r in records if r["kind"] == "undo"}
    out = []
    for r in records:
        if r["kind"] != "made":
            continue
        u = undos.get(r["entry_id"])
        out.append(
            ProductionEntry(
                entry_id=r["entry_id"],
                recorded_at=r["recorded_at"],
                recipe_id=r["recipe_id"],
                recipe=r["recipe_json"] or {},
                product=r["product"],
                product_name=r["product_name"] or r["product"],
                batches=int(r["batches"] or 0),
                product_kg=float(r["product_kg"] or 0.0),
                changes=tuple(StockChange.from_dict(d) for d in r["items_json"] or []),
                items_kg=float(r["items_kg"] or 0.0),
                regolith_kg=float(r["regolith_kg"] or 0.0),
                energy_kwh=float(r["energy_kwh"] or 0.0),
                water_l=float(r["water_l"] or 0.0),
                crew_min=float(r["crew_min"] or 0.0),
                who=r["who"] or "",
                sol=r["sol"],
                source=r["source"] or "",
                undone=u is not None,
                undone_at=(u or {}).get("recorded_at") or "",
                undo_note=(u or {}).get("note") or "",
            )
        )
    return out


def find_entry(entry_id: str, log: ProductionLog | None = None) -> ProductionEntry:
    return _find(entry_id, log or open_log())


def _find(entry_id: str, log: ProductionLog) -> ProductionEntry:
    key = (entry_id or "").strip().lower()
    if len(key) < 4:
        raise BadInputError("Give the entry id (at least its first 4 characters, as `spacetrash made list` shows).")
    hits = [e for e in list_entries(log) if e.entry_id.startswith(key)]
    if not hits:
        raise BadInputError(f"No production entry {entry_id} (see `spacetrash made list`).")
    if len(hits) > 1:
        raise BadInputError(f"{entry_id} matches {len(hits)} entries; give more of the id.")
    return hits[0]


def _reconciled(items: Sequence[WasteItem] | None, log: ProductionLog, save: bool) -> tuple[list[WasteItem], bool]:
    """The inventory to work on, with the latest record applied if it never reached it. That repair is
    saved before anything new is logged, so at most the latest record can ever be missing on disk."""
    base, repaired = reconcile(_base_items(items), log)
    if repaired and save:
        save_current_inventory(base)
    return base, repaired


def _save(items: list[WasteItem], save: bool, notes: list[str]) -> Path | None:
    """Save the new inventory. The entry is already recorded, so a refused save is not an error: it is
    said in ``notes`` and the stock change is applied at the next record or undo (:func:`reconcile`)."""
    if not save:
        return None
    try:
        return save_current_inventory(items)
    except StorageError as exc:
        notes.append(
            msg(
                "The entry is recorded, but the inventory could not be saved ({reason}); the stock is taken out "
                "when the inventory is next saved, recorded or undone.",
                reason=exc.message.rstrip("."),
            )
        )
        return None


def merge_changes(items: Sequence[WasteItem], changes: Iterable[StockChange]) -> list[WasteItem]:
    """Apply an outcome's stock changes to ``items`` (the window's inventory, possibly edited while the
    record was being saved): a line still at its "before" value gets the exact "after" value; a line
    edited meanwhile gets the same kg and count difference, so no edit is lost; a missing line that the
    change adds back is added."""
    out = list(items)
    index = {it.item_id: k for k, it in enumerate(out)}
    for ch in changes:
        k = index.get(ch.item_id)
        if k is None:
            base = _item_from_dict(ch.item) if ch.before is None and ch.item else None
            if base is not None:
                out.append(dataclasses.replace(base, mass_kg=ch.after[0], count=ch.after[1]))
                index[ch.item_id] = len(out) - 1
            continue
        it = out[k]
        if ch.before is None or (it.mass_kg, it.count) == ch.before:
            mass, count = ch.after
        else:
            mass = max(0.0, it.mass_kg + ch.after[0] - ch.before[0])
            count = max(0, it.count + ch.after[1] - ch.before[1])
        out[k] = dataclasses.replace(it, mass_kg=mass, count=count)
    return out


def _base_items(items: Sequence[WasteItem] | None) -> list[WasteItem]:
    return list(items) if items is not None else current_inventory()[0]


def _who(who: Any) -> str | None:
    who = (who or "").strip() if isinstance(who, str) else who
    if who is not None and not isinstance(who, str):
        raise BadInputError(msg("Who must be a name (text)."))
    if who and len(who) > 200:
        raise BadInputError(msg("Who is too long (at most 200 characters)."))
    return who or None


def _sol(sol: Any) -> int | None:
    if sol is None:
        return None
    if isinstance(sol, bool) or not isinstance(sol, int) or sol < 0 or sol > 100_000:
        raise BadInputError(msg("Sol must be a whole number of mission days, 0 or more (got {sol!r}).", sol=sol))
    return sol


def _item_dict(it: WasteItem) -> dict[str, Any]:
    d = dataclasses.asdict(it)
    d["composition"] = [list(p) for p in it.composition]
    d["flags"] = list(it.flags)
    return d


def _item_from_dict(d: Mapping[str, Any]) -> WasteItem | None:
    try:
        return WasteItem(
            item_id=d["item_id"],
            name=d["name"],
            category=d["category"],
            composition=tuple((str(m), float(f)) for m, f in d["composition"]),
            mass_kg=float(d["mass_kg"]),
            count=int(d.get("count", 0)),
            moisture_pct=float(d.get("moisture_pct", 0.0)),
            flags=tuple(d.get("flags", ())),
            difficulty=int(d.get("difficulty", 1)),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _kg(x: float) -> str:
    return f"{x:,.3f}".rstrip("0").rstrip(".") + " kg"


# ---------------------------------------------------------------------------------------- totals
@dataclass
class Totals:
    """Mission totals: what was made and what it took. kg by inventory category."""

    entries: int = 0
    batches: int = 0
    products: dict[str, tuple[int, float]] = field(default_factory=dict)  # product name -> (batches, kg)
    product_kg: float = 0.0
    waste_kg: float = 0.0
    waste_by_category: dict[str, float] = field(default_factory=dict)
    regolith_kg: float = 0.0
    energy_kwh: float = 0.0
    water_l: float = 0.0
    crew_h: float = 0.0
    remaining_kg: float = 0.0
    remaining_by_category: dict[str, float] = field(default_factory=dict)


@dataclass
class MissionTotals:
    to_date: Totals
    projected: Totals | None = None  # to the end of the plan (to date + the plan's lines)
    plan_sols: int | None = None


def mission_totals(
    plan: Any = None, *, items: Sequence[WasteItem] | None = None, log: ProductionLog | None = None
) -> MissionTotals:
    """Totals to date over the entries not undone, and the waste that remains in ``items`` (else the
    current inventory). Given a plan result (duck-typed: ``.lines`` with product_id, batches, items_kg,
    product_kg; ``.periods`` with energy_kwh, water_l, crew_min) also projected to its end."""
    inv = _base_items(items)
    cats = {it.item_id: it.category for it in inv}
    t = Totals()
    names: dict[str, str] = {}
    for e in list_entries(log):
        names[e.product] = e.product_name
        if e.undone:
            continue
        t.entries += 1
        t.batches += e.batches
        b, kg = t.products.get(e.product_name, (0, 0.0))
        t.products[e.product_name] = (b + e.batches, kg + e.product_kg)
        t.product_kg += e.product_kg
        for ch in e.changes:
            _add(t.waste_by_category, ch.category or cats.get(ch.item_id, "Other"), ch.kg)
        t.waste_kg += e.items_kg
        t.regolith_kg += e.regolith_kg
        t.energy_kwh += e.energy_kwh
        t.water_l += e.water_l
        t.crew_h += e.crew_min / 60.0
    for it in inv:
        _add(t.remaining_by_category, it.category, float(it.mass_kg))
    t.remaining_kg = sum(t.remaining_by_category.values())
    if plan is None:
        return MissionTotals(t)
    return MissionTotals(t, _project(t, plan, cats, names), _plan_sols(plan))


def _project(t: Totals, plan: Any, cats: Mapping[str, str], names: Mapping[str, str]) -> Totals:
    p = dataclasses.replace(
        t,
        products=dict(t.products),
        waste_by_category=dict(t.waste_by_category),
        remaining_by_category=dict(t.remaining_by_category),
    )
    for line in getattr(plan, "lines", ()) or ():
        batches = int(_get(line, "batches", 0))
        kg = float(_get(line, "product_kg", 0.0))
        pid = str(_get(line, "product_id", None) or _get(line, "product", "product"))
        name = str(_get(line, "product_name", None) or names.get(pid) or _product_name(pid))
        b, k = p.products.get(name, (0, 0.0))
        p.products[name] = (b + batches, k + kg)
        p.batches += batches
        p.product_kg += kg
        used = _get(line, "items_kg", {}) or {}
        for iid, ikg in used.items() if isinstance(used, Mapping) else used:
            cat = cats.get(iid, "Other")
            _add(p.waste_by_category, cat, float(ikg))
            p.waste_kg += float(ikg)
            p.remaining_by_category[cat] = max(0.0, p.remaining_by_category.get(cat, 0.0) - float(ikg))
    for period in getattr(plan, "periods", ()) or ():
        p.energy_kwh += float(_get(period, "energy_kwh", 0.0))
        p.water_l += float(_get(period, "water_l", 0.0))
        p.crew_h += float(_get(period, "crew_min", 0.0)) / 60.0
    p.remaining_kg = sum(p.remaining_by_category.values())
    return p


def _plan_sols(plan: Any) -> int | None:
    for holder in (plan, getattr(plan, "request", None)):
        v = getattr(holder, "horizon_sols", None)
        if isinstance(v, int):
            return v
    periods = getattr(plan, "periods", None) or ()
    ends = [_get(p, "last_sol", None) for p in periods]
    ends = [e for e in ends if isinstance(e, (int, float))]
    return int(max(ends)) if ends else None


def _get(obj: Any, name: str, default: Any) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _add(d: dict[str, float], key: str, kg: float) -> None:
    d[key] = d.get(key, 0.0) + kg


def request_from_plan_file(path: Path | str, line_no: int, batches: int | None = None) -> ProductionRequest:
    """Line ``line_no`` (1-based) of a plan JSON (``spacetrash plan --out plan.json``) as a request. A line
    holds product (or product_id), recipe_id, batches, the kg of each inventory id it uses (items_kg: an
    object or a list of {item_id, kg}) and the recipe (an object as ``Recipe.to_dict()``)."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInputError(f"No such plan file: {path}") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BadInputError(f"{path} is not a readable plan JSON file.", details=str(exc)) from exc
    lines = doc.get("lines") if isinstance(doc, dict) else None
    if not isinstance(lines, list) or not lines:
        raise BadInputError(f"{path} holds no plan lines.")
    if not 1 <= line_no <= len(lines):
        raise BadInputError(f"Plan line {line_no} does not exist: {path} has lines 1 to {len(lines)}.")
    return request_from_plan_line(lines[line_no - 1], batches)


def request_from_plan_line(line: Mapping[str, Any], batches: int | None = None) -> ProductionRequest:
    """A plan line (a mapping, see :func:`request_from_plan_file`) as a request, optionally for fewer or
    more batches than planned. Without a full ``recipe`` object the recipe is rebuilt from the line: the
    fractions of its items' kg, its regolith share, ``process_id`` and the product mass per batch."""
    try:
        planned = int(line["batches"])
        if planned < 1:
            raise BadInputError(msg("The plan line has no batches to make."))
        raw = line.get("items_kg") or {}
        used = (
            [(str(k), float(v)) for k, v in raw.items()]
            if isinstance(raw, Mapping)
            else [(str(d["item_id"]), float(d["kg"])) for d in raw]
        )
        recipe = _plan_line_recipe(line, used, planned)
    except (KeyError, TypeError, ValueError, ZeroDivisionError) as exc:
        raise BadInputError(msg("The plan line lacks its recipe, batches or the kg of the items it uses.")) from exc
    product = str(line.get("product") or line.get("product_id") or "product")
    req = ProductionRequest(
        recipe=recipe,
        recipe_id=str(line.get("recipe_id") or recipe.recipe_id),
        product=product,
        product_name=str(line.get("product_name") or _product_name(product)),
        batches=planned,
        product_kg=float(line.get("product_kg", recipe.batch_mass_kg * planned)),
        items_kg=tuple(used),
        regolith_kg=float(line.get("regolith_kg", 0.0)),
        energy_kwh=float(line.get("energy_kwh", 0.0)),
        water_l=float(line.get("water_l", 0.0)),
        crew_min=float(line.get("crew_min", 0.0)),
        sol=line.get("first_sol") if isinstance(line.get("first_sol"), int) else None,
        source="plan",
    )
    return req if batches is None or batches == planned else scale_request(req, batches)
