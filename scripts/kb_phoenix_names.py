"""Which Phoenix names become aliases (``scripts/kb_phoenix.py``): titles cut off, garbage
and generic names dropped, with :class:`Words` telling English words, title words and place
names."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from kb_phoenix_read import ACRONYM, Cand

from eventcoder.actors.entries import normalise
from eventcoder.actors.kb import TITLE_KINDS, KnowledgeBase

_BAD_CHARS = re.compile(r"[0-9()/,?+\"=;:!*#@%\[\]<>|\\]|^'|\ufffd")
_COMPANY = re.compile(r",? (?:Inc|Ltd|LLC|Corp|Co|PLC|S\.A|N\.V|AG|SA|NV|LP|L\.P)\.?$",
                      re.IGNORECASE)
_TITLE_EXTRA = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "gen", "general", "col", "colonel",
    "lt", "lieutenant", "maj", "major", "capt", "captain", "cmdr", "commander", "adm",
    "admiral", "marshal", "field", "brig", "brigadier", "sgt", "sergeant", "sen", "senator",
    "rep", "representative", "gov", "governor", "mayor", "judge", "justice", "ambassador",
    "envoy", "sheikh", "sheik", "shaikh", "shaykh", "king", "queen", "prince", "princess",
    "crown", "emir", "amir", "sultan", "ayatollah", "grand", "imam", "mullah", "cleric",
    "president", "premier", "prime", "minister", "secretary", "chancellor", "chairman",
    "chairwoman", "chair", "chief", "leader", "foreign", "defence", "defense", "deputy",
    "vice", "acting", "interim", "former", "ex", "un", "united", "nations", "eu", "nato",
    "his", "her", "majesty", "highness", "royal", "lord", "lady", "sir", "dame", "baron",
    "baroness", "party", "opposition", "rebel", "warlord", "spokesman",
    "spokeswoman", "speaker", "mp", "pm", "state", "of", "the", "and", "general's",
    "secretary-general", "director", "head", "commissioner", "high", "special", "rapporteur",
    "pope", "cardinal", "archbishop", "bishop", "patriarch", "rev", "reverend", "father",
    "brother", "comrade", "honorable", "honourable", "hon",
}


class Words:
    """English words (the WordNet-derived lemma index of the spaCy model, stop words, the
    curated ruler's common words and the knowledge base's agent vocabulary), title words and
    place names (countries, capitals, IGOs, demonyms; the packaged gazetteer's places)."""

    def __init__(self, model: str, kb: KnowledgeBase) -> None:
        import spacy
        from spacy.lang.en.stop_words import STOP_WORDS

        nlp = spacy.load(model, exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                         "ner", "senter"])
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore
        self.nouns: set[str] = {w.lower() for w in table.get("noun", [])}
        self.other: set[str] = {w.lower() for p in ("verb", "adj", "adv")
                                for w in table.get(p, [])}
        self.stop = {w.lower() for w in STOP_WORDS}
        self.generic = self.stop | kb.common_words | kb.agent_vocabulary()
        self.titles = set(_TITLE_EXTRA)
        for phrase in TITLE_KINDS:
            self.titles.update(phrase.split())
        self.places: set[str] = set()  # countries, capitals, IGOs, demonyms
        self.towns: set[str] = set()  # every name of the gazetteer's places
        gazetteer = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "coding" / \
            "data" / "gazetteer.tsv"
        for line in gazetteer.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if line.startswith("#"):
                continue
            if len(cells) >= 10:  # a place row: its main name
                self.towns.add(normalise(cells[1]))
            elif len(cells) == 2:  # the name index: every (alternate) name, normalised
                self.towns.add(cells[0])
        for e in kb.entries():
            if e.type in ("country", "capital", "igo"):
                self.places.update(normalise(n) for n in e.names())
                self.places.update(normalise(d) for d in e.demonyms)

    def english(self, word: str) -> bool:
        w = word.lower()
        forms = {w}
        if w.endswith("ies"):
            forms.add(w[:-3] + "y")
        if w.endswith("es"):
            forms.add(w[:-2])
        if w.endswith("s"):
            forms.add(w[:-1])
        return any(f in self.nouns or f in self.other or f in self.generic for f in forms)

    def common(self, word: str) -> bool:
        """A verb, adjective, adverb, stop word or curated common word. (WordNet's nouns
        include famous persons -- "Mubarak", "Kissinger" -- so a noun alone is not enough.)"""
        w = word.lower()
        return w in self.other or w in self.generic


def clean_names(cands: list[Cand], words: Words, stats: Counter[str]) -> None:
    """Per entry: cut titles, drop garbage and generic aliases (ambiguity comes later)."""
    for c in cands:
        kept: list[str] = []
        for raw in c.names:
            name = _strip_title(raw, words) if c.type == "person" else _COMPANY.sub("", raw)
            if name is None:
                stats["alias dropped: only a title"] += 1
                continue
            if name != raw:
                stats["alias: title cut off" if c.type == "person" else
                      "alias: company suffix cut off"] += 1
            reason = _bad_alias(name, c, words)
            if reason:
                stats[f"alias dropped: {reason}"] += 1
                continue
            kept.append(name)
        c.names = dedupe(kept)
        if c.type == "person":
            multi = [n for n in c.names if len(normalise(n).split()) > 1]
            if not multi:
                stats["dropped entry: person without a full (multi-word) name"] += 1
                c.dropped = True
                continue
            if len(normalise(c.names[0]).split()) == 1:
                c.names.remove(multi[0])
                c.names.insert(0, multi[0])
        if not c.names:
            stats["dropped entry: no usable name"] += 1
            c.dropped = True
        else:
            c.name = c.names[0]


def dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for n in names:
        k = normalise(n)
        if k not in seen:
            seen.add(k)
            out.append(n)
    return out


def _strip_title(name: str, words: Words) -> str | None:
    """"Russian President Boris Yeltsin" -> "Boris Yeltsin"; "President" -> None."""
    toks = name.split()
    cut = 0
    for i, tok in enumerate(toks):
        parts = normalise(tok).split()
        if not parts or not all(p in words.titles or p in words.places for p in parts):
            break
        if any(p in words.titles for p in parts):
            cut = i + 1
    if cut == 0:
        return name
    rest = toks[cut:]
    while rest and normalise(rest[0]) in ("of", "the", "and"):
        rest = rest[1:]
    return " ".join(rest) or None


def _bad_alias(name: str, c: Cand, words: Words) -> str | None:
    if c.type != "person":
        name = _COMPANY.sub("", name)
    if _BAD_CHARS.search(name):
        return "digits or stray punctuation"
    key = normalise(name)
    toks = key.split()
    if len(key.replace(" ", "")) < 3:
        return "one or two letters"
    if len(toks) > 8:
        return "more than eight words"
    if not any(ch.isalpha() for ch in key):
        return "no letters"
    if key in words.towns:
        return "a place name (gazetteer)"
    if c.type == "person" and all(t in words.stop or t in words.titles or
                                  t in words.places for t in toks):
        return "a title, not a name"
    if len(toks) > 1 and all(t in words.stop or t in words.titles or t in words.places
                             for t in toks):
        return "only title, place and stop words"
    if len(toks) == 1:
        if ACRONYM.match(name.replace(" ", "")) and c.type != "person":
            if words.english(key):
                return "acronym that is an English word"
            return None
        if len(key) < 4:
            return "one short word"
        if words.common(key) or key in words.places or key in words.towns:
            return "one common English word or a place"
        if words.english(key):
            if c.type != "person":
                return "one English word (organisation)"
            c.exact.add(key)  # a person's name WordNet knows as a noun: only as written
    return None



def exact_phrases(kept: list[Cand], words: Words) -> set[str]:
    """Multi-word names made only of English words ("Open Door", "Mark Long"): only as
    written, so that ordinary text does not match them."""
    out = set()
    for c in kept:
        for n in c.names:
            toks = normalise(n).split()
            if len(toks) > 1 and all(words.english(t) or t in words.places for t in toks):
                out.add(normalise(n))
    return out
