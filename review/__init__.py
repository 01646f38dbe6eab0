"""Review: analysts confirm, reject, edit, add and annotate claims; corrections persist in SQLite.

Between extraction and maps: ``extract`` writes claims, ``review`` records
what analysts say about them and lays it over them, ``geo`` draws the result.

Public surface::

    from review import ReviewStore, Action, apply_review, Reviewed, new_claim
"""

from review.edits import EDITABLE, clean_changes, new_claim, parse_window
from review.overlay import REVIEWED, ClaimReview, Reviewed, apply_review, parse_key
from review.store import ACTIONS, DEFAULT_PATH, Action, ReviewStore

__all__ = [
    "ACTIONS", "DEFAULT_PATH", "EDITABLE", "REVIEWED", "Action", "ClaimReview", "ReviewStore", "Reviewed",
    "apply_review", "clean_changes", "new_claim", "parse_key", "parse_window",
]
