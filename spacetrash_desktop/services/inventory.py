"""The crew's current inventory: the saved one in the per-user data dir, else the bundled default."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from spacetrash_desktop.catalog.datasets import load_catalog
from spacetrash_desktop.catalog.inventory import load_saved_inventory, save_inventory
from spacetrash_desktop.domain import WasteItem
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.storage.paths import inventory_path

log = logging.getLogger(__name__)


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
    return saved, "saved"


def save_current_inventory(items: Sequence[WasteItem]) -> Path:
    return save_inventory(items)


def _move_aside(path: Path) -> Path | None:
    """Rename a damaged file next to itself with a time stamp; None when the disk refuses."""
    import os
    import time

    target = path.with_name(f"{path.stem}.damaged-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}")
    try:
        os.replace(path, target)
    except OSError as exc:
        log.error("could not move the damaged inventory aside: %s", exc)
        return None
    return target
