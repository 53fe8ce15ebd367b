"""A passport's resolver links as an RFC 9264 linkset, and the resolver's HTTP Link headers (pure)."""

# The current namespace of GS1 link types; the older ones are still accepted in requests.
GS1_VOCABULARY = "https://ref.gs1.org/voc/"
GS1_OLDER_VOCABULARIES = ("https://gs1.org/voc/", "http://gs1.org/voc/", "https://www.gs1.org/voc/")
# The JSON-LD context that turns a GS1 linkset into linked data (GS1-Conformant Resolver standard).
LINKSET_CONTEXT = "https://ref.gs1.org/standards/resolver/linkset-context"
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
    """``gs1:pip`` → ``https://ref.gs1.org/voc/pip``; other values are returned unchanged."""
    if link_type.startswith("gs1:"):
        return GS1_VOCABULARY + link_type[len("gs1:") :]
    return link_type


def compact_link_type(value: str) -> str:
    """Accepts ``gs1:pip`` or the full URI in the current or an older namespace; returns ``gs1:pip``."""
    for prefix in (GS1_VOCABULARY, *GS1_OLDER_VOCABULARIES):
        if value.startswith(prefix):
            return "gs1:" + value[len(prefix) :]
    return value


def passport_links(
    *,
    page_url: str,
    titles: dict[str, str],
    json_url: str | None = None,
    pdf_url: str | None = None,
    credential_url: str | None = None,
    languages: tuple[str, ...] = ("de", "en"),
) -> list[dict]:
    """Every link of one passport, as dicts with ``rel``, ``href``, ``title``, ``type`` and ``hreflang``.

    ``titles`` maps each link type (and ``json`` / ``pdf`` / ``credential``) to a human-readable title.
    The signed credential (docs/credentials.md) is a certificationInfo link: GS1 has no link type for
    verifiable credentials, and a signed attestation of the passport is certification information.
    The passport page is also the default link, which carries only ``href`` and ``title`` (resolver standard).
    """
    hreflang = list(languages)
    links = [{"rel": DEFAULT_LINK, "href": page_url, "title": titles["gs1:dpp"]}]
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
        if link_type == "gs1:certificationInfo" and credential_url:
            links.append(
                {"rel": link_type, "href": credential_url, "title": titles["credential"], "type": "application/vc+jwt"}
            )
    return links


def first_link(links: list[dict], link_type: str) -> dict | None:
    """The preferred (first) link of a type."""
    return next((link for link in links if link["rel"] == link_type), None)


def render_linkset(anchor: str, links: list[dict], *, item_description: str) -> dict:
    """RFC 9264 JSON linkset (``application/linkset+json``) in GS1's shape: one context object per anchor,
    with ``itemDescription`` and the GS1 link types as full URIs."""
    context: dict = {"anchor": anchor, "itemDescription": item_description}
    for link in links:
        target = {"href": link["href"]}
        for key in ("title", "type", "hreflang"):
            if link.get(key):
                target[key] = link[key]
        context.setdefault(expand_link_type(link["rel"]), []).append(target)
    return {"linkset": [context]}


def linkset_link_header(linkset_url: str) -> str:
    """The ``Link`` header of a redirect: only the link to the linkset (listing every link was deprecated)."""
    return f'<{linkset_url}>; rel="linkset"'


def context_link_header() -> str:
    """The ``Link`` header of a linkset answer: the JSON-LD context that makes the linkset linked data."""
    return f'<{LINKSET_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"'
