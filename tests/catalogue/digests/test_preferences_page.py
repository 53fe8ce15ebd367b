"""The preferences page: a signed-in user sees and changes their own language of e-mails and digest choice."""

from django.contrib.messages import get_messages
from django.urls import reverse

from catalogue.accounts.preferences import AccountPreferences, language_of
from tests.factories import UserFactory

URL = "/accounts/preferences/"


def test_the_page_is_at_accounts_preferences_and_asks_anonymous_users_to_log_in(db, client):
    assert reverse("account-preferences") == URL
    response = client.get(URL)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_user_turns_the_digest_off_and_chooses_english_for_their_own_account_only(db, client, english):
    user, other = UserFactory(), UserFactory()
    AccountPreferences.objects.create(user=other, language="de", reprint_digest=True)
    client.force_login(user)
    page = client.get(URL)
    assert page.status_code == 200
    assert 'name="reprint_digest"' in page.content.decode() and "checked" in page.content.decode()

    response = client.post(URL, {"language": "en"})  # an unticked box is not sent

    assert response.status_code == 302 and response.url == URL
    assert [str(message) for message in get_messages(response.wsgi_request)] == ["Your preferences were saved."]
    mine = AccountPreferences.objects.get(user=user)
    assert (mine.language, mine.reprint_digest) == ("en", False)
    assert language_of(user) == "en"
    theirs = AccountPreferences.objects.get(user=other)
    assert (theirs.language, theirs.reprint_digest) == ("de", True)


def test_an_unknown_language_is_refused_naming_the_field(db, client, english):
    user = UserFactory()
    client.force_login(user)
    response = client.post(URL, {"language": "xx", "reprint_digest": "on"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert response.context["form"].errors.keys() == {"language"}
    assert not AccountPreferences.objects.filter(user=user).exists()


def test_saving_keeps_when_the_last_digest_was_sent(db, client):
    user = UserFactory()
    AccountPreferences.objects.create(user=user, last_digest_at="2026-01-01T00:00:00Z")
    client.force_login(user)
    client.post(URL, {"language": "de", "reprint_digest": "on"})
    assert AccountPreferences.objects.get(user=user).last_digest_at.year == 2026
