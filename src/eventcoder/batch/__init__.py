"""Running the one Engine over many articles: in this process, or in worker processes."""

from .local import pipe_parallel

__all__ = ["pipe_parallel"]
