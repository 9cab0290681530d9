"""Frozen records exchanged between stages, and the one place the JSON schema lives.

Every stage reads and writes these records only; spaCy objects never leave ``nlp/`` and
``coding/``. ``to_dict`` gives the public JSON shape (``eventcoder analyze --json``, JSONL
export, the HTTP API), ``from_dict`` reads it back.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

Modality = Literal["asserted", "negated", "hypothetical", "intended"]
MODALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "intended")


def content_hash(*parts: str | None) -> str:
    """Stable short hash used as a key so that re-running the same input is idempotent."""
    h = hashlib.sha1()
    for part in parts:
        h.update((part or "").encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:16]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _parse_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from an input."""

    text: str
    id: str = ""
    title: str | None = None
    date: date | None = None
    url: str | None = None
    source: str | None = None  # the outlet, e.g. "CNN"
    origin: str | None = None  # where it was read from, e.g. "articles.jsonl:17"

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", self.key)

    @property
    def key(self) -> str:
        """Content hash: the same text, title and date always give the same key."""
        return content_hash(self.title, self.text, _iso(self.date))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "date": _iso(self.date),
            "url": self.url,
            "source": self.source,
            "origin": self.origin,
            "key": self.key,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], text: str = "") -> Article:
        return cls(
            text=d.get("text", text) or "",
            id=d.get("id") or "",
            title=d.get("title"),
            date=_parse_date(d.get("date")),
            url=d.get("url"),
            source=d.get("source"),
            origin=d.get("origin"),
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: who a mention refers to, coded in CAMEO actor codes."""

    code: str  # full CAMEO actor code, e.g. "USAGOV", "RUSMIL", "UKR", "IGOWSTNAT"
    name: str  # canonical name, e.g. "Donald Trump", "Russia", "NATO"
    country: str | None = None  # CAMEO 3-letter country code
    sector: str | None = None  # CAMEO agent code: GOV, MIL, COP, REB, OPP, MED, BUS, CVL, ...
    type: str = "unknown"  # person, country, capital, organisation, igo, agent, group
    kb_id: str | None = None  # stable knowledge-base id, None for actors built from parts

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "type": self.type,
            "kb_id": self.kb_id,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            code=d["code"],
            name=d["name"],
            country=d.get("country"),
            sector=d.get("sector"),
            type=d.get("type") or "unknown",
            kb_id=d.get("kb_id"),
        )


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the article that names or refers to an actor.

    ``method`` says how it was resolved (``alias``, ``title``, ``demonym``, ``fuzzy``,
    ``coref``, ...) and ``score`` how sure that step was, so a user can see why.
    """

    text: str
    start: int  # character offsets into Article.text, end exclusive
    end: int
    actor: Actor | None = None
    method: str = "unresolved"
    score: float = 0.0
    antecedent: str | None = None  # for coreference: the text it was linked to

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor.to_dict() if self.actor else {
            "name": None, "code": None, "country": None, "sector": None, "type": None,
            "kb_id": None,
        }
        return {
            "text": self.text,
            **actor,
            "start": self.start,
            "end": self.end,
            "method": self.method,
            "score": round(self.score, 3),
            "antecedent": self.antecedent,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        actor = Actor.from_dict(d) if d.get("code") else None
        return cls(
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            actor=actor,
            method=d.get("method") or "unresolved",
            score=float(d.get("score") or 0.0),
            antecedent=d.get("antecedent"),
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the article a claim comes from."""

    sentence: str
    start: int  # sentence offsets into Article.text
    end: int
    trigger: str  # the word(s) that carry the action, e.g. "threatened"
    trigger_start: int
    trigger_end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(
            sentence=d["sentence"],
            start=int(d["start"]),
            end=int(d["end"]),
            trigger=d["trigger"],
            trigger_start=int(d.get("trigger_start", d["start"])),
            trigger_end=int(d.get("trigger_end", d["end"])),
        )


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened, geolocated offline."""

    name: str  # as resolved, e.g. "Kursk Oblast"
    country: str | None = None  # CAMEO 3-letter country code
    admin1: str | None = None  # first-level region when known
    lat: float | None = None
    lon: float | None = None
    feature: str = "unknown"  # country, region, city, other
    method: str = "unknown"  # how it was found: mention, prep, sentence, actor_country, ...
    text: str | None = None  # the words in the article, when the place was mentioned
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "country": self.country, "admin1": self.admin1, "lat": self.lat,
            "lon": self.lon, "feature": self.feature, "method": self.method, "text": self.text,
            "start": self.start, "end": self.end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(
            name=d["name"], country=d.get("country"), admin1=d.get("admin1"), lat=d.get("lat"),
            lon=d.get("lon"), feature=d.get("feature") or "unknown",
            method=d.get("method") or "unknown", text=d.get("text"), start=d.get("start"),
            end=d.get("end"),
        )


@dataclass(frozen=True, slots=True)
class Event:
    """source -> action -> target, coded in CAMEO with QuadClass, Goldstein and PLOVER."""

    id: str
    article_id: str
    source: Mention
    target: Mention | None
    cameo: str  # 2-4 digit CAMEO event code as a string, leading zeros kept ("0311")
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    plover: str | None
    modality: Modality
    historical: bool
    evidence: Evidence
    confidence: float
    date: str | None = None  # ISO date of the event when known
    date_precision: str | None = None  # day, week, month, year, era
    location: Place | None = None
    reported: bool = False  # someone's claim: inside a quote or a complement of "said"
    pattern: str | None = None  # which verb pattern coded it, for error analysis

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]

    @property
    def counted(self) -> bool:
        """True only for events the text says happened now: asserted and not historical."""
        return self.modality == "asserted" and not self.historical

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "modality": self.modality,
            "historical": self.historical,
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "reported": self.reported,
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
            "pattern": self.pattern,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"],
            article_id=d["article_id"],
            source=Mention.from_dict(d["source"]),
            target=Mention.from_dict(d["target"]) if d.get("target") else None,
            cameo=d["cameo"],
            quad_class=int(d["quad_class"]),
            goldstein=float(d["goldstein"]),
            plover=d.get("plover"),
            modality=d["modality"],
            historical=bool(d["historical"]),
            evidence=Evidence.from_dict(d["evidence"]),
            confidence=float(d["confidence"]),
            date=d.get("date"),
            date_precision=d.get("date_precision"),
            location=Place.from_dict(d["location"]) if d.get("location") else None,
            reported=bool(d.get("reported", False)),
            pattern=d.get("pattern"),
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote: who said what, to whom, through which outlet."""

    id: str
    article_id: str
    speaker: Mention | None
    text: str
    start: int  # offsets of the quoted text (without quote marks) into Article.text
    end: int
    listener: Mention | None = None
    outlet: str | None = None
    trigger: str | None = None  # the speech verb, e.g. "said", "told"
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "listener": self.listener.to_dict() if self.listener else None,
            "outlet": self.outlet,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            id=d["id"],
            article_id=d["article_id"],
            speaker=Mention.from_dict(d["speaker"]) if d.get("speaker") else None,
            listener=Mention.from_dict(d["listener"]) if d.get("listener") else None,
            outlet=d.get("outlet"),
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            trigger=d.get("trigger"),
            confidence=float(d.get("confidence") or 0.0),
        )


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or coded; the batch goes on without it."""

    input: str  # input name, e.g. "articles.jsonl:17" or "notes.txt"
    reason: str  # one clear line
    stage: str = "ingest"  # ingest, parse, code, store
    code: str = "E000"  # stable error code from errors.py
    article_id: str | None = None

    @property
    def id(self) -> str:
        return content_hash(self.input, self.stage, self.reason)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "input": self.input,
            "stage": self.stage,
            "code": self.code,
            "reason": self.reason,
            "article_id": self.article_id,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Failure:
        return cls(
            input=d["input"],
            reason=d["reason"],
            stage=d.get("stage") or "ingest",
            code=d.get("code") or "E000",
            article_id=d.get("article_id"),
        )


@dataclass(frozen=True, slots=True)
class Document:
    """Everything coded from one article."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    failures: tuple[Failure, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "actors": [m.to_dict() for m in self.mentions],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "failures": [f.to_dict() for f in self.failures],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], text: str = "") -> Document:
        return cls(
            article=Article.from_dict(d["article"], text=text),
            mentions=tuple(Mention.from_dict(m) for m in d.get("actors", [])),
            events=tuple(Event.from_dict(e) for e in d.get("events", [])),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", [])),
            failures=tuple(Failure.from_dict(f) for f in d.get("failures", [])),
        )
