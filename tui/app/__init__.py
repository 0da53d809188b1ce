"""The explorer: a Textual app over the engine's ``Report`` (nothing here recomputes it)."""
