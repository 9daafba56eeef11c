"""The demo's trainer-only answer key: a real tagged PDF in "Trainer-only materials", linked from
its module, opened by a trainer and locked for everyone else; loading again changes nothing."""

import io

import pytest
from django.contrib.auth.models import Group
from pypdf import PdfReader

from courses.collections import trainer_only_materials
from courses.models import CourseDocument, DocumentKind, ModulePage
from demo.trainer_materials import MODULE_SLUG, TITLE, VIGNETTES, TrainerMaterialsLoader
from home.models import SiteSettings
from roles.groups import HR_LEADERS, TRAINERS
from tests.courses.factories import CoursePageFactory, ModulePageFactory, home_page
from tests.courses.helpers import squash


@pytest.fixture
def module(db):
    home = home_page()
    SiteSettings.for_site(home.get_site())
    return ModulePageFactory(
        parent=CoursePageFactory(),
        slug=MODULE_SLUG,
        title="Burnout, STS and compassion fatigue: telling them apart",
    )


@pytest.fixture
def answer_key(module):
    made = TrainerMaterialsLoader(log=lambda _message: None).load()
    assert made == 2  # the file, and the module's new revision that links it
    return CourseDocument.objects.get(title=TITLE)


def pdf_of(document):
    document.file.open("rb")
    with document.file:
        return PdfReader(io.BytesIO(document.file.read()))


def test_the_answer_key_is_a_trainer_only_facilitator_guide_linked_from_its_module(
    module, answer_key
):
    assert answer_key.collection == trainer_only_materials()
    assert answer_key.kind == DocumentKind.FACILITATOR_GUIDE
    module.refresh_from_db()
    assert [link.document for link in module.handout_links.all()] == [answer_key]
    assert module.live and not module.has_unpublished_changes


def test_the_answer_key_is_a_tagged_pdf_with_every_card_and_its_key(answer_key):
    reader = pdf_of(answer_key)
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en"
    assert reader.metadata.title == TITLE
    text = squash(" ".join(page.extract_text() for page in reader.pages))
    assert "Answer key" in text
    for number, (name, *_rest) in enumerate(VIGNETTES, start=1):
        assert f"Card {number}: {name}" in text
    assert "descriptions, not diagnoses" in text


def test_loading_again_changes_nothing(module, answer_key):
    revision = ModulePage.objects.get(pk=module.pk).latest_revision_id
    assert TrainerMaterialsLoader(log=lambda _message: None).load() == 0
    assert CourseDocument.objects.filter(title=TITLE).count() == 1
    assert ModulePage.objects.get(pk=module.pk).latest_revision_id == revision


def test_an_editors_unpublished_draft_is_never_published_to_add_the_link(module):
    module.title = "Draft title"
    module.save_revision()
    TrainerMaterialsLoader(log=lambda _message: None).load()
    module = ModulePage.objects.get(pk=module.pk)
    assert module.title != "Draft title"
    assert not module.handout_links.exists()


@pytest.mark.parametrize(("group", "status"), [(TRAINERS, 200), (HR_LEADERS, 403)])
def test_a_trainer_downloads_it_and_an_hr_leader_may_not(
    client, django_user_model, answer_key, group, status
):
    user = django_user_model.objects.create_user("demo-user", password="pw")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    response = client.get(answer_key.url)
    assert response.status_code == status
    if status == 403:
        assert b"This file is for trainers" in response.content
