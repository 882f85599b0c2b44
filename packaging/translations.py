"""Translation upkeep (developers and translators; the app only reads the results).

    python packaging/translations.py data es      # datasets/translations_es.csv: add new dataset texts
    python packaging/translations.py ui es        # resources/i18n/spacetrash_es.ts from the window's sources (pyside6-lupdate)
    python packaging/translations.py release es   # resources/i18n/spacetrash_es.qm (pyside6-lrelease)

The .ts file is the translators' source (Qt Linguist opens it); the .qm file is what the window
loads and what the bundle ships. ``tests/ui/test_translations.py`` checks both are complete and
that the .qm is built from the .ts in the repository.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacetrash_desktop.catalog.datasets import load_catalog_from  # noqa: E402
from spacetrash_desktop.catalog.translations import COLUMNS, rows_for, translations_file  # noqa: E402

I18N = ROOT / "resources" / "i18n"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        sys.exit(f"{name} not found: install PySide6 in this environment")
    return found


def data(lang: str) -> Path:
    root = ROOT / "datasets"
    rows = rows_for(load_catalog_from(root), lang, root)
    path = translations_file(lang, root)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    missing = sum(1 for r in rows if not r["translation"])
    print(f"{path.relative_to(ROOT)}: {len(rows)} texts, {missing} without a translation")
    return path


def ts_file(lang: str) -> Path:
    return I18N / f"spacetrash_{lang}.ts"


def qm_file(lang: str) -> Path:
    return I18N / f"spacetrash_{lang}.qm"


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "spacetrash_desktop" / "ui").glob("*.py"))


def ui(lang: str) -> Path:
    I18N.mkdir(parents=True, exist_ok=True)
    cmd = [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *ui_sources(), "-ts", str(ts_file(lang))]
    subprocess.run(cmd, cwd=ROOT, check=True)
    return ts_file(lang)


def release(lang: str, out: Path | None = None) -> Path:
    target = out or qm_file(lang)
    cmd = [_tool("pyside6-lrelease"), "-silent", str(ts_file(lang)), "-qm", str(target)]
    subprocess.run(cmd, cwd=ROOT, check=True)
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in {"data", "ui", "release"}:
        sys.exit(__doc__)
    {"data": data, "ui": ui, "release": release}[sys.argv[1]](sys.argv[2])
