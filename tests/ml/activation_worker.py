"""Worker for the kill test: installs and activates two bundles in turn, forever, removing the
inactive one each time so that every round copies, verifies, renames, switches the pointer and
deletes. Prints "ready" once imported and one line per activation."""

from __future__ import annotations

import sys

from spacetrash_desktop.ml import registry


def main(a: str, b: str) -> None:
    print("ready", flush=True)
    i = 0
    while True:
        info = registry.install_bundle(a if i % 2 == 0 else b)
        print("active", info.manifest_sha256, flush=True)
        for d in registry.installed_bundles():
            if not d["active"]:
                registry.remove_bundle(d["folder"])
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
