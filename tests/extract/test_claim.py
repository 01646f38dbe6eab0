"""The claim record's time precision: computed from the window, kept through JSON."""

from datetime import date

import pytest

from extract import Claim, DateWindow
from extract.claim import FIELDS, PRECISION, precision_of


@pytest.mark.parametrize("days,expected", [(0, "day"), (1, "week"), (6, "week"), (7, "month"), (30, "month"),
                                           (31, "year"), (400, "year")])
def test_precision_of_a_window(days, expected):
    d = date(2018, 12, 1)
    assert precision_of(DateWindow(d, date.fromordinal(d.toordinal() + days))) == expected


def test_precision_of_an_unknown_window():
    assert precision_of(DateWindow()) is None
    assert precision_of(DateWindow(date(2018, 1, 1), None)) is None


def make(**kw):
    base = dict(id="c", article="a", kind="control", place="hajin", place_name="Hajin", surface="هجين", lat=0, lon=0,
                actor="SDF", change="captured", extent=None, modality="asserted", attributed_to="outlet",
                outlet=None, published=DateWindow(), date=DateWindow(date(2018, 12, 1), date(2018, 12, 5)),
                quote="q", start=0, end=1, confidence=0.8)
    return Claim(**{**base, **kw})


def test_precision_defaults_from_the_window_and_round_trips():
    c = make()
    assert c.precision == "week"
    d = c.to_dict()
    assert PRECISION in FIELDS and d[PRECISION] == "week"
    assert Claim.from_dict(d) == c
    old = {k: v for k, v in d.items() if k != PRECISION}  # claims.jsonl written before the field existed
    assert Claim.from_dict(old).precision == "week"


def test_a_given_precision_is_kept():
    assert make(precision="month").precision == "month"
