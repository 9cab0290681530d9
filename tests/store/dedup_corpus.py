"""A hand-written corpus for cross-article deduplication, with the true event of every event.

Several outlets report the same real events on nearby dates, worded and coded differently
(``RUS``/``RUSMIL`` as source, ``190``/``195`` as code, a missing place, a day or a month
date), next to distinct but similar events: the same dyad a week later, the same day with
another dyad, the same dyad and day with another CAMEO root, the same protest in another
city. A few reports are coded in ways a coder really does and that clustering cannot repair
(a reversed dyad, ``RUSGOV`` for ``RUSMIL``, ``044`` for ``046``), and two shelling reports two
days apart are distinct events that clustering cannot tell apart: they keep the figures
honest. Negated, hypothetical, intended and historical events have no true event
(``gold is None``) and must stay out of every cluster.

Used by ``tests/store/test_dedup.py`` and ``benchmarks/dedup.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from eventcoder.coding.ontology import Ontology
from eventcoder.records import Actor, Article, Document, Event, Evidence, Mention, Place

RUS = Actor("RUS", "Russia", "RUS", None, "country", "Q159")
RUSMIL = Actor("RUSMIL", "Russian Armed Forces", "RUS", "MIL", "organisation", "Q1056972")
RUSGOV = Actor("RUSGOV", "Vladimir Putin", "RUS", "GOV", "person", "Q7747")
UKR = Actor("UKR", "Ukraine", "UKR", None, "country", "Q212")
UKRGOV = Actor("UKRGOV", "Volodymyr Zelensky", "UKR", "GOV", "person", "Q3874799")
UKRMIL = Actor("UKRMIL", "Armed Forces of Ukraine", "UKR", "MIL", "organisation", "Q1092914")
USA = Actor("USA", "United States", "USA", None, "country", "Q30")
USAGOV = Actor("USAGOV", "Marco Rubio", "USA", "GOV", "person", "Q324546")
ISRMIL = Actor("ISRMIL", "Israel Defense Forces", "ISR", "MIL", "organisation", "Q51747")
PSE = Actor("PSE", "Palestine", "PSE", None, "country", "Q219060")
GEOOPP = Actor("GEOOPP", "protesters", "GEO", "OPP", "agent")
GEOGOV = Actor("GEOGOV", "Georgian government", "GEO", "GOV", "organisation")
DEUGOV = Actor("DEUGOV", "German government", "DEU", "GOV", "organisation")
NATO = Actor("IGOWSTNAT", "NATO", None, "IGO", "igo", "Q7184")


def _city(name: str, country: str, lat: float, lon: float, admin1: str | None = None) -> Place:
    return Place(name=name, country=country, admin1=admin1, lat=lat, lon=lon, feature="city",
                 method="mention", text=name)


KYIV = _city("Kyiv", "UKR", 50.45, 30.52, "Kyiv City")
KHARKIV = _city("Kharkiv", "UKR", 49.99, 36.23, "Kharkiv Oblast")
KHERSON = _city("Kherson", "UKR", 46.64, 32.61, "Kherson Oblast")
ODESA = _city("Odesa", "UKR", 46.48, 30.72, "Odesa Oblast")
GAZA = Place(name="Gaza Strip", country="PSE", lat=31.42, lon=34.37, feature="region",
             method="mention", text="Gaza")
TBILISI = _city("Tbilisi", "GEO", 41.72, 44.79)
BATUMI = _city("Batumi", "GEO", 41.64, 41.64, "Adjara")
JEDDAH = _city("Jeddah", "SAU", 21.49, 39.19, "Makkah")
UKRAINE = Place(name="Ukraine", country="UKR", lat=49.0, lon=32.0, feature="country",
                method="actor_country")


@dataclass(frozen=True)
class Spec:
    """One coded event of a story: who (by the words in the sentence), what, when, where."""

    gold: str | None  # the real event it reports; None: must not be clustered
    source: tuple[str, Actor]
    target: tuple[str, Actor] | None
    cameo: str
    trigger: str
    date: str | None = None
    precision: str | None = None
    place: Place | None = None
    modality: str = "asserted"
    historical: bool = False


@dataclass(frozen=True)
class Story:
    outlet: str
    published: date | None
    title: str
    sentences: tuple[tuple[str, tuple[Spec, ...]], ...]


S = Spec  # short names for the table below
D = "day"

STORIES: tuple[Story, ...] = (
    # --- A: missile strike on Kyiv, 11 March 2025 ------------------------------------------
    Story("Reuters", date(2025, 3, 11), "Russian missiles hit Kyiv", (
        ("Russian forces launched a missile attack on Kyiv early on Tuesday.",
         (S("A", ("Russian forces", RUSMIL), ("Kyiv", UKR), "195", "launched", "2025-03-11", D,
            KYIV),)),
        ("Russia did not strike Odesa, officials said.",
         (S(None, ("Russia", RUS), ("Odesa", UKR), "190", "strike", "2025-03-11", D, ODESA,
            modality="negated"),)),
    )),
    Story("Reuters", date(2025, 3, 12), "Kyiv counts damage after missile attack", (
        ("Russia's military struck Kyiv with missiles on Tuesday, Ukrainian officials said.",
         (S("A", ("Russia's military", RUSMIL), ("Kyiv", UKR), "195", "struck", "2025-03-11", D,
            KYIV),)),
        ("Russia could strike the capital again, the mayor warned.",
         (S(None, ("Russia", RUS), ("the capital", UKR), "190", "strike", None, None, KYIV,
            modality="hypothetical"),)),
    )),
    Story("AP", date(2025, 3, 12), "Overnight attack on Ukrainian capital", (
        ("Russia attacked Kyiv overnight, the Ukrainian air force said.",
         (S("A", ("Russia", RUS), ("Kyiv", UKR), "190", "attacked", "2025-03-11", D, KYIV),)),
    )),
    Story("Al Jazeera", date(2025, 3, 11), "Russia fires missiles at Kyiv", (
        ("Russia fired missiles at Ukraine on Tuesday.",
         (S("A", ("Russia", RUS), ("Ukraine", UKR), "195", "fired", "2025-03-11", D),)),
        ("Russia annexed Crimea in 2014.",
         (S(None, ("Russia", RUS), ("Crimea", UKR), "192", "annexed", "2014-01-01", "year",
            historical=True),)),
    )),
    Story("BBC", date(2025, 3, 13), "Moscow strikes Kyiv", (
        # coded RUSGOV by the capital-for-government rule: cannot merge with RUSMIL
        ("Moscow struck Kyiv with missiles on Tuesday.",
         (S("A", ("Moscow", RUSGOV), ("Kyiv", UKR), "195", "struck", "2025-03-11", D, KYIV),)),
    )),
    Story("Kyiv Independent", None, "Missiles over the capital", (
        # an undated article with an undated event: never merged
        ("Russian troops fired missiles at Kyiv.",
         (S("A", ("Russian troops", RUSMIL), ("Kyiv", UKR), "195", "fired", None, None,
            KYIV),)),
    )),
    # --- B: same dyad and root a week later: Kharkiv, 19 March ---------------------------
    Story("Reuters", date(2025, 3, 19), "Strike on Kharkiv", (
        ("Russian forces struck Kharkiv with glide bombs on Wednesday.",
         (S("B", ("Russian forces", RUSMIL), ("Kharkiv", UKR), "195", "struck", "2025-03-19", D,
            KHARKIV),)),
    )),
    Story("AP", date(2025, 3, 20), "Kharkiv bombed", (
        ("Russia bombed Kharkiv on Wednesday.",
         (S("B", ("Russia", RUS), ("Kharkiv", UKR), "195", "bombed", "2025-03-19", D,
            KHARKIV),)),
    )),
    # --- C: same day, another dyad: Israeli strikes in Gaza, 11 March ---------------------
    Story("Reuters", date(2025, 3, 11), "Israeli strikes in Gaza", (
        ("The Israeli military carried out air strikes on Gaza on Tuesday.",
         (S("C", ("The Israeli military", ISRMIL), ("Gaza", PSE), "195", "carried out",
            "2025-03-11", D, GAZA),)),
    )),
    Story("Al Jazeera", date(2025, 3, 11), "Gaza under fire", (
        ("Israeli forces bombed Gaza, killing at least 12 people.",
         (S("C", ("Israeli forces", ISRMIL), ("Gaza", PSE), "195", "bombed", "2025-03-11", D,
            GAZA),)),
    )),
    Story("BBC", date(2025, 3, 12), "Strikes on Gaza", (
        ("Israel's army attacked targets in Gaza on Tuesday.",
         (S("C", ("Israel's army", ISRMIL), ("Gaza", PSE), "190", "attacked", "2025-03-11", D),)),
    )),
    # --- D: same dyad and day, another root: Russia accuses Ukraine, 11 March -------------
    Story("TASS", date(2025, 3, 11), "Kremlin accuses Kyiv", (
        ("Putin accused Zelensky of sabotaging peace efforts on Tuesday.",
         (S("D", ("Putin", RUSGOV), ("Zelensky", UKRGOV), "112", "accused", "2025-03-11", D),)),
    )),
    Story("Reuters", date(2025, 3, 12), "Putin blames Kyiv", (
        ("Putin blamed Zelensky for the collapse of talks.",
         (S("D", ("Putin", RUSGOV), ("Zelensky", UKRGOV), "112", "blamed", "2025-03-11", D),)),
    )),
    # --- E: US-Ukraine talks in Jeddah, 11 March -----------------------------------------
    Story("Reuters", date(2025, 3, 11), "Talks in Jeddah", (
        ("Rubio held talks with Zelensky's delegation in Jeddah on Tuesday.",
         (S("E", ("Rubio", USAGOV), ("Zelensky", UKRGOV), "046", "held talks", "2025-03-11", D,
            JEDDAH),)),
    )),
    Story("AP", date(2025, 3, 11), "US and Ukraine meet", (
        ("The United States negotiated with Ukraine in Jeddah.",
         (S("E", ("The United States", USA), ("Ukraine", UKR), "046", "negotiated",
            "2025-03-11", D, JEDDAH),)),
    )),
    Story("BBC", date(2025, 3, 12), "Jeddah meeting", (
        ("Rubio consulted Ukrainian officials on Tuesday.",
         (S("E", ("Rubio", USAGOV), ("Ukrainian officials", UKRGOV), "040", "consulted",
            "2025-03-11", D),)),
        # coded 044 (meet at a third location): not on the 046 chain
        ("Rubio met Zelensky's envoys in Saudi Arabia.",
         (S("E", ("Rubio", USAGOV), ("Zelensky's envoys", UKRGOV), "044", "met",
            "2025-03-11", D, JEDDAH),)),
    )),
    Story("Kyiv Independent", date(2025, 3, 12), "Ukraine at the table", (
        # the same talks with the dyad reversed
        ("Ukraine negotiated with the United States in Jeddah.",
         (S("E", ("Ukraine", UKR), ("the United States", USA), "046", "negotiated",
            "2025-03-11", D, JEDDAH),)),
        ("Zelensky intends to meet Trump next month.",
         (S(None, ("Zelensky", UKRGOV), ("Trump", USAGOV), "036", "intends", "2025-04-01",
            "month", modality="intended"),)),
    )),
    # --- G: German air-defence pledge (day and month precision) and a later delivery -----
    Story("DW", date(2025, 3, 5), "Berlin pledges air defence", (
        ("The German government pledged new air-defence systems to Ukraine on Wednesday.",
         (S("G", ("The German government", DEUGOV), ("Ukraine", UKR), "033", "pledged",
            "2025-03-05", D),)),
    )),
    Story("Reuters", date(2025, 3, 28), "Kyiv thanks Berlin", (
        ("Earlier this month the German government promised Ukraine air defences.",
         (S("G", ("the German government", DEUGOV), ("Ukraine", UKR), "033", "promised",
            "2025-03-01", "month"),)),
    )),
    Story("DW", date(2025, 3, 20), "IRIS-T arrives", (
        ("The German government delivered IRIS-T systems to Ukraine on Thursday.",
         (S("H", ("The German government", DEUGOV), ("Ukraine", UKR), "070", "delivered",
            "2025-03-20", D),)),
    )),
    # --- P, Q: protests in Tbilisi and, the same day, in Batumi ---------------------------
    Story("Civil.ge", date(2025, 3, 11), "Tbilisi protest", (
        ("Protesters rallied against the government in Tbilisi on Tuesday.",
         (S("P", ("Protesters", GEOOPP), ("the government", GEOGOV), "141", "rallied",
            "2025-03-11", D, TBILISI),)),
        ("Protesters also demonstrated against the government in Batumi.",
         (S("Q", ("Protesters", GEOOPP), ("the government", GEOGOV), "141", "demonstrated",
            "2025-03-11", D, BATUMI),)),
    )),
    Story("Reuters", date(2025, 3, 12), "Georgians protest", (
        ("Thousands of protesters marched against the government in Tbilisi on Tuesday.",
         (S("P", ("protesters", GEOOPP), ("the government", GEOGOV), "141", "marched",
            "2025-03-11", D, TBILISI),)),
    )),
    Story("OC Media", date(2025, 3, 11), "Batumi rally", (
        ("In Batumi protesters demonstrated against the government.",
         (S("Q", ("protesters", GEOOPP), ("the government", GEOGOV), "141", "demonstrated",
            "2025-03-11", D, BATUMI),)),
        ("Protesters demonstrated against the government across Georgia.",
         (S("P", ("Protesters", GEOOPP), ("the government", GEOGOV), "140", "demonstrated",
            "2025-03-11", D),)),
    )),
    # --- K, L: shelling of Kherson on Monday and again on Wednesday -----------------------
    Story("Ukrinform", date(2025, 3, 10), "Kherson shelled", (
        ("Russian troops shelled Kherson on Monday.",
         (S("K", ("Russian troops", RUSMIL), ("Kherson", UKR), "194", "shelled", "2025-03-10",
            D, KHERSON),)),
    )),
    Story("Ukrinform", date(2025, 3, 12), "Kherson shelled again", (
        # a distinct event two days later: inside the window, merged by mistake
        ("Russian troops shelled Kherson again on Wednesday.",
         (S("L", ("Russian troops", RUSMIL), ("Kherson", UKR), "194", "shelled", "2025-03-12",
            D, KHERSON),)),
    )),
    Story("Suspilne", date(2025, 3, 10), "Shelling in the south", (
        ("Russian artillery shelled Kherson, wounding two.",
         (S("K", ("Russian artillery", RUSMIL), ("Kherson", UKR), "194", "shelled",
            "2025-03-10", D, KHERSON),)),
    )),
    # --- N: NATO condemns the Kyiv strike, 12 March --------------------------------------
    Story("Reuters", date(2025, 3, 12), "NATO condemns strike", (
        ("NATO denounced Russia for the attack on Kyiv on Wednesday.",
         (S("N", ("NATO", NATO), ("Russia", RUS), "111", "denounced", "2025-03-12", D),)),
    )),
    Story("Euronews", date(2025, 3, 12), "Alliance criticises Moscow", (
        ("NATO criticised Russia on Wednesday.",
         (S("N", ("NATO", NATO), ("Russia", RUS), "111", "criticised", "2025-03-12", D),)),
    )),
    # --- U: a Ukrainian drone strike on Russia the same day (reverse direction, root 19) ---
    Story("Reuters", date(2025, 3, 11), "Drones over Moscow", (
        ("Ukrainian forces attacked Russia with drones on Tuesday.",
         (S("U", ("Ukrainian forces", UKRMIL), ("Russia", RUS), "195", "attacked",
            "2025-03-11", D),)),
    )),
)


def documents(stories: Sequence[Story] = STORIES) -> list[Document]:
    """The corpus (or other stories) as coded Documents (event ids ``<article key>-e<n>``)."""
    ontology = Ontology.default()
    docs = []
    for n, story in enumerate(stories):
        text = " ".join(sentence for sentence, _ in story.sentences)
        article = Article(text=text, id=f"dedup-{n}", title=story.title, date=story.published,
                          url=f"https://{story.outlet.lower().replace(' ', '')}.example/{n}",
                          source=story.outlet)
        events = []
        offset = 0
        for sentence, specs in story.sentences:
            for spec in specs:
                events.append(_event(article, len(events), sentence, offset, spec, ontology))
            offset += len(sentence) + 1
        docs.append(Document(article=article, events=tuple(events)))
    return docs


def _mention(words: str, actor: Actor, sentence: str, offset: int) -> Mention:
    at = sentence.index(words)
    return Mention(words, offset + at, offset + at + len(words), actor, method="alias",
                   score=1.0)


def _event(article: Article, j: int, sentence: str, offset: int, spec: Spec,
           ontology: Ontology) -> Event:
    code = ontology.get(spec.cameo)
    at = sentence.index(spec.trigger)
    return Event(
        id=f"{article.key}-e{j}", article_id=article.id,
        source=_mention(*spec.source, sentence, offset),
        target=_mention(*spec.target, sentence, offset) if spec.target else None,
        cameo=spec.cameo, quad_class=code.quad_class, goldstein=code.goldstein,
        plover=code.plover, modality=spec.modality,  # type: ignore[arg-type]
        historical=spec.historical,
        evidence=Evidence(sentence=sentence, start=offset, end=offset + len(sentence),
                          trigger=spec.trigger, trigger_start=offset + at,
                          trigger_end=offset + at + len(spec.trigger)),
        confidence=0.8, date=spec.date, date_precision=spec.precision, location=spec.place,
        pattern="corpus",
    )


def gold_labels(docs: list[Document]) -> dict[str, str | None]:
    """Event id -> the real event it reports (None: not an event that happened)."""
    labels: dict[str, str | None] = {}
    for doc, story in zip(docs, STORIES, strict=True):
        specs = [spec for _, specs in story.sentences for spec in specs]
        for event, spec in zip(doc.events, specs, strict=True):
            labels[event.id] = spec.gold
    return labels


def pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
    """Pairs (a < b) of event ids that share a group."""
    by_group: dict[str, list[str]] = {}
    for event_id, group in groups.items():
        by_group.setdefault(group, []).append(event_id)
    return {
        (a, b) for ids in by_group.values() for a, b in combinations(sorted(ids), 2)
    }


def pairwise_scores(
    predicted: dict[str, str], gold: dict[str, str | None]
) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of clusters ``predicted`` (event id -> cluster id)."""
    truth = pairs({event_id: label for event_id, label in gold.items() if label is not None})
    found = pairs(predicted)
    hits = len(truth & found)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
