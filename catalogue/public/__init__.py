"""Public pages: lookup, passport pages, browse and search, comparison, makers and methodology."""
