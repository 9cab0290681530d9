"""Bytes to clean text: UTF-8 (with or without BOM), UTF-16 with BOM, and a Windows-1252 fallback.

Every reader in ``ingest`` goes through here, so NUL bytes are dropped and line ends are ``\\n``
whatever the file looked like.
"""

from __future__ import annotations

import codecs
import logging
from collections.abc import Iterator
from pathlib import Path

logger = logging.getLogger(__name__)

__all__ = ["clean_text", "iter_lines", "read_text", "decode_bytes"]

_FALLBACK = "eventcoder-cp1252"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _cp1252_or_latin1(error: UnicodeError) -> tuple[str, int]:
    """Decode bytes that are not UTF-8 as Windows-1252, or Latin-1 where 1252 has no char."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chars = []
    for byte in error.object[error.start : error.end]:
        raw = bytes([byte])
        try:
            chars.append(raw.decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(raw.decode("latin-1"))
    return "".join(chars), error.end


codecs.register_error(_FALLBACK, _cp1252_or_latin1)


def clean_text(text: str) -> str:
    """Drop NUL characters and a leading BOM, and turn ``\\r\\n`` and lone ``\\r`` into ``\\n``."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


class _Decoder:
    """Decodes one file's lines, warning once if some bytes are not UTF-8."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.warned = False

    def __call__(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            if not self.warned:
                logger.warning(
                    "%s: not valid UTF-8; reading undecodable bytes as Windows-1252/Latin-1",
                    self.name,
                )
                self.warned = True
            return raw.decode("utf-8", errors=_FALLBACK)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode a whole file's bytes (BOM-aware) and clean the result."""
    if data.startswith(_UTF16_BOMS):
        return clean_text(data.decode("utf-16", errors="replace"))
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    return clean_text(_Decoder(name)(data))


def read_text(path: Path, name: str | None = None) -> str:
    """The whole file as clean text."""
    return decode_bytes(path.read_bytes(), name or str(path))


def iter_lines(path: Path, name: str | None = None) -> Iterator[str]:
    """The file's lines, decoded and cleaned, each ending in ``\\n`` (except maybe the last).

    Streams the file, so a large JSON Lines or CSV file is never held in memory whole.
    """
    label = name or str(path)
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith(_UTF16_BOMS):
            text = decode_bytes(head + handle.read(), label)
            yield from text.splitlines(keepends=True)
            return
        handle.seek(0)
        decode = _Decoder(label)
        first = True
        for raw in handle:
            if first:
                first = False
                if raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8) :]
            line = decode(raw).replace("\x00", "")
            if line.endswith("\r\n"):
                line = line[:-2] + "\n"
            yield line
