"""Resolver links of a passport as an RFC 9264 linkset and as an HTTP Link header (plain data in, no request)."""

from urllib.parse import quote

GS1_VOCABULARY = "https://gs1.org/voc/"
DEFAULT_LINK = "gs1:defaultLink"
# Link types a consumer can ask for with ?linkType=, in the order the linkset lists them.
LINK_TYPES = (
    "gs1:dpp",
    "gs1:pip",
    "gs1:sustainabilityInfo",
    "gs1:serviceInfo",
    "gs1:certificationInfo",
    "gs1:instructions",
)
# Where on the passport page each link type points.
PAGE_SECTIONS = {
    "gs1:dpp": "",
    "gs1:pip": "",
    "gs1:sustainabilityInfo": "#score",
    "gs1:serviceInfo": "#repair",
    "gs1:certificationInfo": "#evidence",
    "gs1:instructions": "#care",
}


def expand_link_type(link_type: str) -> str:
    """``gs1:pip`` → ``https://gs1.org/voc/pip``; other values are returned unchanged."""
    if link_type.startswith("gs1:"):
        return GS1_VOCABULARY + link_type[len("gs1:") :]
    return link_type


def compact_link_type(value: str) -> str:
    """Accepts ``gs1:pip``, ``https://gs1.org/voc/pip`` or ``http://gs1.org/voc/pip``; returns ``gs1:pip``."""
    for prefix in (GS1_VOCABULARY, "http://gs1.org/voc/", "https://ref.gs1.org/voc/"):
        if value.startswith(prefix):
            return "gs1:" + value[len(prefix) :]
    return value


def passport_links(
    *,
    page_url: str,
    titles: dict[str, str],
    json_url: str | None = None,
    pdf_url: str | None = None,
    languages: tuple[str, ...] = ("de", "en"),
) -> list[dict]:
    """Every link of one passport, as dicts with ``rel``, ``href``, ``title``, ``type`` and ``hreflang``.

    ``titles`` maps each link type (and ``json`` / ``pdf``) to a human-readable title.
    The first ``gs1:dpp`` link is also the default link.
    """
    hreflang = list(languages)
    links = [
        {"rel": DEFAULT_LINK, "href": page_url, "title": titles["gs1:dpp"], "type": "text/html", "hreflang": hreflang}
    ]
    for link_type in LINK_TYPES:
        links.append(
            {
                "rel": link_type,
                "href": page_url + PAGE_SECTIONS[link_type],
                "title": titles[link_type],
                "type": "text/html",
                "hreflang": hreflang,
            }
        )
        if link_type == "gs1:dpp":
            if json_url:
                links.append({"rel": "gs1:dpp", "href": json_url, "title": titles["json"], "type": "application/json"})
            if pdf_url:
                links.append(
                    {
                        "rel": "gs1:dpp",
                        "href": pdf_url,
                        "title": titles["pdf"],
                        "type": "application/pdf",
                        "hreflang": hreflang,
                    }
                )
    return links


def first_link(links: list[dict], link_type: str) -> dict | None:
    """The preferred (first) link of a type."""
    return next((link for link in links if link["rel"] == link_type), None)


def render_linkset(anchor: str, links: list[dict]) -> dict:
    """RFC 9264 JSON linkset (``application/linkset+json``) with GS1 link types as full URIs."""
    context: dict = {"anchor": anchor}
    for link in links:
        target = {"href": link["href"]}
        for key in ("title", "type", "hreflang"):
            if link.get(key):
                target[key] = link[key]
        context.setdefault(expand_link_type(link["rel"]), []).append(target)
    return {"linkset": [context]}


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_link_header(links: list[dict], *, linkset_url: str | None = None) -> str:
    """The HTTP ``Link`` header (RFC 8288); non-ASCII titles use ``title*`` (RFC 8187)."""
    parts = []
    for link in links:
        part = f"<{link['href']}>; rel={_quoted(expand_link_type(link['rel']))}"
        if link.get("type"):
            part += f"; type={_quoted(link['type'])}"
        for language in link.get("hreflang") or ():
            part += f"; hreflang={language}"
        title = link.get("title")
        if title:
            if title.isascii():
                part += f"; title={_quoted(title)}"
            else:
                part += f"; title*=UTF-8''{quote(title, safe='')}"
        parts.append(part)
    if linkset_url:
        parts.append(f'<{linkset_url}>; rel="linkset"; type="application/linkset+json"')
    return ", ".join(parts)
