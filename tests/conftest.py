"""Shared fixtures: the bundled gazetteer, and the real sample corpus from ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold" / "seeds.json"
MANIFEST = SHARED / "corpus-manifest.csv"


def shared_or_skip(path: Path) -> Path:
    """Return ``path`` if ../shared is present, else skip the test."""
    if not path.exists():
        pytest.skip(f"{path} is absent (the sample corpus lives outside the repo)")
    return path


@pytest.fixture(scope="session")
def gazetteer():
    from gazetteer import load

    return load()


@pytest.fixture(scope="session")
def linker(gazetteer):
    from gazetteer import Linker

    return Linker(gazetteer)


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(shared_or_skip(GOLD).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return shared_or_skip(CORPUS)
