"""The feedback service alone keeps the rows whose save failed, and saves each of them once."""

from __future__ import annotations

import errno
import os

import pytest

from spacetrash_desktop.errors import BadInputError, StorageError
from spacetrash_desktop.services import feedback as svc
from spacetrash_desktop.services.feedback import FeedbackService
from spacetrash_desktop.storage import journal as journal_mod
from spacetrash_desktop.storage.journal import FeedbackJournal
from tests.storage.conftest import make_row


@pytest.fixture
def full_disk(monkeypatch):
    """os.fsync fails with ENOSPC while ``state["full"]``; counts the refused attempts."""
    real, state = os.fsync, {"full": True, "refused": 0}

    def fsync(fd):
        if state["full"]:
            state["refused"] += 1
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return state


def test_a_disk_failure_keeps_the_row_waiting_in_the_service(tmp_path, full_disk):
    full_disk["full"] = False
    service = FeedbackService(tmp_path)
    first = service.record(make_row(who="Ana"))
    full_disk["full"] = True
    with pytest.raises(StorageError, match="disk is full"):
        service.record(make_row(who="Cai"))
    (kept,) = service.pending()
    assert kept["who"] == "Cai" and service.pending_count() == 1
    assert service.pending_row(kept["row_id"]) == kept
    assert kept["origin"] == service.journal.origin  # normalised: id, time and origin fixed
    assert service.journal.row_ids() == [first]  # nothing saved earlier was touched


def test_a_retry_saves_a_waiting_row_exactly_once(tmp_path, full_disk):
    service = FeedbackService(tmp_path)
    with pytest.raises(StorageError):
        service.record(make_row(who="Cai"))
    (kept,) = service.pending()
    with pytest.raises(StorageError):  # still full: the row keeps waiting
        service.retry()
    assert [r["row_id"] for r in service.pending()] == [kept["row_id"]]
    full_disk["full"] = False
    assert service.retry() == [kept["row_id"]]
    assert service.pending() == [] and service.retry() == []
    assert service.record(kept) == kept["row_id"]  # saving it again records nothing more
    rows = FeedbackJournal(tmp_path).rows()
    assert list(rows["row_id"]) == [kept["row_id"]]
    assert rows["recorded_at"][0] == kept["recorded_at"]


def test_the_same_row_saved_again_while_it_waits_is_the_kept_row(tmp_path, full_disk, monkeypatch):
    service = FeedbackService(tmp_path)
    with pytest.raises(StorageError):
        service.record(make_row(who="Cai"))
    (kept,) = service.pending()
    calls = []
    monkeypatch.setattr(svc, "normalize_row", lambda *a, **k: calls.append(a) or {})
    with pytest.raises(StorageError):
        service.record({"row_id": kept["row_id"]})  # the panel's "Save" again: not checked again
    assert calls == [] and service.pending() == [kept]
    full_disk["full"] = False
    assert service.record({"row_id": kept["row_id"]}) == kept["row_id"]
    assert FeedbackJournal(tmp_path).row_ids() == [kept["row_id"]]


def test_a_row_is_normalised_once_on_its_way_to_the_journal(tmp_path, monkeypatch):
    seen = []
    real = svc.normalize_row

    def counting(row, **kw):
        seen.append(row.get("who"))
        return real(row, **kw)

    monkeypatch.setattr(svc, "normalize_row", counting)
    monkeypatch.setattr(journal_mod, "normalize_row", counting)
    FeedbackService(tmp_path).record(make_row(who="Ana"))
    assert seen == ["Ana"]


def test_a_failure_that_is_not_a_disk_problem_is_reported_and_not_kept(tmp_path, monkeypatch):
    service = FeedbackService(tmp_path)
    with pytest.raises(BadInputError, match="rigidity must be between 0 and 1"):
        service.record(make_row(rigidity=4))
    assert service.pending() == []

    def broken(self, norm):
        raise RuntimeError("a bug in the journal")

    monkeypatch.setattr(FeedbackJournal, "append_normalized", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        service.record(make_row())
    assert service.pending() == [] and service.pending_count() == 0


def test_a_waiting_row_that_then_fails_for_another_reason_is_dropped(tmp_path, full_disk, monkeypatch):
    service = FeedbackService(tmp_path)
    with pytest.raises(StorageError):
        service.record(make_row())
    assert service.pending_count() == 1
    monkeypatch.setattr(FeedbackJournal, "append_normalized", lambda self, norm: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        service.retry()
    assert service.pending() == []


def test_one_service_per_data_folder(tmp_path, monkeypatch, full_disk):
    home = os.environ["SPACETRASH_HOME"]
    a = svc.feedback_service()
    assert svc.feedback_service() is a and svc.journal() is a.journal
    with pytest.raises(StorageError):
        svc.record_feedback(make_row(who="Cai"))
    assert [r["who"] for r in svc.pending_feedback()] == ["Cai"]
    rid = svc.pending_feedback()[0]["row_id"]
    assert svc.pending_feedback_row(rid)["who"] == "Cai" and svc.pending_feedback_row("nope") is None
    monkeypatch.setenv("SPACETRASH_HOME", str(tmp_path / "other"))
    b = svc.feedback_service()
    assert b is not a and svc.pending_feedback() == []  # rows wait in the folder they belong to
    full_disk["full"] = False
    monkeypatch.setenv("SPACETRASH_HOME", home)  # back to the first folder
    assert svc.feedback_service() is a
    assert svc.retry_pending_feedback() == [rid] and svc.pending_feedback() == []
    assert svc.list_feedback()["row_id"].tolist() == [rid]


def test_plain_records_turn_missing_values_and_numpy_scalars_into_plain_python():
    import numpy as np
    import pandas as pd

    assert svc.plain_value(np.float64("nan")) is None and svc.plain_value(float("inf")) is None
    assert svc.plain_value(pd.NA) is None and svc.plain_value(pd.NaT) is None
    assert svc.plain_value(np.bool_(True)) is True and type(svc.plain_value(np.int64(3))) is int
    assert svc.plain_value("text") == "text" and svc.plain_value(0.5) == 0.5
    rid = svc.record_feedback(make_row(passed=None, water_l=0.2))
    (rec,) = svc.plain_records(svc.list_feedback())
    assert rec["row_id"] == rid and rec["passed"] is None and rec["tightness"] is None and rec["water_l"] == 0.2
