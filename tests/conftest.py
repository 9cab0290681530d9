"""Shared fixtures. Gold sets and the example article are read from ../shared; tests that need
them skip when it is absent (set EVENTCODER_SHARED to point elsewhere)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTCODER_SHARED", ROOT.parent / "shared"))
EXAMPLE = SHARED / "examples" / "cnn_2025-03-13_putin_ceasefire.txt"


@pytest.fixture(scope="session")
def engine():
    from eventcoder.engine import Engine

    return Engine().warm_up()


@pytest.fixture(scope="session")
def example_path() -> Path:
    if not EXAMPLE.exists():
        pytest.skip(f"shared example not found at {EXAMPLE}")
    return EXAMPLE


@pytest.fixture(scope="session")
def example_doc(engine, example_path):
    from eventcoder.records import Article

    text = example_path.read_text(encoding="utf-8")
    return engine.process(Article(text=text, date=date(2025, 3, 13), source="CNN",
                                  origin=str(example_path)))


@pytest.fixture()
def code(engine):
    """Code one short text published on 2025-03-13 and return its Document."""

    def _code(text: str, on: date = date(2025, 3, 13)):
        return engine.code_text(text, date=on)

    return _code


def _dyads(doc):
    return {(e.cameo, e.source.actor.code if e.source.actor else None,
             e.target.actor.code if e.target and e.target.actor else None, e.modality)
            for e in doc.events}


@pytest.fixture(scope="session")
def dyads():
    """``doc -> {(cameo, source code, target code, modality)}`` of its events."""
    return _dyads
