"""The batch queue: every job ends in the right folder with the right code, results validate against
the result contract, and a runner killed mid-job completes every job exactly once on restart."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.services.batch import BatchQueue
from spacetrash_desktop.storage.paths import bundled_dir

SCHEMA = json.loads((bundled_dir("resources") / "result.schema.json").read_text(encoding="utf-8"))


def validate(doc: dict) -> None:
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(doc)


def put(queue: Path, name: str, obj) -> Path:
    p = queue / "pending" / f"{name}.json"
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(obj if isinstance(obj, str) else json.dumps(obj), encoding="utf-8")
    return p


def error_of(queue: Path, name: str) -> dict:
    return json.loads((queue / "failed" / f"{name}.error.json").read_text(encoding="utf-8"))


FAST = {"time_budget_s": 5, "max_evals": 20000}


@pytest.mark.slow
def test_queue_sorts_good_and_bad_jobs_with_codes(tmp_path):
    q = tmp_path / "queue"
    put(q, "good-preset", {"target": "container", **FAST})
    put(
        q,
        "good-custom",
        {
            "target": {
                "id": "crate",
                "rigidity_min": 0.4,
                "tightness_min": 0.1,
                "batch_mass_kg": 2,
                "max_energy_kwh": 5,
                "max_water_l": 2,
                "max_crew_min": 200,
            },
            **FAST,
        },
    )
    (q / "inv.csv").write_text(
        "id,name,composition,mass_kg,moisture_pct,category\n"
        "A,Bags,ldpe 100%,20,,Unknown new category\n"
        "B,Foam,ldpe 100%,nan,0,Foam\n",
        encoding="utf-8",
    )
    put(q, "skip-bad-rows", {"target": "party_decoration", "inventory": "inv.csv", "on_bad_rows": "skip", **FAST})
    put(q, "fail-bad-rows", {"target": "container", "inventory": "inv.csv", **FAST})
    put(q, "malformed", '{"target": "container", ')
    put(q, "not-an-object", "[1, 2]")
    put(q, "unknown-target", {"target": "spaceship", **FAST})
    put(q, "bad-value", {"target": "container", "time_budget_s": -3})
    put(q, "unknown-field", {"target": "container", "colour": "red"})
    put(q, "oversized", {"target": "container", "pad": "x" * 5000})
    put(q, "missing-inventory", {"target": "container", "inventory": "nope.csv"})
    queue = BatchQueue(q, timeout_s=120.0, max_job_bytes=2048, scorer_factory=PhysicsScorer)
    summary = queue.run()
    assert summary.processed == 3 and summary.failed == 8
    for name in ("good-preset", "good-custom", "skip-bad-rows"):
        result = json.loads((q / "processed" / f"{name}.json").read_text())
        validate(result)
        assert result["front"] and result["job"]["id"] == name
        assert (q / "processed" / f"{name}.job.json").exists()
    warnings = json.loads((q / "processed" / "skip-bad-rows.json").read_text())["job"]["input_warnings"]
    assert len(warnings) == 1 and "mass_kg" in warnings[0]
    expected = {
        "fail-bad-rows": ("BAD_INPUT", "bad row"),
        "malformed": ("BAD_INPUT", "not valid JSON"),
        "not-an-object": ("BAD_INPUT", "JSON object"),
        "unknown-target": ("BAD_INPUT", "Unknown target 'spaceship'"),
        "bad-value": ("BAD_INPUT", "'time_budget_s' must be between"),
        "unknown-field": ("BAD_INPUT", "Unknown field(s) in the job: colour"),
        "oversized": ("BAD_INPUT", "the limit is 2 KB"),
        "missing-inventory": ("BAD_INPUT", "does not exist"),
    }
    for name, (code, fragment) in expected.items():
        err = error_of(q, name)
        assert err["code"] == code, (name, err)
        assert fragment in err["message"], (name, err)
        assert str(tmp_path) not in err["message"] and "Traceback" not in err["message"]
        assert (q / "failed" / f"{name}.json").exists()
    assert not list((q / "pending").iterdir()) and not list((q / "running").glob("*.json"))


def test_a_job_over_the_timeout_fails_with_timeout_and_the_queue_goes_on(tmp_path):
    from spacetrash_desktop.bench.inventories import synthetic_inventory
    from spacetrash_desktop.catalog import load_catalog
    from spacetrash_desktop.catalog.inventory import export_csv, items_to_frame

    q = tmp_path / "queue"
    export_csv(items_to_frame(synthetic_inventory(load_catalog(), 300, seed=2)), q / "big.csv")
    put(q, "a-slow", {"target": "interior_panel", "inventory": "big.csv", "time_budget_s": 600, "mode": "exact"})
    put(q, "b-quick", {"target": "printer_filament", "max_evals": 1000})
    summary = BatchQueue(q, timeout_s=1.5, scorer_factory=PhysicsScorer).run()
    assert [(o.job_id, o.status, o.code) for o in summary.outcomes] == [
        ("a-slow", "failed", "TIMEOUT"),
        ("b-quick", "processed", ""),
    ]
    assert "1.5 s timeout" in error_of(q, "a-slow")["message"]


def test_rerunning_never_processes_a_job_twice(tmp_path):
    q = tmp_path / "queue"
    put(q, "once", {"target": "container", **FAST})
    queue = BatchQueue(q, scorer_factory=PhysicsScorer)
    assert queue.run().processed == 1
    first = (q / "processed" / "once.json").read_bytes()
    assert queue.run().outcomes == []  # nothing pending: nothing runs
    put(q, "once", {"target": "container", **FAST})  # the same id submitted again
    summary = queue.run()
    assert summary.failed == 1 and "already processed" in summary.outcomes[0].message
    assert (q / "processed" / "once.json").read_bytes() == first


def test_recovery_finishes_bookkeeping_or_reruns(tmp_path):
    q = tmp_path / "queue"
    queue = BatchQueue(q, scorer_factory=PhysicsScorer)
    # a job whose result was written before the runner died: only the move is left
    (q / "running" / "done.json").write_text(json.dumps({"target": "container", **FAST}))
    (q / "processed" / "done.json").write_text('{"kept": true}')
    # a job interrupted before its result: it runs again
    (q / "running" / "todo.json").write_text(json.dumps({"target": "container", **FAST}))
    summary = queue.run()
    assert summary.recovered == 2
    assert json.loads((q / "processed" / "done.json").read_text()) == {"kept": True}
    assert (q / "processed" / "done.job.json").exists()
    validate(json.loads((q / "processed" / "todo.json").read_text()))
    assert [o.job_id for o in summary.outcomes] == ["todo"]


def test_a_second_runner_on_the_same_queue_is_refused(tmp_path):
    from spacetrash_desktop.errors import BadInputError
    from spacetrash_desktop.services.batch import QueueLock

    q = tmp_path / "queue"
    queue = BatchQueue(q)
    lock = QueueLock(q)
    lock.acquire()
    try:
        with pytest.raises(BadInputError, match="Another runner"):
            queue.run()
    finally:
        lock.release()


def test_generate_output_validates_against_the_same_schema(tmp_path):
    from spacetrash_desktop.cli import run

    out = tmp_path / "r.json"
    assert (
        run(["generate", "--target", "daring_discoveries", "--max-evals", "30000", "--physics-only", "--out", str(out)])
        == 0
    )
    validate(json.loads(out.read_text()))


@pytest.mark.slow
def test_killing_the_runner_mid_job_completes_every_job_exactly_once(tmp_path):
    """SIGKILL the runner at random instants while it works; restart it each time. Every job ends in
    processed/ once, and no job starts again after its result was written."""
    q = tmp_path / "queue"
    n_jobs = 8
    for i in range(n_jobs):
        put(q, f"job{i}", {"target": "interior_panel", "time_budget_s": 30, "max_evals": 660000 + 1000 * i, "seed": i})
    env = {**os.environ, "SPACETRASH_HOME": str(tmp_path / "home")}
    cmd = [sys.executable, "-m", "spacetrash_desktop", "batch", "--queue", str(q), "--physics-only"]
    rng = random.Random(1)
    kills = 0
    killed_jobs: set[str] = set()
    started_after_done: list[str] = []
    for _attempt in range(40):
        done_before = {p.stem for p in (q / "processed").glob("job*.json") if not p.name.endswith(".job.json")}
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        kill_now = kills < 6 and len(done_before) < n_jobs - 1
        lines = []
        killed = False
        if kill_now:
            # kill it at a random instant of a job it has not been killed in yet (a job interrupted
            # three times is failed on purpose: it may be what crashes the runner)
            for line in proc.stdout:
                lines.append(line.strip())
                if line.startswith("started ") and line.split()[1] not in killed_jobs:
                    killed_jobs.add(line.split()[1])
                    time.sleep(rng.uniform(0.0, 0.8))
                    proc.send_signal(signal.SIGKILL)
                    killed = True
                    break
            rest, _ = proc.communicate(timeout=60)  # drains and closes both pipes
            kills += killed
            lines += rest.split("\n")[:-1]  # whole lines only: the kill can cut the last one short
        else:
            out, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, err[-2000:]
            lines += out.splitlines()
        for line in lines:
            if line.startswith("started ") and line.split()[1] in done_before:
                started_after_done.append(line)
        if not killed:
            break
    assert kills >= 5
    assert started_after_done == []
    results = sorted(p.stem for p in (q / "processed").glob("job*.json") if not p.name.endswith(".job.json"))
    assert results == [f"job{i}" for i in range(n_jobs)]
    for name in results:
        validate(json.loads((q / "processed" / f"{name}.json").read_text()))
    assert not list((q / "failed").iterdir())
    assert not list((q / "pending").glob("*.json")) and not list((q / "running").glob("*.json"))


def test_a_jobs_id_field_names_its_result(tmp_path):
    """`id` in the job file is honoured: the result and the job are filed under it, and a second job
    with that id (under any file name) is refused as already processed."""
    q = tmp_path / "queue"
    put(q, "drop-1", {"id": "panel-run-7", "target": "container", **FAST})
    queue = BatchQueue(q, scorer_factory=PhysicsScorer)
    summary = queue.run()
    assert [(o.job_id, o.status) for o in summary.outcomes] == [("panel-run-7", "processed")]
    result = json.loads((q / "processed" / "panel-run-7.json").read_text())
    assert result["job"]["id"] == "panel-run-7"
    assert (q / "processed" / "panel-run-7.job.json").exists()
    assert not (q / "processed" / "drop-1.json").exists()
    put(q, "drop-2", {"id": "panel-run-7", "target": "container", **FAST})
    again = queue.run()
    assert again.failed == 1 and "already processed" in again.outcomes[0].message
    put(q, "drop-3", {"id": "../escape", "target": "container", **FAST})
    bad = queue.run()
    assert bad.outcomes[0].code == "BAD_INPUT" and "'id' must be" in bad.outcomes[0].message
    assert error_of(q, "drop-3")["code"] == "BAD_INPUT"
    assert not list((q / "running").iterdir())


@pytest.mark.parametrize(
    "field, value, fragment",
    [("seed", 1.5, "'seed' must be a whole number (got 1.5)"), ("max_evals", 5000.25, "'max_evals' must be a whole")],
)
def test_fractional_seed_or_max_evals_is_refused_not_truncated(tmp_path, field, value, fragment):
    q = tmp_path / "queue"
    put(q, "frac", {"target": "container", **FAST, field: value})
    summary = BatchQueue(q, scorer_factory=PhysicsScorer).run()
    assert summary.failed == 1
    err = error_of(q, "frac")
    assert err["code"] == "BAD_INPUT" and fragment in err["message"]


def test_whole_float_seed_is_accepted(tmp_path):
    q = tmp_path / "queue"
    put(q, "whole", {"target": "container", **FAST, "seed": 3.0})
    assert BatchQueue(q, scorer_factory=PhysicsScorer).run().processed == 1
    assert json.loads((q / "processed" / "whole.json").read_text())["job"]["seed"] == 3


def test_kill_between_final_move_and_cleanup_leaves_no_stale_attempt_counter(tmp_path, monkeypatch):
    """The runner dies right after the job's final move, before its attempt counter is removed: the
    next runner's recovery removes the counter (it would count against a later job of that id)."""
    q = tmp_path / "queue"
    put(q, "job", {"target": "container", **FAST})
    queue = BatchQueue(q, scorer_factory=PhysicsScorer)

    class Killed(BaseException):
        pass

    def die(job_id):
        raise Killed

    monkeypatch.setattr(queue, "_clear_attempts", die)
    with pytest.raises(Killed):
        queue.run()
    assert (q / "processed" / "job.json").exists() and (q / "processed" / "job.job.json").exists()
    assert [p.name for p in (q / "running").iterdir()] == [".job.attempts"]
    monkeypatch.undo()
    summary = BatchQueue(q, scorer_factory=PhysicsScorer).run()
    assert summary.outcomes == []
    assert not list((q / "running").iterdir())


def test_a_job_target_may_start_from_a_preset(tmp_path):
    q = tmp_path / "queue"
    put(q, "based", {"target": {"base": "container", "rigidity_min": 0.4}, **FAST})
    put(q, "bad-base", {"target": {"base": "spaceship"}, **FAST})
    summary = BatchQueue(q, scorer_factory=PhysicsScorer).run()
    assert summary.processed == 1 and summary.failed == 1
    result = json.loads((q / "processed" / "based.json").read_text())
    assert result["target"]["rigidity_min"] == 0.4 and result["target"]["id"] == "container_custom"
    assert "'base' must name a bundled target" in error_of(q, "bad-base")["message"]
