"""Choosing among links of one type by Accept and Accept-Language, and passing the query string on (pure)."""

from urllib.parse import unquote_plus


def _weighted(header: str) -> list[tuple[str, float]]:
    """``"text/html, application/json;q=0.5"`` → ``[("text/html", 1.0), ("application/json", 0.5)]``."""
    ranges = []
    for part in header.split(","):
        value, *params = (piece.strip() for piece in part.split(";"))
        if not value:
            continue
        quality = 1.0
        for param in params:
            name, _sep, number = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(number)
                except ValueError:
                    quality = 0.0
        ranges.append((value.lower(), quality))
    return ranges


def _media_quality(media_type: str | None, accept: list[tuple[str, float]]) -> tuple[float, int]:
    """The quality the client gives a media type (from its most specific matching range), and that specificity."""
    media_type = (media_type or "").lower()
    best = (0.0, -1)
    for value, quality in accept:
        if value == media_type:
            specificity = 2
        elif value.endswith("/*") and media_type.startswith(value[:-1]):
            specificity = 1
        elif value == "*/*":
            specificity = 0
        else:
            continue
        if specificity > best[1]:
            best = (quality, specificity)
    return best[0], best[1]


def _language_quality(hreflang: list[str] | None, accept_language: list[tuple[str, float]]) -> float:
    if not hreflang or not accept_language:
        return 0.0
    best = 0.0
    for language in hreflang:
        for value, quality in accept_language:
            if value == "*" or value == language.lower() or value.split("-")[0] == language.lower():
                best = max(best, quality)
    return best


def choose_link(links: list[dict], *, accept: str = "", accept_language: str = "") -> dict:
    """The link that best matches the request: by media type first, then language; the first link on a tie.

    Without an Accept header (or with only ``*/*``) the first link wins, so the order of the links is the
    resolver's preference.
    """
    media = _weighted(accept)
    languages = _weighted(accept_language)

    def score(indexed: tuple[int, dict]):
        index, link = indexed
        quality, specificity = _media_quality(link.get("type"), media) if media else (1.0, 0)
        return (quality > 0, quality, specificity, _language_quality(link.get("hreflang"), languages), -index)

    return max(enumerate(links), key=score)[1]


def with_query(target: str, query_string: str, *, consumed: tuple[str, ...] = ("linkType",)) -> str:
    """``target`` with the request's query string passed on (the resolver's own parameters left out).

    The query is appended as sent, before any fragment of the target.
    """
    kept = [pair for pair in query_string.split("&") if pair and unquote_plus(pair.partition("=")[0]) not in consumed]
    if not kept:
        return target
    base, hash_mark, fragment = target.partition("#")
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}{'&'.join(kept)}{hash_mark}{fragment}"
