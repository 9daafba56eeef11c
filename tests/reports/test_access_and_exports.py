"""Who may open the content reports, and what their exports hold."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from reports.models import DownloadCount
from tests.courses.factories import HandoutFactory, ModulePageFactory

from .helpers import REPORT_URL_NAMES, exported

MENU_LABELS = [
    "Modules due for review",
    "Modules missing evidence",
    "Handouts no module uses",
    "Most downloaded",
]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def content(db):
    """One row in every report, each naming "Secret review notes"."""
    module = ModulePageFactory(title="Secret review notes", last_reviewed=None)
    handout = HandoutFactory(title="Secret review notes handout")
    DownloadCount.objects.create(day=timezone.localdate(), document=handout, count=2)
    return module


def signed_in(client, django_user_model, *group_names):
    user = django_user_model.objects.create_user(f"user-{'-'.join(group_names)}", password="pw")
    for name in group_names:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    client.force_login(user)
    return client


@pytest.mark.parametrize("url_name", REPORT_URL_NAMES)
def test_anonymous_visitors_are_sent_to_sign_in(client, content, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("group", ["HR leaders", "Trainers"])
@pytest.mark.parametrize("url_name", REPORT_URL_NAMES)
def test_hr_leaders_and_trainers_cannot_open_the_reports(
    client, django_user_model, content, group, url_name
):
    signed_in(client, django_user_model, group)
    for params in ({}, {"export": "csv"}):
        response = client.get(reverse(url_name), params)
        assert response.status_code in (302, 403)
        assert b"Secret review notes" not in b"".join(
            getattr(response, "streaming_content", [response.content])
        )


@pytest.fixture
def staff_without_reports(client, django_user_model):
    """Someone who may use the admin but was given no report."""
    group = Group.objects.create(name="Volunteers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return signed_in(client, django_user_model, "Volunteers")


@pytest.mark.parametrize("url_name", REPORT_URL_NAMES)
def test_admin_users_without_the_permission_are_refused(staff_without_reports, content, url_name):
    response = staff_without_reports.get(reverse(url_name))
    assert response.status_code in (302, 403)
    assert b"Secret review notes" not in response.content


def test_the_menu_offers_the_reports_only_to_those_who_may_see_them(
    staff_without_reports, editor, content
):
    admin_home = staff_without_reports.get(reverse("wagtailadmin_home")).content.decode()
    assert not any(label in admin_home for label in MENU_LABELS)
    staff_without_reports.force_login(editor)
    admin_home = staff_without_reports.get(reverse("wagtailadmin_home")).content.decode()
    assert all(label in admin_home for label in MENU_LABELS)


@pytest.mark.parametrize("group", ["Editors", "Evidence reviewers", "Publishers"])
@pytest.mark.parametrize("url_name", REPORT_URL_NAMES)
def test_editors_reviewers_and_publishers_open_every_report(
    client, django_user_model, content, group, url_name
):
    signed_in(client, django_user_model, group)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert "Secret review notes" in response.content.decode()


@pytest.mark.parametrize(("export", "content_type"), [("csv", "text/csv"), ("xlsx", XLSX)])
@pytest.mark.parametrize("url_name", REPORT_URL_NAMES)
def test_every_report_exports_as_csv_and_excel(
    editor_client, content, url_name, export, content_type
):
    received_type, rows = exported(editor_client, url_name, export)
    assert received_type == content_type
    assert rows[1][0].startswith("Secret review notes"), rows


def test_the_review_export_gives_dates_and_days_as_values(editor_client, db):
    reviewed = timezone.localdate().replace(year=timezone.localdate().year - 2)
    module = ModulePageFactory(title="Old module", last_reviewed=reviewed)
    due = module.next_review_date(12)
    _type, rows = exported(editor_client, "reports_modules_due_for_review", "xlsx")
    assert rows[0] == [
        "Module",
        "Course",
        "Status",
        "Last reviewed",
        "Review due",
        "Days overdue (negative: days left)",
        "Evidence level",
    ]
    assert rows[1][0] == "Old module"
    assert rows[1][3] == reviewed
    assert rows[1][4] == due
    assert rows[1][5] == (timezone.localdate() - due).days
