"""Page and document-collection passwords are throttled like account sign-ins (django-axes)."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.courses.factories import HandoutFactory, home_page
from tests.courses.helpers import soup
from tests.home.factories import StandardPageFactory

RIGHT = "the-right-password"
WRONG_PASSWORD_MESSAGE = "The password you have entered is not correct"
LOCKED = "Too many sign-in attempts"


@pytest.fixture
def protected_page(db):
    page = StandardPageFactory(
        parent=home_page(), title="Supervisors’ corner", intro="Only for our supervisors."
    )
    PageViewRestriction.objects.create(page=page, restriction_type="password", password=RIGHT)
    return page


@pytest.fixture
def protected_document(db):
    collection = Collection.get_first_root_node().add_child(name="Workshop files")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password=RIGHT
    )
    return HandoutFactory(title="Workshop answers", collection=collection)


def password_form_action(client, url):
    """The page (or document) asks for its password: the URL its form posts to."""
    response = client.get(url)
    assert response.status_code == 200
    form = soup(response).select_one("form input[name=password]").find_parent("form")
    return form["action"]


def give_password(client, action, password, return_url, address="203.0.113.7"):
    return client.post(
        action, {"password": password, "return_url": return_url}, REMOTE_ADDR=address
    )


def end_the_cool_off(settings):
    """Move every recorded failure back in time by more than the cool-off lasts."""
    cool_off = datetime.timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - cool_off)


@pytest.fixture(params=["page", "document"])
def protected(request, client, db):
    """(the protected URL, its password form's action, what the visitor sees once let in)."""
    if request.param == "page":
        page = request.getfixturevalue("protected_page")
        url = page.url
        return url, password_form_action(client, url), "Only for our supervisors."
    document = request.getfixturevalue("protected_document")
    url = document.url
    return url, password_form_action(client, url), None


def assert_let_in(client, url, shows):
    response = client.get(url)
    assert response.status_code == 200
    if shows is None:  # a document: the file itself, as an attachment
        assert response["Content-Disposition"].startswith("attachment;")
    else:
        assert shows in response.content.decode()


def test_the_right_password_lets_the_visitor_in(client, protected):
    url, action, shows = protected
    response = give_password(client, action, RIGHT, url)
    assert response.status_code == 302
    assert response["Location"] == url
    assert_let_in(client, url, shows)


def test_a_wrong_password_asks_again(client, protected):
    url, action, _shows = protected
    response = give_password(client, action, "guess", url)
    assert response.status_code == 200
    assert WRONG_PASSWORD_MESSAGE in response.content.decode()
    assert password_form_action(client, url) == action  # still asked for the password


def test_a_right_password_after_a_few_wrong_ones_works(client, settings, protected):
    url, action, shows = protected
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert give_password(client, action, "guess", url).status_code == 200
    assert give_password(client, action, RIGHT, url).status_code == 302
    assert_let_in(client, url, shows)


def test_the_right_password_clears_the_earlier_failures(client, settings, protected):
    url, action, _shows = protected
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        give_password(client, action, "guess", url)
    assert give_password(client, action, RIGHT, url).status_code == 302
    # A colleague at the same address mistypes later: the count starts again.
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert give_password(client, action, "guess", url).status_code == 200


def test_repeated_wrong_passwords_lock_the_address_out(client, settings, protected):
    url, action, shows = protected
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert give_password(client, action, "guess", url).status_code == 200
    locked = give_password(client, action, "guess", url)
    assert locked.status_code == 429
    assert LOCKED in locked.content.decode()

    # During the cool-off even the right password is refused, and the visitor is not let in.
    refused = give_password(client, action, RIGHT, url)
    assert refused.status_code == 429
    assert LOCKED in refused.content.decode()
    if shows is not None:
        assert shows not in client.get(url).content.decode()
    else:
        assert "Content-Disposition" not in client.get(url)

    end_the_cool_off(settings)
    assert give_password(client, action, RIGHT, url).status_code == 302
    assert_let_in(client, url, shows)


def test_the_lockout_holds_for_one_address_and_one_restriction(client, settings, protected):
    url, action, _shows = protected
    for _ in range(settings.AXES_FAILURE_LIMIT):
        give_password(client, action, "guess", url)
    assert give_password(client, action, RIGHT, url).status_code == 429
    # Someone else, from another address, is not locked out by the first visitor's guesses.
    response = give_password(client, action, RIGHT, url, address="198.51.100.20")
    assert response.status_code == 302


def test_a_locked_page_leaves_other_restrictions_open(client, settings, protected_page):
    other = StandardPageFactory(parent=home_page(), title="Another corner", intro="Another.")
    PageViewRestriction.objects.create(page=other, restriction_type="password", password=RIGHT)
    action = password_form_action(client, protected_page.url)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        give_password(client, action, "guess", protected_page.url)
    other_action = password_form_action(client, other.url)
    assert give_password(client, other_action, RIGHT, other.url).status_code == 302
    assert_let_in(client, other.url, "Another.")
