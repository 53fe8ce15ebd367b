"""Passports: publishing, immutable versions and their PDF renderers."""
