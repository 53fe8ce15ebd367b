"""E-mail: every mail is rendered in its recipient's language and delivered by the background worker."""
