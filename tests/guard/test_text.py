"""Untrusted text is made safe to show and export."""

from __future__ import annotations

import pandas as pd
import pytest

from guard.text import csv_cell, csv_safe, for_display, replace_surrogates, web_link


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\r=1"])
def test_formula_starts_are_neutralised(cell):
    assert csv_cell(cell) == "'" + cell


def test_other_cells_and_numbers_are_untouched():
    assert csv_cell("هجين") == "هجين" and csv_cell(-1.5) == -1.5 and csv_cell(None) is None
    table = pd.DataFrame({"a": ["=1", "ok"], "n": [-1, 2]})
    assert csv_safe(table).to_dict("list") == {"a": ["'=1", "ok"], "n": [-1, 2]}


def test_bidi_controls_are_shown_and_isolated():
    shown = for_display("SANA\u202eexe.gnp")
    assert "\u202e" not in shown and "U+202E" in shown
    assert shown.startswith("\u2068") and shown.endswith("\u2069")


def test_surrogates_are_replaced():
    assert replace_surrogates("a\ud800b\udfff") == ("a\ufffdb\ufffd", 2)


@pytest.mark.parametrize("url,ok", [("https://sana.sy/x", True), ("http://x.org", True), ("javascript:alert(1)", False),
                                    ("JAVASCRIPT:alert(1)", False), ("data:text/html,x", False), ("//x.org", False),
                                    (" http://x.org ", True), ("http:///x", False), (None, False)])
def test_only_web_addresses_are_links(url, ok):
    assert (web_link(url) is not None) is ok
