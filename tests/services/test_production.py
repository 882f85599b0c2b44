"""services.production: recording takes the stock out, undo puts it back exactly, refusals, totals."""

from __future__ import annotations

import dataclasses
import re
from types import SimpleNamespace

import pytest

from spacetrash_desktop.domain import ProductionRequest, Recipe
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.errors import BadInputError, StorageError
from spacetrash_desktop.services import production as P
from spacetrash_desktop.services.generate import generate, resolve_target
from spacetrash_desktop.services.inventory import current_inventory, save_current_inventory
from spacetrash_desktop.storage.production import ProductionLog


@pytest.fixture(scope="module")
def run(catalog):
    target = resolve_target("container")
    result = generate(list(catalog.default_inventory), target, scorer=PhysicsScorer(), max_evals=1500, seed=3)
    return target, result


def _feasible(run):
    return next(c for c in run[1].candidates if c.feasible)


def _request(items_kg, batches=1) -> ProductionRequest:
    recipe = Recipe(items=tuple((i, 1 / len(items_kg)) for i, _ in items_kg), regolith_frac=0.0, process_id="p")
    return ProductionRequest(
        recipe=recipe,
        recipe_id=recipe.recipe_id,
        product="container",
        product_name="Container",
        batches=batches,
        product_kg=2.0,
        items_kg=tuple(items_kg),
        energy_kwh=3.0,
        water_l=0.5,
        crew_min=90.0,
    )


def _state(items):
    return [(it.item_id, it.mass_kg, it.count) for it in items]


def test_request_from_candidate_scales_the_batch(run):
    target, _ = run
    cand = _feasible(run)
    req = P.request_from_candidate(cand, target, 4)
    assert req.batches == 4 and req.product == target.target_id and req.source == "recipe"
    per_batch = dict(zip((i for i, _ in cand.recipe.items), cand.item_kg, strict=True))
    assert dict(req.items_kg) == pytest.approx({i: kg * 4 for i, kg in per_batch.items() if kg > 0})
    assert req.energy_kwh == pytest.approx(cand.values["energy_kwh"] * 4)
    assert req.product_kg == pytest.approx(target.batch_mass_kg * 4)


def test_an_infeasible_recipe_or_zero_batches_is_refused(run):
    target, result = run
    bad = next((c for c in result.candidates if not c.feasible), None)
    if bad is not None:
        with pytest.raises(BadInputError, match="Only a feasible recipe"):
            P.request_from_candidate(bad, target, 1)
    with pytest.raises(BadInputError, match="Batches must be a whole number, 1 or more"):
        P.request_from_candidate(_feasible(run), target, 0)


def test_record_takes_the_stock_out_and_undo_puts_it_back_bit_for_bit(run):
    target = run[0]
    before, _ = current_inventory()
    out = P.record(P.request_from_candidate(_feasible(run), target, 3), "Ana", 12)
    after, origin = current_inventory()
    assert origin == "saved" and after == out.items
    used = dict(out.entry.changes[0].item and ((c.item_id, c.kg) for c in out.entry.changes))
    for it_before, it_after in zip(before, after, strict=True):
        assert it_after.mass_kg == pytest.approx(it_before.mass_kg - used.get(it_before.item_id, 0.0))
    (entry,) = P.list_entries()
    assert entry.who == "Ana" and entry.sol == 12 and entry.batches == 3 and not entry.undone
    back = P.undo(entry.entry_id[:6])
    assert back.notes == []
    restored, _ = current_inventory()
    assert _state(restored) == _state(before)  # exact floats, exact counts
    assert restored == before
    assert P.list_entries()[0].undone
    with pytest.raises(BadInputError, match="already undone"):
        P.undo(entry.entry_id)


def test_a_line_used_up_stays_at_0_kg_and_counts_follow_the_mass(catalog):
    items = list(catalog.default_inventory)
    items[0] = dataclasses.replace(items[0], mass_kg=2.5, count=10)
    items[1] = dataclasses.replace(items[1], mass_kg=0.1 + 0.2, count=3)
    save_current_inventory(items)
    out = P.record(_request([(items[0].item_id, 1.0), (items[1].item_id, 0.3)]))
    now = {it.item_id: it for it in current_inventory()[0]}
    assert (now[items[0].item_id].mass_kg, now[items[0].item_id].count) == (1.5, 6)
    assert (now[items[1].item_id].mass_kg, now[items[1].item_id].count) == (0.0, 0)  # kept, empty
    P.undo(out.entry.entry_id)
    assert current_inventory()[0] == items


def test_lines_edited_or_deleted_after_the_entry_keep_the_edit_and_get_the_kg_back(catalog):
    items = list(catalog.default_inventory)
    save_current_inventory(items)
    a, b = items[0], items[1]
    out = P.record(_request([(a.item_id, 4.0), (b.item_id, 1.0)]))
    now = current_inventory()[0]
    edited = [dataclasses.replace(it, mass_kg=100.0) if it.item_id == a.item_id else it for it in now]
    edited = [it for it in edited if it.item_id != b.item_id]
    save_current_inventory(edited)
    back = P.undo(out.entry.entry_id)
    final = {it.item_id: it for it in current_inventory()[0]}
    assert final[a.item_id].mass_kg == 104.0
    assert final[b.item_id] == b  # deleted line added back whole
    assert any("changed after this was made" in n for n in back.notes)
    assert any("had been deleted" in n for n in back.notes)


def test_not_enough_stock_is_refused_and_nothing_changes(catalog):
    items = list(catalog.default_inventory)
    save_current_inventory(items)
    a = items[0]
    with pytest.raises(
        BadInputError,
        match=re.escape(f"Not enough stock to record this: {a.name} needs {a.mass_kg + 1.0:,.1f} kg, only"),
    ):
        P.record(_request([(a.item_id, a.mass_kg + 1.0)]))
    with pytest.raises(BadInputError, match="NOPE is not in the inventory"):
        P.record(_request([("NOPE", 1.0)]))
    assert P.list_entries() == [] and current_inventory()[0] == items


def test_a_record_whose_inventory_save_never_happened_is_applied_by_the_next_call(catalog):
    items = list(catalog.default_inventory)
    save_current_inventory(items)
    # the process died after logging the entry, before saving the inventory
    P.record(_request([(items[0].item_id, 2.0)]), save=False)
    assert current_inventory()[0] == items
    second = P.record(_request([(items[0].item_id, 1.0)]))
    assert "had not reached the inventory" in second.notes[0]
    assert current_inventory()[0][0].mass_kg == items[0].mass_kg - 2.0 - 1.0


def test_merge_changes_keeps_an_edit_made_while_recording(catalog):
    items = list(catalog.default_inventory)
    out = P.record(_request([(items[0].item_id, 2.0), (items[1].item_id, 1.0)]), items=items, save=False)
    edited = [dataclasses.replace(items[0], mass_kg=50.0), *items[1:]]
    merged = P.merge_changes(edited, out.changes)
    assert merged[0].mass_kg == 48.0
    assert merged[1].mass_kg == out.items[1].mass_kg
    assert P.merge_changes(items, out.changes) == out.items


def test_mission_totals_to_date_and_projected_to_the_end_of_a_plan(catalog):
    items = list(catalog.default_inventory)
    save_current_inventory(items)
    a, b = items[0], items[1]
    e1 = P.record(_request([(a.item_id, 2.0)], batches=2)).entry
    P.record(_request([(b.item_id, 1.0)]))
    undone = P.record(_request([(b.item_id, 5.0)])).entry
    P.undo(undone.entry_id)
    t = P.mission_totals().to_date
    assert t.entries == 2 and t.batches == 3 and t.products == {"Container": (3, 4.0)}
    assert t.waste_kg == pytest.approx(3.0) and t.energy_kwh == pytest.approx(6.0) and t.crew_h == pytest.approx(3.0)
    assert t.waste_by_category == pytest.approx(
        {a.category: 2.0} if a.category == b.category else {a.category: 2.0, b.category: 1.0}
    )
    assert t.remaining_kg == pytest.approx(sum(it.mass_kg for it in items) - 3.0)
    assert e1.batches == 2
    plan = SimpleNamespace(
        lines=[
            SimpleNamespace(product_id="wrap", batches=5, items_kg={a.item_id: 10.0}, product_kg=5.0),
            SimpleNamespace(product_id="container", batches=1, items_kg={}, product_kg=0.0),
        ],
        periods=[
            SimpleNamespace(energy_kwh=20.0, water_l=4.0, crew_min=120.0),
            SimpleNamespace(energy_kwh=1.0, water_l=0.0, crew_min=0.0),
        ],
    )
    m = P.mission_totals(plan)
    p = m.projected
    assert p.products == {"Container": (4, 4.0), "wrap": (5, 5.0)}  # a plan line's product id named as made
    assert p.energy_kwh == pytest.approx(27.0) and p.water_l == pytest.approx(5.0) and p.crew_h == pytest.approx(5.0)
    assert p.waste_kg == pytest.approx(13.0) and p.remaining_kg == pytest.approx(t.remaining_kg - 10.0)
    assert m.to_date.products == {"Container": (3, 4.0)}  # the projection does not touch the totals to date


def test_a_custom_log_folder_is_used_when_given(tmp_path, catalog):
    log = ProductionLog(tmp_path / "elsewhere")
    P.record(
        _request([(catalog.default_inventory[0].item_id, 1.0)]),
        items=list(catalog.default_inventory),
        save=False,
        log=log,
    )
    assert len(P.list_entries(log)) == 1 and P.list_entries() == []


def test_a_refused_inventory_save_keeps_the_entry_and_is_applied_later(catalog, monkeypatch):
    items = list(catalog.default_inventory)
    save_current_inventory(items)

    def refuse(_items):
        raise StorageError("Could not save the inventory: the disk is full.")

    with monkeypatch.context() as m:
        m.setattr(P, "save_current_inventory", refuse)
        out = P.record(_request([(items[0].item_id, 2.0)]))
    assert (
        out.saved_to is None and "the entry is recorded, but the inventory could not be saved" in out.notes[0].lower()
    )
    assert len(P.list_entries()) == 1 and current_inventory()[0] == items
    P.record(_request([(items[1].item_id, 1.0)]))
    now = current_inventory()[0]
    assert now[0].mass_kg == items[0].mass_kg - 2.0 and now[1].mass_kg == items[1].mass_kg - 1.0
