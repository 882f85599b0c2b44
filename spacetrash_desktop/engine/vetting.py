"""Vetting: the rules that decide whether a scored recipe may be made. Runs after scoring (physics
and ML) and is never overridden by any model.

Three severities:

* **refused** - unsafe or impossible whatever the numbers say (PVDF heated, a material the process
  refuses, decomposition, burning or venting, regolith outside what the process takes, a combustible
  powder above its share cap in a process that heats the feed);
* **infeasible** - possible but it misses the target (caps, stock, rigidity/tightness, the
  product's strength minimum, a process or regolith the target does not allow);
* **warning** - allowed, with a safety note for the crew (among them the crew hazards of the
  materials in the recipe, from ``datasets/material_hazards.csv``).

A target that touches food (``Target.food_contact``) makes a recipe infeasible when it holds a
material unsafe with food or a recycled laminate. The process's safety note is given in the parts
that apply to the recipe's own items and materials (``datasets/process_notes.csv``).

Checks are vectorised over the batch and stored as a bit mask per recipe; the plain-language
reasons are built only for the recipes a user looks at (:func:`explain`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntFlag

import numpy as np

from spacetrash_desktop.common import lower_first, sentence
from spacetrash_desktop.domain import Process, RecipeStatus, Target
from spacetrash_desktop.engine.physics import PhysicsResult
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.tables import EngineTables
from spacetrash_desktop.messages import msg


class Flag(IntFlag):
    # refused
    REFUSED_MATERIAL = 1 << 0
    NOT_ACCEPTED = 1 << 1
    HEATED_HAZARD = 1 << 2
    DECOMPOSES = 1 << 3
    BURN_OR_VENT = 1 << 4
    REGOLITH_RANGE = 1 << 5
    HEATED_DUST = 1 << 6  # a combustible powder above its share cap in a process that heats the feed
    # infeasible
    PROCESS_NOT_ALLOWED = 1 << 8
    REGOLITH_NOT_ALLOWED = 1 << 9
    STOCK = 1 << 10
    ENERGY_CAP = 1 << 11
    WATER_CAP = 1 << 12
    CREW_CAP = 1 << 13
    RIGIDITY_LOW = 1 << 14
    TIGHTNESS_LOW = 1 << 15
    NO_PREDICTION = 1 << 16  # the model returned no finite value: never counted as meeting a cap
    NO_CONSOLIDATION = 1 << 17  # too little binder at the process conditions: the part would not hold together
    FILLER_LIMIT = 1 << 18  # more filler than the process can carry (e.g. a printable filament)
    FOOD_CONTACT = 1 << 19  # the target touches food and the recipe holds a material unsafe for it
    CONSUMABLES_CAP = 1 << 7  # consumables brought from Earth (NaOH, epoxy, thread) above the target's cap
    # warnings
    MICROPLASTICS = 1 << 20
    CAUSTIC = 1 << 21
    ALUMINIUM_FLAKES = 1 << 22
    WET_FEED = 1 << 23
    NO_BINDER = 1 << 24  # retired (issue 12): superseded by NO_CONSOLIDATION; the bit stays reserved
    HOT_SURFACE = 1 << 25
    OOD = 1 << 26  # set by the ML layer: far from the training data
    COMBUSTIBLE_DUST = 1 << 27  # a powder that can burn or explode as a dust cloud (carbon powder)
    FIBRE_DUST = 1 << 28  # shredding or cutting releases respirable fibres (carbon/epoxy composite)
    MATERIAL_HAZARD = 1 << 29  # another hazard note of a material in the recipe, in plain words
    STRENGTH_LOW = 1 << 30  # infeasible: weaker than the product's strength minimum (it would crumble or break)


REFUSED_MASK = int(
    Flag.REFUSED_MATERIAL
    | Flag.NOT_ACCEPTED
    | Flag.HEATED_HAZARD
    | Flag.DECOMPOSES
    | Flag.BURN_OR_VENT
    | Flag.REGOLITH_RANGE
    | Flag.HEATED_DUST
)
INFEASIBLE_MASK = int(
    Flag.PROCESS_NOT_ALLOWED
    | Flag.REGOLITH_NOT_ALLOWED
    | Flag.STOCK
    | Flag.ENERGY_CAP
    | Flag.WATER_CAP
    | Flag.CREW_CAP
    | Flag.RIGIDITY_LOW
    | Flag.TIGHTNESS_LOW
    | Flag.NO_PREDICTION
    | Flag.NO_CONSOLIDATION
    | Flag.FILLER_LIMIT
    | Flag.FOOD_CONTACT
    | Flag.CONSUMABLES_CAP
    | Flag.STRENGTH_LOW
)
WARNING_MASK = int(
    Flag.MICROPLASTICS
    | Flag.CAUSTIC
    | Flag.ALUMINIUM_FLAKES
    | Flag.WET_FEED
    | Flag.NO_BINDER
    | Flag.HOT_SURFACE
    | Flag.OOD
    | Flag.COMBUSTIBLE_DUST
    | Flag.FIBRE_DUST
    | Flag.MATERIAL_HAZARD
)
EPS = 1e-9
# the vetting flag of each crew hazard code of datasets/material_hazards.csv
HAZARD_FLAGS = {
    "COMBUSTIBLE_DUST": Flag.COMBUSTIBLE_DUST,
    "FIBRE_DUST": Flag.FIBRE_DUST,
    "MATERIAL_HAZARD": Flag.MATERIAL_HAZARD,
}


@dataclass
class VettingResult:
    flags: np.ndarray  # int64 [N]

    @property
    def refused(self) -> np.ndarray:
        return (self.flags & REFUSED_MASK) != 0

    @property
    def feasible(self) -> np.ndarray:
        return (self.flags & (REFUSED_MASK | INFEASIBLE_MASK)) == 0

    def status(self) -> np.ndarray:
        out = np.full(len(self.flags), RecipeStatus.FEASIBLE, dtype=object)
        out[(self.flags & INFEASIBLE_MASK) != 0] = RecipeStatus.INFEASIBLE
        out[(self.flags & REFUSED_MASK) != 0] = RecipeStatus.REFUSED
        return out


def safety_flags(t: EngineTables, b: RecipeBatch, x: np.ndarray, moisture: np.ndarray) -> np.ndarray:
    """Composition and process rules that no model can change (depend only on the recipe)."""
    present = x > 1e-9
    present[:, t.regolith_index] = False  # regolith is judged by the regolith range rule
    f = np.zeros(len(b), np.int64)

    def setf(mask, flag):
        nonlocal f
        f = f | np.where(mask, int(flag), 0)

    setf((present & t.refused[b.proc]).any(axis=1), Flag.REFUSED_MATERIAL)
    setf((present & t.not_accepted[b.proc]).any(axis=1), Flag.NOT_ACCEPTED)
    setf((present & t.heated_hazard[b.proc]).any(axis=1), Flag.HEATED_HAZARD)
    setf((present & t.decomposes[b.proc]).any(axis=1), Flag.DECOMPOSES)
    setf(t.burns_or_vents[b.proc], Flag.BURN_OR_VENT)
    setf((b.reg < t.reg_min[b.proc] - EPS) | (b.reg > t.reg_max[b.proc] + EPS), Flag.REGOLITH_RANGE)
    hz = [set(p.hazards) for p in t.processes]
    micro = np.array(["microplastics" in h for h in hz])
    caustic = np.array(["caustic" in h for h in hz])
    hot = np.array(["hot_surface" in h for h in hz]) | t.heated
    setf(micro[b.proc], Flag.MICROPLASTICS)
    setf(caustic[b.proc], Flag.CAUSTIC)
    setf(hot[b.proc], Flag.HOT_SURFACE)
    setf(hot[b.proc] & over_heated_share(t, b.proc, x)[0].any(axis=1), Flag.HEATED_DUST)
    if t.foil_index >= 0:  # foil layers stay as flakes in a melt-bound product (bulk aluminium is refused)
        setf(t.needs_melt[b.proc] & (x[:, t.foil_index] > 1e-9), Flag.ALUMINIUM_FLAKES)
    setf(~t.heated[b.proc] & (moisture > 0.10), Flag.WET_FEED)
    in_feed = x > 1e-9  # regolith included: its dust is a crew hazard too
    for code, flag in HAZARD_FLAGS.items():
        mask = t.hazard_masks.get(code)
        if mask is not None:
            setf((in_feed & mask[b.proc]).any(axis=1), flag)
    return f


def over_heated_share(t: EngineTables, proc: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Combustible powder against the binder that holds it in a heated process: ([N, M] over the cap,
    [N, M] share, [N] binder kg per kg of feed). A material's share is its mass over its own mass plus
    the mass of the process's binder (the melt, or the regolith a cold process bonds); above its
    ``max_heated_share`` (datasets/material_hazards.csv; carbon powder 0.3: the most of a fine filler a melt wets)
    the powder is not held, it lies loose on a hot die or platen. Which processes heat is the caller's."""
    cap = t.heated_share_cap
    binder_kg = (x * t.binder[proc]).sum(axis=1)
    if cap.shape != (x.shape[1],):  # tables without the hazard file: no cap
        return np.zeros(x.shape, bool), np.zeros(x.shape), binder_kg
    own = x * ~t.binder[proc]  # a material that is itself binder is held by definition
    share = own / np.maximum(own + binder_kg[:, None], 1e-12)
    return (own > 1e-9) & (share > cap[None, :] + EPS), share, binder_kg


def food_unsafe(t: EngineTables, b: RecipeBatch, x: np.ndarray) -> np.ndarray:
    """[N] True when a recipe holds a material unsafe with food (regolith included) or a recycled
    laminate item: it may not become a product that touches food."""
    materials = ((x > 1e-9) & t.food_unsafe[None, :]).any(axis=1)
    laminates = (t.item_laminate[b.idx] & (b.frac > 0)).any(axis=1)
    return materials | laminates


def vet(
    t: EngineTables, b: RecipeBatch, phys: PhysicsResult, target: Target, props: np.ndarray | None = None
) -> VettingResult:
    """All rules. ``props`` [N,5] are the final predicted properties (physics or ML blend); the
    caps and targets are judged on them. Safety rules use only the recipe."""
    if props is None:
        props = phys.objectives()
    # the feed's water after the dryer (hidden steps): dried items no longer count as wet feed
    left = phys.moisture_frac - phys.dried_water_kg / np.maximum(phys.feed_kg, 1e-12)
    f = safety_flags(t, b, phys.material_frac, left)

    def setf(mask, flag):
        nonlocal f
        f = f | np.where(mask, int(flag), 0)

    allowed = np.array([target.allows_process(p) for p in t.process_ids])
    setf(~allowed[b.proc], Flag.PROCESS_NOT_ALLOWED)
    setf((b.reg > EPS) & (not target.regolith_allowed), Flag.REGOLITH_NOT_ALLOWED)
    if target.food_contact:
        setf(food_unsafe(t, b, phys.material_frac), Flag.FOOD_CONTACT)
    pad = t.n_items
    stock = t.stock[b.idx]
    used = phys.item_kg
    setf(((used > stock * (1 + 1e-9) + EPS) & (b.idx != pad)).any(axis=1), Flag.STOCK)
    setf(~np.isfinite(props).all(axis=1), Flag.NO_PREDICTION)  # NaN > cap is False: catch it here
    setf(props[:, 2] > target.max_energy_kwh + EPS, Flag.ENERGY_CAP)
    setf(props[:, 3] > target.max_water_l + EPS, Flag.WATER_CAP)
    setf(props[:, 4] > target.max_crew_min + EPS, Flag.CREW_CAP)
    setf(phys.consumables_kg > target.max_consumables_kg + EPS, Flag.CONSUMABLES_CAP)
    setf(props[:, 0] < target.rigidity_min - EPS, Flag.RIGIDITY_LOW)
    setf(props[:, 1] < target.tightness_min - EPS, Flag.TIGHTNESS_LOW)
    # strength is the physics model's (no trained model predicts it); NaN is never strong enough
    setf((target.strength_min > 0) & ~(phys.strength_mpa >= target.strength_min - EPS), Flag.STRENGTH_LOW)
    return VettingResult(f | consolidation_flags(t, b, phys))


def consolidation_flags(t: EngineTables, b: RecipeBatch, phys: PhysicsResult) -> np.ndarray:
    """Hard rules of the recipe alone: too little binder at the process conditions for a solid part
    (NO_CONSOLIDATION; it supersedes the old NO_BINDER warning), or more filler or short fibre than
    the process can carry (FILLER_LIMIT)."""
    min_binder = t.min_binder[b.proc]
    f = np.where((min_binder > 0) & (phys.binder_fraction < min_binder - EPS), int(Flag.NO_CONSOLIDATION), 0)
    over = (phys.filler_frac > t.max_filler[b.proc] + EPS) | (phys.short_fibre_frac > t.max_short_fibre[b.proc] + EPS)
    return f | np.where(over, int(Flag.FILLER_LIMIT), 0)


# ------------------------------------------------------------------------------------- reasons


def explain(
    t: EngineTables,
    b: RecipeBatch,
    i: int,
    flags: int,
    phys: PhysicsResult | None,
    target: Target | None,
    props: np.ndarray | None = None,
) -> list[dict]:
    """Plain-language reasons for one recipe's flags: [{code, severity, message}]."""
    proc = t.processes[int(b.proc[i])]
    x = phys.material_frac[i] if phys is not None else np.zeros(t.n_materials)
    present = [t.material_ids[j] for j in range(len(x)) if x[j] > 1e-9 and j != t.regolith_index]
    reasons = _Reasons(flags)
    _refusal_reasons(reasons, t, b, i, proc, present)
    _heated_dust_reason(reasons, t, b, i, proc, x)
    if phys is not None:
        _consolidation_reasons(reasons, t, b, i, proc, phys)
    if target is not None:
        _target_reasons(reasons, t, b, i, proc, phys, target, props)
        reasons.add(Flag.FOOD_CONTACT, RecipeStatus.INFEASIBLE, _food_contact_message(t, b, i, x, target))
    _warning_reasons(reasons, proc)
    for h in recipe_hazards(t, b, i, x):
        reasons.add(HAZARD_FLAGS[h["code"]], "warning", f"{sentence(h['text'])} {sentence(h['ppe'])}".strip())
    note = process_note(t, b, i, x)
    if note and flags & REFUSED_MASK == 0:
        reasons.out.append({"code": "PROCESS_NOTE", "severity": "note", "message": note})
    return reasons.out


def recipe_hazards(t: EngineTables, b: RecipeBatch, i: int, x: np.ndarray) -> list[dict]:
    """The crew hazards of recipe ``i`` (dry material shares ``x`` [M] per kg of feed): one entry per
    material in the feed and hazard code that applies in the recipe's process, as
    {code, material_id, material, text, ppe}."""
    p = int(b.proc[i])
    out = []
    for code in HAZARD_FLAGS:
        mask = t.hazard_masks.get(code)
        if mask is None:
            continue
        for j in np.flatnonzero((x > 1e-9) & mask[p]):
            h = t.material_hazards[int(j)]
            assert h is not None  # a mask is True only for a material with a hazard row
            out.append(
                {
                    "code": code,
                    "material_id": h.material_id,
                    "material": t.material_names[int(j)],
                    "text": sentence(h.text),
                    "ppe": sentence(h.ppe),
                }
            )
    return out


def process_note(t: EngineTables, b: RecipeBatch, i: int, x: np.ndarray) -> str:
    """The parts of the process's safety note that apply to recipe ``i``: those for every batch and
    those about an item or material the recipe holds (a recipe without pouches is not told to rinse
    pouches)."""
    p = int(b.proc[i])
    if not t.process_notes or not t.process_notes[p]:  # no split note for this process: the whole note
        return t.processes[p].safety_note
    slots = [int(k) for k, f in zip(b.idx[i], b.frac[i]) if f > 0 and int(k) != t.n_items]
    facts = {("material", t.material_ids[j]) for j in np.flatnonzero(x > 1e-9)}
    for k in slots:
        facts |= {("flag", f.lower()) for f in t.item_flags[k]}
    texts = {
        "category": [t.item_categories[k].lower() for k in slots],
        "name": [t.item_names[k].lower() for k in slots],
    }

    def applies(kind: str, value: str) -> bool:
        if kind in texts:
            return any(value in s for s in texts[kind])
        return (kind, value) in facts

    parts = [n.note for n in t.process_notes[p] if not n.conditions or any(applies(*c) for c in n.conditions)]
    return " ".join(sentence(s) for s in parts)


def _food_contact_message(t: EngineTables, b: RecipeBatch, i: int, x: np.ndarray, target: Target) -> str:
    """Why recipe ``i`` may not touch food: each unsafe material or laminate item with its reason."""
    parts = []
    for j in np.flatnonzero((x > 1e-9) & t.food_unsafe):
        h = t.material_hazards[int(j)]
        why = f" ({lower_first(h.food_contact_reason)})" if h is not None and h.food_contact_reason else ""
        parts.append(f"{t.material_names[int(j)]}{why}")
    for k, f in zip(b.idx[i], b.frac[i]):
        if f > 0 and int(k) != t.n_items and t.item_laminate[int(k)]:
            parts.append(msg("{item} (a recycled laminate with no decontamination proof)", item=t.item_names[int(k)]))
    return msg(
        "{target} touches food, and this recipe holds {materials}: not safe in contact with food.",
        target=target.name,
        materials="; ".join(parts) or msg("a material unsafe with food"),
    )


class _Reasons:
    """The reasons of one recipe: a message is kept only when its flag is set."""

    def __init__(self, flags: int):
        self.flags = flags
        self.out: list[dict] = []

    def add(self, flag: Flag, severity: str, message: str) -> None:
        if self.flags & int(flag):
            self.out.append({"code": flag.name, "severity": severity, "message": message})


def _refusal_reasons(
    reasons: _Reasons, t: EngineTables, b: RecipeBatch, i: int, proc: Process, present: list[str]
) -> None:
    """Rules no model can change: refused or unaccepted materials, hazards, burning, regolith range."""
    add = reasons.add
    names = dict(zip(t.material_ids, t.material_names))
    refused = ", ".join(names[m] for m in present if m in proc.refuses) or msg("one of the materials")
    add(
        Flag.REFUSED_MATERIAL,
        RecipeStatus.REFUSED,
        msg(
            "{process} cannot take {materials}: {reason}",
            process=proc.name,
            materials=refused,
            reason=proc.refuse_reason,
        )
        if proc.refuse_reason
        else msg("{process} cannot take {materials}.", process=proc.name, materials=refused),
    )
    not_acc = [names[m] for m in present if not proc.accepts_material(m) and m not in proc.refuses]
    accepted = ", ".join(names.get(a, a) for a in proc.accepts)
    add(
        Flag.NOT_ACCEPTED,
        RecipeStatus.REFUSED,
        msg(
            "{process} only takes {accepted}; {material} is not among them.",
            process=proc.name,
            accepted=accepted,
            material=not_acc[0],
        )
        if len(not_acc) == 1
        else msg(
            "{process} only takes {accepted}; {materials} are not among them.",
            process=proc.name,
            accepted=accepted,
            materials=", ".join(not_acc) or msg("some materials"),
        ),
    )
    hz = [names[m] for m in present if t.heated_hazard[int(b.proc[i]), t.material_ids.index(m)]]
    add(
        Flag.HEATED_HAZARD,
        RecipeStatus.REFUSED,
        msg(
            "Heating {materials} releases hydrogen fluoride (HF) and PFAS; it must never go into a heated process. "
            "Use it mechanically only.",
            materials=", ".join(hz) or msg("a fluoropolymer"),
        ),
    )
    dec = [
        msg(
            "{material} (from {temperature:.0f} °C)",
            material=names[m],
            temperature=t.decomposition[t.material_ids.index(m)],
        )
        for m in present
        if t.decomposes[int(b.proc[i]), t.material_ids.index(m)]
    ]
    add(
        Flag.DECOMPOSES,
        RecipeStatus.REFUSED,
        msg(
            "At {temperature:.0f} °C {materials} starts to decompose: fumes and charring, which the habitat rules "
            "treat as burning.",
            temperature=proc.temperature_c,
            materials=", ".join(dec) or msg("a material"),
        ),
    )
    add(
        Flag.BURN_OR_VENT,
        RecipeStatus.REFUSED,
        msg("{process} burns or vents material, which the mission forbids.", process=proc.name),
    )
    add(
        Flag.REGOLITH_RANGE,
        RecipeStatus.REFUSED,
        msg(
            "{process} takes {low:.0%}-{high:.0%} regolith; this recipe has {share:.0%}.",
            process=proc.name,
            low=proc.regolith_min,
            high=proc.regolith_max,
            share=float(b.reg[i]),
        ),
    )


def _heated_dust_reason(
    reasons: _Reasons, t: EngineTables, b: RecipeBatch, i: int, proc: Process, x: np.ndarray
) -> None:
    """Why a heated process may not take this much combustible powder: the material, its share of the
    dry feed, the binder that would hold it, the cap."""
    over, _, binder_kg = over_heated_share(t, b.proc[i : i + 1], x[None, :])
    total = max(float(x.sum()), 1e-12)
    parts = [
        msg(
            "{powder:.0%} of the dry feed is {material}, a combustible dust",
            powder=float(x[j]) / total,
            material=t.material_names[int(j)],
        )
        for j in np.flatnonzero(over[0])
    ]
    limit = min((float(t.heated_share_cap[int(j)]) for j in np.flatnonzero(over[0])), default=0.3)
    reasons.add(
        Flag.HEATED_DUST,
        RecipeStatus.REFUSED,
        msg(
            "{process} heats the feed, and {parts}, held by only {binder:.0%} of binder (at {temperature:.0f} °C); "
            "the powder may be at most {limit:.0%} of the two together. More is loose powder on a hot surface, "
            "which its handling rules forbid: it can smoulder or catch fire. Use less of it, more binder, or an "
            "unheated process.",
            process=proc.name,
            parts="; ".join(parts) or msg("a combustible dust is most of the feed"),
            binder=float(binder_kg[0]) / total,
            temperature=proc.temperature_c,
            limit=limit,
        ),
    )


def _crumbles(form: str) -> str:
    """What happens to a product of ``form`` that does not hold together."""
    words = {
        "filament": msg("the strand would crumble"),
        "tile": msg("the tile would crumble"),
        "panel": msg("the sheet would fall apart"),
        "particles": msg("the particles would crumble"),
        "bag": msg("the bag would crumble"),
        "frame": msg("the frame would crumble"),
        "fabric": msg("the fabric would crumble"),
    }
    return words.get(form) or msg("the {form} would crumble", form=form)


def _consolidation_reasons(
    reasons: _Reasons, t: EngineTables, b: RecipeBatch, i: int, proc: Process, phys: PhysicsResult
) -> None:
    """Why the part would not hold together, or carries more filler than the process can."""
    pi = int(b.proc[i])
    need = float(t.min_binder[pi])
    have = float(phys.binder_fraction[i])
    if proc.needs_melt_phase:
        what = msg(
            "only {have:.0%} of the volume melts at {temperature:.0f} °C", have=have, temperature=proc.temperature_c
        )
    else:
        names = dict(zip(t.material_ids, t.material_names))
        binder = ", ".join(names.get(m, m) for m in proc.binder_materials) or msg("the binder")
        what = msg("only {have:.0%} of the volume is {binder}, the part the process bonds", have=have, binder=binder)
    water = float(phys.water_voids[i])
    if water > 0.01:
        what = msg("{what} ({water:.0%} is water the process does not drive off)", what=what, water=water)
    reasons.add(
        Flag.NO_CONSOLIDATION,
        RecipeStatus.INFEASIBLE,
        sentence(
            msg(
                "{what}; {process} needs {need:.0%}: {crumbles}",
                what=what,
                process=lower_first(proc.name),
                need=need,
                crumbles=_crumbles(proc.product_form),
            )
        ),
    )
    parts = []
    filler, short = float(phys.filler_frac[i]), float(phys.short_fibre_frac[i])
    if filler > proc.max_filler_frac + EPS:
        parts.append(
            msg(
                "{filler:.0%} of the solids does not melt or bind; {process} carries at most {limit:.0%} "
                "(more clogs the nozzle and weakens the part)",
                filler=filler,
                process=lower_first(proc.name),
                limit=proc.max_filler_frac,
            )
        )
    if short > proc.max_short_fibre_frac + EPS:
        parts.append(
            msg(
                "{short:.0%} of the solids is crumbled fibre; at most {limit:.0%} mixes in (more clumps and leaves voids)",
                short=short,
                limit=proc.max_short_fibre_frac,
            )
        )
    reasons.add(Flag.FILLER_LIMIT, RecipeStatus.INFEASIBLE, sentence("; ".join(parts) or msg("Too much filler")))


def _target_reasons(
    reasons: _Reasons,
    t: EngineTables,
    b: RecipeBatch,
    i: int,
    proc: Process,
    phys: PhysicsResult | None,
    target: Target,
    props: np.ndarray | None,
) -> None:
    """What keeps the recipe from the target: process, regolith, stock, caps and minima."""
    add = reasons.add
    add(
        Flag.PROCESS_NOT_ALLOWED,
        RecipeStatus.INFEASIBLE,
        msg("The target does not allow {process}.", process=proc.name),
    )
    add(Flag.REGOLITH_NOT_ALLOWED, RecipeStatus.INFEASIBLE, msg("The target does not allow regolith."))
    if phys is not None:
        short = []
        for k in range(b.idx.shape[1]):
            j = int(b.idx[i, k])
            if j != t.n_items and phys.item_kg[i, k] > t.stock[j] + EPS:
                short.append(
                    msg(
                        "{item} needs {need:.2f} kg, {stock:.2f} kg in stock",
                        item=t.item_names[j],
                        need=phys.item_kg[i, k],
                        stock=t.stock[j],
                    )
                )
        add(Flag.STOCK, RecipeStatus.INFEASIBLE, msg("Not enough in stock: {items}.", items="; ".join(short)))
        _consumables_reason(reasons, t, b, i, phys, target)
        reasons.add(
            Flag.STRENGTH_LOW,
            RecipeStatus.INFEASIBLE,
            msg(
                "Strength {value:.1f} MPa is below the {minimum:g} MPa this product needs: it would crumble or "
                "break in use.",
                value=float(phys.strength_mpa[i]),
                minimum=target.strength_min,
            ),
        )
    if props is not None:
        _cap_reasons(reasons, props, target)


def _cap_reasons(reasons: _Reasons, p: np.ndarray, target: Target) -> None:
    """The predicted properties ``p`` [5] against the target's caps and minima."""
    add = reasons.add
    add(
        Flag.ENERGY_CAP,
        RecipeStatus.INFEASIBLE,
        msg("Needs {energy:.2f} kWh per batch; the cap is {cap:g} kWh.", energy=p[2], cap=target.max_energy_kwh),
    )
    add(
        Flag.WATER_CAP,
        RecipeStatus.INFEASIBLE,
        msg("Needs {water:.2f} L of water; the cap is {cap:g} L.", water=p[3], cap=target.max_water_l),
    )
    add(
        Flag.CREW_CAP,
        RecipeStatus.INFEASIBLE,
        msg("Needs {crew:.0f} crew minutes; the cap is {cap:g} min.", crew=p[4], cap=target.max_crew_min),
    )
    add(
        Flag.NO_PREDICTION,
        RecipeStatus.INFEASIBLE,
        msg("The model gave no usable number for this recipe, so it cannot be shown as meeting the target."),
    )
    add(
        Flag.RIGIDITY_LOW,
        "infeasible",
        msg("Rigidity {value:.2f} is below the target's {minimum:.2f}.", value=p[0], minimum=target.rigidity_min),
    )
    add(
        Flag.TIGHTNESS_LOW,
        RecipeStatus.INFEASIBLE,
        msg("Tightness {value:.2f} is below the target's {minimum:.2f}.", value=p[1], minimum=target.tightness_min),
    )


def _consumables_reason(
    reasons: _Reasons, t: EngineTables, b: RecipeBatch, i: int, phys: PhysicsResult, target: Target
) -> None:
    """Material brought from Earth and used up by the batch, above the target's cap."""
    what = t.steps.consumable_names[int(b.proc[i])] or msg("consumables")
    reasons.add(
        Flag.CONSUMABLES_CAP,
        RecipeStatus.INFEASIBLE,
        msg(
            "Uses up {kg:.3f} kg of {what} brought from Earth per batch; the target allows {cap:g} kg.",
            kg=float(phys.consumables_kg[i]),
            what=what,
            cap=target.max_consumables_kg,
        ),
    )


def _warning_reasons(reasons: _Reasons, proc: Process) -> None:
    """Handling warnings that do not block the recipe."""
    add = reasons.add
    add(
        Flag.MICROPLASTICS,
        "warning",
        msg(
            "Shredding makes microplastic dust: run it enclosed with the HEPA filter and keep the fines out of the "
            "water loop."
        ),
    )
    add(
        Flag.CAUSTIC,
        "warning",
        msg("Uses a caustic (NaOH) solution: gloves and eye protection; recover the solution."),
    )
    add(
        Flag.ALUMINIUM_FLAKES,
        "warning",
        msg("Aluminium foil layers do not melt: they stay in the product as flakes. Separate them first if you can."),
    )
    add(
        Flag.WET_FEED,
        "warning",
        msg("Wet feed in an unheated process: dry it first or the product may grow mould."),
    )
    add(
        Flag.HOT_SURFACE,
        "warning",
        msg(
            "Hot surfaces at {temperature:.0f} °C: wait for cool-down before handling.", temperature=proc.temperature_c
        ),
    )
    add(
        Flag.OOD,
        "warning",
        msg("This recipe is far from anything the model was trained on; trust the interval less."),
    )
