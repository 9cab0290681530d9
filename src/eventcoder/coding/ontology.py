"""The CAMEO event ontology: descriptions, Goldstein weights, QuadClass and PLOVER types.

Read from ``data/cameo.tsv`` (built by ``scripts/build_ontology.py``; sources and licences in
``data/SOURCES.md``). Codes are strings with leading zeros kept: ``"04"``, ``"042"``, ``"0311"``.
QuadClass follows the GDELT/Phoenix convention: roots 01-05 verbal cooperation (1), 06-08
material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4). Roots 01
and 02 have no PLOVER type.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import ClassVar

from eventcoder.errors import OntologyError

COLUMNS = ("code", "description", "goldstein", "quad_class", "plover", "plover_mode",
           "plover_context")
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}
# roots of the use of force: 18 assault, 19 fight, 20 unconventional mass violence
FORCE_ROOTS = frozenset({"18", "19", "20"})


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code (2, 3 or 4 digits)."""

    code: str
    description: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_context: str | None  # several contexts are joined with ";"

    @property
    def root(self) -> str:
        """The two-digit root code, e.g. ``"13"`` for ``"1312"``."""
        return self.code[:2]


class Ontology:
    """All CAMEO event codes; ``get("1312")`` gives its CameoCode."""

    _default: ClassVar[Ontology | None] = None

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    @classmethod
    def default(cls) -> Ontology:
        """The packaged table (read once, then cached)."""
        if cls._default is None:
            text = (resources.files("eventcoder.coding") / "data" / "cameo.tsv").read_text(
                encoding="utf-8")
            cls._default = cls.from_text(text, "cameo.tsv")
        return cls._default

    @classmethod
    def from_tsv(cls, path: str | Path) -> Ontology:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise OntologyError(f"cannot read CAMEO table: {exc}", input=str(path)) from exc
        return cls.from_text(text, path.name)

    @classmethod
    def from_text(cls, text: str, name: str = "<text>") -> Ontology:
        reader = csv.reader(io.StringIO(text), delimiter="\t")
        header = next(reader, None)
        if header is None or tuple(header) != COLUMNS:
            raise OntologyError(f"header must be {' '.join(COLUMNS)}", input=f"{name}:1")
        codes: dict[str, CameoCode] = {}
        for n, row in enumerate(reader, 2):
            if not row:
                continue
            where = f"{name}:{n}"
            if len(row) != len(COLUMNS):
                raise OntologyError(f"expected {len(COLUMNS)} columns, got {len(row)}",
                                    input=where)
            code, description, goldstein, quad, plover, mode, context = row
            if not (code.isdigit() and 2 <= len(code) <= 4 and 1 <= int(code[:2]) <= 20):
                raise OntologyError(f"bad CAMEO code {code!r}", input=where)
            if code in codes:
                raise OntologyError(f"duplicate code {code}", input=where)
            try:
                weight, quad_class = float(goldstein), int(quad)
            except ValueError as exc:
                raise OntologyError(f"bad number: {exc}", input=where) from exc
            if quad_class not in QUAD_CLASSES or not -10.0 <= weight <= 10.0:
                raise OntologyError("QuadClass must be 1-4 and Goldstein -10..10", input=where)
            codes[code] = CameoCode(code, description, weight, quad_class, plover or None,
                                    mode or None, context or None)
        if not codes:
            raise OntologyError("no codes", input=name)
        return cls(codes)

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``; raises OntologyError for an unknown code."""
        key = code.strip() if isinstance(code, str) else code
        entry = self._codes.get(key) if isinstance(key, str) else None
        if entry is None:
            raise OntologyError(f"unknown CAMEO event code {code!r} (codes are strings of 2-4 "
                                "digits with leading zeros, e.g. '042', '0311')")
        return entry

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip() in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def describe(self, code: str) -> str:
        """One line for people, e.g. ``"1312 Threaten to boycott, embargo, or sanction
        (THREATEN; verbal conflict; Goldstein -5.8; PLOVER THREATEN)"``."""
        entry = self.get(code)
        root = self._codes.get(entry.root)
        parts = [root.description if root and entry.code != entry.root else None,
                 QUAD_CLASSES[entry.quad_class], f"Goldstein {entry.goldstein:+.1f}",
                 f"PLOVER {entry.plover}" if entry.plover else None]
        return f"{entry.code} {entry.description} ({'; '.join(p for p in parts if p)})"
