"""Verifiable passports: every passport version as a signed W3C Verifiable Credential (docs/credentials.md)."""
