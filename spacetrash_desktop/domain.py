"""Frozen domain types shared by every layer. No I/O here.

Units are in the field names (``_kg``, ``_c`` for deg C, ``_gpa``, ``_kwh`` ...). Fractions are mass
fractions in [0, 1] unless a name says ``pct``.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum, StrEnum

# Hazards released at ordinary processing temperatures: a material carrying one is never heated.
# Other codes (HCN, SOx...) are decomposition products, kept off by the decomposition rule.
NEVER_HEAT_HAZARDS = frozenset({"HF", "PFAS"})


class MaterialFamily(str, Enum):  # noqa: UP042 - str() of a member is its qualified name in messages and pickles
    THERMOPLASTIC = "thermoplastic"
    ELASTOMER = "elastomer"
    THERMOSET = "thermoset"
    NATURAL_FIBRE = "natural_fibre"
    SYNTHETIC_FIBRE = "synthetic_fibre"
    METAL = "metal"
    MINERAL = "mineral"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Material:
    """A substance and the properties the physics model needs."""

    material_id: str
    name: str
    aliases: tuple[str, ...]
    family: MaterialFamily
    compat_group: str
    density_kg_m3: float
    modulus_gpa: float
    strength_mpa: float
    tg_c: float | None
    melt_c: float | None  # None: does not melt (thermoset, elastomer, aramid, cellulose...)
    process_min_c: float | None
    process_max_c: float | None
    decomposition_c: float
    cp_kj_kg_k: float
    latent_heat_kj_kg: float
    water_uptake_pct: float
    hydrogen_wt_pct: float
    remeltable: bool
    heated_hazard: tuple[str, ...]  # e.g. ("HF", "PFAS") released when heated
    hazard_note: str = ""
    fibre_length_mm: float | None = None  # fibres only: length as fed (crumb or staple), for Kelly-Tyson
    fibre_diameter_um: float | None = None

    @property
    def is_fibre(self) -> bool:
        return self.fibre_length_mm is not None and self.fibre_diameter_um is not None

    @property
    def melts(self) -> bool:
        return self.melt_c is not None and self.remeltable


@dataclass(frozen=True)
class WasteItem:
    """A stock line of the inventory."""

    item_id: str
    name: str
    category: str
    composition: tuple[tuple[str, float], ...]  # (material_id, mass fraction), sums to 1
    mass_kg: float
    count: int = 0
    moisture_pct: float = 0.0  # water, % of wet mass
    flags: tuple[str, ...] = ()
    difficulty: int = 1  # 1..3, NASA table difficulty factor (3 = most problematic)

    def fraction_of(self, material_id: str) -> float:
        return sum(f for m, f in self.composition if m == material_id)


@dataclass(frozen=True)
class Process:
    """A way of turning feed into product, with its figures (see datasets/processes.csv)."""

    process_id: str
    name: str
    description: str
    heated: bool
    temperature_c: float
    temp_min_c: float
    temp_max_c: float
    accepts: tuple[str, ...]  # material ids, or ("*",)
    refuses: tuple[str, ...]
    refuse_reason: str
    needs_melt_phase: bool
    min_melt_fraction: float
    regolith_min: float
    regolith_max: float
    heater_efficiency: float
    machine_kwh_per_kg: float
    machine_kwh_per_batch: float
    water_l_per_kg: float
    crew_min_per_batch: float
    crew_min_per_kg: float
    fines_loss_frac: float
    trim_loss_frac: float
    base_porosity: float
    structure_factor: float
    seal_factor: float
    max_batch_kg: float
    product_form: str
    hazards: tuple[str, ...] = ()
    safety_note: str = ""
    # consolidation of a cold process: what the activator bonds (material ids) and its minimum volume share
    binder_materials: tuple[str, ...] = ()
    min_binder_fraction: float = 0.0
    max_filler_frac: float = 1.0  # mass share of the solids that is not binder (filler) the process can carry
    max_short_fibre_frac: float = 1.0  # mass share of short (crumbled) fibre the process can carry
    fibre_orientation: float = 1.0  # Krenchel orientation efficiency of fibres in the product

    def accepts_material(self, material_id: str) -> bool:
        if material_id in self.refuses:
            return False
        return "*" in self.accepts or material_id in self.accepts


@dataclass(frozen=True)
class ProcessSteps:
    """The hidden steps around a process (see datasets/process_steps.csv and docs/PHYSICS.md):
    shredding rigid items first, drying wet feed, warming the tooling up, consumables from Earth."""

    process_id: str
    shred_rigid_feed: bool = False  # rigid items go through the shredder first
    max_feed_moisture_pct: float = 100.0  # wetter items are dried to this first (100: no drying)
    dryer_kwh_per_kg_water: float = 1.0
    dryer_crew_min_per_load: float = 0.0
    dryer_max_load_kg: float = 9.0
    tooling_mass_kg: float = 0.0  # heated each batch from cabin temperature to the set-point
    tooling_cp_kj_kg_k: float = 0.0
    replaces_kwh_per_batch: float = 0.0  # part of machine_kwh_per_batch the warm-up replaces
    consumable: str = ""  # what is used up (brought from Earth)
    consumable_kg_per_kg_feed: float = 0.0
    consumable_kg_per_kg_regolith: float = 0.0


@dataclass(frozen=True)
class Target:
    """What to make and how good it must be. Caps are per batch."""

    target_id: str
    name: str
    kind: str = "custom"  # preset | scenario | custom
    description: str = ""
    rigidity_min: float = 0.0  # 0..1, see docs/PHYSICS.md
    tightness_min: float = 0.0  # 0..1
    batch_mass_kg: float = 1.0  # product mass per batch
    max_energy_kwh: float = 10.0
    max_water_l: float = 5.0
    max_crew_min: float = 120.0
    max_consumables_kg: float = 1.0  # material brought from Earth (NaOH, thread...) used up per batch
    allowed_processes: tuple[str, ...] = ("*",)
    regolith_allowed: bool = True
    prefer_problematic: bool = True
    food_contact: bool = False  # touches food: materials unsafe with food make a recipe infeasible
    # MPa: the least strength (physics strength_mpa) the product needs so it does not crumble or break
    # in use; 0 = no minimum. Not an edited limit of the Target tab (not in TARGET_LIMITS).
    strength_min: float = 0.0
    # inventory item ids to use first (a scenario's product: the materials its description names);
    # empty = the problematic-waste preference (prefer_problematic)
    preferred_items: tuple[str, ...] = ()
    products: tuple[Target, ...] = ()  # a scenario's products, each a target of its own (kind "product")

    def allows_process(self, process_id: str) -> bool:
        return "*" in self.allowed_processes or process_id in self.allowed_processes

    def to_dict(self) -> dict:
        return {
            "id": self.target_id,
            "name": self.name,
            "kind": self.kind,
            "description": self.description,
            "rigidity_min": self.rigidity_min,
            "tightness_min": self.tightness_min,
            "batch_mass_kg": self.batch_mass_kg,
            "max_energy_kwh": self.max_energy_kwh,
            "max_water_l": self.max_water_l,
            "max_crew_min": self.max_crew_min,
            "max_consumables_kg": self.max_consumables_kg,
            "allowed_processes": list(self.allowed_processes),
            "regolith_allowed": self.regolith_allowed,
            "prefer_problematic": self.prefer_problematic,
            "food_contact": self.food_contact,
            # written only when set, so the files and hashes of targets without them do not change
            **({"strength_min": self.strength_min} if self.strength_min > 0 else {}),
            **({"preferred_items": list(self.preferred_items)} if self.preferred_items else {}),
            **({"products": [p.to_dict() for p in self.products]} if self.products else {}),
        }


# Field limits shared by the Target tab, the target loader and the batch queue.
TARGET_LIMITS: Mapping[str, tuple[float, float, str]] = {
    "rigidity_min": (0.0, 1.0, "index"),
    "tightness_min": (0.0, 1.0, "index"),
    "batch_mass_kg": (0.05, 100.0, "kg"),
    "max_energy_kwh": (0.01, 500.0, "kWh"),
    "max_water_l": (0.0, 200.0, "L"),
    "max_crew_min": (1.0, 2000.0, "min"),
    "max_consumables_kg": (0.0, 100.0, "kg"),
}
# The product's strength minimum (MPa): optional in a target file (absent = 0, no minimum); not a
# field of the Target tab, which keeps the value of the target it starts from.
STRENGTH_MIN_LIMITS = (0.0, 1000.0, "MPa")
# Limits a target may leave out (a file written before the limit existed): the Target default applies.
OPTIONAL_TARGET_LIMITS = frozenset({"max_consumables_kg"})


@dataclass(frozen=True)
class Recipe:
    """1 to 4 inventory items with mass fractions of the waste part, a regolith fraction of the whole
    feed, and a process; scaled to the target's batch (product) mass."""

    items: tuple[tuple[str, float], ...]  # (item_id, fraction of the waste part), sums to 1
    regolith_frac: float
    process_id: str
    batch_mass_kg: float = 1.0

    @property
    def recipe_id(self) -> str:
        return recipe_id(self.items, self.regolith_frac, self.process_id, self.batch_mass_kg)

    def to_dict(self) -> dict:
        return {
            "id": self.recipe_id,
            "items": [{"item_id": i, "fraction": round(f, 6)} for i, f in self.items],
            "regolith_frac": round(self.regolith_frac, 6),
            "process_id": self.process_id,
            "batch_mass_kg": self.batch_mass_kg,
        }


def recipe_id(items, regolith_frac: float, process_id: str, batch_mass_kg: float) -> str:
    """Stable id from a recipe's contents: order of items does not matter, fractions are rounded to
    1e-4 so the same mix always gets the same id on every machine."""
    canon = {
        "i": sorted((str(i), round(float(f), 4)) for i, f in items if f > 0),
        "r": round(float(regolith_frac), 4),
        "p": process_id,
        "m": round(float(batch_mass_kg), 4),
    }
    digest = hashlib.sha256(json.dumps(canon, sort_keys=True).encode()).hexdigest()
    return "R" + digest[:12]


@dataclass(frozen=True)
class ProductionRequest:
    """What "mark as made" records: what the crew made (or is about to record as made), from a recipe on the
    Candidates tab or from a line of the production plan. The production log (services/production.py)
    turns it into an entry and takes ``items_kg`` out of the inventory."""

    recipe: Recipe
    recipe_id: str
    product: str  # target / product id the batches were made for
    product_name: str
    batches: int
    product_kg: float  # product mass of all the batches
    items_kg: tuple[tuple[str, float], ...]  # (inventory item id, kg used by all the batches)
    regolith_kg: float = 0.0
    energy_kwh: float = 0.0  # all the batches
    water_l: float = 0.0
    crew_min: float = 0.0
    sol: int | None = None  # mission sol it was (or is planned to be) made on
    source: str = "recipe"  # "recipe" (Candidates tab) | "plan" (a plan line)


# The properties every prediction carries, with units; the order is the order of every array.
PROPERTIES: tuple[tuple[str, str, str], ...] = (
    ("rigidity", "index", "Rigidity (0-1)"),
    ("tightness", "index", "Tightness (0-1)"),
    ("energy_kwh", "kWh", "Energy"),
    ("water_l", "L", "Water"),
    ("crew_min", "min", "Crew time"),
)
PROPERTY_NAMES: tuple[str, ...] = tuple(p[0] for p in PROPERTIES)
PROPERTY_UNITS: Mapping[str, str] = {p[0]: p[1] for p in PROPERTIES}


class RecipeStatus(StrEnum):
    """What vetting decided about a recipe (compares equal to its text, which the result files carry)."""

    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    REFUSED = "refused"


class ModelStatus(StrEnum):
    """The state of the model that scores recipes."""

    READY = "ready"
    BOOTSTRAPPING = "bootstrapping"
    FALLBACK = "physics fallback"
    CHECKING = "checking"


class Verdict(StrEnum):
    """How a retraining run ended."""

    PROMOTED = "promoted"
    REJECTED = "rejected"
    NO_DATA = "no_data"
    FAILED = "failed"


@dataclass(frozen=True)
class ModelInfo:
    """What produced the scores; carried by every result."""

    name: str = "physics"
    version: str = ""
    status: ModelStatus = ModelStatus.FALLBACK
    reason: str = "no trained model is active"
    manifest_sha256: str = ""
    metrics: Mapping = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "version": self.version,
            "status": str(self.status),
            "reason": self.reason,
            "manifest_sha256": self.manifest_sha256,
            "metrics": dict(self.metrics),
        }


# Where the mass that does not end in the product goes: (physics detail key, result key, crew title).
LOSS_STREAMS: tuple[tuple[str, str, str], ...] = (
    ("loss_vapour_kg", "water_vapour_kg", "Water vapour (condensed, recovered)"),
    ("loss_volatiles_kg", "regolith_volatiles_kg", "Regolith volatiles (H2O/CO2, captured)"),
    ("loss_fines_kg", "fines_kg", "Fines and dust (captured by the filter)"),
    ("loss_trim_kg", "trim_kg", "Trim and off-cuts (recyclable)"),
)


def finite_float(v) -> float | None:
    """``v`` as a finite float; None for None, a bool, text that is not a number, NaN or infinity."""
    if v is None or isinstance(v, bool):
        return None
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None
