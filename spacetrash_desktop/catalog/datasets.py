"""Load and validate the bundled datasets (``datasets/``) into frozen domain objects.

A broken bundled file is a packaging bug: :func:`load_catalog` raises :class:`CatalogError` listing
every problem, and the test suite calls it, so the bug fails a test and never reaches a crew member.
The provenance rule (every figure has a source or a declared assumption) is checked by
:func:`provenance_problems`.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacetrash_desktop.catalog.rows import normalise_key, parse_inventory_rows
from spacetrash_desktop.domain import (
    NEVER_HEAT_HAZARDS,
    OPTIONAL_TARGET_LIMITS,
    STRENGTH_MIN_LIMITS,
    TARGET_LIMITS,
    Material,
    MaterialFamily,
    Process,
    ProcessSteps,
    Target,
    WasteItem,
)
from spacetrash_desktop.errors import BadInputError, CatalogError
from spacetrash_desktop.storage.paths import bundled_dir

DATASET_FILES = (
    "materials",
    "waste_inventory",
    "processes",
    "mgs1",
    "mgs1_tg",
    "process_variability",
    "process_steps",
    "material_hazards",
    "process_notes",
)
PROVENANCE_KINDS = {"V", "S", "D", "A"}
# The crew hazard codes of material_hazards.csv; the engine turns each into the vetting flag of that name.
HAZARD_CODES = frozenset({"COMBUSTIBLE_DUST", "FIBRE_DUST", "MATERIAL_HAZARD"})
HAZARD_APPLIES_IN = frozenset({"any", "heated"})
NOTE_CONDITIONS = ("material", "category", "name", "flag")


@dataclass(frozen=True)
class MaterialHazard:
    """What a material means for the crew (datasets/material_hazards.csv): its hazard codes (empty
    when another rule already keeps the hazard out), whether they arise in any process or only in a
    heated one, the plain text and the protective equipment, and whether it is unsafe in contact with
    food (with the reason)."""

    material_id: str
    codes: tuple[str, ...]
    applies_in: str  # any | heated
    text: str
    ppe: str
    food_contact_unsafe: bool
    food_contact_reason: str = ""
    # in a process that heats the feed, the most this material may be of itself plus the process's
    # binder by mass (1 = no cap): a combustible powder above it is loose powder on a hot surface
    max_heated_share: float = 1.0


@dataclass(frozen=True)
class ProcessNote:
    """One part of a process's safety note (datasets/process_notes.csv) and when it applies:
    ``conditions`` empty = every batch; else (kind, value) pairs, any of which makes it apply:
    ("material", id) in the feed, ("category" | "name" | "flag", text) of an item in the recipe."""

    process_id: str
    conditions: tuple[tuple[str, str], ...]
    note: str


@dataclass(frozen=True)
class Catalog:
    materials: Mapping[str, Material]
    processes: Mapping[str, Process]
    targets: Mapping[str, Target]
    default_inventory: tuple[WasteItem, ...]
    mgs1_phases: tuple[tuple[str, str, float], ...]  # (phase, type, wt_pct)
    mgs1_tg: tuple[tuple[float, float], ...] = ()  # (temperature_c, mass_loss_pct), rising
    sources: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # process_id -> assumed spread (rigidity sd, tightness sd, energy/water/crew relative sd)
    process_variability: Mapping[str, tuple[float, float, float, float, float]] = field(default_factory=dict)
    # process_id -> hidden steps (shredding, drying, tooling warm-up, consumables); none when absent
    process_steps: Mapping[str, ProcessSteps] = field(default_factory=dict)
    # material_id -> its crew hazards and food-contact safety (datasets/material_hazards.csv)
    material_hazards: Mapping[str, MaterialHazard] = field(default_factory=dict)
    # process_id -> the parts of its safety note, each with when it applies (datasets/process_notes.csv)
    process_notes: Mapping[str, tuple[ProcessNote, ...]] = field(default_factory=dict)

    @property
    def material_ids(self) -> tuple[str, ...]:
        return tuple(self.materials)

    @property
    def process_ids(self) -> tuple[str, ...]:
        return tuple(self.processes)

    def material_lookup(self) -> dict[str, str]:
        """Lower-case name/alias/id -> material_id, for importers."""
        return _material_lookup(self.materials.values())


# --------------------------------------------------------------------------------------------- utils


def _material_lookup(materials: Iterable[Material]) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in materials:
        for key in (m.material_id, m.name, *m.aliases):
            out[normalise_key(key)] = m.material_id
    return out


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open("r", encoding="utf-8", newline="") as fh:
        return [dict(r) for r in csv.DictReader(fh)]


class _RowReader:
    """Typed access to one CSV row that records problems instead of raising."""

    def __init__(self, dataset: str, row: Mapping[str, str], line: int, problems: list[str]):
        self.dataset, self.row, self.line, self.problems = dataset, row, line, problems

    def _raw(self, col: str) -> str:
        if col not in self.row:
            self.problems.append(f"{self.dataset}: column {col!r} is missing")
            return ""
        return (self.row[col] or "").strip()

    def text(self, col: str, required: bool = True) -> str:
        v = self._raw(col)
        if required and not v:
            self.problems.append(f"{self.dataset} line {self.line}: {col} is empty")
        return v

    def num(self, col: str, lo: float = -math.inf, hi: float = math.inf) -> float:
        """A required number; nan (with a problem recorded) when it is empty or not a number."""
        x = self.opt_num(col, lo, hi, optional=False)
        return math.nan if x is None else x

    def opt_num(self, col: str, lo: float = -math.inf, hi: float = math.inf, optional: bool = True) -> float | None:
        """A number that may be empty (None)."""
        v = self._raw(col)
        if v == "":
            if not optional:
                self.problems.append(f"{self.dataset} line {self.line}: {col} is empty")
                return math.nan
            return None
        try:
            x = float(v)
        except ValueError:
            self.problems.append(f"{self.dataset} line {self.line}: {col}={v!r} is not a number")
            return math.nan
        if not (lo <= x <= hi) or not math.isfinite(x):
            self.problems.append(f"{self.dataset} line {self.line}: {col}={x} outside [{lo}, {hi}]")
        return x

    def flag(self, col: str) -> bool:
        v = self._raw(col).lower()
        if v not in {"true", "false"}:
            self.problems.append(f"{self.dataset} line {self.line}: {col}={v!r} is not true/false")
        return v == "true"

    def items(self, col: str) -> tuple[str, ...]:
        v = self._raw(col)
        return tuple(x.strip() for x in v.split(";") if x.strip())


# ------------------------------------------------------------------------------------------ loaders


def _load_materials(root: Path, problems: list[str]) -> dict[str, Material]:
    out: dict[str, Material] = {}
    for n, row in enumerate(read_csv_rows(root / "materials.csv"), start=2):
        r = _RowReader("materials.csv", row, n, problems)
        mid = r.text("material_id")
        fam_raw = r.text("family")
        try:
            family = MaterialFamily(fam_raw)
        except ValueError:
            problems.append(f"materials.csv line {n}: unknown family {fam_raw!r}")
            family = MaterialFamily.UNKNOWN
        melt = r.opt_num("melt_c", 0, 4000)
        remeltable = r.flag("remeltable")
        decomposition = r.num("decomposition_c", 50, 5000)
        if remeltable and melt is None:
            problems.append(f"materials.csv line {n}: {mid} is remeltable but has no melt_c")
        if melt is not None and decomposition is not None and remeltable and melt >= decomposition:
            problems.append(f"materials.csv line {n}: {mid} melts above its decomposition temperature")
        m = Material(
            material_id=mid,
            name=r.text("name"),
            aliases=r.items("aliases"),
            family=family,
            compat_group=r.text("compat_group"),
            density_kg_m3=r.num("density_kg_m3", 10, 25000),
            modulus_gpa=r.num("modulus_gpa", 1e-5, 1000),
            strength_mpa=r.num("strength_mpa", 0, 10000),
            tg_c=r.opt_num("tg_c", -273, 2000),
            melt_c=melt,
            process_min_c=r.opt_num("process_min_c", 0, 4000),
            process_max_c=r.opt_num("process_max_c", 0, 4000),
            decomposition_c=decomposition,
            cp_kj_kg_k=r.num("cp_kj_kg_k", 0.1, 10),
            latent_heat_kj_kg=r.num("latent_heat_kj_kg", 0, 1000),
            water_uptake_pct=r.num("water_uptake_pct", 0, 100),
            hydrogen_wt_pct=r.num("hydrogen_wt_pct", 0, 20),
            remeltable=remeltable,
            heated_hazard=r.items("heated_hazard"),
            hazard_note=r.text("hazard_note", required=False),
            fibre_length_mm=r.opt_num("fibre_length_mm", 0.001, 10000),
            fibre_diameter_um=r.opt_num("fibre_diameter_um", 0.1, 1000),
        )
        if mid in out:
            problems.append(f"materials.csv line {n}: duplicate material_id {mid!r}")
        out[mid] = m
    if not out:
        problems.append("materials.csv has no rows")
    return out


def _load_processes(root: Path, materials: Mapping[str, Material], problems: list[str]) -> dict[str, Process]:
    out: dict[str, Process] = {}
    for n, row in enumerate(read_csv_rows(root / "processes.csv"), start=2):
        r = _RowReader("processes.csv", row, n, problems)
        pid = r.text("process_id")
        p = Process(
            process_id=pid,
            name=r.text("name"),
            description=r.text("description"),
            heated=r.flag("heated"),
            temperature_c=r.num("temperature_c", -50, 2000),
            temp_min_c=r.num("temp_min_c", -50, 2000),
            temp_max_c=r.num("temp_max_c", -50, 2000),
            accepts=r.items("accepts"),
            refuses=r.items("refuses"),
            refuse_reason=r.text("refuse_reason", required=False),
            needs_melt_phase=r.flag("needs_melt_phase"),
            min_melt_fraction=r.num("min_melt_fraction", 0, 1),
            regolith_min=r.num("regolith_min", 0, 1),
            regolith_max=r.num("regolith_max", 0, 1),
            heater_efficiency=r.num("heater_efficiency", 0.05, 1),
            machine_kwh_per_kg=r.num("machine_kwh_per_kg", 0, 20),
            machine_kwh_per_batch=r.num("machine_kwh_per_batch", 0, 50),
            water_l_per_kg=r.num("water_l_per_kg", 0, 100),
            crew_min_per_batch=r.num("crew_min_per_batch", 0, 2000),
            crew_min_per_kg=r.num("crew_min_per_kg", 0, 2000),
            fines_loss_frac=r.num("fines_loss_frac", 0, 0.5),
            trim_loss_frac=r.num("trim_loss_frac", 0, 0.5),
            base_porosity=r.num("base_porosity", 0, 0.95),
            structure_factor=r.num("structure_factor", 0, 1),
            seal_factor=r.num("seal_factor", 0, 1),
            max_batch_kg=r.num("max_batch_kg", 0.01, 1000),
            product_form=r.text("product_form"),
            hazards=r.items("hazards"),
            safety_note=r.text("safety_note", required=False),
            binder_materials=r.items("binder_materials"),
            min_binder_fraction=r.num("min_binder_fraction", 0, 1),
            max_filler_frac=r.num("max_filler_frac", 0, 1),
            max_short_fibre_frac=r.num("max_short_fibre_frac", 0, 1),
            fibre_orientation=r.num("fibre_orientation", 0, 1),
        )
        if p.regolith_min is not None and p.regolith_max is not None and p.regolith_min > p.regolith_max:
            problems.append(f"processes.csv line {n}: regolith_min > regolith_max")
        if p.temp_min_c > p.temperature_c or p.temperature_c > p.temp_max_c:
            problems.append(f"processes.csv line {n}: temperature_c outside [temp_min_c, temp_max_c]")
        for mid in (*p.accepts, *p.refuses, *p.binder_materials):
            if mid != "*" and mid not in materials:
                problems.append(f"processes.csv line {n}: unknown material {mid!r} in accepts/refuses")
        if p.heated:
            for mid, m in materials.items():
                if NEVER_HEAT_HAZARDS & set(m.heated_hazard) and p.accepts_material(mid):
                    problems.append(
                        f"processes.csv line {n}: heated process {pid} does not refuse {mid} "
                        f"({'/'.join(m.heated_hazard)} when heated)"
                    )
        if pid in out:
            problems.append(f"processes.csv line {n}: duplicate process_id {pid!r}")
        out[pid] = p
    if len(out) < 8:
        problems.append(f"processes.csv has {len(out)} processes; at least 8 are required")
    return out


def read_target_file(
    path: Path,
    processes: Iterable[str] | None = None,
    *,
    shown: str = "",
    bases: Mapping[str, Target] | None = None,
) -> Target:
    """A target JSON file a user gives (at most 1 MB), validated like a bundled one; a problem raises
    BadInputError naming the file (as ``shown``, by default its path) and what is wrong. A file may
    start from a bundled target (``"base": "container"``) and state only what it changes; ``bases``
    are the targets it may name (default: the bundled catalog's)."""
    shown = shown or str(path)
    try:
        if path.stat().st_size > 1_000_000:
            raise BadInputError(f"target file {shown} is larger than 1 MB")
        obj = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BadInputError(f"target file {shown} is not valid JSON ({type(exc).__name__})") from None
    if isinstance(obj, Mapping) and "base" in obj:
        obj, base_problems = apply_target_base(obj, load_catalog().targets if bases is None else bases, path.name)
        if base_problems:
            raise BadInputError("; ".join(base_problems))
    target, problems = parse_target(obj, processes, where=path.name)
    if problems or target is None:
        raise BadInputError("; ".join(problems))
    return target


def apply_target_base(obj: Mapping, bases: Mapping[str, Target], where: str) -> tuple[dict, list[str]]:
    """``{"base": "container", "rigidity_min": 0.6}``: the bundled target ``container`` with the
    fields the object states changed (docs/DATA_SCHEMA.md, "A target file from a preset"). The result
    is a plain target object (kind "custom"; id ``<base>_custom`` and name "<base name> (changed)"
    unless stated); a scenario's products are not taken (its limits are). Returns (object, problems)."""
    base_id = obj.get("base")
    if not isinstance(base_id, str) or base_id not in bases:
        known = ", ".join(bases)
        return dict(obj), [f"{where}: 'base' must name a bundled target ({known}), not {base_id!r}"]
    base = bases[base_id].to_dict()
    base.pop("products", None)
    merged = {k: v for k, v in base.items() if k not in ("id", "name", "kind")}
    merged |= {k: v for k, v in obj.items() if k != "base"}
    merged.setdefault("id", f"{base_id}_custom")
    merged.setdefault("name", f"{bases[base_id].name} (changed)")
    merged["kind"] = obj.get("kind", "custom")
    return merged, []


def parse_target(
    obj: Mapping, processes: Iterable[str] | None = None, *, where: str = "target"
) -> tuple[Target | None, list[str]]:
    """Validate a target given as a mapping (targets.json entry, a user's target file, a batch job).

    Returns (target, problems); target is None when a problem prevents building it."""
    problems: list[str] = []
    if not isinstance(obj, Mapping):
        return None, [f"{where}: a target must be a JSON object"]
    tid = str(obj.get("id") or obj.get("target_id") or "").strip()
    name = str(obj.get("name") or tid).strip()
    if not tid:
        problems.append(f"{where}: 'id' is missing")
    values: dict[str, float] = {}
    for key, (lo, hi, unit) in TARGET_LIMITS.items():
        raw = obj.get(key)
        if raw is None and key in OPTIONAL_TARGET_LIMITS:
            continue
        if raw is None:
            problems.append(f"{where}: '{key}' is missing")
            continue
        try:
            x = float(raw)
        except (TypeError, ValueError):
            problems.append(f"{where}: '{key}' = {raw!r} is not a number")
            continue
        if not math.isfinite(x) or not lo <= x <= hi:
            problems.append(f"{where}: '{key}' = {raw!r} must be between {lo:g} and {hi:g} {unit}")
            continue
        values[key] = x
    strength = _strength_min(obj, where, problems)
    allowed = obj.get("allowed_processes", ["*"])
    if isinstance(allowed, str):
        allowed = [allowed]
    if not isinstance(allowed, list) or not all(isinstance(a, str) for a in allowed) or not allowed:
        problems.append(f"{where}: 'allowed_processes' must be a list of process ids or [\"*\"]")
        allowed = ["*"]
    if processes is not None:
        known = set(processes)
        for a in allowed:
            if a != "*" and a not in known:
                problems.append(f"{where}: unknown process {a!r} in allowed_processes")
    for key in ("regolith_allowed", "prefer_problematic", "food_contact"):
        if key in obj and not isinstance(obj[key], bool):
            problems.append(f"{where}: '{key}' must be true or false")
    preferred = _preferred_items(obj, where, problems)
    products = _products(obj, processes, where, problems)
    if products and not preferred:
        # a scenario searched as one target (a target file, the batch queue, `--out FILE`) prefers the
        # materials its products name, so its own recommendation follows its description too
        preferred = tuple(dict.fromkeys(i for p in products for i in p.preferred_items))
    if problems:
        return None, problems
    return (
        Target(
            preferred_items=preferred,
            products=products,
            target_id=tid,
            name=name,
            kind=str(obj.get("kind", "custom")),
            description=str(obj.get("description", "")),
            allowed_processes=tuple(allowed),
            regolith_allowed=bool(obj.get("regolith_allowed", True)),
            prefer_problematic=bool(obj.get("prefer_problematic", True)),
            food_contact=bool(obj.get("food_contact", False)),
            strength_min=strength,
            **values,
        ),
        [],
    )


def _strength_min(obj: Mapping, where: str, problems: list[str]) -> float:
    """The optional ``strength_min`` (MPa; absent = 0, no minimum)."""
    raw = obj.get("strength_min")
    if raw is None:
        return 0.0
    lo, hi, unit = STRENGTH_MIN_LIMITS
    try:
        x = float(raw)
    except (TypeError, ValueError):
        problems.append(f"{where}: 'strength_min' = {raw!r} is not a number")
        return 0.0
    if not math.isfinite(x) or not lo <= x <= hi:
        problems.append(f"{where}: 'strength_min' = {raw!r} must be between {lo:g} and {hi:g} {unit}")
        return 0.0
    return x


# keys a scenario's product takes from its scenario when it does not state them
PRODUCT_INHERITS = (
    *TARGET_LIMITS,
    "strength_min",
    "allowed_processes",
    "regolith_allowed",
    "prefer_problematic",
    "food_contact",
)


def _preferred_items(obj: Mapping, where: str, problems: list[str]) -> tuple[str, ...]:
    raw = obj.get("preferred_items", [])
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        problems.append(f"{where}: 'preferred_items' must be a list of inventory item ids")
        return ()
    return tuple(x.strip() for x in raw)


def _products(obj: Mapping, processes: Iterable[str] | None, where: str, problems: list[str]) -> tuple[Target, ...]:
    """A scenario's ``products``: each a target of its own (kind "product") that takes every limit,
    process list and flag it does not state from its scenario (docs/DATA_SCHEMA.md)."""
    raw = obj.get("products")
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(p, Mapping) for p in raw):
        problems.append(f"{where}: 'products' must be a list of target objects")
        return ()
    procs = None if processes is None else list(processes)
    out: list[Target] = []
    for j, prod in enumerate(raw):
        if "products" in prod:
            problems.append(f"{where}.products[{j}]: a product cannot have products of its own")
            continue
        merged = {k: obj[k] for k in PRODUCT_INHERITS if k in obj} | dict(prod) | {"kind": "product"}
        t, probs = parse_target(merged, procs, where=f"{where}.products[{j}]")
        problems.extend(probs)
        if t is not None:
            out.append(t)
    ids = [t.target_id for t in out]
    if len(set(ids)) != len(ids):
        problems.append(f"{where}: duplicate product ids")
    return tuple(out)


def _load_targets(root: Path, processes: Mapping[str, Process], problems: list[str]) -> dict[str, Target]:
    try:
        data = json.loads((root / "targets.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        problems.append(f"targets.json cannot be read: {exc}")
        return {}
    out: dict[str, Target] = {}
    if not isinstance(data, list):
        problems.append("targets.json must be a list")
        return out
    for i, obj in enumerate(data):
        t, probs = parse_target(obj, processes, where=f"targets.json[{i}]")
        problems.extend(probs)
        if t is not None:
            if t.kind not in {"preset", "scenario"}:
                problems.append(f"targets.json[{i}]: kind must be preset or scenario")
            if t.target_id in out:
                problems.append(f"targets.json[{i}]: duplicate id {t.target_id!r}")
            out[t.target_id] = t
    kinds = {t.kind for t in out.values()}
    if "scenario" not in kinds or "preset" not in kinds:
        problems.append("targets.json needs both presets and scenarios")
    return out


def _load_mgs1(root: Path, problems: list[str]) -> tuple[tuple[str, str, float], ...]:
    rows = read_csv_rows(root / "mgs1.csv")
    out = []
    for n, row in enumerate(rows, start=2):
        r = _RowReader("mgs1.csv", row, n, problems)
        out.append((r.text("phase"), r.text("type"), r.num("wt_pct", 0, 100)))
    total = sum(x[2] for x in out if x[2] == x[2])
    if abs(total - 100) > 0.5:
        problems.append(f"mgs1.csv phases sum to {total:.2f} wt%, not 100")
    return tuple(out)


def _load_mgs1_tg(root: Path, problems: list[str]) -> tuple[tuple[float, float], ...]:
    out = []
    for n, row in enumerate(read_csv_rows(root / "mgs1_tg.csv"), start=2):
        r = _RowReader("mgs1_tg.csv", row, n, problems)
        out.append((r.num("temperature_c", -50, 2000), r.num("mass_loss_pct", 0, 100)))
    if [t for t, _ in out] != sorted(t for t, _ in out) or len(out) < 2:
        problems.append("mgs1_tg.csv needs at least two rows in rising temperature")
    return tuple(out)


VARIABILITY_COLUMNS = ("rigidity_sd", "tightness_sd", "energy_rel_sd", "water_rel_sd", "crew_rel_sd")


def _load_process_variability(root: Path, problems: list[str]) -> dict[str, tuple[float, float, float, float, float]]:
    """process_id -> the five spreads of ``process_variability.csv`` (empty when the file is absent;
    the engine then uses its defaults)."""
    path = root / "process_variability.csv"
    if not path.exists():
        return {}
    out: dict[str, tuple[float, float, float, float, float]] = {}
    for n, row in enumerate(read_csv_rows(path), start=2):
        pid = row.get("process_id", "")
        try:
            rig, tight, energy, water, crew = (float(row[col]) for col in VARIABILITY_COLUMNS)
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(f"process_variability.csv line {n}: {pid} has no valid spreads ({exc})")
            continue
        out[pid] = (rig, tight, energy, water, crew)
    return out


def _load_process_steps(root: Path, processes: Mapping[str, Process], problems: list[str]) -> dict[str, ProcessSteps]:
    """process_id -> the hidden steps of ``process_steps.csv`` (empty when the file is absent: no
    hidden steps are then counted)."""
    path = root / "process_steps.csv"
    if not path.exists():
        return {}
    out: dict[str, ProcessSteps] = {}
    for n, row in enumerate(read_csv_rows(path), start=2):
        r = _RowReader("process_steps.csv", row, n, problems)
        pid = r.text("process_id")
        if pid not in processes:
            problems.append(f"process_steps.csv line {n}: unknown process {pid!r}")
        st = out[pid] = ProcessSteps(
            process_id=pid,
            shred_rigid_feed=r.flag("shred_rigid_feed"),
            max_feed_moisture_pct=r.num("max_feed_moisture_pct", 0, 100),
            dryer_kwh_per_kg_water=r.num("dryer_kwh_per_kg_water", 0.3, 10),
            dryer_crew_min_per_load=r.num("dryer_crew_min_per_load", 0, 600),
            dryer_max_load_kg=r.num("dryer_max_load_kg", 0.1, 1000),
            tooling_mass_kg=r.num("tooling_mass_kg", 0, 10000),
            tooling_cp_kj_kg_k=r.num("tooling_cp_kj_kg_k", 0, 10),
            replaces_kwh_per_batch=r.num("replaces_kwh_per_batch", 0, 50),
            consumable=r.text("consumable", required=False),
            consumable_kg_per_kg_feed=r.num("consumable_kg_per_kg_feed", 0, 1),
            consumable_kg_per_kg_regolith=r.num("consumable_kg_per_kg_regolith", 0, 1),
        )
        if pid in processes and st.replaces_kwh_per_batch > processes[pid].machine_kwh_per_batch + 1e-12:
            problems.append(f"process_steps.csv line {n}: replaces more than {pid}'s machine_kwh_per_batch")
        if (st.consumable_kg_per_kg_feed > 0 or st.consumable_kg_per_kg_regolith > 0) and not st.consumable:
            problems.append(f"process_steps.csv line {n}: a consumable amount without its name")
    return out


def _heated_share(r: _RowReader, row: Mapping[str, str]) -> float:
    """The optional ``max_heated_share`` cell: empty, or a column a file written before it existed
    does not have, is no cap (1)."""
    x = r.opt_num("max_heated_share", 0.0, 1.0) if "max_heated_share" in row else None
    return 1.0 if x is None or not math.isfinite(x) else x


def _load_material_hazards(
    root: Path, materials: Mapping[str, Material], problems: list[str]
) -> dict[str, MaterialHazard]:
    """material_id -> MaterialHazard (empty when the file is absent: no crew flags, nothing refused
    for food contact)."""
    path = root / "material_hazards.csv"
    if not path.exists():
        return {}
    out: dict[str, MaterialHazard] = {}
    for n, row in enumerate(read_csv_rows(path), start=2):
        r = _RowReader("material_hazards.csv", row, n, problems)
        mid = r.text("material_id")
        codes = r.items("hazard_codes")
        applies_in = r.text("applies_in")
        h = MaterialHazard(
            material_id=mid,
            codes=codes,
            applies_in=applies_in,
            text=r.text("crew_text"),
            ppe=r.text("ppe", required=bool(codes)),
            food_contact_unsafe=r.flag("food_contact_unsafe"),
            food_contact_reason=r.text("food_contact_reason", required=False),
            max_heated_share=_heated_share(r, row),
        )
        if mid not in materials:
            problems.append(f"material_hazards.csv line {n}: unknown material {mid!r}")
        if mid in out:
            problems.append(f"material_hazards.csv line {n}: duplicate material {mid!r}")
        if set(codes) - HAZARD_CODES:
            problems.append(
                f"material_hazards.csv line {n}: unknown hazard code(s) {sorted(set(codes) - HAZARD_CODES)}; "
                f"use {', '.join(sorted(HAZARD_CODES))}"
            )
        if applies_in not in HAZARD_APPLIES_IN:
            problems.append(f"material_hazards.csv line {n}: applies_in={applies_in!r} is not any or heated")
        if h.food_contact_unsafe and not h.food_contact_reason:
            problems.append(f"material_hazards.csv line {n}: {mid} is unsafe with food but gives no reason")
        out[mid] = h
    return out


def _note_conditions(text: str, materials: Mapping[str, Material], where: str, problems: list[str]):
    """``*`` or ``kind:value;kind:value`` -> ((kind, value), ...); empty for ``*`` (every batch)."""
    if text.strip() == "*":
        return ()
    out = []
    for part in (x.strip() for x in text.split(";") if x.strip()):
        kind, _, value = part.partition(":")
        kind, value = kind.strip().lower(), value.strip()
        if kind not in NOTE_CONDITIONS or not value:
            problems.append(f"{where}: condition {part!r} is not '*' or one of {', '.join(NOTE_CONDITIONS)}:<value>")
            continue
        if kind == "material" and value not in materials:
            problems.append(f"{where}: unknown material {value!r}")
        out.append((kind, value if kind == "material" else value.lower()))
    if not out:
        problems.append(f"{where}: applies_to is empty (use '*' for every batch)")
    return tuple(out)


def _load_process_notes(
    root: Path, processes: Mapping[str, Process], materials: Mapping[str, Material], problems: list[str]
) -> dict[str, tuple[ProcessNote, ...]]:
    """process_id -> its ProcessNotes in file order (empty when the file is absent)."""
    path = root / "process_notes.csv"
    if not path.exists():
        return {}
    out: dict[str, list[ProcessNote]] = {}
    for n, row in enumerate(read_csv_rows(path), start=2):
        r = _RowReader("process_notes.csv", row, n, problems)
        pid = r.text("process_id")
        if pid not in processes:
            problems.append(f"process_notes.csv line {n}: unknown process {pid!r}")
        where = f"process_notes.csv line {n}"
        conditions = _note_conditions(r.text("applies_to"), materials, where, problems)
        out.setdefault(pid, []).append(ProcessNote(pid, conditions, r.text("note")))
    return {pid: tuple(notes) for pid, notes in out.items()}


def _load_sources(root: Path, problems: list[str]) -> dict[str, dict[str, str]]:
    out = {}
    for n, row in enumerate(read_csv_rows(root / "sources.csv"), start=2):
        key = (row.get("key") or "").strip()
        if not key or not (row.get("citation") or "").strip():
            problems.append(f"sources.csv line {n}: key and citation are required")
            continue
        out[key] = {k: (v or "").strip() for k, v in row.items()}
    return out


def load_catalog_from(root: Path) -> Catalog:
    """Load and validate every dataset under ``root``; raise CatalogError listing all problems."""
    problems: list[str] = []
    try:
        sources = _load_sources(root, problems)
        materials = _load_materials(root, problems)
        processes = _load_processes(root, materials, problems)
        targets = _load_targets(root, processes, problems)
        mgs1 = _load_mgs1(root, problems)
        mgs1_tg = _load_mgs1_tg(root, problems)
        variability = _load_process_variability(root, problems)
        steps = _load_process_steps(root, processes, problems)
        hazards = _load_material_hazards(root, materials, problems)
        notes = _load_process_notes(root, processes, materials, problems)
        result = parse_inventory_rows(
            read_csv_rows(root / "waste_inventory.csv"),
            _material_lookup(materials.values()),
            source_name="waste_inventory.csv",
        )
        for e in result.errors:
            problems.append(f"waste_inventory.csv: {e.describe()}")
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CatalogError(f"A bundled dataset cannot be read: {exc}") from exc
    problems.extend(provenance_problems(root))
    if problems:
        raise CatalogError(f"{len(problems)} problem(s) in the bundled datasets:\n" + "\n".join(problems[:200]))
    return Catalog(
        materials=materials,
        processes=processes,
        targets=targets,
        default_inventory=tuple(result.items),
        mgs1_phases=mgs1,
        mgs1_tg=mgs1_tg,
        sources=sources,
        process_variability=variability,
        process_steps=steps,
        material_hazards=hazards,
        process_notes=notes,
    )


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The bundled catalog, loaded once per process."""
    return load_catalog_from(bundled_dir("datasets"))


# --------------------------------------------------------------------------------------- provenance


def _is_number(s: str) -> bool:
    try:
        return math.isfinite(float(s))
    except ValueError:
        return False


# Non-numeric columns whose content is a claim that needs a source or a declared assumption.
CLAIM_COLUMNS = {
    "materials": {"heated_hazard", "remeltable", "family"},
    "waste_inventory": {"composition", "flags"},
    "processes": {"accepts", "refuses", "needs_melt_phase", "hazards", "binder_materials"},
    "mgs1": set(),
    "mgs1_tg": set(),
    "process_steps": {"shred_rigid_feed", "consumable"},
    "material_hazards": {"hazard_codes", "applies_in", "food_contact_unsafe"},
    "process_notes": {"applies_to"},
}


def provenance_problems(root: Path) -> list[str]:
    """Every non-empty numeric cell, and every claim column, must be covered by a provenance line
    (kind V/S/D/A); every source key cited by a V/S/D line must exist in sources.csv."""
    problems: list[str] = []
    try:
        source_keys = {(r.get("key") or "").strip() for r in read_csv_rows(root / "sources.csv")}
    except OSError as exc:
        return [f"sources.csv cannot be read: {exc}"]
    for name in DATASET_FILES:
        data_path, prov_path = root / f"{name}.csv", root / f"{name}.provenance.csv"
        try:
            rows = read_csv_rows(data_path)
            prov = read_csv_rows(prov_path)
        except OSError as exc:
            problems.append(f"{name}: cannot read data or provenance file ({exc})")
            continue
        if not rows:
            problems.append(f"{name}.csv has no rows")
            continue
        id_col = next(iter(rows[0].keys()))
        covered: dict[str, set[str]] = {}
        for n, p in enumerate(prov, start=2):
            kind = (p.get("kind") or "").strip()
            ref = (p.get("reference") or "").strip()
            pid = (p.get("id") or "").strip()
            fields = [f.strip() for f in (p.get("field") or "").split(";") if f.strip()]
            if kind not in PROVENANCE_KINDS:
                problems.append(f"{name}.provenance.csv line {n}: kind {kind!r} is not one of V/S/D/A")
                continue
            if not ref or not pid or not fields:
                problems.append(f"{name}.provenance.csv line {n}: id, field and reference are required")
                continue
            if kind in {"V", "S", "D"}:
                keys = [k.strip() for k in ref.split(" - ")[0].replace(",", ";").split(";") if k.strip()]
                cited = [k for k in keys if k in source_keys]
                if not cited:
                    problems.append(
                        f"{name}.provenance.csv line {n}: kind {kind} must cite a key from sources.csv "
                        f"(got {ref[:60]!r})"
                    )
            for f in fields:
                covered.setdefault(pid, set()).add(f)
        star = covered.get("*", set())
        for row in rows:
            rid = (row.get(id_col) or "").strip()
            mine = covered.get(rid, set()) | star
            for col, val in row.items():
                if col == id_col or col is None:
                    continue
                val = (val or "").strip()
                needs = (val and _is_number(val)) or (col in CLAIM_COLUMNS.get(name, set()) and val)
                if needs and col not in mine:
                    problems.append(f"{name}.csv: {rid}.{col} = {val[:40]!r} has no provenance line")
    problems.extend(_target_provenance_problems(root, source_keys))
    return problems


def _target_provenance_problems(root: Path, source_keys: set[str]) -> list[str]:
    problems: list[str] = []
    try:
        data = json.loads((root / "targets.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"targets.json cannot be read: {exc}"]
    for i, obj in enumerate(data if isinstance(data, list) else []):
        _one_target_provenance(obj, f"targets.json[{i}]", source_keys, problems)
        products = obj.get("products") if isinstance(obj, dict) else None
        for j, prod in enumerate(products if isinstance(products, list) else []):
            _one_target_provenance(prod, f"targets.json[{i}].products[{j}]", source_keys, problems)
    return problems


def _one_target_provenance(obj: Any, where: str, source_keys: set[str], problems: list[str]) -> None:
    """Every limit (and preferred item list) a target or product states needs a provenance line."""
    prov = obj.get("provenance") if isinstance(obj, dict) else None
    if not isinstance(prov, dict):
        problems.append(f"{where}: no provenance object")
        return
    covered: set[str] = set()
    for fields, text in prov.items():
        kind = str(text).split(":", 1)[0].strip()
        if kind not in PROVENANCE_KINDS:
            problems.append(f"{where}: provenance {fields!r} must start with V:, S:, D: or A:")
            continue
        if kind in {"V", "S", "D"} and not any(k in str(text) for k in source_keys if k):
            problems.append(f"{where}: provenance {fields!r} cites no key from sources.csv")
        covered.update(f.strip() for f in fields.split(";"))
    for key in (*TARGET_LIMITS, "strength_min", "preferred_items"):
        if key in obj and key not in covered:
            problems.append(f"{where} ({obj.get('id')}): {key} has no provenance")
