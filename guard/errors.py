"""The one error type that means "the input is wrong, and here is what to do"."""

from __future__ import annotations

__all__ = ["BadInput"]


class BadInput(ValueError):
    """A file, argument or value the user gave cannot be used.

    The message names the input and says what to do. ``frontline`` prints it
    and exits with status 2; every other exception is a bug (status 1, with a
    traceback). It is a :class:`ValueError`, so callers that catch those keep
    working.
    """
