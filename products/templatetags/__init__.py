"""Template tags of the maker workspace."""
