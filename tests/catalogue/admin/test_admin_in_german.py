"""The admin in German: every page of every registered model opens, and no label on it is left in English."""

from datetime import date, timedelta

import pytest
from django.contrib import admin
from django.contrib.admin.utils import label_for_field
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult
from rest_framework.authtoken.models import Token

from catalogue.accounts.preferences import AccountPreferences
from catalogue.dpp.models import AccessGrant, RestrictedRead
from catalogue.dpp.services import read_restricted
from catalogue.legal.models import LegalPage
from catalogue.mail.tasks import deliver_mail
from catalogue.models import PassportRedaction, PrintJob
from catalogue.passports.redaction import redact_version
from catalogue.repair.models import PostcodeArea, RepairPlace
from catalogue.retailers.services import record_print_job
from catalogue.teams.services import invite
from lifecycle.models import DurabilityTest, LifecycleEvent
from products.models import ProductVariant
from tests import factories

# Words that are spelt the same in German and English, so that an identical label is right in both. Nothing
# else may read the same in both languages: an English word there is a label nobody translated.
SAME_IN_GERMAN = {
    "id",  # Django's own label of every primary key
    "name",
    "slug",
    "status",
    "format",
    "details",
    "material",
    "region",
    "link",
    "website",
    "token",  # DRF's API token: "Token" is the German word too
    "tokens",
    "version",
    "sha-256",
    "pdf",
    "gtin / ean",
    "axes",  # the name of the lockout library (django-axes), a proper name
    "organisation",
    "plan",
    "gln",  # GS1's Global Location Number, named so in both languages
    "e-mail",  # German "E-Mail"; the comparison ignores case
}

# Libraries whose admin labels have no German yet (listed for the lead in issue 12's report). Whole apps where the
# library ships no German for its models at all; otherwise the exact English labels, so that any other is caught.
THIRD_PARTY_APPS_WITHOUT_GERMAN = {
    "django_tasks_database",  # django-tasks-db ships no translations
    "mfa",  # django-allauth's German catalogue lacks the labels of its Authenticator model
}
THIRD_PARTY_LABELS_WITHOUT_GERMAN = {
    "Auth Token",  # Django REST framework's app name
    "Clean up expired attempts",  # django-axes
    "Locked Out",
    "access attempt expiration",
    "Session key hash (sha256)",
}

BRAND = "Gläserne Werkstatt – Verwaltung"


def registered():
    return sorted(admin.site._registry.items(), key=lambda pair: pair[0]._meta.label)


def admin_request(user, path="/admin/"):
    request = RequestFactory().get(path)
    request.user = user
    return request


def labels(model_admin, request, obj) -> list[tuple[str, str]]:
    """Every label the admin shows for this model, each with where it is shown, in the active language."""
    model, opts = model_admin.model, model_admin.model._meta
    found = [
        ("app", str(opts.app_config.verbose_name)),
        ("model", str(opts.verbose_name)),
        ("model (plural)", str(opts.verbose_name_plural)),
    ]
    found += [
        (f"field {field.name}", str(field.verbose_name))
        for field in opts.get_fields()
        if not field.auto_created or field.concrete
        if hasattr(field, "verbose_name")
    ]
    for name in model_admin.get_list_display(request):
        if name not in ("action_checkbox", "__str__"):
            found.append((f"column {name}", str(label_for_field(name, model, model_admin))))
    changelist = model_admin.get_changelist_instance(request)
    found += [(f"filter {number}", str(spec.title)) for number, spec in enumerate(changelist.filter_specs)]
    found += [
        (f"action {name}", str(description)) for _func, name, description in model_admin.get_actions(request).values()
    ]
    form = model_admin.get_form(request, obj)()
    found += [(f"form field {name}", str(field.label)) for name, field in form.fields.items() if field.label]
    for name in model_admin.get_readonly_fields(request, obj):
        found.append((f"read-only {name}", str(label_for_field(name, model, model_admin, form=form))))
    for title, _options in model_admin.get_fieldsets(request, obj):
        if title:
            found.append(("fieldset", str(title)))
    for inline in model_admin.get_inline_instances(request, obj):
        found += [("inline", str(inline.verbose_name)), ("inline (plural)", str(inline.verbose_name_plural))]
    return found


@pytest.fixture
def one_of_each(staff_user):
    """At least one row of every registered model, made by the factories and the real services."""
    product = factories.published_product(staff_user)
    ProductVariant.objects.create(product=product, code="L", name="Lang")
    DurabilityTest.objects.create(product=product, property="hardness", result="58 HRC", method="ISO 6508")
    LifecycleEvent.objects.create(product=product, event_type="repair", date="2025-01-01")
    version = product.passport_versions.get()
    redact_version(version, ["product.description"], "Test", staff_user)
    item = factories.AssortmentItemFactory(product=product)
    reader = factories.RetailerMembershipFactory(organisation=item.retailer).user
    AccessGrant.objects.create(
        retailer=item.retailer, role=AccessGrant.Role.REPAIRER, expires_on=date.today() + timedelta(days=30)
    )
    assert read_restricted(version.pk, reader, RestrictedRead.Channel.PAGE) is not None
    LegalPage.objects.create(
        slug=LegalPage.Slug.IMPRESSUM, title_de="Impressum", title_en="Legal notice", body_de="Text", body_en="Text"
    )
    record_print_job(item.retailer, [version], user=staff_user, output_format=PrintJob.Format.DETAILED, language="de")
    factories.MakerMembershipFactory(organisation=product.maker)
    invite(organisation=product.maker, email="neu@example.org", role="editor", language="de", invited_by=staff_user)
    AccountPreferences.objects.create(user=staff_user, language="de")
    PostcodeArea.objects.create(postcode="42651", place="Solingen", latitude=51.17, longitude=7.08)
    RepairPlace.objects.create(
        name="Repair-Café",
        kind=RepairPlace.Kind.REPAIR_CAFE,
        services="resharpening",
        postcode="42651",
        city="Solingen",
    )
    Token.objects.create(user=staff_user)
    deliver_mail.enqueue({"subject": "x", "body": "x", "from_email": "a@example.org", "to": ["b@example.org"]})
    assert DBTaskResult.objects.exists() and PassportRedaction.objects.exists()
    return product


@pytest.fixture
def german_staff_client(staff_client):
    """Staff signed in with password and TOTP (the admin asks for MFA), reading the admin in German."""
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"
    return staff_client


def test_every_admin_label_is_german(db, staff_user, one_of_each):
    untranslated = []
    for model, model_admin in registered():
        if model._meta.app_label in THIRD_PARTY_APPS_WITHOUT_GERMAN:
            continue
        obj = model_admin.get_queryset(admin_request(staff_user)).first()
        with translation.override("de"):
            german = labels(model_admin, admin_request(staff_user), obj)
        with translation.override("en"):
            english = labels(model_admin, admin_request(staff_user), obj)
        assert [where for where, _label in german] == [where for where, _label in english]
        for (where, in_german), (_where, in_english) in zip(german, english, strict=True):
            same = in_german.lower() == in_english.lower()
            if same and in_german.lower() not in SAME_IN_GERMAN and in_english not in THIRD_PARTY_LABELS_WITHOUT_GERMAN:
                untranslated.append(f"{model._meta.label} {where}: {in_english!r}")
    assert not untranslated, "Labels left in English:\n" + "\n".join(sorted(set(untranslated)))


def test_the_admin_is_branded_in_german(db, german_staff_client):
    response = german_staff_client.get(reverse("admin:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<title>{BRAND}" in page
    assert BRAND in page
    assert "Django" not in page


def test_the_admin_is_branded_in_english(db, staff_client):
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = staff_client.get(reverse("admin:index")).content.decode()
    assert "Gläserne Werkstatt – Administration" in page
    assert "Django administration" not in page


@pytest.mark.parametrize("model", [model for model, _admin in registered()], ids=lambda model: model._meta.label)
def test_every_admin_page_opens_in_german(db, model, staff_user, one_of_each, german_staff_client):
    opts = model._meta
    model_admin = admin.site._registry[model]
    changelist = german_staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert changelist.status_code == 200
    assert changelist.headers["Content-Language"] == "de"
    add = german_staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    assert add.status_code == (200 if model_admin.has_add_permission(admin_request(staff_user)) else 403)
    obj = model_admin.get_queryset(admin_request(staff_user)).first()
    if opts.app_label in ("products", "lifecycle", "catalogue"):
        assert obj is not None, f"one_of_each makes no {opts.label}"
    if obj is not None:
        change = german_staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
        assert change.status_code == 200
        assert BRAND in change.content.decode()
