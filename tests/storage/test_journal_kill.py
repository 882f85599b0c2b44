"""Kill tests for the feedback journal: no acknowledged row is ever lost or doubled.

1. ``test_random_kills``: a writer subprocess (``journal_writer.py``) appends rows, compacting every
   5, and prints each row id once ``append`` returned. The test SIGKILLs it at random instants, at
   least 200 times in all (some during start-up and its sweep, about a third right after a
   ``compacting`` marker), and after every kill opens the store and checks: it opens, every live
   segment reads back with its checksum, every acknowledged row is present exactly once, no row
   is doubled, and no torn temp file or uncommitted segment survives the open.
2. ``test_crash_at_every_file_operation``: deterministic fault injection in the manner of SQLite's
   writecrash test. The writer dies (``os._exit``) just before its k-th write/fsync/replace/unlink,
   for every k until a run finishes, including the sweep at start-up, appends and a compaction;
   the same checks follow each crash.

Lanes run in parallel (each on its own store) to keep the wall time low on a 2-core machine.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from spacetrash_desktop.storage.journal import SEGMENT_RE, FeedbackJournal
from tests.storage.conftest import make_row

WRITER = Path(__file__).with_name("journal_writer.py")
MIN_KILLS = 200  # the acceptance floor
KILLS = 240  # what the test does (a margin over the floor)
LANES = 4  # parallel writers, each on its own store (most of a kill cycle is interpreter start-up)


def _env(crash_at: int = -1) -> dict:
    return {**os.environ, "JOURNAL_CRASH_AT": str(crash_at)}


def _acks(lines: list[str]) -> list[str]:
    return [ln.split()[1] for ln in lines if ln.startswith("ack ") and len(ln.split()) == 2]


def _check_store(store: Path, acked: list[str], max_extra: int) -> FeedbackJournal:
    """Open the store and check the guarantees; returns the journal (its open_report says what the
    open swept)."""
    j = FeedbackJournal(store, auto_compact_at=0)
    rep = j.verify()
    assert not rep.damaged, f"damaged segments after a kill: {rep.damaged}"
    ids = j.row_ids(strict=True)
    doubled = [rid for rid, n in Counter(ids).items() if n > 1]
    assert not doubled, f"rows present more than once: {doubled[:5]}"
    missing = set(acked) - set(ids)
    assert not missing, f"{len(missing)} acknowledged row(s) lost, e.g. {sorted(missing)[:3]}"
    assert len(ids) - len(set(acked)) <= max_extra, "more unacknowledged rows than in-flight saves"
    live = {s["name"] for s in j.segments()}
    stray = [
        p.name for p in store.iterdir() if p.name.endswith(".tmp") or (SEGMENT_RE.match(p.name) and p.name not in live)
    ]
    assert not stray, f"left after open: {stray}"
    return j


class _Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.kills = self.startup = self.compaction = self.mid_compaction = 0
        self.acked = self.swept_temp = self.swept_segments = 0
        self.compact_s = 0.01

    def add(self, **kw):
        with self.lock:
            for k, v in kw.items():
                setattr(self, k, getattr(self, k) + v)


def _lane(store: Path, kills: int, seed: int, stats: _Stats) -> None:
    rng = random.Random(seed)
    acked: list[str] = []
    with tempfile.TemporaryFile() as err:
        for n in range(1, kills + 1):
            err.seek(0)
            err.truncate()
            proc = subprocess.Popen(
                [sys.executable, str(WRITER), str(store), "--compact-every", "5", "--seed", str(seed * 10000 + n)],
                stdout=subprocess.PIPE,
                stderr=err,
                env=_env(),
            )
            lines: list[str] = []
            roll = rng.random()
            try:
                if roll < 0.12:  # during start-up: imports, open, sweep of the previous kill's debris
                    stats.add(startup=1)
                    time.sleep(rng.uniform(0.0, 0.3))
                else:
                    lines.append(proc.stdout.readline().decode())
                    if lines[0] != "ready\n":
                        proc.wait(timeout=30)
                        err.seek(0)
                        raise AssertionError(f"writer did not start: {err.read().decode()[-2000:]}")
                    if roll < 0.45:  # right after a compaction starts
                        stats.add(compaction=1)
                        while not lines[-1].startswith("compacting"):
                            line = proc.stdout.readline().decode()
                            assert line, "writer ended before compacting"
                            lines.append(line)
                        time.sleep(rng.uniform(0.0, stats.compact_s * 1.5))
                    else:  # anywhere in the append/compact loop: after 0-2 acknowledged rows (events,
                        # not time: a busy machine writes fewer rows in a fixed time), then a moment on
                        for _ in range(rng.randrange(3)):
                            line = proc.stdout.readline().decode()
                            assert line, "writer ended before acknowledging a row"
                            lines.append(line)
                        time.sleep(rng.uniform(0.0, 0.12))
            finally:
                proc.kill()  # SIGKILL (TerminateProcess on Windows)
            rest = proc.stdout.read().decode()
            proc.stdout.close()
            proc.wait()
            err.seek(0)
            errors = err.read().decode()
            if "Traceback" in errors or (os.name == "posix" and proc.returncode >= 0):
                raise AssertionError(f"writer ended by itself ({proc.returncode}): {errors[-2000:]}")
            lines += [ln + "\n" for ln in rest.split("\n")[:-1]]  # complete lines only
            new = _acks([ln.strip() for ln in lines])
            acked += new
            markers = [ln.split()[0] for ln in lines if ln.startswith("compact")]
            if markers and markers[-1] == "compacting":
                stats.add(mid_compaction=1)
            durations = [float(ln.split()[1]) for ln in lines if ln.startswith("compacted ")]
            if durations:
                with stats.lock:
                    stats.compact_s = max(stats.compact_s, min(0.2, max(durations)))
            j = _check_store(store, acked, max_extra=n)
            stats.add(
                kills=1,
                acked=len(new),
                swept_temp=j.open_report.swept_temp,
                swept_segments=j.open_report.swept_segments,
            )


@pytest.mark.slow
def test_random_kills(tmp_path):
    stats = _Stats()
    per_lane = -(-KILLS // LANES)
    t0 = time.monotonic()
    with ThreadPoolExecutor(LANES) as pool:
        futures = [pool.submit(_lane, tmp_path / f"lane{k}", per_lane, 1000 + k, stats) for k in range(LANES)]
        for f in futures:
            f.result()
    elapsed = time.monotonic() - t0
    print(
        f"\nkill test: {stats.kills} SIGKILLs in {elapsed:.1f} s ({LANES} lanes); {stats.acked} rows acknowledged; "
        f"{stats.startup} kills aimed at start-up, {stats.compaction} at compaction "
        f"({stats.mid_compaction} landed between 'compacting' and 'compacted'); the opens after them swept "
        f"{stats.swept_temp} torn temp file(s) and {stats.swept_segments} uncommitted/replaced segment(s)"
    )
    assert stats.kills >= MIN_KILLS
    assert stats.acked > stats.kills  # the kills hit a writer that was really writing
    assert stats.mid_compaction > 0
    assert stats.swept_temp + stats.swept_segments > 0  # kills did land mid-save


@pytest.mark.slow
def test_crash_at_every_file_operation(tmp_path):
    seed = tmp_path / "seed"
    j = FeedbackJournal(seed, auto_compact_at=0)
    seed_ids = [j.append(make_row()) for _ in range(3)]
    # debris of an earlier crash, so the writer's start-up sweep has work (and crash points) too
    (seed / ".seg-00000077-0badc0de.parquet.abcd.tmp").write_bytes(b"PAR1 torn")
    (seed / "seg-00000078-0badc0de.parquet").write_bytes((seed / j.segments()[0]["name"]).read_bytes())
    args = ["--rows", "4", "--compact-every", "3", "--seed", "7"]

    def run(k: int) -> tuple[int, str, list[str]]:
        store = tmp_path / f"k{k}"
        shutil.copytree(seed, store)
        p = subprocess.run(
            [sys.executable, str(WRITER), str(store), *args], capture_output=True, env=_env(k), timeout=120
        )
        lines = p.stdout.decode().splitlines()
        if k > 0:
            _check_store(store, seed_ids + _acks(lines), max_extra=1)
            shutil.rmtree(store)
        return p.returncode, p.stderr.decode(), lines

    rc, err, lines = run(0)  # count the file operations of a full run
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
    rc, err, lines = run(total + 1)  # one past the last operation: the run completes
    assert rc == 0 and lines[-1] == f"done {total}", err[-2000:]
    print(f"\nfault injection: crashed at each of {total} file operations: {dict(crashed)}")
    assert set(crashed) == {"write", "fsync", "replace", "unlink"}
