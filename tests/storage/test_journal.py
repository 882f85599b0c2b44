"""The feedback journal: recording, validation, compaction, sweeping, recovery, disk errors."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pytest

from spacetrash_desktop.context import Cancelled, RunContext
from spacetrash_desktop.errors import BadInputError, StorageError
from spacetrash_desktop.services.feedback import FeedbackService
from spacetrash_desktop.storage import journal as journal_mod
from spacetrash_desktop.storage.feedback_schema import COLUMNS, FEEDBACK_SCHEMA, SCHEMA_VERSION
from spacetrash_desktop.storage.journal import MANIFEST_NAME, SEGMENT_RE, FeedbackJournal
from tests.storage.conftest import make_row

WRITER = Path(__file__).with_name("journal_writer.py")


def _files(folder: Path) -> dict[str, str]:
    """name -> sha256 of every file in the folder except the lock."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.name != ".lock"}


def _stray(folder: Path, j: FeedbackJournal) -> list[str]:
    live = {s["name"] for s in j.segments()}
    return sorted(
        p.name for p in folder.iterdir() if p.name.endswith(".tmp") or (SEGMENT_RE.match(p.name) and p.name not in live)
    )


# ------------------------------------------------------------------------------------ basics


def test_schema_is_fixed_and_versioned():
    assert FEEDBACK_SCHEMA.names == list(COLUMNS)
    assert FEEDBACK_SCHEMA.metadata[b"spacetrash.feedback.schema_version"] == str(SCHEMA_VERSION).encode()
    for name in ("row_id", "recipe_id", "recipe_json", "recorded_at", "origin", "schema_version"):
        assert not FEEDBACK_SCHEMA.field(name).nullable
    for name in ("rigidity", "tightness", "energy_kwh", "water_l", "crew_min", "product_mass_kg", "passed"):
        assert FEEDBACK_SCHEMA.field(name).nullable


def test_default_location_is_the_per_user_feedback_dir(_isolated_home):
    j = FeedbackJournal()
    assert j.path == _isolated_home / "feedback"
    assert j.open_report.created and (j.path / MANIFEST_NAME).exists()


def test_append_then_read_back(tmp_path):
    j = FeedbackJournal(tmp_path / "fb")
    rows = [
        make_row(),
        make_row(tightness=0.8, tightness_method="judged", tightness_how="squeezed it", passed=None),
        make_row(notes="Zeolith ✓ «ok»"),
    ]
    ids = [j.append(r) for r in rows]
    assert len(set(ids)) == 3 and all(len(i) == 32 for i in ids)
    df = j.rows()
    assert list(df.columns) == list(COLUMNS)
    assert list(df["row_id"]) == ids  # commit order
    assert j.count() == 3
    got = j.get(ids[1], decode=True)
    assert got["tightness"] == 0.8 and got["tightness_method"] == "judged" and got["passed"] is None
    assert got["recipe_json"]["items"][0] == {"item_id": "PKG-01", "name": "Food packaging", "fraction": 0.7}
    assert got["prediction_json"]["properties"]["rigidity"]["low"] == 0.5
    assert got["origin"] == j.origin and got["schema_version"] == SCHEMA_VERSION
    assert got["recorded_at"].endswith("+00:00")
    assert j.get(ids[2])["notes"] == "Zeolith ✓ «ok»"
    assert j.get("0" * 32) is None
    # each save is its own sealed segment, listed with its checksum in the commit log
    log = json.loads((j.path / MANIFEST_NAME).read_text())
    assert log["rows"] == 3 and log["commit"] == 3 and len(log["segments"]) == 3
    for seg in log["segments"]:
        data = (j.path / seg["name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == seg["sha256"] and len(data) == seg["bytes"]
        assert data[-4:] == b"PAR1"
    assert [h["action"] for h in log["history"]] == ["append"] * 3
    # a second instance (another process would do the same) sees the same rows
    assert FeedbackJournal(j.path).row_ids() == ids


def test_only_some_values_may_be_reported(tmp_path):
    j = FeedbackJournal(tmp_path)
    rid = j.append(
        {
            "recipe_id": "R1",
            "recipe_json": {"items": [{"item_id": "A", "fraction": 1}], "process_id": "p", "batch_mass_kg": 1},
            "passed": False,
        }
    )
    got = j.get(rid)
    assert got["passed"] is False and got["rigidity"] is None and got["energy_kwh"] is None


def test_appending_a_recorded_row_id_again_records_nothing(tmp_path):
    j = FeedbackJournal(tmp_path)
    rid = j.append(make_row())
    assert j.append(make_row(row_id=rid)) == rid
    assert j.row_ids() == [rid] and len(j.segments()) == 1


BAD_ROWS = [
    (dict(recipe_id=None), "recipe_id is missing"),
    (dict(recipe_json=None), "recipe_json (the full recipe) is missing"),
    (dict(recipe_json="{not json"), "recipe_json is not valid JSON"),
    (dict(recipe_json={"items": [], "process_id": "p", "batch_mass_kg": 1}), "recipe_json.items"),
    (
        dict(recipe_json={"items": [{"item_id": "A", "fraction": 1.5}], "process_id": "p", "batch_mass_kg": 1}),
        "fraction must be a number between 0 and 1",
    ),
    (
        dict(recipe_json={"items": [{"item_id": "A", "fraction": 1}], "process_id": "p", "batch_mass_kg": 0}),
        "batch_mass_kg must be a positive number",
    ),
    (
        dict(
            recipe_json={
                "id": "Rother",
                "items": [{"item_id": "A", "fraction": 1}],
                "process_id": "p",
                "batch_mass_kg": 1,
            }
        ),
        "is not recipe_id",
    ),
    (dict(rigidity=1.2), "rigidity must be between 0 and 1 (got 1.2)"),
    (dict(rigidity=-0.1), "rigidity must be between 0 and 1"),
    (dict(rigidity=float("nan")), "rigidity must be a finite number"),
    (dict(rigidity_method=None), "rigidity_method is missing"),
    (dict(rigidity_method="guessed"), "rigidity_method must be 'measured' or 'judged'"),
    (dict(tightness_method="judged"), "tightness_method is given but tightness is not"),
    (dict(energy_kwh=-1), "energy_kwh must be 0 or more kWh"),
    (dict(water_l=float("inf")), "water_l must be a finite number"),
    (dict(crew_min="40"), "crew_min must be a number (got str)"),
    (dict(product_mass_kg=True), "product_mass_kg must be a number (got bool)"),
    (dict(passed="yes"), "passed must be true, false or null"),
    (dict(rigidity=None, rigidity_method=None, energy_kwh=None, passed=None), "nothing is reported"),
    (dict(row_id="not-a-uuid"), "row_id must be 32 lowercase hex digits"),
    (dict(recorded_at="2031-05-01T10:00:00"), "recorded_at needs a time zone"),
    (dict(recorded_at="yesterday"), "recorded_at is not an ISO 8601"),
    (dict(schema_version=99), "newer than this app understands"),
    (dict(model_manifest_sha256="xyz"), "model_manifest_sha256 must be 64 lowercase hex digits"),
    (dict(who=42), "who must be text"),
    (dict(notes="n" * 20001), "notes is too long"),
    (dict(rigidty=0.5), "unknown field(s): rigidty"),
]


@pytest.mark.parametrize("over,message", BAD_ROWS, ids=[m for _, m in BAD_ROWS])
def test_invalid_rows_are_refused_with_a_plain_message(tmp_path, over, message):
    service = FeedbackService(tmp_path)
    with pytest.raises(BadInputError) as info:
        service.record(make_row(**over))
    assert message in info.value.message
    assert "\n" not in info.value.message and str(tmp_path) not in info.value.message
    assert service.journal.count() == 0 and not service.pending()


def test_all_problems_are_listed_at_once(tmp_path):
    with pytest.raises(BadInputError) as info:
        FeedbackJournal(tmp_path).append({"rigidity": 2, "energy_kwh": -3, "foo": 1})
    msg = info.value.message
    for part in (
        "unknown field(s): foo",
        "recipe_id is missing",
        "rigidity must be between 0 and 1",
        "energy_kwh must be 0 or more",
    ):
        assert part in msg
    assert "nothing is reported" not in msg  # values were given, they are just wrong


def test_a_row_must_be_an_object(tmp_path):
    with pytest.raises(BadInputError, match="JSON object"):
        FeedbackJournal(tmp_path).append(["not", "a", "row"])  # type: ignore[arg-type]


def test_recorded_at_is_normalised_to_utc(tmp_path):
    j = FeedbackJournal(tmp_path)
    rid = j.append(make_row(recorded_at="2031-05-01T12:00:00+02:00"))
    assert j.get(rid)["recorded_at"] == "2031-05-01T10:00:00.000000+00:00"


# ------------------------------------------------------------------------------------ compaction


def test_compaction_merges_atomically_and_keeps_every_row_once(tmp_path):
    j = FeedbackJournal(tmp_path, auto_compact_at=0)
    ids = [j.append(make_row()) for _ in range(7)]
    before = j.table()
    old = {s["name"] for s in j.segments()}
    rep = j.compact()
    assert (rep.segments_before, rep.segments_after, rep.merged, rep.rows) == (7, 1, 7, 7)
    assert j.table().equals(before)  # same rows, same order, same values
    assert j.row_ids() == ids
    names = {p.name for p in tmp_path.iterdir() if SEGMENT_RE.match(p.name)}
    assert names == {s["name"] for s in j.segments()} and not names & old
    hist = j.history()[-1]
    assert hist["action"] == "compact" and sorted(hist["removed"]) == sorted(old)
    assert FeedbackJournal(tmp_path).verify().ok
    # nothing to merge: a no-op
    assert j.compact().merged == 0


def test_append_compacts_the_small_trailing_segments_automatically(tmp_path):
    j = FeedbackJournal(tmp_path, auto_compact_at=4)
    ids = [j.append(make_row()) for _ in range(9)]
    assert len(j.segments()) < 4
    assert j.row_ids() == ids and j.verify().ok


def test_compaction_can_be_cancelled_before_it_commits(tmp_path):
    j = FeedbackJournal(tmp_path, auto_compact_at=0)
    for _ in range(3):
        j.append(make_row())
    before = _files(tmp_path)
    ctx = RunContext()
    calls = []

    def progress(done, total, msg):
        calls.append(msg)
        if msg.startswith("Writing"):
            ctx.cancel()

    ctx._on_progress = progress
    with pytest.raises(Cancelled):
        j.compact(ctx)
    assert _files(tmp_path) == before  # the merged file was removed again, the log untouched
    assert j.verify().ok and j.count() == 3


def test_a_kill_between_the_compaction_commit_and_the_deletes_is_cleaned_at_open(tmp_path):
    j = FeedbackJournal(tmp_path, auto_compact_at=0)
    ids = [j.append(make_row()) for _ in range(4)]
    old = {p.name: p.read_bytes() for p in tmp_path.iterdir() if SEGMENT_RE.match(p.name)}
    j.compact()
    for name, data in old.items():  # as if the process died before deleting the old segments
        (tmp_path / name).write_bytes(data)
    j2 = FeedbackJournal(tmp_path)
    assert j2.open_report.swept_segments == 4
    assert Counter(j2.row_ids()) == Counter(ids)


class _Killed(BaseException):
    pass


def test_a_kill_between_writing_the_merged_segment_and_committing_it(tmp_path, monkeypatch):
    j = FeedbackJournal(tmp_path, auto_compact_at=0)
    ids = [j.append(make_row()) for _ in range(4)]

    def die(*a, **k):
        raise _Killed()

    monkeypatch.setattr(j.log, "commit", die)
    monkeypatch.setattr(j.store, "discard_if_uncommitted", lambda name: None)  # a kill cleans nothing
    with pytest.raises(_Killed):
        j.compact()
    assert sum(1 for p in tmp_path.iterdir() if SEGMENT_RE.match(p.name)) == 5
    j2 = FeedbackJournal(tmp_path)
    assert j2.open_report.swept_segments == 1
    assert j2.row_ids() == ids and len(j2.segments()) == 4


# ------------------------------------------------------------------------------------ start-up sweep


def test_open_sweeps_torn_temp_files_and_uncommitted_segments(tmp_path):
    j = FeedbackJournal(tmp_path)
    ids = [j.append(make_row()) for _ in range(2)]
    (tmp_path / ".seg-00000009-0badc0de.parquet.k2j3.tmp").write_bytes(b"PAR1 torn")
    (tmp_path / ".journal.json.x1y2.tmp").write_text('{"half": ')
    (tmp_path / "seg-00000099-deadbeef.parquet").write_bytes((tmp_path / j.segments()[0]["name"]).read_bytes())
    (tmp_path / "README.txt").write_text("not ours")
    j2 = FeedbackJournal(tmp_path)
    assert (j2.open_report.swept_temp, j2.open_report.swept_segments) == (2, 1)
    assert j2.row_ids() == ids
    assert _stray(tmp_path, j2) == [] and (tmp_path / "README.txt").exists()


def test_a_lost_index_is_rebuilt_from_the_segments_without_losing_or_doubling_rows(tmp_path):
    j = FeedbackJournal(tmp_path, auto_compact_at=0)
    ids = [j.append(make_row()) for _ in range(3)]
    old = {p.name: p.read_bytes() for p in tmp_path.iterdir() if SEGMENT_RE.match(p.name)}
    j.compact()
    ids.append(j.append(make_row()))
    for name, data in old.items():  # leftovers from an interrupted compaction...
        (tmp_path / name).write_bytes(data)
    (tmp_path / MANIFEST_NAME).unlink()  # ...and the index lost (outside damage)
    j2 = FeedbackJournal(tmp_path)
    assert j2.open_report.recovered
    assert sorted(j2.row_ids()) == sorted(ids) and j2.verify().ok
    assert _stray(tmp_path, j2) == []


def test_a_damaged_index_is_set_aside_and_rebuilt(tmp_path):
    j = FeedbackJournal(tmp_path)
    ids = [j.append(make_row()) for _ in range(2)]
    (tmp_path / MANIFEST_NAME).write_text("{ garbage")
    j2 = FeedbackJournal(tmp_path)
    assert j2.open_report.recovered and sorted(j2.row_ids()) == sorted(ids)
    assert list(tmp_path.glob(MANIFEST_NAME + ".damaged-*"))


def test_an_index_from_a_newer_app_is_refused_and_left_alone(tmp_path):
    j = FeedbackJournal(tmp_path)
    j.append(make_row())
    log = json.loads((tmp_path / MANIFEST_NAME).read_text())
    log["format_version"] = 99
    (tmp_path / MANIFEST_NAME).write_text(json.dumps(log))
    before = _files(tmp_path)
    with pytest.raises(StorageError, match="newer version"):
        FeedbackJournal(tmp_path)
    assert _files(tmp_path) == before


def test_a_damaged_segment_is_reported_never_silently_dropped(tmp_path):
    j = FeedbackJournal(tmp_path, auto_compact_at=0)
    ids = [j.append(make_row()) for _ in range(3)]
    seg = tmp_path / j.segments()[1]["name"]
    data = bytearray(seg.read_bytes())
    data[len(data) // 2] ^= 0xFF
    seg.write_bytes(bytes(data))
    j2 = FeedbackJournal(tmp_path)
    rep = j2.verify()
    assert not rep.ok and rep.damaged[0][0] == seg.name and "checksum" in rep.damaged[0][1]
    assert j2.row_ids(strict=False) == [ids[0], ids[2]] and j2.damaged  # the window can still list the rest
    with pytest.raises(StorageError, match="damaged"):
        j2.table(strict=True)
    with pytest.raises(StorageError, match="not compacted"):
        j2.compact()
    assert seg.exists()
    j2.append(make_row())  # recording goes on
    assert j2.count() == 4


# ------------------------------------------------------------------------------------ disk errors


class _FailingFile:
    def __init__(self, fh, err):
        self._fh, self._err = fh, err

    def write(self, data):
        raise OSError(self._err, os.strerror(self._err))

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._fh.close()


def _fail_nth(real, n, err):
    calls = {"n": 0}

    def fn(*a, **k):
        calls["n"] += 1
        if calls["n"] == n:
            raise OSError(err, os.strerror(err))
        return real(*a, **k)

    return fn


@pytest.mark.parametrize(
    "err,words",
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "the disk is read-only"),
        (errno.EACCES, "permission was denied"),
    ],
)
@pytest.mark.parametrize("where", ["segment write", "segment fsync", "segment replace", "log fsync", "log replace"])
def test_a_disk_error_keeps_the_row_to_retry_and_touches_nothing_earlier(tmp_path, monkeypatch, err, words, where):
    service = FeedbackService(tmp_path)
    j = service.journal
    ids = [j.append(make_row()) for _ in range(2)]
    before = _files(tmp_path)
    if where == "segment write":
        real = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _FailingFile(real(fd, *a, **k), err))
    elif where == "segment fsync":
        monkeypatch.setattr(os, "fsync", _fail_nth(os.fsync, 1, err))
    elif where == "log fsync":  # 1: segment, 2: folder (after the rename), 3: the log's temp file
        monkeypatch.setattr(os, "fsync", _fail_nth(os.fsync, 3, err))
    elif where == "segment replace":
        monkeypatch.setattr(os, "replace", _fail_nth(os.replace, 1, err))
    else:  # the segment is in place, its commit fails: it must be removed again
        monkeypatch.setattr(os, "replace", _fail_nth(os.replace, 2, err))
    row = make_row()
    with pytest.raises(StorageError) as info:
        service.record(row)
    assert words in info.value.message and str(tmp_path) not in info.value.message
    assert info.value.code.value == "STORAGE_ERROR"
    monkeypatch.undo()
    assert _files(tmp_path) == before  # nothing earlier touched, nothing half-made left
    assert len(service.pending()) == 1
    pending_id = service.pending()[0]["row_id"]
    assert FeedbackJournal(tmp_path).row_ids() == ids  # the store opens with the earlier rows
    # the disk has room again: the kept row is recorded, once
    assert service.retry() == [pending_id]
    assert not service.pending()
    assert Counter(FeedbackJournal(tmp_path).row_ids()) == Counter(ids + [pending_id])


def test_a_failed_compaction_leaves_the_journal_as_it_was(tmp_path, monkeypatch):
    j = FeedbackJournal(tmp_path, auto_compact_at=0)
    ids = [j.append(make_row()) for _ in range(3)]
    before = _files(tmp_path)
    monkeypatch.setattr(os, "replace", _fail_nth(os.replace, 2, errno.ENOSPC))  # the log commit fails
    with pytest.raises(StorageError, match="disk is full"):
        j.compact()
    monkeypatch.undo()
    assert _files(tmp_path) == before
    assert FeedbackJournal(tmp_path).row_ids() == ids


def test_a_journal_that_cannot_be_created_still_opens_and_keeps_rows_pending(tmp_path, monkeypatch):
    def refuse(*a, **k):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", refuse)
    service = FeedbackService(tmp_path / "fb")
    j = service.journal
    assert not j.open_report.created and j.count() == 0 and j.rows().empty
    with pytest.raises(StorageError, match="read-only"):
        service.record(make_row())
    assert [p.name for p in (tmp_path / "fb").iterdir()] == [".lock"]
    monkeypatch.undo()
    assert len(service.retry()) == 1 and j.count() == 1


def test_an_unwritable_journal_folder_is_a_storage_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError):
        FeedbackJournal(blocker / "fb")


# ------------------------------------------------------------------------------------ concurrency


def test_threads_and_instances_append_concurrently(tmp_path):
    a, b = FeedbackJournal(tmp_path, auto_compact_at=5), FeedbackJournal(tmp_path, auto_compact_at=5)
    got: list[str] = []
    lock = threading.Lock()

    def work(j):
        for _ in range(8):
            rid = j.append(make_row())
            with lock:
                got.append(rid)

    threads = [threading.Thread(target=work, args=(j,)) for j in (a, b, a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    final = FeedbackJournal(tmp_path)
    assert Counter(final.row_ids()) == Counter(got) and len(got) == 32
    assert final.verify().ok and _stray(tmp_path, final) == []


def test_two_processes_append_and_compact_the_same_journal(tmp_path):
    env = {**os.environ, "JOURNAL_CRASH_AT": "-1"}
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(tmp_path), "--rows", "12", "--compact-every", "4", "--seed", str(s)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for s in (1, 2)
    ]
    acked = []
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err.decode()[-2000:]
        acked += [line.split()[1] for line in out.decode().splitlines() if line.startswith("ack ")]
    assert len(acked) == 24
    j = FeedbackJournal(tmp_path)
    assert Counter(j.row_ids()) == Counter(acked) and j.verify().ok


def test_rows_to_table_roundtrip_keeps_types(tmp_path):
    j = FeedbackJournal(tmp_path)
    j.append(make_row(passed=None, water_l=0.0, crew_min=35))
    t = j.table()
    assert t.schema.equals(FEEDBACK_SCHEMA, check_metadata=False)
    assert t.column("crew_min").type == pa.float64() and t.column("crew_min")[0].as_py() == 35.0
    assert t.column("passed")[0].as_py() is None and t.column("water_l")[0].as_py() == 0.0
    assert journal_mod.read_sealed_parquet(tmp_path / j.segments()[0]["name"]).equals(t)


def test_values_round_trip_exactly_through_a_segment(tmp_path):
    import math
    import random
    import struct

    rng = random.Random(5)
    floats = [
        0.0,
        1.0,
        0.1,
        1 / 3,
        5e-324,
        2.2250738585072014e-308,
        1e-7,
        123456789.123456789,
        1.7976931348623157e308,
    ] + [rng.random() for _ in range(40)]
    floats += [
        f for f in (struct.unpack("d", struct.pack("Q", rng.getrandbits(62)))[0] for _ in range(40)) if math.isfinite(f)
    ]
    texts = [
        "😀 emoji",
        "tab\there\nnew line",
        "ctrl \x01\x1f end",
        "a\u2028 separators \u2029b",
        'back\\slash "q"',
        "Ünïcødé ✓",
        "x" * 5000,
    ]
    j = FeedbackJournal(tmp_path, auto_compact_at=0)
    sent = []
    for k, f in enumerate(floats):
        sent.append(
            j.append(
                make_row(
                    energy_kwh=f,
                    rigidity=min(1.0, f),
                    notes=texts[k % len(texts)],
                    who=texts[(k + 1) % len(texts)][:200],
                )
            )
        )
    j.compact()
    t = FeedbackJournal(tmp_path).table()
    assert t.column("row_id").to_pylist() == sent
    assert t.column("energy_kwh").to_pylist() == floats
    assert t.column("notes").to_pylist() == [texts[k % len(texts)] for k in range(len(floats))]
    with pytest.raises(BadInputError, match="not valid text"):
        j.append(make_row(notes="lone \ud800 surrogate"))


def test_recording_a_row_does_not_import_pandas(tmp_path):
    code = (
        "import sys\nfrom spacetrash_desktop.storage.journal import FeedbackJournal\n"
        "from tests.storage.conftest import make_row\n"
        f"j = FeedbackJournal({str(tmp_path)!r}, auto_compact_at=2)\n"
        "[j.append(make_row()) for _ in range(3)]\nj.verify()\n"
        "assert 'pandas' not in sys.modules, 'pandas was imported'\n"
    )
    p = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert p.returncode == 0, p.stderr[-2000:]
