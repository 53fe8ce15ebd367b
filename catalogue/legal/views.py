"""The legal pages and the site's web basics: robots.txt, sitemap.xml and the web app manifest."""

import json

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from catalogue.models import PassportVersion
from products.models import Product

from .models import LegalPage

# Areas for signed-in people only: nothing there for a search engine.
ROBOTS_DISALLOW = ("/workspace/", "/retailer/", "/admin/", "/accounts/", "/review/")


@require_safe
def legal_page(request, slug):
    """Impressum, privacy policy or accessibility statement, in the visitor's language."""
    page = get_object_or_404(LegalPage, slug=slug)
    language = get_language() or settings.LANGUAGE_CODE
    return render(
        request,
        "catalogue/public/legal_page.html",
        {"page": page, "title": page.title(language), "paragraphs": page.paragraphs(language)},
    )


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines += ["", f"Sitemap: {settings.SITE_BASE_URL}{reverse('sitemap')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def sitemap_xml(request):
    """The public pages and every current, published passport, with the date of its current version."""
    base = settings.SITE_BASE_URL
    pages = [
        {"loc": base + reverse(name)}
        for name in ("home", "catalogue:browse", "catalogue:maker-list", "catalogue:methodology")
    ]
    current = (
        PassportVersion.objects.current()
        .filter(product__status=Product.Status.PUBLISHED)
        .order_by("product__passport_code")
        .values_list("product__passport_code", "published_at")
    )
    pages += [
        {"loc": base + reverse("catalogue:passport", args=[code]), "lastmod": published_at.date().isoformat()}
        for code, published_at in current
    ]
    return render(request, "catalogue/public/sitemap.xml", {"pages": pages}, content_type="application/xml")


@require_safe
def web_manifest(request):
    """The web app manifest; a view, so that the icons carry their hashed static names."""
    manifest = {
        "name": _("Gläserne Werkstatt Solingen"),
        "short_name": _("Gläserne Werkstatt"),
        "lang": get_language() or settings.LANGUAGE_CODE,
        "start_url": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#17526a",
        "icons": [
            {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return HttpResponse(
        json.dumps(manifest, ensure_ascii=False), content_type="application/manifest+json; charset=utf-8"
    )
