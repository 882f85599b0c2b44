"""Worker for the kill test: installs and activates two bundles in turn, forever, removing the
inactive one each time so that every round copies, verifies, renames, switches the pointer and
deletes. Prints "ready" once imported, then "begin <monotonic time>" before each install and
"active <manifest sha256> <monotonic time>" after it (so the test can aim its kills at activations
in progress, whatever the machine's load)."""

from __future__ import annotations

import sys
import time

from spacetrash_desktop.ml import registry


def say(line: str) -> None:
    """One whole line in one write (print writes its arguments one by one, so a kill could cut a
    line after its first word)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(a: str, b: str) -> None:
    # an install reads the model files (xgboost, skops): import them before "ready", so that an
    # activation's time is the activation's, not the imports'
    import sklearn.ensemble  # noqa: F401
    import skops.io  # noqa: F401
    import xgboost  # noqa: F401

    say("ready")
    i = 0
    while True:
        say(f"begin {time.monotonic()}")
        info = registry.install_bundle(a if i % 2 == 0 else b)
        say(f"active {info.manifest_sha256} {time.monotonic()}")
        for d in registry.installed_bundles():
            if not d["active"]:
                registry.remove_bundle(d["folder"])
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
