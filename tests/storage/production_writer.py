"""A subprocess that records production until it is killed (tests/storage/test_production_kill.py).

``--mode log``: appends records to a ProductionLog (storage only, fast start), compacting every few.
``--mode service``: ``services.production.record`` of small random requests on the inventory of
``SPACETRASH_HOME`` (the log, then the inventory save), undoing an earlier entry every few records.

Prints ``ready``, then ``ack made <id>`` / ``ack undo <id>`` once each call returned. With
``JOURNAL_CRASH_AT=k`` it dies just before its k-th write/fsync/replace/unlink (the journal writer's
fault injection, reused).
"""

from __future__ import annotations

import argparse
import random
import sys

try:  # run as a script: this folder is on sys.path
    import journal_writer as jw  # the fault injection of the feedback journal's kill test
except ImportError:  # imported by the tests
    from tests.storage import journal_writer as jw


def make_record(rng: random.Random, i: int) -> dict:
    return {
        "kind": "made",
        "recipe_id": f"R{i:012d}",
        "recipe_json": {"id": f"R{i:012d}", "items": [{"item_id": "W001", "fraction": 1.0}], "process_id": "p"},
        "product": "container",
        "product_name": "Container",
        "batches": rng.randrange(1, 5),
        "product_kg": rng.uniform(0.5, 4.0),
        "items_json": [{"item_id": "W001", "kg": rng.random(), "after": {"mass_kg": 1.0, "count": 0}}],
        "items_kg": rng.random(),
        "energy_kwh": rng.uniform(0, 5),
        "who": "writer",
        "sol": i,
        "note": "x" * rng.randrange(0, 300),
    }


def run_log(store: str, rows: int, compact_every: int, seed: int) -> None:
    from spacetrash_desktop.storage.production import ProductionLog

    rng = random.Random(seed)
    log = ProductionLog(store, auto_compact_at=0)
    jw.say("ready")
    i = 0
    while not rows or i < rows:
        i += 1
        rid = log.append(make_record(rng, seed * 100000 + i))
        jw.say(f"ack made {rid}")
        if compact_every and i % compact_every == 0:
            jw.say("compacting")
            log.compact()
            jw.say("compacted")


def run_service(store: str, rows: int, undo_every: int, seed: int) -> None:
    from spacetrash_desktop.domain import ProductionRequest, Recipe
    from spacetrash_desktop.services import production
    from spacetrash_desktop.services.inventory import current_inventory
    from spacetrash_desktop.storage.production import ProductionLog

    rng = random.Random(seed)
    log = ProductionLog(store)
    jw.say("ready")
    i = 0
    while not rows or i < rows:
        i += 1
        items = [it for it in current_inventory()[0] if it.mass_kg > 1.0]
        picks = rng.sample(items, 2)
        recipe = Recipe(items=((picks[0].item_id, 0.5), (picks[1].item_id, 0.5)), regolith_frac=0.0, process_id="p")
        req = ProductionRequest(
            recipe=recipe,
            recipe_id=recipe.recipe_id,
            product="container",
            product_name="Container",
            batches=1,
            product_kg=1.0,
            items_kg=tuple((p.item_id, rng.uniform(0.01, 0.9)) for p in picks),
        )
        out = production.record(req, "writer", i, log=log)
        jw.say(f"ack made {out.entry.entry_id}")
        if undo_every and i % undo_every == 0:
            live = [e for e in production.list_entries(log) if not e.undone]
            victim = rng.choice(live)
            production.undo(victim.entry_id, log=log)
            jw.say(f"ack undo {victim.entry_id}")


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("store")
    p.add_argument("--mode", choices=("log", "service"), default="log")
    p.add_argument("--rows", type=int, default=0)
    p.add_argument("--every", type=int, default=4)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    if jw._CRASH_AT >= 0:
        jw._install_fault_injection()
    if args.mode == "log":
        run_log(args.store, args.rows, args.every, args.seed)
    else:
        run_service(args.store, args.rows, args.every, args.seed)
    jw.say(f"done {jw._OPS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
