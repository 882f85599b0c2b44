"""Compile the catalog and an inventory into dense numpy tables for the vectorised engine.

Everything the hot path needs is an array here, so scoring a batch of recipes is a handful of numpy
operations with no per-recipe Python loop.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from spacetrash_desktop.catalog.datasets import HAZARD_CODES, Catalog, MaterialHazard, ProcessNote
from spacetrash_desktop.domain import NEVER_HEAT_HAZARDS, Material, MaterialFamily, Process, ProcessSteps, WasteItem

REGOLITH_ID = "mgs1_regolith"
AMBIENT_C = 20.0  # habitat cabin temperature the feed starts from (assumption, docs/PHYSICS.md)
DECOMPOSITION_MARGIN_C = 10.0  # a material within 10 deg C of its decomposition onset is refused
MAX_SLOTS = 4
# Relative/absolute spreads used when no process-specific figure exists (assumption).
DEFAULT_VARIABILITY = (0.05, 0.05, 0.10, 0.10, 0.15)
SHREDDER_ID = "shredding"  # the process whose own figures price pre-shredding a rigid item
# An item is rigid (needs the shredder before a pressing or melting process) when its inventory flags
# say it is a structural or composite part, or, with no flexible-form flag, when at least half of its
# dry solids are thermoset or bulk metal (docs/PHYSICS.md, "Hidden steps").
RIGID_ITEM_FLAGS = frozenset({"structural", "composite"})
FLEXIBLE_ITEM_FLAGS = frozenset({"film", "foam", "textile", "elastomer", "ctb", "multilayer"})
RIGID_FAMILIES = frozenset({MaterialFamily.THERMOSET, MaterialFamily.METAL})
THIN_METAL_IDS = frozenset({"aluminium_foil"})  # metal, but a foil layer: never a rigid body
RIGID_SHARE_MIN = 0.5


@dataclass(frozen=True)
class StepTables:
    """The hidden steps around each process (datasets/process_steps.csv), compiled to arrays [P]
    (``item_rigid`` is per item [n+1]; the shredder's figures are scalars)."""

    item_rigid: np.ndarray  # bool [n+1]: the item is a rigid body that must be shredded first
    shred_rigid: np.ndarray  # bool [P]: the process takes rigid items only as shredder crumb
    shred_kwh_per_kg: float
    shred_kwh_per_batch: float
    shred_water_per_kg: float
    shred_crew_per_batch: float
    shred_crew_per_kg: float
    shred_max_batch: float
    dry_max_moisture: np.ndarray  # [P] items wetter than this (fraction of wet mass) are dried to it
    dryer_kwh_per_kg_water: np.ndarray  # [P]
    dryer_crew_per_load: np.ndarray  # [P]
    dryer_max_load: np.ndarray  # [P] kg of wet items per dryer load
    warmup_kwh: np.ndarray  # [P] heating the tooling to the set-point once, heater losses included
    replaced_kwh_per_batch: np.ndarray  # [P] part of machine_kwh_per_batch the warm-up replaces
    consumable_names: tuple[str, ...]  # [P] "" when nothing is used up
    consumable_per_kg_feed: np.ndarray  # [P] kg per kg of feed
    consumable_per_kg_regolith: np.ndarray  # [P] kg per kg of regolith


# Fibre-matrix interfacial shear strength for Kelly-Tyson (assumption: tau(PE) 5-10 MPa, facts file sec. 2;
# used for every matrix, regolith included, for lack of a measured value).
TAU_INTERFACE_MPA = 7.5
# A fibre whose Kelly-Tyson length efficiency is below this is "short" (shorter than 5 critical lengths):
# it counts against a process's short-fibre cap (docs/PHYSICS.md).
SHORT_FIBRE_ETA = 0.9
FOIL_ID = "aluminium_foil"  # foil layers of laminates: stay as flakes in a melt-bound product
LAMINATE_FLAG = "multilayer"  # inventory flag of a recycled laminate (never food contact, docs/RESULTS.md)


@dataclass(frozen=True)
class EngineTables:
    # materials (M)
    material_ids: tuple[str, ...]
    material_names: tuple[str, ...]
    rho: np.ndarray  # kg/m3
    modulus: np.ndarray  # GPa
    strength: np.ndarray  # MPa
    cp: np.ndarray  # kJ/kg K
    latent: np.ndarray  # kJ/kg
    hydrogen: np.ndarray  # wt%
    water_uptake: np.ndarray  # [M] equilibrium water uptake, mass fraction of the dry material
    decomposition: np.ndarray  # deg C
    melt: np.ndarray  # deg C, nan when the material does not melt
    grain: np.ndarray  # bool [M]: a loose powder or grain (mineral family) that carries no load unbound
    fibre_eta_l: np.ndarray  # [M] Kelly-Tyson length efficiency of a fibre (0 for a non-fibre)
    short_fibre: np.ndarray  # bool [M]: a fibre shorter than ~5 critical lengths (crumb)
    group: np.ndarray  # int compat group per material
    n_groups: int
    regolith_index: int
    # items (n); row n of `composition` is an all-zero padding row for empty slots
    item_ids: tuple[str, ...]
    item_names: tuple[str, ...]
    composition: np.ndarray  # [n+1, M] mass fractions of dry solids
    moisture: np.ndarray  # [n+1] water mass fraction of the wet item
    stock: np.ndarray  # [n+1] kg (padding row: +inf)
    difficulty: np.ndarray  # [n+1] 1..3 (padding 1)
    # processes (P)
    processes: tuple[Process, ...]
    process_ids: tuple[str, ...]
    heated: np.ndarray  # bool [P]
    temperature: np.ndarray  # deg C [P]
    needs_melt: np.ndarray  # bool [P]
    min_melt: np.ndarray
    reg_min: np.ndarray
    reg_max: np.ndarray
    efficiency: np.ndarray
    kwh_per_kg: np.ndarray
    kwh_per_batch: np.ndarray
    water_per_kg: np.ndarray
    crew_per_batch: np.ndarray
    crew_per_kg: np.ndarray
    fines: np.ndarray
    trim: np.ndarray
    base_porosity: np.ndarray
    structure: np.ndarray
    seal: np.ndarray
    max_batch: np.ndarray
    burns_or_vents: np.ndarray  # bool [P]: a process that burns or vents (forbidden by the challenge)
    min_binder: np.ndarray  # [P] minimum binder volume share of the solids (0: no consolidation rule)
    max_filler: np.ndarray  # [P] maximum mass share of the solids that is not binder
    max_short_fibre: np.ndarray  # [P] maximum mass share of short fibre in the solids
    fibre_orientation: np.ndarray  # [P] Krenchel orientation efficiency
    loose_product: np.ndarray  # bool [P]: the product is loose particles (nothing bound)
    # process x material masks [P, M]
    molten: np.ndarray  # the material is a molten phase at the process temperature
    binder: np.ndarray  # the material binds the part at the process conditions (molten, or activated)
    refused: np.ndarray  # explicitly refused by the process
    not_accepted: np.ndarray  # not on the process's accept list
    heated_hazard: np.ndarray  # heated process and the material releases HF/PFAS... when heated
    decomposes: np.ndarray  # heated process at or above the material's decomposition onset
    # process x item compatibility [P, n+1]: True when no rule refuses the item outright
    item_ok: np.ndarray
    # MGS-1 volatile release (TG curve)
    tg_temperature: np.ndarray
    tg_loss_frac: np.ndarray
    # per-process volatile fraction of regolith at the process temperature [P]
    reg_volatile: np.ndarray
    # [P, 5] assumed spread: sd of rigidity and tightness (index units), relative sd of energy, water,
    # crew (from datasets/process_variability.csv through the catalog; DEFAULT_VARIABILITY otherwise)
    variability: np.ndarray
    # hidden steps: pre-shredding, drying, tooling warm-up, consumables (datasets/process_steps.csv)
    steps: StepTables
    # crew hazards (datasets/material_hazards.csv): per material its MaterialHazard (None: no row), per
    # hazard code a [P, M] mask of the materials that carry it in that process (heated-only codes are
    # False in unheated processes); food_unsafe [M]: never in a food-contact product
    material_hazards: tuple[MaterialHazard | None, ...] = ()
    hazard_masks: Mapping[str, np.ndarray] = field(default_factory=dict)
    food_unsafe: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    # [M] in a process that heats the feed, the most a material may be of itself plus the binder (1: no cap)
    heated_share_cap: np.ndarray = field(default_factory=lambda: np.ones(0))
    # items: category, flags, and whether the item is a recycled laminate [n+1] (padding row: False)
    item_categories: tuple[str, ...] = ()
    item_flags: tuple[tuple[str, ...], ...] = ()
    item_laminate: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    # [n+1] the item may never go into a food-contact product (a laminate, or a food-unsafe material)
    item_food_unsafe: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    # per process, the parts of its safety note with the items/materials they apply to
    process_notes: tuple[tuple[ProcessNote, ...], ...] = ()
    foil_index: int = -1  # the aluminium foil material, -1 when the catalog has none

    @property
    def n_items(self) -> int:
        return len(self.item_ids)

    @property
    def n_materials(self) -> int:
        return len(self.material_ids)

    @property
    def n_processes(self) -> int:
        return len(self.process_ids)

    def process_index(self, process_id: str) -> int:
        return self.process_ids.index(process_id)


def compile_tables(catalog: Catalog, items: Sequence[WasteItem]) -> EngineTables:
    mats = list(catalog.materials.values())
    mids = tuple(m.material_id for m in mats)
    midx = {m: i for i, m in enumerate(mids)}
    if REGOLITH_ID not in midx:
        raise ValueError(f"the catalog has no {REGOLITH_ID} material")
    procs = tuple(catalog.processes.values())
    item_cols = _item_columns(items, midx, len(mats))
    proc_cols = _process_columns(procs)
    masks = _process_material_masks(procs, mats, mids, proc_cols["heated"], proc_cols["temperature"])
    item_ok = _item_compatibility(masks, item_cols["composition"], midx[REGOLITH_ID], len(items))
    tg_t = np.array([t for t, _ in catalog.mgs1_tg] or [AMBIENT_C, 1000.0], float)
    tg_l = np.array([loss for _, loss in catalog.mgs1_tg] or [0.0, 0.0], float) / 100.0
    reg_vol = np.where(proc_cols["heated"], np.interp(proc_cols["temperature"], tg_t, tg_l), 0.0)
    hz = _hazard_columns(catalog, mats, proc_cols["heated"])
    laminate = np.array([LAMINATE_FLAG in it.flags for it in items] + [False], bool)
    return EngineTables(
        **_material_columns(mats),
        regolith_index=midx[REGOLITH_ID],
        item_ids=tuple(it.item_id for it in items),
        item_names=tuple(it.name for it in items),
        **item_cols,
        processes=procs,
        process_ids=tuple(p.process_id for p in procs),
        **proc_cols,
        **masks,
        item_ok=item_ok,
        tg_temperature=tg_t,
        tg_loss_frac=tg_l,
        reg_volatile=reg_vol,
        variability=_variability_table(catalog, procs),
        steps=_step_tables(catalog, procs, items),
        **hz,
        item_categories=tuple(it.category for it in items),
        item_flags=tuple(tuple(it.flags) for it in items),
        item_laminate=laminate,
        item_food_unsafe=laminate | ((item_cols["composition"] > 1e-12) & hz["food_unsafe"][None, :]).any(axis=1),
        process_notes=tuple(tuple(catalog.process_notes.get(p.process_id, ())) for p in procs),
        foil_index=midx.get(FOIL_ID, -1),
    )


def _hazard_columns(catalog: Catalog, mats: Sequence[Material], heated: np.ndarray) -> dict[str, Any]:
    """The crew-hazard arrays: each material's hazard row, a [P, M] mask per hazard code, the
    food-unsafe materials [M]."""
    hz = tuple(catalog.material_hazards.get(m.material_id) for m in mats)
    masks = {}
    for code in sorted(HAZARD_CODES):
        has = np.array([h is not None and code in h.codes for h in hz], bool)
        heated_only = np.array([h is not None and h.applies_in == "heated" for h in hz], bool)
        masks[code] = has[None, :] & (heated[:, None] | ~heated_only[None, :])
    food = np.array([h is not None and h.food_contact_unsafe for h in hz], bool)
    cap = np.array([1.0 if h is None else h.max_heated_share for h in hz], float)
    return dict(material_hazards=hz, hazard_masks=masks, food_unsafe=food, heated_share_cap=cap)


def _material_columns(mats: Sequence[Material]) -> dict[str, Any]:
    """The per-material property arrays [M] and the compatibility groups."""
    groups = sorted({m.compat_group for m in mats})
    gidx = {g: i for i, g in enumerate(groups)}
    eta_l = _fibre_length_efficiency(mats)
    return dict(
        material_ids=tuple(m.material_id for m in mats),
        material_names=tuple(m.name for m in mats),
        rho=np.array([m.density_kg_m3 for m in mats], float),
        modulus=np.array([m.modulus_gpa for m in mats], float),
        strength=np.array([m.strength_mpa for m in mats], float),
        cp=np.array([m.cp_kj_kg_k for m in mats], float),
        latent=np.array([m.latent_heat_kj_kg for m in mats], float),
        hydrogen=np.array([m.hydrogen_wt_pct for m in mats], float),
        water_uptake=np.array([m.water_uptake_pct for m in mats], float) / 100.0,
        decomposition=_decomposition(mats),
        melt=_melt(mats),
        grain=np.array([m.family == MaterialFamily.MINERAL for m in mats], bool),
        fibre_eta_l=eta_l,
        short_fibre=(eta_l > 0) & (eta_l < SHORT_FIBRE_ETA),
        group=np.array([gidx[m.compat_group] for m in mats], int),
        n_groups=len(groups),
    )


def _fibre_length_efficiency(mats: Sequence[Material]) -> np.ndarray:
    """Kelly-Tyson length efficiency [M]: critical length lc = sigma_f d / (2 tau);
    eta_l = 1 - lc / (2 l) for l >= lc, l / (2 lc) below; 0 for a material that is not a fibre."""
    out = np.zeros(len(mats))
    for i, m in enumerate(mats):
        if m.fibre_length_mm is None or m.fibre_diameter_um is None:
            continue
        lc_mm = m.strength_mpa * m.fibre_diameter_um / (2.0 * TAU_INTERFACE_MPA) / 1000.0
        length = m.fibre_length_mm
        out[i] = 1.0 - lc_mm / (2.0 * length) if length >= lc_mm else length / (2.0 * lc_mm)
    return out


def _melt(mats: Sequence[Material]) -> np.ndarray:
    """Melting point [M] of the remeltable materials, nan for the others."""
    return np.array([m.melt_c if (m.melt_c is not None and m.remeltable) else np.nan for m in mats], float)


def _decomposition(mats: Sequence[Material]) -> np.ndarray:
    return np.array([m.decomposition_c for m in mats], float)


def _item_columns(items: Sequence[WasteItem], midx: Mapping[str, int], n_materials: int) -> dict[str, Any]:
    """Composition [n+1, M] (normalised dry solids), moisture, stock and difficulty [n+1]; row n pads."""
    n = len(items)
    comp = np.zeros((n + 1, n_materials))
    moist = np.zeros(n + 1)
    stock = np.full(n + 1, np.inf)
    diff = np.ones(n + 1)
    for i, it in enumerate(items):
        for mid, f in it.composition:
            comp[i, midx[mid]] += f
        moist[i] = it.moisture_pct / 100.0
        stock[i] = it.mass_kg
        diff[i] = min(3, max(1, it.difficulty or 1))
    s = comp[:n].sum(axis=1, keepdims=True)
    s[s == 0] = 1.0
    comp[:n] /= s
    return dict(composition=comp, moisture=moist, stock=stock, difficulty=diff)


def _process_columns(procs: Sequence[Process]) -> dict[str, Any]:
    """The per-process parameter arrays [P]."""

    def arr(attr: str) -> np.ndarray:
        return np.array([getattr(p, attr) for p in procs], float)

    return dict(
        heated=np.array([p.heated for p in procs], bool),
        temperature=np.array([p.temperature_c for p in procs], float),
        needs_melt=np.array([p.needs_melt_phase for p in procs], bool),
        min_melt=arr("min_melt_fraction"),
        reg_min=arr("regolith_min"),
        reg_max=arr("regolith_max"),
        efficiency=arr("heater_efficiency"),
        kwh_per_kg=arr("machine_kwh_per_kg"),
        kwh_per_batch=arr("machine_kwh_per_batch"),
        water_per_kg=arr("water_l_per_kg"),
        crew_per_batch=arr("crew_min_per_batch"),
        crew_per_kg=arr("crew_min_per_kg"),
        fines=arr("fines_loss_frac"),
        trim=arr("trim_loss_frac"),
        base_porosity=arr("base_porosity"),
        structure=arr("structure_factor"),
        seal=arr("seal_factor"),
        max_batch=arr("max_batch_kg"),
        burns_or_vents=np.array([bool({"burning", "venting", "incineration"} & set(p.hazards)) for p in procs]),
        min_binder=np.array([p.min_melt_fraction if p.needs_melt_phase else p.min_binder_fraction for p in procs]),
        max_filler=arr("max_filler_frac"),
        max_short_fibre=arr("max_short_fibre_frac"),
        fibre_orientation=arr("fibre_orientation"),
        loose_product=np.array([p.product_form == "particles" for p in procs], bool),
    )


def _process_material_masks(
    procs: Sequence[Process],
    mats: Sequence[Material],
    mids: Sequence[str],
    heated: np.ndarray,
    temp: np.ndarray,
) -> dict[str, Any]:
    """The process x material rule masks [P, M]."""
    P, M = len(procs), len(mats)
    melt = _melt(mats)
    decomp = _decomposition(mats)
    molten = heated[:, None] & ~np.isnan(melt)[None, :] & (temp[:, None] >= np.nan_to_num(melt, nan=1e9)[None, :])
    refused = np.zeros((P, M), bool)
    not_acc = np.zeros((P, M), bool)
    binder = np.zeros((P, M), bool)
    for pi, p in enumerate(procs):
        for mi, mid in enumerate(mids):
            refused[pi, mi] = mid in p.refuses
            not_acc[pi, mi] = not ("*" in p.accepts or mid in p.accepts)
            binder[pi, mi] = molten[pi, mi] if p.needs_melt_phase else mid in p.binder_materials
    hazard_mat = np.array([bool(NEVER_HEAT_HAZARDS & set(m.heated_hazard)) for m in mats])
    heated_hazard = heated[:, None] & hazard_mat[None, :]
    decomposes = heated[:, None] & (temp[:, None] >= decomp[None, :] - DECOMPOSITION_MARGIN_C)
    return dict(
        molten=molten,
        binder=binder,
        refused=refused,
        not_accepted=not_acc,
        heated_hazard=heated_hazard,
        decomposes=decomposes,
    )


def _item_compatibility(
    masks: Mapping[str, np.ndarray], comp: np.ndarray, regolith_index: int, n_items: int
) -> np.ndarray:
    """[P, n+1]: True when no process x material rule refuses the item outright."""
    bad_pm = masks["refused"] | masks["not_accepted"] | masks["heated_hazard"] | masks["decomposes"]
    bad_pm[:, regolith_index] = False  # regolith itself is checked through the regolith range
    P = bad_pm.shape[0]
    item_ok = np.zeros((P, n_items + 1), bool)
    present = comp > 1e-12
    for pi in range(P):
        item_ok[pi] = ~(present & bad_pm[pi][None, :]).any(axis=1)
    item_ok[:, n_items] = True
    return item_ok


def _variability_table(catalog: Catalog, procs: Sequence[Process]) -> np.ndarray:
    """[P, 5] assumed spreads from the catalog's process variability; DEFAULT_VARIABILITY for a
    process without a row."""
    out = np.tile(np.array(DEFAULT_VARIABILITY), (len(procs), 1))
    for pi, p in enumerate(procs):
        row = catalog.process_variability.get(p.process_id)
        if row is not None:
            out[pi] = list(row)
    return out


def _item_rigid(catalog: Catalog, items: Sequence[WasteItem]) -> np.ndarray:
    """[n+1] True for an item that is a rigid body (see RIGID_ITEM_FLAGS); the padding row is False."""
    out = np.zeros(len(items) + 1, bool)
    for i, it in enumerate(items):
        flags = {f.strip().lower() for f in it.flags}
        if flags & RIGID_ITEM_FLAGS:
            out[i] = True
            continue
        if flags & FLEXIBLE_ITEM_FLAGS:
            continue
        total = sum(f for _, f in it.composition) or 1.0
        hard = sum(
            f
            for mid, f in it.composition
            if mid not in THIN_METAL_IDS
            and mid in catalog.materials
            and catalog.materials[mid].family in RIGID_FAMILIES
        )
        out[i] = hard / total >= RIGID_SHARE_MIN
    return out


def _step_tables(catalog: Catalog, procs: Sequence[Process], items: Sequence[WasteItem]) -> StepTables:
    """The hidden-step arrays; a process without a process_steps row has no hidden step."""
    steps = [catalog.process_steps.get(p.process_id, ProcessSteps(p.process_id)) for p in procs]

    def arr(attr: str) -> np.ndarray:
        return np.array([getattr(st, attr) for st in steps], float)

    shred_rigid = np.array([st.shred_rigid_feed for st in steps], bool)
    shredder = catalog.processes.get(SHREDDER_ID)
    if shredder is None and shred_rigid.any():
        raise ValueError(f"process_steps asks for pre-shredding but the catalog has no {SHREDDER_ID} process")
    heated = np.array([p.heated for p in procs], bool)
    d_t = np.array([p.temperature_c for p in procs], float) - AMBIENT_C
    eff = np.array([p.heater_efficiency for p in procs], float)
    warm = np.where(
        heated, arr("tooling_mass_kg") * arr("tooling_cp_kj_kg_k") * np.maximum(d_t, 0.0) / 3600.0 / eff, 0.0
    )
    return StepTables(
        item_rigid=_item_rigid(catalog, items),
        shred_rigid=shred_rigid,
        shred_kwh_per_kg=shredder.machine_kwh_per_kg if shredder else 0.0,
        shred_kwh_per_batch=shredder.machine_kwh_per_batch if shredder else 0.0,
        shred_water_per_kg=shredder.water_l_per_kg if shredder else 0.0,
        shred_crew_per_batch=shredder.crew_min_per_batch if shredder else 0.0,
        shred_crew_per_kg=shredder.crew_min_per_kg if shredder else 0.0,
        shred_max_batch=shredder.max_batch_kg if shredder else 1.0,
        dry_max_moisture=arr("max_feed_moisture_pct") / 100.0,
        dryer_kwh_per_kg_water=arr("dryer_kwh_per_kg_water"),
        dryer_crew_per_load=arr("dryer_crew_min_per_load"),
        dryer_max_load=arr("dryer_max_load_kg"),
        warmup_kwh=warm,
        replaced_kwh_per_batch=np.where(heated, arr("replaces_kwh_per_batch"), 0.0),
        consumable_names=tuple(st.consumable for st in steps),
        consumable_per_kg_feed=arr("consumable_kg_per_kg_feed"),
        consumable_per_kg_regolith=arr("consumable_kg_per_kg_regolith"),
    )
