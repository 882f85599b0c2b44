"""Every hazard reaches the crew (issue 12, item 3): food-contact targets refuse materials unsafe with
food, material hazards become warnings with plain words and protective equipment, process notes
apply only to the recipe's own items, foil in a melt process is flagged."""

from __future__ import annotations

import dataclasses
import shutil

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spacetrash_desktop.catalog.datasets import load_catalog_from
from spacetrash_desktop.domain import Recipe
from spacetrash_desktop.engine.physics import score_physics
from spacetrash_desktop.engine.recipes import RecipeBatch, from_recipes
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.engine.tables import compile_tables
from spacetrash_desktop.engine.vetting import Flag, explain, vet
from spacetrash_desktop.errors import CatalogError
from spacetrash_desktop.messages import set_language
from spacetrash_desktop.services.generate import generate
from spacetrash_desktop.services.inventory import load_catalog, set_data_language
from spacetrash_desktop.services.workorder import score_recipes
from spacetrash_desktop.storage.paths import bundled_dir
from tests.engine.test_physics import random_batch

# the materials the issue names as never in contact with food
NEVER_WITH_FOOD = ("carbon_fibre", "epoxy_thermoset", "carbon_residue", "pvdf", "ptfe")


@pytest.fixture(scope="module")
def tables(catalog):
    return compile_tables(catalog, list(catalog.default_inventory))


def _one(t, items, reg, proc, mass=1.0):
    b = from_recipes(t, [Recipe(items=tuple(items), regolith_frac=reg, process_id=proc, batch_mass_kg=mass)])
    return b, score_physics(t, b, mass)


def _materials(catalog, cand) -> set[str]:
    items = {it.item_id: it for it in catalog.default_inventory}
    return {m for iid, f in cand.recipe.items if f > 0 for m, share in items[iid].composition if share > 0}


# ------------------------------------------------------------------------------------ food contact


def test_the_utensil_and_the_container_touch_food(catalog):
    assert catalog.targets["utensil"].food_contact and catalog.targets["container"].food_contact
    assert not catalog.targets["interior_panel"].food_contact


@pytest.mark.parametrize("target_id", ["utensil", "container"])
def test_a_food_contact_target_never_gets_fibre_crumb_carbon_powder_or_fluoropolymers(catalog, target_id):
    """A real generation: no feasible recipe holds carbon/epoxy crumb, carbon powder, a fluoropolymer,
    regolith or a recycled laminate, and those that do say why in plain words."""
    target = catalog.targets[target_id]
    res = generate(list(catalog.default_inventory), target, scorer=PhysicsScorer(), time_budget_s=10, seed=1)
    items = {it.item_id: it for it in catalog.default_inventory}
    assert res.candidates
    for c in res.candidates:
        if not c.feasible:
            continue
        assert not _materials(catalog, c) & set(NEVER_WITH_FOOD), (c.recipe_id, c.item_names)
        assert c.recipe.regolith_frac == 0
        assert not any("multilayer" in items[iid].flags for iid, _ in c.recipe.items)
    refused = [c for c in res.candidates if c.flags & int(Flag.FOOD_CONTACT)]
    assert refused and all(not c.feasible for c in refused)
    msg = next(r["message"] for r in refused[0].reasons if r["code"] == "FOOD_CONTACT")
    assert "touches food" in msg and target.name in msg


def test_the_same_target_without_food_contact_would_take_the_composite_crumb(catalog, tables):
    """The rule is what keeps the crumb out: switched off, the utensil's front is full of it."""
    from spacetrash_desktop.engine.search import search

    target = catalog.targets["utensil"]
    loose = search(tables, dataclasses.replace(target, food_contact=False), PhysicsScorer(), mode="exact")
    a = loose.store.arrays()
    x = tables.composition[a["idx"][loose.front_rows]].max(axis=1)  # [F, M]: material present in any slot
    cf = tables.material_ids.index("carbon_fibre")
    assert len(loose.front_rows) and (x[:, cf] > 0).any()
    strict = search(tables, target, PhysicsScorer(), mode="exact")
    sa = strict.store.arrays()
    if sa is not None and len(strict.front_rows):
        xs = tables.composition[sa["idx"][strict.front_rows]].max(axis=1)
        assert (xs[:, cf] == 0).all()


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**31 - 1), data=st.data())
def test_food_contact_never_widens_the_feasible_set(tables, catalog, seed, data):
    target = data.draw(st.sampled_from(list(catalog.targets.values())))
    b = random_batch(tables, seed, 300, no_regolith_share=0.5)
    s = PhysicsScorer().score(tables, b, target.batch_mass_kg)
    loose = vet(tables, b, s.phys, dataclasses.replace(target, food_contact=False), s.props)
    strict = vet(tables, b, s.phys, dataclasses.replace(target, food_contact=True), s.props)
    assert not (strict.feasible & ~loose.feasible).any()
    unsafe = tables.food_unsafe[None, :] & (s.phys.material_frac > 1e-9)
    assert not (strict.feasible & unsafe.any(axis=1)).any()


# -------------------------------------------------------------------------------- material hazards


def test_carbon_powder_carries_the_combustible_dust_flag_with_plain_words(catalog, tables):
    target = catalog.targets["shielding_tile"]
    b, ph = _one(tables, [("W019", 0.7), ("W018", 0.3)], 0.0, "heat_melt_compaction")
    v = vet(tables, b, ph, target)
    assert int(v.flags[0]) & int(Flag.COMBUSTIBLE_DUST)
    reasons = explain(tables, b, 0, int(v.flags[0]), ph, target, ph.objectives()[0])
    dust = [r for r in reasons if r["code"] == "COMBUSTIBLE_DUST"]
    assert len(dust) == 1 and dust[0]["severity"] == "warning"
    text = dust[0]["message"]
    assert "combustible dust" in text and "34%" in text and "P100/FFP3" in text and "ground" in text.lower()


def test_shredded_composite_carries_the_fibre_dust_flag_with_its_protective_equipment(catalog, tables):
    target = catalog.targets["interior_panel"]
    b, ph = _one(tables, [("W011", 0.3), ("W018", 0.7)], 0.0, "hot_press_lamination")
    v = vet(tables, b, ph, target)
    assert int(v.flags[0]) & int(Flag.FIBRE_DUST)
    reasons = explain(tables, b, 0, int(v.flags[0]), ph, target, ph.objectives()[0])
    text = next(r["message"] for r in reasons if r["code"] == "FIBRE_DUST")
    for word in ("enclosed shredder", "HEPA", "P100/FFP3", "goggles"):
        assert word in text


def test_pure_polyethylene_carries_no_material_hazard(catalog, tables):
    b, ph = _one(tables, [("W018", 1.0)], 0.0, "hot_press_lamination")
    v = vet(tables, b, ph, catalog.targets["interior_panel"])
    hazard = int(Flag.COMBUSTIBLE_DUST | Flag.FIBRE_DUST | Flag.MATERIAL_HAZARD)
    assert int(v.flags[0]) & hazard == 0


def test_a_heated_only_hazard_is_not_raised_in_a_cold_process(catalog, tables):
    """Nitrile gives off HCN only when overheated: a cold-pressed glove block carries no such warning."""
    target = catalog.targets["interior_panel"]
    b, ph = _one(tables, [("W016", 1.0)], 0.0, "cold_press_binder")
    assert int(vet(tables, b, ph, target).flags[0]) & int(Flag.MATERIAL_HAZARD) == 0
    b, ph = _one(tables, [("W016", 0.2), ("W018", 0.8)], 0.0, "hot_press_lamination")
    assert int(vet(tables, b, ph, target).flags[0]) & int(Flag.MATERIAL_HAZARD)


# ------------------------------------------------------------------------------------ foil flakes


@pytest.mark.parametrize("proc", ["hot_press_lamination", "heat_melt_compaction"])
def test_foil_in_a_melt_process_is_flagged(catalog, tables, proc):
    target = catalog.targets["interior_panel"]
    b, ph = _one(tables, [("W009", 0.5), ("W018", 0.5)], 0.0, proc)  # drink pouch: 24% foil
    v = vet(tables, b, ph, target)
    assert int(v.flags[0]) & int(Flag.ALUMINIUM_FLAKES)
    b, ph = _one(tables, [("W018", 1.0)], 0.0, proc)
    assert int(vet(tables, b, ph, target).flags[0]) & int(Flag.ALUMINIUM_FLAKES) == 0


# ------------------------------------------------------------------------------------ process notes


def _note(tables, target, items, proc, reg=0.0) -> str:
    b, ph = _one(tables, items, reg, proc)
    v = vet(tables, b, ph, target)
    reasons = explain(tables, b, 0, int(v.flags[0]), ph, target, ph.objectives()[0])
    return " ".join(r["message"] for r in reasons if r["code"] == "PROCESS_NOTE")


def test_a_recipe_without_pouches_gets_no_pouch_note(catalog, tables):
    target = catalog.targets["interior_panel"]
    note = _note(tables, target, [("W018", 0.6), ("W011", 0.4)], "hot_press_lamination")
    assert "pouch" not in note.lower()
    assert "heat-resistant gloves" in note  # the part that applies to every batch stays
    with_pouch = _note(tables, target, [("W008", 0.5), ("W018", 0.5)], "hot_press_lamination")
    assert "Rinse food residue off pouches first." in with_pouch


def test_process_notes_follow_the_materials_they_are_about(catalog, tables):
    target = catalog.targets["interior_panel"]
    pe_only = _note(tables, target, [("W018", 1.0)], "shredding")
    assert "PVDF" not in pe_only and "shredder closed" in pe_only
    assert "carbon-fibre dust" in _note(tables, target, [("W011", 1.0)], "shredding")
    assert "hot wire" not in _note(tables, target, [("W018", 1.0)], "foam_cut_reuse")
    assert "hot wire" in _note(tables, target, [("W017", 1.0)], "foam_cut_reuse")


# ------------------------------------------------------------------------------------ the dataset


def test_every_material_has_a_hazard_row_and_every_process_its_notes(catalog):
    assert set(catalog.material_hazards) == set(catalog.materials)
    assert set(catalog.process_notes) == set(catalog.processes)
    for h in catalog.material_hazards.values():
        if h.codes:
            assert h.text.strip() and h.ppe.strip(), h.material_id
        if h.food_contact_unsafe:
            assert h.food_contact_reason.strip(), h.material_id
    for mid in NEVER_WITH_FOOD + ("mgs1_regolith",):
        assert catalog.material_hazards[mid].food_contact_unsafe, mid


def test_an_unknown_hazard_code_fails_loudly(tmp_path):
    root = tmp_path / "datasets"
    shutil.copytree(bundled_dir("datasets"), root)
    path = root / "material_hazards.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("COMBUSTIBLE_DUST", "SPOOKY", 1), encoding="utf-8")
    with pytest.raises(CatalogError, match="unknown hazard code"):
        load_catalog_from(root)


def test_the_item_food_safety_table_agrees_with_the_vetting(catalog, tables):
    """tables.item_food_unsafe (for pruning a food-contact search) marks exactly the items that make a
    one-item recipe fail the food-contact rule."""
    target = dataclasses.replace(catalog.targets["interior_panel"], food_contact=True)
    n = tables.n_items
    b = RecipeBatch(
        np.c_[np.arange(n), np.full((n, 3), n)].astype(np.int32),
        np.c_[np.ones(n), np.zeros((n, 3))],
        np.zeros(n),
        np.full(n, tables.process_index("cold_press_binder"), np.int32),
    )
    ph = score_physics(tables, b, 1.0)
    flagged = (vet(tables, b, ph, target).flags & int(Flag.FOOD_CONTACT)) != 0
    assert (flagged == tables.item_food_unsafe[:n]).all()
    assert not tables.item_food_unsafe[n]


def test_the_food_contact_refusal_reads_in_spanish_with_its_reasons(catalog):
    """In the Spanish window the refusal and each material's reason are Spanish (the reasons are
    dataset texts, translated in datasets/translations_es.csv), not an English reason inside a
    Spanish sentence."""
    carbon_pe = Recipe((("W019", 0.2), ("W018", 0.8)), 0.0, "melt_extrusion", 1.0)
    try:
        set_language("es")
        set_data_language("es")
        es = load_catalog()
        (cand,) = score_recipes([carbon_pe], list(es.default_inventory), es.targets["container"])
    finally:
        set_language("en")
        set_data_language("en")
    msg = next(r["message"] for r in cand.reasons if r["code"] == "FOOD_CONTACT")
    assert "toca alimentos" in msg or "alimentos" in msg
    assert "el carbono es de pureza y tamaño de partícula desconocidos" in msg
    assert "unknown purity" not in msg
