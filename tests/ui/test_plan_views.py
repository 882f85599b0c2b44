"""The Plan tab's display logic without a display: plain-word status and numbers, per-sol use and caps,
the burn-down series, the checks of typed values and the production request of a plan line."""

from __future__ import annotations

import pytest

from spacetrash_desktop.services import plan as plan_service
from spacetrash_desktop.ui.plan_views import (
    PlanDisplay,
    check_due_sol,
    check_priority,
    check_quantity,
    check_sweep,
    fmt_num,
    production_request,
    sweep_values,
)
from tests.ui.test_plan_tab import PROCESS, fast_candidates


@pytest.fixture(scope="module")
def display():
    req = plan_service.default_plan_request()
    req = plan_service.PlanRequest(
        **{
            **req.__dict__,
            "demands": req.demands[:3],
            "horizon_sols": 120,
            "period_sols": 30,
            "budgets": plan_service.Budgets(6.0, 10.0, 120.0, {PROCESS: 3.0}),
        }
    )
    cands = fast_candidates(req)
    result = plan_service.solve(req, cands)
    return PlanDisplay.build(result, cands, {PROCESS: "Heat-melt compaction (HMC tile)"})


def test_numbers_and_status_are_plain_words(display):
    assert fmt_num(0.42000000000000004, 2) == "0.42" and fmt_num(1234.5) == "1,234.5" and fmt_num(-0.0) == "0"
    assert display.status.startswith("Plan: ")
    assert "_" not in display.status and "e-" not in display.status
    for text in (*display.unmet, *display.marginal, *display.met, display.summary):
        assert "000000" not in text and "inf" not in text.lower().split()


def test_daily_use_is_per_sol_against_the_daily_cap(display):
    result = display.result
    used, cap = display.daily_use["energy"]
    assert list(cap.y) == pytest.approx([6.0] * len(cap.y))  # the period's cap over its sols
    for p, u in zip(result.periods, used.y):
        assert u == pytest.approx(p.energy_kwh / (p.last_sol - p.first_sol + 1))
        assert u <= 6.0 + 1e-6


def test_burn_down_starts_at_the_stock_and_only_goes_down(display):
    assert display.burn_down
    for s in display.burn_down:
        assert s.x[0] == 0 and s.x[-1] == display.result.periods[-1].last_sol
        assert all(b <= a + 1e-9 for a, b in zip(s.y, s.y[1:]))


def test_production_request_of_a_plan_line(display):
    row = display.rows[0]
    line = display.result.lines[row.index]
    req = production_request(row, display.recipes[row.recipe_id])
    assert (req.batches, req.sol, req.source, req.product) == (line.batches, line.first_sol, "plan", line.product_id)
    assert dict(req.items_kg) == pytest.approx(dict(line.items_kg))
    assert req.water_l == pytest.approx(line.water_l)


def test_typed_values_are_checked_with_the_reason():
    assert check_quantity("12,5") == (12.5, "")
    assert "not a number" in check_quantity("lots")[1]
    assert "above 0" in check_quantity("0")[1]
    assert check_priority("2") == (2, "") and "whole number" in check_priority("1.5")[1]
    assert check_due_sol("", 100) == (None, "")
    assert "after the end of the plan (sol 100)" in check_due_sol("101", 100)[1]
    assert check_sweep(5, 50, 10, "kwh_per_sol") == ""
    assert "must be above" in check_sweep(50, 5, 10, "kwh_per_sol")
    assert "whole number" in check_sweep(5, 50, 1, "kwh_per_sol")
    assert sweep_values(5, 50, 10) == [5, 10, 15, 20, 25, 30, 35, 40, 45, 50]
