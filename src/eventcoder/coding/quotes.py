"""Direct quotes: who said what to whom, and through which outlet.

A quote is text between double quotation marks (curly or straight) of at least a few words,
attributed through a speech verb outside the quotation in the same or the adjacent sentence
("... ,” he told CNN's Jim Sciutto.", "He added: “...”", "saying, “...”"). The speaker is the
verb's subject, with pronouns resolved by coreference; the listener is its object; the outlet
is the listener's owner ("CNN's X") or a media actor after "at"/"to"/"on".
Machine-translated text often loses the closing mark; the quote then runs to the comma before
the attributing clause ("“I think we'll get it done, Trump said").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..actors.mentions import Located, MentionIndex
from ..records import Article, Mention, Quote, content_hash
from .arguments import mentions_at, subjects_of
from .speech import QUOTING

MIN_WORDS = 3
OUTLET_PREPS = {"at", "to", "on", "with"}


@dataclass(frozen=True, slots=True)
class _Span:
    start: int  # character offsets of the quoted words, marks excluded
    end: int


def _quote_spans(text: str) -> Iterator[_Span]:
    """Quoted stretches per paragraph; an opening mark left open runs to the paragraph end."""
    offset = 0
    for para in text.split("\n"):
        i = 0
        while i < len(para):
            ch = para[i]
            if ch == "“":
                close = para.find("”", i + 1)
                reopen = para.find("“", i + 1)
                if close >= 0 and (reopen < 0 or close < reopen):
                    yield _Span(offset + i + 1, offset + close)
                    i = close + 1
                    continue
                end = reopen if reopen >= 0 else len(para)
                yield _Span(offset + i + 1, offset + end)
                i = end
                continue
            if ch == '"':
                close = para.find('"', i + 1)
                if close >= 0:
                    yield _Span(offset + i + 1, offset + close)
                    i = close + 1
                    continue
            i += 1
        offset += len(para) + 1


class QuoteFinder:
    def __init__(self, keep_unresolved: bool = True) -> None:
        self.keep_unresolved = keep_unresolved

    def find(self, doc: Doc, index: MentionIndex, article: Article) -> list[Quote]:
        quotes: list[Quote] = []
        for span in _quote_spans(article.text):
            q = self._attribute(doc, index, article, span)
            if q is not None:
                quotes.append(q)
        return quotes

    def _attribute(self, doc: Doc, index: MentionIndex, article: Article,
                   span: _Span) -> Quote | None:
        inside = doc.char_span(span.start, span.end, alignment_mode="expand")
        if inside is None or len([t for t in inside if not t.is_punct]) < MIN_WORDS:
            return None
        verb = self._speech_verb(doc, inside.start, inside.end)
        unbalanced = article.text[span.end:span.end + 1] not in {"”", '"'}
        if verb is None and unbalanced:
            # no closing mark: look for "..., Trump said" inside and cut the quote there
            verb = self._speech_verb_inside(inside)
            if verb is None:
                return None
            cut = max((t.idx for t in doc[inside.start:verb.i] if t.text == ","), default=None)
            if cut is None:
                return None
            span = _Span(span.start, cut)
            inside = doc.char_span(span.start, span.end, alignment_mode="expand") or inside
        if verb is None:
            return None
        speakers = subjects_of(verb, index, self.keep_unresolved)
        speakers = [m for m in speakers if not (m.start >= inside.start and m.end <= inside.end)]
        speaker = self._best(speakers)
        listener, outlet = self._listener(verb, index)
        text = article.text[span.start:span.end].strip().rstrip(",")
        confidence = 0.9 if speaker and speaker.actor is not None else 0.5 if speaker else 0.3
        return Quote(
            id=content_hash(article.key, str(span.start)), article_id=article.id,
            speaker=speaker.mention if speaker else None, text=text, start=span.start,
            end=span.start + len(text), listener=listener, outlet=outlet or article.source,
            trigger=verb.text, confidence=confidence,
        )

    @staticmethod
    def _best(ms: list[Located]) -> Located | None:
        for m in ms:
            if m.actor is not None:
                return m
        return ms[0] if ms else None

    @staticmethod
    def _speech_verb_inside(span: Span) -> Token | None:
        """A speech verb with a subject inside an unclosed quote ("..., Trump said")."""
        return next((t for t in span if t.lemma_.lower() in QUOTING
                     and t.pos_ in {"VERB", "AUX"}
                     and any(c.dep_ == "nsubj" for c in t.children)), None)

    @staticmethod
    def _speech_verb(doc: Doc, start: int, end: int) -> Token | None:
        """The speech verb nearest the quote, outside it, in the quote's sentences."""
        first = doc[start].sent
        last = doc[end - 1].sent
        sents = {first.start: first, last.start: last}
        cands = [
            t for s in sents.values() for t in s
            if (t.i < start or t.i >= end) and t.lemma_.lower() in QUOTING
            and t.pos_ in {"VERB", "AUX"}
        ]
        if not cands:
            # "He added:" may sit in the sentence just before the quote
            prev = doc[first.start - 1].sent if first.start > 0 else None
            if prev is not None and prev.text.rstrip().endswith(":"):
                cands = [t for t in prev if t.lemma_.lower() in QUOTING]
        if not cands:
            return None
        return min(cands, key=lambda t: min(abs(t.i - start), abs(t.i - end)))

    def _listener(self, verb: Token, index: MentionIndex) -> tuple[Mention | None, str | None]:
        listener: Located | None = None
        outlet: str | None = None
        for c in verb.children:
            if c.dep_ in {"dobj", "dative"}:
                ms = mentions_at(c, index, True)
                if ms:
                    listener = ms[0]
                for g in c.children:
                    if g.dep_ == "poss":
                        owner = index.at(g.i)
                        outlet = owner.mention.text if owner else g.text
            if c.dep_ == "prep" and c.lower_ in OUTLET_PREPS:
                for p in c.children:
                    m = index.at(p.i)
                    if m is not None and (m.actor is None or m.actor.sector == "MED"):
                        outlet = m.mention.text
                    elif p.ent_type_ == "ORG":
                        outlet = " ".join(t.text for t in p.subtree)
        if listener is not None and listener.actor is not None and listener.actor.sector == "MED" \
                and listener.actor.type != "person" and outlet is None:
            outlet, listener = listener.mention.text, None
        return (listener.mention if listener else None), outlet
