"""The layering rule: nothing below ``spacetrash_desktop/ui`` imports Qt or pyqtgraph, and the
engine-side packages import and run with Qt made unavailable."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "spacetrash_desktop"
QT_MODULES = {"PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6"}
ENGINE_SIDE = ["engine", "ml", "catalog", "storage", "services", "commands", "bench"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


def test_no_qt_imports_outside_ui():
    offenders = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        if rel.parts[0] == "ui":
            continue
        bad = _imports(path) & QT_MODULES
        if bad:
            offenders.append(f"{rel}: {sorted(bad)}")
    assert not offenders, "Qt imported outside spacetrash_desktop/ui:\n" + "\n".join(offenders)


def test_engine_side_runs_without_qt(tmp_path):
    """Block Qt at import time, import every engine-side module and run a small generation."""
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in {'PySide6', 'shiboken6', 'pyqtgraph'}:
                    raise ImportError('Qt is blocked in this test: ' + name)
        sys.meta_path.insert(0, Block())
        import spacetrash_desktop
        for sub in %r:
            try:
                pkg = importlib.import_module('spacetrash_desktop.' + sub)
            except ModuleNotFoundError as e:
                if e.name == 'spacetrash_desktop.' + sub:
                    continue
                raise
            for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):
                importlib.import_module(m.name)
        from spacetrash_desktop.catalog import load_catalog
        from spacetrash_desktop.engine.scorer import PhysicsScorer
        from spacetrash_desktop.services.generate import generate
        cat = load_catalog()
        res = generate(list(cat.default_inventory)[:6], cat.targets['container'], scorer=PhysicsScorer(),
                       max_evals=3000, mode='evolutionary')
        assert 'PySide6' not in sys.modules and 'pyqtgraph' not in sys.modules
        print('ok', res.stats['evaluated'])
        """
    ) % (ENGINE_SIDE,)
    env = {**__import__("os").environ, "SPACETRASH_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.startswith("ok")


def test_import_contracts_hold():
    """The layer contracts in pyproject.toml (import-linter): ui | commands -> services -> bench -> ml ->
    engine -> catalog -> storage -> base; the window and the command line enter through services only;
    Qt only in ui. The contract covers imports inside functions too, which the AST test above reads as
    well but cannot follow through other modules."""
    exe = Path(sys.executable).with_name("lint-imports")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "importlinter.cli"]
    proc = subprocess.run(
        [*cmd, "--no-cache"], capture_output=True, text=True, cwd=PKG.parent, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
