"""Each role can do what it is for and no more: the groups the roles migration makes."""

import importlib

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from courses.models import ModulePage, Reference
from roles import groups
from tests.courses.factories import ModulePageFactory
from tests.review.conftest import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(db):
    module = ModulePageFactory(title="Supervising for STS")
    module.save_revision().publish()
    return module


def page_permissions(group_name):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name).values_list(
            "permission__codename", flat=True
        )
    )


def test_the_roles_exist():
    assert set(groups.ALL) <= set(Group.objects.values_list("name", flat=True))
    assert not Group.objects.filter(name="Moderators").exists()  # renamed to Publishers


def test_page_permissions_per_role():
    assert page_permissions(groups.EDITORS) == {"add_page", "change_page"}
    assert page_permissions(groups.PUBLISHERS) == {"publish_page", "lock_page", "unlock_page"}
    assert page_permissions(groups.EVIDENCE_REVIEWERS) == set()
    assert page_permissions(groups.TRAINERS) == set()
    assert page_permissions(groups.HR_LEADERS) == set()


@pytest.mark.parametrize(
    ("group_name", "can_edit", "can_publish"),
    [
        (groups.EDITORS, True, False),
        (groups.EVIDENCE_REVIEWERS, False, False),
        (groups.PUBLISHERS, False, True),
        (groups.TRAINERS, False, False),
        (groups.HR_LEADERS, False, False),
    ],
)
def test_who_may_edit_and_publish_a_module(
    django_user_model, module, group_name, can_edit, can_publish
):
    user = member(django_user_model, "someone", group_name)
    tester = module.permissions_for_user(user)
    assert tester.can_edit() is can_edit
    assert tester.can_publish() is can_publish


def test_an_editor_adds_a_reference(client, django_user_model):
    client.force_login(member(django_user_model, "ed", groups.EDITORS))
    url = reverse("wagtailsnippets_courses_reference:add")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "kind": "article",
            "authors": "Bride, B. E.",
            "year": "2007",
            "title": "Prevalence of secondary traumatic stress among social workers",
            "source": "Social Work",
            "volume": "52",
            "issue": "1",
            "pages": "63–70",
            "doi": "10.1093/sw/52.1.63",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Reference.objects.filter(title__startswith="Prevalence of secondary").exists()


@pytest.mark.parametrize("group_name", [groups.EVIDENCE_REVIEWERS, groups.PUBLISHERS])
def test_reviewers_and_publishers_read_references_but_do_not_add_them(
    client, django_user_model, group_name
):
    client.force_login(member(django_user_model, "someone", group_name))
    assert client.get(reverse("wagtailsnippets_courses_reference:list")).status_code == 200
    response = client.get(reverse("wagtailsnippets_courses_reference:add"))
    assert response.status_code in (302, 403)


def test_a_publisher_unpublishes(client, django_user_model, module):
    client.force_login(member(django_user_model, "pub", groups.PUBLISHERS))
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[module.pk]))
    assert response.status_code == 302
    assert not ModulePage.objects.get(pk=module.pk).live


def test_an_editor_cannot_unpublish(client, django_user_model, module):
    client.force_login(member(django_user_model, "ed", groups.EDITORS))
    client.post(reverse("wagtailadmin_pages:unpublish", args=[module.pk]))
    assert ModulePage.objects.get(pk=module.pk).live


@pytest.mark.parametrize("group_name", [groups.TRAINERS, groups.HR_LEADERS])
def test_trainers_and_hr_leaders_never_reach_the_admin(
    client, django_user_model, module, group_name
):
    client.force_login(member(django_user_model, "someone", group_name))
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[module.pk]),
        reverse("wagtailsnippets_courses_reference:add"),
        reverse("wagtaildocs:index"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"] or "sign-in" in response["Location"]


def run_roles_migration():
    from django.apps import apps

    importlib.import_module("roles.migrations.0001_roles").set_up_roles(apps, None)


def test_running_the_roles_migration_keeps_a_sites_own_grants_but_not_forbidden_ones(module):
    editors = Group.objects.get(name=groups.EDITORS)
    lock = Permission.objects.get(codename="lock_page")
    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(group=editors, page=module, permission=lock)
    GroupPagePermission.objects.create(group=editors, page=module, permission=publish)
    run_roles_migration()
    assert GroupPagePermission.objects.filter(group=editors, page=module, permission=lock).exists()
    assert not GroupPagePermission.objects.filter(group=editors, permission=publish).exists()
    assert page_permissions(groups.EDITORS) == {"add_page", "change_page", "lock_page"}


def test_publishers_approve_the_other_pages_without_editing_them(client, django_user_model):
    from tests.courses.factories import home_page
    from tests.home.factories import StandardPageFactory

    page = StandardPageFactory(title="About the consortium", parent=home_page())
    page.save_revision().publish()
    workflow = page.get_workflow()
    assert workflow.name == "Publisher approval"
    assert [type(task.specific).__name__ for task in workflow.tasks] == ["PublishingTask"]
    editor = member(django_user_model, "ed", groups.EDITORS)
    workflow.start(page, editor)
    client.force_login(member(django_user_model, "pub", groups.PUBLISHERS))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 302
