"""eventcoder: evidence-linked political event data from news text.

    >>> from eventcoder import Engine
    >>> doc = Engine().code_text("Russia attacked Kyiv.")
"""

from __future__ import annotations

import logging
from datetime import date as _date

from .config import Config
from .engine import Engine
from .errors import EventcoderError, InputError
from .records import Actor, Article, Document, Event, Evidence, Failure, Mention, Quote

__version__ = "0.4.0"
__all__ = ["Actor", "Article", "Config", "Document", "Engine", "Event", "EventcoderError",
           "Evidence", "Failure", "InputError", "Mention", "Quote", "code"]

logging.getLogger(__name__).addHandler(logging.NullHandler())

_default: Engine | None = None


def code(text: str, date: _date | None = None) -> Document:
    """Code one text with a shared default Engine (loaded on first call)."""
    global _default
    if _default is None:
        _default = Engine()
    return _default.code_text(text, date=date)
