"""Documents built by hand from records, covering every optional field both set and empty."""

from collections.abc import Callable
from datetime import date

import pytest

from eventcoder.records import (
    Actor,
    Article,
    Document,
    Event,
    Evidence,
    Failure,
    Mention,
    Place,
    Quote,
)

RUSSIA = Actor(code="RUS", name="Russia", country="RUS", type="country", kb_id="Q159")
NATO = Actor(code="IGOWSTNAT", name="NATO", type="igo", kb_id="Q7184")
PUTIN = Actor(code="RUSGOV", name="Vladimir Putin", country="RUS", sector="GOV",
              type="person", kb_id="Q7747")

def make_document(i: int, n_events: int = 3, *, text: str | None = None) -> Document:
    body = text or (
        f"Story {i}. Russia threatened NATO on Tuesday. \u201cWe will respond,\u201d Putin told "
        "reporters. He did not say how."
    )
    article = Article(
        text=body,
        id=f"a{i}",
        title=f"Russia warns NATO ({i})" if i % 3 else None,
        date=date(2025, 3, 1 + i % 28) if i % 4 else None,
        url=f"https://example.org/{i}" if i % 2 else None,
        source="Sample Wire",
        origin=f"in.jsonl:{i}",
    )
    russia = Mention("Russia", 10, 16, RUSSIA, method="alias", score=1.0)
    nato = Mention("NATO", 28, 32, NATO, method="alias", score=0.97)
    putin = Mention("Putin", 70, 75, PUTIN, method="title", score=0.9)
    he = Mention("He", 95, 97, PUTIN, method="coref", score=0.6, antecedent="Putin")
    unresolved = Mention("reporters", 81, 90)
    evidence = Evidence(
        sentence="Russia threatened NATO on Tuesday.", start=10, end=44,
        trigger="threatened", trigger_start=17, trigger_end=27,
    )
    events = tuple(
        Event(
            id=f"{article.key}-e{j}",
            article_id=article.id,
            source=russia if j % 2 == 0 else he,
            target=nato if j % 3 else None,
            cameo=("130", "0311", "1724", "057")[j % 4],
            quad_class=(3, 1, 4, 1)[j % 4],
            goldstein=(-4.4, 5.2, -7.0, 8.0)[j % 4],
            plover=("THREATEN", None)[j % 2],
            modality=("asserted", "negated", "hypothetical", "intended")[j % 4],  # type: ignore[arg-type]
            historical=j % 5 == 4,
            evidence=evidence,
            confidence=0.5 + j / 100,
            date="2025-03-11" if j % 2 else None,
            date_precision="day" if j % 2 else None,
            location=Place(name="Moscow", country="RUS", lat=55.75, lon=37.62, feature="city",
                           method="mention", text="Moscow", start=0, end=6)
            if j % 3 == 1 else None,
            reported=j % 3 == 2,
            pattern=f"threaten_{j}" if j % 2 == 0 else None,
        )
        for j in range(n_events)
    )
    quotes = (
        Quote(id=f"{article.key}-q0", article_id=article.id, speaker=putin,
              text="We will respond,", start=55, end=71, listener=unresolved,
              outlet=None, trigger="told", confidence=0.8),
        Quote(id=f"{article.key}-q1", article_id=article.id, speaker=None,
              text="unattributed", start=100, end=112),
    )
    return Document(
        article=article,
        mentions=(russia, nato, putin, unresolved, he),
        events=events,
        quotes=quotes,
        failures=(
            Failure(input=f"in.jsonl:{i}", reason="sentence 4 could not be parsed",
                    stage="code", code="E500", article_id=article.id),
        ),
    )


@pytest.fixture
def make_doc() -> Callable[..., Document]:
    return make_document
