"""Issue 12 item 5: a scenario is a set of products, each searched on its own, whose recommended
recipe uses the materials the scenario's description names."""

from __future__ import annotations

import pytest

from spacetrash_desktop.context import RunContext
from spacetrash_desktop.services.generate import generate_scenario, resolve_target

PACKAGING = {"W002", "W012", "W013", "W014", "W015"}
POUCHES = {"W007", "W008", "W009"}


@pytest.fixture(scope="module")
def scenario_runs():
    from spacetrash_desktop.catalog import load_catalog

    cat = load_catalog()
    items = list(cat.default_inventory)
    return {
        sid: generate_scenario(items, cat.targets[sid], seed=1, max_evals=3000)
        for sid in ("residence_renovations", "cosmic_celebrations", "daring_discoveries")
    }


def _recommended(run, product_id):
    by_id = {r.target.target_id: r for r in run.results}
    rec = by_id[product_id].recommended
    assert rec is not None, f"{product_id}: no recommended recipe"
    return rec, {i for i, _ in rec.recipe.items}


def test_each_scenario_is_a_set_of_products_with_named_materials(catalog):
    expected = {
        "residence_renovations": {"rr_shelves_racks", "rr_insulation", "rr_interior_fittings"},
        "cosmic_celebrations": {"cc_decorations", "cc_banner", "cc_small_gifts"},
        "daring_discoveries": {"dd_tiles", "dd_blocks", "dd_filled_parts"},
    }
    for sid, products in expected.items():
        scenario = catalog.targets[sid]
        assert scenario.kind == "scenario" and {p.target_id for p in scenario.products} == products
        for p in scenario.products:
            assert p.kind == "product" and p.preferred_items
            assert set(p.allowed_processes) <= set(catalog.processes)
    shelves = resolve_target("rr_shelves_racks")
    assert shelves.allows_process("strut_reassembly") and shelves.tightness_min == 0.0
    assert "W010" in shelves.preferred_items


def test_residence_renovations_makes_its_shelves_from_the_struts_and_insulation_from_the_transit_foam(
    scenario_runs,
):
    run = scenario_runs["residence_renovations"]
    assert run.complete and len(run.results) == 3
    rec, items = _recommended(run, "rr_shelves_racks")
    assert "W010" in items and rec.recipe.process_id == "strut_reassembly"
    _, items = _recommended(run, "rr_insulation")
    assert items & {"W017", "W018"}
    _, items = _recommended(run, "rr_interior_fittings")
    assert items & {"W010", "W017", "W018"}


def test_daring_discoveries_tiles_use_the_carbon_residue_with_regolith(scenario_runs):
    run = scenario_runs["daring_discoveries"]
    rec, items = _recommended(run, "dd_tiles")
    assert "W019" in items and rec.recipe.regolith_frac > 0
    for pid in ("dd_blocks", "dd_filled_parts"):
        _, items = _recommended(run, pid)
        assert items & ({"W019", "W016"} | PACKAGING), pid


def test_cosmic_celebrations_decorations_use_clothing_pouches_or_packaging(scenario_runs):
    run = scenario_runs["cosmic_celebrations"]
    for pid in ("cc_decorations", "cc_banner", "cc_small_gifts"):
        rec, items = _recommended(run, pid)
        assert items & ({"W004"} | POUCHES | PACKAGING), pid
        assert rec.preference >= 0.5, pid  # mostly the named materials, not a pinch of them


def test_every_product_recipe_respects_its_own_limits(scenario_runs, catalog):
    stock = {i.item_id: i.mass_kg for i in catalog.default_inventory}
    for run in scenario_runs.values():
        for result in run.results:
            t = result.target
            for c in result.candidates:
                if not c.feasible:
                    continue
                assert t.allows_process(c.recipe.process_id)
                assert c.values["rigidity"] >= t.rigidity_min - 1e-9
                assert c.values["tightness"] >= t.tightness_min - 1e-9
                assert c.values["energy_kwh"] <= t.max_energy_kwh + 1e-9
                assert c.values["water_l"] <= t.max_water_l + 1e-9
                assert c.values["crew_min"] <= t.max_crew_min + 1e-9
                assert all(kg <= stock[i] + 1e-9 for (i, _), kg in zip(c.recipe.items, c.item_kg))
                if not t.regolith_allowed:
                    assert c.recipe.regolith_frac == 0


def test_the_scenario_run_reports_progress_over_all_products_and_stops_on_cancel(catalog):
    items = list(catalog.default_inventory)
    scenario = catalog.targets["cosmic_celebrations"]
    seen: list[tuple[int, int, str]] = []
    ctx = RunContext(on_progress=lambda d, t, m: seen.append((d, t, m)))
    run = generate_scenario(items, scenario, ctx=ctx, seed=1, max_evals=1500)
    assert run.complete and [r.target.target_id for r in run.results] == [p.target_id for p in scenario.products]
    assert seen and all(t == 3000 for _, t, _ in seen) and max(d for d, _, _ in seen) > 2000
    assert any(m.startswith("Banner (2/3)") for _, _, m in seen)

    partials = []
    cancel = RunContext(on_partial=partials.append)
    cancel.cancel()
    stopped = generate_scenario(items, scenario, ctx=cancel, seed=1, max_evals=1500)
    assert not stopped.complete and len(stopped.results) == 0


def test_a_scenario_searched_as_one_target_prefers_what_its_products_name(catalog):
    """`spacetrash generate --target <scenario> --out FILE`, a target file and the batch queue search the
    scenario as one target: it takes the union of its products' named items, in order."""
    for sid in ("residence_renovations", "cosmic_celebrations", "daring_discoveries"):
        scenario = catalog.targets[sid]
        named = [i for p in scenario.products for i in p.preferred_items]
        assert scenario.preferred_items == tuple(dict.fromkeys(named)) and scenario.preferred_items
