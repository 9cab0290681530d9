"""One exception hierarchy with stable codes; messages name the input and the remedy."""

from __future__ import annotations


class EventcoderError(Exception):
    """Base class. ``code`` is stable across releases so users can search for it."""

    code = "E000"

    def __init__(self, message: str, *, input: str | None = None) -> None:
        self.input = input
        self.message = message
        super().__init__(f"{input}: {message}" if input else message)

    def __str__(self) -> str:
        where = f"{self.input}: " if self.input else ""
        return f"[{self.code}] {where}{self.message}"


class InputError(EventcoderError):
    """An input file, line or value cannot be read (missing file, bad JSON, bad date)."""

    code = "E100"


class EmptyArticleError(InputError):
    """An article has no text to code."""

    code = "E101"


class DateError(InputError):
    """A date is not in a form we can read."""

    code = "E102"


class KnowledgeBaseError(EventcoderError):
    """The actor knowledge base or a user dictionary is malformed."""

    code = "E200"


class OntologyError(EventcoderError):
    """A CAMEO/PLOVER table or verb dictionary is malformed or a code is unknown."""

    code = "E300"


class ModelError(EventcoderError):
    """The spaCy model cannot be loaded."""

    code = "E400"


class CodingError(EventcoderError):
    """An article could not be coded (a bug or an input the parser cannot handle)."""

    code = "E500"


class StoreError(EventcoderError):
    """The DuckDB store cannot be opened or written."""

    code = "E600"
