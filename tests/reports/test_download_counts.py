"""Downloads are counted once per download started, per day, and never say who downloaded."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction

from reports.counting import count_document_download
from reports.models import DownloadCount
from tests.courses.factories import HandoutFactory, ModulePageFactory, SlidesFactory
from tests.kits.helpers import body, kit_query

from .helpers import first_column, report_rows

DOWNLOADED = "reports_most_downloaded"
# Everything a row holds: nothing about who downloaded (no user, address, session or browser).
ROW_FIELDS = {"id", "day", "document", "kit", "kit_label", "count"}


def counts():
    return list(DownloadCount.objects.values_list("document", "kit", "count"))


@pytest.fixture
def handout(db):
    return HandoutFactory(title="Recognizing STS")


def test_a_download_is_counted_for_the_day_and_the_file_only(client, handout):
    response = client.get(handout.url)
    assert response.status_code == 200
    body(response)
    (row,) = DownloadCount.objects.all()
    assert {field.attname.removesuffix("_id") for field in row._meta.concrete_fields} == ROW_FIELDS
    assert (row.day, row.document_id, row.kit, row.kit_label, row.count) == (
        timezone.localdate(),
        handout.pk,
        None,
        "",
        1,
    )


def test_each_download_adds_one_to_the_same_row(client, handout):
    for _ in range(3):
        assert client.get(handout.url).status_code == 200
    assert counts() == [(handout.pk, None, 3)]


def test_opening_a_pdf_in_the_browser_is_counted(client, handout):
    response = client.get(f"/documents/{handout.pk}/view/{handout.filename}")
    assert response.status_code == 200
    assert counts() == [(handout.pk, None, 1)]


def test_a_byte_range_from_the_start_is_a_download_and_its_continuation_is_not(client, handout):
    client.get(handout.url, HTTP_RANGE="bytes=0-99")
    client.get(handout.url, HTTP_RANGE="bytes=100-")
    client.get(handout.url, HTTP_RANGE="bytes=-50")
    assert counts() == [(handout.pk, None, 1)]


def test_a_browser_checking_its_copy_or_asking_for_headers_is_not_a_download(client, handout):
    response = client.get(handout.url, HTTP_IF_NONE_MATCH=f'"{handout.file_hash}"')
    assert response.status_code == 304
    assert client.head(handout.url).status_code == 200
    assert counts() == []


def test_a_missing_or_refused_file_is_not_counted(client, handout):
    assert client.get(f"/documents/{handout.pk}/wrong.pdf").status_code == 404
    assert client.get(f"/documents/{handout.pk + 1000}/{handout.filename}").status_code == 404
    private = Collection.get_first_root_node().add_child(name="Members only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    members = HandoutFactory(title="Members handout", collection=private)
    assert client.get(members.url).status_code in (302, 403)
    trainer_files = Collection.get_first_root_node().add_child(name="Trainer files")
    locked = CollectionViewRestriction.objects.create(
        collection=trainer_files, restriction_type="groups"
    )
    locked.groups.add(Group.objects.get_or_create(name="Trainers")[0])
    answer_sheet = HandoutFactory(title="Trainer answer sheet", collection=trainer_files)
    assert client.get(answer_sheet.url).status_code in (302, 403)
    assert counts() == []


def test_two_first_downloads_at_once_make_one_row(handout, monkeypatch):
    """The other download created the day's row after this one found none: the create fails on
    the unique constraint and this download is added to that row."""
    DownloadCount.objects.create(day=timezone.localdate(), document=handout, count=1)
    update = QuerySet.update
    calls = []

    def first_update_finds_nothing(queryset, **kwargs):
        calls.append(kwargs)
        return 0 if len(calls) == 1 else update(queryset, **kwargs)

    monkeypatch.setattr(QuerySet, "update", first_update_finds_nothing)
    count_document_download(handout)
    assert len(calls) == 2
    assert counts() == [(handout.pk, None, 2)]


@pytest.fixture
def kit_modules(db):
    first = ModulePageFactory(title="Self-care plans", slides=[SlidesFactory()])
    second = ModulePageFactory(title="Recognizing STS", handouts=[HandoutFactory()])
    return first, second


def test_a_kit_download_is_counted_by_its_modules_with_nothing_personal(client, kit_modules):
    first, second = kit_modules
    query = kit_query([second, "b15", first], title="Team day for Alice Example")
    response = client.get(f"/kits/download/?{query}")
    assert response.status_code == 200
    body(response)
    (row,) = DownloadCount.objects.all()
    assert {field.attname.removesuffix("_id") for field in row._meta.concrete_fields} == ROW_FIELDS
    assert (row.day, row.document_id, row.kit, row.kit_label, row.count) == (
        timezone.localdate(),
        None,
        f"{first.pk},{second.pk}",
        "Self-care plans · Recognizing STS",
        1,
    )
    # The same modules in another order, with another title, are the same kit.
    client.get(f"/kits/download/?{kit_query([first, second], title='Another title')}")
    assert counts() == [(None, f"{first.pk},{second.pk}", 2)]
    # The files inside the ZIP are not counted as downloads of their own.
    assert not DownloadCount.objects.filter(document__isnull=False).exists()


def test_a_resumed_or_refused_kit_download_is_not_counted(client, kit_modules):
    query = kit_query(kit_modules)
    assert client.get(f"/kits/download/?{query}", HTTP_RANGE="bytes=100-").status_code == 206
    assert client.get(f"/kits/download/?{kit_query(['b15'])}").status_code == 409
    assert client.head(f"/kits/download/?{query}").status_code == 200
    assert counts() == []
    assert client.get(f"/kits/download/?{query}", HTTP_RANGE="bytes=0-99").status_code == 206
    assert counts() == [
        (None, ",".join(str(m.pk) for m in sorted(kit_modules, key=lambda m: m.pk)), 1)
    ]


def test_a_long_kit_label_is_shortened_to_fit(client, db):
    modules = [
        ModulePageFactory(title=f"Module with a long title number {n:02}") for n in range(12)
    ]
    client.get(f"/kits/download/?{kit_query(modules)}")
    (row,) = DownloadCount.objects.all()
    assert 200 < len(row.kit_label) <= 255
    assert row.kit_label.endswith("…")
    assert row.kit == ",".join(str(module.pk) for module in modules)


@pytest.fixture
def history(db):
    """Downloads on days before today: (days ago, count) for two handouts, slides and a kit."""
    today = timezone.localdate()
    often = HandoutFactory(title="Often downloaded")
    recent = HandoutFactory(title="Downloaded this week")
    deck = SlidesFactory(title="Popular deck")

    def add(days_ago, count, **thing):
        day = today - datetime.timedelta(days=days_ago)
        DownloadCount.objects.create(day=day, count=count, **thing)

    for days_ago, count in ((0, 3), (29, 2), (30, 5), (89, 1), (90, 100)):
        add(days_ago, count, document=often)
    add(1, 7, document=recent)
    add(60, 4, kit="1,2", kit_label="Self-care plans · Recognizing STS")
    add(10, 1, document=deck)
    return often, recent, deck


def test_most_downloaded_counts_the_last_30_and_90_days(editor_client, history):
    rows = report_rows(editor_client, DOWNLOADED)
    assert rows == [
        ["Downloaded this week", "Handout", "7", "7"],
        ["Often downloaded", "Handout", "5", "11"],
        ["Popular deck", "Slides", "1", "1"],
        ["Self-care plans · Recognizing STS", "Session kit", "0", "4"],
    ]


def test_most_downloaded_sorts_by_the_90_days(editor_client, history):
    assert first_column(editor_client, DOWNLOADED, ordering="-last_90") == [
        "Often downloaded",
        "Downloaded this week",
        "Self-care plans · Recognizing STS",
        "Popular deck",
    ]


@pytest.mark.parametrize(
    ("what", "titles"),
    [
        ("handouts", ["Downloaded this week", "Often downloaded"]),
        ("files", ["Downloaded this week", "Often downloaded", "Popular deck"]),
        ("kits", ["Self-care plans · Recognizing STS"]),
    ],
)
def test_most_downloaded_filters_handouts_files_or_kits(editor_client, history, what, titles):
    assert first_column(editor_client, DOWNLOADED, what=what) == titles


def test_a_kit_row_opens_the_kit(editor_client, history):
    response = editor_client.get("/admin/reports/most-downloaded/", {"what": "kits"})
    assert 'href="/kits/?items=1,2"' in response.content.decode()
