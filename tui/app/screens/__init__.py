"""One module per screen: overview, side by side, detail, help."""
