"""The work order of a recipe (services/workorder.py): for a recipe of every process it holds every
step of that process's procedure that the recipe needs, with this recipe's set points, the material
hazards and the process's safety notes, the bill of materials, the outputs with how to handle each,
the predicted properties and a blank "as made" sheet whose fields are the Feedback panel's."""

from __future__ import annotations

import json
import re

import pytest

from spacetrash_desktop.catalog.procedures import load_procedures
from spacetrash_desktop.domain import Recipe
from spacetrash_desktop.engine.results import GenerationResult
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.results_io import result_to_dict
from spacetrash_desktop.services.workorder import (
    AS_MADE_FIELDS,
    PDF_NEEDS_QT,
    STEP_TITLES,
    build_work_order,
    missing_from,
    score_recipes,
    self_test_work_order,
    work_order_for_candidate,
    work_order_html,
    write_work_order,
)
from spacetrash_desktop.storage.feedback_schema import COLUMNS, REPORTED_COLUMNS, UNITS
from tests.services.workorder_recipes import TARGET, candidate_per_process

MODEL = {"name": "spacetrash-residual", "version": "1.0.0", "status": "ready"}


@pytest.fixture(scope="module")
def cands():
    return candidate_per_process()


def test_there_is_a_feasible_recipe_of_every_process(cands, catalog):
    assert set(cands) == set(catalog.processes)


def test_every_process_gets_its_steps_with_this_recipes_set_points(cands, catalog):
    procs = load_procedures()
    for pid, cand in cands.items():
        order = work_order_for_candidate(cand, TARGET, MODEL, catalog.default_inventory)
        text = work_order_html(order)
        assert missing_from(text, order) == [], pid
        assert "{" not in "".join(s.action + s.set_point + s.tolerance + s.checkpoint for s in order.steps), pid
        assert [s.number for s in order.steps] == list(range(1, len(order.steps) + 1))
        kinds = [s.kind for s in order.steps]
        d = cand.details
        # the recipe-dependent steps appear exactly when the physics says the recipe needs them
        assert ("shred" in kinds) == (d["shred_kwh"] > 0 or pid == "shredding"), pid
        assert ("dry" in kinds) == (d["dried_water_kg"] > 0), pid
        every_batch = [s for s in procs[pid] if s.when == "*"]
        assert len(order.steps) >= len(every_batch)
        process = catalog.processes[pid]
        if process.heated:
            heat = next(s for s in order.steps if f"{process.temperature_c:.0f} °C" in s.set_point)
            low, high = re.findall(r"(\d+)–(\d+) °C", heat.tolerance)[0]
            assert process.temp_min_c <= int(low) <= process.temperature_c <= int(high) <= process.temp_max_c
        for h in cand.hazards:  # every material hazard, with its protective equipment
            assert h["text"] in text and h["ppe"] in text
        assert cand.recipe_id in text and TARGET.name in text and "spacetrash-residual 1.0.0" in text
        for (item_id, _f), name in zip(cand.recipe.items, cand.item_names):
            assert item_id in text and name in text


def test_figures_are_rounded_and_no_code_reaches_the_crew(cands, catalog):
    for pid, cand in cands.items():
        text = work_order_html(work_order_for_candidate(cand, TARGET, MODEL, catalog.default_inventory))
        plain = re.sub(r"<[^>]+>", " ", text)
        assert not re.search(r"\d\.\d{4,}", plain), pid  # no 0.42000000000000004
        for code in ("HOT_SURFACE", "PROCESS_NOTE", "MATERIAL_HAZARD", "FIBRE_DUST", "_kg", "_c}"):
            assert code not in plain, (pid, code)


def test_the_drying_and_shredding_steps_name_the_items_and_the_water(cands, catalog):
    cand = cands["cold_press_binder"]  # pre-wetted wipes and composite panels
    order = work_order_for_candidate(cand, TARGET, MODEL, catalog.default_inventory)
    dry = next(s for s in order.steps if s.kind == "dry")
    shred = next(s for s in order.steps if s.kind == "shred")
    assert "Cleaning wipes" in dry.action and f"{cand.details['dried_water_kg']:.3f} kg" in dry.action
    assert dry.set_point == "at most 10 % moisture"
    assert "Polymer matrix composite panels" in shred.action


def test_the_temperature_ceiling_stays_below_each_materials_decomposition(cands, catalog):
    """The 'never above' figure is the process's maximum or 10 C below the first feed material to
    decompose, whichever is lower; a feasible recipe's set point is always below it."""
    inventory = {i.item_id: i for i in catalog.default_inventory}
    for pid, cand in cands.items():
        process = catalog.processes[pid]
        if not process.heated:
            continue
        order = work_order_for_candidate(cand, TARGET, MODEL, catalog.default_inventory)
        tol = next(s.tolerance for s in order.steps if "never above" in s.tolerance)
        ceiling = int(re.findall(r"never above (\d+) °C", tol)[0])
        mats = {m for i, _f in cand.recipe.items for m, _x in inventory[i].composition}
        decomp = [
            catalog.materials[m].decomposition_c
            for m in mats | ({"mgs1_regolith"} if cand.recipe.regolith_frac else set())
        ]
        assert ceiling == round(min([process.temp_max_c] + [d - 10 for d in decomp if d is not None])), pid
        assert process.temperature_c <= ceiling, pid
    # a material that decomposes lower than the process may run caps the band: the adhesive layer of a
    # rehydratable pouch (fumes from 200 C) caps hot-press lamination (up to 190 C) at 190 C too, and
    # regolith-polymer pressing (up to 200 C) at 190 C
    pouch = score_recipes(
        [Recipe((("W008", 1.0),), 0.5, "regolith_polymer_sinter", 1.0)], catalog.default_inventory, TARGET
    )[0]
    heat = next(s for s in work_order_for_candidate(pouch, TARGET, MODEL).steps if s.kind == "heat")
    assert heat.set_point == "180 °C" and heat.tolerance == "175–185 °C; never above 190 °C"


def test_cold_sintering_says_how_much_caustic_solution_to_make(cands, catalog):
    cand = cands["regolith_cold_sinter"]
    order = work_order_for_candidate(cand, TARGET, MODEL, catalog.default_inventory)
    sol = next(s for s in order.steps if s.kind == "solution")
    ml = 75 * cand.details["regolith_kg"]
    assert sol.set_point == f"10 M NaOH, {ml:,.0f} mL"
    assert "NaOH (sodium hydroxide)" in order.consumables


def test_outputs_add_up_and_say_how_to_handle_each(cands, catalog):
    for pid, cand in cands.items():
        order = work_order_for_candidate(cand, TARGET, MODEL, catalog.default_inventory)
        titles = [o.title for o in order.outputs]
        assert titles[0] == "Product" and all(o.handling for o in order.outputs)
        shown = {k for k, v in cand.losses().items() if v > 1e-6}
        assert len(order.outputs) == 1 + len(shown), pid
        assert [p.title for p in order.properties] == ["Rigidity", "Tightness", "Energy", "Water", "Crew time"]
        assert all("–" in p.interval for p in order.properties)


def test_the_as_made_sheet_has_the_feedback_panels_fields():
    keys = [k for k, *_ in AS_MADE_FIELDS]
    assert set(keys) <= set(COLUMNS)
    assert set(REPORTED_COLUMNS) | {"who", "notes"} == set(keys)
    for key, _label, unit, _kind in AS_MADE_FIELDS:
        if key in UNITS and key not in ("rigidity", "tightness"):
            assert unit == UNITS[key], key
    _order, text = self_test_work_order()
    assert "As made" in text and all(label in text for _k, label, *_ in AS_MADE_FIELDS)
    assert "page-break-before: always" in text  # the as-made sheet starts a page of its own


def test_every_step_kind_has_a_title():
    assert {s.kind for steps in load_procedures().values() for s in steps} <= set(STEP_TITLES)


def test_an_infeasible_recipe_says_so_at_the_top(catalog):
    recipe = Recipe((("W018", 1.0),), 0.0, "hot_press_lamination", 1.0)
    cand = score_recipes([recipe], catalog.default_inventory, catalog.targets["interior_panel"])[0]
    assert not cand.feasible
    order = build_work_order(cand.to_dict(), catalog.targets["interior_panel"].to_dict(), MODEL)
    assert order.warnings and order.warnings[0].startswith("This recipe is infeasible: do not make it.")


# ---------------------------------------------------------------------------- from a results file
@pytest.fixture()
def results_file(tmp_path, cands, catalog):
    infeasible = score_recipes(
        [Recipe((("W018", 1.0),), 0.0, "hot_press_lamination", TARGET.batch_mass_kg)],
        catalog.default_inventory,
        catalog.targets["interior_panel"],
    )
    res = GenerationResult(TARGET, [*cands.values(), *infeasible], stats={}, model=MODEL)
    path = tmp_path / "results.json"
    path.write_text(json.dumps(result_to_dict(res)), encoding="utf-8")
    return path, infeasible[0]


def test_write_work_order_html_from_a_results_file(results_file, cands, tmp_path):
    path, _bad = results_file
    cand = cands["regolith_polymer_sinter"]
    out = tmp_path / "order.html"
    order = write_work_order(path, cand.recipe_id[:8], out)  # a unique start of the id is enough
    text = out.read_text(encoding="utf-8")
    assert order.recipe_id == cand.recipe_id and missing_from(text, order) == []
    assert text.startswith("<!DOCTYPE html>") and "</html>" in text


def test_write_work_order_refuses_in_plain_words(results_file, tmp_path):
    path, bad = results_file
    cases = [
        (("Rnot-there", tmp_path / "a.html"), "no recipe 'Rnot-there' in results.json; its recipes are"),
        ((bad.recipe_id, tmp_path / "a.html"), "is infeasible: a work order is written only for a feasible recipe"),
        ((bad.recipe_id, tmp_path / "a.docx"), "unsupported output type .docx: use .pdf or .html"),
        ((bad.recipe_id, tmp_path / "a.pdf"), PDF_NEEDS_QT),
    ]
    for (rid, out), words in cases:
        with pytest.raises(BadInputError) as exc:
            write_work_order(path, rid, out)
        assert words in exc.value.message
        assert not out.exists()
