"""``python -m eventcoder`` runs the CLI."""

from .cli import app

app()
