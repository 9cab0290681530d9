"""The one engine every interface uses: ``process`` one article, ``pipe`` many.

The CLI, the HTTP API and the batch runners only read input, call the Engine and format what
it returns; none of them codes anything itself.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from .config import Config
from .errors import CodingError, EmptyArticleError, EventcoderError
from .records import Article, Document, Failure

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .actors.kb import KnowledgeBase
    from .actors.mentions import MentionFinder
    from .coding.extract import EventExtractor
    from .coding.quotes import QuoteFinder
    from .coding.verbs import VerbLexicon

log = logging.getLogger(__name__)


class Engine:
    """Codes articles into Documents of actors, events and quotes.

    Heavy parts (spaCy, knowledge base, verb dictionary) load on first use and are shared by
    every call, so one Engine per process is the intended use.
    """

    def __init__(self, config: Config | None = None, *, kb: KnowledgeBase | None = None,
                 lexicon: VerbLexicon | None = None) -> None:
        self.config = config or Config()
        self._kb = kb
        self._lexicon = lexicon
        self._nlp: Language | None = None
        self._finder: MentionFinder | None = None
        self._extractor: EventExtractor | None = None
        self._quotes: QuoteFinder | None = None

    # -- lazily built parts ---------------------------------------------------------------------
    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            from .actors.kb import KnowledgeBase

            kb = KnowledgeBase.default()
            if self.config.extra_actor_files:
                kb = kb.extended(*self.config.extra_actor_files)
            self._kb = kb
        return self._kb

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from .nlp.loader import build_pipeline

            self._nlp = build_pipeline(self.config.model, self.kb)
        return self._nlp

    def _parts(self) -> tuple[MentionFinder, EventExtractor, QuoteFinder]:
        if self._finder is None or self._extractor is None or self._quotes is None:
            from .actors.fuzzy import FuzzyNameMatcher
            from .actors.mentions import MentionFinder
            from .coding.extract import EventExtractor
            from .coding.gazetteer import city_countries
            from .coding.ontology import Ontology
            from .coding.quotes import QuoteFinder
            from .coding.verbs import VerbLexicon
            from .coding.where import Geolocator

            self._finder = MentionFinder(self.kb, name_matchers=(FuzzyNameMatcher(self.kb),),
                                         places=city_countries)
            lexicon = self._lexicon or VerbLexicon.default()
            for path in self.config.extra_verb_files:
                lexicon = lexicon.extended(path)  # the user's patterns win ties
            self._extractor = EventExtractor(lexicon,
                                             Ontology.default(),
                                             keep_unresolved=self.config.keep_unresolved,
                                             geolocator=Geolocator(kb=self.kb),
                                             discards=self.kb.discards or None)
            self._quotes = QuoteFinder(keep_unresolved=self.config.keep_unresolved)
        return self._finder, self._extractor, self._quotes

    def warm_up(self) -> Engine:
        """Load everything now (e.g. before timing, or before forking workers)."""
        _ = self.nlp
        self._parts()
        return self

    # -- public API -----------------------------------------------------------------------------
    def process(self, article: Article) -> Document:
        """Code one article; raise EventcoderError for an article that cannot be coded."""
        article = self._checked(article)
        return self._code(article, self.nlp(article.text))

    def code_text(self, text: str, *, date: date | None = None, **fields: str) -> Document:
        """Convenience: code a bare string."""
        return self.process(Article(text=text, date=date, **fields))  # type: ignore[arg-type]

    def pipe(self, items: Iterable[Article | Failure]) -> Iterator[Document | Failure]:
        """Code many articles in batches, in input order; a bad article becomes a Failure
        in its place and the rest go on."""
        batch: list[Article | Failure] = []
        for item in items:
            if isinstance(item, Article):
                try:
                    item = self._checked(item)
                except EventcoderError as exc:
                    item = self._failure(item, exc, "ingest")
            batch.append(item)
            if len(batch) >= self.config.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    # -- internals ------------------------------------------------------------------------------
    def _checked(self, article: Article) -> Article:
        text = article.text.strip() if article.text else ""
        if len(text) < self.config.min_chars:
            raise EmptyArticleError(
                f"article has {len(text)} characters of text; at least "
                f"{self.config.min_chars} are needed", input=article.origin or article.id)
        if len(article.text) > self.config.max_chars:
            log.warning("%s: text cut from %d to %d characters", article.origin or article.id,
                        len(article.text), self.config.max_chars)
            article = replace(article, text=article.text[: self.config.max_chars])
        return article

    def _run_batch(self, batch: list[Article | Failure]) -> Iterator[Document | Failure]:
        articles = [a for a in batch if isinstance(a, Article)]
        try:
            parsed = dict(zip((id(a) for a in articles),
                              self.nlp.pipe((a.text for a in articles),
                                            batch_size=max(len(articles), 1)), strict=True))
        except Exception:  # one odd text must not sink its batch: parse one by one
            log.exception("batch parse failed; retrying articles one by one")
            parsed = {}
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            try:
                doc = parsed.get(id(item))
                if doc is None:
                    try:
                        doc = self.nlp(item.text)
                    except Exception as exc:  # noqa: BLE001 - recorded as a Failure row
                        yield self._failure(item, exc, "parse")
                        continue
                yield self._code(item, doc)
            except Exception as exc:  # noqa: BLE001 - recorded as a Failure row
                log.exception("coding failed for %s", item.origin or item.id)
                yield self._failure(item, exc, "code")

    def _code(self, article: Article, doc: Doc) -> Document:
        finder, extractor, quotes = self._parts()
        t0 = time.perf_counter()
        if self.kb.discards.check(article.text[:2000]) == "story":
            # a discard-listed story (sports, entertainment ...): nothing to code in it
            log.debug("%s: discarded as a story", article.id)
            return Document(article=article)
        index = finder.find(doc, article.date)
        events = extractor.extract(doc, index, article)
        found = quotes.find(doc, index, article)
        events = [e for e in events if e.confidence >= self.config.min_confidence]
        log.debug("%s: %d mentions, %d events, %d quotes in %.1f ms", article.id, len(index),
                  len(events), len(found), (time.perf_counter() - t0) * 1000)
        return Document(article=article, mentions=index.records(), events=tuple(events),
                        quotes=tuple(found))

    @staticmethod
    def _failure(article: Article, exc: Exception, stage: str) -> Failure:
        code = exc.code if isinstance(exc, EventcoderError) else CodingError.code
        reason = exc.message if isinstance(exc, EventcoderError) else f"{type(exc).__name__}: {exc}"
        return Failure(input=article.origin or article.id, reason=reason, stage=stage, code=code,
                       article_id=article.id)
