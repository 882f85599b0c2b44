"""The production log store: append-only records, idempotent ids, compaction, recovery, damage."""

from __future__ import annotations

import json
import random

import pytest

from spacetrash_desktop.errors import BadInputError, StorageError
from spacetrash_desktop.storage.production import LOG_NAME, ProductionLog
from tests.storage.production_writer import make_record


def _rec(i: int = 1, **over) -> dict:
    r = make_record(random.Random(i), i)
    r.update(over)
    return r


def test_append_records_and_reads_back_exactly(tmp_path):
    log = ProductionLog(tmp_path / "p")
    rec = _rec(1, product_kg=0.1 + 0.2, who="Ana")
    rid = log.append(rec)
    (got,) = log.records()
    assert got["row_id"] == rid == got["entry_id"] and got["kind"] == "made"
    assert got["product_kg"] == 0.1 + 0.2  # bit for bit
    assert got["items_json"] == rec["items_json"] and got["recipe_json"]["id"] == rec["recipe_id"]
    assert got["who"] == "Ana" and got["sol"] == rec["sol"]


def test_the_same_row_id_is_never_recorded_twice(tmp_path):
    log = ProductionLog(tmp_path / "p")
    rid = log.append(_rec(1))
    assert log.append(_rec(1, row_id=rid)) == rid
    assert log.count() == 1


def test_undo_is_an_appended_record_and_the_log_keeps_the_history(tmp_path):
    log = ProductionLog(tmp_path / "p")
    rid = log.append(_rec(1))
    log.append({"kind": "undo", "entry_id": rid, "note": "wrong batch"})
    kinds = [(r["kind"], r["entry_id"]) for r in log.records()]
    assert kinds == [("made", rid), ("undo", rid)]


@pytest.mark.parametrize(
    "over,message",
    [
        ({"kind": "eaten"}, "kind must be 'made' or 'undo'"),
        ({"batches": 0}, "batches must be 1 or more"),
        ({"product_kg": float("nan")}, "product_kg must be a finite number"),
        ({"recipe_id": None}, "recipe_id is missing"),
        ({"colour": "red"}, "unknown field(s): colour"),
    ],
)
def test_invalid_records_are_refused_with_the_reason(tmp_path, over, message):
    log = ProductionLog(tmp_path / "p")
    with pytest.raises(BadInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        log.append(_rec(1, **over))
    assert log.count() == 0


def test_compaction_keeps_every_record_in_order(tmp_path):
    log = ProductionLog(tmp_path / "p", auto_compact_at=5)
    ids = [log.append(_rec(i)) for i in range(12)]
    assert len(log.segments()) < 5
    assert [r["row_id"] for r in log.records()] == ids
    assert log.compact() >= 2 and len(log.segments()) == 1
    assert [r["row_id"] for r in ProductionLog(tmp_path / "p").records()] == ids


def test_a_lost_or_damaged_index_is_rebuilt_from_the_segments(tmp_path):
    folder = tmp_path / "p"
    log = ProductionLog(folder, auto_compact_at=0)
    ids = [log.append(_rec(i)) for i in range(3)]
    (folder / LOG_NAME).write_text("{not json")
    again = ProductionLog(folder)
    assert again.open_report.recovered
    assert sorted(r["row_id"] for r in again.records()) == sorted(ids)
    (folder / LOG_NAME).unlink()
    assert sorted(r["row_id"] for r in ProductionLog(folder).records()) == sorted(ids)


def test_a_damaged_segment_is_reported_never_read_as_a_shorter_history(tmp_path):
    folder = tmp_path / "p"
    log = ProductionLog(folder, auto_compact_at=0)
    log.append(_rec(1))
    log.append(_rec(2))
    seg = folder / log.segments()[0]["name"]
    data = bytearray(seg.read_bytes())
    data[len(data) // 2] ^= 0xFF
    seg.write_bytes(bytes(data))
    fresh = ProductionLog(folder)
    assert [name for name, _ in fresh.verify()] == [seg.name]
    with pytest.raises(StorageError, match="production log is damaged"):
        fresh.records()


def test_the_index_names_its_own_format(tmp_path):
    folder = tmp_path / "p"
    ProductionLog(folder).append(_rec(1))
    index = json.loads((folder / LOG_NAME).read_text())
    assert index["format"] == "spacetrash-production-log" and index["rows"] == 1
