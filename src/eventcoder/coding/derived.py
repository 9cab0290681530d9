"""Events read off another one: the statement of an intention or refusal ("will send aid" is
also 0331, stated now), the demand of the speaker who wants the act done ("Straw said Sudan
must ..."), the appeal for it ("urged Iran to release": 0253), and what a claim amounts to
(responsibility claimed, 015, or an accusation, 112).

``DerivedEvents.add`` takes the ``(source, target, code, modality)`` pairs of one coded act and
returns them with the derived pairs added, plus the word that derived them (for the event's
``pattern``, as ``governor(code) -> derived code``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors.mentions import Located, MentionIndex
from ..records import Modality, Place
from .arguments import subjects_of
from .intent import (
    appeal_code,
    appealed_by,
    demand_code,
    demanded_by_speaker,
    expressed_code,
    intent_governor,
    refusal_code,
)
from .modality import modality_of
from .placement import states_implied
from .speech import CLAIMING
from .targets import TargetFinder, same_actor

Pair = tuple[Located, Located | None, str | None, Modality]

ACCUSED_ROOTS = {"17", "18", "19", "20"}  # a claim that another did these is an accusation


def _pronoun_subject(v: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PRON" for c in v.children)


class DerivedEvents:
    def __init__(self, targets: TargetFinder, keep_unresolved: bool = True) -> None:
        self.targets = targets
        self.keep_unresolved = keep_unresolved

    def _subjects(self, v: Token, index: MentionIndex) -> list[Located]:
        return subjects_of(v, index, self.keep_unresolved)

    def add(self, pairs: list[Pair], v: Token, source: Located, target: Located | None,
            action: str | None, reverse: str | None, modality: Modality,
            place: Place | None, index: MentionIndex, doc: Doc) -> tuple[list[Pair], str | None]:
        """``pairs`` with the events derived from the act ``action`` of ``v`` added."""
        governor = intent_governor(v) if modality in {"intended", "negated"} else None
        if governor in {"said-would", "warn"} and not _pronoun_subject(v) and not any(
                same_actor(speaker, source) for speaker in self._subjects(v.head, index)):
            # "X said Y would ...", "X warned that Y will ...": a forecast about Y, not Y's
            # own words ("X said it/they would ..." is X speaking of itself)
            governor = None
        if governor is not None and action:
            # the statement of intent (or the refusal) happened, whatever becomes of the plan
            stated = expressed_code(action, governor) if modality == "intended" \
                else refusal_code(action, governor)
            if stated == action:
                # "will send a team" (036): saying one will do an act that is itself an
                # intention is that intention, stated; one event, asserted
                pairs[0] = (source, target, action, "asserted")
            elif stated:
                # "will boycott the elections unless the president steps down": a threat
                # naming no other party is aimed at the one whose compliance it demands
                aims = self.targets.conditional_parties(v, index, source) \
                    if governor == "will-if" and stated[:2] == "13" and target is None else []
                if stated[:2] == "12" and target is None:
                    # "declined to resign despite pressure by the commission"
                    aims = self.targets.pressed_by(v.head, index, source)
                aimed: list[tuple[Located, Located | None]] = [
                    (a, b) for a, b in (states_implied((source, aim), place, index, doc, stated)
                                        for aim in aims)
                    if b is not None and not same_actor(a, b)]
                for src, tgt in aimed or [(source, target)]:
                    pairs.append((src, tgt, stated, "asserted"))
        speech = demanded_by_speaker(v)
        if speech is not None and action:
            governor = speech.lemma_.lower()
            for speaker in self._subjects(speech, index):
                if not same_actor(speaker, source):
                    pairs.append((speaker, source, demand_code(action), "asserted"))
        appeal = appealed_by(v)
        if appeal is not None and action:
            # "urged Iran to release ...": the appeal is for the act it names; as the same
            # dyad and root as the appeal verb's own 020, the more specific code is kept
            governor = appeal.lemma_.lower()
            made = modality_of(appeal)  # "if the Russians call him to withdraw": no appeal made
            for speaker in self._subjects(appeal, index):
                if not same_actor(speaker, source):
                    pairs.append((speaker, source, appeal_code(action), made))
        claimed = v
        while claimed.dep_ == "conj" and claimed.head.i != claimed.i:
            claimed = claimed.head  # "claimed that ISIL had attacked Iraq and taken Mosul"
        claim = claimed.head if modality == "asserted" and claimed.dep_ == "ccomp" \
            and claimed.head.lemma_.lower() in CLAIMING else None
        if claim is not None and action:
            # "the US claimed that they had attacked Iraq": responsibility claimed (015);
            # "claimed that ISIL had attacked Iraq": an accusation (112). The act stays reported.
            governor = claim.lemma_.lower()
            for speaker in self._subjects(claim, index):
                if same_actor(speaker, source):
                    pairs.append((speaker, target, "015", "asserted"))
                elif action[:2] in ACCUSED_ROOTS:
                    pairs.append((speaker, source, "112", "asserted"))
                else:
                    continue
                # what a party claims (its own act or another's) is its claim, coded 015 or
                # 112, not a fact the text establishes
                pairs = [(s, t, c, "hypothetical" if c in {action, reverse}
                          and m == "asserted" else m) for s, t, c, m in pairs]
        return pairs, governor
