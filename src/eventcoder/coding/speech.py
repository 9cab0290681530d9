"""Verbs of saying and believing: one table, read by modality, intent, extract and quotes.

Each verb lists the properties that the consumers decide on:

``REPORTS``     its clause is someone's claim or view ("said that Russia attacked"): the act
                in it is ``reported``, keeps its own modality (the speaker's clause does not
                decide it), a "would" in it is a reported "will", and it is no demand
                ("warned that ..." is not "urged to ...").  (modality)
``STATES``      a speech act of the speaker: "will"/"would" in its clause is the speaker's
                stated intention ("said they would boycott" 13x/03x), "must"/"should" a demand
                on the clause's subject (10x). A belief ("believes they would") or a news
                report ("the agency reported Russia will ...") states nobody's intention.
                (intent)
``NOT_AN_ACT``  the verb is saying and nothing more (CAMEO 010 at most): its clause is coded
                on its own verbs, not as the verb's object or target, and no co-subject
                becomes its target. Speech verbs that are acts of their own ("warned" 130,
                "suggested" 020, "admitted" 050) keep their clause for their code.  (extract)
``CLAIMS``      a claim about an act: "the US claimed that they had attacked Iraq" is the
                claimer taking responsibility (015) for its own act, "claimed that ISIL had
                attacked Iraq" an accusation (112) of another's hostile act; the act itself
                stays ``reported``.  (extract)
``QUOTES``      may attribute a direct quotation ("...,” he told CNN"). Belief verbs do not:
                "I think we'll get it done" inside a quote is no attribution.  (quotes)
"""

from __future__ import annotations

REPORTS = "reports"
STATES = "states"
NOT_AN_ACT = "not_an_act"
QUOTES = "quotes"
CLAIMS = "claims"

_SAYING = frozenset({REPORTS, STATES, NOT_AN_ACT, QUOTES})

SPEECH_TABLE: dict[str, frozenset[str]] = {
    # Plain statements: saying and nothing more.
    **dict.fromkeys(
        ("say", "tell", "add", "state", "announce", "declare", "insist", "note",
         "explain", "write", "argue", "stress", "confirm", "reiterate", "repeat", "reply",
         "comment", "remark", "tweet"), _SAYING),
    "claim": _SAYING | {CLAIMS},
    # Someone else's account: reported, but the reporter states no intention of the actor.
    "report": frozenset({REPORTS, NOT_AN_ACT, QUOTES}),
    **dict.fromkeys(("describe", "cite", "quote"), frozenset({REPORTS, NOT_AN_ACT})),
    # Beliefs: the clause is the holder's view; no intention is stated, no quote attributed.
    **dict.fromkeys(("believe", "think"), frozenset({REPORTS, NOT_AN_ACT})),
    # Speech acts with a CAMEO code of their own (warn 130, admit 050, acknowledge 015,
    # signal 030) or other senses ("concluded a deal", "responded to the plan"): the clause
    # is reported and may state an intention, but the verb keeps its own code and target.
    **dict.fromkeys(("warn", "caution", "acknowledge", "admit", "conclude", "respond"),
                    frozenset({REPORTS, STATES, QUOTES})),
    **dict.fromkeys(("indicate", "signal"), frozenset({REPORTS, STATES})),
    # "suggested that Russia would send troops": a proposal, not the speaker's plan
    "suggest": frozenset({REPORTS}),
    "recall": frozenset({REPORTS, QUOTES}),
    # Verbs that attribute quotes but govern a clause of their own kind: demands and promises
    # ("urged Russia to ...", "vowed to ...", see modality.DEMAND_VERBS/INTENT_VERBS) or no
    # clause at all ("he continued", "she posted").
    **dict.fromkeys(("speak", "continue", "ask", "urge", "vow", "pledge", "promise", "post"),
                    frozenset({QUOTES})),
}


def _with(prop: str) -> frozenset[str]:
    return frozenset(v for v, props in SPEECH_TABLE.items() if prop in props)


REPORTING = _with(REPORTS)
STATING = _with(STATES)
SAYING_ONLY = _with(NOT_AN_ACT)
QUOTING = _with(QUOTES)
CLAIMING = _with(CLAIMS)

