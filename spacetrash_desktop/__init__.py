"""Space Trash Desktop: plan what a Mars habitat crew can make from its waste and MGS-1 regolith."""

from spacetrash_desktop._version import __version__

__all__ = ["__version__"]
