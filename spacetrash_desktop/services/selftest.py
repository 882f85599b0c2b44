"""``spacetrash self-test``: the smoke test an operator (and CI) runs on an installed or frozen build.

Each check prints one line (``PASS``/``FAIL``, the time it took, what it found) and the command
exits non-zero when any check fails. Everything runs in a temporary data directory, so the
self-test never touches the crew's data.
"""

from __future__ import annotations

import importlib
import logging
import os
import pkgutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

import numpy as np

import spacetrash_desktop
from spacetrash_desktop.bench.inventories import synthetic_inventory
from spacetrash_desktop.catalog import load_catalog
from spacetrash_desktop.domain import ModelStatus
from spacetrash_desktop.engine.problem import build_problem, exact_chunks
from spacetrash_desktop.engine.tables import compile_tables
from spacetrash_desktop.ml import registry
from spacetrash_desktop.services import qt_platform
from spacetrash_desktop.services.feedback import list_feedback, record_feedback
from spacetrash_desktop.services.generate import default_scorer, generate
from spacetrash_desktop.services.workorder import check_work_order

log = logging.getLogger(__name__)

WindowCheck = Callable[[], str]  # opens the window, returns what it showed; raises on failure

THIRD_PARTY = (
    "numpy",
    "pandas",
    "pyarrow",
    "pyarrow.parquet",
    "sklearn.ensemble",
    "xgboost",
    "skops.io",
    "moocore",
    "platformdirs",
    "PySide6.QtWidgets",
    "PySide6.QtGui",
    "pyqtgraph",
)


@dataclass
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float


def _check_imports() -> str:
    count = 0
    for mod in THIRD_PARTY:
        importlib.import_module(mod)
        count += 1
    for info in pkgutil.walk_packages(spacetrash_desktop.__path__, "spacetrash_desktop."):
        if info.name.endswith("__main__") or ".screenshots" in info.name:
            continue
        importlib.import_module(info.name)
        count += 1
    return f"{count} modules"


def _check_catalog() -> str:
    cat = load_catalog()
    total = sum(i.mass_kg for i in cat.default_inventory)
    return (
        f"{len(cat.materials)} materials, {len(cat.processes)} processes, {len(cat.targets)} targets, "
        f"{len(cat.default_inventory)} items ({total:,.0f} kg)"
    )


def _check_model() -> str:
    info = registry.ensure_installed()
    status = registry.registry_status()
    if status.status != ModelStatus.READY:
        raise RuntimeError(f"model status is {status.status!r}: {status.reason}")
    return f"{info.name} {info.version} verified and active"


def _check_scoring() -> str:
    cat = load_catalog()
    tables = compile_tables(cat, synthetic_inventory(cat, 12, seed=0))
    target = cat.targets["interior_panel"]
    batch = next(exact_chunks(build_problem(tables, target), chunk=2000))
    scorer = default_scorer()
    status = registry.registry_status()
    if status.status == ModelStatus.READY and scorer.info.status != ModelStatus.READY:
        raise RuntimeError(
            f"the active model is ready but scoring fell back to {scorer.info.name}: {scorer.info.reason}"
        )
    s = scorer.score(tables, batch, target.batch_mass_kg)
    if not (np.isfinite(s.props).all() and np.isfinite(s.lo).all() and np.isfinite(s.hi).all()):
        raise RuntimeError("non-finite predictions")
    if not ((s.lo <= s.props + 1e-9).all() and (s.props <= s.hi + 1e-9).all()):
        raise RuntimeError("a prediction lies outside its interval")
    return f"{len(batch)} recipes scored by {scorer.info.name} ({scorer.info.status})"


def _check_generate() -> str:
    cat = load_catalog()
    res = generate(list(cat.default_inventory), cat.targets["container"], max_evals=5000, mode="evolutionary", seed=0)
    if not res.front:
        raise RuntimeError("no feasible recipe for the container preset")
    order = check_work_order(res.front[0], res.target, res.model)  # the crew's work order of a front recipe (HTML)
    return f"{len(res.front)} recipes on the front, {res.stats['evaluated']:,} scored; work order of {len(order.steps)} steps"


def _check_feedback() -> str:
    row = {
        "recipe_id": "Rselftest0001",
        "recipe_json": {
            "items": [{"item_id": "W018", "fraction": 1.0}],
            "regolith_frac": 0.0,
            "process_id": "hot_press_lamination",
            "batch_mass_kg": 1.0,
        },
        "who": "self-test",
        "rigidity": 0.5,
        "rigidity_method": "judged",
        "notes": "written by spacetrash self-test",
    }
    row_id = record_feedback(row)
    df = list_feedback()
    if row_id not in set(df["row_id"]):
        raise RuntimeError("the feedback row written was not read back")
    return f"row {row_id[:8]} written and read back"


def _check_qt_platform() -> str:
    """Qt's platform plugin can load here (diagnosed without starting Qt: a plugin that cannot load
    makes Qt abort the whole process)."""
    diagnosis = qt_platform.diagnose()
    if not diagnosis.ok:
        raise RuntimeError(diagnosis.message())
    if diagnosis.plugin is None:
        return "no display platform to check (offscreen)" if diagnosis.platform == "none" else "plugin not found"
    return f"{diagnosis.platform} plugin loads: every library it needs is installed"


def _check_window(window_check: WindowCheck | None) -> str:
    """The window, started on an EMPTY data folder (as on a new laptop): it must install the shipped
    model bundle by itself and show the model as ready. ``window_check`` is given by the top layer
    (the command line wires the window's own check); without one this check fails."""
    if window_check is None:
        raise RuntimeError("no window check was given (this build has no window)")
    if not qt_platform.diagnose().ok:  # Qt would abort the self-test itself
        raise RuntimeError("not opened: Qt's platform plugin cannot load (see the Qt platform check)")
    outer = os.environ.get("SPACETRASH_HOME")
    with tempfile.TemporaryDirectory(prefix="spacetrash-selftest-window-") as fresh:
        os.environ["SPACETRASH_HOME"] = fresh
        try:
            registry.clear_cache()
            detail = window_check()
        finally:
            if outer is not None:
                os.environ["SPACETRASH_HOME"] = outer
    if "model ready" not in detail:
        raise RuntimeError(f"started on an empty data folder, the window does not show a ready model: {detail}")
    return detail


def checks(window_check: WindowCheck | None = None) -> tuple[tuple[str, Callable[[], str]], ...]:
    """The checks in the order they run, each (name, function returning what it found)."""
    return (
        ("imports", _check_imports),
        ("catalog", _check_catalog),
        ("model bundle", _check_model),
        ("scoring", _check_scoring),
        ("generate", _check_generate),
        ("feedback", _check_feedback),
        ("Qt platform", _check_qt_platform),
        ("window", lambda: _check_window(window_check)),
    )


def run_self_test(
    out: TextIO | None = None, *, keep_home: bool = False, window_check: WindowCheck | None = None
) -> list[CheckResult]:
    """Run every check in a temporary data folder, printing one line per check to ``out``.

    ``window_check`` opens the window and returns what it showed (the ui layer's
    ``self_test_window``); services cannot import the window, so the caller passes it in."""
    out = out or sys.stdout
    results = []
    old_home = os.environ.get("SPACETRASH_HOME")
    tmp = tempfile.TemporaryDirectory(prefix="spacetrash-selftest-")
    os.environ["SPACETRASH_HOME"] = tmp.name
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        for name, fn in checks(window_check):
            t0 = time.perf_counter()
            try:
                detail = fn()
                ok = True
            except Exception as exc:  # a failed check is reported, never raised
                ok = False
                detail = f"{type(exc).__name__}: {exc}"
                log.error("self-test %s failed\n%s", name, traceback.format_exc())
            r = CheckResult(name, ok, detail, time.perf_counter() - t0)
            results.append(r)
            print(f"{'PASS' if ok else 'FAIL'} {name:13s} {r.seconds * 1000:7.0f} ms  {detail}", file=out, flush=True)
    finally:
        if old_home is None:
            os.environ.pop("SPACETRASH_HOME", None)
        else:
            os.environ["SPACETRASH_HOME"] = old_home
        if not keep_home:
            tmp.cleanup()
    return results
