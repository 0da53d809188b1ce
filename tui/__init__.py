"""storytrace: audit republished copies of a story."""

__version__ = "0.1.0"
