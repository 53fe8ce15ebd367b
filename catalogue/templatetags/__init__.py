"""Template tags of the published catalogue."""
