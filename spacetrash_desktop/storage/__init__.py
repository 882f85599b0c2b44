"""Per-user paths, atomic writes, settings, logs and the feedback journal. No Qt."""
