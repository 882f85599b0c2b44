"""``spacetrash self-test``: one line per check; non-zero exit when any check fails."""

from __future__ import annotations

import argparse
import sys

from spacetrash_desktop._version import __version__
from spacetrash_desktop.services.selftest import run_self_test


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("self-test", help="check this installation (imports, data, model, scoring, feedback, window)")
    # the window check comes from the top layer (cli.py wires the window's own check): commands and
    # the window are independent layers
    p.set_defaults(func=cmd_self_test, window_check=None)


def cmd_self_test(args) -> int:
    frozen = getattr(sys, "frozen", False)
    print(
        f"spacetrash {__version__} self-test ({'frozen bundle' if frozen else 'from source'}, "
        f"Python {sys.version.split()[0]})",
        flush=True,
    )
    results = run_self_test(window_check=getattr(args, "window_check", None))
    failed = [r for r in results if not r.ok]
    print(f"{len(results) - len(failed)}/{len(results)} checks passed", flush=True)
    return 1 if failed else 0
