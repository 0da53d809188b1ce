"""Presentation decisions shared by the explorer and every report format (no Textual here).

What a version is called, how a claim is worded: decided once, so the app and the exports
cannot disagree about them.
"""
