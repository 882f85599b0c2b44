"""The crew's inventory and the bundled catalog, for the window and the command line: the current
inventory (the saved one in the per-user data dir, else the bundled default), import and export,
the catalog of materials, processes and targets. The only door to ``catalog`` for the layers above
services: the names below are what they may use."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path

from spacetrash_desktop.catalog.datasets import Catalog, parse_target
from spacetrash_desktop.catalog.datasets import load_catalog as _bundled_catalog
from spacetrash_desktop.catalog.importer import (
    MAX_COUNT,
    MAX_MASS_KG,
    ImportIssue,
    ImportResult,
    InventoryImportError,
    import_inventory,
    parse_composition,
)
from spacetrash_desktop.catalog.inventory import (
    composition_text,
    export_csv,
    items_to_frame,
    load_saved_inventory,
    save_inventory,
)
from spacetrash_desktop.catalog.translations import LANGUAGES, translate_catalog, translate_items
from spacetrash_desktop.domain import Target, WasteItem
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.messages import set_language as set_message_language
from spacetrash_desktop.ml import registry
from spacetrash_desktop.storage.paths import inventory_path

log = logging.getLogger(__name__)

__all__ = [
    "MAX_COUNT",
    "MAX_MASS_KG",
    "Catalog",
    "ImportIssue",
    "ImportResult",
    "InventoryImportError",
    "composition_text",
    "current_inventory",
    "export_csv",
    "import_inventory",
    "items_to_frame",
    "load_catalog",
    "parse_composition",
    "parse_target",
    "save_current_inventory",
    "save_inventory",
    "set_data_language",
    "target_presets",
]

# The language dataset texts are shown in. The window sets it (ui/i18n.py); the command line never
# does, so it always reads the datasets' English.
_data_language = ["en"]


def set_data_language(lang: str) -> None:
    """The language of dataset texts and of the sentences the layers below write (``messages.msg``)."""
    lang = lang if lang in LANGUAGES else "en"
    if lang != _data_language[0]:
        registry.clear_cache()  # the model's status reason is cached in the language it was written in
    _data_language[0] = lang
    set_message_language(lang)


def data_language() -> str:
    return _data_language[0]


def load_catalog() -> Catalog:
    """The bundled catalog in the data language (English unless the window chose another)."""
    cat = _bundled_catalog()
    lang = _data_language[0]
    return cat if lang == "en" else _translated(cat, lang)


_translated_catalogs: dict[tuple[int, str], Catalog] = {}


def _translated(cat: Catalog, lang: str) -> Catalog:
    key = (id(cat), lang)
    if key not in _translated_catalogs:
        _translated_catalogs[key] = translate_catalog(cat, lang)
    return _translated_catalogs[key]


def _bundled_items() -> dict[str, WasteItem]:
    return {i.item_id: i for i in _bundled_catalog().default_inventory}


def current_inventory() -> tuple[list[WasteItem], str]:
    """(items, origin) where origin says where they came from, in words.

    A saved inventory that cannot be read is never overwritten: it is moved aside (kept in the data
    folder as ``inventory.damaged-<time>.parquet``) before the bundled default is used, so the next
    autosave cannot destroy what may still be recoverable."""
    cat = load_catalog()
    try:
        saved = load_saved_inventory(cat.material_lookup())
    except BadInputError as exc:
        log.warning("saved inventory unreadable, using the bundled default: %s", exc.details or exc)
        kept = _move_aside(inventory_path())
        where = (
            f"it was kept as {kept.name} in the data folder"
            if kept is not None
            else "it could not be moved aside, so it was left in place"
        )
        return list(cat.default_inventory), (
            f"bundled default (the saved inventory could not be read: {exc.message.rstrip('.')}; {where})"
        )
    if saved is None:
        return list(cat.default_inventory), "bundled default"
    lang = _data_language[0]
    return translate_items(saved, lang, _bundled_items()), "saved"


def target_presets() -> list[Target]:
    """The bundled target presets and scenarios, in the order of ``datasets/targets.json``."""
    return list(load_catalog().targets.values())


def save_current_inventory(items: Sequence[WasteItem]) -> Path:
    """Save the crew's inventory; bundled item names shown in another language are saved in English
    (the file reads the same from the command line and in any language)."""
    return save_inventory(translate_items(items, "en", _bundled_items()))


def _move_aside(path: Path) -> Path | None:
    """Rename a damaged file next to itself with a time stamp; None when the disk refuses."""
    target = path.with_name(f"{path.stem}.damaged-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}")
    try:
        os.replace(path, target)
    except OSError as exc:
        log.error("could not move the damaged inventory aside: %s", exc)
        return None
    return target
