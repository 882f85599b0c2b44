"""`spacetrash made add|list|undo`: the entry id on stdout once saved, one-line BAD_INPUT errors."""

from __future__ import annotations

import json

import pytest

from spacetrash_desktop import cli
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.services import production as P
from spacetrash_desktop.services.generate import generate, resolve_target
from spacetrash_desktop.services.inventory import current_inventory
from spacetrash_desktop.services.results_io import write_result


@pytest.fixture(scope="module")
def results_file(tmp_path_factory, catalog):
    result = generate(
        list(catalog.default_inventory), resolve_target("container"), scorer=PhysicsScorer(), max_evals=1500, seed=5
    )
    path = tmp_path_factory.mktemp("res") / "results.json"
    write_result(result, path)
    doc = json.loads(path.read_text())
    good = next(r for r in doc["recipes"] if r["feasible"])
    bad = next((r for r in doc["recipes"] if not r["feasible"]), None)
    return path, good, bad


def _one_error_line(capsys, code=1):
    cap = capsys.readouterr()
    assert cap.out == ""
    (line,) = cap.err.strip().splitlines()
    assert line.startswith("spacetrash: BAD_INPUT: ")
    return line


def test_add_list_undo_round_trip(results_file, capsys, catalog):
    path, good, _ = results_file
    before = current_inventory()[0]
    argv = [
        "made",
        "add",
        "--results",
        str(path),
        "--recipe",
        good["id"],
        "--batches",
        "2",
        "--who",
        "Ana",
        "--sol",
        "40",
    ]
    assert cli.run(argv) == 0
    cap = capsys.readouterr()
    (eid,) = cap.out.split()
    assert "Recorded 2 batch(es) of Container" in cap.err
    (entry,) = P.list_entries()
    assert entry.entry_id == eid and entry.sol == 40 and entry.who == "Ana" and entry.source == "cli"
    used = {i["item_id"]: i["mass_kg"] * 2 for i in good["items"] if i["mass_kg"] > 0}
    assert {c.item_id: c.kg for c in entry.changes} == pytest.approx(used)
    assert current_inventory()[0] != before

    assert cli.run(["made", "list"]) == 0
    text = capsys.readouterr().out
    assert eid[:8] in text and "Container" in text and "made" in text
    assert cli.run(["made", "undo", eid[:8]]) == 0
    assert capsys.readouterr().out.strip() == eid
    assert current_inventory()[0] == before
    assert cli.run(["made", "list", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["undone"] is True and row["batches"] == 2 and row["recipe"]["id"] == good["id"]


def test_add_from_a_plan_line(tmp_path, capsys, catalog):
    a, b = catalog.default_inventory[0], catalog.default_inventory[1]
    line = {  # as `spacetrash plan --out plan.json` writes it
        "period": 2,
        "first_sol": 31,
        "last_sol": 60,
        "product_id": "container",
        "recipe_id": "R0123456789ab",
        "recipe": "Hot-press lamination: ...",
        "process_id": "hot_press_lamination",
        "batches": 4,
        "product_kg": 4.0,
        "items_kg": {a.item_id: 3.0, b.item_id: 1.0},
        "regolith_kg": 0.0,
        "energy_kwh": 8.0,
        "water_l": 1.0,
        "crew_min": 100.0,
    }
    with_recipe = dict(
        line,
        recipe={"items": [{"item_id": a.item_id, "fraction": 1.0}], "process_id": "p", "batch_mass_kg": 1.0},
        items_kg=[{"item_id": a.item_id, "kg": 2.0}],
    )
    f = tmp_path / "plan.json"
    f.write_text(json.dumps({"lines": [line, with_recipe]}))
    assert cli.run(["made", "add", "--plan", str(f), "--line", "1", "--batches", "2", "--who", "Ben"]) == 0
    (entry,) = P.list_entries()
    assert entry.source == "plan" and entry.batches == 2 and entry.sol == 31 and entry.product_name == "Container"
    assert {c.item_id: c.kg for c in entry.changes} == pytest.approx({a.item_id: 1.5, b.item_id: 0.5})
    assert entry.energy_kwh == pytest.approx(4.0) and entry.recipe_id == "R0123456789ab"
    assert [i["fraction"] for i in entry.recipe["items"]] == [0.75, 0.25]
    assert entry.recipe["process_id"] == "hot_press_lamination" and entry.recipe["batch_mass_kg"] == 1.0
    assert cli.run(["made", "add", "--plan", str(f), "--line", "2"]) == 0
    assert P.list_entries()[1].changes[0].kg == 2.0 and P.list_entries()[1].batches == 4
    capsys.readouterr()
    assert cli.run(["made", "add", "--plan", str(f), "--line", "3"]) == 1
    assert "Plan line 3 does not exist" in _one_error_line(capsys)


@pytest.mark.parametrize(
    "extra,message",
    [
        (["--batches", "0"], "Batches must be a whole number, 1 or more"),
        ([], "--batches N is needed"),
        (["--batches", "1000"], "Not enough stock to record this"),
    ],
)
def test_add_refusals_are_one_line_and_record_nothing(results_file, capsys, extra, message):
    path, good, _ = results_file
    assert cli.run(["made", "add", "--results", str(path), "--recipe", good["id"], *extra]) == 1
    assert message in _one_error_line(capsys)
    assert P.list_entries() == []


def test_add_unknown_recipe_missing_file_infeasible_and_undo_unknown(results_file, capsys, tmp_path):
    path, _, bad = results_file
    assert cli.run(["made", "add", "--results", str(path), "--recipe", "Rnope", "--batches", "1"]) == 1
    assert "Recipe Rnope is not in" in _one_error_line(capsys)
    assert cli.run(["made", "add", "--results", str(tmp_path / "x.json"), "--recipe", "R1", "--batches", "1"]) == 1
    assert "No such results file" in _one_error_line(capsys)
    if bad is not None:
        assert cli.run(["made", "add", "--results", str(path), "--recipe", bad["id"], "--batches", "1"]) == 1
        assert "is not feasible" in _one_error_line(capsys)
    assert cli.run(["made", "add"]) == 1
    assert "Say what was made" in _one_error_line(capsys)
    assert cli.run(["made", "undo", "deadbeef"]) == 1
    assert "No production entry deadbeef" in _one_error_line(capsys)
