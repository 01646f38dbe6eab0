"""The examples in the gazetteer's docstrings run and say what the code does."""

import doctest
import importlib

import pytest


@pytest.mark.parametrize("module", ["arabic", "context", "linker", "places", "spelling"])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(f"gazetteer.{module}"))
    assert result.attempted > 0 and result.failed == 0
