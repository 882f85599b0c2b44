"""Entry point of the frozen application (PyInstaller runs this file)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from spacetrash_desktop.__main__ import main

    sys.exit(main())
