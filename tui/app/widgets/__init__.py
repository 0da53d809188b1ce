"""Widgets of the explorer; each carries its own DEFAULT_CSS and component classes."""
