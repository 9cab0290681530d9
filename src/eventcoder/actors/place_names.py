"""Which state a place name stands for when the knowledge base alone cannot say.

- a capital's name shared by a large town of another country is that town when the article
  places a city there ("Tripoli ... the north Lebanese port" -> LBN);
- a town only the gazetteer knows stands for its country when it dwarfs its namesakes abroad
  ("met in Istanbul" -> TUR);
- a name after "of" in the name of a sea is no place of that state ("the Gulf of Oman").

The gazetteer is reached through a ``PlaceLookup`` hook, so this module needs no coding code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from .mentions import Located

# A hook into a gazetteer: place name -> (CAMEO country, population) of its towns and cities.
PlaceLookup = Callable[[str], "list[tuple[str, int]]"]
NAMESAKE_POPULATION = 100_000  # a namesake town must be this large to displace a capital
CITY_POPULATION = 20_000  # an unknown place name stands for its country from this size
# common nouns of places a demonym can qualify ("inhabitants of the Syrian town")
PLACE_NOUNS = {"town", "city", "village", "region", "province", "district", "port", "capital",
               "territory", "border", "coast", "island", "islands", "countryside", "area",
               "state", "heights", "enclave", "valley"}
WATER_BODIES = {"gulf", "sea", "strait", "straits", "bay", "ocean", "channel"}


def water_body(span: Span) -> bool:
    """A name after "of" in the name of a sea ("the Gulf of Oman", "the Sea of Japan")."""
    root = span.root
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i \
        and prep.head.lower_ in WATER_BODIES and prep.head.text[:1].isupper()


def _places_a_city(doc: Doc, country: Located, city: Located) -> bool:
    """Whether a country mention places a city: a demonym or name on a place noun ("the
    north Lebanese port", "the Lebanese city of X"), a possessor ("Lebanon's X") or a
    qualifier after a comma ("X, Lebanon")."""
    tok = doc[country.head]
    if tok.dep_ in {"amod", "compound", "nmod", "poss"} and (
            tok.head.lemma_.lower() in PLACE_NOUNS or tok.head.i == city.head):
        return True
    return country.start == city.end + 1 and doc[city.end].text == ","


def namesake_country(doc: Doc, capital: Located, names: list[Located],
                     places: PlaceLookup) -> str | None:
    """The other country whose town the capital's name ``capital`` stands for ("Tripoli" in
    Libya and in Lebanon): the one country among its large namesakes' that the article
    places a city in, when it names no other of the candidates. A country merely named in
    the sentence is no evidence ("Canadian officials in London"). None: the capital."""
    a = capital.actor
    if a is None or a.type != "capital" or not a.country:
        return None
    others = {c for c, pop in places(doc[capital.start:capital.end].text)
              if c != a.country and pop >= NAMESAKE_POPULATION}
    if not others:
        return None
    named = {o.actor.country for o in names if o is not capital and o.actor is not None
             and o.actor.type in {"country", "capital"} and o.actor.country}
    placing = {o.actor.country for o in names if o.actor is not None
               and o.actor.country in others and _places_a_city(doc, o, capital)}
    if len(placing) == 1 and a.country not in named:
        return placing.pop()
    return None


def city_country(text: str, places: PlaceLookup) -> str | None:
    """The country of a town the gazetteer knows ("Istanbul", "Basra"), when one town of that
    name is large enough and dwarfs (tenfold) every namesake abroad."""
    found = sorted(places(text), key=lambda cp: -cp[1])
    if not found or found[0][1] < CITY_POPULATION or any(
            c != found[0][0] and 10 * pop > found[0][1] for c, pop in found[1:]):
        return None
    return found[0][0]
