"""The bundled sample's claims, and a fresh review store in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import extract_paths, read_manifest

SAMPLE = Path(__file__).resolve().parents[2] / "assets" / "sample"
# Rejecting this claim turns Al-Baghuz Fawqani from contested to ISIS on the sample's last day.
ADVANCE = "1f27c75fe88329cf:150-186:baghuz_fawqani:control~SDF-advanced"


def extract_sample(folder: Path = SAMPLE / "articles") -> list:
    return list(extract_paths([folder], manifest=read_manifest(SAMPLE / "manifest.csv"), progress=False))


@pytest.fixture(scope="session")
def sample():
    return extract_sample()


@pytest.fixture
def store(tmp_path):
    from review import ReviewStore

    with ReviewStore(tmp_path / "review.sqlite") as s:
        yield s
