"""The library never lists, counts, offers as a filter or links what a visitor may not have: a
trainer-only file is at most named in a locked entry (its title and kind, who may open it)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from courses.collections import trainer_only_materials
from courses.models import DocumentKind
from home.models import SiteSettings
from tests.courses.factories import (
    CourseDocumentFactory,
    CoursePageFactory,
    HandoutFactory,
    ModulePageFactory,
    home_page,
)
from tests.courses.helpers import soup, squash, text_of
from tests.home.factories import DomainPageFactory

from .factories import HandoutLibraryPageFactory
from .helpers import entry, options, result_count, titles

PUBLIC_TITLES = ["Draft-only handout", "Public handout"]
TRAINER_TITLES = ["Draft-only handout", "Public handout", "Trainer answer sheet", "Trainer slides"]
HIDDEN = ["Trainer answer sheet", "Trainer slides", "Draft module", "Trainer-only module",
          "Draft slides", "Advocacy", "Answer keys"]  # fmt: skip


@pytest.fixture
def trainers(db):
    return Group.objects.get(name="Trainers")


@pytest.fixture
def world(db, trainers):
    """A public module with a public handout and one in "Trainer-only materials"; a trainer-only
    module (the only one in Advocacy) with a file printed from it; a draft module with a printed
    file and a hand-made handout in the public collection that only it uses."""
    home = home_page()
    SiteSettings.for_site(home.get_site())
    science = DomainPageFactory(parent=home, title="Science", slug="science")
    advocacy = DomainPageFactory(parent=home, title="Advocacy", slug="advocacy")
    library = HandoutLibraryPageFactory()
    course = CoursePageFactory(title="Understanding STS")
    answer_sheet = HandoutFactory(title="Trainer answer sheet", collection=trainer_only_materials())
    answer_sheet.tags.add("Answer keys")
    public = ModulePageFactory(
        parent=course,
        title="Public module",
        domains=[science],
        handouts=[HandoutFactory(title="Public handout"), answer_sheet],
    )
    trainer_only = ModulePageFactory(parent=course, title="Trainer-only module", domains=[advocacy])
    restriction = PageViewRestriction.objects.create(page=trainer_only, restriction_type="groups")
    restriction.groups.add(trainers)
    CourseDocumentFactory(
        title="Trainer slides",
        kind=DocumentKind.SLIDES,
        generated_for=trainer_only,
        generated_key="slides.pdf",
    )
    draft = ModulePageFactory(
        parent=course,
        title="Draft module",
        domains=[advocacy],
        live=False,
        handouts=[HandoutFactory(title="Draft-only handout")],
    )
    CourseDocumentFactory(
        title="Draft slides", kind=DocumentKind.SLIDES, generated_for=draft, generated_key="s"
    )
    return {
        "library": library,
        "public": public,
        "trainer_only": trainer_only,
        "draft": draft,
        "answer_sheet": answer_sheet,
    }


def locked_titles(response):
    return [squash(e.get_text()) for e in soup(response).select(".locked-entry__title")]


def assert_nothing_hidden(response, locked=()):
    """Nothing hidden is in the page, except the titles `locked`, named in locked entries only."""
    page = soup(response)
    assert locked_titles(response) == list(locked)
    for locked_entry in page.select(".locked-entry"):
        locked_entry.decompose()
    html = str(page)
    for text in HIDDEN:
        assert text not in html, f"{text!r} shown"
    assert "/documents/" not in "".join(str(e) for e in soup(response).select(".locked-entry"))


def test_anonymous_visitors_see_public_files_only(client, world):
    response = client.get(world["library"].url)
    assert response.status_code == 200
    assert titles(response) == PUBLIC_TITLES
    assert result_count(response) == "2 handouts"
    assert options(response, "domain") == [("science", "Science")]
    assert options(response, "topic") == []
    assert_nothing_hidden(response, locked=["Trainer answer sheet"])
    assert world["answer_sheet"].url not in response.content.decode()


def test_a_file_only_a_draft_module_uses_is_listed_without_its_module(client, world):
    """Its collection is public, so its download works for anyone: listing it hides nothing.
    The draft module is never named or linked."""
    shown = entry(client.get(world["library"].url), "Draft-only handout")
    assert shown["modules"] == []
    assert world["draft"].url not in shown["html"]
    assert f"add={world['draft'].pk}" not in shown["html"]


@pytest.mark.parametrize(
    "params",
    [
        {"domain": "advocacy"},
        {"topic": "answer-keys"},
        {"q": "Trainer"},
        {"kind": "slides"},
    ],
    ids=["hidden-domain", "hidden-topic", "words", "kind-only-hidden-files-have"],
)
def test_asking_for_hidden_files_finds_nothing(client, world, params):
    """Filters the visitor may not use are unknown (the list shows what the rest matches); the
    trainer-only file is named only as a locked entry, found by a word of its title."""
    response = client.get(world["library"].url, params)
    assert response.status_code in (200, 404)
    assert "Trainer answer sheet" not in titles(response)
    assert "Trainer slides" not in titles(response)
    assert_nothing_hidden(response, locked=["Trainer answer sheet"])


def test_an_unknown_and_a_hidden_domain_get_the_same_answer(client, world):
    hidden = client.get(world["library"].url, {"domain": "advocacy"})
    unknown = client.get(world["library"].url, {"domain": "no-such-domain"})
    assert hidden.status_code == unknown.status_code == 404
    assert text_of(hidden) == text_of(unknown)


@pytest.fixture
def trainer_client(client, world, trainers, django_user_model):
    user = django_user_model.objects.create_user("trainer-lib", "t@example.org", "pw")
    user.groups.add(trainers)
    client.force_login(user)
    return client


@pytest.fixture
def member_client(client, world, django_user_model):
    """Signed in, in the HR leaders group, not a trainer."""
    user = django_user_model.objects.create_user("hr-lib", "hr@example.org", "pw")
    user.groups.add(Group.objects.get(name="HR leaders"))
    client.force_login(user)
    return client


def test_a_trainer_sees_trainer_files_and_their_modules(trainer_client, world):
    response = trainer_client.get(world["library"].url)
    assert titles(response) == TRAINER_TITLES
    assert result_count(response) == "4 handouts"
    assert options(response, "domain") == [("science", "Science"), ("advocacy", "Advocacy")]
    assert options(response, "topic") == [("answer-keys", "Answer keys")]
    slides = entry(response, "Trainer slides")
    module = world["trainer_only"]
    assert slides["links"]["Trainer-only module"] == module.url
    assert slides["links"]["Add to kit: Trainer-only module"] == f"/kits/?add={module.pk}"
    assert entry(response, "Trainer answer sheet")["links"]["Public module"] == world["public"].url
    assert titles(trainer_client.get(world["library"].url, {"domain": "advocacy"})) == [
        "Trainer slides"
    ]
    assert "Draft module" not in response.content.decode()
    assert locked_titles(response) == []
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_member_who_is_not_a_trainer_sees_public_files_only(member_client, world):
    response = member_client.get(world["library"].url)
    assert titles(response) == PUBLIC_TITLES
    assert_nothing_hidden(response, locked=["Trainer answer sheet"])
    assert "public" not in response["Cache-Control"]
