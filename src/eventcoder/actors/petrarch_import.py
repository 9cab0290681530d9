"""Import PETRARCH/TABARI dictionaries (actors, agents, discards) into a knowledge base.

    kb = import_petrarch(actors=["Phoenix.Countries.actors.txt"], agents=["Phoenix.agents.txt"],
                         discards=["Phoenix.discards.txt"])   # base=...: on top of a KB

**Actor files.** ``NAME_ [CODE]`` lines (``_`` joins words; a trailing ``_`` is dropped),
``+ALIAS`` lines, and codes on their own (indented) lines below the names they belong to.
Name lines that follow each other directly share the codes below them (TABARI). A code may
carry a date restriction: ``[USAGOV 170120-210120]`` (from - to, the end exclusive),
``[HOB <950601]`` (before), ``[HOBREB >990816]`` (from); dates are ``YYMMDD`` (00-30 read as
20YY, as PETRARCH does) or ``YYYYMMDD``. Comments: ``#`` to the end of the line and
``<!-- ... -->`` (also over several lines). Codes are kept as written (upper-cased), also
``FRO/BIL/SAM`` (several actors), ``+++`` and :data:`NULL_CODE` ``---`` (a known name with
no country: PETRARCH writes it as it is, e.g. ``---`` and ``---REL`` in the UD-PETRARCH gold).

Each block becomes an :class:`Entry` ``petrarch:<slug>`` whose ``code`` is its first undated
code (else the most recent dated one). Dated codes become roles (kind ``other``) with their
start and end, followed by the undated codes as open roles, so that
``KnowledgeBase.actor(entry, on)`` picks, like PETRARCH, the restriction in force on the
article date and the default code outside it. The type is guessed: ``person`` when a dated
code has a sector or a code is ``...ELI`` or the name starts with a title ("PRESIDENT ...");
``country`` when every code is a bare 3-letter code; ``igo`` for ``IGO...`` codes; else
``organisation``.

**Agent files.** ``NOUN {PLURAL} [~CODE]``: ``~GOV`` is appended to the actor's code,
``NGO~`` put before it (see :func:`compose_code`); ``{}`` means no plural, otherwise regular
plurals are generated; ``!PERSON! = MAN, MEN, ...`` defines a substitution set used as
``CONGRESS!PERSON!``. One agent entry per code, ``agent:petrarch:<code>``, whose ``code``
keeps a trailing ``~`` for prefix agents and whose ``sector`` is the code's first three
letters. A phrase listed twice keeps its last code (as in PETRARCH).

**Discard files.** One phrase a line; a leading ``+`` makes it a story discard, otherwise a
sentence discard; stored on ``KnowledgeBase.discards`` (:class:`Discards`), which the engine
checks per sentence: ``kb.discards.check(sentence_text)`` -> ``"story"`` (code nothing from
the article), ``"sentence"`` (skip the sentence) or None.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventcoder.actors.entries import Discards, Entry, Role, normalise
from eventcoder.actors.kb import KnowledgeBase
from eventcoder.errors import KnowledgeBaseError

__all__ = ["NULL_CODE", "ActorBlock", "Code", "compose_code", "import_petrarch",
           "parse_actor_file", "parse_agent_file", "read_discards"]

log = logging.getLogger(__name__)

NULL_CODE = "---"
_NON_COUNTRY = {"IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "INT", "ELI"}
_TITLES = {"PRESIDENT", "PREMIER", "PRIME", "KING", "QUEEN", "PRINCE", "PRINCESS", "SHEIKH",
           "SECRETARY", "MINISTER", "GENERAL", "CHANCELLOR", "AYATOLLAH", "EMIR", "SULTAN"}
_SMALL = {"of", "the", "and", "de", "du", "da", "des", "la", "le", "al", "el", "bin", "van",
          "von", "der"}
_CODE_RE = re.compile(r"^(?:[A-Z0-9]{3,}(?:/[A-Z0-9]{3,})*|-{3}|\+{3})$")
_BRACKETS = re.compile(r"\[([^\]]*)\]")
_ACRONYM = re.compile(r"\(([A-Z0-9.\-]{2,})\)")


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    start: date | None = None
    end: date | None = None  # exclusive

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(slots=True)
class ActorBlock:
    """One actor record of a dictionary file: names, ``+`` aliases and codes."""

    names: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    where: str = ""

    def all_names(self) -> list[str]:
        return list(dict.fromkeys(self.names + self.aliases))

    def display_name(self) -> str:
        return _display(self.names[0] if self.names else self.aliases[0])

    def default_code(self) -> str | None:
        undated = [c for c in self.codes if not c.dated]
        if undated:
            return undated[0].code
        dated = sorted(self.codes, key=lambda c: (c.start or date.min, c.end or date.max))
        return dated[-1].code if dated else None

    def is_person(self) -> bool:
        return self.type() == "person"

    def type(self) -> str:
        """person, country, igo or organisation, guessed from the codes and the name."""
        first = self.names[0] if self.names else self.aliases[0]
        if first.split()[0] in _TITLES or any(c.code.endswith("ELI") for c in self.codes):
            return "person"
        if _is_country_name(first):
            return "country"
        codes = [c for c in self.codes if c.code not in (NULL_CODE, "+++")]
        if any(c.dated and len(c.code) > 3 and c.code[:3] not in _NON_COUNTRY for c in codes):
            return "person"
        if codes and all(len(c.code) == 3 and c.code.isalpha() and c.code not in _NON_COUNTRY
                         for c in codes):
            return "country"
        if codes and codes[0].code.startswith("IGO"):
            return "igo"
        return "organisation"


@functools.lru_cache(maxsize=4096)
def _is_country_name(name: str) -> bool:
    import pycountry

    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


# -- reading -----------------------------------------------------------------------------------
def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) without comments; blank lines kept (they end a run of names)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read dictionary: {exc}", input=str(path)) from exc
    in_comment = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        while "<!" in line:
            head, _, tail = line.partition("<!")
            if "-->" in tail:
                line = head + tail.split("-->", 1)[1]
            else:
                line, in_comment = head, True
        yield lineno, line.split("#", 1)[0].rstrip()


def _date(text: str, where: str) -> date:
    digits = text.strip()
    try:
        if len(digits) == 8 and digits.isdigit():
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if len(digits) == 6 and digits.isdigit():
            yy = int(digits[:2])
            return date(2000 + yy if yy <= 30 else 1900 + yy, int(digits[2:4]), int(digits[4:]))
    except ValueError:
        pass
    raise KnowledgeBaseError(f"bad date {text!r} in a code: use YYMMDD or YYYYMMDD", input=where)


def _code(token: str, where: str) -> Code | None:
    """``RUS``, ``HOB < 950601``, ``HOBREB >990816``, ``AFGGOV 331108-730717``; None when
    malformed (logged)."""
    parts = token.strip().split(None, 1)
    if not parts:
        return None
    code = parts[0].upper()
    if not _CODE_RE.match(code):
        log.warning("%s: skipped code [%s]: not a CAMEO code", where, token.strip())
        return None
    spec = parts[1].replace(" ", "") if len(parts) > 1 else ""
    try:
        if not spec:
            return Code(code)
        if spec[0] == "<":
            return Code(code, end=_date(spec[1:], where))
        if spec[0] == ">":
            return Code(code, start=_date(spec[1:], where))
        if "-" in spec:
            a, b = spec.split("-", 1)
            start, end = _date(a, where), _date(b, where)
            if end < start:
                raise KnowledgeBaseError(f"code [{token.strip()}] ends before it starts",
                                         input=where)
            return Code(code, start=start, end=end)
    except KnowledgeBaseError as exc:
        log.warning("skipped code: %s", exc)
        return None
    log.warning("%s: skipped code [%s]: bad date restriction", where, token.strip())
    return None


def _name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").replace("\ufffd", " ").split())


def parse_actor_file(path: str | Path) -> list[ActorBlock]:
    """The actor blocks of a PETRARCH/TABARI actor dictionary, in file order."""
    path = Path(path)
    blocks: list[ActorBlock] = []
    block: ActorBlock | None = None
    previous_was_name = False
    for lineno, line in _lines(path):
        where = f"{path.name}:{lineno}"
        stripped = line.strip()
        if not stripped:
            previous_was_name = False
            continue
        codes = [c for c in (_code(t, where) for t in _BRACKETS.findall(stripped)) if c]
        text = _name(_BRACKETS.sub(" ", stripped))
        if stripped.startswith("["):
            if block is not None:
                block.codes.extend(codes)
            previous_was_name = False
            continue
        if stripped.startswith("+"):
            if block is not None and text[1:].strip():
                block.aliases.append(text[1:].strip())
                block.codes.extend(codes)
            previous_was_name = False
            continue
        if not (previous_was_name and block is not None and not block.codes):
            block = ActorBlock(where=where)
            blocks.append(block)
        block.names.append(text)
        block.codes.extend(codes)
        previous_was_name = "[" not in stripped  # a name with a (even a bad) code is complete
    empty = [b for b in blocks if not b.codes]
    if empty:
        log.info("%s: %d names without a code skipped (first: %s)", path.name, len(empty),
                 empty[0].where)
    return [b for b in blocks if b.codes and (b.names or b.aliases)]


@dataclass(frozen=True, slots=True)
class AgentPhrase:
    phrase: str  # lower case, single spaces
    code: str  # as written without spaces: "~GOV", "NGO~"
    where: str


def parse_agent_file(path: str | Path) -> list[AgentPhrase]:
    """Every phrase (with its plural forms) of a PETRARCH agent dictionary."""
    path = Path(path)
    sets: dict[str, list[str]] = {}
    out: list[AgentPhrase] = []
    for lineno, line in _lines(path):
        where = f"{path.name}:{lineno}"
        text = line.strip()
        if not text:
            continue
        m = re.match(r"^!([^!]+)!\s*=\s*(.+)$", text)
        if m:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        cm = _BRACKETS.search(text)
        if not cm:
            log.warning("%s: agent without a [code] skipped", where)
            continue
        code = cm.group(1).replace(" ", "").upper()
        if "~" not in code or not _CODE_RE.match(code.strip("~")):
            log.warning("%s: skipped agent code [%s]: use [~CODE] or [CODE~]", where, code)
            continue
        body = text[:cm.start()]
        plural: str | None = None
        pm = re.search(r"\{([^}]*)\}", body)
        if pm:
            plural, body = pm.group(1), body[:pm.start()] + body[pm.end():]
        variants = [body]
        for marker in re.findall(r"!([^!\s]+)!", body):
            if marker not in sets:
                log.warning("%s: substitution set !%s! is not defined", where, marker)
                variants = []
                break
            variants = [v.replace(f"!{marker}!", s) for v in variants for s in sets[marker]]
            plural = ""  # substituted forms get no generated plural
        for variant in variants:
            phrase = _name(variant).lower()
            if not phrase:
                continue
            out.append(AgentPhrase(phrase, code, where))
            forms = [_name(plural).lower()] if plural else [] if plural == "" else \
                [_plural(phrase)]
            out.extend(AgentPhrase(f, code, where) for f in forms if f)
    return out


def _plural(phrase: str) -> str:
    if re.search(r"[^aeiou]y$", phrase):
        return phrase[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", phrase):
        return phrase + "es"
    return phrase + "s"


def read_discards(path: str | Path) -> Discards:
    """A PETRARCH discard list: ``+PHRASE`` story discards, ``PHRASE`` sentence discards."""
    sentence: list[str] = []
    story: list[str] = []
    for _, line in _lines(Path(path)):
        text = line.strip()
        if text.startswith("+"):
            story.append(text[1:].strip().lower())
        elif text:
            sentence.append(text.lower())
    return Discards(tuple(dict.fromkeys(p for p in sentence if p.strip("_"))),
                    tuple(dict.fromkeys(p for p in story if p.strip("_"))))


# -- building entries ---------------------------------------------------------------------------
def split_code(code: str) -> tuple[str | None, str | None]:
    """CAMEO code -> (country, sector): ``AFGGOV`` -> (AFG, GOV), ``IGOUNO`` -> (None, IGO)."""
    if not code[:3].isalpha() or "/" in code:
        return None, None
    if code[:3] in _NON_COUNTRY:
        return None, code[:3]
    return code[:3], code[3:6] or None


def compose_code(actor_code: str, agent_code: str) -> str:
    """Join an actor code and an agent code as PETRARCH does: ``("ARN", "GOVFRM")`` ->
    ``ARNGOVFRM``, ``("ARN", "NGO~")`` -> ``NGOARN``; the tilde of ``~GOV`` is optional."""
    if agent_code.endswith("~"):
        return agent_code[:-1] + actor_code
    return actor_code + agent_code.lstrip("~")


def _display(raw: str) -> str:
    """``ARNOR`` -> ``Arnor``, ``U.S.`` and ``IAEA`` stay."""
    words = []
    for i, w in enumerate(raw.split()):
        if i and w.lower() in _SMALL:
            words.append(w.lower())
            continue
        bare = w.replace(".", "").replace("-", "")
        keep = "." in w or (len(bare) <= 4 and not re.search(r"[AEIOUY]", bare)) or \
            not w.isupper()
        words.append(w if keep else "-".join(p[:1] + p[1:].lower() for p in w.split("-")))
    return " ".join(words)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-") or "x"


def actor_entries(blocks: Iterable[ActorBlock], source: str, used: set[str]) -> Iterator[Entry]:
    for block in blocks:
        names: list[str] = []
        for raw in block.all_names():
            plain = " ".join(_ACRONYM.sub(" ", raw).split())
            names += [_display(plain or raw)] + _ACRONYM.findall(raw)
        names = [n for n in dict.fromkeys(names) if n]
        if not names:
            continue
        dated = [c for c in block.codes if c.dated]
        undated = [c for c in block.codes if not c.dated]
        roles = tuple(Role(c.code, "other", *split_code(c.code), c.code, c.start, c.end)
                      for c in dated + undated) if dated else ()
        code = block.default_code()
        country, sector = split_code(code) if code else (None, None)
        base = "petrarch:" + _slug(names[0])
        entry_id, n = base, 1
        while entry_id in used:
            n += 1
            entry_id = f"{base}-{n}"
        used.add(entry_id)
        yield Entry(id=entry_id, type=block.type(), name=names[0], code=code, country=country,
                    sector=sector, aliases=tuple(names[1:]), roles=roles, source=source)


def agent_entries(phrases: Iterable[AgentPhrase], source: str) -> list[Entry]:
    code_of: dict[str, str] = {}
    for p in phrases:
        code_of.pop(p.phrase, None)  # the last definition wins, in its own position
        code_of[p.phrase] = p.code
    groups: dict[str, list[str]] = {}
    for phrase, code in code_of.items():
        groups.setdefault(code, []).append(phrase)
    out = []
    for code, forms in groups.items():
        stored = code.lstrip("~")
        out.append(Entry(id="agent:petrarch:" + stored.lower(), type="agent", name=forms[0],
                         code=stored, sector=stored.strip("~")[:3] or None,
                         aliases=tuple(forms[1:]), source=source))
    return out


def import_petrarch(actors: Iterable[str | Path] = (), agents: Iterable[str | Path] = (),
                    discards: Iterable[str | Path] = (),
                    base: KnowledgeBase | None = None) -> KnowledgeBase:
    """A knowledge base built from PETRARCH dictionaries, on top of a copy of ``base``
    (entries keep their ids; imported ones are ``petrarch:...`` and ``agent:petrarch:...``)."""
    kb = base.copy() if base is not None else KnowledgeBase()
    used = {e.id for e in kb.entries()}
    for path in actors:
        for entry in actor_entries(parse_actor_file(path), f"petrarch:{Path(path).name}", used):
            kb.add(entry)
    for path in agents:
        for entry in agent_entries(parse_agent_file(path), f"petrarch:{Path(path).name}"):
            kb.add(entry)
    for path in discards:
        kb.discards = kb.discards.merged(read_discards(path))
    log.info("imported PETRARCH dictionaries: %s", kb.stats())
    return kb
