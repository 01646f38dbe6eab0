"""Many claims at once: Claim objects from columns, with the cyclic GC paused.

Building a million small objects, CPython's cyclic garbage collector runs
again and again over a heap that only grows, and finds nothing: claims,
windows and the timeline's lists hold no reference cycles, and reference
counting frees them. :func:`no_gc` puts those scans off for the length of a
bulk build, then hands what was built to the oldest generation (``gc.freeze``
then ``gc.unfreeze``), so the next young-generation scan does not walk it all.
Nothing leaks: the next full collection sees everything.

Measured on 1M claims (``bench/bench_timeline.py``, ``bench/bench_claims_io.py``,
``--keep-gc`` to leave the collector running): the consensus timeline takes
4.4-5.2 s paused, 10.3 s running; its 50 source views 2.3-2.8 s against 5.1 s;
reading Parquet 1.6-2.1 s against 3.6 s. Without the hand-over to the oldest
generation, the first young collection after a 1M-claim build walks all of it
(a timeline 5.1 s instead of 4.3 s). A full collection still walks everything
later (2-2.7 s once 5M objects are alive); only a lasting ``gc.freeze()``
would spare that, and it freezes every object of the process, cycles made
elsewhere included: that is the application's call, not this module's.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import make_dataclass
from itertools import repeat

from extract.claim import FIELDS, Claim

__all__ = ["PAUSE_GC", "claims_from_columns", "no_gc"]

# False makes :func:`no_gc` a no-op: the benches set it to measure what the pause saves.
PAUSE_GC = True


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk build, then restore it as it was."""
    if not PAUSE_GC:
        yield
        return
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Freeze then unfreeze: every tracked object moves to the oldest generation without a scan
        # (a gen-0 pass over a million new objects costs seconds); full collections still see them.
        gc.freeze()
        gc.unfreeze()
        if was:
            gc.enable()


def claims_from_columns(columns: Sequence[Sequence]) -> list[Claim]:
    """Claims from one sequence of values per field of :data:`~extract.claim.FIELDS`, in that order.

    The values must already have the record's types (``published``/``date``
    as :class:`~extract.claim.DateWindow`, ``precision`` and ``key`` as
    ``Claim`` would set them): no ``__post_init__`` runs, and the frozen
    class's guarded ``setattr`` per field and claim is skipped. Each claim is
    made as a :data:`_Twin` (the same slots, an ordinary ``__init__``) and then
    given its class, as ``copy`` and ``pickle`` make objects without calling
    their constructor: 7x faster than calling ``Claim``.

    Raises
    ------
    ValueError
        When the columns are not one per field, or not all of one length.
    """
    if len(columns) != len(FIELDS):
        raise ValueError(f"expected {len(FIELDS)} columns in FIELDS order, got {len(columns)}")
    n = len(columns[0])
    if any(len(col) != n for col in columns):
        raise ValueError(f"columns of different lengths: {sorted({len(col) for col in columns})}")
    with no_gc():
        if _TWIN_FITS:
            out = list(map(_Twin, *(columns[i] for i in _SLOT_ORDER)))
            deque(map(object.__setattr__, out, repeat("__class__"), repeat(Claim)), maxlen=0)
        else:  # a Python that refuses the class change: every slot through its descriptor, still a C loop
            out = list(map(Claim.__new__, repeat(Claim, n)))
            for f, col in zip(FIELDS, columns, strict=True):
                deque(map(Claim.__dict__[f].__set__, out, col), maxlen=0)
    return out


# Claim's twin: the same slots in the same order (so an object can change class between them), but
# mutable, so its dataclass __init__ stores each field directly.
_Twin = make_dataclass("_ClaimTwin", Claim.__slots__, slots=True, repr=False, eq=False)
_SLOT_ORDER = [FIELDS.index(f) for f in Claim.__slots__]  # Claim declares its fields in another order


def _twin_fits() -> bool:
    try:
        twin = _Twin(*(None,) * len(FIELDS))
        twin.__class__ = Claim
    except TypeError:
        return False
    return _Twin.__slots__ == Claim.__slots__ and type(twin) is Claim


_TWIN_FITS = _twin_fits()
