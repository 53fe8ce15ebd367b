"""Document metadata of every printed PDF: info dictionary, XMP packet, /Lang and the viewer's title bar."""

from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import XMP

from catalogue.passports.pdf.texts import caption

# Without a publication time (a preview), the date reportlab's invariant mode writes: 2000-01-01 00:00 UTC.
FALLBACK_MOMENT = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Metadata:
    """What a PDF says about itself; ``created`` is the publication time, so a version's PDF is the same bytes
    whenever it is rendered (and a cached copy equals a fresh one)."""

    title: str
    author: str
    subject: str
    language: str
    created: datetime
    keywords: str = ""


def moment_of(iso_timestamp: str | None) -> datetime:
    """A snapshot's ``published_at`` as an aware UTC datetime (the fallback when there is none or it is bad)."""
    if not iso_timestamp:
        return FALLBACK_MOMENT
    try:
        moment = datetime.fromisoformat(iso_timestamp)
    except ValueError:
        return FALLBACK_MOMENT
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def metadata_for(snapshots: list[dict], language: str, *, kind: str) -> Metadata:
    """One passport: its name, maker and publication time; a batch: the document kind, and the makers if one."""
    first = snapshots[0]
    product = first.get("product") or {}
    makers = sorted({(snapshot.get("maker") or {}).get("name") or "" for snapshot in snapshots} - {""})
    subject = caption(kind, language)
    if len(snapshots) == 1:
        title = f"{product.get('name') or ''} · {subject}"
        passport_url = (first.get("urls") or {}).get("passport") or ""
        created = moment_of(first.get("published_at"))
    else:
        title = f"{subject} · {caption('batch_of', language, count=len(snapshots))}"
        passport_url = ""
        created = max(moment_of(snapshot.get("published_at")) for snapshot in snapshots)
    return Metadata(
        title=title,
        author=", ".join(makers[:3]) + (" …" if len(makers) > 3 else ""),
        subject=subject,
        language=language,
        created=created,
        keywords=passport_url,
    )


class _Moment:
    """The shape of reportlab's TimeStamp (which only knows "now" or the invariant date)."""

    def __init__(self, moment: datetime):
        self.t = moment.timestamp()
        self.lt = moment.timetuple()
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh = self.dmm = 0
        self.tzname = "UTC"


def apply_metadata(canvas, metadata: Metadata) -> None:
    """Write ``metadata`` into the canvas's document: title, author, subject, keywords, creation date, /Lang,
    an XMP packet with the same (dc:title among them) and DisplayDocTitle, so viewers show the title, not
    a file name (PDF/UA asks for that)."""
    canvas.setTitle(metadata.title)
    canvas.setAuthor(metadata.author)
    canvas.setSubject(metadata.subject)
    canvas.setKeywords(metadata.keywords)
    canvas.setCreator(caption("brand", metadata.language))
    document = canvas._doc
    document._timeStamp = _Moment(metadata.created)
    canvas.setCatalogEntry("Lang", metadata.language)
    canvas.setViewerPreference("DisplayDocTitle", "true")
    document.Catalog.Metadata = XMP(creator=lambda _document: xmp_packet(metadata).encode())


def xmp_packet(metadata: Metadata) -> str:
    """The XMP packet (ISO 16684-1) with Dublin Core title, creator, description, language and the dates."""
    language = escape(metadata.language)
    created = metadata.created.strftime("%Y-%m-%dT%H:%M:%SZ")
    creator = f"<rdf:Seq><rdf:li>{escape(metadata.author)}</rdf:li></rdf:Seq>" if metadata.author else "<rdf:Seq/>"
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(metadata.title)}</rdf:li>'
        f'<rdf:li xml:lang="{language}">{escape(metadata.title)}</rdf:li></rdf:Alt></dc:title>\n'
        f"<dc:creator>{creator}</dc:creator>\n"
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(metadata.subject)}</rdf:li>'
        "</rdf:Alt></dc:description>\n"
        f"<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>\n"
        "<dc:format>application/pdf</dc:format>\n"
        f"<xmp:CreateDate>{created}</xmp:CreateDate>\n"
        f"<xmp:ModifyDate>{created}</xmp:ModifyDate>\n"
        f"<xmp:CreatorTool>{escape(caption('brand', metadata.language))}</xmp:CreatorTool>\n"
        f"<pdf:Keywords>{escape(metadata.keywords)}</pdf:Keywords>\n"
        "</rdf:Description>\n"
        "</rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
