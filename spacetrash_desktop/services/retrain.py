"""Retraining from crew feedback: the service behind ``spacetrash retrain`` and the Model panel's
Retrain button. No Qt. The whole procedure, the feedback-to-target mapping and the promotion rule
are explained in ``docs/RETRAINING.md``; in short:

1. **Read** the feedback: the journal (``use_journal``) and/or trainer export files
   (``feedback_files``: folders, ``manifest.json`` files or the Parquet files of
   ``spacetrash feedback export``), each verified against its manifest (size, sha256, schema, every
   row) before any row is used - a file that fails is refused with :class:`BadInputError` and
   nothing runs. Rows are de-duplicated by ``row_id``.
2. **Map** each row to supervised targets (:func:`ml.virtual_lab.records_from_feedback` and
   :func:`ml.virtual_lab.rows_from_records`): each reported quantity is a label of its own property
   only; judged rigidity/tightness count at half weight, only where the recipe has no measured
   value, and never for intervals or the promotion check; pass/fail, notes and product mass are
   metadata. The recipe is re-scored with the current catalog and physics; rows whose items or
   process no longer exist are skipped and counted with the reason.
3. **Split** the usable rows by recipe id (the same recipe never on both sides): 25% of the
   recipes are held out for the comparison, the rest train the challenger.
4. **Drift**: PSI and KS per feature between the virtual-lab training table and the feedback rows
   (:mod:`ml.drift`); recorded, not a gate.
5. **Train** the challenger: the virtual lab (same configuration and seed as the champion unless
   told otherwise) + the training feedback rows (:func:`ml.train.train_bundle`).
6. **Compare** champion and challenger on (a) fresh virtual-lab trials from a seed neither was
   trained on, outside the reach of the challenger's feedback corrections, and (b) the held-out
   feedback; promote only when the challenger is no worse on every property's error and on
   interval coverage (:data:`RULES`) and learnt something; otherwise it stays installed as a
   rejected candidate with the reason.
7. **Record** the run as JSON in ``storage.paths.runs_dir()/<run_id>.json`` (atomic write).

Cancelling (``ctx.cancel()``) stops the run within about a second wherever it is: nothing is
installed or activated, the run is recorded with verdict "failed" and reason "Cancelled.", and
:class:`engine.context.Cancelled` is raised (the window handles it quietly). Any other failure
while training returns a recorded run with verdict "failed" and the reason; a refused feedback file
raises :class:`BadInputError` before anything runs (and nothing is recorded).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import platform
import re
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from spacetrash_desktop._version import __version__
from spacetrash_desktop.context import Cancelled, NullContext, RunContext
from spacetrash_desktop.domain import PROPERTY_NAMES, PROPERTY_UNITS
from spacetrash_desktop.errors import BadInputError, ModelError, SpaceTrashError, StorageError

if TYPE_CHECKING:  # pragma: no cover
    from spacetrash_desktop.ml.train import TrainConfig
    from spacetrash_desktop.ml.virtual_lab import LabRows

log = logging.getLogger(__name__)

RUN_FORMAT = "spacetrash-retrain-run"
RUN_FORMAT_VERSION = 1
VERDICTS = ("promoted", "rejected", "no_data", "failed")
HOLDOUT_SHARE = 0.25  # of the recipes (not rows) with usable feedback
MIN_RECIPES_FOR_HOLDOUT = 4
LAB_EVAL_SEED_BASE = 1_000_003  # fresh virtual-lab trials for the comparison: seed LAB_EVAL_SEED_BASE + seed
RULES = {
    "feedback_min_rows": 10,  # held-out measured rows a property needs before its feedback check applies
    "feedback_mae": "challenger MAE <= champion MAE on the held-out feedback (no tolerance)",
    "lab_mae_tolerance": 0.02,  # relative: challenger MAE <= champion MAE x 1.02 on the virtual-lab trials
    "lab_min_rows": 100,
    "coverage_floor": 0.93,  # challenger coverage >= min(champion coverage, 0.93)
    "feedback_coverage_slack": "one row: 1/n of the held-out rows",
}
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

_running = threading.Lock()


@dataclass
class RetrainRun:
    """The outcome of one retraining run (also written to ``record_path`` with more detail)."""

    run_id: str  # e.g. "run-20261125T131500Z-3f9a"
    verdict: str  # "promoted" | "rejected" | "no_data" | "failed"
    reason: str  # one or two plain sentences a trainer understands
    champion: dict  # ModelInfo.to_dict() of the model active before the run
    challenger: dict | None  # name, version, manifest_sha256, folder, status ("active" | "candidate")
    metrics: dict  # per property name: champion vs challenger on the lab trials and the held-out feedback
    drift: dict  # {"features": {column: {psi, ks, ks_pvalue, flag, ...}}, "summary": {"level", ...}}
    data: dict  # feedback rows total/usable/measured/judged/skipped, by property, recipes, training rows
    record_path: str  # runs_dir()/<run_id>.json ("" if it could not be written)

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


class _Scaled(RunContext):
    """Maps a sub-task's progress (0-100 of its own) into [lo, hi] of the run; cancel is the run's."""

    def __init__(self, outer: RunContext, lo: float, hi: float):
        super().__init__()
        self.outer, self.lo, self.hi = outer, lo, hi

    def progress(self, done, total, message=""):
        frac = min(max(done / max(total, 1), 0.0), 1.0)
        self.outer.progress(int(self.lo + (self.hi - self.lo) * frac), 100, message)

    def check_cancelled(self) -> None:
        self.outer.check_cancelled()

    @property
    def cancelled(self) -> bool:
        return self.outer.cancelled


class _Stop(Exception):
    """Ends the run early with a verdict (no_data / rejected) that is not an error."""

    def __init__(self, verdict: str, reason: str):
        super().__init__(reason)
        self.verdict, self.reason = verdict, reason


# ------------------------------------------------------------------------------------ the run


def retrain(
    ctx: RunContext | None = None,
    *,
    feedback_files: Sequence[Path | str] = (),
    use_journal: bool = True,
    seed: int = 0,
    config: TrainConfig | None = None,
    promote: bool = True,
) -> RetrainRun:
    """Retrain from crew feedback and promote the challenger only if it is no worse (see the module
    doc). ``config=None`` takes the champion's training configuration (so both share the same
    virtual-lab stage and the comparison isolates what the feedback taught), or the full default.
    Returns the recorded run; raises :class:`BadInputError` for a refused feedback file,
    :class:`Cancelled` when cancelled (after recording it), :class:`ModelError` when another run is
    in progress."""
    ctx = ctx or NullContext()
    if not _running.acquire(blocking=False):
        raise ModelError("A retraining run is already in progress; wait for it to finish.")
    try:
        return _Run(ctx, list(feedback_files), use_journal, int(seed), config, promote).execute()
    finally:
        _running.release()


class _Run:
    def __init__(self, ctx, feedback_files, use_journal, seed, config, promote):
        self.ctx = ctx
        self.feedback_files = [Path(p) for p in feedback_files]
        self.use_journal = bool(use_journal)
        self.seed = seed
        self.config = config
        self.promote = bool(promote)
        now = datetime.now(UTC)
        self.started = now
        self.t0 = time.monotonic()
        self.run_id = f"run-{now.strftime('%Y%m%dT%H%M%SZ')}-{uuid.uuid4().hex[:4]}"
        self.champion: dict = {}
        self.challenger: dict | None = None
        self.metrics: dict = {}
        self.drift: dict = {}
        self.data: dict = {}
        self.artifacts: dict = {
            "champion_manifest_sha256": "",
            "challenger_manifest_sha256": "",
            "feedback_files": [],
            "journal_row_ids": [],
            "file_row_ids": [],
        }
        self.settings: dict = {
            "seed": seed,
            "promote": self.promote,
            "use_journal": self.use_journal,
            "feedback_files": [str(p) for p in self.feedback_files],
            "rules": RULES,
        }
        self.timings: dict = {}
        self.work: Path | None = None

    # -------------------------------------------------------------------------------- driver
    def execute(self) -> RetrainRun:
        if not self.use_journal and not self.feedback_files:
            raise BadInputError("Nothing to retrain from: give feedback export files or use the journal.")
        self.ctx.progress(0, 100, "reading the feedback")
        file_rows = self._read_files()  # refuses tampered files before anything else happens
        try:
            verdict, reason = self._run(file_rows)
        except _Stop as stop:
            verdict, reason = stop.verdict, stop.reason
        except Cancelled:
            self._finish("failed", "Cancelled.", quiet=True)
            raise
        except SpaceTrashError as exc:
            log.warning("retraining failed: %s (%s)", exc.message, exc.details)
            verdict, reason = "failed", f"Retraining failed: {_lower(exc.message)}"
        except Exception:  # a bug: the trainer gets one sentence, the log the traceback
            log.exception("retraining failed")
            verdict, reason = "failed", "Retraining failed because of an unexpected error; details are in the log."
        finally:
            if self.work is not None:
                shutil.rmtree(self.work, ignore_errors=True)
        return self._finish(verdict, reason)

    def _run(self, file_rows: list[dict]) -> tuple[str, str]:
        from spacetrash_desktop.catalog import load_catalog
        from spacetrash_desktop.ml import registry
        from spacetrash_desktop.ml.virtual_lab import make_lab_rows

        ctx = self.ctx
        catalog = load_catalog()
        # ---- the champion (the model active now)
        registry.ensure_installed()
        info = registry.registry_status()
        self.champion = info.to_dict()
        self.artifacts["champion_manifest_sha256"] = info.manifest_sha256

        # ---- feedback -> labelled rows
        ctx.check_cancelled()
        journal_rows = self._read_journal()
        rows = self._dedupe(journal_rows, file_rows)
        ctx.progress(3, 100, f"mapping {len(rows):,} feedback row(s) to training labels")
        fb, recipe_of = self._map(rows, catalog)
        if fb is None:
            raise _Stop("no_data", self._no_data_reason())
        train_fb, hold_fb = self._split(fb, recipe_of)
        ctx.check_cancelled()
        champ_model, champ_meta = self._load_champion(info)
        cfg, source = self._config(champ_meta)
        self.settings["config"] = _jsonable(asdict(cfg))
        self.settings["config_source"] = source

        # ---- the training table and drift
        ctx.progress(5, 100, "simulating trials in the virtual lab")
        t = time.monotonic()
        lab = make_lab_rows(catalog, cfg.n_rows, self.seed, ctx=ctx, progress_share=(5, 18))
        self.timings["virtual_lab_s"] = round(time.monotonic() - t, 2)
        ctx.check_cancelled()
        ctx.progress(18, 100, "measuring drift between the training data and the feedback")
        self.drift = _drift(lab, fb, catalog)
        self.data["training_rows"] = {"virtual_lab": len(lab), "feedback": len(train_fb) if train_fb else 0}

        # ---- the challenger
        path = self._train(cfg, lab, train_fb, catalog, info)
        contents, challenger = self._load_challenger(path)
        self.artifacts["challenger_manifest_sha256"] = contents.manifest_sha256
        self.artifacts["training_table_sha256"] = contents.manifest.get("trained_on", {}).get("table_sha256", "")
        self.challenger = {
            "name": contents.name,
            "version": contents.version,
            "manifest_sha256": contents.manifest_sha256,
            "folder": "",
            "status": "not installed",
            "trained_on": contents.manifest.get("trained_on", {}).get("rows", {}),
        }
        report = contents.manifest.get("metrics", {}).get("feedback_correction", {})
        intervals = contents.manifest.get("metrics", {}).get("intervals", {})

        # ---- the comparison
        ctx.progress(82, 100, "comparing the challenger with the active model")
        t = time.monotonic()
        eval_seed = LAB_EVAL_SEED_BASE + self.seed
        if champ_meta.get("seed") == eval_seed:
            eval_seed += 1
        n_eval = int(min(4000, max(2000, cfg.n_rows // 6)))
        lab_eval = make_lab_rows(catalog, n_eval, eval_seed, ctx=_Scaled(ctx, 82, 86))
        ctx.check_cancelled()
        self.metrics = _compare(champ_model, challenger, lab_eval, hold_fb, report, intervals, catalog)
        self.metrics["evaluation"] = {
            "lab_rows": len(lab_eval),
            "lab_seed": eval_seed,
            "held_out_feedback_rows": len(hold_fb) if hold_fb else 0,
            "rules": RULES,
        }
        self.timings["compare_s"] = round(time.monotonic() - t, 2)
        ctx.check_cancelled()

        # ---- the verdict, the candidate, the promotion
        ok, reason = _decide(self.metrics, self.data)
        if ok and not self.promote:
            ok, reason = (
                False,
                (
                    "It passed every check, but promotion was turned off for this run; it is kept as "
                    "a candidate and the active model stays."
                ),
            )
        ctx.progress(94, 100, "installing the challenger")
        ctx.check_cancelled()  # the last point where a cancel leaves everything as it was
        folder = registry.install_candidate(path, reason=reason, run_id=self.run_id)
        self.challenger.update({"folder": folder, "status": "candidate"})
        if ok:
            ptr = registry.read_pointer()
            now_active = (ptr or {}).get("manifest_sha256", "")
            if now_active != info.manifest_sha256:
                return "rejected", (
                    "The active model changed while retraining ran, so the challenger was compared "
                    "with a model that is no longer active; it is kept as a candidate."
                )
            registry.activate_installed(folder)
            self.challenger["status"] = "active"
            return "promoted", reason
        return "rejected", reason

    # -------------------------------------------------------------------------------- steps
    def _read_files(self) -> list[dict]:
        """Rows of the trainer export files, each file verified first; any refusal stops the run."""
        if not self.feedback_files:
            return []
        from spacetrash_desktop.storage import feedback_exchange as fx

        refused, rows = [], []
        for path, entry, reason in fx._collect(self.feedback_files):
            if reason or entry is None:
                refused.append(f"{path.name}: {reason or 'it has no manifest entry'}")
                continue
            try:
                file_rows = fx.verify_export_file(path, entry)
            except fx._Refused as exc:
                refused.append(f"{path.name}: {exc.reason}")
                continue
            self.artifacts["feedback_files"].append(
                {"name": path.name, "sha256": entry["sha256"], "rows": len(file_rows), "origin": entry.get("origin")}
            )
            rows.extend(file_rows)
        if refused:
            more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
            raise BadInputError(
                f"The feedback file {refused[0]}{more}. Nothing was retrained; export the feedback "
                "again or remove that file.",
                details="; ".join(refused),
            )
        if not self.artifacts["feedback_files"]:
            raise BadInputError(
                "No feedback export file was found in what was given (expected a folder with "
                "manifest.json, a manifest.json or an exported .parquet file)."
            )
        return rows

    def _read_journal(self) -> list[dict]:
        if not self.use_journal:
            return []
        from spacetrash_desktop.services.feedback import journal

        j = journal()
        table = j.table()
        if j.damaged:
            self.data["journal_damaged_files"] = len(j.damaged)
        return table.to_pylist()

    def _dedupe(self, journal_rows: list[dict], file_rows: list[dict]) -> list[dict]:
        seen: set[str] = set()
        out, dups = [], 0
        for src, rows in (("journal", journal_rows), ("file", file_rows)):
            for r in rows:
                rid = str(r.get("row_id") or "")
                if rid in seen:
                    dups += 1
                    continue
                seen.add(rid)
                out.append(r)
                self.artifacts["journal_row_ids" if src == "journal" else "file_row_ids"].append(rid)
        self.data.update(
            {
                "feedback_total": len(out),
                "from_journal": len(self.artifacts["journal_row_ids"]),
                "from_files": len(self.artifacts["file_row_ids"]),
                "duplicates": dups,
            }
        )
        return out

    def _map(self, rows: list[dict], catalog) -> tuple[LabRows | None, dict[str, str]]:
        from spacetrash_desktop.ml.virtual_lab import JUDGED_WEIGHT, records_from_feedback, rows_from_records

        skipped: list[dict] = []
        records = records_from_feedback(rows, accept_judged=True, skipped=skipped)
        fb, _problems = rows_from_records(
            records, _items(catalog), catalog, judged_weight=JUDGED_WEIGHT, skipped=skipped
        )
        self.ctx.check_cancelled()
        recipe_of = {str(r["row_id"]): str(r.get("recipe_id") or "") for r in records}
        passed = {str(r["row_id"]): r.get("passed") for r in records}
        by_reason: dict[str, int] = {}
        for s in skipped:
            key = re.sub(r"'[^']*'", "'...'", s["reason"])  # "unknown item 'W042'" -> one bucket
            by_reason[key] = by_reason.get(key, 0) + 1
        usable = 0 if fb is None else len(fb)
        by_prop = {}
        if fb is not None:
            has = np.isfinite(fb.y)
            for k, name in enumerate(PROPERTY_NAMES):
                by_prop[name] = {
                    "measured": int((has[:, k] & (fb.weight[:, k] >= 1)).sum()),
                    "judged": int((has[:, k] & (fb.weight[:, k] > 0) & (fb.weight[:, k] < 1)).sum()),
                }
        used_ids = [] if fb is None else [str(s) for s in fb.source]
        pv = [passed.get(i) for i in used_ids]
        self.data.update(
            {
                "feedback_usable": usable,
                "feedback_measured": 0 if fb is None else int(((fb.weight >= 1) & np.isfinite(fb.y)).any(axis=1).sum()),
                "feedback_judged": 0
                if fb is None
                else int(((fb.weight > 0) & (fb.weight < 1) & np.isfinite(fb.y)).any(axis=1).sum()),
                "feedback_skipped": len(skipped),
                "skipped_by_reason": by_reason,
                "skipped_rows": skipped[:200],
                "by_property": by_prop,
                "passed": {
                    "yes": sum(1 for v in pv if v is True),
                    "no": sum(1 for v in pv if v is False),
                    "not_said": sum(1 for v in pv if v is None),
                },
                "mapping": (
                    "each reported quantity is a label of its own property only; judged rigidity/tightness "
                    "count at half weight where no measured value exists; pass/fail, notes and product mass "
                    "are metadata"
                ),
            }
        )
        return fb, recipe_of

    def _no_data_reason(self) -> str:
        total = self.data.get("feedback_total", 0)
        if total == 0:
            where = "the feedback journal is empty" if self.use_journal else "the files hold no rows"
            if self.use_journal and self.feedback_files:
                where = "neither the journal nor the files hold any row"
            return f"No feedback to learn from: {where}. Nothing was trained."
        top = sorted(self.data.get("skipped_by_reason", {}).items(), key=lambda kv: -kv[1])
        why = f" (most often: {top[0][0]})" if top else ""
        return (
            f"None of the {total} feedback row(s) can be used for training{why}. Nothing was trained; "
            "pass/fail and notes alone are not training labels."
        )

    def _split(self, fb: LabRows, recipe_of: dict[str, str]) -> tuple[LabRows | None, LabRows | None]:
        """Hold out HOLDOUT_SHARE of the recipes (by a seeded hash of the recipe id)."""
        recipes = np.array([recipe_of.get(str(s), str(s)) for s in fb.source], object)
        uniq = sorted(set(recipes.tolist()))
        n_hold = int(round(HOLDOUT_SHARE * len(uniq))) if len(uniq) >= MIN_RECIPES_FOR_HOLDOUT else 0
        order = sorted(uniq, key=lambda r: hashlib.sha256(f"{self.seed}|{r}".encode()).hexdigest())
        held = set(order[:n_hold])
        mask = np.array([r in held for r in recipes], bool)
        train = fb.take(~mask) if (~mask).any() else None
        hold = fb.take(mask) if mask.any() else None
        self.data["recipes"] = {"total": len(uniq), "train": len(uniq) - n_hold, "held_out": n_hold}
        for k, name in enumerate(PROPERTY_NAMES):
            p = self.data["by_property"][name]
            p["train"] = 0 if train is None else int((np.isfinite(train.y[:, k]) & (train.weight[:, k] > 0)).sum())
            p["held_out_measured"] = (
                0 if hold is None else int((np.isfinite(hold.y[:, k]) & (hold.weight[:, k] >= 1)).sum())
            )
        self.artifacts["row_ids_used"] = {
            "train": [] if train is None else [str(s) for s in train.source],
            "held_out": [] if hold is None else [str(s) for s in hold.source],
        }
        if n_hold == 0:
            self.data["holdout_note"] = (
                f"fewer than {MIN_RECIPES_FOR_HOLDOUT} different recipes: none held out, "
                "so the comparison uses the virtual-lab trials only"
            )
        if train is None:
            raise _Stop(
                "no_data",
                "Every usable feedback row was needed for the held-out comparison; nothing was left to train on.",
            )
        return train, hold

    def _config(self, champ_meta: dict) -> tuple[TrainConfig, str]:
        from spacetrash_desktop.ml.train import TrainConfig

        if self.config is not None:
            return self.config, "given"
        cfg = champ_meta.get("config")
        if isinstance(cfg, dict):
            try:
                kw = {k: (tuple(v) if isinstance(v, list) else v) for k, v in cfg.items()}
                return TrainConfig(**kw), "champion"
            except TypeError:
                pass
        return TrainConfig(), "default"

    def _load_champion(self, info) -> tuple[_Model, dict]:
        from spacetrash_desktop.ml import registry
        from spacetrash_desktop.ml.bundle import load_ensemble, read_bundle
        from spacetrash_desktop.storage.paths import models_dir

        if info.status == registry.READY:
            ptr = registry.read_pointer()
            if ptr is not None:
                contents, problems = read_bundle(models_dir() / ptr["active"])
                if contents is not None and contents.manifest_sha256 == info.manifest_sha256:
                    return _Model(load_ensemble(contents, nthread=_threads())), contents.metadata()
                raise ModelError(
                    "The active model could not be read for the comparison"
                    + (f" ({problems[0]})" if problems else "")
                    + "."
                )
        return _Model(None), {}

    def _train(self, cfg, lab, train_fb, catalog, info) -> Path:
        from spacetrash_desktop.ml.bundle import SAFE_NAME, SAFE_VERSION
        from spacetrash_desktop.ml.train import DEFAULT_NAME, DEFAULT_VERSION, train_bundle
        from spacetrash_desktop.storage.paths import models_dir

        name = info.name if info.name and SAFE_NAME.match(info.name) and info.name != "physics" else DEFAULT_NAME
        base = (info.version or "").split("+")[0]
        base = base if base and SAFE_VERSION.match(base) else DEFAULT_VERSION
        version = f"{base}+fb.{self.run_id[4:]}"
        try:
            self.work = Path(tempfile.mkdtemp(prefix=".staging-retrain-", dir=models_dir()))
        except OSError as exc:
            from spacetrash_desktop.errors import storage_error_from_os

            raise storage_error_from_os(exc, "the retrained model") from exc
        t = time.monotonic()
        try:
            path = train_bundle(
                self.work / "bundle",
                _Scaled(self.ctx, 20, 80),
                self.seed,
                train_fb,
                config=cfg,
                name=name,
                version=version,
                catalog=catalog,
                lab_rows=lab,
            )
        except OSError as exc:
            from spacetrash_desktop.errors import storage_error_from_os

            raise storage_error_from_os(exc, "the retrained model") from exc
        self.timings["train_s"] = round(time.monotonic() - t, 2)
        return path

    def _load_challenger(self, path: Path):
        from spacetrash_desktop.ml.bundle import load_bundle

        contents, ens = load_bundle(path, nthread=_threads())
        return contents, _Model(ens)

    # -------------------------------------------------------------------------------- record
    def _finish(self, verdict: str, reason: str, quiet: bool = False) -> RetrainRun:
        from spacetrash_desktop.ml.bundle import library_versions
        from spacetrash_desktop.ml.features import FEATURE_VERSION
        from spacetrash_desktop.storage.atomic import atomic_write_json
        from spacetrash_desktop.storage.feedback_schema import SCHEMA_VERSION
        from spacetrash_desktop.storage.paths import runs_dir

        finished = datetime.now(UTC)
        self.timings["total_s"] = round(time.monotonic() - self.t0, 2)
        if not self.champion:
            try:
                from spacetrash_desktop.ml import registry

                self.champion = registry.registry_status().to_dict()
                self.artifacts["champion_manifest_sha256"] = self.champion.get("manifest_sha256", "")
            except Exception:  # pragma: no cover - registry_status never raises
                self.champion = {}
        if self.challenger is not None and self.challenger.get("status") == "not installed":
            self.challenger["status"] = "discarded"  # trained, but the run ended before it was kept
        record = {
            "format": RUN_FORMAT,
            "format_version": RUN_FORMAT_VERSION,
            "run_id": self.run_id,
            "started_at": _iso(self.started),
            "finished_at": _iso(finished),
            "verdict": verdict,
            "reason": reason,
            "champion": self.champion,
            "challenger": self.challenger,
            "data": self.data,
            "drift": self.drift,
            "metrics": self.metrics,
            "artifacts": self.artifacts,
            "versions": {
                "app": __version__,
                "feature_version": FEATURE_VERSION,
                "feedback_schema_version": SCHEMA_VERSION,
                "libraries": library_versions(),
                "platform": platform.platform(),
            },
            "settings": self.settings,
            "timings": self.timings,
        }
        record = _jsonable(record)
        path = ""
        try:
            target = runs_dir() / f"{self.run_id}.json"
            atomic_write_json(target, record, what="the retraining record")
            path = str(target)
        except (StorageError, OSError) as exc:
            log.error("retraining record %s not saved: %r", self.run_id, exc)
            if not quiet:
                reason = f"{reason} (The record of this run could not be saved: {getattr(exc, 'message', exc)})"
        log.info("retraining %s: %s - %s", self.run_id, verdict, reason)
        self.ctx.progress(100, 100, f"retraining finished: {verdict}")
        return RetrainRun(
            run_id=self.run_id,
            verdict=verdict,
            reason=reason,
            champion=self.champion,
            challenger=self.challenger,
            metrics=record["metrics"],
            drift=record["drift"],
            data=record["data"],
            record_path=path,
        )


# ------------------------------------------------------------------------------------ models


@dataclass
class _Model:
    """The champion or the challenger: a loaded ensemble, or the physics model (``ens`` None) with
    its assumed 95% band when no trained model was active."""

    ens: Any = None
    _var: dict = field(default_factory=dict)

    def predict(self, rows: LabRows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        from spacetrash_desktop.ml.virtual_lab import align_rows

        procs = [str(p) for p in rows.process_id]
        if self.ens is None:
            return _physics_band(rows, procs)
        ens = self.ens
        X = rows.X if rows.schema.columns == ens.schema.columns else align_rows(rows, ens.schema).X
        pred = ens.predict(X, rows.phys, zero=ens.zero_mask(procs), flagged=rows.flags, q=ens.q_matrix(procs))
        return pred.props, pred.lo, pred.hi


def _physics_band(rows: LabRows, procs: list[str]):
    from types import SimpleNamespace

    from spacetrash_desktop.catalog import load_catalog
    from spacetrash_desktop.engine.scorer import DEFAULT_VARIABILITY, load_variability, physics_band
    from spacetrash_desktop.engine.tables import compile_tables

    t = compile_tables(load_catalog(), [])
    var = load_variability(t)
    pos = {p: i for i, p in enumerate(t.process_ids)}
    var = np.vstack([var, np.array(DEFAULT_VARIABILITY)[None, :]])
    idx = np.array([pos.get(p, len(pos)) for p in procs], np.intp)
    props = np.array(rows.phys, float)
    lo, hi = physics_band(t, SimpleNamespace(proc=idx), props, var)
    return props, lo, hi


def _threads() -> int:
    import os

    return max(1, min(2, os.cpu_count() or 1))


# ------------------------------------------------------------------------------------ comparison


def _errors(model: _Model, rows: LabRows) -> tuple[np.ndarray, np.ndarray]:
    """(|error| [N,5], inside the 95% interval [N,5]) of a model on labelled rows."""
    props, lo, hi = model.predict(rows)
    y = rows.y
    with np.errstate(invalid="ignore"):
        err = np.abs(props - y)
        inside = (lo <= y) & (y <= hi)
    return err, inside


def _summ(err: np.ndarray, inside: np.ndarray, sel: np.ndarray) -> tuple[float | None, float | None]:
    if not sel.any():
        return None, None
    return _r(float(err[sel].mean())), _r(float(inside[sel].mean()), 4)


def _compare(
    champ: _Model, chall: _Model, lab: LabRows, hold: LabRows | None, report: dict, intervals: dict, catalog
) -> dict:
    """Per property: errors and coverage of both models on the virtual-lab trials (all of them, and
    those outside the reach of the challenger's feedback corrections, which the gate uses) and on
    the held-out feedback (measured values; judged ones shown apart), with the checks."""
    ce_l, ci_l = _errors(champ, lab)
    xe_l, xi_l = _errors(chall, lab)
    phys_l = np.abs(lab.phys - lab.y)
    if hold is not None:
        ce_h, ci_h = _errors(champ, hold)
        xe_h, xi_h = _errors(chall, hold)
        phys_h = np.abs(hold.phys - hold.y)
    procs = lab.process_id.astype(str)
    by_prop = report.get("by_property", {}) if isinstance(report, dict) else {}
    out: dict = {}
    for k, name in enumerate(PROPERTY_NAMES):
        rep = by_prop.get(name, {})
        used = bool(rep.get("used"))
        reach = rep.get("reach") if used else None
        ok_l = np.isfinite(lab.y[:, k])
        if reach == "global":
            gate = np.zeros(len(lab), bool)
        elif reach == "local":
            gate = ok_l & ~np.isin(procs, list(rep.get("processes", [])))
        else:
            gate = ok_l
        lab_m = {"rows": int(ok_l.sum()), "mae_physics": _r(float(phys_l[ok_l, k].mean())) if ok_l.any() else None}
        lab_m["mae_champion"], lab_m["coverage_champion"] = _summ(ce_l[:, k], ci_l[:, k], ok_l)
        lab_m["mae_challenger"], lab_m["coverage_challenger"] = _summ(xe_l[:, k], xi_l[:, k], ok_l)
        lab_m["gate_rows"] = int(gate.sum())
        lab_m["gate_mae_champion"], lab_m["gate_coverage_champion"] = _summ(ce_l[:, k], ci_l[:, k], gate)
        lab_m["gate_mae_challenger"], lab_m["gate_coverage_challenger"] = _summ(xe_l[:, k], xi_l[:, k], gate)
        fb_m: dict = {"rows": 0}
        if hold is not None:
            has = np.isfinite(hold.y[:, k])
            meas = has & (hold.weight[:, k] >= 1)
            judged = has & (hold.weight[:, k] > 0) & (hold.weight[:, k] < 1)
            fb_m = {"rows": int(meas.sum()), "mae_physics": _r(float(phys_h[meas, k].mean())) if meas.any() else None}
            fb_m["mae_champion"], fb_m["coverage_champion"] = _summ(ce_h[:, k], ci_h[:, k], meas)
            fb_m["mae_challenger"], fb_m["coverage_challenger"] = _summ(xe_h[:, k], xi_h[:, k], meas)
            fb_m["judged_rows"] = int(judged.sum())
            if judged.any():
                fb_m["judged_mae_champion"] = _r(float(ce_h[judged, k].mean()))
                fb_m["judged_mae_challenger"] = _r(float(xe_h[judged, k].mean()))
        learnt = {
            "correction": used,
            "reach": reach,
            "processes": list(rep.get("processes", [])),
            "training_rows": rep.get("rows", 0),
            "calibrated_on": (intervals.get("calibrated_on") or {}).get(name),
            "why": rep.get("reason") or (rep.get("reach_check") or {}).get("why_local"),
        }
        checks = _checks(name, lab_m, fb_m)
        out[name] = {
            "unit": PROPERTY_UNITS[name],
            "lab": lab_m,
            "feedback": fb_m,
            "learnt": learnt,
            "checks": checks,
            "passed": all(c["passed"] for c in checks),
        }
    return out


def _checks(name: str, lab: dict, fb: dict) -> list[dict]:
    out = []
    unit = PROPERTY_UNITS[name]
    if fb.get("rows", 0) >= RULES["feedback_min_rows"] and fb.get("mae_champion") is not None:
        a, b = fb["mae_champion"], fb["mae_challenger"]
        out.append(
            {
                "check": "error on held-out feedback",
                "passed": bool(b <= a * (1 + 1e-9) + 1e-12),
                "champion": a,
                "challenger": b,
                "rows": fb["rows"],
                "text": f"{name} error on {fb['rows']} held-out feedback rows: {_f(b)} {unit} vs {_f(a)} {unit}",
            }
        )
        floor = min(fb["coverage_champion"], RULES["coverage_floor"]) - 1.0 / fb["rows"]
        out.append(
            {
                "check": "coverage on held-out feedback",
                "passed": bool(fb["coverage_challenger"] >= floor - 1e-12),
                "champion": fb["coverage_champion"],
                "challenger": fb["coverage_challenger"],
                "rows": fb["rows"],
                "text": f"{name} interval coverage on held-out feedback: {fb['coverage_challenger']:.0%} vs "
                f"{fb['coverage_champion']:.0%}",
            }
        )
    if lab.get("gate_rows", 0) >= RULES["lab_min_rows"] and lab.get("gate_mae_champion") is not None:
        a, b = lab["gate_mae_champion"], lab["gate_mae_challenger"]
        out.append(
            {
                "check": "error on virtual-lab trials",
                "champion": a,
                "challenger": b,
                "rows": lab["gate_rows"],
                "passed": bool(b <= a * (1 + RULES["lab_mae_tolerance"]) + 1e-12),
                "text": f"{name} error on {lab['gate_rows']:,} virtual-lab trials away from the feedback: "
                f"{_f(b)} {unit} vs {_f(a)} {unit}",
            }
        )
        floor = min(lab["gate_coverage_champion"], RULES["coverage_floor"])
        out.append(
            {
                "check": "coverage on virtual-lab trials",
                "champion": lab["gate_coverage_champion"],
                "challenger": lab["gate_coverage_challenger"],
                "rows": lab["gate_rows"],
                "passed": bool(lab["gate_coverage_challenger"] >= floor - 1e-12),
                "text": f"{name} interval coverage on virtual-lab trials: {lab['gate_coverage_challenger']:.0%} "
                f"vs {lab['gate_coverage_champion']:.0%}",
            }
        )
    return out


def _decide(metrics: dict, data: dict) -> tuple[bool, str]:
    """(promote?, reason). Promote when every check of every property passed and the challenger
    learnt something from the feedback (a correction or a recalibration)."""
    failed = [c for name in PROPERTY_NAMES for c in metrics[name]["checks"] if not c["passed"]]
    if failed:
        first = failed[0]["text"]
        more = f" ({len(failed) - 1} other check(s) failed too)" if len(failed) > 1 else ""
        return False, (
            f"Not promoted: it is worse than the active model on {first}{more}. The active model stays; "
            "the challenger is kept as a rejected candidate."
        )
    learnt = [
        n
        for n in PROPERTY_NAMES
        if metrics[n]["learnt"]["correction"] or metrics[n]["learnt"]["calibrated_on"] == "crew_feedback"
    ]
    if not learnt:
        return False, (
            "Not promoted: the feedback was not enough to teach the model anything yet (a property needs "
            "at least 20 usable rows in the training part). The active model stays."
        )
    best = None
    for n in learnt:
        fb = metrics[n]["feedback"]
        if fb.get("rows", 0) >= RULES["feedback_min_rows"] and fb.get("mae_champion"):
            gain = 1 - fb["mae_challenger"] / fb["mae_champion"]
            if best is None or gain > best[0]:
                best = (gain, n, fb)
    n_checks = sum(len(metrics[n]["checks"]) for n in PROPERTY_NAMES)
    detail = ""
    if best is not None:
        g, n, fb = best
        detail = (
            f", cutting the {n} error on held-out feedback from {_f(fb['mae_champion'])} to "
            f"{_f(fb['mae_challenger'])} ({PROPERTY_UNITS[n]}),"
        )
    return True, (
        f"Promoted: it learnt from the feedback ({', '.join(learnt)}){detail} and is no worse than the "
        f"previous model in any of {n_checks} checks of error and interval coverage. The previous model "
        "can be restored with Roll back."
    )


# ------------------------------------------------------------------------------------ drift


def _drift(lab: LabRows, fb: LabRows, catalog) -> dict:
    from spacetrash_desktop.ml.drift import feature_drift
    from spacetrash_desktop.ml.features import feature_label

    X = lab.X
    if len(X) > 20000:
        rng = np.random.default_rng(0xD21F)
        X = X[np.sort(rng.choice(len(X), 20000, replace=False))]
    mats = {m: mat.name for m, mat in catalog.materials.items()}
    procs = {p: pr.name for p, pr in catalog.processes.items()}
    labels = {c: feature_label(c, mats, procs) for c in lab.schema.columns}
    return feature_drift(X, fb.X, lab.schema.columns, labels)


# ------------------------------------------------------------------------------------ history


def runs_folder() -> Path:
    from spacetrash_desktop.storage.paths import runs_dir

    return runs_dir()


def list_runs() -> list[dict]:
    """Past runs, newest first: run_id, started_at, finished_at, verdict, reason, champion and
    challenger names and versions, feedback rows (total, usable), record_path. Unreadable records
    are listed with verdict "unreadable"."""
    out = []
    try:
        paths = sorted(runs_folder().glob("run-*.json"))
    except (OSError, StorageError):
        return []
    for p in paths:
        try:
            rec = json.loads(p.read_text(encoding="utf-8"))
            if not isinstance(rec, dict):
                raise ValueError("not an object")
        except (OSError, ValueError):
            out.append(
                {
                    "run_id": p.stem,
                    "started_at": "",
                    "finished_at": "",
                    "verdict": "unreadable",
                    "reason": "This run's record cannot be read.",
                    "record_path": str(p),
                }
            )
            continue
        champ = rec.get("champion") or {}
        chall = rec.get("challenger") or {}
        data = rec.get("data") or {}
        out.append(
            {
                "run_id": str(rec.get("run_id", p.stem)),
                "started_at": rec.get("started_at", ""),
                "finished_at": rec.get("finished_at", ""),
                "verdict": rec.get("verdict", "?"),
                "reason": rec.get("reason", ""),
                "champion_name": champ.get("name", ""),
                "champion_version": champ.get("version", ""),
                "challenger_name": chall.get("name") if chall else None,
                "challenger_version": chall.get("version") if chall else None,
                "challenger_status": chall.get("status") if chall else None,
                "feedback_rows": data.get("feedback_total", 0),
                "feedback_usable": data.get("feedback_usable", 0),
                "drift": ((rec.get("drift") or {}).get("summary") or {}).get("level"),
                "record_path": str(p),
            }
        )
    out.sort(key=lambda r: (r.get("finished_at") or "", r["run_id"]), reverse=True)
    return out


def load_run(run_id: str) -> dict:
    """The full record of one run. Raises :class:`BadInputError` for an unknown or unreadable run."""
    if not isinstance(run_id, str) or not RUN_ID.match(run_id):
        raise BadInputError(f"{run_id!r} is not a retraining run id (they look like run-20310501T100000Z-3f9a).")
    path = runs_folder() / f"{run_id}.json"
    try:
        rec = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInputError(f"There is no retraining run {run_id}.") from None
    except (OSError, ValueError):
        raise BadInputError(f"The record of retraining run {run_id} cannot be read.") from None
    if not isinstance(rec, dict):
        raise BadInputError(f"The record of retraining run {run_id} is damaged.")
    return rec


def record_problems(record: Any) -> list[str]:
    """Why a run record is not a complete, valid record (empty when it is)."""
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
    if record["verdict"] in ("promoted", "rejected"):
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


# ------------------------------------------------------------------------------------ helpers


def _items(catalog):
    """Items to resolve the feedback's item ids: the crew's current inventory, then the bundled
    default inventory (an item deleted from both cannot be re-scored)."""
    from spacetrash_desktop.services.inventory import current_inventory

    try:
        current, _ = current_inventory()
    except SpaceTrashError:
        current = []
    seen, out = set(), []
    for it in list(current) + list(catalog.default_inventory):
        if it.item_id not in seen:
            seen.add(it.item_id)
            out.append(it)
    return out


def _iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")  # microseconds: runs sort in the order they ran


def _r(x, nd: int = 6):
    return None if x is None or not math.isfinite(x) else round(float(x), nd)


def _f(x) -> str:
    return "-" if x is None else f"{x:.4g}"


def _lower(s: str) -> str:
    s = s.rstrip(".")
    return (s[:1].lower() + s[1:] if s else s) + "."


def _jsonable(obj: Any) -> Any:
    """Plain JSON types (numpy scalars and arrays, tuples, paths; NaN/inf become None)."""
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return _jsonable(obj.tolist())
    if isinstance(obj, (bool, np.bool_)):
        return bool(obj)
    if isinstance(obj, (int, np.integer)):
        return int(obj)
    if isinstance(obj, (float, np.floating)):
        return float(obj) if math.isfinite(obj) else None
    if isinstance(obj, Path):
        return str(obj)
    return obj


__all__ = ["RetrainRun", "list_runs", "load_run", "record_problems", "retrain"]
