"""The reports that keep modules current: due for review, and missing evidence."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from courses.models import ModulePage
from home.models import SiteSettings
from reports.queries import review_cutoff
from tests.courses.factories import (
    CoursePageFactory,
    ModulePageFactory,
    ReferenceFactory,
    home_page,
)
from tests.courses.helpers import soup

from .helpers import first_column, report_rows

DUE = "reports_modules_due_for_review"
MISSING = "reports_modules_missing_evidence"


def reviewed_due_in(days, months=12):
    """A last-reviewed date whose review falls due `days` from today (negative: overdue)."""
    return timezone.localdate() + datetime.timedelta(days=days) - relativedelta(months=months)


@pytest.fixture
def modules(db):
    course = CoursePageFactory(title="Understanding STS")
    made = {
        "overdue": ModulePageFactory(
            parent=course, title="Overdue module", last_reviewed=reviewed_due_in(-20)
        ),
        "in 10 days": ModulePageFactory(
            parent=course, title="Due in ten days", last_reviewed=reviewed_due_in(10)
        ),
        "in 40 days": ModulePageFactory(
            parent=course, title="Due in forty days", last_reviewed=reviewed_due_in(40)
        ),
        "never": ModulePageFactory(parent=course, title="Never reviewed", last_reviewed=None),
        "fresh": ModulePageFactory(
            parent=course, title="Reviewed today", last_reviewed=timezone.localdate()
        ),
        "draft": ModulePageFactory(
            parent=course, title="Overdue draft", last_reviewed=reviewed_due_in(-400), live=False
        ),
    }
    return made


def test_the_review_cut_off_agrees_with_the_modules_own_review_date():
    """Every last-reviewed date up to the cut-off falls due within 30 days, none after it,
    whatever the month ends and leap days in between."""
    module = ModulePage()
    for interval in (1, 6, 12, 13):
        for offset in range(0, 430, 3):
            today = datetime.date(2027, 10, 1) + datetime.timedelta(days=offset)
            limit = today + datetime.timedelta(days=30)
            cutoff = review_cutoff(today, interval)
            for shift in range(-35, 36):
                module.last_reviewed = cutoff + datetime.timedelta(days=shift)
                due_in_window = module.next_review_date(interval) <= limit
                assert due_in_window == (shift <= 0), (today, interval, module.last_reviewed)


def test_due_for_review_lists_overdue_soon_due_and_never_reviewed_modules(editor_client, modules):
    titles = first_column(editor_client, DUE)
    # Never reviewed first, then the most overdue; due in 40 days and fresh ones are not listed.
    assert titles == ["Never reviewed", "Overdue draft", "Overdue module", "Due in ten days"]


def test_each_row_says_when_the_review_falls_due_and_links_to_the_editor(editor_client, modules):
    rows = {row[0]: row for row in report_rows(editor_client, DUE)}
    overdue = modules["overdue"]
    due = overdue.next_review_date(12)
    days = (timezone.localdate() - due).days
    assert rows["Overdue module"][1:4] == [
        "Understanding STS",
        "Live",
        date_format(overdue.last_reviewed),
    ]
    assert rows["Overdue module"][4:] == [
        date_format(due),
        f"{days} days overdue",
        "Practice-informed",
    ]
    soon = modules["in 10 days"]
    left = (soon.next_review_date(12) - timezone.localdate()).days
    assert rows["Due in ten days"][5] == f"{left} days left"
    assert rows["Never reviewed"][3:6] == ["", "", "Never reviewed"]
    assert rows["Overdue draft"][2] == "Draft"
    links = soup(editor_client.get(reverse(DUE))).select("td.title a")
    assert {a.get_text(strip=True): a["href"] for a in links}["Overdue module"] == reverse(
        "wagtailadmin_pages:edit", args=[overdue.pk]
    )


def test_the_review_interval_comes_from_the_site_settings(editor_client, modules):
    settings = SiteSettings.for_site(home_page().get_site())
    settings.review_interval_months = 24
    settings.save()
    # Reviewed 12 months and 20 days ago: not due for another 11 months with a 24-month interval.
    assert first_column(editor_client, DUE) == ["Never reviewed", "Overdue draft"]


def test_due_for_review_can_be_sorted_latest_due_first(editor_client, modules):
    titles = first_column(editor_client, DUE, ordering="-last_reviewed")
    assert titles == ["Due in ten days", "Overdue module", "Overdue draft", "Never reviewed"]


def test_nothing_due_is_said_plainly(editor_client, db):
    ModulePageFactory(title="Reviewed today", last_reviewed=timezone.localdate())
    response = editor_client.get(reverse(DUE))
    assert "No module is due for review in the next 30 days" in response.content.decode()


@pytest.fixture
def evidence_modules(db):
    course = CoursePageFactory(title="Supervising teams")
    reference = ReferenceFactory()
    complete = ModulePageFactory(parent=course, title="Complete", references=[reference])
    no_references = ModulePageFactory(parent=course, title="Without references")
    no_level = ModulePageFactory(parent=course, title="Without a level", references=[reference])
    neither = ModulePageFactory(parent=course, title="Without either", live=False)
    ModulePage.objects.filter(pk__in=[no_level.pk, neither.pk]).update(evidence_level="")
    return complete, no_references, no_level, neither


def test_missing_evidence_names_what_each_module_lacks(editor_client, evidence_modules):
    rows = report_rows(editor_client, MISSING)
    assert [(row[0], row[3]) for row in rows] == [
        ("Without a level", "Evidence level"),
        ("Without either", "References and evidence level"),
        ("Without references", "References"),
    ]
    assert [row[1] for row in rows] == ["Supervising teams"] * 3
    assert [row[4] for row in rows] == ["None", "None", "Practice-informed"]
