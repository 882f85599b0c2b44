"""A feedback writer for the kill and fault-injection tests (run as a script, never imported by the app).

    python tests/storage/journal_writer.py STORE [--rows N] [--compact-every K] [--seed S]

Opens the journal at STORE, prints ``ready``, then appends rows in a loop and prints
``ack <row_id>`` for each one *after* ``append`` returned (so every acknowledged row must be durable).
Every K rows it prints ``compacting``, compacts the whole journal and prints ``compacted <seconds>``.
With ``--rows N`` it stops after N rows and prints ``done <ops>``.

Fault injection (``JOURNAL_CRASH_AT=k``): the process dies with ``os._exit(137)`` just before its
k-th file operation (a write of a temp file, which is then left torn: half written; an ``fsync``;
an ``os.replace``; an ``os.unlink``), after printing ``crash <op> <k>``. ``JOURNAL_CRASH_AT=0`` only
counts the operations (reported by ``done <ops>``).

Lines go to stdout with one ``os.write`` each, so a kill never leaves half a line. Only pyarrow is
imported (no pandas), so the process starts fast.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time

_OPS = 0
_CRASH_AT = int(os.environ.get("JOURNAL_CRASH_AT", "-1"))


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def _op(name: str, torn_write=None) -> None:
    global _OPS
    _OPS += 1
    if _OPS == _CRASH_AT:
        say(f"crash {name} {_OPS}")
        if torn_write is not None:
            torn_write()
        os._exit(137)


def _install_fault_injection() -> None:
    real_fsync, real_replace, real_unlink, real_fdopen = os.fsync, os.replace, os.unlink, os.fdopen

    def fsync(fd):
        _op("fsync")
        return real_fsync(fd)

    def replace(src, dst, *a, **k):
        _op("replace")
        return real_replace(src, dst, *a, **k)

    def unlink(path, *a, **k):
        _op("unlink")
        return real_unlink(path, *a, **k)

    class _File:
        def __init__(self, fh):
            self._fh = fh

        def write(self, data):
            def torn():
                self._fh.write(data[: max(1, len(data) // 2)])
                self._fh.flush()

            _op("write", torn)
            return self._fh.write(data)

        def __getattr__(self, name):
            return getattr(self._fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._fh.close()

    def fdopen(fd, *a, **k):
        return _File(real_fdopen(fd, *a, **k))

    os.fsync, os.replace, os.unlink, os.fdopen = fsync, replace, unlink, fdopen


def make_row(rng: random.Random, i: int) -> dict:
    items = [
        {"item_id": f"I{rng.randrange(1, 40):03d}", "name": f"item {i}", "fraction": 0.5, "mass_kg": 0.4}
        for _ in range(2)
    ]
    pred = {
        name: {"value": round(rng.random(), 4), "low": 0.1, "high": 0.9, "unit": unit}
        for name, unit in (
            ("rigidity", "index"),
            ("tightness", "index"),
            ("energy_kwh", "kWh"),
            ("water_l", "L"),
            ("crew_min", "min"),
        )
    }
    return {
        "recipe_id": f"R{i:012d}",
        "recipe_json": {
            "id": f"R{i:012d}",
            "items": items,
            "regolith_frac": 0.2,
            "process_id": "compress",
            "batch_mass_kg": 1.0,
        },
        "target_json": {"id": "container", "rigidity_min": 0.5},
        "prediction_json": {"interval": "95%", "properties": pred},
        "model_name": "physics",
        "model_version": "test",
        "rigidity": round(rng.random(), 4),
        "rigidity_method": rng.choice(["measured", "judged"]),
        "rigidity_how": "bend test",
        "energy_kwh": round(rng.uniform(0, 5), 3),
        "passed": rng.random() < 0.7,
        "who": "writer",
        "notes": "x" * rng.randrange(0, 200),
    }


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("store")
    p.add_argument("--rows", type=int, default=0)
    p.add_argument("--compact-every", type=int, default=5)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    if _CRASH_AT >= 0:
        _install_fault_injection()
    from spacetrash_desktop.storage.journal import FeedbackJournal

    rng = random.Random(args.seed)
    journal = FeedbackJournal(args.store, auto_compact_at=0)
    assert "pandas" not in sys.modules, "the writer must not import pandas (slow start)"
    say("ready")
    i = 0
    while not args.rows or i < args.rows:
        i += 1
        rid = journal.append(make_row(rng, args.seed * 100000 + i))
        say(f"ack {rid}")
        if args.compact_every and i % args.compact_every == 0:
            say("compacting")
            t = time.perf_counter()
            journal.compact()
            say(f"compacted {time.perf_counter() - t:.6f}")
    say(f"done {_OPS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
