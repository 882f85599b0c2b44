"""Space Trash Desktop turns the crew's waste inventory into recipes for useful products.

Run `spacetrash` with no command to open the window. The commands below do the same work from a
terminal or a script (the same services as the window).

Each feature area registers its subcommands in ``spacetrash_desktop/commands/<area>.py`` with a
``register(subparsers)`` function. Errors print one plain line on stderr and exit non-zero; the
traceback of an unexpected error goes to the log file only.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from spacetrash_desktop._version import __version__
from spacetrash_desktop.commands import (
    batch,
    bench,
    feedback,
    generate,
    inventory,
    made,
    model,
    plan,
    retrain,
    selftest,
    suggest,
    workorder,
)
from spacetrash_desktop.errors import BadInputError, ErrorCode, SpaceTrashError
from spacetrash_desktop.services import qt_platform
from spacetrash_desktop.services.files import log_path, setup_logging
from spacetrash_desktop.services.workorder import PDF_NEEDS_QT, self_test_work_order

# one module per feature area, each with ``register(subparsers)``; the order is the order of --help
COMMAND_MODULES = (
    inventory,
    generate,
    bench,
    batch,
    selftest,
    feedback,
    model,
    retrain,
    suggest,
    plan,
    made,
    workorder,
)

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2
        self.exit(EXIT_USAGE, f"spacetrash: error: {message}\n")


DESCRIPTION = __doc__.split("\n\nEach feature area")[0]
EPILOG = "Run `spacetrash COMMAND --help` for a command's options; `spacetrash targets` lists the targets."


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="spacetrash",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"spacetrash {__version__}")
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, title="commands (none: open the window)"
    )
    for module in COMMAND_MODULES:
        module.register(sub)
    # the top layer wires the window into the self-test (commands cannot import the window)
    sub.choices["self-test"].set_defaults(window_check=_window_self_test)
    sub.choices["workorder"].set_defaults(pdf_writer=_work_order_pdf)
    return parser


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging()
    if not getattr(args, "func", None):
        return _open_window()
    try:
        return int(args.func(args) or 0)
    except SpaceTrashError as exc:
        log.info("command failed: %s (%s)", exc.message, exc.details)
        print(f"spacetrash: {exc.code.value}: {exc.message}", file=sys.stderr)
        return EXIT_FAIL
    except BrokenPipeError:  # the reader went away (`spacetrash ... | head`): nothing to report
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError:
            pass
        return EXIT_OK
    except KeyboardInterrupt:
        print("spacetrash: interrupted", file=sys.stderr)
        return 130
    except Exception:  # a bug: the user gets one line, the log gets the traceback
        log.exception("unexpected error in command %s", args.command)
        print(f"spacetrash: {ErrorCode.INTERNAL.value}: unexpected error; details are in {log_path()}", file=sys.stderr)
        return EXIT_INTERNAL


def _open_window() -> int:
    # Qt aborts the process (exit 134, no message) when its platform plugin cannot load: ask the
    # dynamic loader first and say which system packages are missing
    diagnosis = qt_platform.diagnose()
    if not diagnosis.ok:
        log.error("the window cannot start: %s", diagnosis.message())
        print(f"spacetrash: {diagnosis.message()}", file=sys.stderr)
        return EXIT_FAIL
    try:
        from spacetrash_desktop.ui.app import run_app  # noqa: PLC0415 - the window loads PySide6 (heavy; a build may lack it): only when it opens
    except ImportError as exc:  # the window is not available in this build
        print(f"spacetrash: the window cannot start ({exc}); see `spacetrash --help`", file=sys.stderr)
        return EXIT_FAIL
    return run_app([])


def _window_self_test() -> str:
    """The self-test's window check: the window's own ``self_test_window``, then a work order as PDF."""
    from spacetrash_desktop.ui.app import self_test_window  # noqa: PLC0415 - the window loads PySide6 (heavy): only when the check runs
    from spacetrash_desktop.ui.workorder import self_test_work_order_pdf  # noqa: PLC0415 - PySide6 (heavy): only when the check runs

    shown = self_test_window()
    return f"{shown}; {self_test_work_order_pdf(self_test_work_order()[1])}"


def _work_order_pdf(html: str, path) -> None:
    """``spacetrash workorder``'s PDF: the window layer's writer (Qt); a plain error without Qt."""
    try:
        from spacetrash_desktop.ui.workorder import write_work_order_pdf  # noqa: PLC0415 - loads PySide6 (heavy; a build may lack it): only when a PDF is asked for
    except ImportError as exc:
        raise BadInputError(f"{PDF_NEEDS_QT} ({exc})") from None
    write_work_order_pdf(html, path)
