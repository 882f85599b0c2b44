"""The model registry: installed bundles in the per-user data directory and the pointer to the
active one.

Layout under :func:`storage.paths.models_dir`::

    active.json                     {"active": "<dir>", "manifest_sha256": ..., "history": [...], ...}
    candidates.json                 {"candidates": [{"folder", "manifest_sha256", "reason", ...}]}
    <name>-<version>-<sha8>/        one verified bundle per folder (manifest.json + its files)
    .staging-*/ .trash-*/           work folders (a kill can leave them; swept when old)

* **Install** verifies the bundle, writes the verified bytes into a staging folder (each file fsynced),
  verifies the copy, renames it into place (``os.replace``) and only then switches the pointer with
  :func:`storage.atomic.atomic_write_json`. A kill at any instant leaves the old pointer or the new
  one, and either names a complete, verified folder.
* **Rollback** re-activates the previous bundle (kept on disk, last :data:`HISTORY_KEEP`).
* **Candidates** (retraining, ``services/retrain.py``): :func:`install_candidate` installs a verified
  bundle *without* activating it and lists it in ``candidates.json`` with the reason it was not
  promoted (last :data:`CANDIDATES_KEEP` kept); :func:`activate_installed` makes an installed bundle
  active through the same atomic pointer switch (promotion).
* **First start**: :func:`ensure_installed` installs the shipped bundle from ``models/``.
* When no usable bundle exists the app says why and scores with the physics model at once;
  :func:`train_and_install` trains one from the virtual lab (``spacetrash model train``).

Every user-facing failure is a :class:`errors.ModelError` with a plain message; :func:`active_scorer`
and :func:`registry_status` never raise.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from spacetrash_desktop.catalog import load_catalog
from spacetrash_desktop.common import lower_first, sentence, worker_threads
from spacetrash_desktop.context import NullContext, RunContext
from spacetrash_desktop.domain import ModelInfo, ModelStatus
from spacetrash_desktop.engine.scorer import PhysicsScorer, Scorer
from spacetrash_desktop.errors import ModelError, StorageError, storage_error_from_os
from spacetrash_desktop.messages import msg
from spacetrash_desktop.ml.bundle import (
    MANIFEST,
    BundleContents,
    canonical_json,
    load_checked,
    load_ensemble,
    read_bundle,
)
from spacetrash_desktop.ml.scorer import MLScorer
from spacetrash_desktop.ml.train import DEFAULT_VERSION, train_bundle
from spacetrash_desktop.ml.virtual_lab import physics_fingerprint
from spacetrash_desktop.storage import paths
from spacetrash_desktop.storage.atomic import atomic_write_json, fsync_dir
from spacetrash_desktop.storage.filelock import FolderLock

log = logging.getLogger(__name__)

POINTER = "active.json"
POINTER_SCHEMA = 1
CANDIDATES = "candidates.json"
CANDIDATES_KEEP = 5
STAGING_PREFIX = ".staging-"
TRASH_PREFIX = ".trash-"
HISTORY_KEEP = 5
SWEEP_AGE_S = 3600.0

_lock = threading.RLock()
_scorers: dict = {}  # (models dir, folder, manifest sha) -> MLScorer
_failures: dict = {}  # same key -> ModelInfo (physics fallback with the reason)
_status: dict = {}  # same key -> ModelInfo (verified, not necessarily loaded)


# ------------------------------------------------------------------------------------ the pointer


def _models() -> Path:
    try:
        return paths.models_dir()
    except OSError as exc:
        raise storage_error_from_os(exc, "the model folder") from exc


def read_pointer() -> dict | None:
    """The active pointer, or None when there is none or it is unreadable."""
    try:
        data = json.loads((_models() / POINTER).read_text(encoding="utf-8"))
    except (OSError, ValueError, StorageError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("active"), str) or not data["active"]:
        return None
    if not isinstance(data.get("history"), list):
        data["history"] = []
    data["history"] = [h for h in data["history"] if isinstance(h, str) and h]
    return data


def active_manifest(folder: str | None = None) -> dict:
    """The manifest of an installed bundle (the active one when ``folder`` is None) as plain JSON, for
    display only: it is not verified here (loading a bundle verifies it); {} when there is none or it
    cannot be read."""
    if folder is None:
        folder = str((read_pointer() or {}).get("active") or "")
    if not folder or not _safe_folder(folder):
        return {}
    try:
        m = json.loads((_models() / folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return m if isinstance(m, dict) else {}


def _write_pointer(active: str, manifest_sha256: str, history: list[str], **extra) -> None:
    atomic_write_json(
        _models() / POINTER,
        {
            "schema": POINTER_SCHEMA,
            "active": active,
            "manifest_sha256": manifest_sha256,
            "history": history[:HISTORY_KEEP],
            "updated_at": _now(),
            **extra,
        },
        what="the active model pointer",
    )


@contextlib.contextmanager
def _mutating():
    """Serialise changes to the model folder: between threads (``_lock``) and between processes (an
    OS lock on ``models/.lock``, dropped by the OS if the holder dies)."""
    with _lock:
        lock = FolderLock.for_folder(_models())
        try:
            lock.acquire()
        except OSError as exc:
            raise storage_error_from_os(exc, "the model folder") from exc
        try:
            yield
        finally:
            lock.release()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _safe_folder(name: str) -> bool:
    return bool(name) and "/" not in name and "\\" not in name and not name.startswith(".") and name not in {"..", "."}


def _key(ptr: dict) -> tuple:
    return (str(_models()), ptr["active"], ptr.get("manifest_sha256", ""))


# ------------------------------------------------------------------------------------ listing


def installed_bundles() -> list[dict]:
    """Bundles on disk (name, version, folder, active, trained_at), newest first. No verification."""
    ptr = read_pointer() or {}
    cands = {c["folder"] for c in _read_candidates()}
    out: list[dict[str, Any]] = []
    try:
        entries = sorted(p for p in _models().iterdir() if p.is_dir() and not p.name.startswith("."))
    except (OSError, StorageError):
        return []
    for p in entries:
        try:
            m = json.loads((p / MANIFEST).read_text(encoding="utf-8"))
            out.append(
                {
                    "folder": p.name,
                    "name": str(m.get("name", "?")),
                    "version": str(m.get("version", "?")),
                    "trained_at": str(m.get("trained_at", "")),
                    "active": p.name == ptr.get("active"),
                    "previous": p.name in ptr.get("history", []),
                    "candidate": p.name in cands,
                }
            )
        except (OSError, ValueError, AttributeError):
            out.append(
                {
                    "folder": p.name,
                    "name": "?",
                    "version": "?",
                    "trained_at": "",
                    "active": False,
                    "previous": False,
                    "candidate": p.name in cands,
                    "damaged": True,
                }
            )
    out.sort(key=lambda d: d["trained_at"], reverse=True)
    return out


def shipped_bundle() -> Path | None:
    """The bundle shipped with the application (``models/`` next to ``datasets/``), if any."""
    try:
        root = paths.bundled_dir("models")
        cands = [p for p in root.iterdir() if (p.is_dir() and (p / MANIFEST).is_file()) or p.suffix == ".zip"]
    except OSError:
        return None
    if not cands:
        return None
    return sorted(cands, key=lambda p: p.name)[-1]


def _sweep() -> None:
    """Remove staging/trash folders left by a killed process (only old ones: another process may be
    installing right now)."""
    try:
        now = time.time()
        for p in _models().iterdir():
            if p.name.startswith((STAGING_PREFIX, TRASH_PREFIX)) and p.is_dir():
                try:
                    if now - p.stat().st_mtime > SWEEP_AGE_S or p.name.startswith(TRASH_PREFIX):
                        shutil.rmtree(p, ignore_errors=True)
                except OSError:
                    pass
    except (OSError, StorageError):
        pass


def _trash(folder: Path) -> None:
    """Take a folder out of the registry atomically (rename), then delete it."""
    if not folder.exists():
        return
    dest = folder.parent / f"{TRASH_PREFIX}{folder.name}-{uuid.uuid4().hex[:8]}"
    try:
        os.replace(folder, dest)
        fsync_dir(folder.parent)
    except OSError:
        return
    shutil.rmtree(dest, ignore_errors=True)


# ------------------------------------------------------------------------------------ install


def _refuse(problems: list[str], what: str = "") -> ModelError:
    what = what or msg("The model bundle")
    more = msg(" (and {n} more problem(s))", n=len(problems) - 1) if len(problems) > 1 else ""
    return ModelError(
        msg("{what} was refused: {problem}{more}", what=what, problem=problems[0], more=more),
        details="; ".join(problems),
    )


def read_for_install(path: Path | str) -> tuple[BundleContents | None, list[str]]:
    """:func:`read_bundle` (hashes, manifest, schema, libraries), then the model files themselves
    against the feature schema: a bundle is refused at install, not discovered at scoring."""
    contents, problems = read_bundle(path)
    if contents is None:
        return None, problems
    ensemble, problems = load_checked(contents, nthread=worker_threads())
    if ensemble is None:
        return None, problems
    with _checked_guard:  # kept for the scorer of the bundle just installed (saves a second load)
        _checked.clear()
        _checked[contents.manifest_sha256] = ensemble
    return contents, []


_checked: dict[str, Any] = {}  # manifest sha256 -> the Ensemble loaded while checking it (the last one)
_checked_guard = threading.Lock()


def _folder_name(contents: BundleContents) -> str:
    return f"{contents.name}-{contents.version}-{contents.manifest_sha256[:8]}"


def _place(contents: BundleContents) -> str:
    """Make sure a verified copy of ``contents`` sits in its own folder; return the folder name."""
    models = _models()
    name = _folder_name(contents)
    target = models / name
    if target.exists():
        existing, problems = read_bundle(target)
        if existing is not None and existing.manifest_sha256 == contents.manifest_sha256:
            return name
        _trash(target)  # damaged or different: replace it
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=models))
    try:
        for fname, data in {**contents.files, MANIFEST: canonical_json(contents.manifest)}.items():
            with open(staging / fname, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        fsync_dir(staging)
        copy, problems = read_bundle(staging)
        if copy is None or copy.manifest_sha256 != contents.manifest_sha256:
            raise ModelError(
                msg("The model bundle could not be copied intact into the model folder."), details="; ".join(problems)
            )
        os.replace(staging, target)
        fsync_dir(models)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise storage_error_from_os(exc, "the model bundle") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return name


def _activate(folder: str, manifest_sha256: str) -> None:
    ptr = read_pointer()
    history: list[str] = []
    if ptr is not None:
        history = [ptr["active"], *ptr["history"]]
    history = [h for i, h in enumerate(history) if h != folder and h not in history[:i]]
    _write_pointer(folder, manifest_sha256, history)
    _prune(folder, history[:HISTORY_KEEP])


def _prune(active: str, keep: list[str]) -> None:
    """Delete bundles that are neither active nor among the kept previous ones nor candidates."""
    keep_set = {active, *keep, *(c["folder"] for c in _read_candidates())}
    try:
        for p in _models().iterdir():
            if p.is_dir() and not p.name.startswith(".") and p.name not in keep_set and (p / MANIFEST).exists():
                _trash(p)
    except OSError:
        pass


def _read_candidates() -> list[dict]:
    """The candidate list (newest first); [] when there is none or it is unreadable."""
    try:
        data = json.loads((_models() / CANDIDATES).read_text(encoding="utf-8"))
    except (OSError, ValueError, StorageError):
        return []
    items = data.get("candidates") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    return [c for c in items if isinstance(c, dict) and isinstance(c.get("folder"), str) and _safe_folder(c["folder"])]


def _write_candidates(items: list[dict]) -> None:
    atomic_write_json(
        _models() / CANDIDATES,
        {"schema": 1, "candidates": items, "updated_at": _now()},
        what="the list of candidate models",
    )


def candidates() -> list[dict]:
    """Installed candidate bundles that were not promoted (newest first): folder, name, version,
    manifest_sha256, added_at, reason, run_id. Never raises."""
    try:
        with _lock:
            return [dict(c) for c in _read_candidates() if (_models() / c["folder"]).is_dir()]
    except Exception:  # informative only
        log.exception("reading the candidate list failed")
        return []


def install_candidate(path: Path | str, *, reason: str = "", run_id: str = "") -> str:
    """Verify a bundle and install it next to the others WITHOUT making it active; list it as a
    candidate with ``reason`` (why it was not promoted). Returns its folder name. The active model
    and the rollback history are untouched; the oldest candidates beyond :data:`CANDIDATES_KEEP`
    are deleted (unless active or in the history)."""
    contents, problems = read_for_install(path)
    if contents is None:
        raise _refuse(problems)
    with _mutating():
        folder = _place(contents)
        ptr = read_pointer() or {"active": "", "history": []}
        if folder == ptr["active"]:  # the very bundle that is active: nothing to keep apart
            return folder
        entry = {
            "folder": folder,
            "name": contents.name,
            "version": contents.version,
            "manifest_sha256": contents.manifest_sha256,
            "added_at": _now(),
            "reason": reason,
            "run_id": run_id,
        }
        items = [entry] + [c for c in _read_candidates() if c["folder"] != folder]
        keep, drop = items[:CANDIDATES_KEEP], items[CANDIDATES_KEEP:]
        _write_candidates(keep)
        for c in drop:
            if c["folder"] != ptr["active"] and c["folder"] not in ptr["history"]:
                _trash(_models() / c["folder"])
    log.info("model bundle %s %s installed as candidate %s", contents.name, contents.version, folder)
    return folder


def activate_installed(folder: str) -> ModelInfo:
    """Make an installed bundle (e.g. a candidate) active: verify it again, then switch the pointer
    atomically; the model active before goes to the top of the rollback history."""
    with _mutating():
        if not _safe_folder(folder) or not (_models() / folder).is_dir():
            raise ModelError(msg("That model is not installed."))
        contents, problems = read_for_install(_models() / folder)
        if contents is None:
            raise _refuse(problems, msg("The installed model"))
        items = _read_candidates()
        if any(c["folder"] == folder for c in items):
            _write_candidates([c for c in items if c["folder"] != folder])
        _activate(folder, contents.manifest_sha256)
    log.info("model bundle %s activated", folder)
    return registry_status()


def install_bundle(path: Path | str) -> ModelInfo:
    """Verify a bundle (folder or .zip), copy it into the model folder and make it active. A refused
    bundle changes nothing."""
    contents, problems = read_for_install(path)
    if contents is None:
        raise _refuse(problems)
    with _mutating():
        folder = _place(contents)
        _activate(folder, contents.manifest_sha256)
    log.info("model bundle %s %s installed as %s", contents.name, contents.version, folder)
    return registry_status()


def remove_bundle(folder: str) -> None:
    """Delete an installed bundle that is not active (it also leaves the rollback history)."""
    with _mutating():
        ptr = read_pointer()
        if ptr is not None and ptr["active"] == folder:
            raise ModelError(msg("The active model cannot be removed; activate or roll back to another one first."))
        if not _safe_folder(folder):
            raise ModelError(msg("That is not an installed model."))
        if ptr is not None and folder in ptr["history"]:
            _write_pointer(ptr["active"], ptr.get("manifest_sha256", ""), [h for h in ptr["history"] if h != folder])
        items = _read_candidates()
        if any(c["folder"] == folder for c in items):
            _write_candidates([c for c in items if c["folder"] != folder])
        _trash(_models() / folder)


def rollback() -> ModelInfo:
    """Make the previous bundle active again (after verifying it)."""
    with _mutating():
        ptr = read_pointer()
        if ptr is None or not ptr["history"]:
            raise ModelError(msg("There is no previous model to roll back to."))
        prev, rest = ptr["history"][0], ptr["history"][1:]
        if not _safe_folder(prev) or not (_models() / prev).is_dir():
            _write_pointer(ptr["active"], ptr.get("manifest_sha256", ""), rest)
            raise ModelError(msg("The previous model is no longer installed; it was taken off the rollback list."))
        contents, problems = read_for_install(_models() / prev)
        if contents is None:
            raise _refuse(problems, msg("The previous model"))
        _write_pointer(prev, contents.manifest_sha256, rest, rolled_back_from=ptr["active"])
    log.info("rolled back from %s to %s", ptr["active"], prev)
    return registry_status()


def ensure_installed() -> ModelInfo:
    """First start: install the shipped bundle when no model is active. Idempotent; never raises."""
    with _lock:
        try:
            ptr = read_pointer()
            if ptr is not None and _safe_folder(ptr["active"]) and (_models() / ptr["active"]).is_dir():
                return registry_status()  # the common case: no lock, no sweep
            with _mutating():
                return _ensure_installed_locked()
        except (StorageError, OSError) as exc:
            log.warning("model folder unavailable: %r", exc)
            return _fallback("the model folder cannot be used (" + lower_first(getattr(exc, "message", str(exc))) + ")")


def _ensure_installed_locked() -> ModelInfo:
    _sweep()
    ptr = read_pointer()  # again, under the lock: another process may have installed meanwhile
    if ptr is not None and _safe_folder(ptr["active"]) and (_models() / ptr["active"]).is_dir():
        return registry_status()
    shipped = shipped_bundle()
    if shipped is None:
        return _fallback(
            msg("no model is installed and the model shipped with the app is missing from this installation")
        )
    try:
        return install_bundle(shipped)
    except ModelError as exc:
        log.warning("the shipped model bundle was refused: %s", exc.details or exc.message)
        return _fallback(msg("the model shipped with the app was refused ({why})", why=lower_first(exc.message)))


def _fallback(reason: str) -> ModelInfo:
    return ModelInfo(
        status=ModelStatus.FALLBACK, reason=sentence(msg("{reason}; predictions use the physics model", reason=reason))
    )


# ------------------------------------------------------------------------------------ status and scorer


def held_out_summary(held: Mapping) -> dict[str, dict]:
    """Per property, the held-out figures of a manifest's ``metrics.held_out`` as the model status
    shows them: unit, physics MAE, model (blend) MAE and their ratio."""
    return {
        k: {
            "unit": v.get("unit"),
            "mae_physics": v.get("mae_physics"),
            "mae_model": v.get("mae_blend"),
            "ratio": v.get("blend_vs_physics"),
        }
        for k, v in held.items()
        if isinstance(v, Mapping)
    }


def bundle_info(contents: BundleContents) -> ModelInfo:
    """The status of a verified bundle: name, version, why it is used, its held-out figures."""
    m = contents.manifest
    metrics = m.get("metrics", {})
    held = metrics.get("held_out", {})
    summary = {
        "held_out": held_out_summary(held),
        "coverage": metrics.get("coverage", {}),
        "mean_width": metrics.get("mean_width", {}),
        "n_test": metrics.get("n_test"),
        "blend_weights": metrics.get("blend_weights", {}),
        # do-no-harm: True where a member is gated (predicts exactly physics); {} for older bundles
        "member_gates": {
            k: {"random_forest": v["random_forest_gated"], "xgboost": v["xgboost_gated"]}
            for k, v in held.items()
            if "random_forest_gated" in v
        },
        "ood_rate": metrics.get("ood_rate"),
        "trained_at": m.get("trained_at"),
        "trained_on": m.get("trained_on", {}).get("rows", {}),
    }
    rows = m.get("trained_on", {}).get("rows", {})
    n_sim = rows.get("virtual_lab_v1", 0)
    n_meas = sum(v for k, v in rows.items() if k != "virtual_lab_v1")
    values = {"name": contents.name, "version": contents.version, "when": m.get("trained_at", "?"), "sim": n_sim}
    reason = (
        msg(
            "Verified model {name} {version}, trained {when} on {sim:,} simulated trials and {meas:,} measured rows.",
            meas=n_meas,
            **values,
        )
        if n_meas
        else msg(
            "Verified model {name} {version}, trained {when} on {sim:,} simulated trials (no real trial data yet).",
            **values,
        )
    )
    if not _physics_matches(m.get("trained_on", {}).get("physics_fingerprint")):
        reason += msg(
            " The physics model or the datasets changed since it was trained, so its corrections may be "
            "stale: retrain it."
        )
        summary["physics_changed"] = True
    return ModelInfo(
        name=contents.name,
        version=contents.version,
        status=ModelStatus.READY,
        reason=reason,
        manifest_sha256=contents.manifest_sha256,
        metrics=summary,
    )


def _physics_matches(fingerprint) -> bool:
    try:
        return fingerprint == physics_fingerprint(load_catalog())
    except Exception:  # informative only
        log.exception("physics fingerprint failed")
        return True


def _check_active(ptr: dict) -> tuple[BundleContents | None, ModelInfo]:
    folder = ptr["active"]
    if not _safe_folder(folder) or not (_models() / folder).is_dir():
        return None, _fallback(msg("the active model is no longer installed (roll back or install a model)"))
    contents, problems = read_bundle(_models() / folder)
    if contents is None:
        return None, _fallback(
            msg("the active model failed verification ({problem}); roll back or reinstall it", problem=problems[0])
        )
    if ptr.get("manifest_sha256") and contents.manifest_sha256 != ptr["manifest_sha256"]:
        return None, _fallback(
            msg("the active model's files changed after it was installed; roll back or reinstall it")
        )
    return contents, bundle_info(contents)


def registry_status() -> ModelInfo:
    """What the app will score with and why. Cheap after the first call for a given active bundle
    (verification is cached; no model is deserialised here). Never raises."""
    try:
        with _lock:
            ptr = read_pointer()
            if ptr is None:
                if shipped_bundle() is None:
                    return _fallback(
                        msg(
                            "no model is installed and the model shipped with the app is missing from this installation"
                        )
                    )
                return _fallback(msg("no model is installed yet"))
            key = _key(ptr)
            if key in _scorers:
                return _scorers[key].info
            if key in _failures:
                return _failures[key]
            if key not in _status:
                _status.clear()
                _contents, info = _check_active(ptr)
                _status[key] = info
            return _status[key]
    except Exception:  # never raise to the window
        log.exception("registry status failed")
        return _fallback(msg("the model registry could not be read (details in the log)"))


def active_scorer() -> Scorer:
    """The scorer for the active verified bundle (cached per bundle), or the physics scorer with the
    reason. Never raises."""
    try:
        with _lock:
            info = ensure_installed()
            ptr = read_pointer()
            if ptr is None:
                return PhysicsScorer(info if info.status != ModelStatus.READY else _fallback(msg("no model is active")))
            key = _key(ptr)
            if key in _scorers:
                return _scorers[key]
            if key in _failures:
                return PhysicsScorer(_failures[key])
            scorer = _load(ptr)
            if isinstance(scorer, PhysicsScorer):
                _failures.clear()
                _failures[key] = scorer.info
            else:
                _scorers.clear()
                _scorers[key] = scorer
            return scorer
    except Exception:  # a bug must not stop generation: physics, and the traceback to the log
        log.exception("loading the active model failed")
        return PhysicsScorer(_fallback(msg("the active model could not be loaded (details in the log)")))


def _load(ptr: dict) -> Scorer:
    contents, info = _check_active(ptr)
    if contents is None:
        return PhysicsScorer(info)
    with _checked_guard:
        ens = _checked.pop(contents.manifest_sha256, None)
    try:
        ens = ens or load_ensemble(contents, nthread=worker_threads())
    except ModelError as exc:
        log.warning("active model not loadable: %s (%s)", exc.message, exc.details)
        return PhysicsScorer(
            _fallback(msg("the active model could not be loaded ({why})", why=lower_first(exc.message)))
        )
    return MLScorer(ens, info)


def clear_cache() -> None:
    """Forget loaded scorers and cached verification (tests; after files changed on disk)."""
    with _lock:
        _scorers.clear()
        _failures.clear()
        _status.clear()


# ------------------------------------------------------------------------------------ training


def train_and_install(ctx: RunContext | None = None, seed: int = 0, extra_rows=None, **kw) -> ModelInfo:
    """Train a bundle (:func:`ml.train.train_bundle`) in the model folder's staging area, install it
    and make it active."""
    ctx = ctx or NullContext()
    kw.setdefault("version", f"{DEFAULT_VERSION}+local.{datetime.now(UTC).strftime('%Y%m%d%H%M%S')}")
    work = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + "train-", dir=_models()))
    try:
        bundle = train_bundle(work / "bundle", ctx, seed, extra_rows, **kw)
        ctx.check_cancelled()
        return install_bundle(bundle)
    except OSError as exc:
        raise storage_error_from_os(exc, "the trained model") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
