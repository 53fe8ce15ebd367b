"""The German catalogue: complete, compiled, placeholder-safe, and German by default on the site."""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings as django_settings
from django.core.cache import cache

LOCALE_DIR = Path(django_settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES"
PO_PATH = LOCALE_DIR / "django.po"
MO_PATH = LOCALE_DIR / "django.mo"
SOURCE_DIRS = ("api", "catalogue", "lifecycle", "products", "templates")
GETTEXT_FUNCTIONS = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}
TEMPLATE_TRANSLATE = re.compile(r"""{%\s*(?:translate|trans)\s+(?P<quote>["'])(?P<msgid>.*?)(?P=quote)""")
# Named and brace placeholders, and the escaped percent sign of python-format strings.
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sdrfi]|\{[a-z_]+\}|%%")
HTML_TAG = re.compile(r"</?[a-z]+[^>]*>")
STALE = "run `make messages`, translate the new entries in locale/de/LC_MESSAGES/django.po and commit the .po and .mo"


@pytest.fixture(scope="module")
def po():
    return polib.pofile(str(PO_PATH))


def _translations(entry) -> list[tuple[str, str]]:
    """(source text, translation) pairs of an entry: msgstr[0] renders the msgid, msgstr[1] the plural."""
    if entry.msgid_plural:
        sources = {0: entry.msgid, 1: entry.msgid_plural}
        return [(sources[index], text) for index, text in entry.msgstr_plural.items()]
    return [(entry.msgid, entry.msgstr)]


def _source_msgids() -> set[str]:
    """Literal msgids passed to gettext in the project's Python code and {% translate %} tags in templates."""
    base = Path(django_settings.BASE_DIR)
    msgids: set[str] = set()
    for directory in SOURCE_DIRS:
        for path in (base / directory).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) in GETTEXT_FUNCTIONS:
                    literals = [arg.value for arg in node.args[:2] if isinstance(arg, ast.Constant)]
                    msgids.update(value for value in literals if isinstance(value, str) and value)
        for path in (base / directory).rglob("*.html"):
            msgids.update(match["msgid"] for match in TEMPLATE_TRANSLATE.finditer(path.read_text(encoding="utf-8")))
    return msgids


def test_every_entry_is_translated_and_none_is_fuzzy(po):
    assert len(po) > 500
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []
    assert po.metadata["Language"] == "de"


def test_every_string_in_the_source_is_in_the_catalogue(po):
    catalogued = {entry.msgid for entry in po} | {entry.msgid_plural for entry in po if entry.msgid_plural}
    missing = sorted(_source_msgids() - catalogued)
    assert missing == [], f"Strings without a German translation ({STALE}): {missing}"


def test_the_committed_mo_matches_the_po(po):
    mo = polib.mofile(str(MO_PATH))
    compiled = {(entry.msgid, entry.msgid_plural): (entry.msgstr, entry.msgstr_plural) for entry in mo}
    expected = {
        (entry.msgid, entry.msgid_plural): (entry.msgstr, entry.msgstr_plural) for entry in po.translated_entries()
    }
    compiled.pop(("", ""), None)
    assert compiled.keys() == expected.keys(), STALE
    for key, (msgstr, plurals) in expected.items():
        compiled_msgstr, compiled_plurals = compiled[key]
        assert (compiled_msgstr, {int(n): text for n, text in compiled_plurals.items()}) == (msgstr, plurals), key


def test_placeholders_and_html_are_kept(po):
    problems = []
    for entry in po:
        for source, text in _translations(entry):
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append((entry.msgid, text, "placeholders"))
            if sorted(HTML_TAG.findall(text)) != sorted(HTML_TAG.findall(source)):
                problems.append((entry.msgid, text, "HTML"))
    assert problems == []


def test_german_uses_german_quotes_and_formal_address(po):
    for entry in po:
        for _source, text in _translations(entry):
            # „…“ opens low and closes high; an English closing quote means a quote was left as it was.
            assert "”" not in text, entry.msgid
            assert text.count("„") == text.count("“"), entry.msgid
            assert not re.search(r"\b(du|dein|deine|dich|dir)\b", text), entry.msgid


@pytest.fixture
def german_by_default(settings):
    """The site's real default: the test settings use English so that other tests can assert msgids."""
    settings.LANGUAGE_CODE = "de"
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_the_home_page_is_german_by_default_and_english_after_switching(client, german_by_default):
    german = client.get("/").content.decode()
    assert '<html lang="de"' in german
    assert "Produktpässe aus Solingen" in german
    assert "Product passports from Solingen" not in german

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    english = client.get("/").content.decode()
    assert '<html lang="en"' in english
    assert "Product passports from Solingen" in english
    assert "Produktpässe aus Solingen" not in english


@pytest.mark.django_db
def test_the_login_page_follows_accept_language(client, german_by_default):
    german = client.get("/accounts/login/").content.decode()
    assert "Anmelden" in german
    assert "Für Hersteller und Händler im Katalog." in german

    english = client.get("/accounts/login/", headers={"Accept-Language": "en"}).content.decode()
    assert "Log in" in english
    assert "Anmelden" not in english


@pytest.mark.django_db
def test_the_maker_workspace_is_german_by_default(maker_client, product, german_by_default):
    page = maker_client.get(f"/workspace/products/{product.pk}/edit/").content.decode()
    assert "Materialien und Bauteile" in page
    assert "Lieferkette" in page
    assert "Speichern" in page
    assert "Save and continue" not in page
