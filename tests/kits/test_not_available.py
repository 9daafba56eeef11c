"""A kit link gives nothing away about a module the visitor may not have.

Restricted to a group, unpublished, below an unpublished course, deleted: every kit view answers
each of these in the same words, so a kit link is no way to learn whether a module exists, let
alone what it is called.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from tests.courses.factories import ModulePageFactory

from .helpers import (
    body,
    generated_text,
    kit_query,
    left_out,
    not_available,
    open_zip,
    pdf_text,
    readme_text,
)

SECRET_TITLE = "Debriefing after the death of a child"
SECRET_SUMMARY = "How to hold a debrief for a team after a child has died."
VIEWS = ["/kits/", "/kits/agenda/", "/kits/guide/", "/kits/agenda.pdf", "/kits/guide.pdf"]


@pytest.fixture
def secret(world, trainers):
    """A trainers-only module of the course "Supervising teams"."""
    module = ModulePageFactory(
        parent=world["supervising"],
        title=SECRET_TITLE,
        summary=SECRET_SUMMARY,
        duration_minutes=25,
    )
    restriction = PageViewRestriction.objects.create(page=module, restriction_type="groups")
    restriction.groups.add(trainers)
    return module


def restricted(secret, world):
    """As the fixture made it."""


def unpublished(secret, world):
    PageViewRestriction.objects.filter(page=secret).delete()
    secret.unpublish()


def below_an_unpublished_course(secret, world):
    PageViewRestriction.objects.filter(page=secret).delete()
    world["supervising"].unpublish()


def deleted(secret, world):
    secret.delete()


HIDDEN_STATES = [restricted, unpublished, below_an_unpublished_course, deleted]


CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def everything_answered(client, query):
    """What each kit view answers for this kit link: status and text (a ZIP's names and texts)."""
    answers = {}
    for view in VIEWS:
        response = client.get(f"{view}?{query}")
        text = pdf_text(response.content) if view.endswith(".pdf") else response.content.decode()
        # The header's sign-out form carries a CSRF token masked anew on every response.
        text = CSRF_TOKEN.sub('name="csrfmiddlewaretoken" value=""', text)
        answers[view] = (response.status_code, text)
    response = client.get(f"/kits/download/?{query}")
    archive = open_zip(body(response))
    answers["/kits/download/"] = (
        response.status_code,
        "\n".join(archive.namelist()) + generated_text(archive),
    )
    return answers


@pytest.fixture(params=["anonymous", "signed in, not a trainer"])
def visitor(request, client, db):
    if request.param != "anonymous":
        someone = get_user_model().objects.create_user("member-kit", "m@example.org", "pw")
        client.force_login(someone)
    return client


def test_every_kit_view_answers_the_same_whatever_hides_the_module(visitor, world, secret):
    query = kit_query([world["recognizing"], secret])
    answers = []
    for hide in HIDDEN_STATES:
        hide(secret, world)
        answers.append((hide.__name__, everything_answered(visitor, query)))

    (_first, expected), *others = answers
    for name, answer in others:
        for view, (status, text) in answer.items():
            assert status == expected[view][0] == 200, (name, view)
            assert text == expected[view][1], f"{view} tells “{name}” apart"
    for _name, answer in answers:
        for view, (_status, text) in answer.items():
            assert SECRET_TITLE not in text, view
            assert SECRET_SUMMARY not in text, view


@pytest.mark.parametrize("hide", HIDDEN_STATES, ids=lambda hide: hide.__name__)
def test_the_kit_says_only_that_the_module_is_not_available(client, world, secret, hide):
    hide(secret, world)
    query = kit_query([world["recognizing"], secret])
    message = not_available(secret.pk)

    assert left_out(client.get(f"/kits/?{query}")) == [message]
    for view in ("/kits/agenda/", "/kits/guide/"):
        assert message in client.get(f"{view}?{query}").content.decode(), view
    archive = open_zip(body(client.get(f"/kits/download/?{query}")))
    assert message in readme_text(archive)


def test_a_number_no_module_ever_had_gets_the_same_words(client, world):
    never = 2**31 - 1
    response = client.get(f"/kits/?{kit_query([world['recognizing'], never])}")
    assert left_out(response) == [not_available(never)]


def test_a_trainer_still_gets_the_module(client, world, secret, trainers):
    trainer = get_user_model().objects.create_user("trainer-kit", "t@example.org", "pw")
    trainer.groups.add(trainers)
    client.force_login(trainer)
    query = kit_query([world["recognizing"], secret])
    response = client.get(f"/kits/?{query}")
    assert left_out(response) == []
    assert SECRET_TITLE in response.content.decode()
    assert SECRET_SUMMARY in pdf_text(client.get(f"/kits/guide.pdf?{query}").content)
