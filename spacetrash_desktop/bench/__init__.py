"""Benchmarks behind ``spacetrash bench`` (plain Python; the GUI benchmark lives in ui/)."""
