"""The batch queue's ``plan`` job: the result is the plan contract with a job block; bad plan jobs
fail with BAD_INPUT naming the problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.services.batch import BatchQueue


def put(queue: Path, name: str, obj) -> None:
    p = queue / "pending" / f"{name}.json"
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(obj), encoding="utf-8")


@pytest.mark.slow
def test_plan_job_is_processed_on_the_plan_contract(tmp_path):
    q = tmp_path / "queue"
    put(
        q,
        "plan-1",
        {
            "type": "plan",
            "demands": [{"product_id": "cc_banner", "quantity": 3}, {"product_id": "cc_small_gifts", "quantity": 2}],
            "budgets": {"kwh_per_sol": 20, "water_l_per_sol": 2, "crew_min_per_sol": 200},
            "horizon_sols": 30,
            "period_sols": 10,
            "max_evals": 300,
        },
    )
    put(q, "plan-bad", {"type": "plan", "demands": "mission", "colour": "red"})
    put(q, "plan-bad-product", {"type": "plan", "demands": [{"product_id": "nope", "quantity": 1}]})
    summary = BatchQueue(q, scorer_factory=PhysicsScorer).run()
    status = {o.job_id: o.status for o in summary.outcomes}
    assert status == {"plan-1": "processed", "plan-bad": "failed", "plan-bad-product": "failed"}
    doc = json.loads((q / "processed" / "plan-1.json").read_text())
    assert doc["schema"] == "spacetrash.plan" and doc["job"]["id"] == "plan-1" and doc["job"]["type"] == "plan"
    assert doc["inputs"]["horizon_sols"] == 30 and len(doc["periods"]) == 3
    assert doc["met"] == {"cc_banner": 3, "cc_small_gifts": 2}
    assert doc["solver"]["status"] and doc["timings"]["solve_s"] >= 0
    bad = json.loads((q / "failed" / "plan-bad.error.json").read_text())
    assert bad["code"] == "BAD_INPUT" and "colour" in bad["message"]
    bad = json.loads((q / "failed" / "plan-bad-product.error.json").read_text())
    assert bad["code"] == "BAD_INPUT" and "unknown product 'nope'" in bad["message"]
