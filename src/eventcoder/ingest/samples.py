"""The sample articles shipped with the package (``eventcoder/samples/``).

They are invented news stories written for eventcoder's demos and tests: real actors, made-up
events. They are not reports of anything that happened.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from eventcoder.errors import InputError
from eventcoder.ingest.sources import SUPPORTED_SUFFIXES

__all__ = ["sample_paths"]


def sample_paths() -> list[Path]:
    """Paths of the packaged sample articles, sorted by name."""
    folder = resources.files("eventcoder") / "samples"
    if not isinstance(folder, Path):
        raise InputError(
            "the sample articles are not on the file system (zipped install?); "
            "reinstall eventcoder from a wheel or source"
        )
    return sorted(
        path for path in folder.iterdir()
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES
    )
