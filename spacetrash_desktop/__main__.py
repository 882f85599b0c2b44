"""``spacetrash`` and ``python -m spacetrash_desktop``: the window with no arguments, subcommands
otherwise (see ``spacetrash --help``)."""

from __future__ import annotations

import sys

from spacetrash_desktop.cli import run


def main(argv: list[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
