"""Expressed intentions are events in CAMEO: "Finland will give Tanzania a grant" is 0331
(express intent to provide economic aid), "Jordan and Britain agreed to hold joint exercises"
is 0312. The planned action itself stays ``intended``; the statement of intent is asserted.

Threats work the same way for conflict: "Russia vowed to cut gas supplies" states a threat
(1312), but only explicit vow/plan verbs turn a conflict action into a threat; a bare "will
attack" may be a reporter's forecast rather than the actor's threat.
"""

from __future__ import annotations

from spacy.tokens import Token

from .arguments import addressees, conditional, to_infinitive
from .ontology import FORCE_ROOTS
from .speech import STATING

INTENT_VERBS = {"agree", "offer", "promise", "pledge", "vow", "plan", "intend", "decide",
                "undertake", "propose", "want", "commit", "volunteer", "resolve", "aim",
                "hope", "wish", "seek", "prepare", "consent", "announce", "swear"}
INTENT_ADJECTIVES = {"ready", "willing", "prepared", "committed", "determined", "eager",
                     "keen", "set", "poised"}
THREAT_VERBS = {"vow", "pledge", "promise", "plan", "intend", "threaten", "warn", "decide",
                "resolve", "prepare", "say", "said-would",  # "said they would boycott"
                "swear", "ready", "prepared", "determined", "poised", "set",
                "want",  # "wants to attack" is 138 as "wants to meet" is 036
                "will-if"}
# "X warned that Y will ...": what is announced as a warning is a threat
WARNING_VERBS = {"warn", "caution"}
# verbs of starting, going on and taking up again: they add no act of their own
ASPECTUAL = {"resume", "continue", "begin", "start", "keep", "renew"}
DEMAND_MODALS = {"must", "should"}
# verbs that appeal to their object to act ("urged Iran to release ...")
APPEAL_VERBS = {"urge", "call", "appeal", "encourage", "implore", "exhort", "ask", "request",
                "plead"}
# what a speaker issues or sends whose "that"-clause says what another must do
MESSAGE_NOUNS = {"reminder", "warning", "message", "letter", "note", "notice", "statement",
                 "ultimatum", "demand", "call", "appeal", "instruction", "order", "signal"}
FUTURE = {"will", "shall", "'ll"}
REFUSE_VERBS = {"refuse", "decline", "reject"}

# action code prefix -> expressed-intent code; the longest matching prefix wins
_COOPERATION = {
    "04": "036", "045": "039", "046": "036",
    "05": "032", "057": "030",
    "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342",
    "0833": "0343", "0834": "0344", "084": "0353", "085": "0354", "086": "0355",
    "087": "0356",
}
# ("wants to attack": unspecified force 190 is the unspecified threat 138; air strikes 195
# are a conventional attack, 1384)
_CONFLICT = {
    "14": "133", "15": "130",
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
    "166": "136",
    "17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323",
    "1724": "1324",
    "18": "1383", "19": "138", "191": "1381", "192": "1382", "195": "1384",
    "20": "1385",
}


def _lookup(table: dict[str, str], code: str) -> str | None:
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit is not None:
            return hit or None
    return None


def _reported(v: Token) -> bool:
    return v.dep_ == "ccomp" and v.head.lemma_.lower() in STATING


def intent_governor(v: Token) -> str | None:
    """The word by which the actor states the intention to do ``v``, if any: "will",
    "agreed", "offered", "ready", ... None when ``v`` is not an expressed intention."""
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in ASPECTUAL and v.head.dep_ == "xcomp":
        # "prepared to resume shelling": intending to resume an act is intending the act
        v = v.head
    if _reported(v) and v.head.lemma_.lower() in WARNING_VERBS and any(
            c.dep_ == "aux" and c.lower_ in FUTURE | {"would"} for c in v.children):
        return "warn"  # "warned that police will no longer tolerate rallies": a threat
    if any(c.dep_ == "aux" and c.lower_ in FUTURE for c in v.children):
        if any(conditional(c) for c in v.children):
            # "the EU will impose sanctions if the crackdown continues": a hostile act
            # promised on a condition is a threat (a cooperative one stays a promise)
            return "will-if"
        return "say" if _reported(v) else "will"
    if _reported(v) and any(c.dep_ == "aux" and c.lower_ == "would" for c in v.children):
        return "said-would"  # reported speech shifts "will" back to "would"
    # "vowed to fight" (xcomp); "have sworn to fight" is sometimes parsed as a purpose clause
    # but "offered Brazil a credit line to finance projects": with an object, the infinitive
    # says what the thing is for, not what the subject means to do
    if v.dep_ == "xcomp" or (v.dep_ == "advcl" and v.head.pos_ == "VERB"
                             and v.head.lemma_.lower() in INTENT_VERBS
                             and to_infinitive(v)
                             and not any(c.dep_ == "dobj" for c in v.head.children)):
        head = v.head
        lemma = head.lemma_.lower()
        if head.pos_ == "VERB" and lemma in REFUSE_VERBS:
            return lemma
        if head.pos_ in {"VERB", "AUX"} and lemma in INTENT_VERBS:
            return lemma
        if head.pos_ == "ADJ" and lemma in INTENT_ADJECTIVES:
            return lemma
    return None


def expressed_code(code: str, governor: str) -> str | None:
    """The CAMEO code of stating the intention to do ``code`` (None: no such code)."""
    if code.startswith("03"):
        # the dictionary already codes this act as an intent ("send a team" 036): stating
        # that one will do it is that intent
        return code
    hit = _lookup(_COOPERATION, code)
    if hit is not None:
        return hit
    if governor == "prepare" and code[:2] in FORCE_ROOTS:
        # "the army prepared to resume shelling": getting ready to use force is a military
        # move short of force (150 "Demonstrate military or police power"), not a verbal
        # threat; "said it is prepared to attack" (the adjective) states a threat, 138
        return "150"
    if governor in THREAT_VERBS:
        return _lookup(_CONFLICT, code)
    return None


def intending_verb(v: Token, code: str | None) -> int:
    """The verb whose stated intention to do ``v`` (coded ``code``) is coded from that act
    ("prepared" in "prepared to resume shelling": 150), or -1."""
    governor = intent_governor(v)
    if v.dep_ != "xcomp" or governor is None or not code \
            or expressed_code(code, governor) is None:
        return -1
    head = v.head
    if head.dep_ == "xcomp" and head.lemma_.lower() in ASPECTUAL:
        head = head.head
    return head.i if head.pos_ == "VERB" else -1


_REFUSAL = {
    "03": "120", "031": "121", "033": "122", "034": "123", "035": "124", "036": "125",
    "037": "127", "038": "126", "039": "126",
    "04": "125", "045": "126",
    "05": "120", "057": "127",
    "06": "121", "061": "1211", "062": "1212",
    "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
    "08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231", "0832": "1232",
    "0833": "1233", "0834": "1234", "084": "1243", "085": "1244", "086": "1245",
    "087": "1246",
}
_DEMAND = {
    "03": "100", "036": "106", "037": "107", "038": "108", "039": "108",
    "04": "106", "045": "108",
    "05": "102",
    "06": "101", "061": "1011", "062": "1012", "063": "1013", "064": "1014",
    "07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034",
    "08": "105", "081": "1051", "082": "1052", "083": "104", "0831": "1041", "0832": "1042",
    "0833": "1043", "0834": "1044", "084": "1053", "085": "1054", "086": "1055",
    "087": "1056",
}


def refusal_code(code: str, governor: str | None = None) -> str | None:
    """"Syria will not accept refugees": the refusal of a cooperative act is a 12x event.
    Warning that one will no longer allow or give something threatens its withdrawal (130)."""
    if governor in WARNING_VERBS and _lookup(_REFUSAL, code) is not None:
        return "130"
    return _lookup(_REFUSAL, code)


def demand_code(code: str) -> str:
    """"Straw said Sudan must reach an agreement": a 10x demand on the clause's subject."""
    return _lookup(_DEMAND, code) or "100"


def appeal_code(code: str) -> str:
    """"urged Iran to release the prisoners": an appeal for the act (02x mirrors 10x:
    0253 "appeal for release" as 1053 "demand release")."""
    return "02" + demand_code(code)[2:]


def appealed_by(v: Token) -> Token | None:
    """The appeal verb when ``v`` is what it urges its object or addressee to do ("urged
    Iran to release", "called on Moscow to withdraw", "appealed to Sudan to agree")."""
    head = v.head
    if v.dep_ != "xcomp" or head.lemma_.lower() not in APPEAL_VERBS:
        return None
    addressed = any(c.dep_ == "dobj" for c in head.children) or bool(addressees(head))
    return head if addressed else None


def demanded_by_speaker(v: Token) -> Token | None:
    """The speech verb when ``v`` is what someone said another actor must/should do; or the
    verb by which the speaker delivered a message saying so ("issued a reminder to Iraq that
    it must cooperate", "sent a message that ...")."""
    if not any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in v.children):
        return None
    if _reported(v):
        return v.head
    message = v.head
    if v.dep_ in {"acl", "ccomp"} and message.pos_ == "NOUN" \
            and message.lemma_.lower() in MESSAGE_NOUNS and message.dep_ == "dobj" \
            and message.head.pos_ == "VERB":
        return message.head
    return None
