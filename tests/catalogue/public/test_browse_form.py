"""The browse filter form: its lists are written out in Python, the same HTML as Django's widgets."""

import pytest
from django import forms
from django.db import connection
from django.http import QueryDict
from django.test.html import parse_html
from django.test.utils import CaptureQueriesContext

from catalogue.passports.services import publish_product
from catalogue.public.facets import PublicProductFilterSet, QuickSelect
from catalogue.public.selectors import published_products
from tests.factories import CategoryFactory, MakerOrganisationFactory, complete_product

pytestmark = pytest.mark.django_db

LISTS = ("category", "maker", "region")


def django_select(bound: forms.BoundField) -> str:
    """What Django's own ``Select`` renders for the field: the oracle."""
    widget = forms.Select(attrs=bound.field.widget.attrs, choices=bound.field.widget.choices)
    return widget.render(bound.html_name, bound.value(), attrs=bound.build_widget_attrs({"id": bound.auto_id}))


@pytest.mark.parametrize(
    ("query", "valid"),
    [
        ("", True),
        ("ordering=-score&region=eu", True),
        ("maker=b-schmiede&category=kuechenmesser", True),
        ("maker=unbekannt&region=mars", False),
    ],
)
def test_the_lists_render_as_djangos_select_does(query, valid):
    knives = CategoryFactory(slug="kuechenmesser", name_de="Küchenmesser & <Co>", name_en="Kitchen knives & <co>")
    for slug, name in (("a-schmiede", 'A "Schmiede" & Söhne'), ("b-schmiede", "B <Schmiede>")):
        publish_product(complete_product(maker=MakerOrganisationFactory(slug=slug, name=name), category=knives))
    filterset = PublicProductFilterSet(data=QueryDict(query), queryset=published_products())
    form = filterset.form
    assert filterset.is_valid() is valid, form.errors
    if valid:
        assert filterset.qs.count() == (1 if "b-schmiede" in query else 2)
    for name in LISTS:
        bound = form[name]
        assert isinstance(bound.field.widget, QuickSelect), name
        html = str(bound)
        # The same elements, attributes and texts (the order of attributes and the white space aside).
        assert parse_html(html) == parse_html(django_select(bound)), name
        assert html.count("<option") > 1, name
    rendered = str(form["maker"])
    assert "B &lt;Schmiede&gt;" in rendered and "A &quot;Schmiede&quot; &amp; Söhne" in rendered
    if "maker=b-schmiede" in query:
        assert '<option value="b-schmiede" selected>' in rendered
    if "region=eu" in query:
        assert '<option value="eu" selected>' in str(form["region"])


def test_the_maker_and_category_lists_read_no_server_side_cursor():
    publish_product(complete_product())
    form = PublicProductFilterSet(data=QueryDict(""), queryset=published_products()).form
    with CaptureQueriesContext(connection) as captured:
        str(form["maker"]), str(form["category"])
    assert len(captured.captured_queries) == 2
    assert not any("DECLARE" in query["sql"] for query in captured.captured_queries)
