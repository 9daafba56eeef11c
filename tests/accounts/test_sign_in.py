"""Signing in and out on the public site: who it is for, safe returns, throttling, no caching."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from roles.groups import HR_LEADERS
from tests.accounts.conftest import PASSWORD
from tests.courses.factories import CourseDocumentFactory

SIGN_IN = "/sign-in/"


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def sign_in(client, username="trainer-test", password=PASSWORD, next_url=None):
    url = SIGN_IN if next_url is None else f"{SIGN_IN}?next={next_url}"
    return client.post(url, {"username": username, "password": password})


def test_the_sign_in_url_is_the_contract():
    assert reverse("accounts:sign_in") == SIGN_IN
    assert reverse("accounts:sign_out") == "/sign-out/"


@pytest.mark.django_db
def test_sign_in_page_says_who_it_is_for_and_links_to_request_access(client, demo_site):
    response = client.get(SIGN_IN)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text() == "Sign in"
    assert "trainers, HR leaders and editors" in text_of(response)
    assert page.find("a", href=reverse("accounts:request_access")).get_text() == (
        "Request trainer access"
    )
    assert page.find("input", attrs={"name": "username", "autocomplete": "username"})
    assert page.find("input", attrs={"name": "password", "type": "password"})


@pytest.mark.django_db
def test_sign_in_page_is_never_stored_by_any_cache(client, demo_site):
    cache_control = client.get(SIGN_IN)["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "public" not in cache_control


@pytest.mark.django_db
def test_a_trainer_signs_in_and_goes_where_they_asked(client, demo_site, trainer):
    response = sign_in(client, next_url="/about/")
    assert response.status_code == 302
    assert response["Location"] == "/about/"
    assert "no-store" in response["Cache-Control"]
    assert client.get("/about/").wsgi_request.user == trainer


@pytest.mark.django_db
def test_without_next_signing_in_goes_home(client, demo_site, trainer):
    assert sign_in(client)["Location"] == "/"


@pytest.mark.django_db
def test_the_headers_sign_in_link_returns_to_the_page_it_was_on(client, demo_site, trainer):
    about = BeautifulSoup(client.get("/about/").content, "html.parser")
    link = about.select_one(".site-account a")
    assert link.get_text() == "Sign in" and link["href"] == f"{SIGN_IN}?back=/about/"
    form = client.get(link["href"])
    assert "Sign in to see the page you asked for" not in text_of(form)  # nothing asked for it
    hidden = BeautifulSoup(form.content, "html.parser").find("input", attrs={"name": "back"})
    response = client.post(
        SIGN_IN, {"username": "trainer-test", "password": PASSWORD, "back": hidden["value"]}
    )
    assert response["Location"] == "/about/"


@pytest.mark.django_db
@pytest.mark.parametrize("back", ["https://evil.example/", "//evil.example/x", "javascript:x"])
def test_back_is_followed_only_within_the_site(client, demo_site, trainer, back):
    assert "evil.example" not in client.get(SIGN_IN, {"back": back}).content.decode()
    response = client.post(
        SIGN_IN, {"username": "trainer-test", "password": PASSWORD, "back": back}
    )
    assert response["Location"] == "/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/x", "http://a.evil.example/", "javascript:x"],
)
def test_next_is_followed_only_within_the_site(client, demo_site, trainer, next_url):
    page = client.get(SIGN_IN, {"next": next_url})
    assert "evil.example" not in page.content.decode()
    response = client.post(
        SIGN_IN, {"username": "trainer-test", "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_wrong_password_and_unknown_user_get_the_same_answer(client, demo_site, trainer):
    wrong_password = sign_in(client, password="not-it")
    unknown_user = sign_in(client, username="nobody-here", password="not-it")
    assert wrong_password.status_code == unknown_user.status_code == 200
    message = "That username and password did not match."
    assert message in text_of(wrong_password)
    assert message in text_of(unknown_user)
    assert "no-store" in wrong_password["Cache-Control"]
    assert not wrong_password.wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_repeated_failures_lock_the_form_with_the_429_page(client, demo_site, trainer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, password="wrong").status_code == 200
    locked = sign_in(client, password="wrong")
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in text_of(locked)
    # During the cool-off even the right password is refused, and nobody is signed in.
    again = sign_in(client)
    assert again.status_code == 429
    assert not again.wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_a_success_clears_earlier_failures(client, demo_site, trainer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, password="wrong")
    assert sign_in(client).status_code == 302
    client.logout()
    assert sign_in(client, password="wrong").status_code == 200


@pytest.mark.django_db
def test_private_page_sends_anonymous_visitors_to_sign_in(client, demo_site, trainer):
    about = demo_site.get_children().get(slug="about")
    restriction = PageViewRestriction.objects.create(page=about, restriction_type="groups")
    restriction.groups.set(trainer.groups.all())
    response = client.get("/about/")
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/about/"
    asked = client.get(response["Location"])
    assert "Sign in to see the page you asked for." in text_of(asked)
    assert sign_in(client, next_url="/about/")["Location"] == "/about/"
    assert client.get("/about/").status_code == 200


@pytest.mark.django_db
def test_a_signed_in_visitor_whose_account_does_not_open_a_page_is_told_so(
    client, demo_site, trainer, django_user_model
):
    about = demo_site.get_children().get(slug="about")
    restriction = PageViewRestriction.objects.create(page=about, restriction_type="groups")
    restriction.groups.set(trainer.groups.all())
    django_user_model.objects.create_user("hr-lead", "hr@example.org", PASSWORD)
    sign_in(client, username="hr-lead")
    response = client.get(client.get("/about/")["Location"])
    assert response.status_code == 200
    assert "Your account does not open that page" in text_of(response)
    assert "You are signed in as hr-lead." in text_of(response)


@pytest.mark.django_db
def test_restricted_document_collection_sends_anonymous_visitors_to_sign_in(
    client, demo_site, django_user_model
):
    """A collection open to one group (HR leaders here; trainer-only files get their own
    locked page) asks anonymous visitors to sign in, and opens once they have."""
    hr_leaders = Group.objects.get_or_create(name=HR_LEADERS)[0]
    collection = Collection.get_first_root_node().add_child(name="HR leaders' files")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="groups"
    )
    restriction.groups.add(hr_leaders)
    document = CourseDocumentFactory(collection=collection)
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"] == f"/sign-in/?next={document.url}"
    leader = django_user_model.objects.create_user("hr-lead", "hr@example.org", PASSWORD)
    leader.groups.add(hr_leaders)
    assert sign_in(client, username="hr-lead", next_url=document.url)["Location"] == document.url
    assert client.get(document.url).status_code == 200


@pytest.mark.django_db
def test_sign_out_is_post_only(client, demo_site, trainer):
    client.force_login(trainer)
    assert client.get("/sign-out/").status_code == 405
    assert client.get("/").wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_sign_out_goes_back_to_the_page_with_a_message(client, demo_site, trainer):
    client.force_login(trainer)
    response = client.post("/sign-out/", {"next": "/about/"})
    assert response.status_code == 302
    assert response["Location"] == "/about/"
    back = client.get("/about/")
    assert not back.wsgi_request.user.is_authenticated
    assert "You have signed out." in text_of(back)
    assert "private" in back["Cache-Control"]
    # Shown once: the next view of the page is the one every anonymous visitor gets. (A browser
    # drops the cookies the site deleted; the test client keeps them, empty.)
    for name in [name for name, morsel in client.cookies.items() if not morsel.value]:
        del client.cookies[name]
    assert not client.cookies
    again = client.get("/about/")
    assert "You have signed out." not in text_of(again)
    assert "public" in again["Cache-Control"]


@pytest.mark.django_db
def test_sign_out_never_sends_visitors_off_the_site(client, demo_site, trainer):
    client.force_login(trainer)
    response = client.post("/sign-out/", {"next": "https://evil.example/"})
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_signing_out_on_a_shared_page_never_makes_the_message_shareable(client, demo_site, trainer):
    """The thanks page is the same for every visitor (public); shown with a message it is not."""
    client.force_login(trainer)
    client.post("/sign-out/", {"next": "/request-access/thanks/"})
    back = client.get("/request-access/thanks/")
    assert "You have signed out." in text_of(back)
    assert "public" not in back["Cache-Control"] and "private" in back["Cache-Control"]
