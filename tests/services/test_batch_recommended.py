"""The batch queue's result names the recommended recipe, and the runner's event line says it."""

from __future__ import annotations

import json

import jsonschema

from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.services.batch import BatchQueue
from spacetrash_desktop.services.files import bundled_dir

SCHEMA = json.loads((bundled_dir("resources") / "result.schema.json").read_text(encoding="utf-8"))


def test_a_batch_result_names_the_recommended_recipe(tmp_path):
    q = tmp_path / "queue"
    (q / "pending").mkdir(parents=True)
    (q / "pending" / "crate.json").write_text(json.dumps({"target": "container", "max_evals": 6000, "seed": 1}))
    events: list[str] = []
    summary = BatchQueue(q, timeout_s=120.0, scorer_factory=PhysicsScorer).run(on_event=events.append)
    assert summary.processed == 1
    result = json.loads((q / "processed" / "crate.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(result)
    rec = result["recommended"]
    marked = [r["id"] for r in result["recipes"] if r["recommended"]]
    assert marked == [rec["id"]] and 0.0 < rec["p_meets_target"] <= 1.0
    assert summary.outcomes[0].recommended.startswith(rec["id"])
    assert any(e.startswith("crate: processed") and f"recommended {rec['id']}" in e for e in events)
