"""Disk cache of the actor ruler's phrases, so that start-up skips building them.

Building the EntityRuler phrases of the knowledge base (:meth:`KnowledgeBase.ruler_patterns`:
every name tokenized, case rules, ambiguity) takes seconds for the packaged ~40,000 names;
the result only changes when the knowledge base, the code that builds the phrases or spaCy
(its tokenizer) changes. :func:`ruler_phrases` therefore keeps it in a JSON file in the
user's cache folder, named by a hash of:

* the knowledge base's :meth:`~eventcoder.actors.kb.KnowledgeBase.fingerprint` (the contents
  of the files it was loaded from, in order, and its ruler settings); a knowledge base built
  in memory has none and is never cached;
* the source of the modules that build the phrases (``entries.py``, ``kb.py``,
  ``patterns.py``, ``nlp/actor_ruler.py``), spaCy's version and the model's name and version.

The folder is ``$EVENTCODER_CACHE`` (``off``, ``0`` or an empty value turn the cache off),
else ``$XDG_CACHE_HOME/eventcoder``, else ``~/.cache/eventcoder``. Files are written
atomically (a temporary file renamed into place); a file that cannot be read, is corrupt or
was written for another key is ignored and rebuilt; a folder that cannot be written only
costs the rebuild (logged). Only the newest :data:`KEEP` cache files are kept.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .actor_ruler import Phrase, phrases

if TYPE_CHECKING:
    from ..actors.kb import KnowledgeBase

log = logging.getLogger(__name__)

CACHE_VERSION = 1
KEEP = 4  # cache files kept (one per knowledge base / version in use)
PREFIX = "actor-ruler-"
_OFF = {"", "0", "off", "false", "no", "none"}


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    value = os.environ.get("EVENTCODER_CACHE")
    if value is not None:
        return None if value.strip().lower() in _OFF else Path(value).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "eventcoder"


def cache_key(kb: KnowledgeBase, model_id: str) -> str | None:
    """The key of ``kb``'s phrases, or None when ``kb`` has no fingerprint."""
    import spacy

    fingerprint = kb.fingerprint()
    if fingerprint is None:
        return None
    h = hashlib.sha256()
    h.update(json.dumps([CACHE_VERSION, fingerprint, spacy.__version__, model_id]).encode())
    for path in _sources():
        h.update(path.read_bytes())
    return h.hexdigest()


def _sources() -> list[Path]:
    here = Path(__file__).resolve().parent
    actors = here.parent / "actors"
    return [actors / "entries.py", actors / "kb.py", actors / "patterns.py",
            here / "actor_ruler.py"]


def ruler_phrases(kb: KnowledgeBase, model_id: str = "") -> list[Phrase]:
    """``phrases(kb.ruler_patterns())``, read from the disk cache when it is there and
    written to it when it is not."""
    folder = cache_dir()
    key = cache_key(kb, model_id) if folder is not None else None
    if folder is None or key is None:
        return phrases(kb.ruler_patterns())
    path = folder / f"{PREFIX}{key[:40]}.json"
    cached = _read(path, key)
    if cached is not None:
        log.debug("actor ruler phrases read from %s", path)
        return cached
    built = phrases(kb.ruler_patterns())
    _write(folder, path, key, built)
    return built


def _read(path: Path, key: str) -> list[Phrase] | None:
    try:
        with path.open(encoding="utf-8") as f:
            obj = json.load(f)
        if obj.get("version") != CACHE_VERSION or obj.get("key") != key:
            log.info("ignoring stale actor ruler cache %s", path)
            return None
        out: list[Phrase] = []
        for attr, words, entry_id in obj["phrases"]:
            if attr not in ("LOWER", "ORTH") or not isinstance(entry_id, str):
                raise ValueError(f"bad phrase {attr!r} {entry_id!r}")
            out.append((attr, tuple(words), entry_id))
        return out
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.info("ignoring unreadable actor ruler cache %s: %s", path, exc)
        return None


def _write(folder: Path, path: Path, key: str, items: list[Phrase]) -> None:
    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=PREFIX, suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"version": CACHE_VERSION, "key": key,
                       "phrases": [[a, list(w), i] for a, w, i in items]}, f,
                      ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
        tmp = None
        log.info("actor ruler phrases cached in %s", path)
        _prune(folder, keep=path)
    except OSError as exc:
        log.warning("cannot write the actor ruler cache in %s: %s", folder, exc)
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _prune(folder: Path, keep: Path) -> None:
    """Delete all but the newest :data:`KEEP` cache files (never ``keep``) and temporary
    files a killed process left (older than a day)."""
    try:
        files = sorted(folder.glob(f"{PREFIX}*.json"), key=lambda p: p.stat().st_mtime,
                       reverse=True)
        for old in [p for p in files if p != keep][KEEP - 1:]:
            old.unlink(missing_ok=True)
        for tmp in folder.glob(f"{PREFIX}*.tmp"):
            if time.time() - tmp.stat().st_mtime > 86_400:
                tmp.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("cannot prune the actor ruler cache: %s", exc)
