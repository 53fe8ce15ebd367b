"""Mails leave from the job queue, in the recipient's language, with a text and an HTML part, and are retried."""

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from catalogue.accounts.preferences import language_of, remember_language
from catalogue.mail import tasks
from catalogue.mail.services import send_templated_mail
from tests.factories import UserFactory
from tests.mail import free_port, html_part, text_part
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_mail_is_queued_not_sent_in_the_request_and_arrives_over_smtp_in_german(smtp_server):
    with transaction.atomic():
        send_templated_mail(to="kunde@example.org", template="test_notice", context={"name": "Messer"}, language="de")
    assert smtp_server.messages == []  # nothing sent until the worker runs
    assert DBTaskResult.objects.filter(task_path="catalogue.mail.tasks.deliver_mail").count() == 1

    results = run_queued_tasks()

    assert [result.return_value for result in results] == ["sent"]
    message = smtp_server.only_one_to("kunde@example.org")
    assert message["Subject"] == "Anmelden: Messer"
    assert "Zum Inhalt springen Messer" in text_part(message)
    assert "Zum Inhalt springen <b>Messer</b>" in html_part(message)
    assert '<html lang="de">' in html_part(message)


def test_the_same_mail_in_english(smtp_server):
    send_templated_mail(to=["a@example.org"], template="test_notice", context={"name": "Knife"}, language="en")
    run_queued_tasks()
    message = smtp_server.only_one_to("a@example.org")
    assert message["Subject"] == "Log in: Knife"
    assert "Skip to content Knife" in text_part(message)


def test_a_rolled_back_transaction_sends_nothing(smtp_server):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_templated_mail(to="x@example.org", template="test_notice", context={"name": "n"}, language="de")
        raise RuntimeError("rolled back")
    assert not DBTaskResult.objects.exists()


def test_a_mail_server_that_is_down_gets_another_try_later(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens there
    send_templated_mail(to="x@example.org", template="test_notice", context={"name": "n"}, language="de")

    (first,) = run_queued_tasks()

    assert first.return_value == "retrying"
    (retry,) = DBTaskResult.objects.exclude(pk=first.pk)
    assert retry.args_kwargs["args"][1] == 2  # the second try
    assert retry.run_after is not None and (retry.run_after - first.finished_at).total_seconds() >= 59


def test_the_last_try_gives_up_with_an_error_in_the_log(settings, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    data = {"subject": "S", "body": "B", "from_email": "f@example.org", "to": ["x@example.org"]}
    assert tasks.deliver_mail.call(data, tasks.ATTEMPTS) == "failed"
    assert "not sent after 6 tries" in caplog.text
    assert not DBTaskResult.objects.exists()


def test_the_waits_between_tries_grow():
    waits = [tasks.retry_wait(attempt).total_seconds() for attempt in range(1, tasks.ATTEMPTS)]
    assert waits == sorted(waits) and waits[0] == 60 and waits[-1] > 3600


def test_a_user_is_written_to_in_the_language_they_chose(settings):
    user = UserFactory()
    assert language_of(user) == settings.LANGUAGE_CODE  # the site's default until they choose
    remember_language(user, "de")
    assert language_of(user) == "de"
    remember_language(user, "en-gb")  # a regional variant is stored as the language the site has
    assert language_of(user) == "en"
