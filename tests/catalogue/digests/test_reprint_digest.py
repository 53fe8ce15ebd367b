"""The reprint digest: what it lists, who gets it, in which language, from the schedule and from the button."""

import io

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from catalogue.accounts.preferences import AccountPreferences
from catalogue.digests import selectors, services
from catalogue.models import PrintJob
from catalogue.passports.services import withdraw_product
from catalogue.retailers.services import add_to_assortment, record_print_job
from tests import factories
from tests.mail import html_part, text_part
from tests.worker import run_queued_tasks

# Mails are queued when the transaction commits, so the tests commit (the worker then finds them).
pytestmark = pytest.mark.django_db(transaction=True)


def printed(retailer, *products):
    """Record that the retailer printed the current passport of each product."""
    versions = [product.passport_versions.order_by("-number").first() for product in products]
    return record_print_job(retailer, versions, user=None, output_format=PrintJob.Format.LABELS, language="de")


@pytest.fixture
def shelf(retailer, maker_user, maker):
    """A retailer's assortment: printed then republished, printed then withdrawn, printed and unchanged, and one
    republished that was never printed."""
    products = {
        name: factories.published_product(maker_user, maker=maker, name=name)
        for name in ("Republished knife", "Withdrawn knife", "Unchanged knife", "Never printed knife")
    }
    for product in products.values():
        add_to_assortment(retailer, product)
    printed(retailer, *[products[name] for name in ("Republished knife", "Withdrawn knife", "Unchanged knife")])
    factories.republished(products["Republished knife"], maker_user)
    withdraw_product(products["Withdrawn knife"], maker_user)
    factories.republished(products["Never printed knife"], maker_user)
    return products


def names(passports):
    return sorted(passport.product.name for passport in passports)


def test_the_digest_lists_exactly_the_passports_superseded_since_the_print(db, retailer, shelf):
    superseded = selectors.superseded_passports(retailer)
    assert names(superseded) == ["Republished knife", "Withdrawn knife"]
    assert {passport.product.name: passport.withdrawn for passport in superseded} == {
        "Republished knife": False,
        "Withdrawn knife": True,
    }


def test_a_print_after_the_new_version_takes_it_off_the_list(db, retailer, shelf):
    printed(retailer, shelf["Republished knife"], shelf["Withdrawn knife"])
    assert selectors.superseded_passports(retailer) == []


def test_each_member_gets_the_digest_over_smtp_with_links_to_the_reprint_page(
    db, retailer, retailer_membership, shelf, smtp_server, english
):
    assert services.send_reprint_digest(retailer) == 1
    run_queued_tasks()
    message = smtp_server.only_one_to(retailer_membership.user.email)
    # A long non-ASCII subject is folded as an encoded word, which parses with a leading space.
    assert message["Subject"].strip() == f"{retailer.name}: 2 printed passports need a reprint"
    text = text_part(message)
    assert "Republished knife" in text and "version 1 is printed, version 2 is published" in text
    assert "Withdrawn knife" in text and "withdrawn" in text
    assert "Unchanged knife" not in text and "Never printed knife" not in text
    reprint_url = settings.SITE_BASE_URL + reverse("retailer:assortment", args=[retailer.slug])
    preferences_url = settings.SITE_BASE_URL + reverse("account-preferences")
    assert reprint_url in text and f'href="{reprint_url}"' in html_part(message)
    assert preferences_url in text and f'href="{preferences_url}"' in html_part(message)
    assert "Republished knife" in html_part(message)


def test_a_second_digest_lists_only_what_is_new_and_nothing_new_sends_nothing(
    db, retailer, retailer_membership, shelf, maker_user, smtp_server
):
    assert services.send_reprint_digest(retailer) == 1
    assert services.send_reprint_digest(retailer) == 0  # nothing new since the first
    run_queued_tasks()
    assert len(smtp_server.messages) == 1
    factories.republished(shelf["Unchanged knife"], maker_user)
    assert services.send_reprint_digest(retailer) == 1
    run_queued_tasks()
    second = smtp_server.messages[-1]
    assert "Unchanged knife" in text_part(second)
    assert "Republished knife" not in text_part(second) and "Withdrawn knife" not in text_part(second)
    assert AccountPreferences.objects.get(user=retailer_membership.user).last_digest_at is not None


def test_no_mail_when_nothing_was_superseded(db, retailer, maker_user, maker, smtp_server):
    product = factories.published_product(maker_user, maker=maker)
    add_to_assortment(retailer, product)
    printed(retailer, product)
    assert services.send_reprint_digest(retailer) == 0
    run_queued_tasks()
    assert smtp_server.messages == []


def test_members_who_opted_out_get_no_digest(db, retailer, retailer_membership, shelf, smtp_server):
    colleague = factories.RetailerMembershipFactory(organisation=retailer).user
    AccountPreferences.objects.create(user=retailer_membership.user, reprint_digest=False)
    assert services.send_reprint_digest(retailer) == 1
    run_queued_tasks()
    assert smtp_server.to(retailer_membership.user.email) == []
    smtp_server.only_one_to(colleague.email)


def test_each_member_is_written_to_in_their_language(db, retailer, retailer_membership, shelf, smtp_server):
    english_reader = factories.RetailerMembershipFactory(organisation=retailer).user
    AccountPreferences.objects.create(user=retailer_membership.user, language="de")
    AccountPreferences.objects.create(user=english_reader, language="en")
    assert services.send_reprint_digest(retailer) == 2
    run_queued_tasks()
    german = smtp_server.only_one_to(retailer_membership.user.email)
    english = smtp_server.only_one_to(english_reader.email)
    assert '<html lang="de">' in html_part(german) and '<html lang="en">' in html_part(english)
    assert "zurückgezogen" in text_part(german)  # "withdrawn", translated
    assert "zurückgezogen" not in text_part(english) and "withdrawn" in text_part(english)


def test_the_digest_of_a_retailer_takes_the_same_queries_for_more_members_and_items(
    db, retailer, shelf, maker_user, maker, django_assert_num_queries
):
    factories.RetailerMembershipFactory(organisation=retailer)
    AccountPreferences.objects.create(user=factories.RetailerMembershipFactory(organisation=retailer).user)
    # BEGIN, the assortment with its print state and when each passport was superseded, the members with their
    # preferences, one upsert of last_digest_at, COMMIT; then each mail is one queued delivery task.
    with django_assert_num_queries(5 + 3):
        assert services.send_reprint_digest(retailer) == 3
    more = [factories.published_product(maker_user, maker=maker) for _ in range(2)]
    for product in more:
        add_to_assortment(retailer, product)
    printed(retailer, *more)
    for product in more:
        factories.republished(product, maker_user)
    for _ in range(2):
        factories.RetailerMembershipFactory(organisation=retailer)
    with django_assert_num_queries(5 + 5):
        assert services.send_reprint_digest(retailer) == 5


def test_the_command_queues_one_task_per_retailer(db, retailer, shelf, smtp_server, retailer_membership):
    other = factories.RetailerMembershipFactory().organisation
    out = io.StringIO()
    call_command("send_reprint_digests", stdout=out)
    assert out.getvalue() == "Queued the reprint digest of 2 retailer(s).\n"
    queued = DBTaskResult.objects.filter(task_path="catalogue.digests.tasks.reprint_digest")
    assert sorted(result.args_kwargs["args"][0] for result in queued) == sorted([retailer.pk, other.pk])
    run_queued_tasks()
    assert len(smtp_server.only_one_to(retailer_membership.user.email)["Subject"]) > 0
    assert len(smtp_server.messages) == 1  # the other retailer has nothing to reprint


def test_the_button_sends_the_reprint_list_to_the_current_user_only(
    db, retailer, retailer_membership, retailer_client, shelf, smtp_server, english
):
    colleague = factories.RetailerMembershipFactory(organisation=retailer).user
    # Asked for, it comes even to a member who opted out of the scheduled digest, and lists everything again.
    AccountPreferences.objects.create(user=retailer_membership.user, reprint_digest=False)
    services.send_reprint_digest(retailer)
    page = retailer_client.get(reverse("retailer:assortment", args=[retailer.slug]))
    assert reverse("retailer:send-reprint-digest", args=[retailer.slug]) in page.content.decode()
    response = retailer_client.post(reverse("retailer:send-reprint-digest", args=[retailer.slug]))
    assert response.status_code == 302
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        f"The reprint list is on its way to {retailer_membership.user.email}."
    ]
    run_queued_tasks()
    mine = smtp_server.only_one_to(retailer_membership.user.email)
    assert "Republished knife" in text_part(mine) and "Withdrawn knife" in text_part(mine)
    assert len(smtp_server.to(colleague.email)) == 1  # the scheduled one only, not the one asked for


def test_the_button_says_so_when_nothing_needs_a_reprint(db, retailer, retailer_client, smtp_server, english):
    response = retailer_client.post(reverse("retailer:send-reprint-digest", args=[retailer.slug]))
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "No printed passport needs a reprint, so no e-mail was sent."
    ]
    assert DBTaskResult.objects.count() == 0


def test_the_button_of_another_retailer_is_not_found(db, retailer_client, smtp_server):
    other = factories.RetailerMembershipFactory().organisation
    assert retailer_client.post(reverse("retailer:send-reprint-digest", args=[other.slug])).status_code == 404
    assert retailer_client.get(reverse("retailer:send-reprint-digest", args=[other.slug])).status_code == 405
