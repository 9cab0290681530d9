"""Is an action asserted, negated, hypothetical or only intended? Read off the parse.

The clause of the action and the clauses that govern it are checked for negation ("did not",
"never", "refused to"), modals ("would", "could", "may"), conditionals ("if", "unless",
"whether"), questions, and future or intention ("will", "plans to", "wants to", "to force").
Demands and threats of an action ("asked Moscow to return") make that action hypothetical.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import Modality
from .arguments import addressees, conditional, culpable_verb, to_infinitive
from .intent import INTENT_ADJECTIVES
from .speech import REPORTING

NEGATORS = {"not", "n't", "never", "no", "nor"}
# "did not even ever clash": the parser may hang the negation on the adverb ("not only" is
# no negation of the verb and is not listed)
NEGATED_ADVERBS = {"ever", "even", "yet", "again", "anymore", "once",
                   "longer"}  # "will no longer tolerate"
NEGATING_VERBS = {"refuse", "decline", "fail", "refrain", "reject", "avoid", "deny", "stop",
                  "cease", "neglect", "forgo"}
# "denied that its forces had targeted civilians", "rejected claims that it shelled ...": what
# is denied is not asserted
DENYING_VERBS = {"deny", "refute", "dispute", "reject", "dismiss", "rebut", "disavow"}
HYPOTHETICAL_MODALS = {"would", "could", "may", "might", "should", "must", "can", "ought",
                       "'d", "wo"}
FUTURE_MODALS = {"will", "shall", "'ll"}
INTENT_VERBS = {"plan", "intend", "want", "hope", "seek", "aim", "promise", "vow", "pledge",
                "prepare", "wish", "expect", "mean", "propose", "offer", "agree", "consider",
                "decide", "plot", "scheme", "look", "long", "strive", "struggle", "eager",
                "swear"}
# "tried to assassinate", "attempted to hack": an attempt is itself the act (CAMEO codes an
# attempted assassination as 186); the attempted clause keeps the attempt's own modality
ATTEMPT_VERBS = {"try", "attempt"}
# "took steps to ease curbs", "has taken measures to protect": doing it, not a mere aim
STEP_NOUNS = {"step", "measure", "action", "move"}
DEMAND_VERBS = {"ask", "urge", "call", "demand", "press", "push", "request", "appeal", "insist",
                "order", "tell", "force", "pressure", "encourage", "invite", "threaten",
                "warn", "allow", "let", "help", "convince", "persuade", "plead"}
# coercion that succeeds by its meaning: "forced Kyiv to accept" says Kyiv accepted; the act
# takes the coercion's own modality ("tried to force", "will force" do not)
IMPLICATIVE_DEMANDS = {"force"}
CONDITION_MARKS = {"if", "unless", "whether", "lest"}
CLAIM_NOUNS = {"claim", "report", "allegation", "rumor", "rumour", "accusation", "assertion",
               "suggestion", "speculation", "belief", "fear", "notion", "idea", "story"}
# "its demands that the government grant more rights": what a demand asks for is not done
DEMAND_NOUNS = {"demand", "call", "request", "appeal", "plea", "ultimatum", "insistence",
                "order", "proposal", "recommendation", "condition", "requirement"}
# "claimed responsibility for an attack targeting civilians": the act is what is claimed
RESPONSIBILITY_NOUNS = {"responsibility", "credit"}
# "is confident/sure that ...": the clause is the holder's view, as after "believes"
VIEW_ADJECTIVES = {"confident", "sure", "certain", "convinced", "hopeful", "optimistic",
                   "adamant", "positive"}  # (not "aware": what one is aware of is so)
# Clause links through which the governing clause's modality reaches this one.
GOVERNED = {"xcomp", "ccomp", "advcl", "csubj", "relcl", "acl", "pcomp", "conj", "dep"}


def _own_modality(v: Token) -> Modality | None:
    """What the clause headed by ``v`` says about itself, or None if it says nothing."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never")
           or (c.dep_ == "advmod" and c.lower_ in NEGATED_ADVERBS
               and any(g.dep_ == "neg" for g in c.children)) for c in v.children):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in v.children):
        return "hypothetical"
    if v.tag_ in {"VBZ", "VBP"} and any(c.dep_ == "mark" and c.lower_ == "before"
                                        for c in v.children):
        # "comes a day before Sarkozy heads to Beijing": the present tense after "before"
        # speaks of what is still to come
        return "intended"
    for c in v.children:
        if c.dep_ == "aux" and c.tag_ == "MD":
            word = c.lower_
            if word in FUTURE_MODALS:
                return "intended"
            if word == "would" and v.dep_ == "ccomp" and v.head.lemma_.lower() in REPORTING:
                return "intended"  # "they said they would boycott": reported "will"
            if word in HYPOTHETICAL_MODALS:
                return "hypothetical"
    if _going_to(v):
        return "intended"  # "is going to end"
    # The consequent of a conditional: "If Trump builds peace, he will bring ..."
    if any(conditional(c) for c in v.children):
        return "hypothetical"
    return None


def _going_to(v: Token) -> bool:
    """Is ``v`` the verb after "going to" ("is going to end")?"""
    return v.dep_ == "xcomp" and to_infinitive(v) and v.head.lemma_.lower() == "go" \
        and v.head.tag_ == "VBG"


def going_to_future(v: Token) -> bool:
    """"it's going to be", "we are going to see": "going to" + verb is the future of that
    verb (its modality, above), no going anywhere (GO_SOMEWHERE's "go to")."""
    return any(c.pos_ in {"VERB", "AUX"} and _going_to(c) for c in v.children)


def attempted(v: Token) -> bool:
    """Is ``v`` what an attempt noun names ("an attempt to assassinate the governor")? The
    attempt was made, as with ``ATTEMPT_VERBS``."""
    return v.dep_ == "acl" and v.head.pos_ == "NOUN" \
        and v.head.lemma_.lower() in ATTEMPT_VERBS and to_infinitive(v)


def _link_effect(v: Token) -> Modality | None:
    """How the governing word turns this clause: "refused to X" negates X, "plans to X" ..."""
    head = v.head
    lemma = head.lemma_.lower()
    if v.dep_ == "xcomp":
        # "may refuse to", "did not agree to withdraw", "unless he agrees to step down": an
        # intention or refusal that is itself negated or conditional is no stated plan
        if lemma in NEGATING_VERBS:
            return "hypothetical" if _own_modality(head) == "hypothetical" else "negated"
        if lemma in INTENT_VERBS or lemma in INTENT_ADJECTIVES:
            governing = _own_modality(head)
            if governing is None and head.pos_ == "ADJ" and head.dep_ == "acomp":
                governing = _own_modality(head.head)  # "is not willing to", "would be ready to"
            return governing if governing in {"negated", "hypothetical"} else "intended"
        if lemma in IMPLICATIVE_DEMANDS:
            return None  # "forced Kyiv to accept": Kyiv accepted, as far as "forced" holds
        if lemma in DEMAND_VERBS:
            return "hypothetical"
    if v.dep_ == "ccomp" and lemma in DENYING_VERBS:
        return "negated"
    if v.dep_ in {"acl", "ccomp"} and lemma in CLAIM_NOUNS and head.dep_ == "dobj" \
            and head.head.lemma_.lower() in DENYING_VERBS:
        return "negated"
    if v.dep_ in {"ccomp", "xcomp"} and lemma in DEMAND_VERBS - REPORTING - IMPLICATIVE_DEMANDS:
        return "hypothetical"
    if v.dep_ == "ccomp" and lemma in INTENT_VERBS:
        # "Obama wants Putin to attack": a wish about someone else's act
        return "hypothetical"
    taking = _steps_taken(v)
    if taking is not None:
        return modality_of(taking)  # the taking decides, as with an attempt
    if v.dep_ == "advcl" and to_infinitive(v):
        if addressees(head):
            # "pleaded with Russia to release": asked of another (who does it, arguments.py)
            return "hypothetical"
        return "intended"  # purpose: "halted aid to force Zelensky ..." states an aim
    if v.dep_ in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN"} \
            and lemma not in ATTEMPT_VERBS:
        # "the opportunity to end the war", "calls to withdraw": a possibility, not an act
        # ("an attempt to assassinate him": the attempt was made, see ATTEMPT_VERBS)
        if to_infinitive(v):
            return "hypothetical"
    if v.dep_ in {"acl", "ccomp"} and head.pos_ == "NOUN" and lemma in DEMAND_NOUNS \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children):
        return "hypothetical"
    if v.dep_ == "pcomp" and head.lower_ in CONDITION_MARKS:
        return "hypothetical"
    if v.dep_ in {"pobj", "pcomp"} and head.lower_ == "for" \
            and head.head.lemma_.lower() in RESPONSIBILITY_NOUNS:
        # the act one claims (or denies) responsibility for is the claim's content, coded
        # as the claim (015), as "claimed that it had attacked" is
        return "hypothetical"
    return None


def _steps_taken(v: Token) -> Token | None:
    """The taking when ``v`` is what steps or measures were taken to do ("took steps to
    ease", "measures were taken to ease")."""
    head = v.head
    if not to_infinitive(v):
        return None
    if v.dep_ == "advcl" and head.lemma_.lower() == "take" and any(
            c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in STEP_NOUNS
            for c in head.children):
        return head
    if v.dep_ in {"acl", "relcl"} and head.lemma_.lower() in STEP_NOUNS \
            and head.head.lemma_.lower() == "take":
        return head.head
    return None


def modality_of(v: Token) -> Modality:
    """The modality of the action whose trigger is ``v``."""
    own = _own_modality(v)
    if own is not None:
        return own
    culprit = culpable_verb(v)
    if culprit is not None:
        # "are guilty of violating": asserted as the guilt is ("may be guilty of", "is not
        # guilty of" are no acts)
        return modality_of(culprit)
    node = v
    for _ in range(8):  # clause chains are short; the bound guards odd parses
        effect = _link_effect(node)
        if effect is not None:
            return effect
        if node.dep_ not in GOVERNED or node.head.i == node.i:
            break
        if node.dep_ == "advcl" and node.tag_ == "VBG":
            # ", pushing troops out": a participle adjunct shares only its head's own
            # modals and negation, not the head's own governing ("attempts to buy time")
            return _own_modality(node.head) or _question(v)
        if node.dep_ == "conj":
            node = node.head
            # a conjunct shares conditionals and modals, not its sibling's negation
            shared = _own_modality(node)
            if shared in {"hypothetical", "intended"}:
                return shared
            continue
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING:
            # reported speech keeps its own modality; the speaker's clause does not decide
            node = node.head
            head_mod = _own_modality(node)
            if head_mod == "hypothetical":
                return head_mod
            continue
        node = node.head
        governing = _own_modality(node)
        if governing is not None:
            return governing
    return _question(v)


def _question(v: Token) -> Modality:
    if v.sent.text.rstrip().rstrip("\"'”’").endswith("?"):
        # "Why did he praise Putin?" takes the praise as given: it asks for its reason
        if any(c.dep_ == "advmod" and c.lower_ == "why" for c in v.children):
            return "asserted"
        return "hypothetical"
    return "asserted"


def is_reported(v: Token) -> bool:
    """True when the action is someone's claim: a complement of a speech verb or of a noun
    such as "claims", "reports", "allegations"."""
    node = v
    for _ in range(6):
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_.lower() in REPORTING:
            return True
        if node.dep_ in {"acl", "ccomp", "relcl"} and node.head.lemma_.lower() in CLAIM_NOUNS:
            return True
        if node.dep_ == "ccomp" and node.head.pos_ == "ADJ" \
                and node.head.lemma_.lower() in VIEW_ADJECTIVES:
            return True  # "is confident (that) Russia wants peace": the holder's view
        if node.dep_ not in GOVERNED or node.head.i == node.i:
            return False
        node = node.head
    return False
