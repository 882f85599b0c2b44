"""The record of one retraining run: a typed, versioned object with ONE reader (:meth:`RunRecord.from_dict`,
:meth:`RunRecord.load`) and ONE writer (:meth:`RunRecord.to_dict`, :meth:`RunRecord.save`).

On disk a run is ``runs_dir()/<run_id>.json``::

    {"format": "spacetrash-retrain-run", "format_version": 1, "run_id", "started_at", "finished_at",
     "verdict", "reason", "champion", "challenger", "data", "drift", "metrics", "artifacts",
     "versions", "settings", "timings"}

The JSON is the one services/retrain.py always wrote: a record written by an earlier version loads
unchanged, and keys this version does not know are kept (``extra``) and written back as they were.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacetrash_desktop.domain import PROPERTY_NAMES, Verdict, finite_float
from spacetrash_desktop.storage.atomic import atomic_write_json

RUN_FORMAT = "spacetrash-retrain-run"
RUN_FORMAT_VERSION = 1
VERDICTS = tuple(v.value for v in Verdict)
UNREADABLE = "unreadable"  # the verdict shown for a record that cannot be read
RUN_ID = re.compile(r"^run-\d{8}T\d{6}Z-[0-9a-f]{4,8}$")
REQUIRED_KEYS: dict[str, type | tuple] = {
    "format": str,
    "format_version": int,
    "run_id": str,
    "started_at": str,
    "finished_at": str,
    "verdict": str,
    "reason": str,
    "champion": dict,
    "challenger": (dict, type(None)),
    "data": dict,
    "drift": dict,
    "metrics": dict,
    "artifacts": dict,
    "versions": dict,
    "settings": dict,
}
ARTIFACT_KEYS = ("champion_manifest_sha256", "challenger_manifest_sha256", "feedback_files", "journal_row_ids")
_DICT_FIELDS = ("champion", "data", "drift", "metrics", "artifacts", "versions", "settings", "timings")
_KNOWN = {"format", "format_version", "run_id", "started_at", "finished_at", "verdict", "reason", "challenger"}


@dataclass(frozen=True)
class Check:
    """One promotion check of one property."""

    check: str  # e.g. "error on held-out feedback"
    passed: bool
    text: str  # the sentence shown to a trainer


@dataclass(frozen=True)
class SideBySide:
    """The champion and the challenger on one data set (virtual-lab trials or held-out feedback)."""

    rows: int = 0
    mae_champion: float | None = None
    mae_challenger: float | None = None
    coverage_champion: float | None = None
    coverage_challenger: float | None = None

    @classmethod
    def from_dict(cls, d: Any) -> SideBySide:
        d = d if isinstance(d, Mapping) else {}
        rows = d.get("rows")
        return cls(
            rows=int(rows) if isinstance(rows, (int, float)) and not isinstance(rows, bool) else 0,
            mae_champion=finite_float(d.get("mae_champion")),
            mae_challenger=finite_float(d.get("mae_challenger")),
            coverage_champion=finite_float(d.get("coverage_champion")),
            coverage_challenger=finite_float(d.get("coverage_challenger")),
        )


@dataclass(frozen=True)
class PropertyComparison:
    """Champion against challenger on one property: both data sets, what was learnt, the checks."""

    name: str
    unit: str
    lab: SideBySide
    feedback: SideBySide
    correction: bool  # the challenger corrects this property from the feedback
    reach: str | None  # "global" | "local" (some processes) when it does
    calibrated_on: str | None  # "crew_feedback" when its intervals were recalibrated on the feedback
    checks: tuple[Check, ...]
    passed: bool

    @classmethod
    def from_dict(cls, name: str, d: Mapping) -> PropertyComparison:
        raw = d.get("learnt")
        learnt: Mapping = raw if isinstance(raw, Mapping) else {}
        checks = tuple(
            Check(str(c.get("check") or ""), bool(c.get("passed")), str(c.get("text") or c.get("check") or ""))
            for c in d.get("checks") or []
            if isinstance(c, Mapping)
        )
        return cls(
            name=name,
            unit=str(d.get("unit") or ""),
            lab=SideBySide.from_dict(d.get("lab")),
            feedback=SideBySide.from_dict(d.get("feedback")),
            correction=bool(learnt.get("correction")),
            reach=str(learnt["reach"]) if learnt.get("reach") else None,
            calibrated_on=str(learnt["calibrated_on"]) if learnt.get("calibrated_on") else None,
            checks=checks,
            passed=bool(d.get("passed")),
        )


@dataclass(frozen=True)
class DriftFeature:
    """The shift of one model input between the training data and the feedback."""

    key: str  # the feature column
    label: str  # as the crew would name it
    psi: float | None
    ks: float | None
    ks_pvalue: float | None
    flag: str  # none | moderate | major (| drift, in records that only said whether it drifted)
    train_mean: float | None
    new_mean: float | None


def _first(d: Mapping, *keys: str) -> Any:
    for k in keys:
        if k in d and d[k] not in (None, ""):
            return d[k]
    return None


def _flag_text(v: Any) -> str:
    if v is True:
        return "drift"
    if v in (False, None, ""):
        return "none"
    return str(v)


def as_verdict(value: Any) -> Verdict | str:
    """The :class:`Verdict` of a recorded verdict text; other texts ("unreadable", "?") as they are."""
    text = str(value) if value not in (None, "") else "?"
    return Verdict(text) if text in VERDICTS else text


@dataclass
class RunRecord:
    """One retraining run: what it read, the champion and the challenger, the comparison, the verdict."""

    run_id: str  # e.g. "run-20261125T131500Z-3f9a"
    verdict: Verdict | str  # a Verdict; "unreadable" for a record that cannot be read
    reason: str = ""  # one or two plain sentences a trainer understands
    started_at: str = ""
    finished_at: str = ""
    champion: dict = field(default_factory=dict)  # ModelInfo.to_dict() of the model active before the run
    challenger: dict | None = None  # name, version, manifest_sha256, folder, status, trained_on
    data: dict = field(default_factory=dict)  # feedback rows total/usable/measured/judged/skipped, by property...
    drift: dict = field(default_factory=dict)  # {"features": {column: {psi, ks, ...}}, "summary": {...}}
    metrics: dict = field(default_factory=dict)  # per property: champion vs challenger, learnt, checks
    artifacts: dict = field(default_factory=dict)  # manifest sha256s, feedback files, row ids
    versions: dict = field(default_factory=dict)
    settings: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)
    record_path: str = ""  # where it was read from or written to ("" if nowhere)
    format_version: int = RUN_FORMAT_VERSION
    extra: dict = field(default_factory=dict)  # keys of the JSON this version does not know, kept as they are

    # ------------------------------------------------------------------ the one reader and writer
    @classmethod
    def from_dict(cls, record: Mapping[str, Any], record_path: str = "") -> RunRecord:
        """The record from its JSON form (any version up to :data:`RUN_FORMAT_VERSION`; missing parts
        become empty)."""
        d = dict(record)
        challenger = d.get("challenger")
        version = d.get("format_version")
        return cls(
            run_id=str(d.get("run_id") or Path(record_path).stem),
            verdict=as_verdict(d.get("verdict")),
            reason=str(d.get("reason") or ""),
            started_at=str(d.get("started_at") or ""),
            finished_at=str(d.get("finished_at") or ""),
            challenger=dict(challenger) if isinstance(challenger, Mapping) and challenger else None,
            record_path=record_path,
            format_version=version if isinstance(version, int) and not isinstance(version, bool) else 0,
            extra={k: v for k, v in d.items() if k not in _KNOWN and k not in _DICT_FIELDS},
            **{k: dict(d[k]) if isinstance(d.get(k), Mapping) else {} for k in _DICT_FIELDS},
        )

    @classmethod
    def load(cls, path: Path | str) -> RunRecord:
        """Read a record file. Raises OSError when it cannot be read, ValueError when it is not a JSON
        object."""
        rec = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(rec, dict):
            raise ValueError("not an object")
        return cls.from_dict(rec, str(path))

    @classmethod
    def unreadable(cls, path: Path | str) -> RunRecord:
        """What the history shows for a record file that cannot be read."""
        return cls(
            run_id=Path(path).stem,
            verdict=UNREADABLE,
            reason="This run's record cannot be read.",
            record_path=str(path),
        )

    def to_dict(self) -> dict:
        """The JSON form written to disk (without ``record_path``)."""
        return {
            "format": RUN_FORMAT,
            "format_version": self.format_version,
            "run_id": self.run_id,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "verdict": str(self.verdict),
            "reason": self.reason,
            "champion": self.champion,
            "challenger": self.challenger,
            "data": self.data,
            "drift": self.drift,
            "metrics": self.metrics,
            "artifacts": self.artifacts,
            "versions": self.versions,
            "settings": self.settings,
            "timings": self.timings,
            **self.extra,
        }

    def save(self, folder: Path) -> Path:
        """Write the record atomically to ``folder/<run_id>.json``; sets ``record_path``."""
        target = Path(folder) / f"{self.run_id}.json"
        atomic_write_json(target, self.to_dict(), what="the retraining record")
        self.record_path = str(target)
        return target

    def outcome(self) -> dict:
        """The run's outcome as ``spacetrash retrain --json`` prints it."""
        return {
            "run_id": self.run_id,
            "verdict": str(self.verdict),
            "reason": self.reason,
            "champion": self.champion,
            "challenger": self.challenger,
            "metrics": self.metrics,
            "drift": self.drift,
            "data": self.data,
            "record_path": self.record_path,
        }

    def summary(self) -> dict:
        """One line of the run history (``spacetrash retrain --list --json``)."""
        if self.verdict == UNREADABLE:
            return {
                "run_id": self.run_id,
                "started_at": "",
                "finished_at": "",
                "verdict": UNREADABLE,
                "reason": self.reason,
                "record_path": self.record_path,
            }
        chall = self.challenger
        return {
            "run_id": self.run_id,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "verdict": str(self.verdict),
            "reason": self.reason,
            "champion_name": self.champion.get("name", ""),
            "champion_version": self.champion.get("version", ""),
            "challenger_name": chall.get("name") if chall else None,
            "challenger_version": chall.get("version") if chall else None,
            "challenger_status": chall.get("status") if chall else None,
            "feedback_rows": self.feedback_total,
            "feedback_usable": self.feedback_usable,
            "drift": self.drift_level,
            "record_path": self.record_path,
        }

    # ------------------------------------------------------------------ what the window and the CLI show
    @property
    def champion_name(self) -> str:
        return str(self.champion.get("name") or "")

    @property
    def champion_version(self) -> str:
        return str(self.champion.get("version") or "")

    @property
    def challenger_name(self) -> str:
        return str((self.challenger or {}).get("name") or "")

    @property
    def challenger_version(self) -> str:
        return str((self.challenger or {}).get("version") or "")

    @property
    def challenger_status(self) -> str:
        return str((self.challenger or {}).get("status") or "")

    @property
    def challenger_folder(self) -> str:
        return str((self.challenger or {}).get("folder") or "")

    def _count(self, key: str) -> int:
        value = self.data.get(key, 0)
        return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0

    @property
    def feedback_total(self) -> int:
        return self._count("feedback_total")

    @property
    def feedback_usable(self) -> int:
        return self._count("feedback_usable")

    @property
    def feedback_measured(self) -> int:
        return self._count("feedback_measured")

    @property
    def feedback_judged(self) -> int:
        return self._count("feedback_judged")

    @property
    def feedback_skipped(self) -> int:
        return self._count("feedback_skipped")

    @property
    def skipped_by_reason(self) -> dict[str, int]:
        value = self.data.get("skipped_by_reason")
        return dict(value) if isinstance(value, Mapping) else {}

    @property
    def drift_summary(self) -> dict:
        value = self.drift.get("summary")
        return dict(value) if isinstance(value, Mapping) else {}

    @property
    def drift_level(self) -> str | None:
        level = self.drift_summary.get("level")
        return None if level is None else str(level)

    @property
    def drift_text(self) -> str:
        return str(self.drift_summary.get("text") or "")

    @property
    def compared(self) -> bool:
        """Whether the run compared the champion and the challenger on any property."""
        return any(n in self.metrics for n in PROPERTY_NAMES)

    @property
    def comparison_complete(self) -> bool:
        """Whether the record compared some property with both data sets as this app records them
        (``lab`` / ``feedback`` / ``learnt`` / ``checks`` per property)."""
        props = [n for n in PROPERTY_NAMES if isinstance(self.metrics.get(n), Mapping)]
        return bool(props) and all(isinstance(self.metrics[n].get("lab"), Mapping) for n in props)

    def comparisons(self) -> list[PropertyComparison]:
        """Champion against challenger per property, in :data:`PROPERTY_NAMES` order (the properties
        the record compared)."""
        return [
            PropertyComparison.from_dict(n, self.metrics[n])
            for n in PROPERTY_NAMES
            if isinstance(self.metrics.get(n), Mapping)
        ]

    def checks(self) -> list[tuple[bool, str]]:
        """The promotion checks of the run, in order: (passed, text)."""
        return [(c.passed, c.text) for p in self.comparisons() for c in p.checks]

    def drift_features(self) -> list[DriftFeature]:
        """The drift report per feature (also from records that kept it as a flat {feature: {...}})."""
        d = self.drift
        raw = d.get("features")
        feats: Mapping = (
            raw
            if isinstance(raw, Mapping)
            else {k: v for k, v in d.items() if k != "summary" and isinstance(v, Mapping)}
        )
        return [
            DriftFeature(
                key=str(name),
                label=str(f.get("label") or name),
                psi=finite_float(f.get("psi")),
                ks=finite_float(_first(f, "ks", "ks_stat", "ks_statistic")),
                ks_pvalue=finite_float(_first(f, "ks_pvalue", "ks_p", "p_value")),
                flag=_flag_text(f.get("flag")),
                train_mean=finite_float(f.get("train_mean")),
                new_mean=finite_float(f.get("new_mean")),
            )
            for name, f in feats.items()
            if isinstance(f, Mapping)
        ]


def read_runs(folder: Path) -> list[RunRecord]:
    """Every run recorded in ``folder``, newest first; an unreadable file is listed as
    :meth:`RunRecord.unreadable`."""
    out = []
    for p in sorted(folder.glob("run-*.json")):
        try:
            out.append(RunRecord.load(p))
        except (OSError, ValueError):
            out.append(RunRecord.unreadable(p))
    out.sort(key=lambda r: (r.finished_at or "", r.run_id), reverse=True)
    return out


def record_problems(record: Any) -> list[str]:
    """Why a run record's JSON form is not a complete, valid record (empty when it is)."""
    if isinstance(record, RunRecord):
        record = record.to_dict()
    if not isinstance(record, dict):
        return ["the record is not a JSON object"]
    out = []
    for key, typ in REQUIRED_KEYS.items():
        if key not in record:
            out.append(f"{key} is missing")
        elif not isinstance(record[key], typ) or isinstance(record[key], bool):
            out.append(f"{key} has the wrong type")
    if out:
        return out
    if record["format"] != RUN_FORMAT or record["format_version"] > RUN_FORMAT_VERSION:
        out.append("it is not a retraining record this app understands")
    if record["verdict"] not in VERDICTS:
        out.append(f"verdict {record['verdict']!r} is not one of {', '.join(VERDICTS)}")
    if not RUN_ID.match(record["run_id"]):
        out.append("run_id is malformed")
    if not record["reason"].strip():
        out.append("reason is empty")
    for key in ARTIFACT_KEYS:
        if key not in record["artifacts"]:
            out.append(f"artifacts.{key} is missing")
    if record["verdict"] in (Verdict.PROMOTED, Verdict.REJECTED):
        out += _comparison_problems(record)
    return out


def _comparison_problems(record: dict) -> list[str]:
    out = []
    for name in PROPERTY_NAMES:
        m = record["metrics"].get(name)
        if not isinstance(m, dict) or not {"lab", "feedback", "checks", "passed"} <= set(m):
            out.append(f"metrics.{name} is missing or incomplete")
    if not record["challenger"] or not record["artifacts"].get("challenger_manifest_sha256"):
        out.append("the challenger and its manifest sha256 are missing")
    feats = record["drift"].get("features")
    if (
        not isinstance(feats, dict)
        or not feats
        or not all({"psi", "ks", "ks_pvalue", "flag"} <= set(v) for v in feats.values())
    ):
        out.append("drift per feature (psi, ks, ks_pvalue, flag) is missing")
    if "summary" not in record["drift"]:
        out.append("drift.summary is missing")
    return out
