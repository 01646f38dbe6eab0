"""Claims of the real sample, extracted by this project (the checks of the timeline issue run on them)."""

import pytest

from extract import extract_paths, read_manifest
from tests.conftest import MANIFEST, shared_or_skip


@pytest.fixture(scope="session")
def sample_claims(corpus_dir):
    return list(extract_paths([corpus_dir], manifest=read_manifest(shared_or_skip(MANIFEST)), progress=False))


@pytest.fixture(scope="session")
def sample_timeline(sample_claims):
    from geo import Timeline

    return Timeline(sample_claims)
