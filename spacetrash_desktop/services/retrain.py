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
   interval coverage (:data:`ml.promotion.RULES`, :func:`ml.promotion.decide`) and learnt something; otherwise it stays installed as a
   rejected candidate with the reason.
7. **Record** the run (:class:`ml.run_record.RunRecord`) as JSON in ``storage.paths.runs_dir()/<run_id>.json``
   (atomic write).

Cancelling (``ctx.cancel()``) stops the run within about a second wherever it is: nothing is
installed or activated, the run is recorded with verdict "failed" and reason "Cancelled.", and
:class:`context.Cancelled` is raised (the window handles it quietly). Any other failure
while training returns a recorded run with verdict "failed" and the reason; a refused feedback file
raises :class:`BadInputError` before anything runs (and nothing is recorded).
"""

from __future__ import annotations

import hashlib
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
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from spacetrash_desktop._version import __version__
from spacetrash_desktop.catalog import load_catalog
from spacetrash_desktop.common import lower_first, worker_threads
from spacetrash_desktop.context import Cancelled, NullContext, RunContext
from spacetrash_desktop.domain import PROPERTY_NAMES, ModelInfo, ModelStatus, Verdict
from spacetrash_desktop.errors import BadInputError, ModelError, SpaceTrashError, StorageError, storage_error_from_os
from spacetrash_desktop.messages import msg
from spacetrash_desktop.ml import registry
from spacetrash_desktop.ml.bundle import (
    SAFE_NAME,
    SAFE_VERSION,
    library_versions,
    load_bundle,
    load_ensemble,
    read_bundle,
)
from spacetrash_desktop.ml.drift import feature_drift
from spacetrash_desktop.ml.features import FEATURE_VERSION, feature_label
from spacetrash_desktop.ml.promotion import RULES, Contender, compare, decide
from spacetrash_desktop.ml.run_record import RUN_ID, RunRecord, read_runs, record_problems
from spacetrash_desktop.ml.train import DEFAULT_NAME, DEFAULT_VERSION, TrainConfig, train_bundle
from spacetrash_desktop.ml.virtual_lab import (
    JUDGED_WEIGHT,
    LabRows,
    make_lab_rows,
    records_from_feedback,
    rows_from_records,
)
from spacetrash_desktop.services.feedback import journal
from spacetrash_desktop.services.inventory import current_inventory
from spacetrash_desktop.storage import feedback_exchange as fx
from spacetrash_desktop.storage.feedback_schema import SCHEMA_VERSION
from spacetrash_desktop.storage.paths import models_dir, runs_dir

log = logging.getLogger(__name__)

HOLDOUT_SHARE = 0.25  # of the recipes (not rows) with usable feedback
MIN_RECIPES_FOR_HOLDOUT = 4
# usable rows of a property in the training part before a run trains anything: the family offsets
# learn from the first report, a few make a family mean (and a quarter of the recipes is held out)
MIN_TRAINING_ROWS = 3
LAB_EVAL_SEED_BASE = 1_000_003  # fresh virtual-lab trials for the comparison: seed LAB_EVAL_SEED_BASE + seed


def not_promoted_on_request() -> str:
    return msg(
        "It passed every check, but promotion was turned off for this run; it is kept as "
        "a candidate and the active model stays."
    )


def active_changed() -> str:
    return msg(
        "The active model changed while retraining ran, so the challenger was compared "
        "with a model that is no longer active; it is kept as a candidate."
    )


_running = threading.Lock()


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

    def __init__(self, verdict: Verdict, reason: str):
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
) -> RunRecord:
    """Retrain from crew feedback and promote the challenger only if it is no worse (see the module
    doc). ``config=None`` takes the champion's training configuration (so both share the same
    virtual-lab stage and the comparison isolates what the feedback taught), or the full default.
    Returns the recorded run; raises :class:`BadInputError` for a refused feedback file,
    :class:`Cancelled` when cancelled (after recording it), :class:`ModelError` when another run is
    in progress."""
    ctx = ctx or NullContext()
    if not _running.acquire(blocking=False):
        raise ModelError(msg("A retraining run is already in progress; wait for it to finish."))
    try:
        return RetrainJob(ctx, list(feedback_files), use_journal, int(seed), config, promote).execute()
    finally:
        _running.release()


class RetrainJob:
    """One retraining run, step by step; :meth:`execute` returns its :class:`RunRecord`."""

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
    def execute(self) -> RunRecord:
        if not self.use_journal and not self.feedback_files:
            raise BadInputError(msg("Nothing to retrain from: give feedback export files or use the journal."))
        self.ctx.progress(0, 100, msg("reading the feedback"))
        file_rows = self._read_files()  # refuses tampered files before anything else happens
        try:
            verdict, reason = self._run(file_rows)
        except _Stop as stop:
            verdict, reason = stop.verdict, stop.reason
        except Cancelled:
            self._finish(Verdict.FAILED, msg("Cancelled."), quiet=True)
            raise
        except SpaceTrashError as exc:
            log.warning("retraining failed: %s (%s)", exc.message, exc.details)
            verdict, reason = Verdict.FAILED, msg("Retraining failed: {why}.", why=lower_first(exc.message))
        except Exception:  # a bug: the trainer gets one sentence, the log the traceback
            log.exception("retraining failed")
            verdict, reason = (
                Verdict.FAILED,
                msg("Retraining failed because of an unexpected error; details are in the log."),
            )
        finally:
            if self.work is not None:
                shutil.rmtree(self.work, ignore_errors=True)
        return self._finish(verdict, reason)

    def _run(self, file_rows: list[dict]) -> tuple[Verdict, str]:
        """The steps of a run that gets as far as a verdict (a :class:`_Stop` ends it earlier)."""
        catalog = load_catalog()
        info = self._champion_info()
        train_fb, hold_fb, fb = self._feedback_rows(file_rows, catalog)
        self.ctx.check_cancelled()
        champ_model, champ_meta = self._load_champion(info)
        cfg = self._settle_config(champ_meta)
        lab = self._lab_and_drift(cfg, fb, train_fb, catalog)
        path = self._train(cfg, lab, train_fb, catalog, info)
        contents, challenger = self._load_challenger(path)
        self._compare(champ_model, challenger, contents, hold_fb, champ_meta, cfg, catalog)
        return self._conclude(path, info)

    # -------------------------------------------------------------------------------- named steps
    def _champion_info(self) -> ModelInfo:
        """The champion: the model active now."""
        registry.ensure_installed()
        info = registry.registry_status()
        self.champion = info.to_dict()
        self.artifacts["champion_manifest_sha256"] = info.manifest_sha256
        return info

    def _feedback_rows(self, file_rows: list[dict], catalog) -> tuple[LabRows | None, LabRows | None, LabRows]:
        """Feedback -> labelled rows, split into (training, held-out, all)."""
        self.ctx.check_cancelled()
        rows = self._dedupe(self._read_journal(), file_rows)
        self.ctx.progress(3, 100, msg("mapping {n:,} feedback row(s) to training labels", n=len(rows)))
        fb, recipe_of = self._map(rows, catalog)
        if fb is None:
            raise _Stop(Verdict.NO_DATA, self._no_data_reason())
        train_fb, hold_fb = self._split(fb, recipe_of)
        self._check_enough_rows()
        return train_fb, hold_fb, fb

    def _check_enough_rows(self) -> None:
        """Stop at once (before the virtual lab and the training, about 30 s) when no property has the
        usable rows in the training part that the model can learn from (issue 17): MIN_TRAINING_ROWS
        for the family offsets (``ml/offsets.py``); the stage-2 correction needs ``min_feedback_fit``."""
        need = MIN_TRAINING_ROWS
        by_prop = self.data.get("by_property", {})
        have = {name: int(by_prop.get(name, {}).get("train", 0)) for name in PROPERTY_NAMES}
        best = max(have.values(), default=0)
        if best >= need:
            return
        total = int(self.data.get("feedback_total", 0))
        held = int(self.data.get("recipes", {}).get("held_out", 0))
        kept = msg(" (some rows are held out to check the result)") if held else ""
        values = {"need": need, "best": best, "total": total, "kept": kept}
        raise _Stop(
            Verdict.NO_DATA,
            msg(
                "Not enough feedback to retrain yet: a property needs at least {need} usable rows to learn from, "
                "and the most any property has is {best} (from {total} feedback rows{kept}). Nothing was trained; "
                "record more feedback and try again.",
                **values,
            )
            if total != 1
            else msg(
                "Not enough feedback to retrain yet: a property needs at least {need} usable rows to learn from, "
                "and the most any property has is {best} (from {total} feedback row{kept}). Nothing was trained; "
                "record more feedback and try again.",
                **values,
            ),
        )

    def _settle_config(self, champ_meta: dict) -> TrainConfig:
        cfg, source = self._config(champ_meta)
        self.settings["config"] = _jsonable(asdict(cfg))
        self.settings["config_source"] = source
        return cfg

    def _lab_and_drift(self, cfg: TrainConfig, fb: LabRows, train_fb: LabRows | None, catalog) -> LabRows:
        """The virtual-lab training table, and the drift of the feedback against it."""
        ctx = self.ctx
        ctx.progress(5, 100, msg("simulating trials in the virtual lab"))
        t = time.monotonic()
        lab = make_lab_rows(catalog, cfg.n_rows, self.seed, ctx=ctx, progress_share=(5, 18))
        self.timings["virtual_lab_s"] = round(time.monotonic() - t, 2)
        ctx.check_cancelled()
        ctx.progress(18, 100, msg("measuring drift between the training data and the feedback"))
        self.drift = _drift(lab, fb, catalog)
        self.data["training_rows"] = {"virtual_lab": len(lab), "feedback": len(train_fb) if train_fb else 0}
        return lab

    def _compare(self, champ_model, challenger, contents, hold_fb, champ_meta: dict, cfg, catalog) -> None:
        """Champion against challenger on fresh virtual-lab trials and the held-out feedback."""
        ctx = self.ctx
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
        ctx.progress(82, 100, msg("comparing the challenger with the active model"))
        t = time.monotonic()
        eval_seed = LAB_EVAL_SEED_BASE + self.seed
        if champ_meta.get("seed") == eval_seed:
            eval_seed += 1
        n_eval = int(min(4000, max(2000, cfg.n_rows // 6)))
        lab_eval = make_lab_rows(catalog, n_eval, eval_seed, ctx=_Scaled(ctx, 82, 86))
        ctx.check_cancelled()
        self.metrics = compare(champ_model, challenger, lab_eval, hold_fb, report, intervals, catalog)
        self.metrics["evaluation"] = {
            "lab_rows": len(lab_eval),
            "lab_seed": eval_seed,
            "held_out_feedback_rows": len(hold_fb) if hold_fb else 0,
            "rules": RULES,
        }
        self.timings["compare_s"] = round(time.monotonic() - t, 2)
        ctx.check_cancelled()

    def _conclude(self, path: Path, info: ModelInfo) -> tuple[Verdict, str]:
        """The verdict, the candidate, the promotion."""
        ok, reason = decide(self.metrics, self.data)
        if ok and not self.promote:
            ok, reason = False, not_promoted_on_request()
        self.ctx.progress(94, 100, msg("installing the challenger"))
        self.ctx.check_cancelled()  # the last point where a cancel leaves everything as it was
        folder = registry.install_candidate(path, reason=reason, run_id=self.run_id)
        assert self.challenger is not None
        self.challenger.update({"folder": folder, "status": "candidate"})
        if not ok:
            return Verdict.REJECTED, reason
        now_active = (registry.read_pointer() or {}).get("manifest_sha256", "")
        if now_active != info.manifest_sha256:
            return Verdict.REJECTED, active_changed()
        registry.activate_installed(folder)
        self.challenger["status"] = "active"
        return Verdict.PROMOTED, reason

    def _read_files(self) -> list[dict]:
        """Rows of the trainer export files, each file verified first; any refusal stops the run."""
        if not self.feedback_files:
            return []
        refused, rows = [], []
        for path, entry, reason in fx.collect_export_files(self.feedback_files):
            if reason or entry is None:
                refused.append(f"{path.name}: {reason or msg('it has no manifest entry')}")
                continue
            try:
                file_rows = fx.verify_export_file(path, entry)
            except fx.ExportRefused as exc:
                refused.append(f"{path.name}: {exc.reason}")
                continue
            self.artifacts["feedback_files"].append(
                {"name": path.name, "sha256": entry["sha256"], "rows": len(file_rows), "origin": entry.get("origin")}
            )
            rows.extend(file_rows)
        if refused:
            more = msg(" (and {n} more)", n=len(refused) - 1) if len(refused) > 1 else ""
            raise BadInputError(
                msg(
                    "The feedback file {refused}{more}. Nothing was retrained; export the feedback "
                    "again or remove that file.",
                    refused=refused[0],
                    more=more,
                ),
                details="; ".join(refused),
            )
        if not self.artifacts["feedback_files"]:
            raise BadInputError(
                msg(
                    "No feedback export file was found in what was given (expected a folder with "
                    "manifest.json, a manifest.json or an exported .parquet file)."
                )
            )
        return rows

    def _read_journal(self) -> list[dict]:
        if not self.use_journal:
            return []
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
        skipped: list[dict] = []
        records = records_from_feedback(rows, accept_judged=True, skipped=skipped)
        fb, _problems = rows_from_records(
            records, _items(catalog), catalog, judged_weight=JUDGED_WEIGHT, skipped=skipped
        )
        self.ctx.check_cancelled()
        recipe_of = {str(r["row_id"]): str(r.get("recipe_id") or "") for r in records}
        self.data.update(_mapping_summary(fb, records, skipped))
        return fb, recipe_of

    def _no_data_reason(self) -> str:
        return _no_data_reason(self.data, self.use_journal, bool(self.feedback_files))

    def _split(self, fb: LabRows, recipe_of: dict[str, str]) -> tuple[LabRows | None, LabRows | None]:
        """Hold out HOLDOUT_SHARE of the recipes (by a seeded hash of the recipe id)."""
        recipes = np.array([recipe_of.get(str(s), str(s)) for s in fb.source], object)
        uniq = sorted(set(recipes.tolist()))
        n_hold = round(HOLDOUT_SHARE * len(uniq)) if len(uniq) >= MIN_RECIPES_FOR_HOLDOUT else 0
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
            self.data["holdout_note"] = msg(
                "fewer than {n} different recipes: none held out, so the comparison uses the virtual-lab trials only",
                n=MIN_RECIPES_FOR_HOLDOUT,
            )
        if train is None:
            raise _Stop(
                Verdict.NO_DATA,
                msg("Every usable feedback row was needed for the held-out comparison; nothing was left to train on."),
            )
        return train, hold

    def _config(self, champ_meta: dict) -> tuple[TrainConfig, str]:
        if self.config is not None:
            return self.config, "given"
        cfg = champ_meta.get("config")
        if isinstance(cfg, dict):
            try:
                kw: dict[str, Any] = {str(k): (tuple(v) if isinstance(v, list) else v) for k, v in cfg.items()}
                return TrainConfig(**kw), "champion"
            except TypeError:
                pass
        return TrainConfig(), "default"

    def _load_champion(self, info) -> tuple[Contender, dict]:
        if info.status == ModelStatus.READY:
            ptr = registry.read_pointer()
            if ptr is not None:
                contents, problems = read_bundle(models_dir() / ptr["active"])
                if contents is not None and contents.manifest_sha256 == info.manifest_sha256:
                    return Contender(load_ensemble(contents, nthread=worker_threads())), contents.metadata()
                raise ModelError(
                    msg("The active model could not be read for the comparison ({problem}).", problem=problems[0])
                    if problems
                    else msg("The active model could not be read for the comparison.")
                )
        return Contender(None), {}

    def _train(self, cfg, lab, train_fb, catalog, info) -> Path:
        name = info.name if info.name and SAFE_NAME.match(info.name) and info.name != "physics" else DEFAULT_NAME
        base = (info.version or "").split("+")[0]
        base = base if base and SAFE_VERSION.match(base) else DEFAULT_VERSION
        version = f"{base}+fb.{self.run_id[4:]}"
        try:
            self.work = Path(tempfile.mkdtemp(prefix=".staging-retrain-", dir=models_dir()))
        except OSError as exc:
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
            raise storage_error_from_os(exc, "the retrained model") from exc
        self.timings["train_s"] = round(time.monotonic() - t, 2)
        return path

    def _load_challenger(self, path: Path):
        contents, ens = load_bundle(path, nthread=worker_threads())
        return contents, Contender(ens)

    # -------------------------------------------------------------------------------- record
    def _finish(self, verdict: Verdict, reason: str, quiet: bool = False) -> RunRecord:
        finished = datetime.now(UTC)
        self.timings["total_s"] = round(time.monotonic() - self.t0, 2)
        if not self.champion:
            self.champion = registry.registry_status().to_dict()  # never raises
            self.artifacts["champion_manifest_sha256"] = self.champion.get("manifest_sha256", "")
        if self.challenger is not None and self.challenger.get("status") == "not installed":
            self.challenger["status"] = "discarded"  # trained, but the run ended before it was kept
        draft = RunRecord(
            run_id=self.run_id,
            verdict=verdict,
            reason=reason,
            started_at=_iso(self.started),
            finished_at=_iso(finished),
            champion=self.champion,
            challenger=self.challenger,
            data=self.data,
            drift=self.drift,
            metrics=self.metrics,
            artifacts=self.artifacts,
            versions={
                "app": __version__,
                "feature_version": FEATURE_VERSION,
                "feedback_schema_version": SCHEMA_VERSION,
                "libraries": library_versions(),
                "platform": platform.platform(),
            },
            settings=self.settings,
            timings=self.timings,
        )
        record = RunRecord.from_dict(_jsonable(draft.to_dict()))  # plain JSON values, as written to disk
        try:
            record.save(runs_dir())
        except (StorageError, OSError) as exc:
            log.error("retraining record %s not saved: %r", self.run_id, exc)
            if not quiet:
                record.reason = msg(
                    "{reason} (The record of this run could not be saved: {why})",
                    reason=reason,
                    why=getattr(exc, "message", exc),
                )
        log.info("retraining %s: %s - %s", self.run_id, verdict, record.reason)
        self.ctx.progress(100, 100, msg("retraining finished: {verdict}", verdict=verdict))
        return record


def _mapping_summary(fb: LabRows | None, records: list[dict], skipped: list[dict]) -> dict:
    """What the run records about the feedback it mapped: usable, measured, judged and skipped rows
    (by reason), rows per property, pass/fail."""
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
    return {
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


def _no_data_reason(data: dict, use_journal: bool, has_files: bool) -> str:
    total = data.get("feedback_total", 0)
    if total == 0:
        where = msg("the feedback journal is empty") if use_journal else msg("the files hold no rows")
        if use_journal and has_files:
            where = msg("neither the journal nor the files hold any row")
        return msg("No feedback to learn from: {where}. Nothing was trained.", where=where)
    top = sorted(data.get("skipped_by_reason", {}).items(), key=lambda kv: -kv[1])
    why = msg(" (most often: {reason})", reason=top[0][0]) if top else ""
    return msg(
        "None of the {total} feedback row(s) can be used for training{why}. Nothing was trained; "
        "pass/fail and notes alone are not training labels.",
        total=total,
        why=why,
    )


# ------------------------------------------------------------------------------------ drift


def _drift(lab: LabRows, fb: LabRows, catalog) -> dict:
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
    return runs_dir()


def run_history() -> list[RunRecord]:
    """Past runs, newest first; an unreadable record is listed with verdict "unreadable"."""
    try:
        return read_runs(runs_folder())
    except (OSError, StorageError):
        return []


def list_runs() -> list[dict]:
    """Past runs, newest first, one summary line each (:meth:`RunRecord.summary`: run_id,
    started_at, finished_at, verdict, reason, champion and challenger names and versions, feedback
    rows (total, usable), record_path). Unreadable records are listed with verdict "unreadable"."""
    return [r.summary() for r in run_history()]


def read_run(run_id: str) -> RunRecord:
    """The full record of one run. Raises :class:`BadInputError` for an unknown or unreadable run."""
    if not isinstance(run_id, str) or not RUN_ID.match(run_id):
        raise BadInputError(
            msg("{run!r} is not a retraining run id (they look like run-20310501T100000Z-3f9a).", run=run_id)
        )
    try:
        return RunRecord.load(runs_folder() / f"{run_id}.json")
    except FileNotFoundError:
        raise BadInputError(msg("There is no retraining run {run}.", run=run_id)) from None
    except OSError:
        raise BadInputError(msg("The record of retraining run {run} cannot be read.", run=run_id)) from None
    except ValueError as exc:
        if str(exc) == "not an object":
            raise BadInputError(msg("The record of retraining run {run} is damaged.", run=run_id)) from None
        raise BadInputError(msg("The record of retraining run {run} cannot be read.", run=run_id)) from None


def load_run(run_id: str) -> dict:
    """The full record of one run in its JSON form (as on disk). Raises :class:`BadInputError` for an
    unknown or unreadable run."""
    return read_run(run_id).to_dict()


# ------------------------------------------------------------------------------------ helpers


def _items(catalog):
    """Items to resolve the feedback's item ids: the crew's current inventory, then the bundled
    default inventory (an item deleted from both cannot be re-scored)."""
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


__all__ = ["RetrainJob", "RunRecord", "list_runs", "load_run", "read_run", "record_problems", "retrain", "run_history"]
