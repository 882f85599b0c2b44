"""Translation upkeep (developers and translators; the app only reads the results).

    python packaging/translations.py data es      # datasets/translations_es.csv: add new dataset texts
    python packaging/translations.py ui es [AREA]         # resources/i18n/es/<area>.ts from the window's sources (pyside6-lupdate)
    python packaging/translations.py todo es AREA         # the messages of an area without a translation, as JSON {source: ""}
    python packaging/translations.py fill es AREA F.json  # put the translations of F.json ({source: translation}) into the area's .ts
    python packaging/translations.py release es           # resources/i18n/spacetrash_es.qm from them all (pyside6-lrelease)

The window's sources are split into areas (``AREAS``: one .ts file each, so translators of
different parts do not edit the same file); the .ts files are the translators' source (Qt Linguist
opens them); the .qm file is what the window loads and what the bundle ships. The tests check that
every message has a translation and that the .qm is built from the .ts files in the repository.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacetrash_desktop.catalog.datasets import load_catalog_from  # noqa: E402
from spacetrash_desktop.catalog.translations import COLUMNS, rows_for, translations_file  # noqa: E402

I18N = ROOT / "resources" / "i18n"
LOCALES = {"es": "es_ES"}


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


# The window's modules by area; a module not listed goes to "other".
AREAS = {
    "window": (
        "main_window",
        "app",
        "errors",
        "dialogs",
        "tasks",
        "undo",
        "widgets",
        "panels",
        "language_menu",
        "context",
        "inventory_tab",
        "inventory_doc",
        "target_tab",
        "product_picker",
        "i18n",
    ),
    "recipes": (
        "candidates_tab",
        "candidates_files",
        "views",
        "qtmodels",
        "recipe_detail",
        "property_bars",
        "sankey",
        "tradeoffs_tab",
    ),
    "feedback_model": (
        "feedback_panel",
        "feedback_form",
        "feedback_entry",
        "feedback_history",
        "feedback_views",
        "model_panel",
        "model_status",
        "retrain_panel",
        "run_details",
        "model_tables",
        "model_views",
        "trials_view",
        "measure_widget",
    ),
    "mission": (
        "plan_tab",
        "plan_views",
        "plan_charts",
        "plan_forms",
        "plan_result",
        "made_dialog",
        "dashboard_panel",
        "dashboard_views",
        "workorder",
        "workorder_dialog",
    ),
}
NOT_CREW_FACING = ("bench_gui", "screenshots", "_compat", "__init__")


def ts_dir(lang: str) -> Path:
    return I18N / lang


def qm_file(lang: str) -> Path:
    return I18N / f"spacetrash_{lang}.qm"


def area_sources() -> dict[str, list[str]]:
    ui_dir = ROOT / "spacetrash_desktop" / "ui"
    out: dict[str, list[str]] = {area: [] for area in AREAS}
    out["other"] = []
    for path in sorted(ui_dir.glob("*.py")):
        if path.stem in NOT_CREW_FACING:
            continue
        area = next((a for a, mods in AREAS.items() if path.stem in mods), "other")
        out[area].append(str(path.relative_to(ROOT)))
    return {a: files for a, files in out.items() if files}


def ui(lang: str, only: str = "") -> list[Path]:
    ts_dir(lang).mkdir(parents=True, exist_ok=True)
    written = []
    for area, files in area_sources().items():
        if only and area != only:
            continue
        ts = ts_dir(lang) / f"{area}.ts"
        cmd = [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-target-language", LOCALES[lang]]
        cmd += [*files, "-ts", str(ts)]
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        written.append(ts)
    return written


def _messages(ts: Path):
    tree = ET.parse(ts)
    return tree, [(m.findtext("source") or "", m) for m in tree.getroot().iter("message")]


def todo(lang: str, area: str) -> dict[str, str]:
    """The area's messages that have no translation yet, as {source: ""} (printed as JSON)."""
    _, messages = _messages(ts_dir(lang) / f"{area}.ts")
    out = {}
    for source, m in messages:
        node = m.find("translation")
        if node is None or node.get("type") == "unfinished" or not (node.text or "").strip():
            out[source] = ""
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return out


def fill(lang: str, area: str, mapping_file: str) -> int:
    """Write the translations of ``mapping_file`` ({source: translation}) into the area's .ts file."""
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    ts = ts_dir(lang) / f"{area}.ts"
    tree, messages = _messages(ts)
    n = 0
    for source, m in messages:
        text = mapping.get(source, "")
        if not text:
            continue
        node = m.find("translation")
        if node is None:
            node = ET.SubElement(m, "translation")
        node.text = text
        node.attrib.pop("type", None)
        n += 1
    tree.getroot().set("language", LOCALES[lang])  # lupdate refuses to update a file without it
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    print(f"{ts.relative_to(ROOT)}: {n} translations written")
    return n


def ts_files(lang: str) -> list[Path]:
    return sorted(ts_dir(lang).glob("*.ts"))


def release(lang: str, out: Path | None = None) -> Path:
    target = out or qm_file(lang)
    cmd = [_tool("pyside6-lrelease"), "-silent", *map(str, ts_files(lang)), "-qm", str(target)]
    subprocess.run(cmd, cwd=ROOT, check=True)
    return target


if __name__ == "__main__":
    commands = {"data": data, "ui": ui, "release": release, "todo": todo, "fill": fill}
    if len(sys.argv) < 3 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
