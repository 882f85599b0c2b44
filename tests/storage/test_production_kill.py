"""Kill tests for the production log (``production_writer.py`` is the subprocess).

1. ``test_crash_at_every_file_operation``: the writer dies (``os._exit``) just before its k-th
   write/fsync/replace/unlink, for every k until a run finishes (start-up sweep, appends, a compaction).
   After each crash the log opens, every segment reads back with its checksum, every acknowledged record
   is there exactly once, and no torn temp file or uncommitted segment survives the open.
2. ``test_random_kills_during_record``: ``services.production.record`` / ``undo`` in a subprocess,
   SIGKILLed at random instants. After each kill: the log is readable, every acknowledged entry (and
   undo) is there, and the inventory, once the latest record is reconciled, is exactly (bit for bit) the
   default inventory with every logged record's stock change replayed: an entry is wholly there (in the
   log and in the stock) or wholly absent.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from spacetrash_desktop.services import production
from spacetrash_desktop.services.inventory import current_inventory, load_catalog
from spacetrash_desktop.storage.journal_log import SEGMENT_RE
from spacetrash_desktop.storage.production import ProductionLog
from tests.storage.production_writer import make_record

WRITER = Path(__file__).with_name("production_writer.py")
LANES = 2


def _env(home: Path | None = None, crash_at: int = -1) -> dict:
    env = {**os.environ, "JOURNAL_CRASH_AT": str(crash_at)}
    if home is not None:
        env["SPACETRASH_HOME"] = str(home)
    return env


def _acks(lines: list[str], kind: str = "made") -> list[str]:
    return [ln.split()[2] for ln in lines if ln.startswith(f"ack {kind} ") and len(ln.split()) == 3]


def _check_log(store: Path, acked: list[str], max_extra: int) -> ProductionLog:
    log = ProductionLog(store, auto_compact_at=0)
    assert log.verify() == [], "a live segment is damaged after a kill"
    ids = [r["row_id"] for r in log.records()]
    doubled = [i for i, n in Counter(ids).items() if n > 1]
    assert not doubled, f"records present twice: {doubled[:3]}"
    missing = set(acked) - set(ids)
    assert not missing, f"{len(missing)} acknowledged record(s) lost"
    assert len(ids) - len(set(acked)) <= max_extra
    live = {s["name"] for s in log.segments()}
    stray = [
        p.name for p in store.iterdir() if p.name.endswith(".tmp") or (SEGMENT_RE.match(p.name) and p.name not in live)
    ]
    assert not stray, f"left after open: {stray}"
    return log


@pytest.mark.slow
def test_crash_at_every_file_operation(tmp_path):
    seed = tmp_path / "seed"
    log = ProductionLog(seed, auto_compact_at=0)
    seed_ids = [log.append(make_record(random.Random(k), k)) for k in range(3)]
    (seed / ".seg-00000077-0badc0de.parquet.abcd.tmp").write_bytes(b"PAR1 torn")
    (seed / "seg-00000078-0badc0de.parquet").write_bytes((seed / log.segments()[0]["name"]).read_bytes())
    args = ["--mode", "log", "--rows", "4", "--every", "3", "--seed", "7"]

    def run(k: int):
        store = tmp_path / f"k{k}"
        shutil.copytree(seed, store)
        p = subprocess.run(
            [sys.executable, str(WRITER), str(store), *args], capture_output=True, env=_env(crash_at=k), timeout=120
        )
        lines = p.stdout.decode().splitlines()
        if k > 0:
            _check_log(store, seed_ids + _acks(lines), max_extra=1)
            shutil.rmtree(store)
        return p.returncode, p.stderr.decode(), lines

    rc, err, lines = run(0)
    assert rc == 0, err[-2000:]
    total = int(lines[-1].split()[1])
    assert len(_acks(lines)) == 4 and total > 30
    with ThreadPoolExecutor(LANES) as pool:
        results = list(pool.map(run, range(1, total + 1)))
    crashed = Counter()
    for k, (rc, err, lines) in enumerate(results, 1):
        assert rc == 137, f"k={k}: rc={rc} {err[-2000:]}"
        op, at = lines[-1].split()[1:]
        assert int(at) == k
        crashed[op] += 1
    rc, err, lines = run(total + 1)
    assert rc == 0 and lines[-1] == f"done {total}", err[-2000:]
    print(f"\nproduction log fault injection: crashed at each of {total} file operations: {dict(crashed)}")
    assert set(crashed) == {"write", "fsync", "replace", "unlink"}


def _expected_inventory(log: ProductionLog):
    """The default inventory with every logged record's stock lines set to their "after" values, in order."""
    state = {it.item_id: (it.mass_kg, it.count) for it in load_catalog().default_inventory}
    for r in log.records():
        for ch in r["items_json"] or []:
            state[ch["item_id"]] = (ch["after"]["mass_kg"], ch["after"]["count"])
    return state


def _service_lane(home: Path, kills: int, seed: int, stats: Counter) -> None:
    rng = random.Random(seed)
    store = home / "production"
    made: list[str] = []
    undone: list[str] = []
    for n in range(1, kills + 1):
        proc = subprocess.Popen(
            [
                sys.executable,
                str(WRITER),
                str(store),
                "--mode",
                "service",
                "--every",
                "3",
                "--seed",
                str(seed * 1000 + n),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(home),
        )
        try:
            first = proc.stdout.readline().decode()
            if first != "ready\n":
                proc.wait(timeout=60)
                raise AssertionError(f"writer did not start: {proc.stderr.read().decode()[-2000:]}")
            # at least one ack, then a random instant: the kill lands inside a record or an undo
            lines = [first, proc.stdout.readline().decode()]
            time.sleep(rng.uniform(0.0, 0.25))
        finally:
            proc.kill()
        lines += proc.stdout.read().decode().split("\n")[:-1]
        errors = proc.stderr.read().decode()
        proc.stdout.close()
        proc.stderr.close()
        proc.wait()
        assert "Traceback" not in errors, errors[-2000:]
        lines = [ln.strip() for ln in lines]
        made += _acks(lines, "made")
        undone += _acks(lines, "undo")
        log = _check_log(store, [], max_extra=10**6)
        entries = {e.entry_id: e for e in production.list_entries(log)}
        assert set(made) <= set(entries), "an acknowledged entry is missing"
        assert all(entries[e].undone for e in undone), "an acknowledged undo is missing"
        items, repaired = production.reconcile(current_inventory()[0], log)
        got = {it.item_id: (it.mass_kg, it.count) for it in items}
        assert got == _expected_inventory(log), "the inventory is not exactly the log replayed"
        stats.update(kills=1, acked=len(_acks(lines, "made")) + len(_acks(lines, "undo")), repaired=int(repaired))


@pytest.mark.slow
def test_random_kills_during_record(tmp_path, monkeypatch):
    stats: Counter = Counter()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("SPACETRASH_HOME", str(home))  # current_inventory() here reads the writer's inventory
    _service_lane(home, 40, 11, stats)
    print(
        f"\nproduction kill test: {stats['kills']} SIGKILLs, {stats['acked']} records acknowledged, "
        f"{stats['repaired']} time(s) the latest record had not reached the inventory yet"
    )
    assert stats["kills"] == 40
    assert stats["acked"] > stats["kills"]
