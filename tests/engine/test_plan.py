"""The mission plan's MILP on small synthetic recipe sets (fast): stock and every period's budgets
are never exceeded, unlimited budgets meet what the recipes can meet, tighter budgets never meet more,
and an unmet demand names the limit that binds."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spacetrash_desktop.domain import Recipe, WasteItem
from spacetrash_desktop.engine.plan import (
    UNLIMITED,
    Budgets,
    Demand,
    PlanCandidate,
    PlanRequest,
    PlanResult,
    greedy_plan,
    solve_plan,
)

TOL = 1e-6
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def item(item_id: str, kg: float, difficulty: int = 1) -> WasteItem:
    return WasteItem(item_id, f"Item {item_id}", "test", (("pe", 1.0),), kg, difficulty=difficulty)


def cand(product: str, rid: str, items: dict[str, float], energy=1.0, water=0.1, crew=10.0, proc="press", q=1.0):
    recipe = Recipe(tuple((i, 1.0 / len(items)) for i in items), 0.0, proc)
    return PlanCandidate(
        recipe_id=rid,
        product_id=product,
        process_id=proc,
        recipe=recipe,
        label=rid,
        product_kg_per_batch=q,
        units_per_batch=1.0,
        items_kg_per_batch=dict(items),
        regolith_kg_per_batch=0.0,
        energy_kwh=energy,
        water_l=water,
        crew_min=crew,
        problematic_kg=0.0,
    )


@st.composite
def plans(draw):
    n_items = draw(st.integers(1, 4))
    inventory = tuple(item(f"W{i}", draw(st.floats(1.0, 60.0)), draw(st.integers(1, 3))) for i in range(n_items))
    ids = [it.item_id for it in inventory]
    n_products = draw(st.integers(1, 3))
    candidates, demands = {}, []
    for p in range(n_products):
        pid = f"P{p}"
        cands = []
        for r in range(draw(st.integers(1, 3))):
            used = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
            cands.append(
                cand(
                    pid,
                    f"R{p}{r}",
                    {i: draw(st.floats(0.2, 3.0)) for i in used},
                    energy=draw(st.floats(0.1, 5.0)),
                    water=draw(st.floats(0.0, 1.0)),
                    crew=draw(st.floats(1.0, 60.0)),
                    proc=draw(st.sampled_from(["press", "oven"])),
                )
            )
        candidates[pid] = cands
        demands.append(Demand(pid, pid, float(draw(st.integers(1, 40))), "units", draw(st.integers(1, 3))))
    budgets = Budgets(
        draw(st.floats(0.5, 20.0)),
        draw(st.floats(0.2, 5.0)),
        draw(st.floats(20.0, 300.0)),
        {"press": draw(st.floats(0.2, 4.0))},
    )
    request = PlanRequest(
        tuple(demands),
        inventory,
        budgets,
        horizon_sols=draw(st.integers(10, 90)),
        period_sols=draw(st.integers(3, 30)),
        time_limit_s=20.0,
        marginal=False,
    )
    return request, candidates


def check_limits(result: PlanResult) -> None:
    request = result.request
    stock = {it.item_id: it.mass_kg for it in request.inventory}
    used: dict[str, float] = {}
    for line in result.lines:
        assert line.batches > 0 and line.batches == int(line.batches)
        for i, kg in line.items_kg.items():
            used[i] = used.get(i, 0.0) + kg
    for i, kg in used.items():
        assert kg <= stock[i] + TOL, f"{i}: {kg} kg used of {stock[i]} kg"
    assert {p.period for p in result.periods} == {k for k, _, _ in request.periods()}
    for p in result.periods:
        n = p.last_sol - p.first_sol + 1
        assert p.energy_kwh <= request.budgets.kwh_per_sol * n + TOL
        assert p.water_l <= request.budgets.water_l_per_sol * n + TOL
        assert p.crew_min <= request.budgets.crew_min_per_sol * n + TOL
        for proc, loads in p.batches_by_process.items():
            cap = request.budgets.batches_per_sol.get(proc, math.inf) * n
            assert loads <= cap + TOL
    # the lines add up to the period totals
    for p in result.periods:
        mine = [ln for ln in result.lines if ln.period == p.period]
        assert math.isclose(sum(ln.energy_kwh for ln in mine), p.energy_kwh, abs_tol=1e-6)


def lex(result: PlanResult) -> tuple[float, ...]:
    return tuple(result.objective.met_by_priority.values())


def lex_le(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    for x, y in zip(a, b):
        if x < y - 1e-6:
            return True
        if x > y + 1e-6:
            return False
    return True


@pytest.mark.slow
@SETTINGS
@given(plans())
def test_plan_stays_within_stock_and_every_period_budget(case):
    request, candidates = case
    result = solve_plan(request, candidates)
    check_limits(result)
    check_limits(greedy_plan(request, candidates))
    # the stock burn-down starts at the inventory and ends at what is left
    for it in request.inventory:
        series = result.stock_by_period[it.item_id]
        assert series[0] == it.mass_kg and math.isclose(series[-1], result.stock_left[it.item_id])
        assert series[-1] >= -TOL


@pytest.mark.slow
@SETTINGS
@given(plans())
def test_milp_is_never_worse_than_greedy(case):
    request, candidates = case
    best, greedy = solve_plan(request, candidates), greedy_plan(request, candidates)
    if best.status == "optimal":
        assert lex_le(lex(greedy), lex(best))


@pytest.mark.slow
@SETTINGS
@given(plans())
def test_unlimited_budgets_meet_every_demand_the_recipes_can_meet(case):
    request, candidates = case
    # enough of every item for every demand made with its first recipe
    need: dict[str, float] = {}
    for d in request.demands:
        for i, kg in candidates[d.product_id][0].items_kg_per_batch.items():
            need[i] = need.get(i, 0.0) + kg * d.quantity
    inventory = tuple(dataclasses.replace(it, mass_kg=need.get(it.item_id, 0.0) + 1.0) for it in request.inventory)
    req = dataclasses.replace(request, inventory=inventory, budgets=UNLIMITED)
    result = solve_plan(req, candidates)
    assert result.unmet == ()
    for d in req.demands:
        assert result.met[d.product_id] >= d.quantity - TOL


@pytest.mark.slow
@SETTINGS
@given(plans(), st.sampled_from(["kwh", "water", "crew"]), st.floats(0.05, 0.9))
def test_tighter_budget_never_meets_more(case, budget, factor):
    request, candidates = case
    loose = solve_plan(request, candidates)
    tight_req = dataclasses.replace(
        request, budgets=request.budgets.with_budget(budget, request.budgets.get(budget) * factor)
    )
    tight = solve_plan(tight_req, candidates)
    check_limits(tight)
    if loose.status == "optimal" and tight.status == "optimal":
        assert lex_le(lex(tight), lex(loose))


def test_unmet_demand_names_the_item_that_runs_out():
    inventory = (item("W1", 10.0), item("W2", 500.0))
    candidates = {"P": [cand("P", "R1", {"W1": 1.0})], "Q": [cand("Q", "R2", {"W2": 1.0})]}
    demands = (Demand("P", "Panel", 25, "units", 1), Demand("Q", "Quilt", 5, "units", 2))
    request = PlanRequest(demands, inventory, UNLIMITED, horizon_sols=60, period_sols=10, marginal=False)
    result = solve_plan(request, candidates)
    (unmet,) = result.unmet
    assert unmet.product_id == "P" and math.isclose(unmet.short_quantity, 15)
    assert unmet.limits == ("stock:W1",)
    assert "Item W1 runs out on sol" in unmet.reason
    assert result.met == {"P": 10.0, "Q": 5.0}


def test_unmet_demand_names_the_energy_cap_and_its_sols():
    inventory = (item("W1", 1000.0),)
    candidates = {"P": [cand("P", "R1", {"W1": 1.0}, energy=10.0)]}
    request = PlanRequest(
        (Demand("P", "Panel", 100, "units", 1),),
        inventory,
        Budgets(2.0, math.inf, math.inf, {}),
        horizon_sols=100,
        period_sols=25,
        marginal=True,
    )
    result = solve_plan(request, candidates)
    (unmet,) = result.unmet
    # 2 kWh/sol x 100 sols = 200 kWh: 20 batches of 10 kWh
    assert math.isclose(unmet.short_quantity, 80)
    assert unmet.limits == ("energy",)
    assert unmet.reason == "energy cap on sols 1-100"
    energy = next(m for m in result.marginal if m.budget == "kwh")
    assert energy.demand_met_share > 0
    assert energy.text.startswith("One more kWh of energy per sol (3 kWh instead of 2):")


def test_machine_limit_and_due_sol():
    inventory = (item("W1", 1000.0),)
    candidates = {"P": [cand("P", "R1", {"W1": 1.0}, proc="oven")]}
    request = PlanRequest(
        (Demand("P", "Panel", 100, "units", 1, due_sol=20),),
        inventory,
        Budgets(math.inf, math.inf, math.inf, {"oven": 1.0}),
        horizon_sols=100,
        period_sols=10,
        marginal=False,
    )
    result = solve_plan(request, candidates)
    # only the periods starting by sol 20 count (sols 1-10 and 11-20): 1 load/sol -> 20 batches
    assert result.met["P"] == 20
    assert all(line.first_sol <= 20 for line in result.lines)
    (unmet,) = result.unmet
    assert unmet.reason.startswith("oven machine capacity on sols 1-20")


def test_priority_is_strict_and_waste_breaks_ties():
    inventory = (item("W1", 10.0, difficulty=3), item("W2", 10.0, difficulty=1))
    # P (priority 1) can use either item; Q (priority 2) only W1. The plan leaves W1 to Q.
    candidates = {
        "P": [cand("P", "R1", {"W1": 1.0}), cand("P", "R2", {"W2": 1.0})],
        "Q": [cand("Q", "R3", {"W1": 1.0})],
    }
    demands = (Demand("P", "P", 10, "units", 1), Demand("Q", "Q", 10, "units", 2))
    request = PlanRequest(demands, inventory, UNLIMITED, horizon_sols=30, period_sols=30, marginal=False)
    result = solve_plan(request, candidates)
    assert result.unmet == () and result.status == "optimal"
    greedy = greedy_plan(request, candidates)
    # greedy takes P's first recipe (W1) and starves Q
    assert greedy.met["Q"] == 0 and greedy.unmet[0].limits == ("stock:W1",)


def test_made_never_passes_the_demand_by_a_whole_batch():
    inventory = (item("W1", 1000.0),)
    candidates = {"P": [cand("P", "R1", {"W1": 1.0}, q=3.0)]}
    request = PlanRequest(
        (Demand("P", "P", 10, "kg", 1),), inventory, UNLIMITED, horizon_sols=30, period_sols=10, marginal=False
    )
    result = solve_plan(request, candidates)
    assert sum(line.batches for line in result.lines) == 4  # 12 kg: the first whole batch count at or above 10
