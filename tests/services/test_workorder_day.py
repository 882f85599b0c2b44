"""The work order for a sol of the production plan: every batch of a period lands on one of its sols,
the sol's document holds every line's steps, set points and hazards with the kg for the sol, Spanish
when asked, an old plan file (1.0, without its recipes) still gives one, and a sol outside the plan or
with nothing to make gets a plain error instead of an empty document."""

from __future__ import annotations

import json
import re

import pytest

from spacetrash_desktop.catalog import load_catalog
from spacetrash_desktop.catalog.procedures import load_procedures
from spacetrash_desktop.catalog.translations import translate_procedures
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.workorder_day import (
    build_day_work_order,
    day_missing_from,
    day_work_order_html,
    read_plan,
    sol_schedule,
)
from tests.services.workorder_plan import BUDGETS, plan_doc


@pytest.fixture(scope="module")
def doc():
    return plan_doc()


def busiest_sol(doc) -> int:
    schedule = sol_schedule(doc)
    return max(schedule, key=lambda s: (len(schedule[s]), -s))


def test_every_batch_of_a_period_goes_to_one_of_its_sols(doc):
    schedule = sol_schedule(doc)
    per_line: dict[int, int] = {}
    for sol, day in schedule.items():
        for k, n in day.items():
            line = doc["lines"][k]
            assert line["first_sol"] <= sol <= line["last_sol"] and n >= 1
            per_line[k] = per_line.get(k, 0) + n
    assert per_line == {k: ln["batches"] for k, ln in enumerate(doc["lines"])}
    # the plan fits its periods' budgets; spread over the sols, no sol goes over a daily budget here
    for day in schedule.values():
        for key, cap in (("energy_kwh", BUDGETS.kwh_per_sol), ("crew_min", BUDGETS.crew_min_per_sol)):
            used = sum(doc["lines"][k][key] / doc["lines"][k]["batches"] * n for k, n in day.items())
            assert used <= cap + 1e-9
    assert any(len(day) >= 2 for day in schedule.values())  # a sol that makes several plan lines


def test_the_sols_document_holds_every_lines_steps_set_points_and_hazards(doc):
    sol = busiest_sol(doc)
    day = build_day_work_order(doc, sol, items=load_catalog().default_inventory, plan_name="plan.json")
    assert day.sol == sol and len(day.lines) >= 2
    assert [d.line_no - 1 for d in day.lines] == list(sol_schedule(doc)[sol])
    page = day_work_order_html(day)
    assert day_missing_from(page, day) == []
    assert f"Work order for sol {sol}" in page and "plan.json" in page and "spacetrash-residual 1.0.0" in page
    for d in day.lines:
        o = d.order
        assert not d.rebuilt and len(o.steps) >= 3 and o.set_points
        assert o.recipe_id == doc["lines"][d.line_no - 1]["recipe_id"] and o.recipe_id in page
        recipe = doc["recipes"][o.recipe_id]
        # the bill of materials per batch and for the sol's batches
        for item in recipe["items"]:
            assert item["item_id"] in page
        assert f"For {d.batches} batch" in page
    # the sol's use against the daily budgets, in words and figures
    energy = next(u for u in day.use if u.title == "Energy")
    used = sum(
        doc["lines"][d.line_no - 1]["energy_kwh"] / doc["lines"][d.line_no - 1]["batches"] * d.batches
        for d in day.lines
    )
    assert energy.cap == "60 kWh" and energy.used == f"{used:,.2f} kWh"
    assert not day.warnings


def test_in_spanish_the_steps_are_spanish(doc):
    sol = busiest_sol(doc)
    en = build_day_work_order(doc, sol, lang="en")
    es = build_day_work_order(doc, sol, lang="es")
    page = day_work_order_html(es)
    assert "<html lang='es'>" in page and f"Orden de trabajo del sol {sol}" in page and "Qué fabricar" in page
    assert day_missing_from(page, es) == []
    # the products by their Spanish names (the translated catalog's), in the table and each line's header
    assert all(a.product != b.product and b.product in page for a, b in zip(en.lines, es.lines))
    procs_es = translate_procedures(load_procedures(), "es")
    for d_en, d_es in zip(en.lines, es.lines):
        assert [s.kind for s in d_en.order.steps] == [s.kind for s in d_es.order.steps]
        spanish = {s.key: s for s in procs_es[d_es.order.process_id]}
        assert any(s.action != t.action for s, t in zip(d_en.order.steps, d_es.order.steps))
        for step in d_es.order.steps:
            # the Spanish wording of the dataset's step, around this recipe's figures
            source = next(s for s in spanish.values() if s.kind == step.kind)
            for part in re.split(r"\{\w+\}", source.action):
                assert part.strip() in step.action
        assert "Siga este procedimiento para cada lote" in page


def test_an_old_plan_file_without_its_recipes_still_gives_the_work_order(doc):
    old = json.loads(json.dumps(doc))
    old.pop("recipes")
    old.pop("model")
    old["schema_version"] = "1.0"
    sol = busiest_sol(doc)
    day = build_day_work_order(old, sol)
    new = build_day_work_order(doc, sol)
    assert all(d.rebuilt for d in day.lines)
    page = day_work_order_html(day)
    assert day_missing_from(page, day) == [] and "worked out again with the physics model" in page
    for a, b in zip(day.lines, new.lines):
        assert a.order.process_id == b.order.process_id and [s.kind for s in a.order.steps] == [
            s.kind for s in b.order.steps
        ]


def test_a_sol_outside_the_plan_or_without_work_is_refused_plainly(doc):
    schedule = sol_schedule(doc)
    with pytest.raises(BadInputError, match=r"sol 11 is outside this plan, which runs from sol 1 to sol 10"):
        build_day_work_order(doc, 11)
    with pytest.raises(BadInputError, match="outside this plan"):
        build_day_work_order(doc, 0)
    empty = json.loads(json.dumps(doc))
    empty["lines"] = [ln for ln in empty["lines"] if ln["period"] == 1]
    with pytest.raises(BadInputError, match=r"nothing is scheduled on sol 2 of this plan; the next sol with work is 6"):
        build_day_work_order(empty, 2)
    empty["lines"] = []
    with pytest.raises(BadInputError, match="this plan has no batches at all"):
        build_day_work_order(empty, 1)
    assert min(schedule) == 1


def test_a_missing_or_malformed_plan_file_is_named(tmp_path):
    with pytest.raises(BadInputError, match="does not exist"):
        read_plan(tmp_path / "none.json")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(BadInputError, match="is not a JSON file"):
        read_plan(tmp_path / "bad.json")
    (tmp_path / "results.json").write_text(json.dumps({"schema": "spacetrash.result", "recipes": []}))
    with pytest.raises(
        BadInputError, match=r'results.json is not a Space Trash plan file \(no "schema": "spacetrash.plan"\)'
    ):
        read_plan(tmp_path / "results.json")
    broken = plan_doc()
    del broken["lines"][0]["batches"]
    (tmp_path / "broken.json").write_text(json.dumps(broken))
    with pytest.raises(BadInputError, match="plan line 1 lacks its period, sols, batches, recipe or items"):
        read_plan(tmp_path / "broken.json")
    with pytest.raises(BadInputError, match="the CSV form of the plan"):
        read_plan(tmp_path / "plan.csv")


def test_a_plan_recipe_without_its_predictions_is_scored_again(doc):
    """What the plan file holds for a candidate that came without its result-contract recipe (the
    recipe's items, regolith share, process and batch mass): the work order scores it again."""
    slim = json.loads(json.dumps(doc))
    keep = ("id", "items", "regolith_frac", "process_id", "batch_mass_kg")
    slim["recipes"] = {rid: {k: r[k] for k in keep} for rid, r in slim["recipes"].items()}
    sol = busiest_sol(doc)
    day, full = build_day_work_order(slim, sol), build_day_work_order(doc, sol)
    for a, b in zip(day.lines, full.lines):
        assert a.rebuilt and not b.rebuilt
        assert a.order.recipe_id == b.order.recipe_id and [s.kind for s in a.order.steps] == [
            s.kind for s in b.order.steps
        ]
        assert [x.item_id for x in a.order.bom] == [x.item_id for x in b.order.bom]
        assert a.order.model_label == "the physics model"
    assert day_missing_from(day_work_order_html(day), day) == []


def test_a_sol_over_a_daily_budget_says_so(doc):
    tight = json.loads(json.dumps(doc))
    tight["inputs"]["budgets"]["crew_min_per_sol"] = 10.0  # less than one batch's crew time
    sol = busiest_sol(tight)
    day = build_day_work_order(tight, sol)
    crew = next(u for u in day.use if u.title == "Crew time")
    assert crew.over and crew.cap == "10 min"
    assert any(w.startswith("This sol goes over the daily crew time budget") for w in day.warnings)
    assert "goes over the daily crew time budget" in day_work_order_html(day)
    assert not build_day_work_order(doc, sol).warnings


def test_the_plan_file_names_its_model_briefly(doc):
    assert doc["model"] == {"name": "spacetrash-residual", "version": "1.0.0", "status": "ready"}
