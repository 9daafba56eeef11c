import pytest
from django.contrib.auth.models import Group

from roles import groups
from tests.courses.factories import ModulePageFactory, ReferenceFactory


def member(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    return member(django_user_model, "ed", groups.EDITORS)


@pytest.fixture
def reviewer(django_user_model):
    return member(django_user_model, "rev", groups.EVIDENCE_REVIEWERS)


@pytest.fixture
def publisher(django_user_model):
    return member(django_user_model, "pub", groups.PUBLISHERS)


@pytest.fixture
def module(db):
    reference = ReferenceFactory(title="Secondary traumatic stress in child welfare workers")
    module = ModulePageFactory(
        title="Noticing secondary traumatic stress",
        evidence_level="research",
        evidence_rationale="Two peer-reviewed studies of child welfare staff.",
        references=[reference],
    )
    module.save_revision().publish()  # live, as every module published from the admin is
    return module
