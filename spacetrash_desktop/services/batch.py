"""A folder queue for unattended planning runs (``spacetrash batch --queue DIR``).

Layout under the queue folder::

    pending/<id>.json            jobs waiting (operators drop files here)
    running/<id>.json            the job being worked on (at most one per runner)
    processed/<id>.json          the result (the versioned result contract) ...
    processed/<id>.job.json      ... and the job that produced it
    failed/<id>.json             a job that failed ...
    failed/<id>.error.json       ... and why: {code, message} (no internal paths; traceback in the log)

Guarantees:

* Every move is an atomic rename inside the queue folder, so a job is in exactly one folder.
* A result is written atomically *before* the job leaves ``running/``. A runner killed at any
  instant leaves the job in ``running/``; the next runner finishes the bookkeeping if the result is
  already there, and runs the job again otherwise, so every job completes exactly once.
* A job whose run was interrupted three times (it may be what crashes the runner) is failed with
  INTERNAL instead of being retried forever.
* Re-submitting an id that was already processed is refused (BAD_INPUT): nothing runs twice.
* One runner per queue folder at a time (an OS lock that dies with its holder).
* A job file larger than ``max_job_bytes`` is refused before it is read; a job that needs more than
  ``timeout_s`` of wall time is stopped and failed with TIMEOUT.

Job file (JSON object)::

    {"id": "optional; defaults to the file name. When given, results and errors are filed under it
           (processed/<id>.json) and it is checked for re-submission like a file name",
     "inventory": "default" | "file.csv|.parquet (relative to the queue folder or absolute)",
     "target": "<preset or scenario id>" | {a full target object, as targets.json},
     "time_budget_s": 10, "seed": 0 (a whole number), "max_evals": null (or a whole number), "mode": "auto",
     "on_bad_rows": "fail" | "skip"}
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from spacetrash_desktop.catalog import InventoryImportError, import_inventory, load_catalog, parse_target
from spacetrash_desktop.catalog.datasets import apply_target_base
from spacetrash_desktop.context import Cancelled, RunContext
from spacetrash_desktop.domain import ModelStatus
from spacetrash_desktop.engine.recommend import percent
from spacetrash_desktop.errors import BadInputError, ErrorCode, ModelError, SpaceTrashError, StorageError
from spacetrash_desktop.services.batch_plan import run_plan_job
from spacetrash_desktop.services.generate import default_scorer, generate
from spacetrash_desktop.services.results_io import result_to_dict
from spacetrash_desktop.storage.atomic import atomic_write_json, fsync_dir

if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt
else:
    import fcntl

log = logging.getLogger(__name__)

FOLDERS = ("pending", "running", "processed", "failed")
MAX_JOB_BYTES = 256 * 1024
DEFAULT_TIMEOUT_S = 300.0
DEFAULT_TIME_BUDGET_S = 10.0
MAX_ATTEMPTS = 3  # a job interrupted this many times (runner crash or kill) is failed, not retried
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
JOB_KEYS = {"id", "inventory", "target", "time_budget_s", "seed", "max_evals", "mode", "on_bad_rows"}


class JobStatus(StrEnum):
    """What became of a job (compares equal to its text)."""

    PROCESSED = "processed"
    FAILED = "failed"
    SKIPPED = "skipped"


class JobTimeout(Exception):
    """The job needed more wall time than the runner's timeout."""


@dataclass
class JobOutcome:
    job_id: str
    status: str  # a JobStatus: processed | failed | skipped
    code: str = ""
    message: str = ""
    seconds: float = 0.0
    recommended: str = ""  # processed jobs: "R… (97%)", the recommended recipe and its chance


@dataclass
class RunSummary:
    outcomes: list[JobOutcome] = field(default_factory=list)
    recovered: int = 0

    @property
    def failed(self) -> int:
        return sum(1 for o in self.outcomes if o.status == JobStatus.FAILED)

    @property
    def processed(self) -> int:
        return sum(1 for o in self.outcomes if o.status == JobStatus.PROCESSED)


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


class QueueLock:
    """Non-blocking exclusive lock on ``<queue>/.runner.lock``; released when the holder dies."""

    def __init__(self, queue: Path):
        self.path = queue / ".runner.lock"
        self.fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StorageError(f"Cannot lock the queue folder ({exc.strerror}).") from exc
        try:
            if sys.platform == "win32":  # pragma: no cover - Windows
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise BadInputError("Another runner is already working on this queue.") from None
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor drops the lock
            self.fd = None


class BatchQueue:
    def __init__(
        self,
        root: Path | str,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        max_job_bytes: int = MAX_JOB_BYTES,
        scorer_factory: Callable | None = None,
    ):
        self.root = Path(root)
        self.timeout_s = float(timeout_s)
        self.max_job_bytes = int(max_job_bytes)
        self.scorer_factory = scorer_factory
        self.stop_requested = False
        try:
            for name in FOLDERS:
                (self.root / name).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"Cannot create the queue folders ({exc.strerror}).") from exc

    def dir(self, name: str) -> Path:
        return self.root / name

    # ------------------------------------------------------------------------------ bookkeeping

    def _move(self, src: Path, dst: Path) -> None:
        os.replace(src, dst)
        fsync_dir(dst.parent)
        if src.parent != dst.parent:
            fsync_dir(src.parent)

    def _attempts_path(self, job_id: str) -> Path:
        return self.dir("running") / f".{job_id}.attempts"

    def recover(self) -> int:
        """Finish what a killed runner left in ``running/``. Returns how many jobs were recovered."""
        n = 0
        for job in sorted(self.dir("running").glob("*.json")):
            job_id = job.stem
            n += 1
            result = self.dir("processed") / f"{job_id}.json"
            if result.exists():  # the result is durable: only the bookkeeping was interrupted
                self._move(job, self.dir("processed") / f"{job_id}.job.json")
                self._clear_attempts(job_id)
                log.info("batch: recovered finished job %s", job_id)
                continue
            attempts = self._read_attempts(job_id)
            if attempts >= MAX_ATTEMPTS:
                self._fail(
                    job,
                    job_id,
                    ErrorCode.INTERNAL,
                    f"The job stopped the runner {attempts} times; it was not retried again.",
                )
                continue
            self._move(job, self.dir("pending") / job.name)
            log.info("batch: job %s returned to pending after an interrupted run", job_id)
        self._clear_stale_attempts()
        return n

    def _clear_stale_attempts(self) -> None:
        """Attempt counters whose job is no longer in running/ (a runner killed between the job's
        final move and this cleanup): they would count against a later job of the same id."""
        for counter in self.dir("running").glob(".*.attempts"):
            job_id = counter.name[1 : -len(".attempts")]
            if not (self.dir("running") / f"{job_id}.json").exists():
                self._clear_attempts(job_id)
                log.info("batch: removed the stale attempt counter of job %s", job_id)

    def _read_attempts(self, job_id: str) -> int:
        try:
            return int(self._attempts_path(job_id).read_text().strip() or 0)
        except (OSError, ValueError):
            return 0

    def _clear_attempts(self, job_id: str) -> None:
        try:
            self._attempts_path(job_id).unlink()
        except OSError:
            pass

    def pending(self) -> list[Path]:
        return sorted(p for p in self.dir("pending").glob("*.json") if not p.name.startswith("."))

    # --------------------------------------------------------------------------------- running

    def run(
        self, *, watch: bool = False, poll_s: float = 2.0, on_event: Callable[[str], None] | None = None
    ) -> RunSummary:
        lock = QueueLock(self.root)
        lock.acquire()
        summary = RunSummary()
        say = on_event or (lambda msg: None)
        try:
            summary.recovered = self.recover()
            if summary.recovered:
                say(f"recovered {summary.recovered} job(s) left running by an interrupted runner")
            while not self.stop_requested:
                jobs = self.pending()
                if not jobs:
                    if not watch:
                        break
                    time.sleep(poll_s)
                    continue
                for path in jobs:
                    if self.stop_requested:
                        break
                    say(f"started {path.stem}")
                    outcome = self.process(path)
                    if outcome is not None:
                        summary.outcomes.append(outcome)
                        say(
                            f"{outcome.job_id}: {outcome.status}"
                            + (f" ({outcome.code}: {outcome.message})" if outcome.code else "")
                            + f" in {outcome.seconds:.1f} s"
                            + (f"; recommended {outcome.recommended}" if outcome.recommended else "")
                        )
        finally:
            lock.release()
        return summary

    def process(self, path: Path) -> JobOutcome | None:
        """Claim one pending job (atomic move to running/), run it, file the result."""
        t0 = time.monotonic()
        job_id = path.stem
        running = self.dir("running") / path.name
        try:
            os.replace(path, running)  # the claim: whoever renames first owns the job
        except FileNotFoundError:
            return None
        fsync_dir(running.parent)
        if not ID_RE.match(job_id):
            return self._fail(
                running,
                _safe_id(job_id),
                ErrorCode.BAD_INPUT,
                "The job file name must be 1-64 letters, digits, '.', '_' or '-'.",
                t0,
            )
        try:
            running, job_id = self._adopt_job_id(running, job_id)
        except BadInputError as exc:
            return self._fail(running, job_id, exc.code, exc.message, t0)
        if (self.dir("processed") / f"{job_id}.json").exists():
            return self._fail(
                running,
                job_id,
                ErrorCode.BAD_INPUT,
                f"A job with id '{job_id}' was already processed; submit it under a new name.",
                t0,
                keep_name=f"{job_id}.duplicate-{int(time.time())}",
            )
        atomic_write_json(self._attempts_path(job_id), self._read_attempts(job_id) + 1)
        try:
            job = self._read_job(running)
            result = self._run_job(job_id, job, t0)
        except JobTimeout:
            return self._fail(
                running,
                job_id,
                ErrorCode.TIMEOUT,
                f"The job needed more than the runner's {self.timeout_s:g} s timeout.",
                t0,
            )
        except Cancelled:
            # the runner is stopping: leave the job for the next run
            self._move(running, self.dir("pending") / running.name)
            self._clear_attempts(job_id)
            return None
        except SpaceTrashError as exc:
            log.info("batch: job %s failed: %s (%s)", job_id, exc.message, exc.details)
            return self._fail(running, job_id, exc.code, exc.message, t0)
        except MemoryError:
            return self._fail(running, job_id, ErrorCode.INTERNAL, "The job ran out of memory.", t0)
        except Exception:
            log.exception("batch: job %s failed unexpectedly", job_id)
            return self._fail(
                running,
                job_id,
                ErrorCode.INTERNAL,
                "Unexpected error while running the job; details are in the runner's log.",
                t0,
            )
        # durable result first, then the bookkeeping move
        atomic_write_json(self.dir("processed") / f"{job_id}.json", result, what="the job result")
        self._move(running, self.dir("processed") / f"{job_id}.job.json")
        self._clear_attempts(job_id)
        return JobOutcome(
            job_id, JobStatus.PROCESSED, seconds=time.monotonic() - t0, recommended=_recommended_text(result)
        )

    def _fail(
        self,
        running: Path,
        job_id: str,
        code: ErrorCode,
        message: str,
        t0: float | None = None,
        keep_name: str | None = None,
    ) -> JobOutcome:
        name = keep_name or job_id
        err = {
            "id": job_id,
            "code": code.value if isinstance(code, ErrorCode) else str(code),
            "message": message,
            "job_file": f"{name}.json",
            "failed_at": _now(),
        }
        atomic_write_json(self.dir("failed") / f"{name}.error.json", err, what="the job error")
        self._move(running, self.dir("failed") / f"{name}.json")
        self._clear_attempts(job_id)
        return JobOutcome(job_id, JobStatus.FAILED, err["code"], message, 0.0 if t0 is None else time.monotonic() - t0)

    def _adopt_job_id(self, running: Path, file_id: str) -> tuple[Path, str]:
        """The job's own ``id`` field, when it gives one, names the job: its file in running/ is
        renamed to ``<id>.json`` (atomic; a runner killed after it recovers the job under that id).
        A job file that cannot be read keeps its file name (the read error is reported when it runs)."""
        try:
            job = self._read_job(running)
        except BadInputError:
            return running, file_id
        given = job.get("id")
        if given is None or given == file_id:
            return running, file_id
        if not isinstance(given, str) or not ID_RE.match(given):
            raise BadInputError("The job's 'id' must be 1-64 letters, digits, '.', '_' or '-'.")
        renamed = self.dir("running") / f"{given}.json"
        if renamed.exists():
            raise BadInputError(f"Another job with id '{given}' is already running.")
        self._move(running, renamed)
        return renamed, given

    # ------------------------------------------------------------------------------ one job

    def _read_job(self, path: Path) -> dict:
        size = path.stat().st_size
        if size > self.max_job_bytes:
            raise BadInputError(
                f"The job file is {size / 1024:.0f} KB; the limit is {self.max_job_bytes / 1024:.0f} KB."
            )
        try:
            job = json.loads(path.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise BadInputError(f"The job file is not valid JSON ({_json_reason(exc)}).") from None
        if not isinstance(job, dict):
            raise BadInputError("The job file must hold a JSON object.")
        if job.get("type") == "plan":  # the plan job type (issue 13) checks its own fields
            return job
        unknown = sorted(set(job) - JOB_KEYS)
        if unknown:
            raise BadInputError(f"Unknown field(s) in the job: {', '.join(unknown)}.")
        if "target" not in job:
            raise BadInputError("The job has no 'target'.")
        return job

    def _run_job(self, job_id: str, job: dict, t0: float) -> dict:
        if job.get("type") == "plan":  # issue 13: services/batch_plan.py
            return run_plan_job(self, job_id, job, _JobContext(self, t0 + self.timeout_s))
        catalog = load_catalog()
        items, warnings = self._inventory(job.get("inventory", "default"), job.get("on_bad_rows", "fail"))
        target = self._target(job["target"], catalog)
        budget = _number(job, "time_budget_s", DEFAULT_TIME_BUDGET_S, 0.1, 86400)
        seed = _whole_number(job, "seed", 0, 0, 2**31 - 1)
        max_evals = job.get("max_evals")
        if max_evals is not None:
            max_evals = _whole_number(job, "max_evals", 0, 1, 10**9)
        mode = job.get("mode", "auto")
        if mode not in {"auto", "exact", "evolutionary"}:
            raise BadInputError("'mode' must be auto, exact or evolutionary.")
        try:
            scorer = self.scorer_factory() if self.scorer_factory else default_scorer()
        except SpaceTrashError:
            raise
        except Exception as exc:
            raise ModelError("The model could not be loaded to score this job.", details=repr(exc)) from exc
        hard_deadline = t0 + self.timeout_s
        ctx = _JobContext(self, hard_deadline)
        t_gen = time.monotonic()
        try:
            result = generate(
                items,
                target,
                scorer=scorer,
                ctx=ctx,
                mode=mode,
                time_budget_s=budget,
                seed=seed,
                max_evals=max_evals,
                catalog=catalog,
            )
        except (JobTimeout, Cancelled):
            raise
        except SpaceTrashError:
            raise
        except (ValueError, FloatingPointError) as exc:
            if scorer.info.status == ModelStatus.READY:
                raise ModelError("The model failed while scoring this job.", details=repr(exc)) from exc
            raise
        if time.monotonic() > hard_deadline:
            raise JobTimeout()
        out = result_to_dict(
            result, timings={"job_s": round(time.monotonic() - t0, 4), "generate_s": round(time.monotonic() - t_gen, 4)}
        )
        out["job"] = {
            "id": job_id,
            "inventory": job.get("inventory", "default")
            if isinstance(job.get("inventory", "default"), str)
            else "inline",
            "target": job["target"] if isinstance(job["target"], str) else target.target_id,
            "time_budget_s": budget,
            "seed": seed,
            "input_warnings": warnings,
        }
        return out

    def _inventory(self, spec, on_bad_rows: str):
        if on_bad_rows not in {"fail", "skip"}:
            raise BadInputError("'on_bad_rows' must be fail or skip.")
        if spec in (None, "default"):
            return list(load_catalog().default_inventory), []
        if not isinstance(spec, str):
            raise BadInputError("'inventory' must be 'default' or a file name.")
        path = Path(spec)
        if not path.is_absolute():
            path = self.root / path
        try:
            res = import_inventory(path, filename=Path(spec).name)
        except InventoryImportError as exc:
            first = exc.issues[0]
            raise BadInputError(f"Inventory '{Path(spec).name}': {first.message}.") from None
        warnings = [e.describe() for e in res.errors]
        if res.errors and on_bad_rows == "fail":
            raise BadInputError(
                f"Inventory '{Path(spec).name}' has {len(res.errors)} bad row(s); first: "
                f'{res.errors[0].describe()}. Fix it or set "on_bad_rows": "skip".'
            )
        if not res.items:
            raise BadInputError(f"Inventory '{Path(spec).name}' has no usable rows.")
        return res.items, warnings

    def _target(self, spec, catalog):
        if isinstance(spec, str):
            if spec not in catalog.targets:
                raise BadInputError(f"Unknown target '{spec[:60]}'.")
            return catalog.targets[spec]
        if isinstance(spec, dict):
            if "base" in spec:  # a bundled target with some fields changed
                spec, base_problems = apply_target_base(spec, catalog.targets, "target")
                if base_problems:
                    raise BadInputError("; ".join(base_problems))
            target, problems = parse_target(spec, catalog.processes, where="target")
            if problems:
                raise BadInputError("; ".join(problems[:5]))
            return target
        raise BadInputError("'target' must be a preset id or a target object.")


class _JobContext(RunContext):
    def __init__(self, queue: BatchQueue, hard_deadline: float):
        super().__init__()
        self.queue = queue
        self.hard_deadline = hard_deadline

    def check_cancelled(self) -> None:
        if self.queue.stop_requested:
            raise Cancelled()
        if time.monotonic() > self.hard_deadline:
            raise JobTimeout()


def _number(job: dict, key: str, default, lo, hi) -> float:
    raw = job.get(key, default)
    if raw is None:
        return default
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise BadInputError(f"'{key}' must be a number.")
    x = float(raw)
    if not (lo <= x <= hi) or x != x:
        raise BadInputError(f"'{key}' must be between {lo:g} and {hi:g}.")
    return x


def _whole_number(job: dict, key: str, default: int, lo: int, hi: int) -> int:
    """A field that must be a whole number: 7 and 7.0 are 7; 7.5 is refused (never truncated)."""
    x = _number(job, key, default, lo, hi)
    if x != int(x):
        raise BadInputError(f"'{key}' must be a whole number (got {job[key]!r}).")
    return int(x)


def _recommended_text(result: dict) -> str:
    """'R… (97%)': the result's recommended recipe and its chance of meeting the target ('' without one)."""
    rec = result.get("recommended")
    if not rec:
        return ""
    return f"{rec['id']} ({percent(rec['p_meets_target'])} chance of meeting every requirement)"


def _json_reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
    return "not UTF-8 text"


def _safe_id(raw: str) -> str:
    s = re.sub(r"[^A-Za-z0-9_.-]+", "_", raw)[:64].strip("._-")
    return s or "job"
