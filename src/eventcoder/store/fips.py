"""CAMEO (ISO 3166-1 alpha-3) country codes to FIPS 10-4 codes, which GDELT's geography uses.

GDELT's ``*Geo_CountryCode`` columns hold the 2-character FIPS 10-4 country code (GDELT Event
Codebook V2.0), which differs from ISO 3166 for many countries (Russia ``RS``, Germany ``GM``,
the United Kingdom ``UK``, Ukraine ``UP``). FIPS 10-4 is a U.S. federal standard (public
domain); this table was written for eventcoder from it, for the country codes the actor
knowledge base uses, and cross-checked against a published FIPS-to-ISO table. CAMEO's
``KSV`` (Kosovo) is FIPS ``KV`` and ``TLS`` (East Timor; CAMEO's old ``TMP``) is ``TT``.
FIPS has no code for Palestine as a whole: the West Bank is ``WE`` and the Gaza Strip ``GZ``
(see ``fips_code``). Historical states (``SUN``, ``YUG``, ``CSK``, ``DDR``) and dependencies
without a FIPS code have none.
"""

from __future__ import annotations

__all__ = ["FIPS_10_4", "fips_code"]

FIPS_10_4: dict[str, str] = {
    "ABW": "AA", "AFG": "AF", "AGO": "AO", "AIA": "AV", "ALB": "AL", "AND": "AN", "ARE": "AE",
    "ARG": "AR", "ARM": "AM", "ASM": "AQ", "ATA": "AY", "ATF": "FS", "ATG": "AC", "AUS": "AS",
    "AUT": "AU", "AZE": "AJ", "BDI": "BY", "BEL": "BE", "BEN": "BN", "BFA": "UV", "BGD": "BG",
    "BGR": "BU", "BHR": "BA", "BHS": "BF", "BIH": "BK", "BLM": "TB", "BLR": "BO", "BLZ": "BH",
    "BMU": "BD", "BOL": "BL", "BRA": "BR", "BRB": "BB", "BRN": "BX", "BTN": "BT", "BVT": "BV",
    "BWA": "BC", "CAF": "CT", "CAN": "CA", "CCK": "CK", "CHE": "SZ", "CHL": "CI", "CHN": "CH",
    "CIV": "IV", "CMR": "CM", "COD": "CG", "COG": "CF", "COK": "CW", "COL": "CO", "COM": "CN",
    "CPV": "CV", "CRI": "CS", "CUB": "CU", "CUW": "UC", "CXR": "KT", "CYM": "CJ", "CYP": "CY",
    "CZE": "EZ", "DEU": "GM", "DJI": "DJ", "DMA": "DO", "DNK": "DA", "DOM": "DR", "DZA": "AG",
    "ECU": "EC", "EGY": "EG", "ERI": "ER", "ESH": "WI", "ESP": "SP", "EST": "EN", "ETH": "ET",
    "FIN": "FI", "FJI": "FJ", "FLK": "FK", "FRA": "FR", "FRO": "FO", "FSM": "FM", "GAB": "GB",
    "GBR": "UK", "GEO": "GG", "GGY": "GK", "GHA": "GH", "GIB": "GI", "GIN": "GV", "GLP": "GP",
    "GMB": "GA", "GNB": "PU", "GNQ": "EK", "GRC": "GR", "GRD": "GJ", "GRL": "GL", "GTM": "GT",
    "GUF": "FG", "GUM": "GQ", "GUY": "GY", "HKG": "HK", "HMD": "HM", "HND": "HO", "HRV": "HR",
    "HTI": "HA", "HUN": "HU", "IDN": "ID", "IMN": "IM", "IND": "IN", "IOT": "IO", "IRL": "EI",
    "IRN": "IR", "IRQ": "IZ", "ISL": "IC", "ISR": "IS", "ITA": "IT", "JAM": "JM", "JEY": "JE",
    "JOR": "JO", "JPN": "JA", "KAZ": "KZ", "KEN": "KE", "KGZ": "KG", "KHM": "CB", "KIR": "KR",
    "KNA": "SC", "KOR": "KS", "KSV": "KV", "KWT": "KU", "LAO": "LA", "LBN": "LE", "LBR": "LI",
    "LBY": "LY", "LCA": "ST", "LIE": "LS", "LKA": "CE", "LSO": "LT", "LTU": "LH", "LUX": "LU",
    "LVA": "LG", "MAC": "MC", "MAF": "RN", "MAR": "MO", "MCO": "MN", "MDA": "MD", "MDG": "MA",
    "MDV": "MV", "MEX": "MX", "MHL": "RM", "MKD": "MK", "MLI": "ML", "MLT": "MT", "MMR": "BM",
    "MNE": "MJ", "MNG": "MG", "MNP": "CQ", "MOZ": "MZ", "MRT": "MR", "MSR": "MH", "MTQ": "MB",
    "MUS": "MP", "MWI": "MI", "MYS": "MY", "MYT": "MF", "NAM": "WA", "NCL": "NC", "NER": "NG",
    "NFK": "NF", "NGA": "NI", "NIC": "NU", "NIU": "NE", "NLD": "NL", "NOR": "NO", "NPL": "NP",
    "NRU": "NR", "NZL": "NZ", "OMN": "MU", "PAK": "PK", "PAN": "PM", "PCN": "PC", "PER": "PE",
    "PHL": "RP", "PLW": "PS", "PNG": "PP", "POL": "PL", "PRI": "RQ", "PRK": "KN", "PRT": "PO",
    "PRY": "PA", "PYF": "FP", "QAT": "QA", "REU": "RE", "ROU": "RO", "RUS": "RS", "RWA": "RW",
    "SAU": "SA", "SDN": "SU", "SEN": "SG", "SGP": "SN", "SGS": "SX", "SHN": "SH", "SJM": "SV",
    "SLB": "BP", "SLE": "SL", "SLV": "ES", "SMR": "SM", "SOM": "SO", "SPM": "SB", "SRB": "RI",
    "SSD": "OD", "STP": "TP", "SUR": "NS", "SVK": "LO", "SVN": "SI", "SWE": "SW", "SWZ": "WZ",
    "SXM": "NN", "SYC": "SE", "SYR": "SY", "TCA": "TK", "TCD": "CD", "TGO": "TO", "THA": "TH",
    "TJK": "TI", "TKL": "TL", "TKM": "TX", "TLS": "TT", "TMP": "TT", "TON": "TN", "TTO": "TD",
    "TUN": "TS", "TUR": "TU", "TUV": "TV", "TWN": "TW", "TZA": "TZ", "UGA": "UG", "UKR": "UP",
    "URY": "UY", "USA": "US", "UZB": "UZ", "VAT": "VT", "VCT": "VC", "VEN": "VE", "VGB": "VI",
    "VIR": "VQ", "VNM": "VM", "VUT": "NH", "WLF": "WF", "WSM": "WS", "YEM": "YM", "ZAF": "SF",
    "ZMB": "ZA", "ZWE": "ZI",
}


def fips_code(country: str | None, place: str | None = None) -> str | None:
    """The FIPS 10-4 code of a CAMEO country code; Palestine by place (Gaza ``GZ``, else
    ``WE``)."""
    if country is None:
        return None
    if country == "PSE":
        return "GZ" if place and "gaza" in place.lower() else "WE"
    return FIPS_10_4.get(country)
