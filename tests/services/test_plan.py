"""The plan service: the bundled mission defaults, demand and budget files, candidates from the engine
(cached), the plan contract and its files, and the what-if sweep."""

from __future__ import annotations

import csv
import json
import math
import shutil

import jsonschema
import pytest

from spacetrash_desktop.catalog.mission import load_mission_defaults_from, mission_provenance_problems
from spacetrash_desktop.context import Cancelled, RunContext
from spacetrash_desktop.domain import Recipe, WasteItem
from spacetrash_desktop.engine.plan import Budgets, Demand, PlanCandidate, PlanRequest
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.errors import BadInputError, CatalogError
from spacetrash_desktop.services import plan as svc
from spacetrash_desktop.storage.paths import bundled_dir


def test_default_request_is_the_three_scenarios_over_the_mission():
    req = svc.default_plan_request()
    assert len(req.demands) == 9
    assert {d.product_id[:2] for d in req.demands} == {"rr", "dd", "cc"}
    assert req.horizon_sols == 1095 and req.period_sols == 30 and len(req.periods()) == 37
    assert req.budgets.kwh_per_sol == 74 and req.budgets.water_l_per_sol == 1 and req.budgets.crew_min_per_sol == 137
    assert req.budgets.batches_per_sol["melt_extrusion"] == 2
    assert sum(it.mass_kg for it in req.inventory) > 8000
    one = svc.default_plan_request(scenario="cosmic_celebrations")
    assert [d.product_id for d in one.demands] == ["cc_decorations", "cc_banner", "cc_small_gifts"]
    with pytest.raises(BadInputError, match="unknown scenario"):
        svc.default_plan_request(scenario="nope")


def test_mission_datasets_carry_provenance(tmp_path):
    assert mission_provenance_problems(bundled_dir("datasets")) == []
    for name in ("mission_budgets", "mission_demands"):
        for suffix in (".csv", ".provenance.csv"):
            shutil.copy(bundled_dir("datasets") / f"{name}{suffix}", tmp_path / f"{name}{suffix}")
    prov = tmp_path / "mission_budgets.provenance.csv"
    prov.write_text(
        "\n".join(line for line in prov.read_text().splitlines() if not line.startswith("kwh_per_sol")) + "\n"
    )
    with pytest.raises(CatalogError, match=r"kwh_per_sol.value = '74' has no provenance line"):
        load_mission_defaults_from(tmp_path)


def test_demand_files_csv_and_json(tmp_path):
    p = tmp_path / "d.csv"
    p.write_text("product_id,quantity,unit,priority,due_sol\ncc_banner,5,units,2,300\ndd_tiles,30,kg,1,\n")
    demands = svc.load_demands(p)
    assert demands == (
        Demand("cc_banner", "Banner", 5.0, "units", 2, 300),
        Demand("dd_tiles", "Tiles", 30.0, "kg", 1, None),
    )
    j = tmp_path / "d.json"
    j.write_text(json.dumps({"demands": [{"product_id": "cc_banner", "quantity": 5}]}))
    assert svc.load_demands(j) == (Demand("cc_banner", "Banner", 5.0, "units", 1, None),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("product_id,quantity\nnope,5\n", "unknown product 'nope'"),
        ("product_id,quantity,unit\ncc_banner,5,litres\n", "line 2 \\(cc_banner\\): unit 'litres'"),
        ("product_id,quantity\ncc_banner,-1\n", "line 2 \\(cc_banner\\) quantity: -1 is outside"),
        ("product_id,quantity\ncc_banner,lots\n", "'lots' is not a number"),
        ("product_id,quantity,priority\ncc_banner,5,1.5\n", "not a whole number"),
        ("quantity\n5\n", "'product_id' column is empty"),
    ],
)
def test_bad_demand_files_name_the_problem(tmp_path, text, message):
    p = tmp_path / "d.csv"
    p.write_text(text)
    with pytest.raises(BadInputError, match=message):
        svc.load_demands(p)


def test_budget_files_csv_and_json(tmp_path):
    p = tmp_path / "b.csv"
    p.write_text(
        "budget,value\nkwh_per_sol,20\nwater_l_per_sol,unlimited\ncrew_min_per_sol,60\n"
        "batches_per_sol.melt_extrusion,1\nhorizon_sols,300\n"
    )
    b = svc.load_budgets(p)
    assert b == Budgets(20.0, math.inf, 60.0, {"melt_extrusion": 1.0})
    req = svc.request_with_budget_file(svc.default_plan_request(), p)
    assert req.horizon_sols == 300 and req.period_sols == 30 and req.budgets == b
    j = tmp_path / "b.json"
    j.write_text(json.dumps({"kwh_per_sol": 5, "water_l_per_sol": None, "crew_min_per_sol": 10}))
    assert svc.load_budgets(j) == Budgets(5.0, math.inf, 10.0, {})
    j.write_text(json.dumps({"kwh_per_sol": 5}))
    with pytest.raises(BadInputError, match="missing budget\\(s\\) water_l_per_sol, crew_min_per_sol"):
        svc.load_budgets(j)
    p.write_text("budget,value\nkwh_per_day,5\n")
    with pytest.raises(BadInputError, match="line 2 \\(kwh_per_day\\): unknown budget"):
        svc.load_budgets(p)
    with pytest.raises(BadInputError, match="does not exist"):
        svc.load_budgets(tmp_path / "none.csv")


def _tiny_case() -> tuple[PlanRequest, dict[str, list[PlanCandidate]]]:
    inventory = (
        WasteItem("W1", "Foam", "packing", (("pe", 1.0),), 40.0, difficulty=3),
        WasteItem("W2", "Cloth", "textiles", (("cotton", 1.0),), 400.0, difficulty=1),
    )

    def cand(pid, rid, items, energy):
        return PlanCandidate(
            rid, pid, "press", Recipe(tuple((i, 1 / len(items)) for i in items), 0.0, "press"), rid,
            1.0, 1.0, items, 0.0, energy, 0.1, 20.0, items.get("W1", 0.0),
        )  # fmt: skip

    candidates = {
        "cc_banner": [cand("cc_banner", "RA", {"W1": 1.0}, 1.0), cand("cc_banner", "RB", {"W2": 2.0}, 4.0)],
        "cc_small_gifts": [cand("cc_small_gifts", "RC", {"W2": 1.0}, 2.0)],
    }
    demands = (Demand("cc_banner", "Banner", 60, "units", 1), Demand("cc_small_gifts", "Small gifts", 60, "units", 2))
    req = PlanRequest(demands, inventory, Budgets(2.5, 10.0, 600.0, {"press": 5}), horizon_sols=90, period_sols=30)
    return req, candidates


def test_plan_contract_lets_anyone_check_the_plan(tmp_path):
    req, cands = _tiny_case()
    result = svc.solve(req, cands)
    doc = svc.plan_to_dict(result)
    json.dumps(doc, allow_nan=False)
    schema = json.loads((bundled_dir("resources") / "plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
    assert doc["schema"] == "spacetrash.plan" and doc["schema_version"] == "1.1"
    assert doc["solver"]["status"] in {"optimal", "time limit"} and doc["solver"]["gap"] >= 0
    stock = {row["item_id"]: row["mass_kg"] for row in doc["inventory"]}
    assert stock == {"W1": 40.0, "W2": 400.0}
    used: dict[str, float] = {}
    for line in doc["lines"]:
        assert set(line) >= {"period", "product_id", "recipe_id", "batches", "items_kg"}
        for i, kg in line["items_kg"].items():
            used[i] = used.get(i, 0.0) + kg
    assert all(used[i] <= stock[i] + 1e-6 for i in used)
    # 1.1: every recipe a line uses, with what its work order needs to rebuild it
    assert set(doc["recipes"]) == {line["recipe_id"] for line in doc["lines"]}
    for rec in doc["recipes"].values():
        assert rec["process_id"] and rec["items"] and rec["batch_mass_kg"] > 0
    for p in doc["periods"]:
        assert p["energy_kwh"] <= p["energy_cap_kwh"] + 1e-6 and p["crew_min"] <= p["crew_cap_min"] + 1e-6
        assert p["energy_cap_kwh"] == 2.5 * (p["last_sol"] - p["first_sol"] + 1)
    # 225 kWh over the mission: the banner (priority 1, 120 kWh) is met first, the gifts get the rest
    assert doc["met"]["cc_banner"] == 60
    assert [m["budget"] for m in doc["marginal"]] == ["kwh", "water", "crew"]
    (unmet,) = doc["unmet"]
    assert unmet["product_id"] == "cc_small_gifts" and unmet["short"] == 8
    assert unmet["reason"].startswith("energy cap on sols")

    svc.save_plan(result, tmp_path / "p.json")
    assert json.loads((tmp_path / "p.json").read_text())["lines"] == doc["lines"]
    svc.save_plan(result, tmp_path / "p.csv")
    rows = list(csv.DictReader((tmp_path / "p.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == len(doc["lines"]) and "kg_W1" in rows[0]
    with pytest.raises(BadInputError):
        svc.save_plan(result, tmp_path / "p.txt")
    assert any(line.startswith("unmet: Small gifts short by") for line in svc.summary_lines(result))


def test_sweep_budget_meets_more_with_more_energy_and_cancels():
    req, cands = _tiny_case()
    points = svc.sweep_budget(req, cands, "kwh", [0.5, 1.0, 2.0, 4.0, 8.0])
    shares = [p.demand_met_share for p in points]
    assert shares == sorted(shares) and shares[0] < shares[-1] == 1.0
    assert [p.value for p in points] == [0.5, 1.0, 2.0, 4.0, 8.0]
    ctx = RunContext()
    seen = []

    def on_partial(point):
        seen.append(point)
        ctx.cancel()

    ctx._on_partial = on_partial
    with pytest.raises(Cancelled):
        svc.sweep_budget(req, cands, "kwh", [1.0, 2.0, 3.0], ctx=ctx)
    assert len(seen) == 1
    with pytest.raises(BadInputError):
        svc.sweep_budget(req, cands, "power", [1.0])


@pytest.mark.slow
def test_candidates_come_from_the_engine_and_are_cached(monkeypatch):
    req = svc.default_plan_request(scenario="cosmic_celebrations")
    kw = {"max_evals": 300, "scorer": PhysicsScorer()}
    cands = svc.plan_candidates(req, **dict(kw))
    assert set(cands) == {"cc_decorations", "cc_banner", "cc_small_gifts"}
    stock = {it.item_id for it in req.inventory}
    for pid, lst in cands.items():
        assert 1 <= len(lst) <= svc.PER_PRODUCT
        assert len({c.recipe_id for c in lst}) == len(lst)
        for c in lst:
            assert c.product_id == pid and set(c.items_kg_per_batch) <= stock
            assert c.energy_kwh >= 0 and c.crew_min > 0 and c.product_kg_per_batch > 0

    def no_search(*a, **k):
        raise AssertionError("searched again")

    monkeypatch.setattr(svc, "generate", no_search)
    again = svc.plan_candidates(req, **dict(kw))
    assert again == cands
    result = svc.solve(req, again)
    assert result.objective.demand_met_share > 0
