"""Reading inputs (text, JSON Lines, CSV/TSV, JSON, folders, stdin) into Articles."""

from eventcoder.ingest.dates import find_date, parse_date
from eventcoder.ingest.samples import sample_paths
from eventcoder.ingest.sources import SUPPORTED_SUFFIXES, count_records, read_inputs

__all__ = [
    "SUPPORTED_SUFFIXES",
    "count_records",
    "find_date",
    "parse_date",
    "read_inputs",
    "sample_paths",
]
