"""The single place the application version lives (About dialog, logs, manifests, the frozen spec)."""

__version__ = "0.1.0"
