"""spaCy EntityRuler patterns for the knowledge base (see ``KnowledgeBase.ruler_patterns``).

Rules, one pattern list per distinct surface form:

* every name and alias of every non-agent entry, and its accent-folded spelling
  ("Erdoğan" and "Erdogan");
* an alias shared by several entries gets patterns only for the entry that
  ``KnowledgeBase.lookup`` ranks first (call ``lookup`` on the matched text for the others);
* tokens are split by spaCy's English tokenizer, so "U.S." is one token and the pattern
  for "Kremlin" also matches "Kremlin's"; a leading "the" is dropped unless what is left
  is a single common word ("The Times");
* case: acronyms (an upper-case letter after the first, a dot or a digit: "US", "U.S.",
  "MoD", "G7") match exactly (ORTH), and one- or two-letter acronyms that are also stop
  words ("IS") get no pattern, except "US"; single words that are common English words
  (spaCy stop words and the knowledge base's ``common_words``: "Turkey", "Guardian") and
  multi-word aliases made only of generic words (stop words, agent nouns, common words:
  "Security Council") match only as written or in capitals; everything else matches in
  any case (LOWER);
* aliases in the knowledge base's ruler ``exact_case`` list match only as written or in
  capitals ("Mubarak", "Open Door");
* aliases of one character and those in the knowledge base's ruler ``skip`` list get none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventcoder.actors.kb import fold, normalise

if TYPE_CHECKING:
    from eventcoder.actors.kb import KnowledgeBase

LABEL = "ACTOR"
Token = dict[str, str]


def build_patterns(kb: KnowledgeBase) -> list[dict[str, Any]]:
    import spacy
    from spacy.lang.en.stop_words import STOP_WORDS

    tokenizer = spacy.blank("en").tokenizer
    stop = {w.lower() for w in STOP_WORDS}
    generic = stop | kb.common_words | kb.agent_vocabulary()
    owners: dict[str, str] = {}
    seen: set[tuple[str, tuple[tuple[tuple[str, str], ...], ...]]] = set()
    patterns: list[dict[str, Any]] = []
    for entry in kb.entries():
        if entry.type == "agent":
            continue
        for alias in entry.names():
            for surface in dict.fromkeys((alias, fold(alias))):
                key = normalise(surface)
                if len(key.replace(" ", "")) < 2 or key in kb.ruler_skip:
                    continue
                if key not in owners:
                    found = kb.lookup(surface)
                    owners[key] = found[0].id if found else entry.id
                if owners[key] != entry.id:
                    continue
                words = _strip_the([t.text for t in tokenizer(surface)], generic)
                exact = key in kb.ruler_exact
                for pattern in (_case_sensitive(words) if exact and words else
                                _token_patterns(words, generic, stop)):
                    sig = (entry.id, tuple(tuple(sorted(t.items())) for t in pattern))
                    if sig not in seen:
                        seen.add(sig)
                        patterns.append({"label": LABEL, "pattern": pattern, "id": entry.id})
    return patterns


def _strip_the(words: list[str], generic: set[str]) -> list[str]:
    if len(words) > 1 and words[0].lower() == "the":
        rest = words[1:]
        if not (len(rest) == 1 and rest[0].lower() in generic):
            return rest
    return words


def _acronym(word: str) -> bool:
    return any(c.isupper() for c in word[1:]) or "." in word or any(c.isdigit() for c in word)


def _token_patterns(words: list[str], generic: set[str], stop: set[str]) -> list[list[Token]]:
    if not words:
        return []
    if len(words) == 1:
        word = words[0]
        if len(word) < 2:
            return []
        if _acronym(word):
            bare = word.replace(".", "")
            if len(bare) <= 2 and bare.lower() in stop and bare.upper() != "US":
                return []
            return [[{"ORTH": word}]]
        if word.lower() in generic:
            return _case_sensitive(words)
        return [[{"LOWER": word.lower()}]]
    alpha = [w for w in words if any(c.isalpha() for c in w)]
    if all(w.lower() in generic for w in alpha):
        return _case_sensitive(words)
    return [[{"LOWER": w.lower()} for w in words]]


def _case_sensitive(words: list[str]) -> list[list[Token]]:
    exact = [{"ORTH": w} for w in words]
    upper = [{"ORTH": w.upper()} for w in words]
    return [exact] if exact == upper else [exact, upper]
