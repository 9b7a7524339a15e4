"""ketalint: a content-consistency linter for health-marketing copy."""

__version__ = "0.1.0"
