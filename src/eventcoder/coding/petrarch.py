"""Reader for PETRARCH-format CAMEO verb dictionaries (CAMEO.2.0.txt and user files).

Format (as in openeventdata's CAMEO.2.0.txt): synsets ``&NAME`` followed by ``+WORD`` lines
(``_`` joins words, a trailing ``_`` means "no plural"; members may be ``&OTHER`` or a
phrase); verb blocks ``--- NAME [code] ---`` with verb forms (``WORD {IRREGULAR FORMS} [code]``,
multi-word verbs ``+CALL_OFF``) and patterns ``- <subject words> * <object words> [code]
# comment``. In patterns ``(PREP words)`` is a prepositional phrase, ``{A B}`` a phrase,
``&NAME`` a synset, ``a/b`` alternatives, ``$``/``+`` mark source/target, ``^`` any noun
phrase, ``%`` a compound actor. Codes: ``[042:043]`` = 042 source->target and the reverse
event 043 target->source, ``[:173]`` only the reverse event, ``[---]`` no event.
Transformation rules (``~`` lines) are not supported and are skipped with a note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from eventcoder.errors import OntologyError

Lemmatizer = Callable[[str], str]
Forms = frozenset[str]
_CODE = re.compile(r"^[0-9]{2,4}[A-Za-z]?$")
_HEADER = re.compile(r"^---\s*([^\s\[]+)\s*\[([^\]]*)\][-\s]*(?:#.*)?$")
_FORM = re.compile(r"^(\+?[A-Za-z][\w'.+\-]*)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?\s*$")
_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
MARKERS = frozenset("$+^%")


def is_marker(item: Any) -> bool:
    return isinstance(item, str) and (item in MARKERS or item == "*")


def parse_code(text: str, where: str = "") -> tuple[str | None, str | None]:
    """``"042:043"`` -> ("042", "043"); ``":173"`` -> (None, "173"); ``"---"`` -> (None, None)."""
    text = text.strip().rstrip("!")  # one CAMEO.2.0 line has [080!]
    if text in ("---", ""):
        return None, None
    parts = [p.strip() or None for p in text.split(":")]
    if len(parts) > 2 or not all(p is None or _CODE.match(p) for p in parts):
        raise OntologyError(f"bad event code [{text}]", input=where or None)
    return parts[0], parts[1] if len(parts) == 2 else None


def pattern_tree(text: str, where: str) -> list[Any]:
    """Pattern text -> nested lists: word / ``&SYN`` / marker strings, ``["{", ...]`` for
    phrases and ``["(", ...]`` for prepositional phrases."""
    tokens = _TOKEN.findall(text.replace("*", " * "))
    stack: list[list[Any]] = [[]]
    for tok in tokens:
        if tok in "({":
            stack.append([tok])
        elif tok in ")}":
            if len(stack) < 2 or stack[-1][0] != {")": "(", "}": "{"}[tok]:
                raise OntologyError(f"unbalanced '{tok}' in pattern {text.strip()!r}", input=where)
            group = stack.pop()
            stack[-1].append(group)
        elif tok in MARKERS or tok == "*":
            stack[-1].append(tok)
        elif "/" in tok:  # alternatives: words (a "_" joins words) or synsets
            if tok.startswith("/") or tok.endswith("/"):
                # "{AIR STRIKE}/AIRSTRIKE" would silently lose the phrase
                raise OntologyError(f"'/' joins words or synsets, not {{phrases}}: "
                                    f"{text.strip()!r} (write one phrase a line)", input=where)
            stack[-1].append("/".join(a.upper() if a[:1] == "&" else a.lower()
                                      for a in tok.split("/") if a))
        elif tok.startswith("&"):
            stack[-1].append(tok.upper())
        else:  # "AIR_STRIKE", "FIGHTER_&AIRCRAFT": a phrase
            parts = [p.upper() if p[:1] == "&" else p.lower() for p in tok.split("_") if p]
            if parts:
                stack[-1].append(parts[0] if len(parts) == 1 else ["{", *parts])
    if len(stack) != 1:
        raise OntologyError(f"unclosed group in pattern {text.strip()!r}", input=where)
    return stack[0]


def _fmt(tree: Sequence[Any], noun: Lemmatizer) -> str:
    out = []
    for item in tree:
        if isinstance(item, list):
            out.append(item[0] + _fmt(item[1:], noun) + {"(": ")", "{": "}"}[item[0]])
        elif item[0] == "&" or is_marker(item):
            out.append(item)
        else:
            out.append("/".join(a if a[:1] == "&" else noun(a) for a in item.split("/")))
    return " ".join(out)


def _read_pattern(line: str, where: str, verb: Lemmatizer, noun: Lemmatizer,
                  notes: list[str] | None) -> list[Any] | None:
    """``- * (TO +) [042:043] # RUSH`` -> [normalised text, code, origin verb lemma, line].
    With ``notes`` (lenient reading) a non-CAMEO code such as ``[###]`` becomes ``[---]``."""
    m = re.match(r"^-?([^\[#]*)\[([^\]]*)\]\s*(.*)$", line)
    if not m:
        raise OntologyError(f"pattern without [code]: {line!r}", input=where)
    body, code, comment = m.group(1), m.group(2).strip(), m.group(3).lstrip("#;")
    try:
        parse_code(code, where)
    except OntologyError:
        if notes is None:
            raise
        notes.append(f"{where}: code [{code}] is not a CAMEO code, read as [---]: {line}")
        code = "---"
    tree = pattern_tree(body, where)
    if tree.count("*") != 1:
        return None
    first = comment.split()[0].split("_")[0].strip(",").lower() if comment.split() else ""
    origin = verb(first) if first.isalpha() else ""
    return [_fmt(tree, noun), code, origin, int(where.rsplit(":", 1)[1])]


def read_petrarch(
    path: str | Path, verb: Lemmatizer | None = None, noun: Lemmatizer | None = None,
    strict: bool = True, known: Iterable[str] = (),
) -> dict[str, Any]:
    """Read a PETRARCH verb dictionary into plain data (the ``verbs.json`` structure).

    ``verb``/``noun`` turn a verb form / pattern word into a lemma (default: lowercase).
    Irregular forms in ``{...}`` are inflections of the line's base form and share its lemma
    (they are listed under ``irregular``). Raises OntologyError naming ``file:line``;
    with ``strict=False`` malformed patterns are dropped and listed in ``notes`` instead.
    ``known`` names synsets defined by dictionaries this one is read on top of.
    """
    path = Path(path)
    verb = verb or str.lower
    noun = noun or str.lower
    blocks: list[dict[str, Any]] = []
    verbs: dict[str, list[list[Any]]] = {}
    synsets: dict[str, list[str]] = {}
    notes: list[str] = []
    syn: str | None = None
    irregular: dict[str, list[str]] = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise OntologyError(f"cannot read verb dictionary: {exc}", input=str(path)) from exc
    for n, raw in enumerate(lines, 1):
        where = f"{path.name}:{n}"
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("~"):
            notes.append(f"{where}: transformation rule not supported: {line}")
        elif m := _HEADER.match(line):
            default = parse_code(m.group(2), where)
            blocks.append({"name": m.group(1).upper(), "line": n, "patterns": [],
                           "code": None if default == (None, None) else m.group(2).strip()})
            syn = None
        elif line.startswith("&"):
            syn = line.split("#")[0].split()[0].upper()[1:]
            synsets.setdefault(syn, [])
        elif syn is not None and line.startswith("+"):
            member = line[1:].split("#")[0].strip()
            if re.fullmatch(r"[A-Za-z][\w'.\- ]*", member):  # words: lemma, plural of the last
                words = member.rstrip("_").replace("_", " ").lower().split()
                text = " ".join(words[:-1] + [noun(words[-1])])
                plain = not member.endswith("_") and "/" not in text and text[-1] != "s"
                synsets[syn].extend([text, plural(text)] if plain else [text])
            elif member:
                synsets[syn].append(_fmt(pattern_tree(member, where), noun))
        elif not blocks:
            raise OntologyError(f"line outside any verb block: {line!r}", input=str(where))
        elif line.startswith("---"):
            raise OntologyError(f"bad block header {line!r}", input=where)
        elif line.startswith(("-", "*")):
            try:
                pattern = _read_pattern(line, where, verb, noun,
                                        None if strict else notes)
            except OntologyError as exc:
                if strict:
                    raise
                notes.append(f"{where}: malformed pattern dropped ({exc.message}): {line}")
                continue
            if pattern is None:
                notes.append(f"{where}: pattern without exactly one '*' dropped: {line}")
            else:
                blocks[-1]["patterns"].append(pattern)
        else:
            body = re.split(r"[#;]", line)[0].strip()
            m3 = _FORM.match(body)
            if not m3:
                raise OntologyError(f"cannot read verb form {line!r}", input=where)
            words = [w for w in m3.group(1).lstrip("+").lower().split("_") if w]
            coordinated = {"and", "or"} & set(words[1:])
            if "+" in m3.group(1)[1:] or coordinated or words[0] in ("is", "was"):
                notes.append(f"{where}: multi-word form not usable on a dependency parse: {body}")
                continue
            if m3.group(3) is not None:
                parse_code(m3.group(3), where)
            code = m3.group(3).strip() if m3.group(3) is not None else None
            extra = " ".join(words[1:])
            lemma = verb(words[0])
            listed = re.findall(r"[^\s,{}]+", m3.group(2) or "")
            irregular.setdefault(lemma, []).extend(
                f.lstrip("+").lower().split("_")[0] for f in listed)
            verbs.setdefault(lemma, []).append([len(blocks) - 1, extra, code, n])
    defined = set(synsets) | set(known)
    for block in blocks:  # patterns that name an undefined synset can never match
        keep = []
        for pattern in block["patterns"]:
            missing = [n for n in re.findall(r"&([^\s(){}/&]+)", pattern[0]) if n not in defined
                       and (n[:-1] if n.endswith("_") else n + "_") not in defined]
            if not missing:
                keep.append(pattern)
            elif strict:
                raise OntologyError(f"unknown synset &{missing[0]}",
                                    input=f"{path.name}:{pattern[3]}")
            else:
                notes.append(f"{path.name}:{pattern[3]}: pattern with unknown synset "
                             f"&{missing[0]} dropped: {pattern[0]}")
        block["patterns"] = keep
    return {"source": path.name, "synsets": synsets, "blocks": blocks, "verbs": verbs,
            "notes": notes, "irregular": irregular}


def plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def word_forms(word: str) -> Forms:
    """The token lemmas a dictionary word accepts: itself, plural/singular, -ed/-ing stems."""
    forms = {word, plural(word)}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    elif word.endswith(("ses", "xes", "zes", "ches", "shes")):
        forms.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
    if len(word) > 5 and word.endswith(("ed", "ing")):
        stem = word[:-2] if word.endswith("ed") else word[:-3]
        forms |= {stem, stem + "e"}
    return frozenset(forms)
