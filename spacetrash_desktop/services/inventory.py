"""The crew's current inventory: the saved one in the per-user data dir, else the bundled default."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence

from spacetrash_desktop.catalog.datasets import load_catalog
from spacetrash_desktop.catalog.inventory import load_saved_inventory, save_inventory
from spacetrash_desktop.domain import WasteItem
from spacetrash_desktop.errors import BadInputError

log = logging.getLogger(__name__)


def current_inventory() -> tuple[list[WasteItem], str]:
    """(items, origin) where origin says where they came from, in words."""
    cat = load_catalog()
    try:
        saved = load_saved_inventory(cat.material_lookup())
    except BadInputError as exc:
        log.warning("saved inventory unreadable, using the bundled default: %s", exc.details or exc)
        return list(cat.default_inventory), f"bundled default (the saved inventory could not be read: {exc.message})"
    if saved is None:
        return list(cat.default_inventory), "bundled default"
    return saved, "saved"


def save_current_inventory(items: Sequence[WasteItem]) -> Path:
    return save_inventory(items)
