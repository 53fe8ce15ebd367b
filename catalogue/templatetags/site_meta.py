"""The absolute canonical URL of the page being rendered, from SITE_BASE_URL."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page's path under SITE_BASE_URL, without its query: filters and sort orders name no page of their own.

    Only the path is read, so a page cached per path (the passport pages) stays right for every visitor.
    """
    request = context.get("request")
    return settings.SITE_BASE_URL + (request.path if request is not None else "/")
