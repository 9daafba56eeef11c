"""Asking for trainer access: stored for editors, never an account; bad input and floods refused."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from accounts.models import AccessRequest
from accounts.views import ACCESS_REQUESTS_PER_HOUR

URL = "/request-access/"

VALID = {
    "name": "Ada Okafor",
    "email": "ada@clinic.example.org",
    "organisation": "Riverside Community Clinic",
    "role": "Clinical supervisor",
    "reason": "I run monthly STS sessions for our case managers.",
}


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


@pytest.mark.django_db
def test_the_form_asks_for_everything_it_needs(client, demo_site):
    response = client.get(URL)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text() == "Request trainer access"
    for name in VALID:
        control = page.find(attrs={"name": name})
        assert control.has_attr("required"), name
        assert page.find("label", attrs={"for": control["id"]}), name
    assert page.find("input", attrs={"name": "email"})["type"] == "email"
    assert "No account is created automatically." in text_of(response)
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_request_is_stored_and_acknowledged(client, demo_site):
    users_before = get_user_model().objects.count()
    response = client.post(URL, VALID)
    assert response.status_code == 302
    assert response["Location"] == "/request-access/thanks/"
    stored = AccessRequest.objects.get()
    assert (stored.name, stored.email, stored.organisation, stored.role) == (
        "Ada Okafor",
        "ada@clinic.example.org",
        "Riverside Community Clinic",
        "Clinical supervisor",
    )
    assert stored.status == AccessRequest.Status.NEW
    assert stored.answered_at is None and stored.answered_by is None
    assert get_user_model().objects.count() == users_before  # never an account

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "What happens next" in text_of(thanks)
    assert "No account is created automatically." in text_of(thanks)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": ""}, "name", "Enter your name."),
        ({"name": "   "}, "name", "Enter your name."),
        ({"email": "not-an-address"}, "email", "Enter an email address like name@example.org."),
        ({"organisation": ""}, "organisation", "Enter your organisation."),
        ({"role": ""}, "role", "Enter your job role."),
        ({"reason": ""}, "reason", "Tell us why you would like trainer access."),
        ({"reason": "x" * 2001}, "reason", "at most 2000 characters"),
        ({"name": "x" * 151}, "name", "at most 150 characters"),
    ],
)
def test_bad_input_gets_the_form_again_with_a_message_and_nothing_stored(
    client, demo_site, change, field, message
):
    response = client.post(URL, {**VALID, **change})
    assert response.status_code == 400
    assert message in text_of(response)
    page = BeautifulSoup(response.content, "html.parser")
    control = page.find(attrs={"name": field})
    assert control["aria-invalid"] == "true"
    # What the person typed in the other fields is still there.
    assert page.find("input", attrs={"name": "organisation"}).get("value") == (
        change.get("organisation", VALID["organisation"]) or None
    )
    assert "no-store" in response["Cache-Control"]
    assert not AccessRequest.objects.exists()


@pytest.mark.django_db
def test_a_robot_filling_the_hidden_field_is_thanked_but_nothing_is_stored(client, demo_site):
    response = client.post(URL, {**VALID, "website": "http://spam.example/"})
    assert response.status_code == 302
    assert not AccessRequest.objects.exists()


@pytest.mark.django_db
def test_too_many_requests_from_one_address_are_refused_with_a_page(client, demo_site):
    for number in range(ACCESS_REQUESTS_PER_HOUR):
        response = client.post(URL, {**VALID, "email": f"person{number}@example.org"})
        assert response.status_code == 302
    refused = client.post(URL, {**VALID, "email": "one-more@example.org"})
    assert refused.status_code == 429
    assert "Too many requests from your network" in text_of(refused)
    assert "try again in an hour" in text_of(refused)
    # Nothing typed is lost, and nothing more is stored.
    page = BeautifulSoup(refused.content, "html.parser")
    assert page.find("input", attrs={"name": "email"})["value"] == "one-more@example.org"
    assert AccessRequest.objects.count() == ACCESS_REQUESTS_PER_HOUR
    # Another address is not affected.
    other = client.post(URL, VALID, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


@pytest.mark.django_db
def test_mistakes_do_not_count_towards_the_limit(client, demo_site):
    for _ in range(ACCESS_REQUESTS_PER_HOUR + 2):
        assert client.post(URL, {**VALID, "email": "bad"}).status_code == 400
    assert client.post(URL, VALID).status_code == 302


@pytest.mark.django_db
def test_the_thanks_page_is_shared_for_anonymous_visitors(client, demo_site):
    response = client.get("/request-access/thanks/")
    assert "public" in response["Cache-Control"]
    assert not response.cookies
