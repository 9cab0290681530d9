"""CAMEO verb patterns matched on dependency frames.

Each verb occurrence is described as a ``VerbFrame`` (frames.py: lemma, particle, object
words, prepositional phrases, subject words); ``VerbLexicon.match`` returns the CAMEO code of
the most specific pattern of that verb whose words occur in the frame, else the verb's default
code. Dictionaries are in PETRARCH's format (read by ``eventcoder.coding.petrarch``): as in
PETRARCH, a block's patterns apply to every verb of the block, ``[a:b]`` gives the event
source->target ``a`` and the reverse event target->source ``b``, ``[:b]`` only the reverse
event, ``[---]`` no event. ``VerbLexicon.default()`` is the converted CAMEO.2.0 dictionary
(``data/verbs.json``, see ``scripts/convert_verbs.py``) with our ``data/verbs_curated.txt`` on
top: a later dictionary wins ties of specificity and its default codes replace earlier ones.

Matching is indexed: lemma -> entries (one per block the verb is in), and within a block
token -> patterns that need that token, so only plausible patterns are tried.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from eventcoder.coding.petrarch import (
    MARKERS,
    Forms,
    is_marker,
    parse_code,
    pattern_tree,
    read_petrarch,
    word_forms,
)
from eventcoder.errors import OntologyError

log = logging.getLogger(__name__)

Unit = tuple[tuple[Forms, ...], ...]  # alternatives, each a run of consecutive tokens


@dataclass(frozen=True, slots=True)
class VerbFrame:
    """One verb occurrence as the extractor sees it; all words are lowercase lemmas."""

    lemma: str
    particle: str | None = None
    objects: tuple[str, ...] = ()
    preps: tuple[tuple[str, tuple[str, ...]], ...] = ()
    subject: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """The code a verb frame gets. ``code`` is None only for reverse-only patterns (``[:173]``),
    where the event goes target->source with ``reverse_code``. ``target_prep``/``source_prep``
    name the preposition whose object the pattern marks as target (``+``) or source (``$``)."""

    code: str | None
    reverse_code: str | None
    pattern: str
    specificity: int
    default: bool
    target_prep: str | None = None
    source_prep: str | None = None


@dataclass(frozen=True, slots=True)
class _Item:
    kind: str  # "bare" (object words), "head" (a preposition), "inner" (inside a prep group)
    unit: Unit
    first: dict[str, Unit]  # the alternatives by the token they start with

    @classmethod
    def of(cls, kind: str, unit: Unit) -> _Item:
        first: dict[str, list[tuple[Forms, ...]]] = {}
        for alt in unit:
            for form in alt[0] if alt else ():
                first.setdefault(form, []).append(alt)
        return cls(kind, unit, {k: tuple(v) for k, v in first.items()})


@dataclass(frozen=True, slots=True)
class _Pattern:
    pre: tuple[_Item, ...]
    post: tuple[_Item, ...]
    code: str | None
    reverse: str | None
    text: str
    origin: str
    line: int
    specificity: int
    target_prep: str | None
    source_prep: str | None
    top: int  # the most words the pattern can match (its longest alternatives)

    @property
    def own_sense(self) -> bool:
        """A sense of the one verb the pattern comes from, which must not leak to the block's
        other verbs: only particles/prepositions ("* ON", "* (OUT)": "press on", "push
        out"), or only the object slot ("* +", from "mock" in REPEAT: mocking someone is
        criticism, 111; "repeated that ..." is not)."""
        words = [w.strip("(){}$+").lower() for w in self.text.split()]
        words = [w for w in words if w and w != "*"]
        if not words:
            return "+" in self.text or "$" in self.text
        return all(w in PARTICLES for w in words)


# the extractor leaves determiners out of verb frames, so a pattern word "a"/"the" would
# never match
ARTICLES = frozenset({"a", "an", "the"})

PARTICLES = {"on", "out", "off", "up", "down", "in", "into", "ahead", "back", "away", "over",
             "through", "forward", "along", "around", "about", "aside", "by", "to", "with",
             "for", "from", "at", "onto", "upon", "under", "behind"}


@dataclass(frozen=True, slots=True)
class _Block:
    name: str
    code: str | None
    reverse: str | None
    patterns: tuple[_Pattern, ...]
    anchors: dict[str, tuple[int, ...]]  # token form -> indices of patterns that need it
    unanchored: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Entry:
    block: _Block
    extra: tuple[Forms, ...]  # following words of a multi-word verb ("off" in "call off")
    code: str | None  # the form's own code; "---" is an explicit "no event"
    line: int
    source: str
    priority: int


class _Compiler:
    """Turns the plain data of ``read_petrarch`` into blocks of matchable patterns."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.raw: dict[str, list[str]] = data.get("synsets", {})
        self.cache: dict[str, Unit] = {}
        self.where = str(data.get("source", "?"))

    def synset(self, name: str) -> Unit:
        key = name[1:]
        if key not in self.cache:
            alt_key = key[:-1] if key.endswith("_") else key + "_"
            members = self.raw.get(key, self.raw.get(alt_key))
            if members is None:
                raise OntologyError(f"unknown synset {name}", input=self.where)
            self.cache[key] = ()  # guards against a synset that contains itself
            alts: list[tuple[Forms, ...]] = []
            for text in members:
                alts.extend(self.unit(["{", *pattern_tree(text, self.where)]))
            self.cache[key] = tuple(dict.fromkeys(alts))
        return self.cache[key]

    def unit(self, item: Any) -> Unit:
        """One pattern element (word, ``a/b``, ``&SYN``, ``{phrase}``) -> its alternatives."""
        if isinstance(item, list):  # a phrase (or a group used as a synset member)
            seqs: list[tuple[Forms, ...]] = [()]
            words = [sub for sub in item[1:] if not is_marker(sub)]
            for sub in words:
                if isinstance(sub, str) and sub in ARTICLES and len(words) > 1:
                    continue  # frames leave articles out: {A MESSAGE} is "message"
                seqs = [s + alt for s in seqs for alt in self.unit(sub)][:2048]
            return tuple(seqs)
        alts: list[tuple[Forms, ...]] = []
        for alt in item.split("/"):
            if alt[:1] == "&":
                alts.extend(self.synset(alt))
            else:
                alts.append(tuple(word_forms(p) for p in re.split(r"[-_]", alt) if p))
        return tuple(alts)

    def items(self, tree: Sequence[Any], marks: dict[str, str]) -> list[_Item]:
        out: list[_Item] = []
        last = ""  # the bare word before a bare marker: "ABOUT +", "MONEY $"
        for item in tree:
            if isinstance(item, list) and item[0] == "(":
                words = [x for x in item[1:] if not is_marker(x)]
                if not words:
                    continue
                for mark in MARKERS.intersection(x for x in item if isinstance(x, str)):
                    marks.setdefault(mark, words[0] if isinstance(words[0], str) else "")
                out.append(_Item.of("head", self.unit(words[0])))
                out.extend(_Item.of("inner", self.unit(w)) for w in words[1:]
                           if not (isinstance(w, str) and w in ARTICLES))
                last = ""
            elif isinstance(item, str) and item in ARTICLES:
                continue
            elif not is_marker(item):
                out.append(_Item.of("bare", self.unit(item)))
                word = item if isinstance(item, str) else next(
                    (w for w in reversed(item[1:]) if isinstance(w, str)), "")
                last = word if word.isalpha() else ""
            elif item in {"$", "+"} and last:
                # the marked actor follows that word: the object of the preposition it is
                # (``* THEIR ^ ABOUT +``) or of a preposition on the noun it is
                # (``+ * MONEY $``: "received money from Osgiliath")
                marks.setdefault(item, last)
        return out

    def pattern(self, text: str, code: str, origin: str, line: int) -> _Pattern:
        where = f"{self.where}:{line}"
        tree = pattern_tree(text, where)
        star = tree.index("*")
        marks: dict[str, str] = {}
        pre, post = self.items(tree[:star], {}), self.items(tree[star + 1:], marks)
        fwd, rev = parse_code(code, where)
        spec = sum(min((len(a) for a in i.unit), default=0) for i in pre + post)
        top = sum(max((len(a) for a in i.unit), default=0) for i in pre + post)
        return _Pattern(tuple(pre), tuple(post), fwd, rev, text, origin, line, spec,
                        marks.get("+"), marks.get("$"), top)

    def block(self, raw: dict[str, Any]) -> _Block:
        patterns = tuple(self.pattern(*p) for p in raw["patterns"])
        anchors: dict[str, list[int]] = {}
        unanchored: list[int] = []
        for i, pat in enumerate(patterns):
            units = [item.unit for item in pat.pre + pat.post if item.unit]
            if not units:
                unanchored.append(i)
                continue
            for form in {f for alt in min(units, key=len) for f in alt[0]}:
                anchors.setdefault(form, []).append(i)
        fwd, rev = parse_code(raw["code"] or "---")
        return _Block(raw["name"], fwd, rev, patterns,
                      {k: tuple(v) for k, v in anchors.items()}, tuple(unanchored))


def _compile(data: dict[str, Any], priority: int) -> dict[str, list[_Entry]]:
    comp = _Compiler(data)
    blocks = [comp.block(b) for b in data["blocks"]]
    index: dict[str, list[_Entry]] = {}
    for lemma, rows in data["verbs"].items():
        for block, extra, code, line in rows:
            if code is not None:
                parse_code(code, f"{comp.where}:{line}")
            words = tuple(word_forms(w) for w in extra.split())
            index.setdefault(lemma, []).append(
                _Entry(blocks[block], words, code, line, comp.where, priority))
    return index


# ----------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class _View:
    """A frame as one token sequence: particle + objects (segment 0), then each prep phrase."""

    toks: tuple[str, ...]
    segs: tuple[int, ...]
    first_obj: int  # index of the first object word (a "to" there is not a preposition)

    @classmethod
    def of(cls, frame: VerbFrame) -> _View:
        toks: list[str] = []
        segs: list[int] = []
        first_obj = -1
        parts = [((frame.particle,) if frame.particle else ()), frame.objects]
        parts += [(p, *words) for p, words in frame.preps]
        for n, words in enumerate(parts):
            if n == 1 and words:
                first_obj = len(toks)
            for w in words:
                if any(c.isalnum() for c in w):
                    toks.append(w.lower())
                    segs.append(max(n - 1, 0))
        return cls(tuple(toks), tuple(segs), first_obj)

    def without(self, start: int, stop: int) -> _View:
        """The view with tokens [start, stop) removed; a prep they opened joins the objects."""
        opened = {self.segs[j] for j in range(start, stop)} - {0}
        keep = [j for j in range(len(self.toks)) if not start <= j < stop]
        first = self.first_obj if start > self.first_obj else -1
        return _View(tuple(self.toks[j] for j in keep),
                     tuple(0 if self.segs[j] in opened else self.segs[j] for j in keep), first)

    def compound(self, extra: Sequence[Forms]) -> _View | None:
        """If the verb is continued by ``extra`` ("off", "up to"), the view without those words."""
        toks, segs = self.toks, self.segs
        starts = {0, self.first_obj} | {i for i in range(1, len(toks)) if segs[i] != segs[i - 1]}
        starts |= {i + 1 for i in starts if 0 <= i < len(toks) and toks[i] in ARTICLES}
        for i in sorted(s for s in starts if s >= 0):
            if self._occurs(extra, i):
                return self.without(i, i + len(extra))
        return None

    def _occurs(self, words: Sequence[Forms], i: int) -> bool:
        """Do ``words`` stand here from token ``i`` on?"""
        end = i + len(words)
        return end <= len(self.toks) and all(
            t in f for t, f in zip(self.toks[i:end], words, strict=True))

    def ends(self, item: _Item, i: int) -> int:
        """End of the shortest alternative of ``item`` matching from token ``i`` in one segment."""
        best = -1
        for alt in item.first.get(self.toks[i], ()):
            end = i + len(alt)
            if (best < 0 or end < best) and self._occurs(alt, i) \
                    and self.segs[i] == self.segs[end - 1]:
                best = end
        return best

    def weight(self, items: Sequence[_Item]) -> int:
        """Words of the longest alternative of each item found here (order aside)."""
        return sum(max((len(alt) for i in range(len(self.toks))
                        for alt in item.first.get(self.toks[i], ()) if self._occurs(alt, i)),
                       default=0) for item in items)

    def match(self, items: Sequence[_Item]) -> bool:
        """Do ``items`` occur here: bare words among the objects (or continuing the prep phrase
        matched just before), a prep group's words in its own phrase, and in order within each
        segment (the frame does not order objects against prep phrases)?"""
        return self._search(items, 0, (0,) * (max(self.segs, default=0) + 1), 0, -1)

    def _search(self, items: Sequence[_Item], k: int, done: tuple[int, ...], last: int,
                head: int) -> bool:
        if k == len(items):
            return True
        item = items[k]
        for i, seg in enumerate(self.segs):
            if (i < done[seg] or (item.kind == "bare" and seg not in (0, last) and not (
                    # a bare preposition ("* THEIR ^ ABOUT +") heads a later phrase
                    seg > last and i > 0 and self.segs[i - 1] != seg))
                    or (item.kind == "inner" and seg != head)
                    or (item.kind == "head" and i == self.first_obj)):
                continue
            end = self.ends(item, i)
            if end > 0 and self._search(items, k + 1, done[:seg] + (end,) + done[seg + 1:], seg,
                                        seg if item.kind == "head" else head):
                return True
        return False


# Irregular past forms (simple past, participle) of the strong verbs that compounds are built
# on. The parser's lemmatizer knows "took" -> "take" but not always the prefixed compounds
# ("retook", "overrode", "foresaw"), so the lexicon maps those forms to its own lemmas.
IRREGULAR: dict[str, tuple[str, ...]] = {
    "take": ("took", "taken"), "run": ("ran",), "ride": ("rode", "ridden"),
    "see": ("saw", "seen"), "throw": ("threw", "thrown"), "draw": ("drew", "drawn"),
    "go": ("went", "gone"), "come": ("came",), "fight": ("fought",), "build": ("built",),
    "send": ("sent",), "hold": ("held",), "tell": ("told",), "sell": ("sold",),
    "strike": ("struck", "stricken"), "stand": ("stood",), "write": ("wrote", "written"),
    "break": ("broke", "broken"), "speak": ("spoke", "spoken"), "give": ("gave", "given"),
    "bear": ("bore", "borne"), "swear": ("swore", "sworn"), "tear": ("tore", "torn"),
    "shake": ("shook", "shaken"), "freeze": ("froze", "frozen"), "choose": ("chose", "chosen"),
    "rise": ("rose", "risen"), "drive": ("drove", "driven"), "fall": ("fell", "fallen"),
    "fly": ("flew", "flown"), "win": ("won",), "seek": ("sought",), "bring": ("brought",),
    "buy": ("bought",), "think": ("thought",), "teach": ("taught",), "deal": ("dealt",),
    "meet": ("met",), "lead": ("led",), "flee": ("fled",), "bind": ("bound",),
    "find": ("found",), "lay": ("laid",), "pay": ("paid",), "make": ("made",),
    "keep": ("kept",), "leave": ("left",), "lose": ("lost",), "hide": ("hid", "hidden"),
    "begin": ("began", "begun"), "forgive": ("forgave", "forgiven"),
    "forbid": ("forbade", "forbidden"), "shoot": ("shot",), "sweep": ("swept",),
    "sink": ("sank", "sunk"), "sting": ("stung",), "steal": ("stole", "stolen"),
    "wake": ("woke", "woken"), "weave": ("wove", "woven"), "wind": ("wound",),
    "do": ("did", "done"), "get": ("got", "gotten"), "grow": ("grew", "grown"),
    "know": ("knew", "known"), "blow": ("blew", "blown"), "spend": ("spent",),
    "lend": ("lent",), "feel": ("felt",), "sit": ("sat",), "hang": ("hung",),
}
# Prefixes of verb compounds whose past forms follow the base verb ("retake" -> "retook").
PREFIXES = ("re", "re-", "over", "under", "out", "with", "fore", "mis", "up", "be", "for",
            "counter", "co", "pre")


def _irregular_aliases(lemmas: Iterable[str]) -> dict[str, str]:
    """Past forms of the lexicon's (prefixed) strong verbs -> the lemma: "retook" -> "retake"."""
    out: dict[str, str] = {}
    for lemma in lemmas:
        for prefix in ("", *PREFIXES):
            base = lemma[len(prefix):]
            if lemma.startswith(prefix) and base in IRREGULAR:
                for form in IRREGULAR[base]:
                    out.setdefault(prefix + form, lemma)
    return out


class VerbLexicon:
    """CAMEO verb patterns indexed by verb lemma; ``match`` codes a VerbFrame."""

    _default: ClassVar[VerbLexicon | None] = None

    def __init__(self, dictionaries: Iterable[dict[str, Any]] = ()) -> None:
        self._index: dict[str, list[_Entry]] = {}
        self._synsets: dict[str, list[str]] = {}
        self._alias: dict[str, str] = {}
        self._lemmas: frozenset[str] | None = None  # cache of lemmas(), asked for every verb
        self._layers = 0
        for data in dictionaries:
            self._add(data)

    def _add(self, data: dict[str, Any]) -> None:
        """Add a dictionary on top; it may use the synsets of those below it."""
        self._synsets = {**self._synsets, **data.get("synsets", {})}
        for lemma, entries in _compile({**data, "synsets": self._synsets}, self._layers).items():
            self._index.setdefault(lemma, []).extend(entries)
        self._layers += 1
        self._alias = {form: lemma for form, lemma in _irregular_aliases(self._index).items()
                       if form not in self._index}
        self._lemmas = None

    def lemma(self, word: str) -> str:
        """The lexicon's lemma for a parser lemma: itself, or the verb an irregular past form
        belongs to when the parser left it as is ("retook" -> "retake")."""
        word = word.lower()
        return word if word in self._index else self._alias.get(word, word)

    @classmethod
    def default(cls) -> VerbLexicon:
        """The converted CAMEO.2.0 dictionary plus our curated patterns (which win ties)."""
        if cls._default is None:
            data_dir = resources.files("eventcoder.coding") / "data"
            converted = json.loads((data_dir / "verbs.json").read_text(encoding="utf-8"))
            curated = read_petrarch(Path(str(data_dir / "verbs_curated.txt")),
                                    known=converted["synsets"])
            cls._default = cls([converted, curated])
        return cls._default

    @classmethod
    def from_petrarch(cls, path: str | Path, strict: bool = False) -> VerbLexicon:
        """Read a PETRARCH-format verb file (user dictionaries, validation suites).

        Unreadable lines raise OntologyError naming ``file:line``; patterns that cannot be
        used (unbalanced brackets, undefined synsets, non-CAMEO codes such as ``[###]``) are
        dropped with a warning naming ``file:line``, or raise too if ``strict``."""
        data = read_petrarch(path, strict=strict)
        for note in data["notes"]:
            log.warning("%s", note)
        return cls([data])

    def extended(self, path: str | Path, strict: bool = False) -> VerbLexicon:
        """A copy with a further PETRARCH-format file on top (its patterns win ties)."""
        new = VerbLexicon()
        new._index = {k: list(v) for k, v in self._index.items()}
        new._synsets, new._layers = dict(self._synsets), self._layers
        new._alias = dict(self._alias)
        new._add(read_petrarch(path, strict=strict, known=self._synsets))
        return new

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and self.lemma(lemma) in self._index

    def entry_word(self, word: str, lemma: str, tag: str) -> str:
        """The entry for a verb token (lower-cased form, the parser's lemma, its tag): the
        lemma, or the inflected form itself where the dictionary lists that form as a verb of
        its own (UD-PETRARCH's "LEFT" [042:043], apart from "LEAVE" [012])."""
        if word != lemma and self.lemma(word) == word and word in self:
            return word
        if tag == "VBZ" and word.isalpha() and word not in {
                lemma + "s", lemma[:-1] + "ies", "has", "is", "does"} and not (
                word == lemma + "es" and lemma.endswith(("s", "x", "z", "ch", "sh", "o"))):
            # "departes": a misspelling the parser lemmatised; PETRARCH matches forms as
            # written, and no dictionary verb is spelt so
            return word
        if lemma not in self.lemmas() and tag in {"VBD", "VBN", "VBG", "VBZ"}:
            # the parser's lemma may be no word ("cordoned" -> "cordone"): strip the ending
            for end in ("ing", "ed", "es", "s", "d"):
                stem = word[:-len(end)]
                if word.endswith(end) and len(stem) > 2 and stem in self.lemmas():
                    return stem
        return lemma

    def lemmas(self) -> frozenset[str]:
        """Every word ``match`` codes: the lemmas and the irregular past forms it maps."""
        if self._lemmas is None:
            self._lemmas = frozenset(self._index) | frozenset(self._alias)
        return self._lemmas

    def match(self, frame: VerbFrame) -> VerbMatch | None:
        """Most specific matching pattern (ties: later layer, pattern from this very verb,
        earlier line); a ``[---]`` pattern means no event; else the default code, else None."""
        lemma = self.lemma(frame.lemma)
        entries = self._index.get(lemma)
        if not entries:
            return None
        view = _View.of(frame)
        views: list[tuple[_Entry, list[_View]]] = []
        for e in entries:
            if e.extra and (rest := view.compound(e.extra)) is not None:
                views.append((e, [rest, view]))
        if not views:  # no multi-word verb continues here: the plain verb
            views = [(e, [view]) for e in entries if not e.extra]
        subject = _View.of(VerbFrame(lemma, objects=frame.subject))
        present = set(view.toks) | set(subject.toks)
        best: tuple[tuple[int, int, int, int], _Pattern, _Entry] | None = None
        for e, variants in views:
            blk = e.block
            for i in sorted(set(blk.unanchored).union(*(blk.anchors.get(t, ()) for t in present))):
                pat = blk.patterns[i]
                key = (pat.specificity, e.priority, int(pat.origin == lemma), -pat.line)
                if best is not None and (pat.top, *key[1:]) <= best[0]:
                    continue
                if pat.origin != lemma and pat.origin and pat.own_sense:
                    continue
                if subject.match(pat.pre) and (matched := [v for v in variants
                                                            if v.match(pat.post)]):
                    # a longer synset member that occurs is more specific ("&HYPERCURR"
                    # matching "austrian gold florin" over "&CURRENCY" matching "florin")
                    found = subject.weight(pat.pre) + max(v.weight(pat.post) for v in matched)
                    key = (max(found, pat.specificity), *key[1:])
                    if best is None or key > best[0]:
                        best = (key, pat, e)
        if best is not None:
            _, pat, e = best
            if pat.code is None and pat.reverse is None:
                return None  # a [---] pattern: this use of the verb is not an event
            return VerbMatch(pat.code, pat.reverse, _describe(e, lemma, pat.text, pat.line),
                             pat.specificity, False, pat.target_prep, pat.source_prep)
        ranked = sorted((e for e, _ in views),
                        key=lambda e: (-e.priority, -len(e.extra), e.code is None, e.line))
        for e in ranked:
            if e.code is not None:
                fwd, rev = parse_code(e.code)
            elif e.block.code or e.block.reverse:
                fwd, rev = e.block.code, e.block.reverse
            else:
                continue
            if fwd is None and rev is None:
                return None
            return VerbMatch(fwd, rev, _describe(e, lemma, "*", e.line), 0, True)
        return None


def _describe(e: _Entry, lemma: str, text: str, line: int) -> str:
    verb = lemma + "".join(" " + min(f, key=lambda w: (len(w), w)) for f in e.extra)
    return f"{e.block.name}/{verb}: {text} @{e.source}:{line}"
