"""The actor ruler: marks the knowledge base's names in a Doc (label ``ACTOR``) before NER.

It does what two spaCy ``entity_ruler`` pipes with phrase patterns did (one matching the
lower-case form of tokens, then one matching them exactly as written, each overwriting the
entities it overlaps), with a token trie instead of spaCy's PhraseMatcher: the knowledge base
has tens of thousands of names, and a PhraseMatcher needs every pattern run through the
tokenizer and turned into a Doc at start-up (seconds), while the trie is built from the
pattern words in a fraction of that. The patterns themselves come from
:meth:`~eventcoder.actors.kb.KnowledgeBase.ruler_patterns`, or from the disk cache
(:mod:`eventcoder.nlp.cache`).

Matching follows spaCy's EntityRuler: all matches of a pass are sorted longest first (then
leftmost first) and taken when they do not overlap one taken before; entities found earlier
that overlap a taken match are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LABEL = "ACTOR"
FACTORY = "eventcoder_actor_ruler"
_END = ""  # trie key of the entry id ending there (no token text is empty)

#: A compiled pattern: (attribute, words, entry id); attribute "LOWER" or "ORTH".
Phrase = tuple[str, tuple[str, ...], str]


def phrases(patterns: Iterable[dict[str, Any]]) -> list[Phrase]:
    """KnowledgeBase.ruler_patterns() -> phrases. A pattern whose tokens all use ORTH is
    matched as written, anything else on the lower-case form."""
    out: list[Phrase] = []
    for p in patterns:
        tokens = p["pattern"]
        if isinstance(tokens, str):
            out.append(("LOWER", tuple(tokens.lower().split()), str(p.get("id") or "")))
            continue
        attrs = {k.upper() for t in tokens for k in t}
        words = tuple(str(next(iter(t.values()))) for t in tokens)
        if attrs == {"ORTH"}:
            out.append(("ORTH", words, str(p.get("id") or "")))
        else:
            out.append(("LOWER", tuple(w.lower() for w in words), str(p.get("id") or "")))
    return out


class ActorRuler:
    """spaCy pipeline component; add with :func:`add_actor_ruler`."""

    def __init__(self, nlp: Language, name: str = "actor_ruler") -> None:
        self.name = name
        self._lower: dict[str, Any] = {}
        self._cased: dict[str, Any] = {}
        self.size = 0

    def add(self, items: Iterable[Phrase]) -> None:
        for attr, words, entry_id in items:
            if not words:
                continue
            node = self._cased if attr == "ORTH" else self._lower
            for w in words:
                node = node.setdefault(w, {})
            node.setdefault(_END, entry_id)
            self.size += 1

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LOWER, ORTH
        from spacy.tokens import Span

        if not self.size:
            return doc
        # the words as strings straight from the token array: no Token object per word
        strings = doc.vocab.strings
        ids = doc.to_array([LOWER, ORTH]).tolist()
        for trie, keys in ((self._lower, [strings[low] for low, _ in ids]),
                           (self._cased, [strings[orth] for _, orth in ids])):
            matches = _matches(trie, keys)
            if not matches:
                continue
            entities = list(doc.ents)
            new: list[Span] = []
            seen: set[int] = set()
            for start, end, entry_id in matches:
                if start in seen or end - 1 in seen:
                    continue
                new.append(Span(doc, start, end, label=LABEL, span_id=entry_id))
                entities = [e for e in entities if not (e.start < end and e.end > start)]
                seen.update(range(start, end))
            doc.ents = entities + new
        return doc


def _matches(trie: dict[str, Any], keys: Sequence[str]) -> list[tuple[int, int, str]]:
    """Every (start, end, entry id) the trie matches, longest first, then leftmost."""
    found: list[tuple[int, int, str]] = []
    n = len(keys)
    for i in range(n):
        node = trie.get(keys[i])
        j = i + 1
        while node is not None:
            entry_id = node.get(_END)
            if entry_id is not None:
                found.append((i, j, entry_id))
            if j >= n:
                break
            node = node.get(keys[j])
            j += 1
    found.sort(key=lambda m: (m[0] - m[1], m[0]))
    return found


def _factory(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp, name)


def add_actor_ruler(nlp: Language, items: Iterable[Phrase], *, name: str = "actor_ruler",
                    before: str | None = None) -> ActorRuler:
    """Add an :class:`ActorRuler` holding ``items`` to ``nlp`` (before ``before``)."""
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=_factory)
    ruler: ActorRuler = nlp.add_pipe(FACTORY, name=name, before=before)  # type: ignore[assignment]
    ruler.add(items)
    return ruler
