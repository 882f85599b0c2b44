"""The model service: the one door of the window and the command line to the trained model. Which
model scores the recipes and why, the installed bundles, install, verify, roll back, train from the
virtual lab, retrain from crew feedback and the run history. No Qt.

Everything that changes the active model clears the registry's caches, so the next
:func:`load_active_model` (or generation) uses the new one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from spacetrash_desktop.common import lower_first
from spacetrash_desktop.context import RunContext
from spacetrash_desktop.domain import ModelInfo, ModelStatus, Verdict
from spacetrash_desktop.engine.scorer import Scorer
from spacetrash_desktop.errors import ModelError
from spacetrash_desktop.messages import msg
from spacetrash_desktop.ml import registry
from spacetrash_desktop.ml.drift import summary_in_language
from spacetrash_desktop.ml.features import feature_label
from spacetrash_desktop.ml.run_record import RunRecord
from spacetrash_desktop.ml.train import DEFAULT_NAME, DEFAULT_VERSION, TrainConfig, train_bundle
from spacetrash_desktop.services import retrain as retrain_service
from spacetrash_desktop.services.inventory import load_catalog
from spacetrash_desktop.storage.paths import models_dir

log = logging.getLogger(__name__)

__all__ = [
    "BundleCheck",
    "ModelDetails",
    "RunRecord",
    "TrainConfig",
    "TrainedModel",
    "check_model",
    "install",
    "installed_bundles",
    "load_active_model",
    "model_details",
    "prepare_window_model",
    "quick_train_config",
    "read_run",
    "retrain",
    "rollback",
    "run_history",
    "status",
    "train",
    "verify",
    "window_scorer",
]


# ------------------------------------------------------------------------------------ status


def status() -> ModelInfo:
    """The active model and why it is (or is not) used; installs the shipped bundle on first start.
    Never raises."""
    registry.ensure_installed()
    return registry.registry_status()


def check_model(_ctx: RunContext | None = None) -> ModelInfo:
    """Start-up (on a worker): install the shipped model if needed, ask which model is active and,
    when one is ready, load it now, while the crew looks at the inventory (importing scikit-learn and
    skops holds the interpreter lock for tens of milliseconds, better before the first Generate than
    during it). Never raises."""
    info = status()
    if info.status == ModelStatus.READY:
        info = registry.active_scorer().info
    return info


# ------------------------------------------------------------------------------------ the window's scorer

WINDOW_SCORING_THREADS = 1  # the search worker's own thread: the window's GUI thread keeps the other core
WARM_UP_ROWS = 64
_threads_lock = threading.Lock()


def window_scorer() -> Scorer:
    """The active scorer as the window uses it (the window's ``scorer_factory``): the same cached,
    verified model, or the physics fallback, with its XGBoost members predicting on one thread.
    Two OpenMP threads on a 2-core laptop take the core the GUI thread needs: measured on the
    2-core build VM with other load, a default generation took 5-12 s instead of 1.7-3.7 s and the
    GUI thread waited 0.8-1.7 s per generation for a CPU (README "GUI benchmark"). The predictions
    are the same. Never raises."""
    scorer = registry.active_scorer()
    ens = getattr(scorer, "ensemble", None)
    if ens is not None and getattr(ens, "nthread", WINDOW_SCORING_THREADS) != WINDOW_SCORING_THREADS:
        with _threads_lock:
            if ens.nthread != WINDOW_SCORING_THREADS:
                boosters = (*ens.xgb, *ens.difficulty, *(b for b in ens.correction or () if b is not None))
                try:
                    for b in boosters:
                        b.set_param({"nthread": WINDOW_SCORING_THREADS})
                    ens.nthread = WINDOW_SCORING_THREADS
                except Exception:  # the model still scores with its own thread count
                    log.exception("could not set the model's thread count")
    return scorer


def prepare_window_model(_ctx: RunContext | None = None) -> ModelInfo:
    """The window's start-up model task (on the compute worker, after the window is shown):
    :func:`check_model` (installs, verifies and loads the active model), then the window's scorer
    (:func:`window_scorer`) scores a few rows once, so that the first Generate does not pay the
    model's first-use costs (its first forest and XGBoost predictions took 2-5x longer than the
    next ones). The status; never raises."""
    info = check_model()
    if info.status != ModelStatus.READY:
        return info
    try:
        ens = getattr(window_scorer(), "ensemble", None)
        if ens is not None:
            rows = np.repeat(np.asarray(ens.impute, np.float32)[None, :], WARM_UP_ROWS, axis=0)
            ens.predict(rows, np.zeros((WARM_UP_ROWS, len(ens.w_rf))))
    except Exception:  # a warm-up problem shows at the first generation, not here
        log.exception("the model warm-up failed")
    return info


def load_active_model(_ctx: RunContext | None = None) -> ModelInfo:
    """Forget cached models and load the active one again (after it changed); its status."""
    registry.clear_cache()
    return registry.active_scorer().info


def installed_bundles() -> list[dict]:
    """Bundles on disk (folder, name, version, trained_at, active, previous, candidate, damaged),
    newest first."""
    return registry.installed_bundles()


# ------------------------------------------------------------------------------------ install, verify, roll back


def install(path: Path | str, _ctx: RunContext | None = None) -> ModelInfo:
    """Verify a bundle (folder or .zip), install it and make it active; the new status. A refused
    bundle raises :class:`ModelError` and changes nothing."""
    info = registry.install_bundle(path)
    registry.clear_cache()
    return info


def rollback(_ctx: RunContext | None = None) -> ModelInfo:
    """Make the previous model active again; the new status. Raises :class:`ModelError` when there is
    none."""
    info = registry.rollback()
    registry.clear_cache()
    return info


@dataclass(frozen=True)
class BundleCheck:
    """The outcome of verifying a bundle: ``ok`` with what it is, or the problems found."""

    ok: bool
    path: str
    problems: tuple[str, ...] = ()
    name: str = ""
    version: str = ""
    manifest_sha256: str = ""
    n_files: int = 0  # the manifest included
    size_bytes: int = 0  # of the files the manifest lists
    info: ModelInfo | None = None  # its status as the registry would report it

    @property
    def reason(self) -> str:
        """The first problem and how many more ("" when it is fine)."""
        if not self.problems:
            return ""
        if len(self.problems) == 1:
            return self.problems[0]
        return msg("{problem} (and {more} more)", problem=self.problems[0], more=len(self.problems) - 1)


def verify(path: Path | str | None = None) -> BundleCheck:
    """Verify a bundle (folder or .zip), or the active one when ``path`` is None, as an install
    would: hashes, manifest, schema and libraries, then each model file against the feature schema.
    Without ``path`` the shipped model is installed first when none is (as :func:`status` and
    ``spacetrash model info`` do, so both agree on a fresh data folder). Raises :class:`ModelError`
    only when no path is given and no model is active even then."""
    if path is None:
        info = status()
        ptr = registry.read_pointer()
        if ptr is None:
            raise ModelError(
                msg(
                    "No model is active ({reason}); give a bundle to verify.",
                    reason=lower_first(info.reason.rstrip(".")),
                )
            )
        path = models_dir() / ptr["active"]
    contents, problems = registry.read_for_install(path)
    if contents is None:
        return BundleCheck(False, str(path), tuple(problems) or (msg("the bundle cannot be read"),))
    return BundleCheck(
        True,
        str(path),
        name=contents.name,
        version=contents.version,
        manifest_sha256=contents.manifest_sha256,
        n_files=len(contents.files) + 1,
        size_bytes=sum(len(b) for b in contents.files.values()),
        info=registry.bundle_info(contents),
    )


# ------------------------------------------------------------------------------------ training


def quick_train_config() -> TrainConfig:
    """A small, fast training configuration (for trying things out, demos and tests)."""
    return TrainConfig.small()


@dataclass(frozen=True)
class TrainedModel:
    """A model trained from the virtual lab: written to ``path`` (not installed), or installed and
    active (``path`` None)."""

    info: ModelInfo
    path: Path | None = None
    size_bytes: int = 0


def train(
    ctx: RunContext | None = None,
    *,
    out: Path | str | None = None,
    seed: int = 0,
    quick: bool = False,
    name: str | None = None,
    version: str | None = None,
) -> TrainedModel:
    """Train a model from the virtual lab. With ``out`` the bundle is written there (version
    ``version`` or the default) and not installed; without it, it is installed and made active.
    Progress and cancel through ``ctx``."""
    config = quick_train_config() if quick else TrainConfig()
    kw: dict = {"config": config, "name": name or DEFAULT_NAME}
    if out is not None:
        kw["version"] = version or DEFAULT_VERSION
        path = train_bundle(out, ctx, seed, **kw)
        check = verify(path)
        if not check.ok or check.info is None:
            raise ModelError(msg("The trained model could not be verified: {reason}", reason=check.reason))
        return TrainedModel(check.info, Path(path), check.size_bytes)
    if version:
        kw["version"] = version
    info = registry.train_and_install(ctx, seed, **kw)
    registry.clear_cache()
    return TrainedModel(info)


# ------------------------------------------------------------------------------------ retraining and its history


def retrain(
    ctx: RunContext | None = None,
    *,
    feedback_files: Sequence[Path | str] = (),
    use_journal: bool = True,
    promote: bool = True,
    seed: int = 0,
    config: TrainConfig | None = None,
    quick: bool = False,
) -> RunRecord:
    """Retrain from crew feedback (:func:`services.retrain.retrain`; ``quick`` for the small training
    configuration) and return the recorded run. After a promotion the cached models are forgotten,
    so the next load uses the new active model."""
    if config is None and quick:
        config = quick_train_config()
    run = retrain_service.retrain(
        ctx, feedback_files=feedback_files, use_journal=use_journal, seed=seed, config=config, promote=promote
    )
    if run.verdict == Verdict.PROMOTED:
        registry.clear_cache()
    return run


def run_history() -> list[RunRecord]:
    """Past retraining runs, newest first (an unreadable record has verdict "unreadable")."""
    return retrain_service.run_history()


def read_run(run_id: str, _ctx: RunContext | None = None) -> RunRecord:
    """The full record of one run; :class:`BadInputError` for an unknown or unreadable one."""
    return retrain_service.read_run(run_id)


# ------------------------------------------------------------------------------------ the Model panel's snapshot


@dataclass
class ModelDetails:
    """What the Model panel shows from disk: the installed bundles, the active one's manifest, the
    run history."""

    bundles: list[dict] = field(default_factory=list)
    active_folder: str = ""
    active_sha256: str = ""
    manifest: dict = field(default_factory=dict)  # the active bundle's manifest (verified at install)
    can_roll_back: bool = False
    runs: list[RunRecord] = field(default_factory=list)
    runs_error: str = ""

    @property
    def trained_on(self) -> str:
        t = self.manifest.get("trained_on") if isinstance(self.manifest, dict) else None
        return str(t.get("description") or "") if isinstance(t, dict) else ""

    def metrics_summary(self) -> dict:
        """The held-out summary of the active bundle's manifest, in the shape of ``ModelInfo.metrics``
        (for a model status that carries no metrics); missing pieces stay empty."""
        m = self.manifest if isinstance(self.manifest, dict) else {}
        raw = m.get("metrics")
        metrics: dict = raw if isinstance(raw, dict) else {}
        return {
            "held_out": registry.held_out_summary(metrics.get("held_out") or {}),
            "coverage": metrics.get("coverage") or {},
            "mean_width": metrics.get("mean_width") or {},
            "n_test": metrics.get("n_test"),
            "ood_rate": metrics.get("ood_rate"),
            "trained_at": m.get("trained_at"),
        }


def model_details(_ctx: RunContext | None = None, *, with_runs: bool = True) -> ModelDetails:
    """Runs on a worker: installed bundles, the active manifest and (``with_runs``) the run history.
    A broken run history is reported in ``runs_error``, not raised."""
    out = ModelDetails(bundles=registry.installed_bundles())
    ptr = registry.read_pointer() or {}
    out.active_folder = str(ptr.get("active") or "")
    out.active_sha256 = str(ptr.get("manifest_sha256") or "")
    out.can_roll_back = bool(ptr.get("history"))
    if out.active_folder:
        out.manifest = registry.active_manifest(out.active_folder)
    if with_runs:
        try:
            out.runs = run_history()
        except Exception as exc:  # shown in the panel; the traceback goes to the log
            log.exception("the retraining history could not be read")
            out.runs_error = getattr(exc, "message", None) or msg(
                "the run history could not be read (details in the log)"
            )
    return out


def drift_in_language(drift: dict) -> tuple[dict[str, str], str, str]:
    """A run's drift report in the crew's language: the label of each feature column the model
    knows (material and process names from the catalog of the window's language; a column it does
    not know keeps its recorded label), and the summary's text and note written again with them
    ("" where the record lacks what that takes)."""
    catalog = load_catalog()
    mats = {m: mat.name for m, mat in catalog.materials.items()}
    procs = {p: pr.name for p, pr in catalog.processes.items()}
    raw = drift.get("features") if isinstance(drift, dict) else None
    keys = list(raw) if isinstance(raw, dict) else [k for k in drift if k != "summary"]
    labels = {}
    for key in map(str, keys):
        label = feature_label(key, mats, procs)
        if label != key:
            labels[key] = label
    summary = drift.get("summary") if isinstance(drift, dict) else None
    text, note = summary_in_language(summary, labels) if isinstance(summary, dict) else ("", "")
    return labels, text, note
