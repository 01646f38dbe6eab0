"""Guard: what keeps one bad input, or one visitor, from hurting the rest.

Every other package may use it; it uses none of them. One module per concern:

- :mod:`guard.errors`: :class:`BadInput`, the error that means "the input is wrong" (exit 2, no traceback).
- :mod:`guard.files`: outputs written whole or not at all, never over an input; reads with a size limit.
- :mod:`guard.text`: untrusted text made safe to store, show and export (surrogates, bidi controls,
  spreadsheet formulas, links).
- :mod:`guard.folders`: which server folders the app may read.
- :mod:`guard.uploads`: each app session's uploads, under a quota, kept apart.
- :mod:`guard.cli`: ``frontline app`` (served safely) and ``frontline uploads list|prune``.
"""

from guard.errors import BadInput

__all__ = ["BadInput"]
