"""Gazetteer: the curated places of eastern Deir ez-Zor and the linker that finds them.

Public surface::

    from gazetteer import load, Place, Gazetteer, Linker, Mention, normalize, CLITICS
"""

from gazetteer.arabic import CLITICS, NormalizedText, fold, normalize
from gazetteer.linker import Linker, Mention
from gazetteer.place import Place
from gazetteer.places import Gazetteer, GazetteerError, load

__all__ = [
    "CLITICS",
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
