"""Trainer export and import: sealed files + manifest, checksums, de-duplication, round trip."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from spacetrash_desktop.errors import BadInputError, StorageError
from spacetrash_desktop.storage.feedback_exchange import export_journal, import_into
from spacetrash_desktop.storage.feedback_schema import FEEDBACK_SCHEMA
from spacetrash_desktop.storage.journal import FeedbackJournal
from tests.storage.conftest import make_row


def _varied_rows() -> list[dict]:
    return [
        make_row(),
        make_row(
            tightness=0.91,
            tightness_method="measured",
            tightness_how="water column 30 min, mm of drop",
            water_l=0.4,
            crew_min=55.5,
            product_mass_kg=1.42,
            passed=False,
            who="Björn",
            notes="cracked at the rim — line 2\nsecond line",
        ),
        make_row(
            rigidity=None,
            rigidity_method=None,
            rigidity_how=None,
            energy_kwh=None,
            passed=None,
            target_json=None,
            prediction_json=None,
            model_name=None,
            model_version=None,
            model_manifest_sha256=None,
            who=None,
            notes=None,
            crew_min=0.0,
        ),
        make_row(recorded_at="2031-02-03T04:05:06.789+00:00"),
    ]


def _journal_with_rows(folder: Path) -> FeedbackJournal:
    j = FeedbackJournal(folder, auto_compact_at=0)
    for r in _varied_rows():
        j.append(r)
    return j


def _manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text())


def test_export_writes_a_sealed_file_and_a_manifest(tmp_path):
    j = _journal_with_rows(tmp_path / "a")
    path = export_journal(j, tmp_path / "out").path
    m = _manifest(tmp_path / "out")
    assert m["format"] == "spacetrash-feedback-export" and m["total_rows"] == 4
    (entry,) = m["files"]
    data = path.read_bytes()
    assert entry["name"] == path.name and entry["rows"] == 4 and entry["bytes"] == len(data)
    assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["origin"] == j.origin
    assert data[:4] == data[-4:] == b"PAR1"
    assert pq.read_schema(path).equals(FEEDBACK_SCHEMA)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_round_trip_preserves_every_row_and_column(tmp_path):
    a = _journal_with_rows(tmp_path / "a")
    b = FeedbackJournal(tmp_path / "b")
    summary = import_into(b, [export_journal(a, tmp_path / "out").path])
    assert (summary.added, summary.duplicates, summary.refused) == (4, 0, 0)
    assert b.table().equals(a.table(), check_metadata=True)
    assert b.rows().equals(a.rows())
    # the import is recorded in the commit history, the rows keep their own origin
    assert b.history()[-1]["action"] == "import"
    assert set(b.rows()["origin"]) == {a.origin}


def test_importing_again_is_idempotent(tmp_path):
    a = _journal_with_rows(tmp_path / "a")
    out = tmp_path / "out"
    export_journal(a, out)
    b = FeedbackJournal(tmp_path / "b")
    assert import_into(b, [out]).added == 4
    again = import_into(b, [out, out / "manifest.json", *out.glob("*.parquet")])
    assert (again.added, again.duplicates, again.refused, len(again.files)) == (0, 4, 0, 1)
    assert b.count() == 4 and b.verify().ok
    # into the journal it came from: nothing new
    assert import_into(a, [out]).added == 0 and a.count() == 4


def test_merging_several_laptops_deduplicates_by_row_id(tmp_path):
    a = _journal_with_rows(tmp_path / "a")
    c = FeedbackJournal(tmp_path / "c")
    c.append(make_row())
    usb = tmp_path / "usb"
    export_journal(a, usb)
    export_journal(c, usb)
    import_into(c, [usb])  # c now has a's rows too
    export_journal(c, usb)  # a third file overlapping the other two
    assert len(_manifest(usb)["files"]) == 3 and _manifest(usb)["total_rows"] == 4 + 1 + 5
    trainer = FeedbackJournal(tmp_path / "trainer")
    s = import_into(trainer, [usb])
    assert (s.added, s.duplicates, s.refused) == (5, 5, 0)
    assert sorted(trainer.row_ids()) == sorted(c.row_ids())


def _flip_byte(path: Path, where: float = 0.5) -> None:
    data = bytearray(path.read_bytes())
    data[int(len(data) * where)] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("where", [0.0, 0.3, 0.6, 0.999])
def test_a_tampered_file_is_refused(tmp_path, where):
    a = _journal_with_rows(tmp_path / "a")
    path = export_journal(a, tmp_path / "out").path
    _flip_byte(path, where)
    b = FeedbackJournal(tmp_path / "b")
    s = import_into(b, [path])
    assert (s.added, s.refused) == (0, 1)
    assert "checksum (sha256) does not match the manifest" in s.files[0].reason
    assert b.count() == 0


def test_a_manifest_whose_sha256_does_not_match_is_refused(tmp_path):
    a = _journal_with_rows(tmp_path / "a")
    out = tmp_path / "out"
    export_journal(a, out)
    m = _manifest(out)
    m["files"][0]["sha256"] = "0" * 64
    (out / "manifest.json").write_text(json.dumps(m))
    s = import_into(FeedbackJournal(tmp_path / "b"), [out])
    assert s.refused == 1 and "checksum" in s.files[0].reason


def test_a_forged_file_is_checked_for_schema_row_count_and_values(tmp_path):
    a = _journal_with_rows(tmp_path / "a")
    out = tmp_path / "out"
    path = export_journal(a, out).path

    def forge(table: pa.Table, rows: int | None = None) -> str:
        pq.write_table(table, path)
        data = path.read_bytes()
        m = _manifest(out)
        m["files"][0].update(
            sha256=hashlib.sha256(data).hexdigest(), bytes=len(data), rows=table.num_rows if rows is None else rows
        )
        (out / "manifest.json").write_text(json.dumps(m))
        s = import_into(FeedbackJournal(tmp_path / "b"), [path])
        assert s.refused == 1 and s.added == 0
        return s.files[0].reason

    good = a.table()
    assert "holds 4 rows, not the recorded 5" in forge(good, rows=5)
    assert "not a feedback file" in forge(pa.table({"x": [1, 2]}))
    assert "column recipe_id is missing" in forge(good.drop_columns(["recipe_id"]))
    newer = good.replace_schema_metadata({b"spacetrash.feedback.schema_version": b"7"})
    assert "newer app" in forge(newer)
    idx = good.schema.get_field_index("rigidity")
    bad = good.set_column(idx, good.schema.field(idx), pa.array([3.0, None, None, 0.5]))
    assert "row 1 is not valid" in forge(bad) and "rigidity must be between 0 and 1" in forge(bad)
    assert FeedbackJournal(tmp_path / "b").count() == 0


def test_files_without_a_valid_manifest_entry_are_refused(tmp_path):
    a = _journal_with_rows(tmp_path / "a")
    out = tmp_path / "out"
    path = export_journal(a, out).path
    stray = out / "extra.parquet"
    stray.write_bytes(path.read_bytes())
    b = FeedbackJournal(tmp_path / "b")
    s = import_into(b, [out])
    assert s.added == 4 and s.refused == 1
    assert [f.reason for f in s.files if f.status == "refused"] == ["it is not listed in manifest.json"]
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / path.name).write_bytes(path.read_bytes())
    assert "no manifest.json" in import_into(b, [lone / path.name]).files[0].reason
    (lone / "manifest.json").write_text("{broken")
    assert "not valid JSON" in import_into(b, [lone / path.name]).files[0].reason
    (lone / "manifest.json").write_text(
        json.dumps({"format": "spacetrash-feedback-export", "format_version": 9, "files": []})
    )
    assert "newer version" in import_into(b, [lone]).files[0].reason
    (lone / "manifest.json").write_text(
        json.dumps(
            {
                "format": "spacetrash-feedback-export",
                "format_version": 1,
                "files": [{"name": "../../etc/x.parquet", "rows": 1, "sha256": "0" * 64}],
            }
        )
    )
    assert "unsafe" in import_into(b, [lone]).files[0].reason
    assert "does not exist" in import_into(b, [tmp_path / "nope.parquet"]).files[0].reason
    (tmp_path / "rows.csv").write_text("a,b\n")
    assert "not a feedback export" in import_into(b, [tmp_path / "rows.csv"]).files[0].reason
    with pytest.raises(BadInputError):
        import_into(b, [])
    assert b.count() == 4


def test_a_good_file_is_merged_even_when_another_one_is_refused(tmp_path):
    usb = tmp_path / "usb"
    a = _journal_with_rows(tmp_path / "a")
    c = FeedbackJournal(tmp_path / "c")
    c.append(make_row())
    export_journal(a, usb)
    bad = export_journal(c, usb).path
    _flip_byte(bad)
    s = import_into(FeedbackJournal(tmp_path / "t"), [usb])
    assert (s.added, s.refused) == (4, 1)


def test_export_into_a_folder_with_a_foreign_manifest_is_refused(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text('{"something": "else"}')
    with pytest.raises(BadInputError, match="choose another folder"):
        export_journal(_journal_with_rows(tmp_path / "a"), out)
    assert (out / "manifest.json").read_text() == '{"something": "else"}'


def test_a_failed_export_leaves_no_partial_file(tmp_path, monkeypatch):
    j = _journal_with_rows(tmp_path / "a")
    out = tmp_path / "out"
    first = export_journal(j, out).path
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real, calls = os.replace, {"n": 0}

    def replace(*a, **k):  # the data file lands, the manifest does not
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*a, **k)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(StorageError, match="disk is full"):
        export_journal(j, out)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert import_into(FeedbackJournal(tmp_path / "b"), [first]).added == 4


def test_export_refuses_a_journal_with_a_damaged_segment(tmp_path):
    j = _journal_with_rows(tmp_path / "a")
    _flip_byte(j.path / j.segments()[0]["name"])
    with pytest.raises(StorageError, match="cannot be read back"):
        export_journal(FeedbackJournal(j.path), tmp_path / "out")
