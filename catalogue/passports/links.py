"""Which links of a frozen snapshot may become clickable on a page."""

SAFE_URL_SCHEMES = ("https://", "http://")


def safe_url(url: str | None) -> str | None:
    """Only web links become clickable; anything else (javascript:, data:) is dropped."""
    if url and url.lower().startswith(SAFE_URL_SCHEMES):
        return url
    return None
