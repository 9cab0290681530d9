"""Expressed intentions are events in CAMEO: "Finland will give Tanzania a grant" is 0331
(express intent to provide economic aid), "Jordan and Britain agreed to hold joint exercises"
is 0312. The planned action itself stays ``intended``; the statement of intent is asserted.

Threats work the same way for conflict: "Russia vowed to cut gas supplies" states a threat
(1312), but only explicit vow/plan verbs turn a conflict action into a threat; a bare "will
attack" may be a reporter's forecast rather than the actor's threat.
"""

from __future__ import annotations

from spacy.tokens import Token

INTENT_VERBS = {"agree", "offer", "promise", "pledge", "vow", "plan", "intend", "decide",
                "undertake", "propose", "want", "commit", "volunteer", "resolve", "aim",
                "hope", "wish", "seek", "prepare", "consent", "announce"}
INTENT_ADJECTIVES = {"ready", "willing", "prepared", "committed", "determined", "eager",
                     "keen", "set", "poised"}
THREAT_VERBS = {"vow", "pledge", "promise", "plan", "intend", "threaten", "warn", "decide",
                "resolve", "prepare"}
FUTURE = {"will", "shall", "'ll"}

# action code prefix -> expressed-intent code; the longest matching prefix wins
_COOPERATION = {
    "04": "036", "045": "039", "046": "036",
    "05": "032", "057": "030",
    "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342",
    "0833": "0343", "0834": "0344", "084": "0353", "085": "0354", "086": "0355",
    "087": "0356",
    "03": "",  # already an intent
}
_CONFLICT = {
    "14": "133", "15": "130",
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
    "166": "136",
    "17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323",
    "1724": "1324",
    "18": "1383", "19": "138", "190": "1384", "191": "1381", "192": "1382", "195": "1384",
    "20": "1385",
}


def _lookup(table: dict[str, str], code: str) -> str | None:
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit is not None:
            return hit or None
    return None


def intent_governor(v: Token) -> str | None:
    """The word by which the actor states the intention to do ``v``, if any: "will",
    "agreed", "offered", "ready", ... None when ``v`` is not an expressed intention."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE for c in v.children):
        return "will"
    if v.dep_ == "xcomp":
        head = v.head
        lemma = head.lemma_.lower()
        if head.pos_ in {"VERB", "AUX"} and lemma in INTENT_VERBS:
            return lemma
        if head.pos_ == "ADJ" and lemma in INTENT_ADJECTIVES:
            return lemma
    return None


def expressed_code(code: str, governor: str) -> str | None:
    """The CAMEO code of stating the intention to do ``code`` (None: no such code)."""
    hit = _lookup(_COOPERATION, code)
    if hit is not None or code.startswith("03"):
        return hit
    if governor in THREAT_VERBS:
        return _lookup(_CONFLICT, code)
    return None
