"""One plain-text (or Markdown) article: headline, body and the best publication date we have."""

from __future__ import annotations

import datetime as dt

from eventcoder.errors import EmptyArticleError, InputError
from eventcoder.ingest.dates import date_in_name, find_date
from eventcoder.records import Article

__all__ = ["TITLE_MAX_CHARS", "article_from_text", "split_title", "check_length"]

TITLE_MAX_CHARS = 200


def split_title(text: str) -> tuple[str | None, str]:
    """Split ``text`` into (headline, body).

    The first non-blank line is a headline when it is shorter than ``TITLE_MAX_CHARS``, has at
    least two words (a lone "CNN" is a byline, not a headline), more text follows it, and it
    does not end like a sentence (with a full stop). Otherwise there is no headline and the body
    is the whole text. A Markdown ``#`` prefix is dropped.
    """
    stripped = text.strip()
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    headline = first.lstrip("#").strip() if first.startswith("#") else first
    rest = rest.strip()
    if (
        rest
        and headline
        and len(headline) < TITLE_MAX_CHARS
        and len(headline.split()) >= 2
        and not headline.endswith((".", ";", ","))
    ):
        return headline, rest
    return None, stripped


def check_length(text: str, max_chars: int | None, where: str) -> None:
    if max_chars is not None and len(text) > max_chars:
        raise InputError(
            f"text is {len(text):,} characters, over the limit of {max_chars:,}; "
            "split the article or raise the limit",
            input=where,
        )


def article_from_text(
    text: str,
    *,
    origin: str,
    id: str = "",
    name: str | None = None,
    date: dt.date | None = None,
    max_chars: int | None = None,
) -> Article:
    """Build an Article from clean text.

    Date: ``date`` if given, else one found at the top of the text, else one in ``name``
    (the file name), else None. Raises EmptyArticleError when there is no text.
    """
    title, body = split_title(text)
    if not body:
        raise EmptyArticleError("no text to code", input=origin)
    check_length(body, max_chars, origin)
    found = date or find_date(text) or (date_in_name(name) if name else None)
    return Article(text=body, id=id, title=title, date=found, origin=origin)
