"""Crew feedback: the service behind the Feedback panel, the File menu's export/import and
``spacetrash feedback``. No Qt.

* :func:`build_feedback_row` turns a generated candidate (``engine.results.Candidate`` or its
  ``to_dict()``), the target, the model info and the crew's report into a row dict;
* :func:`record_feedback` checks it (once) and saves it durably and returns its ``row_id``. A disk
  error raises :class:`StorageError` and the row waits in the data folder's
  :class:`FeedbackService`, the one owner of rows waiting for a retry (:func:`pending_feedback`,
  :func:`retry_pending_feedback`); a row refused for any other reason is not kept;
* :func:`list_feedback` / :func:`predicted_vs_actual` for the list of past feedback;
* :func:`export_feedback` / :func:`import_feedback` for trainers; :func:`compact_feedback`.

The storage format and its guarantees are in ``docs/FEEDBACK.md``.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacetrash_desktop.context import RunContext
from spacetrash_desktop.domain import PROPERTY_NAMES, PROPERTY_UNITS, finite_float
from spacetrash_desktop.errors import BadInputError, StorageError, storage_error_from_os
from spacetrash_desktop.storage.feedback_exchange import ExportResult, ImportSummary, export_journal, import_into
from spacetrash_desktop.storage.feedback_schema import (
    COLUMNS,
    REPORTED_COLUMNS,
    new_row_id,
    normalize_row,
    utc_now_iso,
)
from spacetrash_desktop.storage.journal import (
    AUTO_COMPACT_SEGMENTS,
    CompactReport,
    FeedbackJournal,
    VerifyReport,
    decode_row,
)
from spacetrash_desktop.storage.paths import feedback_dir

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# What the crew may report (the keys of ``report`` in build_feedback_row).
REPORT_FIELDS = (
    "who",
    "rigidity",
    "rigidity_method",
    "rigidity_how",
    "tightness",
    "tightness_method",
    "tightness_how",
    "energy_kwh",
    "water_l",
    "crew_min",
    "product_mass_kg",
    "passed",
    "notes",
)
FILTERS = ("recipe_id", "who", "model_name", "model_version", "origin", "passed", "since", "until", "text", "method")


class FeedbackService:
    """The feedback journal of one data folder and the rows whose save failed there.

    It alone keeps rows waiting for a retry: :meth:`record` checks a row once (it becomes a
    normalised row with its id, time and origin fixed) and saves it; when the disk refuses
    (:class:`StorageError`) the normalised row waits here, and :meth:`record` of the same ``row_id``
    or :meth:`retry` saves that very row (the journal records a ``row_id`` once). A row refused for
    any other reason (invalid, a bug) is not kept. The journal is opened on first use.
    """

    def __init__(self, folder: Path | str, *, auto_compact_at: int = AUTO_COMPACT_SEGMENTS):
        self.folder = Path(folder)
        self.auto_compact_at = auto_compact_at
        self._journal: FeedbackJournal | None = None
        self._pending: dict[str, dict[str, Any]] = {}  # row_id -> normalised row whose save failed
        self._guard = threading.Lock()  # the waiting rows
        self._opening = threading.Lock()  # opening the journal (disk work: never under _guard)

    @property
    def journal(self) -> FeedbackJournal:
        with self._opening:
            if self._journal is None:
                self._journal = FeedbackJournal(self.folder, auto_compact_at=self.auto_compact_at)
            return self._journal

    def record(self, row: Mapping[str, Any]) -> str:
        """Check and save one row; returns its ``row_id`` once it is durable on disk."""
        kept = self.pending_row(row.get("row_id")) if isinstance(row, Mapping) else None
        norm = kept if kept is not None else normalize_row(row, origin=self.journal.origin)
        return self._save(norm)

    def retry(self) -> list[str]:
        """Save the waiting rows again (each once). Returns the ids saved; raises
        :class:`StorageError` (the rest keep waiting) when the disk still refuses."""
        with self._guard:
            waiting = list(self._pending.values())
        return [self._save(norm) for norm in waiting]

    def pending(self) -> list[dict[str, Any]]:
        """The rows waiting for a retry (copies, oldest first)."""
        with self._guard:
            return [dict(r) for r in self._pending.values()]

    def pending_row(self, row_id: Any) -> dict[str, Any] | None:
        """The waiting row with this id, or None."""
        with self._guard:
            kept = self._pending.get(row_id) if isinstance(row_id, str) else None
            return dict(kept) if kept is not None else None

    def pending_count(self) -> int:
        with self._guard:
            return len(self._pending)

    def _save(self, norm: dict[str, Any]) -> str:
        rid = norm["row_id"]
        try:
            self.journal.append_normalized(norm)
        except StorageError:
            with self._guard:
                self._pending[rid] = norm
            raise
        except Exception:  # not a disk problem: retrying would not help
            with self._guard:
                self._pending.pop(rid, None)
            raise
        with self._guard:
            self._pending.pop(rid, None)
        return rid


_services: dict[str, FeedbackService] = {}
_services_guard = threading.Lock()


def feedback_service() -> FeedbackService:
    """The feedback service of the current per-user data folder (one per folder and process)."""
    try:
        folder = feedback_dir()
        key = str(folder.resolve())
    except OSError as exc:
        raise storage_error_from_os(exc, "the feedback journal") from exc
    with _services_guard:
        service = _services.get(key)
        if service is None:
            service = _services[key] = FeedbackService(folder)
        return service


def journal() -> FeedbackJournal:
    """The journal in the current per-user data folder (read it: :meth:`FeedbackJournal.table`)."""
    return feedback_service().journal


# ------------------------------------------------------------------------------------ recording


def record_feedback(row: Mapping[str, Any]) -> str:
    """Validate and save one row; returns its row_id once it is durable on disk."""
    return feedback_service().record(row)


def pending_feedback() -> list[dict[str, Any]]:
    """Rows whose save failed (disk full, read-only...), kept in memory to retry."""
    return feedback_service().pending()


def pending_feedback_row(row_id: str) -> dict[str, Any] | None:
    """The waiting row with this id (to save the same report again under the same id), or None."""
    return feedback_service().pending_row(row_id)


def retry_pending_feedback() -> list[str]:
    return feedback_service().retry()


def build_feedback_row(
    candidate: Any, target: Any = None, model: Any = None, report: Mapping[str, Any] | None = None, **crew: Any
) -> dict[str, Any]:
    """A row dict for :func:`record_feedback` from what the window has at hand.

    ``candidate``: an ``engine.results.Candidate`` or its ``to_dict()``; ``target``: a
    ``domain.Target`` or its ``to_dict()``; ``model``: ``engine.scorer.ModelInfo``, its ``to_dict()``
    (``GenerationResult.model``) or None; ``report`` and/or keyword arguments: the crew's report
    (keys in :data:`REPORT_FIELDS`). Validation happens when the row is recorded.
    """
    cd = candidate.to_dict() if hasattr(candidate, "to_dict") else dict(candidate)
    recipe = {
        "id": cd.get("id"),
        "items": [
            {k: it.get(k) for k in ("item_id", "name", "fraction", "mass_kg") if k in it} for it in cd.get("items", [])
        ],
        "regolith_frac": cd.get("regolith_frac", 0.0),
        "regolith_kg": cd.get("regolith_kg"),
        "process_id": cd.get("process_id"),
        "process_name": cd.get("process_name"),
        "batch_mass_kg": cd.get("batch_mass_kg"),
    }
    prediction = {
        "interval": "95%",
        "properties": cd.get("properties", {}),
        "status": cd.get("status"),
        "ood": cd.get("ood"),
        "pareto_rank": cd.get("pareto_rank"),
        "mass_flow": cd.get("mass_flow"),
    }
    tgt = None
    if target is not None:
        tgt = target.to_dict() if hasattr(target, "to_dict") else dict(target)
    info: dict[str, Any] = {}
    if model is not None:
        info = model.to_dict() if hasattr(model, "to_dict") else dict(model)
    row: dict[str, Any] = {
        "recipe_id": cd.get("id"),
        "recipe_json": recipe,
        "target_json": tgt,
        "prediction_json": prediction,
        "model_name": info.get("name") or None,
        "model_version": info.get("version") or None,
        "model_manifest_sha256": info.get("manifest_sha256") or None,
    }
    given = {**(report or {}), **crew}
    unknown = sorted(k for k in given if k not in REPORT_FIELDS)
    if unknown:
        raise BadInputError("Unknown feedback field(s): " + ", ".join(unknown) + ".")
    row.update({k: v for k, v in given.items() if v is not None and v != ""})
    return row


# ------------------------------------------------------------------------------------ reading


def list_feedback(filters: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Recorded rows (newest last), filtered. Filters: recipe_id, who, model_name, model_version,
    origin (exact), passed (bool), since / until (ISO dates or times, on recorded_at), text (in
    notes and the how columns, case-insensitive), method ("measured" | "judged": either property)."""
    df = journal().rows()
    filters = {k: v for k, v in (filters or {}).items() if v is not None and v != ""}
    unknown = sorted(k for k in filters if k not in FILTERS)
    if unknown:
        raise BadInputError("Unknown feedback filter(s): " + ", ".join(unknown) + ".")
    if df.empty or not filters:
        return df
    mask = df["row_id"].notna()
    for key in ("recipe_id", "who", "model_name", "model_version", "origin"):
        if key in filters:
            mask &= df[key] == str(filters[key])
    if "passed" in filters:
        if not isinstance(filters["passed"], bool):
            raise BadInputError("The 'passed' filter must be true or false.")
        want = filters["passed"]
        mask &= df["passed"].map(lambda v: _as_bool(v) is want).astype(bool)
    for key, op in (("since", "ge"), ("until", "le")):
        if key in filters:
            bound = _utc_bound(str(filters[key]), key)
            times = df["recorded_at"].map(_parse_time)
            mask &= times.map(lambda t, b=bound, o=op: t is not None and (t >= b if o == "ge" else t <= b)).astype(bool)
    if "text" in filters:
        needle = str(filters["text"]).lower()
        hay = (
            df["notes"].fillna("").astype(str)
            + " "
            + df["rigidity_how"].fillna("").astype(str)
            + " "
            + df["tightness_how"].fillna("").astype(str)
        ).str.lower()
        mask &= hay.str.contains(needle, regex=False)
    if "method" in filters:
        m = str(filters["method"])
        mask &= (df["rigidity_method"] == m) | (df["tightness_method"] == m)
    return df[mask.astype(bool)].reset_index(drop=True)


def get_feedback(row_id: str, *, decode: bool = True) -> dict[str, Any] | None:
    return journal().get(row_id, decode=decode)


def plain_value(v: Any) -> Any:
    """A value read from a DataFrame of rows as plain Python: missing values (None, NaN, NA, NaT)
    and non-finite numbers become None, numpy scalars Python ones."""
    if v is None or type(v).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        try:
            v = v.item()
        except (TypeError, ValueError):
            return v
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def plain_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of :func:`list_feedback` or :func:`predicted_vs_actual` as plain dicts
    (:func:`plain_value`)."""
    return [{k: plain_value(v) for k, v in r.items()} for r in df.to_dict("records")]


def damaged_feedback_files() -> list[tuple[str, str]]:
    """(file, reason) of the saved feedback files the last read had to skip."""
    return list(journal().damaged)


def decode_feedback_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row with its JSON columns parsed into objects (names unchanged)."""
    return decode_row(row)


def predicted_vs_actual(rows: pd.DataFrame) -> pd.DataFrame:
    """One line per row and property the crew reported: predicted value, 95% interval, actual,
    error (actual - predicted) and whether the actual fell inside the interval."""
    import pandas as pd  # noqa: PLC0415 - pandas is heavy; recording a row must not import it

    out = []
    for rec in rows.to_dict("records"):
        try:
            pred = json.loads(rec.get("prediction_json") or "{}")
        except (TypeError, ValueError):
            pred = {}
        props = pred.get("properties") or {}
        flow = pred.get("mass_flow") or {}
        for name in PROPERTY_NAMES + ("product_mass_kg",):
            actual = finite_float(rec.get(name))
            if actual is None:
                continue
            if name == "product_mass_kg":
                p = {"value": flow.get("product_kg"), "low": None, "high": None, "unit": "kg"}
            else:
                p = props.get(name) or {}
            value, low, high = finite_float(p.get("value")), finite_float(p.get("low")), finite_float(p.get("high"))
            out.append(
                {
                    "row_id": rec["row_id"],
                    "recipe_id": rec["recipe_id"],
                    "property": name,
                    "unit": p.get("unit") or PROPERTY_UNITS.get(name, "kg"),
                    "method": rec.get(f"{name}_method") if name in ("rigidity", "tightness") else "measured",
                    "predicted": value,
                    "low": low,
                    "high": high,
                    "actual": actual,
                    "error": None if value is None else actual - value,
                    "inside_interval": None if low is None or high is None else bool(low <= actual <= high),
                }
            )
    cols = [
        "row_id",
        "recipe_id",
        "property",
        "unit",
        "method",
        "predicted",
        "low",
        "high",
        "actual",
        "error",
        "inside_interval",
    ]
    return pd.DataFrame(out, columns=cols)


def verify_feedback() -> VerifyReport:
    return journal().verify()


# ------------------------------------------------------------------------------------ trainers


def export_feedback(out_dir: Path | str) -> ExportResult:
    return export_journal(journal(), Path(out_dir))


def import_feedback(paths: Iterable[Path | str]) -> ImportSummary:
    return import_into(journal(), [Path(p) for p in paths])


def compact_feedback(ctx: RunContext | None = None) -> CompactReport:
    return journal().compact(ctx)


# ------------------------------------------------------------------------------------ helpers


def _as_bool(v: Any) -> bool | None:
    """True/False from a Python or numpy bool; None for a missing value."""
    if isinstance(v, bool):
        return v
    if type(v).__name__ == "bool_":  # numpy.bool_
        return bool(v)
    return None


def _parse_time(text: Any) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        t = datetime.fromisoformat(text)
    except ValueError:
        return None
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def _utc_bound(text: str, key: str) -> datetime:
    t = _parse_time(text)
    if t is None:
        raise BadInputError(f"The '{key}' filter must be an ISO date or date and time (e.g. 2031-05-01).")
    return t


__all__ = [
    "COLUMNS",
    "FILTERS",
    "REPORTED_COLUMNS",
    "REPORT_FIELDS",
    "FeedbackService",
    "build_feedback_row",
    "compact_feedback",
    "damaged_feedback_files",
    "decode_feedback_row",
    "export_feedback",
    "feedback_service",
    "get_feedback",
    "import_feedback",
    "journal",
    "list_feedback",
    "new_row_id",
    "pending_feedback",
    "pending_feedback_row",
    "plain_records",
    "plain_value",
    "predicted_vs_actual",
    "record_feedback",
    "retry_pending_feedback",
    "utc_now_iso",
    "verify_feedback",
]
