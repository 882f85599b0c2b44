"""services.generate: the inventory and target a command names, the scorers, and a generation run
with its partial results."""

from __future__ import annotations

import json

import pytest

from spacetrash_desktop.context import RunContext
from spacetrash_desktop.domain import ModelStatus, RecipeStatus
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.generate import (
    CONFIDENT_P,
    RULE_TEXT,
    generate,
    inventory_sha256,
    physics_scorer,
    recommendation_line,
    resolve_inventory,
    resolve_target,
)
from spacetrash_desktop.services.results_io import result_to_dict, result_to_frame

TARGET = {
    "id": "my_tile",
    "name": "My tile",
    "rigidity_min": 0.4,
    "tightness_min": 0.2,
    "batch_mass_kg": 1,
    "max_energy_kwh": 3,
    "max_water_l": 1,
    "max_crew_min": 120,
}


def test_resolve_inventory_default_is_the_bundled_inventory(catalog):
    assert resolve_inventory("default") == list(catalog.default_inventory)


def test_resolve_inventory_reads_a_good_file_and_refuses_a_bad_one(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("id,name,category,composition,mass_kg\nW1,Bags,Packaging,ldpe 100%,12.5\n", encoding="utf-8")
    items = resolve_inventory(str(good))
    assert [(it.item_id, it.mass_kg, it.composition) for it in items] == [("W1", 12.5, (("ldpe", 1.0),))]
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text() + "W2,Vest,Fabrics,Kevlar 100%,2\n", encoding="utf-8")
    with pytest.raises(BadInputError) as exc:
        resolve_inventory(str(bad))
    assert exc.value.message.startswith(f"inventory {bad}: 1 error(s), first: line 3")
    assert f"(run `spacetrash inventory validate {bad}`)" in exc.value.message
    with pytest.raises(BadInputError, match="does not exist"):
        resolve_inventory(str(tmp_path / "missing.csv"))


def test_resolve_target_preset_file_and_refusals(tmp_path, catalog):
    assert resolve_target("container") is catalog.targets["container"]
    with pytest.raises(BadInputError, match="unknown target 'nope'; use one of: container, "):
        resolve_target("nope")
    tf = tmp_path / "t.json"
    tf.write_text(json.dumps(TARGET), encoding="utf-8")
    target = resolve_target(str(tf))
    assert (target.target_id, target.rigidity_min, target.max_crew_min) == ("my_tile", 0.4, 120)
    tf.write_text(json.dumps({**TARGET, "rigidity_min": 2}), encoding="utf-8")
    with pytest.raises(BadInputError, match="'rigidity_min' = 2 must be between 0 and 1"):
        resolve_target(str(tf))
    tf.write_text("{not json", encoding="utf-8")
    with pytest.raises(BadInputError, match=r"is not valid JSON \(JSONDecodeError\)"):
        resolve_target(str(tf))
    tf.write_text(" " * 1_000_001, encoding="utf-8")
    with pytest.raises(BadInputError, match="larger than 1 MB"):
        resolve_target(str(tf))


def test_physics_scorer_ignores_any_model():
    info = physics_scorer().info
    assert info.name == "physics" and info.status == ModelStatus.FALLBACK


def test_generate_is_deterministic_and_reports_partial_results(catalog):
    items = list(catalog.default_inventory)
    target = catalog.targets["container"]
    partials = []
    ctx = RunContext(on_partial=partials.append)
    kw = dict(scorer=physics_scorer(), mode="evolutionary", seed=7, max_evals=4000)
    first = generate(items, target, ctx=ctx, **kw)
    second = generate(items, target, **kw)
    assert first.front and not first.partial
    assert [c.recipe_id for c in first.candidates] == [c.recipe_id for c in second.candidates]
    assert all(c.status == RecipeStatus.FEASIBLE and c.pareto_rank == 1 for c in first.front)
    assert partials and all(p.partial for p in partials)
    assert first.inputs["inventory_sha256"] == inventory_sha256(items)
    assert first.inputs["seed"] == 7 and first.model["name"] == "physics"
    assert first.stats["front_size"] == len(first.front)


def test_the_recommended_recipe_leads_the_result_and_its_summary_line(catalog):
    target = catalog.targets["container"]
    partials = []
    ctx = RunContext(on_partial=partials.append)
    result = generate(list(catalog.default_inventory), target, scorer=physics_scorer(), ctx=ctx, seed=1, max_evals=6000)
    rec = result.recommended
    assert rec is not None and result.candidates[0] is rec and rec.feasible
    # confidently feasible first, then the others most likely first, then the infeasible ones
    confident = [c.p_meets_target >= CONFIDENT_P for c in result.candidates if c.feasible]
    assert confident == sorted(confident, reverse=True)
    feasible = [c.feasible for c in result.candidates]
    assert feasible == sorted(feasible, reverse=True)
    line = recommendation_line(result)
    assert line is not None and line.startswith(f"recommended: {rec.recipe_id} {rec.process_name}: ")
    assert "chance of meeting every requirement" in line and "kWh" in line
    summary = result.recommendation
    assert summary["id"] == rec.recipe_id and summary["reason"].startswith("Recommended")
    assert summary["rule"] == RULE_TEXT and summary["p_meets_target"] == pytest.approx(rec.p_meets_target, abs=1e-6)
    # live results mark at most one recipe too
    assert partials and all(sum(c.recommended for c in p.candidates) <= 1 for p in partials)


def test_json_and_csv_carry_the_chance_and_the_recommended_mark(catalog, tmp_path):
    result = generate(
        list(catalog.default_inventory), catalog.targets["container"], scorer=physics_scorer(), seed=1, max_evals=6000
    )
    doc = result_to_dict(result)
    assert doc["schema_version"] == "1.1"
    marked = [r for r in doc["recipes"] if r["recommended"]]
    assert len(marked) == 1 and doc["recommended"]["id"] == marked[0]["id"] == doc["recipes"][0]["id"]
    assert all(0.0 <= r["p_meets_target"] <= 1.0 for r in doc["recipes"])
    assert doc["recommended"]["p_meets_target"] == marked[0]["p_meets_target"]
    frame = result_to_frame(result)
    assert frame["recommended"].sum() == 1 and frame.loc[frame["recommended"], "id"].item() == marked[0]["id"]
    assert frame["p_meets_target"].between(0, 1).all()
