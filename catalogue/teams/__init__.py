"""Organisations and their teams: invitations by e-mail, owners and editors, membership history."""
