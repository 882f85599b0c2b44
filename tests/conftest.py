"""Test-wide setup: every test gets its own SPACETRASH_HOME (never a real user's data dir), and Qt
runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SPACETRASH_HOME", os.path.join(os.path.dirname(__file__), ".never-used-home"))

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SPACETRASH_HOME", str(home))
    yield home


@pytest.fixture(scope="session")
def catalog():
    from spacetrash_desktop.catalog import load_catalog

    return load_catalog()


@pytest.fixture(scope="session")
def lookup(catalog):
    return catalog.material_lookup()
