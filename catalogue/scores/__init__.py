"""Stored scores: the facts the pure methodology reads, rescoring, and the signals that keep scores current."""
