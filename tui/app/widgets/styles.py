"""Rich styles from component classes that layer over one another.

A partial component style keeps only what its rule sets, which is what lets a word's style
sit on top of the cursor row's background; but a partial style drops the alpha of a
translucent colour (``$error 15%``, ``$text-muted``) and so paints it solid. The full style
has those colours blended over the widget's background, so take the colours from it.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


def component_style(widget: Widget, name: str) -> Style:
    partial = widget.get_component_rich_style(name, partial=True)
    if partial.color is None and partial.bgcolor is None:
        return partial
    full = widget.get_component_rich_style(name)
    return partial + Style(
        color=full.color if partial.color is not None else None,
        bgcolor=full.bgcolor if partial.bgcolor is not None else None,
    )
