"""Gazetteer: the curated places of eastern Deir ez-Zor and the linker that finds them.

Public surface::

    from gazetteer import load, Place, Gazetteer, Linker, Mention, normalize
"""

from gazetteer.arabic import NormalizedText, fold, normalize
from gazetteer.linker import Linker, Mention
from gazetteer.place import Place
from gazetteer.places import Gazetteer, GazetteerError, load

__all__ = [
    "Gazetteer",
    "GazetteerError",
    "Linker",
    "Mention",
    "NormalizedText",
    "Place",
    "fold",
    "load",
    "normalize",
]
