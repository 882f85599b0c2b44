"""Subcommands of the ``spacetrash`` command line, one module per feature area."""
