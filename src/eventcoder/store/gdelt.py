"""Export in the layout of the GDELT 2.0 event table (``--schema gdelt``).

Columns, order and types follow "The GDELT Event Database Data Format Codebook V2.0"
(2/19/2015, http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf), as
listed with their BigQuery types in GDELT's published column list
(``GDELT_2.0_Column_Labels_Header_Row_Sep2016.csv``): 61 columns, GLOBALEVENTID (INTEGER)
through SOURCEURL (STRING). GDELT files are tab-separated without a header: write them with
``export(..., fmt="csv", tab=True, header=False)``. How eventcoder fills them:

* one row per **counted event** (asserted and not historical) with ``what="events"``; all
  events with ``all_events=True``. With ``what="clusters"`` one row per event cluster
  (``store/dedup.py``), GDELT's own notion of an event: the fields of the representative
  event, the cluster's date and place;
* ``GLOBALEVENTID``: a stable positive 63-bit integer: the first 8 bytes of the MD5 of the
  event id (or cluster id), big-endian, shifted right one bit (``global_event_id``);
* ``SQLDATE`` (``YYYYMMDD``), ``MonthYear``, ``Year``, ``FractionDate`` (year + (month * 30 +
  day) / 365, GDELT's approximation, 4 decimals): the event date, else the article's date,
  else the day it was coded;
* actor fields: ``Actor1Code``/``Actor1Name`` (upper case, as GDELT writes names); the code is
  read in 3-character parts: the actor's country (or a CAMEO region such as ``WST`` for an
  actor without one) is ``CountryCode``, CAMEO role codes (``GOV``, ``MIL``, ``IGO`` ...)
  fill ``Type1Code``..``Type3Code``, religion codes ``Religion1Code``/``Religion2Code``,
  lower-case parts ``EthnicCode``, any other part the ``KnownGroupCode`` (``NAT`` in
  ``IGOWSTNAT``);
* ``IsRootEvent``: 1 when the event's sentence starts in the article's first paragraph (up to
  the first line break after its first 150 characters); for a cluster, when any member does;
* ``EventCode``/``EventBaseCode``/``EventRootCode`` (strings, leading zeros kept),
  ``QuadClass``, ``GoldsteinScale`` from the event's CAMEO code;
* ``NumMentions``/``NumSources``/``NumArticles``: the event's cluster counts when it is
  clustered (run ``Store.cluster()`` first), else 1; ``AvgTone`` is empty (not computed);
* geography: eventcoder places the action only, so ``Actor1Geo_*``/``Actor2Geo_*`` are empty
  with ``Geo_Type`` 0. ``ActionGeo_Type`` follows GDELT (1 country, 2 US state, 3 US city,
  4 world city, 5 world state/ADM1; 0 none) from the place's feature; ``FullName`` is
  "place, admin1, country"; ``CountryCode`` is the FIPS 10-4 code (``store/fips.py``);
  ``ADM1Code`` and ``FeatureID`` are the FIPS country code for country-level places (GDELT's
  convention) and empty otherwise, as are ``ADM2Code`` (no FIPS/GAUL codes offline);
* ``DATEADDED``: when the article was coded (UTC, ``YYYYMMDDHHMMSS``); for a cluster, its
  first member; ``SOURCEURL``: the article's URL (else its input name, else its id); for a
  cluster, the URL of its earliest report.
"""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING

import pyarrow as pa
import pycountry

from eventcoder.errors import InputError
from eventcoder.store.fips import FIPS_10_4

if TYPE_CHECKING:
    from eventcoder.store.duckdb_store import Store
    from eventcoder.store.export import Selection

logger = logging.getLogger(__name__)

__all__ = ["GDELT_COLUMNS", "actor_parts", "gdelt", "global_event_id", "register_lookups"]


def _actor_columns(n: int) -> list[tuple[str, str]]:
    return [(f"Actor{n}{name}", "VARCHAR") for name in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")]


def _geo_columns(prefix: str) -> list[tuple[str, str]]:
    return [
        (f"{prefix}Geo_Type", "INTEGER"), (f"{prefix}Geo_FullName", "VARCHAR"),
        (f"{prefix}Geo_CountryCode", "VARCHAR"), (f"{prefix}Geo_ADM1Code", "VARCHAR"),
        (f"{prefix}Geo_ADM2Code", "VARCHAR"), (f"{prefix}Geo_Lat", "DOUBLE"),
        (f"{prefix}Geo_Long", "DOUBLE"), (f"{prefix}Geo_FeatureID", "VARCHAR"),
    ]


# The 61 columns of the GDELT 2.0 event table, in GDELT's order, with DuckDB types.
GDELT_COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "BIGINT"), ("SQLDATE", "INTEGER"), ("MonthYear", "INTEGER"),
    ("Year", "INTEGER"), ("FractionDate", "DOUBLE"),
    *_actor_columns(1), *_actor_columns(2),
    ("IsRootEvent", "INTEGER"), ("EventCode", "VARCHAR"), ("EventBaseCode", "VARCHAR"),
    ("EventRootCode", "VARCHAR"), ("QuadClass", "INTEGER"), ("GoldsteinScale", "DOUBLE"),
    ("NumMentions", "INTEGER"), ("NumSources", "INTEGER"), ("NumArticles", "INTEGER"),
    ("AvgTone", "DOUBLE"),
    *_geo_columns("Actor1"), *_geo_columns("Actor2"), *_geo_columns("Action"),
    ("DATEADDED", "BIGINT"), ("SOURCEURL", "VARCHAR"),
]

# CAMEO actor-code parts, by kind (CAMEO codebook, Schrodt 2012, chapters on actor codes).
ROLE_CODES = frozenset({
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
    "IGO", "NGO", "NGM", "IMG", "MNC", "PTY", "SET", "UIS", "PPL",
})
RELIGION_CODES = frozenset({
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD",
    "ITR", "JAN", "JEW", "JHW", "LDS", "MAR", "MOS", "MUS", "ORT", "PRO", "SHI", "SHN", "SIK",
    "SUN", "TAO", "ZRO",
})
REGION_CODES = frozenset({
    "AFR", "ASA", "BAL", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
    "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST",
})
# Short English names where ISO 3166's is long or inverted ("Korea, Republic of").
_COUNTRY_NAMES = {
    "RUS": "Russia", "PSE": "Palestine", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "FSM": "Micronesia", "VAT": "Vatican City",
    "BRN": "Brunei", "TUR": "Turkey", "KSV": "Kosovo", "GBR": "United Kingdom",
    "USA": "United States", "CZE": "Czech Republic", "IRN": "Iran", "SYR": "Syria",
}


def global_event_id(key: str) -> int:
    """GLOBALEVENTID of an event or cluster id: 63 bits of its MD5 (same as the SQL)."""
    return int(hashlib.md5(key.encode("utf-8")).hexdigest()[:16], 16) >> 1


_GLOBAL_ID_SQL = "CAST(('0x' || substr(md5({}), 1, 16))::UBIGINT >> 1 AS BIGINT)"


def actor_parts(code: str | None, country: str | None) -> dict[str, str | None]:
    """Split a CAMEO actor code into GDELT's actor columns (without the Actor1/2 prefix)."""
    parts: dict[str, str | None] = {
        "CountryCode": country, "KnownGroupCode": None, "EthnicCode": None,
        "Religion1Code": None, "Religion2Code": None, "Type1Code": None, "Type2Code": None,
        "Type3Code": None,
    }
    if not code:
        return parts
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    if country and chunks[0] == country:
        chunks = chunks[1:]
    roles: list[str] = []
    religions: list[str] = []
    for chunk in chunks:
        if chunk in ROLE_CODES:
            roles.append(chunk)
        elif chunk in RELIGION_CODES:
            religions.append(chunk)
        elif chunk in REGION_CODES and parts["CountryCode"] is None:
            parts["CountryCode"] = chunk
        elif chunk.islower() and parts["EthnicCode"] is None:
            parts["EthnicCode"] = chunk
        elif parts["KnownGroupCode"] is None and chunk.isupper() and len(chunk) == 3:
            parts["KnownGroupCode"] = chunk
    for n, role in enumerate(roles[:3], 1):
        parts[f"Type{n}Code"] = role
    for n, religion in enumerate(religions[:2], 1):
        parts[f"Religion{n}Code"] = religion
    return parts


def _country_name(alpha3: str) -> str | None:
    if alpha3 in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[alpha3]
    found = pycountry.countries.get(alpha_3=alpha3)
    if found is None:
        return None
    return str(getattr(found, "common_name", None) or found.name)


def register_lookups(store: Store) -> None:
    """Arrow lookup tables the export query joins: actor-code parts and country names."""
    con = store.connection
    codes = con.execute(
        "SELECT DISTINCT code, country FROM ("
        "SELECT source_code AS code, source_country AS country FROM events UNION ALL "
        "SELECT target_code, target_country FROM events) WHERE code IS NOT NULL"
    ).fetchall()
    keys = ["CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
            "Type1Code", "Type2Code", "Type3Code"]
    rows = [actor_parts(code, country) for code, country in codes]
    con.register("_ec_gdelt_actors", pa.table({
        "code": pa.array([code for code, _ in codes], type=pa.string()),
        "country": pa.array([country for _, country in codes], type=pa.string()),
        **{key: pa.array([row[key] for row in rows], type=pa.string()) for key in keys},
    }))
    countries = sorted({*FIPS_10_4, *(c.alpha_3 for c in pycountry.countries)})
    con.register("_ec_gdelt_countries", pa.table({
        "code": pa.array(countries, type=pa.string()),
        "name": pa.array([_country_name(c) for c in countries], type=pa.string()),
        "fips": pa.array([FIPS_10_4.get(c) for c in countries], type=pa.string()),
    }))


_DAY = ("coalesce(TRY_CAST(left(e.date, 10) AS DATE), a.date, "
        "CAST(a.coded_at AS DATE))")
_IS_ROOT = (
    "CASE WHEN e.sentence_start < coalesce(nullif(strpos(substr(a.text, 151), chr(10)), 0) "
    "+ 150, length(a.text) + 1) THEN 1 ELSE 0 END"
)
_URL = "coalesce(a.url, a.origin, a.id)"


def _events_base(counted_only: bool) -> str:
    where = "WHERE e.modality = 'asserted' AND NOT coalesce(e.historical, false)" \
        if counted_only else ""
    return f"""
        SELECT e.id AS _key, {_DAY} AS _day,
               e.source_code AS _s_code, e.source_name AS _s_name,
               e.source_country AS _s_country,
               e.target_code AS _t_code, e.target_name AS _t_name,
               e.target_country AS _t_country,
               {_IS_ROOT} AS _is_root, e.cameo AS _cameo, e.quad_class AS _quad,
               e.goldstein AS _goldstein,
               c.num_mentions AS _nm, c.num_sources AS _ns, c.num_articles AS _na,
               e.location AS _l_name, e.location_country AS _l_country,
               e.location_admin1 AS _l_admin1, e.location_feature AS _l_feature,
               e.location_lat AS _l_lat, e.location_lon AS _l_lon,
               a.coded_at AS _added, {_URL} AS _url,
               e.article_key AS _o1, e.sentence_start AS _o2, e.trigger_start AS _o3
        FROM events e JOIN articles a ON a.key = e.article_key
        LEFT JOIN cluster_members m ON m.event_id = e.id
        LEFT JOIN clusters c ON c.cluster_id = m.cluster_id
        {where}
    """


_CLUSTERS_BASE = f"""
    SELECT c.cluster_id AS _key, coalesce(c.event_date, c.first_seen) AS _day,
           c.source_code AS _s_code, c.source_name AS _s_name, c.source_country AS _s_country,
           c.target_code AS _t_code, c.target_name AS _t_name, c.target_country AS _t_country,
           f._is_root, c.cameo AS _cameo, c.quad_class AS _quad, c.goldstein AS _goldstein,
           c.num_mentions AS _nm, c.num_sources AS _ns, c.num_articles AS _na,
           c.location AS _l_name, c.location_country AS _l_country,
           c.location_admin1 AS _l_admin1, c.location_feature AS _l_feature,
           c.location_lat AS _l_lat, c.location_lon AS _l_lon,
           f._added, f._url,
           CAST(c.event_date AS VARCHAR) AS _o1, 0 AS _o2, 0 AS _o3
    FROM clusters c
    LEFT JOIN (
        SELECT m.cluster_id, max({_IS_ROOT}) AS _is_root, min(a.coded_at) AS _added,
               arg_min({_URL}, (coalesce(a.date, CAST(a.coded_at AS DATE)), a.coded_at, a.key))
                   AS _url
        FROM cluster_members m JOIN events e ON e.id = m.event_id
        JOIN articles a ON a.key = e.article_key
        GROUP BY m.cluster_id
    ) f ON f.cluster_id = c.cluster_id
"""


def _actor_select(n: int, role: str) -> str:
    parts = ", ".join(
        f'{role}p."{key}" AS "Actor{n}{key}"' if key != "CountryCode"
        else f'coalesce(_{role}_country, {role}p."CountryCode") AS "Actor{n}CountryCode"'
        for key in ("CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                    "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
    )
    return (f'_{role}_code AS "Actor{n}Code", upper(_{role}_name) AS "Actor{n}Name", {parts}')


def _empty_geo(prefix: str) -> str:
    return (f'0 AS "{prefix}Geo_Type", NULL::VARCHAR AS "{prefix}Geo_FullName", '
            f'NULL::VARCHAR AS "{prefix}Geo_CountryCode", '
            f'NULL::VARCHAR AS "{prefix}Geo_ADM1Code", NULL::VARCHAR AS "{prefix}Geo_ADM2Code", '
            f'NULL::DOUBLE AS "{prefix}Geo_Lat", NULL::DOUBLE AS "{prefix}Geo_Long", '
            f'NULL::VARCHAR AS "{prefix}Geo_FeatureID"')


_ACTION_GEO = """
    CASE WHEN _l_name IS NULL THEN 0
         WHEN _l_feature = 'country' THEN 1
         WHEN _l_feature = 'region' THEN CASE WHEN _l_country = 'USA' THEN 2 ELSE 5 END
         ELSE CASE WHEN _l_country = 'USA' THEN 3 ELSE 4 END END AS "ActionGeo_Type",
    CASE WHEN _l_name IS NULL THEN NULL
         WHEN _l_feature = 'country' THEN coalesce(lc.name, _l_name)
         ELSE concat_ws(', ', _l_name,
                        CASE WHEN _l_admin1 <> _l_name THEN _l_admin1 END,
                        CASE WHEN lc.name <> _l_name THEN lc.name END) END
        AS "ActionGeo_FullName",
    CASE WHEN _l_name IS NULL THEN NULL
         WHEN _l_country = 'PSE' THEN
             CASE WHEN lower(_l_name) LIKE '%gaza%' THEN 'GZ' ELSE 'WE' END
         ELSE lc.fips END AS _fips,
    _fips AS "ActionGeo_CountryCode",
    CASE WHEN _l_feature = 'country' THEN _fips END AS "ActionGeo_ADM1Code",
    NULL::VARCHAR AS "ActionGeo_ADM2Code",
    CASE WHEN _l_name IS NOT NULL THEN _l_lat END AS "ActionGeo_Lat",
    CASE WHEN _l_name IS NOT NULL THEN _l_lon END AS "ActionGeo_Long",
    CASE WHEN _l_feature = 'country' THEN _fips END AS "ActionGeo_FeatureID"
"""


def _query(base: str) -> str:
    columns = ", ".join(f'"{name}"' for name, _ in GDELT_COLUMNS)
    return f"""
        SELECT {columns} FROM (
        SELECT {_GLOBAL_ID_SQL.format('_key')} AS "GLOBALEVENTID",
               CAST(strftime(_day, '%Y%m%d') AS INTEGER) AS "SQLDATE",
               CAST(strftime(_day, '%Y%m') AS INTEGER) AS "MonthYear",
               CAST(year(_day) AS INTEGER) AS "Year",
               round(year(_day) + (month(_day) * 30 + day(_day)) / 365, 4) AS "FractionDate",
               {_actor_select(1, 's')},
               {_actor_select(2, 't')},
               CAST(coalesce(_is_root, 0) AS INTEGER) AS "IsRootEvent",
               _cameo AS "EventCode",
               CASE WHEN length(_cameo) = 4 THEN left(_cameo, 3) ELSE _cameo END
                   AS "EventBaseCode",
               left(_cameo, 2) AS "EventRootCode",
               CAST(_quad AS INTEGER) AS "QuadClass",
               CAST(_goldstein AS DOUBLE) AS "GoldsteinScale",
               CAST(coalesce(_nm, 1) AS INTEGER) AS "NumMentions",
               CAST(coalesce(_ns, 1) AS INTEGER) AS "NumSources",
               CAST(coalesce(_na, 1) AS INTEGER) AS "NumArticles",
               NULL::DOUBLE AS "AvgTone",
               {_empty_geo('Actor1')}, {_empty_geo('Actor2')},
               {_ACTION_GEO},
               CAST(strftime(_added, '%Y%m%d%H%M%S') AS BIGINT) AS "DATEADDED",
               _url AS "SOURCEURL",
               _o1, _o2, _o3, _key
        FROM ({base}) b
        LEFT JOIN _ec_gdelt_actors sp ON sp.code = b._s_code
             AND sp.country IS NOT DISTINCT FROM b._s_country
        LEFT JOIN _ec_gdelt_actors tp ON tp.code = b._t_code
             AND tp.country IS NOT DISTINCT FROM b._t_country
        LEFT JOIN _ec_gdelt_countries lc ON lc.code = b._l_country
        ) ORDER BY "SQLDATE", _o1, _o2, _o3, _key
    """


def gdelt(store: Store, what: str) -> Selection:
    """GDELT 2.0 event rows for ``what`` = ``events`` (counted ones; ``unfiltered``: all) or
    ``clusters``. JSON objects have the same keys as the columns."""
    from eventcoder.store.export import Selection

    if what not in ("events", "clusters"):
        raise InputError(f"the gdelt schema exports events or clusters, not {what!r}")
    register_lookups(store)
    con = store.connection
    if what == "clusters":
        relation = con.sql(_query(_CLUSTERS_BASE))
        return Selection(relation=relation, to_json=dict)
    return Selection(relation=con.sql(_query(_events_base(True))), to_json=dict,
                     unfiltered=con.sql(_query(_events_base(False))))
